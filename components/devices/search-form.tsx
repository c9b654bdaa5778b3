'use client';
// One search box that understands what it is given, plus the filters a helpdesk narrows by. `/` focuses
// the box from anywhere on the page; arrow-down moves from the box into the results.
import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import { useDebouncedCallback } from 'use-debounce';
import { SkipToTray } from '@/components/actions/skip-to-tray';
import { Button } from '@/components/ui/button';
import { cn } from '@/lib/shared/cn';
import { isShortcut } from '@/lib/browser/keyboard/shortcut-event';
import { PLATFORM_KEYS } from '@/lib/shared/devices/platforms';
import {
  MAX_QUERY_LENGTH,
  searchKind,
  STALE_DAY_CHOICES,
  type DeviceSearch,
} from '@/lib/shared/devices/search';
import { Input, Select } from '@/components/ui/input';
const COMPLIANCE_CHOICES = [
  'compliant',
  'noncompliant',
  'inGracePeriod',
  'unknown',
  'error',
  'conflict',
] as const;

export function SearchForm({
  search,
  onChange,
  onArrowDown,
}: {
  search: DeviceSearch;
  onChange: (next: DeviceSearch) => void;
  onArrowDown?: () => void;
}) {
  const t = useTranslations();
  const [text, setText] = useState(search.q);
  // Phone-narrow screens show the filters behind a button (CSS decides; wider screens always show them).
  const [filtersOpen, setFiltersOpen] = useState(false);
  const activeFilters = [search.os, search.compliance, search.owner, search.stale].filter(
    (v) => v !== undefined,
  ).length;
  const input = useRef<HTMLInputElement>(null);
  // The searches this box has asked for that the URL has not brought back yet (it does a moment later, when the agent
  // may have typed on), oldest first.
  const [asked, setAsked] = useState<readonly string[]>([]);
  const searchFor = (q: string) => {
    // The URL brings back only a change.
    if (q.trim() !== search.q) setAsked((list) => [...list, q.trim()]);
    onChange({ ...search, q: q.trim(), by: undefined });
  };
  const commit = useDebouncedCallback(searchFor, 350);
  /** What is in the box is searched now (Enter, the Search button), not when the typing pause would commit it. */
  const searchNow = () => {
    commit.cancel();
    searchFor(text);
  };

  // The URL is the truth: when it changes from outside (back button, pasted link), the box follows. Not when it
  // brings back what the box itself asked for: on a slow or busy machine that arrived after the next keys were typed,
  // and setting the box to it lost them (a serial number typed on after a pause searched a mangled one).
  const [urlQ, setUrlQ] = useState(search.q);
  if (search.q !== urlQ) {
    setUrlQ(search.q);
    const mine = asked.indexOf(search.q);
    if (mine >= 0) setAsked(asked.slice(mine + 1));
    else {
      setAsked([]);
      if (text.trim() !== search.q) setText(search.q);
    }
  }

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === '/' && isShortcut(e)) {
        e.preventDefault();
        input.current?.focus();
        input.current?.select();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const kind = searchKind(search);
  const select = (name: 'os' | 'compliance' | 'owner' | 'stale', value: string) =>
    onChange({
      ...search,
      [name]: value === '' ? undefined : name === 'stale' ? Number(value) : value,
    });

  return (
    <form
      role="search"
      // The console checks a search itself (lib/shared/devices/search.ts), so the browser's own constraint check,
      // which runs between Enter and the submit, has nothing to do. Not shown to be faster: Enter → request at 4× CPU
      // was 17.8 and 13.9 ms with noValidate, 17.7 and 15.8 ms without (two runs each).
      noValidate
      className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-700 dark:bg-slate-900"
      onSubmit={(e) => {
        e.preventDefault();
        searchNow();
      }}
    >
      <label htmlFor="device-search" className="sr-only">
        {t('search.label')}
      </label>
      <div className="flex gap-2">
        <Input
          ref={input}
          id="device-search"
          type="search"
          autoFocus
          autoComplete="off"
          spellCheck={false}
          maxLength={MAX_QUERY_LENGTH}
          value={text}
          placeholder={t('search.placeholder')}
          aria-describedby="search-kind"
          onChange={(e) => {
            setText(e.target.value);
            commit(e.target.value);
          }}
          onKeyDown={(e) => {
            // Enter searches on its key-down, not on the form's submit that the browser dispatches after it: the
            // request starts a dispatch sooner (17/17: Enter → request under 16 ms at 4× CPU). Not while an input
            // method composes a word: that Enter picks the word. The Search button still submits the form.
            if (e.key === 'Enter' && !e.nativeEvent.isComposing) {
              e.preventDefault();
              searchNow();
              return;
            }
            if (e.key !== 'ArrowDown' || !onArrowDown) return;
            e.preventDefault();
            commit.flush(); // what was typed is the search the results show
            onArrowDown();
          }}
          size="lg"
          className="w-auto min-w-0 flex-1"
        />
        <Button type="submit" size="lg">
          {t('search.submit')}
        </Button>
        {/* Two Tabs from the box where the page puts the focus, before the filters and the results (16/17). */}
        <SkipToTray testId="skip-to-tray-from-search" />
      </div>
      <p id="search-kind" className="mt-2 min-h-5 text-sm text-slate-700 dark:text-slate-300">
        {kind ? t(`search.kind.${kind}`) : t('devices.keyboardHelp')}
        {kind && kind !== 'name' && kind !== 'user' && (
          <button
            type="button"
            className="ml-2 text-sky-800 underline dark:text-sky-300"
            onClick={() => onChange({ ...search, by: 'name' })}
          >
            {t('search.searchAsName')}
          </button>
        )}
      </p>
      <Button
        variant="secondary"
        size="sm"
        className="mt-3 md:hidden"
        aria-expanded={filtersOpen}
        aria-controls="search-filters"
        data-testid="filters-toggle"
        onClick={() => setFiltersOpen((o) => !o)}
      >
        {t('search.activeFilters', { count: activeFilters })}
        <span aria-hidden="true">{filtersOpen ? '▴' : '▾'}</span>
      </Button>
      <fieldset
        id="search-filters"
        className={cn(
          'mt-3 flex-wrap gap-x-4 gap-y-2 text-sm md:flex',
          filtersOpen ? 'flex' : 'hidden',
        )}
      >
        <legend className="sr-only">{t('search.filters')}</legend>
        <FilterSelect
          label={t('search.platform')}
          any={t('search.any')}
          value={search.os ?? ''}
          onChange={(v) => select('os', v)}
          options={PLATFORM_KEYS.map((k) => [k, t(`platforms.${k}`)])}
        />
        <FilterSelect
          label={t('search.compliance')}
          any={t('search.any')}
          value={search.compliance ?? ''}
          onChange={(v) => select('compliance', v)}
          options={COMPLIANCE_CHOICES.map((c) => [c, t(`compliance.${c}`)])}
        />
        <FilterSelect
          label={t('search.ownership')}
          any={t('search.any')}
          value={search.owner ?? ''}
          onChange={(v) => select('owner', v)}
          options={[
            ['company', t('search.company')],
            ['personal', t('search.personal')],
          ]}
        />
        <FilterSelect
          label={t('search.stale')}
          any={t('search.any')}
          value={search.stale === undefined ? '' : String(search.stale)}
          onChange={(v) => select('stale', v)}
          options={STALE_DAY_CHOICES.map((d) => [
            String(d),
            t('search.staleOlderThan', { days: d }),
          ])}
        />
      </fieldset>
    </form>
  );
}

function FilterSelect({
  label,
  any,
  value,
  options,
  onChange,
}: {
  label: string;
  any: string;
  value: string;
  options: readonly (readonly [string, string])[];
  onChange: (value: string) => void;
}) {
  return (
    <label className="flex items-center gap-2">
      <span className="text-slate-700 dark:text-slate-300">{label}</span>
      <Select value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{any}</option>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </Select>
    </label>
  );
}
