// The console's passcode-action server action, posted over HTTP as the browser posts it: the action's id (from
// the build's server-reference manifest) in `Next-Action`, the arguments (the dialog's input, the agent's Graph
// token) encoded as React encodes plain JSON arguments, and the console's own Origin (a write without it is
// refused). The answer is a React Server Components stream; the result object is read out of it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export function passcodeActionId(root = process.cwd()): string {
  const manifest = JSON.parse(
    readFileSync(join(root, '.next', 'server', 'server-reference-manifest.json'), 'utf8'),
  ) as {
    node: Record<string, { exportedName: string }>;
  };
  const id = Object.entries(manifest.node).find(
    ([, a]) => a.exportedName === 'requestPasscodeAction',
  )?.[0];
  if (!id) throw new Error('no requestPasscodeAction in the build: run `npm run build` first');
  return id;
}

export interface ActionInput {
  deviceId: string;
  kind: string;
  ticket: string;
  note?: string;
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

export async function postPasscodeAction(
  origin: string,
  actionId: string,
  input: ActionInput,
  token: string,
): Promise<PostedAction> {
  const started = performance.now();
  const res = await fetch(`${origin}/`, {
    method: 'POST',
    headers: {
      'Next-Action': actionId,
      Accept: 'text/x-component',
      'Content-Type': 'text/plain;charset=UTF-8',
      Origin: origin,
    },
    body: encodeArguments([{ note: '', ...input }, token]),
    redirect: 'manual',
  });
  const text = await res.text();
  const ms = performance.now() - started;
  return {
    httpStatus: res.status,
    ms,
    status: /"status":"(\w+)"/.exec(text)?.[1] ?? null,
    actionId: /"actionId":"([0-9a-f-]{36})"/.exec(text)?.[1] ?? null,
  };
}
