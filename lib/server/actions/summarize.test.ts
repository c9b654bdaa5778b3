import { describe, expect, it } from 'vitest';
import type { AuditRecord } from '@/lib/server/store/audit-store';
import { summarize } from './summarize';

let seq = 0;
const record = (over: Partial<AuditRecord>): AuditRecord => ({
  seq: ++seq,
  id: `r${seq}`,
  action_id: 'a1',
  kind: 'intent',
  recorded_at: '2026-11-28T10:00:00.000Z',
  action_name: 'resetPasscode',
  action_kind: 'removePasscode',
  device_id: 'd1',
  device_name: "Zoë's iPhone",
  device_serial: 'C39XK2',
  device_user_upn: 'zoe.obrien@contoso.com',
  device_user_name: "Zoë O'Brien",
  verification_id: null,
  approval_id: null,
  ticket: 'INC-1',
  note: null,
  actor_oid: 'o',
  actor_upn: 'helpdesk@contoso.com',
  actor_name: 'Hanna Berger',
  actor_tenant: 't',
  actor_verified: 1,
  outcome: null,
  action_state: null,
  graph_request_id: null,
  client_request_id: 'a1',
  http_status: null,
  detail: null,
  ...over,
});

describe('summarize', () => {
  it('names the device by serial and user, as the intent recorded them', () => {
    expect(summarize([record({})])).toMatchObject({
      deviceSerial: 'C39XK2',
      deviceUserName: "Zoë O'Brien",
      deviceUpn: 'zoe.obrien@contoso.com',
      state: 'verifying',
    });
  });

  it("tells a request that did not go through (Graph's status) from a device that failed the action", () => {
    const throttled = summarize([
      record({}),
      record({ kind: 'outcome', outcome: 'failed', http_status: 429 }),
    ]);
    expect(throttled).toMatchObject({ state: 'failed', terminal: true, requestStatus: 429 });
    const deviceFailed = summarize([
      record({}),
      record({ kind: 'outcome', outcome: 'accepted', http_status: 204 }),
      record({ kind: 'observation', action_state: 'failed' }),
    ]);
    expect(deviceFailed).toMatchObject({ state: 'failed', requestStatus: null });
    expect(
      summarize([record({}), record({ kind: 'outcome', outcome: 'accepted', http_status: 204 })]),
    ).toMatchObject({ state: 'pending', requestStatus: null });
  });

  it('says when the action finished: the time the device reported the state that ended it, and only then', () => {
    const accepted = record({ kind: 'outcome', outcome: 'accepted', http_status: 204 });
    const active = record({
      kind: 'observation',
      action_state: 'active',
      recorded_at: '2026-11-28T10:01:00.000Z',
    });
    expect(summarize([record({}), accepted, active])).toMatchObject({
      state: 'active',
      finishedAt: null,
    });
    const done = record({
      kind: 'observation',
      action_state: 'done',
      recorded_at: '2026-11-28T10:02:41.000Z',
    });
    expect(summarize([record({}), accepted, active, done])).toMatchObject({
      state: 'done',
      finishedAt: '2026-11-28T10:02:41.000Z',
    });
    // Refused by Graph: ended, but no device reported anything.
    expect(
      summarize([record({}), record({ kind: 'outcome', outcome: 'denied', http_status: 403 })]),
    ).toMatchObject({ state: 'denied', terminal: true, finishedAt: null });
  });
  it('says when a passcode was last shown: the newest accepted reveal record, not a refused one', () => {
    const android = { action_id: 'a9', action_kind: 'resetDevicePasscode' as const };
    const trail = [
      record({ ...android }),
      record({ ...android, kind: 'outcome', outcome: 'accepted' }),
      record({ ...android, kind: 'observation', action_state: 'done' }),
    ];
    expect(summarize(trail)?.passcodeShownAt).toBeNull();
    const shown = [
      ...trail,
      record({
        ...android,
        kind: 'reveal',
        outcome: 'accepted',
        recorded_at: '2026-11-28T10:05:00.000Z',
      }),
      record({
        ...android,
        kind: 'reveal',
        outcome: 'denied',
        recorded_at: '2026-11-28T10:06:00.000Z',
      }),
    ];
    expect(summarize(shown)?.passcodeShownAt).toBe('2026-11-28T10:05:00.000Z');
  });
});
