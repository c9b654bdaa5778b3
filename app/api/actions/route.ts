// GET /api/actions: the signed-in agent's newest passcode actions of the last 24 hours (at most TRAY_LIMIT, and
// whether there are more), rebuilt from the audit store (so the tray survives a reload and a new tab).
// GET /api/actions?deviceId=…: the newest action on a device.
// GET /api/actions?deviceIds=…,…: for up to 100 listed devices, the action under way or the one whose device guard
// the database still holds, so the list can say so before anyone clicks. Read-only.
// Every status carries its guard as the database holds it (`guard`): the browser shows it, never re-derives it.
import { z } from 'zod';
import { withGuard, withGuards } from '@/lib/server/actions/device-guards';
import { visibleRecords } from '@/lib/server/actions/status';
import { approvalJoinFor } from '@/lib/server/approvals/viewer';
import { summarize, summarizeAll } from '@/lib/server/actions/summarize';
import { getAuditStore, getVerificationStore } from '@/lib/server/store';
import { claimsOfAcceptedToken, verifiedCaller } from '@/lib/server/auth/verified-caller';
import { getManagedDevice } from '@/lib/server/graph/managed-devices';
import { sendOwnerNotifications } from '@/lib/server/notifications/on-request';
import { apiError, jsonOk } from '@/lib/server/http/respond';
import { graphRoute } from '@/lib/server/http/route';
import { apiText } from '@/lib/server/i18n/api-text';
import type { ActionStatus } from '@/lib/shared/actions/types';
import { MAX_DEVICE_IDS } from '@/lib/shared/devices/device-id';
import { DeviceIdSchema } from '@/lib/shared/devices/device-id-schema';

const DAY_MS = 86_400_000;
/** The tray shows an agent's newest actions; older ones of the day are on the activity page. */
const TRAY_LIMIT = 30;
const DeviceIdsSchema = z
  .string()
  .transform((s) => s.split(','))
  .pipe(z.array(DeviceIdSchema).min(1).max(MAX_DEVICE_IDS));

export const GET = graphRoute(async ({ req, token }) => {
  const params = new URL(req.url).searchParams;
  const deviceParam = params.get('deviceId');
  const devicesParam = params.get('deviceIds');
  if (deviceParam !== null) {
    const id = DeviceIdSchema.safeParse(deviceParam);
    if (!id.success) return apiError(400, 'invalidDeviceId', apiText('invalidDeviceId'));
    // Reading the device with the agent's token: Intune's RBAC decides who may see its history.
    await getManagedDevice(token, id.data, 'summary');
    const store = await getAuditStore();
    const stores = {
      store,
      verifications: await getVerificationStore(),
      approvals: await approvalJoinFor(req, (await claimsOfAcceptedToken(token)) ?? token),
    };
    const latest = summarize(await store.latestActionOnDevice(id.data));
    if (latest) await sendOwnerNotifications([latest.actionId], token);
    return jsonOk({ action: await withGuard(stores, latest) });
  }
  const caller = await verifiedCaller(token);
  if (!caller.ok) return apiError(401, 'invalidToken', apiText('invalidToken'));
  const store = await getAuditStore();
  const stores = {
    store,
    verifications: await getVerificationStore(),
    approvals: await approvalJoinFor(req, caller.claims),
  };
  if (devicesParam !== null) {
    const ids = DeviceIdsSchema.safeParse(devicesParam);
    if (!ids.success) return apiError(400, 'invalidDeviceIds', apiText('invalidDeviceIds'));
    const now = Date.now();
    const latest = await store.latestActionsOnDevices(
      [...new Set(ids.data)],
      new Date(now - DAY_MS),
    );
    // Few listed devices have an action; for those only, the same rule as one action's status: the requester's
    // own, or one on a device Graph lets this caller read.
    const visible = await Promise.all(
      latest.map(async (records) => {
        const actionId = records[0]?.action_id;
        const shown = actionId ? await visibleRecords(actionId, token, store) : null;
        return shown ? summarize(shown, now) : null;
      }),
    );
    // What a row says before the click: an action under way, or one whose guard the database still holds.
    const shown = await withGuards(
      stores,
      visible.filter((a): a is ActionStatus => a !== null),
    );
    return jsonOk({ actions: shown.filter((a) => !a.terminal || a.guard !== null) });
  }
  const { records, more } = await store.recordsOfActor(
    caller.claims.oid,
    new Date(Date.now() - DAY_MS),
    TRAY_LIMIT,
  );
  const actions = summarizeAll(records).filter((a) => a.state !== 'refused');
  // The tray is the agent's own actions: its reads send their owner's e-mails that are due.
  await sendOwnerNotifications(
    actions.map((a) => a.actionId),
    token,
  );
  return jsonOk({ actions: await withGuards(stores, actions), more });
});
