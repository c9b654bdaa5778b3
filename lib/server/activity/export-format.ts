import 'server-only';
// The activity export's two formats. CSV as RFC 4180 (CRLF line ends; a field with a comma, quote, CR or LF in
// double quotes, quotes doubled), UTF-8 with a byte-order mark so that spreadsheet programs read names like
// "Zoë" right; and every cell that a spreadsheet would take as a formula (starting with =, +, -, @, a tab or a
// CR) is prefixed with a single quote, so a ticket or device name cannot run anything on an auditor's machine.
// JSON Lines: one JSON object per line, the same fields, nothing neutralised (no program evaluates it).
import type { ActivityRow, ExportFormat } from '@/lib/shared/activity/types';
import { evidenceText } from '@/lib/shared/trust/evidence-text';
import { notificationSummary } from '@/lib/shared/notifications/types';

export const CSV_COLUMNS = [
  'time_utc',
  'agent_upn',
  'agent_name',
  'device_id',
  'device_name',
  'serial_number',
  'device_user_upn',
  'action',
  'graph_action',
  'ticket',
  'outcome',
  'final_state',
  'graph_request_id',
  'client_request_id',
  'agent_verified',
  'verification_method',
  'verification_verified',
  'verification_evidence',
  'verification_agent_upn',
  'verification_time_utc',
  'verification_id',
  'action_id',
  'owner_notification',
  // Four-eyes (the request's state now, its reason, who decided when and why); empty where no approval applied.
  'approval_state',
  'approval_requested_reason',
  'approver_upn',
  'approver_name',
  'approval_decided_at',
  'approval_decision_reason',
] as const;

const FORMULA_START = /^[=+\-@\t\r]/;

export function neutralise(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

export function csvField(value: string | null): string {
  const cell = neutralise(value ?? '');
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

function cells(r: ActivityRow): (string | null)[] {
  const v = r.verification;
  const a = r.approval;
  return [
    r.requestedAt,
    r.agent.upn,
    r.agent.name,
    r.deviceId,
    r.deviceName,
    r.serialNumber,
    r.deviceUser.upn,
    r.kind,
    r.graphAction,
    r.ticket,
    r.outcome,
    r.finalState,
    r.graphRequestId,
    r.clientRequestId,
    String(r.agent.verified),
    v?.method ?? null,
    v ? String(v.verified) : null,
    v ? evidenceText(v.evidence) : null,
    v?.agent.upn ?? null,
    v?.recordedAt ?? null,
    v?.id ?? null,
    r.actionId,
    notificationSummary(r.notifications),
    a?.state ?? null,
    a?.reason ?? null,
    a?.decision?.by.upn ?? null,
    a?.decision?.by.name ?? null,
    a?.decision?.at ?? null,
    a?.decision?.reason ?? null,
  ];
}

export function csvRow(r: ActivityRow): string {
  return `${cells(r).map(csvField).join(',')}\r\n`;
}

export const CSV_HEADER = `\uFEFF${CSV_COLUMNS.join(',')}\r\n`;

export function jsonLine(r: ActivityRow): string {
  const values = cells(r);
  return `${JSON.stringify(Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, values[i] ?? null])))}\n`;
}

export const CONTENT_TYPE: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8; header=present',
  jsonl: 'application/x-ndjson; charset=utf-8',
};

/** The export as a byte stream that asks the database for the next batch only when the reader wants more. */
export function exportStream(
  batches: AsyncGenerator<ActivityRow[]>,
  format: ExportFormat,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let headerSent = false;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (!headerSent && format === 'csv') {
          headerSent = true;
          controller.enqueue(encoder.encode(CSV_HEADER));
          return;
        }
        const next = await batches.next();
        if (next.done) {
          controller.close();
          return;
        }
        const line = format === 'csv' ? csvRow : jsonLine;
        controller.enqueue(encoder.encode(next.value.map(line).join('')));
      },
      async cancel() {
        await batches.return(undefined);
      },
    },
    { highWaterMark: 1 },
  );
}
