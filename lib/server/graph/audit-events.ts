import 'server-only';
// Intune's own audit log: the event Intune wrote for one of our actions, found by its correlationId, which is
// the client-request-id the console sent (the action's id). Reading it needs DeviceManagementApps.Read.All and
// an Intune role with Audit data: Read.
import { z } from 'zod';
import { graphGet } from './client';
import { graphDate } from './graph-date';

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
  /** What the event is about: a device's event names it by its Intune id. */
  resources: z
    .array(z.object({ resourceId: z.string().nullable().optional() }))
    .nullable()
    .optional()
    .transform((v) => (v ?? []).flatMap((r) => (r.resourceId ? [r.resourceId] : []))),
});
export type IntuneAuditEvent = z.infer<typeof AuditEvent>;

const AuditEvents = z.object({
  value: z.array(AuditEvent),
  '@odata.nextLink': z.string().optional(),
});

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

/** Pages of the audit log read for one device's timeline at most (the newest, as Graph lists them). */
export const DEVICE_AUDIT_MAX_PAGES = 3;

/**
 * The events of Intune's audit log that name one device. Graph documents no filter on an event's resources, so
 * the newest pages are read and the device's events picked out here, within a bound.
 */
export async function getDeviceAuditEvents(
  token: string,
  deviceId: string,
  opts: { signal?: AbortSignal } = {},
): Promise<IntuneAuditEvent[]> {
  const found: IntuneAuditEvent[] = [];
  let nextLink: string | undefined;
  for (let page = 0; page < DEVICE_AUDIT_MAX_PAGES; page++) {
    const { data } = await graphGet({
      ...(nextLink !== undefined
        ? { path: '', nextLink }
        : { path: '/deviceManagement/auditEvents', query: { $top: '100' } }),
      token,
      schema: AuditEvents,
      signal: opts.signal,
    });
    found.push(
      ...data.value.filter((e) =>
        e.resources.some((id) => id.toLowerCase() === deviceId.toLowerCase()),
      ),
    );
    nextLink = data['@odata.nextLink'];
    if (nextLink === undefined) break;
  }
  return found;
}
