// Approval requests for the approver's page, written straight into this worker's audit database as the console's
// ApprovalStore writes them (migration 0010), so the approver's side is tested on its own: the request path (the
// dialog, the policy) has specs of its own. The console must have opened the database (any signed-in API read).
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { TENANT_ID } from '../emulator/constants';
import { E2E } from '../playwright.config';
import type { EmulatedDevice } from './emulator';

export interface SeededApproval {
  id: string;
  ticket: string;
  reason: string;
}

/** A pending request by `requester` (their object id and UPN) for `device`, expiring in `minutes`. */
export function seedPendingApproval(
  requester: { oid: string; upn: string },
  device: EmulatedDevice,
  minutes = 60,
): SeededApproval {
  const id = randomUUID();
  const ticket = `INC${String(Date.now()).slice(-7)}`;
  const reason = `Caller locked out before a flight (${id.slice(0, 8)})`;
  const now = Date.now();
  const db = new Database(join(E2E.dataDir, 'audit.sqlite'), { fileMustExist: true });
  try {
    db.prepare(
      `INSERT INTO approval_requests (id, subject, created_at, expires_at, requester_oid, requester_upn,
         requester_name, requester_tenant, device_id, device_name, device_serial, device_user_id, device_user_upn,
         device_user_name, action_kind, graph_action, ticket, reason, because, status)
       VALUES (?, 'action', ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, NULL, 'resetDevicePasscode', 'resetPasscode', ?, ?,
         '["all"]', 'pending')`,
    ).run(
      id,
      new Date(now).toISOString(),
      new Date(now + minutes * 60_000).toISOString(),
      requester.oid.toLowerCase(),
      requester.upn,
      TENANT_ID,
      device.id.toLowerCase(),
      device.deviceName,
      device.serialNumber,
      device.userId.toLowerCase(),
      device.userPrincipalName,
      ticket,
      reason,
    );
  } finally {
    db.close();
  }
  return { id, ticket, reason };
}

/** Ends the requests a test left waiting (withdrawn), so later specs on this worker's database do not list them. */
export function withdrawSeeded(ids: string[]): void {
  if (ids.length === 0) return;
  const db = new Database(join(E2E.dataDir, 'audit.sqlite'), { fileMustExist: true });
  try {
    const end = db.prepare(
      "UPDATE approval_requests SET status = 'withdrawn', decided_at = ? WHERE id = ? AND status = 'pending'",
    );
    for (const id of ids) end.run(new Date().toISOString(), id);
  } finally {
    db.close();
  }
}

/** The signed-in agent's object id, from MSAL's account in the tab's session storage. */
export async function signedInOid(page: Page, upn: string): Promise<string> {
  const oid = await page.evaluate((name) => {
    for (const value of Object.values(window.sessionStorage)) {
      try {
        const entry: unknown = JSON.parse(value);
        if (
          entry &&
          typeof entry === 'object' &&
          'username' in entry &&
          'localAccountId' in entry &&
          String(entry.username).toLowerCase() === name.toLowerCase()
        )
          return String(entry.localAccountId);
      } catch {
        // not JSON: another key of MSAL's
      }
    }
    return null;
  }, upn);
  if (!oid) throw new Error(`no MSAL account for ${upn} in the tab`);
  return oid;
}

/** An approval request's row as the store keeps it (state and expiry), or undefined. */
export function approvalRow(id: string): { status: string; expires_at: string } | undefined {
  const db = new Database(join(E2E.dataDir, 'audit.sqlite'), {
    readonly: true,
    fileMustExist: true,
  });
  try {
    return db.prepare('SELECT status, expires_at FROM approval_requests WHERE id = ?').get(id) as
      { status: string; expires_at: string } | undefined;
  } finally {
    db.close();
  }
}

/**
 * Time travel for an expiry: the request's expiry moved a minute into the past, as if its time had run out (the
 * console reads a request past its expiry as expired, whether or not its job has marked it yet).
 */
export function expireApproval(id: string): void {
  const db = new Database(join(E2E.dataDir, 'audit.sqlite'), { fileMustExist: true });
  try {
    db.prepare('UPDATE approval_requests SET expires_at = ? WHERE id = ?').run(
      new Date(Date.now() - 60_000).toISOString(),
      id,
    );
  } finally {
    db.close();
  }
}

/**
 * Lets go of the device guard a test's sent action holds (RECOVERY_GUARD_MINUTES), as its lapse would: specs that
 * run later on this worker's database confirm on the same named devices (Zoë's iPhones) and expect no guard.
 */
export function releaseGuard(deviceId: string): void {
  const db = new Database(join(E2E.dataDir, 'audit.sqlite'), { fileMustExist: true });
  try {
    db.prepare('DELETE FROM device_guards WHERE device_id = ?').run(deviceId.toLowerCase());
  } finally {
    db.close();
  }
}
