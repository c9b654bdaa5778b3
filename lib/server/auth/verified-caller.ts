import 'server-only';
// Who is calling, as far as Graph vouches for it: the token's claims count only once Graph has accepted
// the same token. One cheap Graph read proves it; the answer is remembered per token (by its hash, never
// the token itself) until the token expires, so a tray refresh does not cost a Graph call each time.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { serverEnv } from '@/lib/server/config/server-env';
import { graphGet } from '@/lib/server/graph/client';
import { checkTokenShape, type TokenClaims } from './token-claims';

const verified = new Map<string, { claims: TokenClaims; until: number }>();
const MAX_ENTRIES = 5000;
const Probe = z.object({ value: z.array(z.unknown()) });

export type CallerCheck = { ok: true; claims: TokenClaims } | { ok: false; reason: string };

const keyOf = (token: string) => createHash('sha256').update(token).digest('base64url');

/** Graph has just accepted this token (for another read): remember it, so the next check costs no Graph call. */
export function rememberVerified(token: string, claims: TokenClaims): void {
  if (verified.size >= MAX_ENTRIES) verified.clear();
  verified.set(keyOf(token), { claims, until: claims.exp * 1000 });
}

export async function verifiedCaller(token: string): Promise<CallerCheck> {
  const shape = checkTokenShape(token, { tenantId: serverEnv().AUTH_TENANT_ID });
  if (!shape.ok) return { ok: false, reason: shape.reason };
  const key = keyOf(token);
  const hit = verified.get(key);
  if (hit && hit.until > Date.now()) return { ok: true, claims: hit.claims };
  // Throws GraphError when Graph refuses the token; the caller maps it.
  await graphGet({ path: '/deviceManagement/managedDevices', query: { $top: '1', $select: 'id' }, token, schema: Probe });
  rememberVerified(token, shape.claims);
  return { ok: true, claims: shape.claims };
}
