// A device's last sync: the date, how long ago, and the full time on hover; stacked in a table cell, in a line
// of text in a card. Drawn from the row's words (row-view.ts): no hooks, as a row draws it while scrolling.
import type { RowView } from './row-view';

export function lastSync(sync: RowView['sync'], layout: 'stacked' | 'inline' = 'stacked') {
  if (!sync.synced) return <span>{sync.text}</span>;
  const time = (
    <time
      dateTime={sync.iso}
      title={sync.time}
      className={layout === 'stacked' ? 'block truncate' : undefined}
    >
      {sync.date}
    </time>
  );
  return layout === 'stacked' ? (
    <span className="block min-w-0">
      {time}
      <span
        className="block truncate text-xs text-slate-700 dark:text-slate-300"
        data-testid="last-sync-relative"
      >
        {sync.ago}
      </span>
    </span>
  ) : (
    // In a card it wraps rather than cut off "how long ago" (German runs long); the card has room for a line.
    <span className="block">
      {time}{' '}
      <span className="text-slate-700 dark:text-slate-300" data-testid="last-sync-relative">
        ({sync.ago})
      </span>
    </span>
  );
}
