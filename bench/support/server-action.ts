// The console's server actions (the passcode action, the Caller panel's record of a verification), posted over HTTP as
// the browser posts them: the action's id (from the build's server-reference manifest) in `Next-Action`, the
// arguments (the dialog's input, the agent's Graph token) encoded as React encodes plain JSON arguments, and the
// console's own Origin (a write without it is refused). The answer is a React Server Components stream; the result
// object is read out of it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { VerificationInput } from '../../lib/shared/trust/verification-input';

export function passcodeActionId(root = process.cwd()): string {
  return serverActionId('requestPasscodeAction', root);
}

/** The Caller panel's Record (recordCallerVerification). */
export function verificationActionId(root = process.cwd()): string {
  return serverActionId('recordCallerVerification', root);
}

function serverActionId(name: string, root: string): string {
  const manifest = JSON.parse(
    readFileSync(join(root, '.next', 'server', 'server-reference-manifest.json'), 'utf8'),
  ) as {
    node: Record<string, { exportedName: string }>;
  };
  const id = Object.entries(manifest.node).find(([, a]) => a.exportedName === name)?.[0];
  if (!id) throw new Error(`no ${name} in the build: run \`npm run build\` first`);
  return id;
}

export interface ActionInput {
  deviceId: string;
  kind: string;
  ticket: string;
  note?: string;
  /** The caller's verification, recorded first (the console's default policy wants one). */
  verificationId?: string;
}

export interface PostedAction {
  httpStatus: number;
  ms: number;
  /** The result's status (accepted, refused, rateLimited, …), or null when the answer held none. */
  status: string | null;
  actionId: string | null;
}

/** React's encodeReply writes plain JSON for strings and objects; only strings starting with `$` are escaped. */
function encodeArguments(args: unknown[]): string {
  return JSON.stringify(args, (_k, v: unknown) =>
    typeof v === 'string' && v.startsWith('$') ? `$${v}` : v,
  );
}

async function post(origin: string, actionId: string, args: unknown[]) {
  const started = performance.now();
  const res = await fetch(`${origin}/`, {
    method: 'POST',
    headers: {
      'Next-Action': actionId,
      Accept: 'text/x-component',
      'Content-Type': 'text/plain;charset=UTF-8',
      Origin: origin,
    },
    body: encodeArguments(args),
    redirect: 'manual',
  });
  return { res, text: await res.text(), ms: performance.now() - started };
}

/**
 * Records that the agent saw the caller's photo ID in person (the Caller panel's Record), as the console's default
 * policy ("record") wants before a passcode action; the verification's id, or null when none was recorded.
 */
export async function recordInPersonVerification(
  origin: string,
  actionId: string,
  deviceId: string,
  token: string,
): Promise<{ verificationId: string | null; httpStatus: number; ms: number }> {
  const input: VerificationInput = {
    deviceId,
    method: 'inPerson',
    idType: 'passport',
    statement: 'Saw the passport at the service desk.',
  };
  const { res, text, ms } = await post(origin, actionId, [input, token]);
  const recorded = /"status":"recorded"/.test(text);
  return {
    verificationId: recorded ? (/"id":"([0-9a-f-]{36})"/.exec(text)?.[1] ?? null) : null,
    httpStatus: res.status,
    ms,
  };
}

export async function postPasscodeAction(
  origin: string,
  actionId: string,
  input: ActionInput,
  token: string,
): Promise<PostedAction> {
  const { res, text, ms } = await post(origin, actionId, [{ note: '', ...input }, token]);
  return {
    httpStatus: res.status,
    ms,
    status: /"status":"(\w+)"/.exec(text)?.[1] ?? null,
    actionId: /"actionId":"([0-9a-f-]{36})"/.exec(text)?.[1] ?? null,
  };
}
