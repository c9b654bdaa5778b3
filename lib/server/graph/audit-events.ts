import 'server-only';
// Intune's own audit log: the event Intune wrote for one of our actions, found by its correlationId, which is
// the client-request-id the console sent (the action's id). Reading it needs DeviceManagementApps.Read.All and
// an Intune role with Audit data: Read.
import { z } from 'zod';
import { graphGet } from './client';

const graphDate = z
  .string()
  .nullable()
  .optional()
  .transform((v) => (!v || v.startsWith('0001-') ? null : v));
const AuditEvent = z.object({
  id: z.string(),
  activity: z
    .string()
    .nullable()
    .optional()
    .transform((v) => v ?? ''),
  activityDateTime: graphDate,
  activityResult: z
    .string()
    .nullable()
    .optional()
    .transform((v) => v ?? ''),
  correlationId: z.string(),
  actor: z
    .object({
      userPrincipalName: z
        .string()
        .nullable()
        .optional()
        .transform((v) => v ?? null),
      applicationDisplayName: z
        .string()
        .nullable()
        .optional()
        .transform((v) => v ?? null),
    })
    .nullable()
    .optional()
    .transform((v) => v ?? { userPrincipalName: null, applicationDisplayName: null }),
});
export type IntuneAuditEvent = z.infer<typeof AuditEvent>;

const AuditEvents = z.object({ value: z.array(AuditEvent) });

export const AUDIT_LOG_SCOPE = 'DeviceManagementApps.Read.All';

export async function getIntuneAuditEvent(
  token: string,
  correlationId: string,
): Promise<IntuneAuditEvent | null> {
  const { data } = await graphGet({
    path: '/deviceManagement/auditEvents',
    query: { $filter: `correlationId eq ${correlationId}`, $top: '5' },
    token,
    schema: AuditEvents,
  });
  return (
    data.value.find((e) => e.correlationId.toLowerCase() === correlationId.toLowerCase()) ?? null
  );
}
