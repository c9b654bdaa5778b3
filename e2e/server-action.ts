// The passcode action's server action as an attacker sees it: a public POST endpoint on any page, named by the
// id the build gave it. Tests send it hand-made requests.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { APIRequestContext, APIResponse } from '@playwright/test';
import { E2E } from '../playwright.config';

/** The id the build gave the server action exported as `name` (requestPasscodeAction, decideApproval, …). */
export function serverActionId(name: string): string {
  const manifest = JSON.parse(
    readFileSync(join('.next', 'server', 'server-reference-manifest.json'), 'utf8'),
  ) as {
    node: Record<string, { exportedName: string }>;
  };
  const id = Object.entries(manifest.node).find(([, a]) => a.exportedName === name)?.[0];
  if (!id) throw new Error(`no ${name} in the build: run \`npm run build\` first`);
  return id;
}

/** The id of the passcode action's server action (`requestPasscodeAction`), from the build that is being tested. */
export const passcodeActionId = (): string => serverActionId('requestPasscodeAction');

/**
 * POSTs a raw body to a server action (the passcode action's unless `actionId` names another), as the browser's fetch
 * would, from `origin` (none: no Origin header), to the console at `target` (this worker's own by default).
 */
export function postServerAction(
  request: APIRequestContext,
  body: string,
  origin: string | null = E2E.consoleOrigin,
  target: string = E2E.consoleOrigin,
  actionId: string = passcodeActionId(),
): Promise<APIResponse> {
  return request.post(`${target}/`, {
    headers: {
      'Next-Action': actionId,
      Accept: 'text/x-component',
      'Content-Type': 'text/plain;charset=UTF-8',
      ...(origin === null ? {} : { Origin: origin }),
    },
    data: body,
    maxRedirects: 0,
  });
}
