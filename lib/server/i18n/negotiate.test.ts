import { describe, expect, it } from 'vitest';
import { negotiateLocale } from './negotiate';

describe('negotiateLocale', () => {
  it('follows Accept-Language, regional tags and q-values included', () => {
    expect(negotiateLocale(undefined, 'de-DE,de;q=0.9,en;q=0.8')).toBe('de');
    expect(negotiateLocale(undefined, 'de-AT')).toBe('de');
    expect(negotiateLocale(undefined, 'fr-FR,en;q=0.5,de;q=0.7')).toBe('de');
    expect(negotiateLocale(undefined, 'en-US,en;q=0.9')).toBe('en');
  });

  it('prefers the remembered choice over the browser, and falls back to English', () => {
    expect(negotiateLocale('en', 'de-DE')).toBe('en');
    expect(negotiateLocale('de', 'en-US')).toBe('de');
    expect(negotiateLocale('xx', 'fr-FR')).toBe('en');
    expect(negotiateLocale(undefined, null)).toBe('en');
  });
});
