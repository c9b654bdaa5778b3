import 'server-only';
// Decides, from the agent's own token and Intune's RBAC, whether a passcode action can succeed for this agent before
// the dialog asks for a ticket (lib/shared/actions/agent-access.ts says why the two gaps get different words). The
// token's scopes are a hint, never an authorization (Graph decides on the POST); Entra puts every permission consented
// for the console into `scp`, so a missing privileged permission there means consent is missing. Intune's role is read
// with GET /deviceManagement/getEffectivePermissions, which needs DeviceManagementRBAC.Read.All: without that consent
// the role is unknown and Graph's 403 on the POST says it, as before.
import { z } from 'zod';
import { checkTokenShape } from '@/lib/server/auth/token-claims';
import { serverEnv } from '@/lib/server/config/server-env';
import { graphGet } from '@/lib/server/graph/client';
import { GraphError } from '@/lib/server/graph/errors';
import type { AgentAccess } from '@/lib/shared/actions/agent-access';
import { PRIVILEGED_SCOPE } from './request-passcode-action';

/** Intune's RBAC resource action behind Remove, Reset and Recover passcode (there is one permission for all three). */
export const RESET_PASSCODE_PERMISSION = 'Microsoft.Intune_RemoteTasks_ResetPasscode';
const RBAC_READ_SCOPES = ['DeviceManagementRBAC.Read.All', 'DeviceManagementRBAC.ReadWrite.All'];

const EffectivePermissions = z.object({
  value: z.array(
    z.object({
      resourceActions: z
        .array(
          z.object({
            allowedResourceActions: z.array(z.string()).nullish(),
            notAllowedResourceActions: z.array(z.string()).nullish(),
          }),
        )
        .nullish(),
    }),
  ),
});
export type EffectivePermissionsAnswer = z.infer<typeof EffectivePermissions>;

/** Whether Intune's effective permissions allow resetting passcodes (an explicit "not allowed" wins). */
export function rolePermitsReset(answer: EffectivePermissionsAnswer): boolean {
  const actions = answer.value.flatMap((p) => p.resourceActions ?? []);
  const allowed = actions.some((a) =>
    a.allowedResourceActions?.includes(RESET_PASSCODE_PERMISSION),
  );
  const denied = actions.some((a) =>
    a.notAllowedResourceActions?.includes(RESET_PASSCODE_PERMISSION),
  );
  return allowed && !denied;
}

/**
 * The decision, pure: `scopes` from the token (null when it cannot be read), `role` from Intune (null when not read
 * or the read failed). Consent first: without it nothing reaches Graph, whatever the role.
 */
export function decideAgentAccess(
  scopes: ReadonlySet<string> | null,
  role: EffectivePermissionsAnswer | null,
): AgentAccess {
  if (scopes && !scopes.has(PRIVILEGED_SCOPE)) return { state: 'missingConsent' };
  if (!role) return { state: 'unknown' };
  if (!rolePermitsReset(role)) return { state: 'missingRole' };
  return scopes ? { state: 'allowed' } : { state: 'unknown' };
}

/** Whether the token's scopes let the console read Intune's RBAC (one Graph read when they do). */
export const mayReadRoles = (scopes: ReadonlySet<string> | null) =>
  scopes !== null && RBAC_READ_SCOPES.some((s) => scopes.has(s));

export async function readAgentAccess(token: string, signal?: AbortSignal): Promise<AgentAccess> {
  const shape = checkTokenShape(token, { tenantId: serverEnv().AUTH_TENANT_ID });
  const scopes = shape.ok ? shape.claims.scopes : null;
  if (scopes && !scopes.has(PRIVILEGED_SCOPE)) return decideAgentAccess(scopes, null);
  if (!mayReadRoles(scopes)) return decideAgentAccess(scopes, null);
  try {
    // Intune's default scope tag ('0'): the roles' permissions; which devices they cover is the device read's to say.
    const { data } = await graphGet({
      path: "/deviceManagement/getEffectivePermissions(scope='0')",
      query: {},
      token,
      schema: EffectivePermissions,
      signal,
    });
    return decideAgentAccess(scopes, data);
  } catch (e) {
    if (e instanceof GraphError && !signal?.aborted) return decideAgentAccess(scopes, null);
    throw e;
  }
}
