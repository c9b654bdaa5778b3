// The device timeline's merge: one list newest first, the wipe or retire pinned above it, the admin center's record
// of the console's own POST folded into the console's entry, and a source that failed or was refused said as such.
import { describe, expect, it } from 'vitest';
import type { ActivityRow } from '@/lib/shared/activity/types';
import { errorInfo } from '@/lib/shared/errors';
import { timelineView } from '@/lib/shared/timeline/filter';
import { TIMELINE_KINDS, type TimelineKind } from '@/lib/shared/timeline/types';
import type { IntuneAuditEvent } from '@/lib/server/graph/audit-events';
import type { RemoteActionAuditRecord } from '@/lib/server/graph/remote-action-audits';
import { mergeTimeline, type DeviceState, type SourceRead, type TimelineInputs } from './merge';

const DEVICE = '0f8fad5b-d9cb-469f-a165-70867728950e';
const ok = <T>(value: T): SourceRead<T> => ({ ok: true, value });

function consoleRow(over: Partial<ActivityRow> = {}): ActivityRow {
  return {
    actionId: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
    requestedAt: '2026-12-01T10:00:00.000Z',
    agent: { upn: 'helpdesk@contoso.com', name: 'Hanna Berger', verified: true },
    deviceId: DEVICE,
    deviceName: "Zoë's iPhone",
    serialNumber: 'C39XK2',
    deviceUser: { upn: 'zoe@contoso.com', name: 'Zoë' },
    kind: 'removePasscode',
    graphAction: 'resetPasscode',
    ticket: 'INC-123',
    outcome: 'accepted',
    finalState: 'pending',
    finishedAt: null,
    graphRequestId: 'r-1',
    clientRequestId: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
    verification: null,
    notifications: [],
    approval: null,
    ...over,
  };
}

function audit(over: Partial<RemoteActionAuditRecord> = {}): RemoteActionAuditRecord {
  return {
    id: crypto.randomUUID(),
    action: 'remoteLock',
    actionState: 'pending',
    initiatedByUserPrincipalName: 'admin@contoso.com',
    requestDateTime: '2026-12-01T09:00:00Z',
    managedDeviceId: DEVICE,
    deviceDisplayName: "Zoë's iPhone",
    bulkDeviceActionId: null,
    deviceActionCategory: 'single',
    ...over,
  };
}

const device = (over: Partial<DeviceState> = {}): DeviceState => ({
  deviceActionResults: [],
  lastSyncDateTime: '2026-12-01T08:00:00Z',
  managementState: 'managed',
  ...over,
});

function event(over: Partial<IntuneAuditEvent> = {}): IntuneAuditEvent {
  return {
    id: crypto.randomUUID(),
    activity: 'resetPasscode ManagedDevice',
    activityDateTime: '2026-12-01T10:00:02Z',
    activityResult: 'Success',
    correlationId: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
    actor: { userPrincipalName: 'helpdesk@contoso.com', applicationDisplayName: 'Passcode Desk' },
    resources: [DEVICE],
    ...over,
  };
}

const inputs = (over: Partial<TimelineInputs> = {}): TimelineInputs => ({
  deviceId: DEVICE,
  console: ok([]),
  adminCenter: ok([]),
  device: ok(device()),
  auditLog: ok([]),
  now: new Date('2026-12-01T12:00:00Z'),
  ...over,
});

