// The glue between the hand-written checks (`Checked`, lib/shared/checked.ts) and zod, for the server's schemas:
// a check becomes a `.transform` that reports its message keys as zod issues on the field being parsed. Server
// only in practice: the browser never imports a `*-schema` module (eslint.config.mjs).
import { z } from 'zod';
import type { Checked } from './checked';

/** `z.string().transform(by(checkX))`: the check's value, or each of its message keys as an issue. */
export function by<In, Out>(check: (value: In) => Checked<Out>) {
  return (value: In, ctx: z.RefinementCtx<In>): Out => {
    const r = check(value);
    if (r.ok) return r.value;
    for (const message of r.errors) ctx.addIssue({ code: 'custom', message, input: value });
    return z.NEVER;
  };
}
