// What the console put on the clipboard. The console's Permissions-Policy allows clipboard-write only (nothing on
// its pages may read the clipboard), so a test cannot read it back from the page: it records every writeText call
// instead, before the console's scripts run.
import type { Page } from '@playwright/test';

declare global {
  interface Window {
    __copied?: string[];
  }
}

export async function recordClipboard(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const clipboard = navigator.clipboard;
    const write = clipboard.writeText.bind(clipboard);
    window.__copied = [];
    clipboard.writeText = async (text: string) => {
      await write(text);
      window.__copied?.push(text);
    };
  });
}

/** The last text the console copied, once it has copied something. */
export async function lastCopied(page: Page): Promise<string> {
  await page.waitForFunction(() => (window.__copied?.length ?? 0) > 0);
  return page.evaluate(() => window.__copied?.at(-1) ?? '');
}
