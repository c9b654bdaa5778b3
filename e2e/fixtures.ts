// Every end-to-end test runs inside guards that hold for every page of every browser context it opens:
// - the browser reaches only this machine: any request to another host fails, is recorded, and fails the test;
// - the console's Content-Security-Policy is never violated: a `securitypolicyviolation` in any page or frame
//   fails the test (the whole suite runs under the policy);
// - what the console answered the browser (pages, API answers, server action results) and every temporary passcode
//   the emulator generated are kept, for the secrets scan that runs after the suite (secrets-scan.spec.ts).
import { appendFileSync } from 'node:fs';
import { test as base, expect, type BrowserContext } from '@playwright/test';
import { E2E } from '../playwright.config';
import { emulator } from './emulator';
import { ANSWERS_FILE, PASSCODES_FILE, type RecordedAnswer } from './secrets';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export function isLocal(url: string): boolean {
  if (url.startsWith('data:') || url.startsWith('blob:') || url === 'about:blank') return true;
  try {
    return LOCAL_HOSTS.has(new URL(url).hostname);
  } catch {
    return false;
  }
}

export interface CspViolation {
  page: string;
  directive: string;
  blocked: string;
  source: string;
  line: number;
  sample: string;
}

interface Guards {
  leaks: string[];
  violations: CspViolation[];
  reads: Promise<void>[];
}

const CONSOLE_ORIGINS = new Set([
  E2E.consoleOrigin,
  E2E.everywhereOrigin,
  E2E.requiredOrigin,
  E2E.approvalOrigin,
]);
/** Bodies the scan skips: the console's own static files (code, styles, icons), which hold no answer for anyone. */
const STATIC =
  /^\/(_next\/static\/|favicon\.ico$|icon\.svg$|apple-touch-icon\.png$|manifest\.webmanifest$)/;

async function guard(context: BrowserContext, g: Guards): Promise<void> {
  // Recorded here; the browser itself cannot reach another host (its launch options in playwright.config.ts send
  // everything but loopback to a proxy that is not there), so no request needs a round trip through this process.
  context.on('request', (req) => {
    if (!isLocal(req.url())) g.leaks.push(`${req.method()} ${req.url()}`);
  });

  await context.exposeBinding(
    '__reportCspViolation',
    ({ frame }, v: Omit<CspViolation, 'page'>) => {
      g.violations.push({ page: frame.url(), ...v });
    },
  );
  await context.addInitScript(() => {
    addEventListener(
      'securitypolicyviolation',
      (e) => {
        const report = (window as unknown as { __reportCspViolation?: (v: object) => void })
          .__reportCspViolation;
        report?.({
          directive: e.effectiveDirective,
          blocked: e.blockedURI,
          source: e.sourceFile,
          line: e.lineNumber,
          sample: e.sample,
        });
      },
      true,
    );
  });

  context.on('response', (res) => {
    const url = new URL(res.url());
    if (
      !CONSOLE_ORIGINS.has(url.origin) ||
      STATIC.test(url.pathname) ||
      (res.status() >= 300 && res.status() < 400)
    )
      return;
    g.reads.push(
      res.text().then(
        (body) => {
          const answer: RecordedAnswer = {
            url: res.url(),
            status: res.status(),
            contentType: res.headers()['content-type'] ?? '',
            body,
          };
          appendFileSync(ANSWERS_FILE, `${JSON.stringify(answer)}\n`);
        },
        () => undefined,
      ),
    ); // a page closed before its body was read: nothing of it reached anyone
  });
}

export const test = base.extend<{
  guards: Guards;
  offLocalhost: string[];
  cspViolations: CspViolation[];
}>({
  // This worker's own console (each worker has servers of its own: playwright.config.ts, E2E_WORKERS).
  baseURL: async ({}, provide) => provide(E2E.consoleOrigin),
  guards: [
    async ({ context, browser }, provide) => {
      const g: Guards = { leaks: [], violations: [], reads: [] };
      await guard(context, g);
      // Contexts a test opens itself (a second agent) get the same guards.
      const newContext = browser.newContext.bind(browser);
      browser.newContext = async (...args) => {
        const created = await newContext(...args);
        await guard(created, g);
        return created;
      };
      try {
        await provide(g);
      } finally {
        browser.newContext = newContext;
      }
      await Promise.all(g.reads);
      const passcodes = (await emulator.actions())
        .map((a) => a.passcode)
        .filter((p): p is string => !!p);
      if (passcodes.length) appendFileSync(PASSCODES_FILE, `${passcodes.join('\n')}\n`);
      expect(g.leaks, 'requests that tried to leave localhost').toEqual([]);
      expect(g.violations, 'Content-Security-Policy violations').toEqual([]);
    },
    { auto: true },
  ],
  offLocalhost: async ({ guards }, provide) => provide(guards.leaks),
  cspViolations: async ({ guards }, provide) => provide(guards.violations),
});

export { expect };
