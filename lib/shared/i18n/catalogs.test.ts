// The catalogs are complete: every key in both languages with the same ICU arguments, every message valid ICU,
// no English left in the German catalog, and every key the code asks for present. The source scan covers what
// the type check cannot see (keys in zod schemas are checked by messageKey's type, template keys only here).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { CATALOGS } from './catalogs';
import { LOCALES } from './locales';

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(path, v);
    else for (const [p, s] of leaves(v, path)) out.set(p, s);
  }
  return out;
}

/** The message's arguments as `name:kind`, plural and select cases included, sorted. */
function argumentsOf(message: string): string[] {
  const found = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const el of elements) {
      if (el.type === TYPE.argument) found.add(`${el.value}:text`);
      if (el.type === TYPE.number || el.type === TYPE.date || el.type === TYPE.time)
        found.add(`${el.value}:${TYPE[el.type]}`);
      if (el.type === TYPE.plural || el.type === TYPE.select) {
        found.add(`${el.value}:${TYPE[el.type]}`);
        expect(Object.keys(el.options), `"${message}" needs an "other" case`).toContain('other');
        for (const option of Object.values(el.options)) walk(option.value);
      }
      if (el.type === TYPE.tag) walk(el.children);
    }
  };
  walk(parse(message));
  return [...found].sort();
}

const catalogs = Object.fromEntries(
  LOCALES.map((l) => [l, leaves(CATALOGS[l] as unknown as Tree)]),
) as Record<(typeof LOCALES)[number], Map<string, string>>;
const english = catalogs.en;

/** Names, symbols and patterns that read the same in both languages. */
const SAME_IN_BOTH = new Set([
  'app.name',
  'caller.fields.name',
  'locale.names.en',
  'locale.names.de',
  'platforms.ios',
  'platforms.ipados',
  'platforms.androidEnterprise',
  'platforms.androidAosp',
  'platforms.windows',
  'platforms.macos',
  'device.fields.imei',
  'device.fields.meid',
  'device.none',
  'passcode.buttonForNoSerial',
  'tray.changed',
  'errors.digest',
  'activity.ticket',
  'activity.columns.ticket',
  'activity.outcomes.none',
  'ticketSummary.title',
  'ticketSummary.ticket',
]);

describe('message catalogs', () => {
  it('have the same keys in every language', () => {
    for (const locale of LOCALES) {
      const keys = [...catalogs[locale].keys()];
      expect(
        [...english.keys()].filter((k) => !catalogs[locale].has(k)),
        `missing in ${locale}`,
      ).toEqual([]);
      expect(
        keys.filter((k) => !english.has(k)),
        `only in ${locale}`,
      ).toEqual([]);
    }
  });

  it('are valid ICU with the same arguments in every language', () => {
    for (const [key, message] of english) {
      const args = argumentsOf(message);
      for (const locale of LOCALES) {
        expect(argumentsOf(catalogs[locale].get(key) ?? ''), `${locale} ${key}`).toEqual(args);
      }
    }
  });

  it('leave no English sentence untranslated in German', () => {
    const same = [...english]
      .filter(([k, v]) => catalogs.de.get(k) === v && !SAME_IN_BOTH.has(k))
      .map(([k]) => k);
    expect(same).toEqual([]);
  });
});

// ---- Keys the code uses ----

const ROOTS = ['app', 'components', 'lib'];
const SOURCE = /\.(ts|tsx)$/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return SOURCE.test(e.name) && !e.name.includes('.test.') && !e.name.endsWith('.d.ts')
      ? [path]
      : [];
  });
}

interface Use {
  file: string;
  key: string;
  template: boolean;
}

/**
 * Every key a file asks for: `t('key')`, `t.rich('key')`, `t.has('key')` and template keys `t(\`kinds.${k}\`)` on a
 * translator bound by `useTranslations('ns')`, `getTranslations('ns')` or `createTranslator({ namespace })` (a later
 * binding of the same name replaces an earlier one, as each component binds its own), `messageKey('full.key')`,
 * and `apiText('code')` (errors.codes).
 */
function keysUsed(file: string): Use[] {
  const text = readFileSync(file, 'utf8');
  const uses: Use[] = [];
  const events: { at: number; kind: 'bind'; name: string; ns: string }[] = [];
  const bind =
    /const (\w+) = (?:await )?(?:useTranslations|getTranslations)\(\s*(?:'([\w.]*)')?\s*\)/g;
  for (const m of text.matchAll(bind))
    events.push({ at: m.index, kind: 'bind', name: m[1] ?? '', ns: m[2] ?? '' });
  const created = /const (\w+) = createTranslator\(\{[^}]*namespace: '([\w.]+)'/g;
  for (const m of text.matchAll(created))
    events.push({ at: m.index, kind: 'bind', name: m[1] ?? '', ns: m[2] ?? '' });
  const names = new Set(events.map((e) => e.name));
  for (const name of names) {
    const call = new RegExp(
      `\\b${name}(?:\\.rich|\\.markup|\\.has)?\\(\\s*(?:'([^']+)'|\`([^\`]+)\`)`,
      'g',
    );
    for (const m of text.matchAll(call)) {
      const binding = events.filter((e) => e.name === name && e.at < m.index).at(-1);
      if (!binding) continue;
      const raw = m[1] ?? m[2] ?? '';
      uses.push({
        file,
        key: binding.ns ? `${binding.ns}.${raw}` : raw,
        template: m[2] !== undefined,
      });
    }
  }
  for (const m of text.matchAll(/\bmessageKey\('([^']+)'\)/g))
    uses.push({ file, key: m[1] ?? '', template: false });
  for (const m of text.matchAll(/\bapiText\('([^']+)'/g))
    uses.push({ file, key: `errors.codes.${m[1]}`, template: false });
  return uses;
}

function exists(use: Use): boolean {
  if (!use.template) return english.has(use.key);
  // `kinds.${kind}`: some key must fit the pattern, one segment per placeholder.
  const pattern = new RegExp(
    `^${use.key
      .split(/\$\{[^}]+\}/)
      .map((part) => part.replace(/[.*+?^$()|[\]\\]/g, '\\$&'))
      .join('[^.]+')}$`,
  );
  return [...english.keys()].some((k) => pattern.test(k));
}

describe('keys used in code', () => {
  const root = join(__dirname, '..', '..', '..');
  const uses = ROOTS.flatMap((r) => sourceFiles(join(root, r))).flatMap(keysUsed);

  it('are found by the scan (a scan that finds nothing would prove nothing)', () => {
    expect(uses.length).toBeGreaterThan(150);
    expect(uses.filter((u) => u.template).length).toBeGreaterThan(10);
  });

  it('all exist in the catalogs', () => {
    const missing = uses
      .filter((u) => !exists(u))
      .map((u) => `${relative(root, u.file)}: ${u.key}`);
    expect(missing).toEqual([]);
  });
});
