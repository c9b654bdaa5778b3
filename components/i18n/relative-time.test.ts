// How long ago an action was requested reads as a phrase in both languages, "just now" included: Intl's "now"
// ("jetzt") made "requested now" and "jetzt angefordert".
import { createFormatter, createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import { CATALOGS } from '@/lib/shared/i18n/catalogs';
import { LOCALES } from '@/lib/shared/i18n/locales';
import { timeAgo } from './relative-time';

const NOW = Date.parse('2026-12-03T10:00:00Z');
const at = (msBefore: number) => new Date(NOW - msBefore).toISOString();

const trayLine = (locale: (typeof LOCALES)[number], iso: string) => {
  const format = createFormatter({ locale, timeZone: 'UTC' });
  const t = createTranslator({ locale, messages: CATALOGS[locale] });
  return t('tray.requested', { ago: timeAgo(format, t('relativeTime.justNow'), iso, NOW) });
};

describe('the tray says when an action was requested', () => {
  it('in English', () => {
    expect(trayLine('en', at(0))).toBe('requested just now');
    expect(trayLine('en', at(20_000))).toBe('requested 20 seconds ago');
    expect(trayLine('en', at(3 * 60_000))).toBe('requested 3 minutes ago');
  });

  it('in German, the time before the verb', () => {
    expect(trayLine('de', at(0))).toBe('gerade eben angefordert');
    expect(trayLine('de', at(20_000))).toBe('vor 20 Sekunden angefordert');
    expect(trayLine('de', at(3 * 60_000))).toBe('vor 3 Minuten angefordert');
  });

  it('a server clock ahead of the browser does not make a request just made read as in the future', () => {
    expect(trayLine('en', at(-2000))).toBe('requested just now');
    expect(trayLine('de', at(-2000))).toBe('gerade eben angefordert');
  });
});
