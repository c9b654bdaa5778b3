import 'server-only';
// Remote actions started anywhere (the Intune admin center, other tools, bulk actions) with who started them:
// `GET /beta/deviceManagement/remoteActionAudits`, filtered on the device. Beta only: v1.0 has no such list, and
// Microsoft does not support beta in production, so a caller must cope with this read failing or answering
// differently. Needs DeviceManagementManagedDevices.Read.All.
import type { RemoteActionAudit } from '@microsoft/microsoft-graph-types-beta';
import { z } from 'zod';
import { V1_ACTION_STATES } from '@/lib/shared/devices/graph-enums';
import { graphGet } from './client';
import { graphDate } from './graph-date';
import { odataString } from './odata-literal';

/** Pages followed at most: a device rarely has more than a page of remote actions; the bound keeps a read cheap
 * (the newest pages, as Graph lists them, are read). */
export const REMOTE_ACTION_AUDIT_MAX_PAGES = 5;

const text = z
  .string()
  .nullable()
  .optional()
  .transform((v) => v ?? null);

const RemoteActionAuditSchema = z.object({
  id: z.string(),
  /** Kept as Graph sent it: Microsoft adds remoteAction members, and the browser words an undeclared one. */
  action: z
    .string()
    .nullable()
    .optional()
    .transform((v) => v ?? 'unknown'),
  actionState: z.enum(V1_ACTION_STATES).catch('none'),
  initiatedByUserPrincipalName: text,
  requestDateTime: graphDate,
  managedDeviceId: text,
  deviceDisplayName: text,
  bulkDeviceActionId: text,
  deviceActionCategory: text,
});
export type RemoteActionAuditRecord = z.infer<typeof RemoteActionAuditSchema>;

/** The fields read are the fields Microsoft's beta type declares: a misspelt or invented one fails the type check. */
const READ_FIELDS = Object.keys(RemoteActionAuditSchema.shape) as (keyof RemoteActionAuditRecord)[];
const _declared: readonly (keyof RemoteActionAudit)[] = READ_FIELDS;
void _declared;

const Page = z.object({
  value: z.array(RemoteActionAuditSchema),
  '@odata.nextLink': z.string().optional(),
});

export async function getRemoteActionAudits(
  token: string,
  deviceId: string,
  opts: { signal?: AbortSignal } = {},
): Promise<RemoteActionAuditRecord[]> {
  const audits: RemoteActionAuditRecord[] = [];
  let nextLink: string | undefined;
  for (let page = 0; page < REMOTE_ACTION_AUDIT_MAX_PAGES; page++) {
    const { data } = await graphGet({
      version: 'beta',
      ...(nextLink !== undefined
        ? { path: '', nextLink }
        : {
            path: '/deviceManagement/remoteActionAudits',
            query: { $filter: `managedDeviceId eq ${odataString(deviceId)}` },
          }),
      token,
      schema: Page,
      signal: opts.signal,
    });
    // Graph applies the filter, or should: an audit of another device is never shown on this one.
    audits.push(
      ...data.value.filter((a) => a.managedDeviceId?.toLowerCase() === deviceId.toLowerCase()),
    );
    nextLink = data['@odata.nextLink'];
    if (nextLink === undefined) break;
  }
  return audits;
}
