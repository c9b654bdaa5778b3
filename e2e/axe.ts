// The project's axe check: axe-core (WCAG 2.0/2.1 A and AA, WCAG 2.2 AA) on the page as it is now, failing on every
// serious or critical violation. Shared by the accessibility walk and the specs of single pages.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect } from './fixtures';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Scans the page as it is now; fails with the rule, impact and offending elements of every serious or critical finding. */
export async function expectAccessible(page: Page, what: string) {
  // Only violations are collected: axe skips building its passes and incomplete results, which cost it most of a
  // scan's time here and are never read. Legacy mode runs axe in the page itself; the default opens a blank page per
  // scan to merge the frames' results, injecting axe (650 KB) there and here again, which doubled the walk's time
  // (84 s against 40-49 s alone). The console's pages have no frames of another origin, and both modes report the
  // same violations (checked on a page with planted ones).
  const { violations } = await new AxeBuilder({ page })
    .setLegacyMode()
    .withTags(TAGS)
    .options({ resultTypes: ['violations'] })
    .analyze();
  const serious = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(' | ')}`,
    );
  expect(serious, `axe on ${what}`).toEqual([]);
}