describe('mergeTimeline', () => {
  it('lists every source in one order, newest first, whatever source an entry came from', () => {
    const t = mergeTimeline(
      inputs({
        console: ok([consoleRow({ requestedAt: '2026-12-01T10:00:00.000Z' })]),
        adminCenter: ok([audit({ requestDateTime: '2026-12-01T11:00:00Z' })]),
        device: ok(
          device({
            lastSyncDateTime: '2026-12-01T07:00:00Z',
            deviceActionResults: [
              {
                actionName: 'syncDevice',
                actionState: 'done',
                startDateTime: '2026-12-01T08:55:00Z',
                lastUpdatedDateTime: '2026-12-01T09:30:00Z',
                errorCode: 0,
              },
            ],
          }),
        ),
        auditLog: ok([event({ activityDateTime: '2026-12-01T10:00:02Z' })]),
      }),
    );
    expect(t.entries.map((e) => [e.kind, e.at])).toEqual([
      ['adminCenter', '2026-12-01T11:00:00Z'],
      ['auditLog', '2026-12-01T10:00:02Z'],
      ['console', '2026-12-01T10:00:00.000Z'],
      ['deviceReport', '2026-12-01T09:30:00Z'],
      ['checkIn', '2026-12-01T07:00:00Z'],
    ]);
    expect(t.sources.every((s) => s.available)).toBe(true);
    expect(t.pinned).toBeNull();
  });

  it('keeps the console entry with its agent, ticket and outcome, and ties the audit event to it', () => {
    const t = mergeTimeline(inputs({ console: ok([consoleRow()]), auditLog: ok([event()]) }));
    expect(t.entries.find((e) => e.kind === 'console')).toMatchObject({
      agent: { upn: 'helpdesk@contoso.com', name: 'Hanna Berger', verified: true },
      ticket: 'INC-123',
      outcome: 'accepted',
      actionKind: 'removePasscode',
    });
    expect(t.entries.find((e) => e.kind === 'auditLog')).toMatchObject({
      consoleActionId: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
    });
  });

  it("folds Intune's audit of the console's own POST into the console's entry, not a second 'admin' line", () => {
    const t = mergeTimeline(
      inputs({
        console: ok([consoleRow()]),
        adminCenter: ok([
          audit({
            action: 'resetPasscode',
            initiatedByUserPrincipalName: 'HELPDESK@contoso.com',
            requestDateTime: '2026-12-01T10:00:01Z',
          }),
          audit({
            action: 'resetPasscode',
            initiatedByUserPrincipalName: 'admin@contoso.com',
            requestDateTime: '2026-12-01T10:00:03Z',
          }),
        ]),
      }),
    );
    const admin = t.entries.filter((e) => e.kind === 'adminCenter');
    expect(admin).toHaveLength(1);
    expect(admin[0]).toMatchObject({ initiatedBy: 'admin@contoso.com' });
  });

  it("names a guest admin by their home identity, never Entra's #EXT# form", () => {
    const t = mergeTimeline(
      inputs({
        adminCenter: ok([
          audit({
            initiatedByUserPrincipalName: 'jane.doe_outlook.com#EXT#@contoso.onmicrosoft.com',
          }),
        ]),
      }),
    );
    expect(t.entries.find((e) => e.kind === 'adminCenter')).toMatchObject({
      initiatedBy: 'jane.doe@outlook.com',
    });
  });

  it('pins a wipe an admin started above newer entries, and does not list it twice', () => {
    const t = mergeTimeline(
      inputs({
        adminCenter: ok([
          audit({ action: 'factoryReset', requestDateTime: '2026-12-01T09:00:00Z' }),
          audit({ action: 'remoteLock', requestDateTime: '2026-12-01T11:00:00Z' }),
        ]),
        device: ok(device({ managementState: 'wipePending' })),
      }),
    );
    expect(t.pinned).toMatchObject({
      action: 'wipe',
      state: 'pending',
      source: 'adminCenter',
      initiatedBy: 'admin@contoso.com',
      at: '2026-12-01T09:00:00Z',
    });
    expect(t.entries.filter((e) => e.kind === 'adminCenter')).toHaveLength(1);
    expect(t.sources.find((s) => s.kind === 'adminCenter')).toMatchObject({ count: 2 });
  });

  it('pins a retire that only managementState reports, when the admin center cannot be read', () => {
    const t = mergeTimeline(
      inputs({
        adminCenter: {
          ok: false,
          reason: 'failed',
          error: errorInfo(503, 'ServiceUnavailable', 'down', { requestId: 'req-beta' }),
        },
        device: ok(device({ managementState: 'retirePending' })),
      }),
    );
    expect(t.pinned).toMatchObject({
      action: 'retire',
      state: 'pending',
      source: 'managementState',
      entry: null,
    });
  });

  it('pins a done wipe as done, and never a wipe that failed or was canceled', () => {
    const done = mergeTimeline(
      inputs({ adminCenter: ok([audit({ action: 'factoryReset', actionState: 'done' })]) }),
    );
    expect(done.pinned).toMatchObject({ action: 'wipe', state: 'done' });
    for (const actionState of ['failed', 'canceled'] as const) {
      const t = mergeTimeline(
        inputs({ adminCenter: ok([audit({ action: 'removeCompanyData', actionState })]) }),
      );
      expect(t.pinned).toBeNull();
      expect(t.entries.filter((e) => e.kind === 'adminCenter')).toHaveLength(1);
    }
  });

  it('says which source failed or was refused, with Graph’s request-id, and still shows the others', () => {
    const t = mergeTimeline(
      inputs({
        console: ok([consoleRow()]),
        adminCenter: {
          ok: false,
          reason: 'failed',
          error: errorInfo(503, 'ServiceUnavailable', 'down', { requestId: 'req-beta' }),
        },
        auditLog: {
          ok: false,
          reason: 'missingPermission',
          error: errorInfo(403, 'auditScopeMissing', 'no scope', { reason: 'missingPermission' }),
        },
      }),
    );
    expect(t.sources).toEqual([
      { kind: 'console', available: true, count: 1 },
      expect.objectContaining({
        kind: 'adminCenter',
        available: false,
        reason: 'failed',
        error: expect.objectContaining({ requestId: 'req-beta' }),
      }),
      { kind: 'deviceReport', available: true, count: 0 },
      expect.objectContaining({ kind: 'auditLog', available: false, reason: 'missingPermission' }),
      { kind: 'checkIn', available: true, count: 1 },
    ]);
    expect(t.entries.map((e) => e.kind)).toEqual(['console', 'checkIn']);
  });

  it('a device Graph refuses leaves both its sources unavailable, not "never checked in"', () => {
    const t = mergeTimeline(
      inputs({
        device: {
          ok: false,
          reason: 'forbidden',
          error: errorInfo(403, 'Forbidden', 'no', {
            requestId: 'req-dev',
            reason: 'outsideScope',
          }),
        },
      }),
    );
    expect(t.neverCheckedIn).toBeNull();
    expect(
      t.sources.filter((s) => !s.available).map((s) => [s.kind, !s.available && s.reason]),
    ).toEqual([
      ['deviceReport', 'forbidden'],
      ['checkIn', 'forbidden'],
    ]);
  });

  it("reads Graph's placeholder check-in as never checked in, with no check-in entry", () => {
    const t = mergeTimeline(inputs({ device: ok(device({ lastSyncDateTime: null })) }));
    expect(t.neverCheckedIn).toBe(true);
    expect(t.entries).toEqual([]);
  });

  it('lists entries without a time last, in the order the sources gave them', () => {
    const t = mergeTimeline(
      inputs({
        adminCenter: ok([
          audit({ requestDateTime: null, action: 'rebootNow' }),
          audit({ requestDateTime: '2026-12-01T09:00:00Z' }),
          audit({ requestDateTime: null, action: 'syncDevice' }),
        ]),
      }),
    );
    expect(t.entries.map((e) => (e.kind === 'adminCenter' ? e.action : e.kind))).toEqual([
      'remoteLock',
      'checkIn',
      'rebootNow',
      'syncDevice',
    ]);
  });
});

describe('timelineView (the filters)', () => {
  const timeline = mergeTimeline(
    inputs({
      console: ok([consoleRow()]),
      adminCenter: ok([audit({ action: 'factoryReset' }), audit()]),
      auditLog: {
        ok: false,
        reason: 'forbidden',
        error: errorInfo(403, 'Forbidden', 'no'),
      },
    }),
  );
  const only = (...kinds: TimelineKind[]) => timelineView(timeline, new Set(kinds));

  it('shows only the picked kinds, and keeps the pinned wipe whatever is picked', () => {
    const v = only('console');
    expect(v.entries.map((e) => e.kind)).toEqual(['console']);
    expect(v.pinned).toMatchObject({ action: 'wipe' });
    expect(only().entries).toEqual([]);
    expect(only().pinned).not.toBeNull();
  });

  it('says a picked source is unavailable, and only a picked one', () => {
    expect(only('auditLog').unavailable.map((s) => s.kind)).toEqual(['auditLog']);
    expect(only('console', 'adminCenter').unavailable).toEqual([]);
    expect(timelineView(timeline, new Set(TIMELINE_KINDS)).entries).toHaveLength(
      timeline.entries.length,
    );
  });
});
