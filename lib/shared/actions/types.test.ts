import { describe, expect, it } from 'vitest';
import { DEFAULT_TICKET_RULE } from '@/lib/shared/ticket';
import { passcodeActionInputSchema } from './input-schema';
import {
  checkNote,
  checkOverrideReason,
  checkTicket,
  guardHoldsAt,
  MAX_NOTE_LENGTH,
  parsePasscodeActionInput,
} from './types';

const ID = '8B5E2C1A-4F7D-4E39-A6B0-3C9D1E7F5A24';
const good = { deviceId: ID, kind: 'removePasscode', ticket: ' INC-7 ' };

/** What the server action answers for the same input: the first message of each field, as it maps zod's issues. */
function serverFieldErrors(input: unknown): Record<string, string> | null {
  const r = passcodeActionInputSchema(DEFAULT_TICKET_RULE).safeParse(input);
  if (r.success) return null;
  const out: Record<string, string> = {};
  for (const issue of r.error.issues) out[String(issue.path[0] ?? 'form')] ??= issue.message;
  return out;
}

describe('the passcode action input, checked without zod', () => {
  it('accepts a good input: trimmed, the id in lower case, the note empty when not given', () => {
    expect(parsePasscodeActionInput(good, DEFAULT_TICKET_RULE)).toEqual({
      ok: true,
      value: { deviceId: ID.toLowerCase(), kind: 'removePasscode', ticket: 'INC-7', note: '' },
    });
    expect(
      parsePasscodeActionInput(
        { ...good, note: '  called  ', overrideReason: ' the first one did not arrive ' },
        DEFAULT_TICKET_RULE,
      ),
    ).toEqual({
      ok: true,
      value: {
        deviceId: ID.toLowerCase(),
        kind: 'removePasscode',
        ticket: 'INC-7',
        note: 'called',
        overrideReason: 'the first one did not arrive',
      },
    });
  });

  it.each([
    ['no object', null, { form: 'validation.invalid' }],
    ['an array', [good], { form: 'validation.invalid' }],
    [
      'a malformed device id',
      { ...good, deviceId: '8b5e2c1a-4f7d-4e39-a6b0' },
      { deviceId: 'validation.deviceId' },
    ],
    [
      'a device id with a path in it',
      { ...good, deviceId: `${ID}/../wipe` },
      { deviceId: 'validation.deviceId' },
    ],
    [
      'a device id that is no string',
      { ...good, deviceId: 42 },
      { deviceId: 'validation.deviceId' },
    ],
    [
      'no device id',
      { kind: 'removePasscode', ticket: 'INC-7' },
      { deviceId: 'validation.deviceId' },
    ],
    ['an unknown action', { ...good, kind: 'wipe' }, { kind: 'validation.actionKind' }],
    ['no action', { deviceId: ID, ticket: 'INC-7' }, { kind: 'validation.actionKind' }],
    ['an empty ticket', { ...good, ticket: '   ' }, { ticket: 'validation.ticketRequired' }],
    ['no ticket', { deviceId: ID, kind: 'removePasscode' }, { ticket: 'validation.invalid' }],
    ['a ticket that is no string', { ...good, ticket: 7 }, { ticket: 'validation.invalid' }],
    [
      'a ticket of another shape',
      { ...good, ticket: 'call me' },
      { ticket: 'validation.ticketFormat' },
    ],
    [
      'a ticket inside other text',
      { ...good, ticket: 'see INC-1 and drop table' },
      { ticket: 'validation.ticketFormat' },
    ],
    [
      'a ticket over 40 characters',
      { ...good, ticket: `INC-${'1'.repeat(40)}` },
      { ticket: 'validation.ticketFormat' },
    ],
    [
      'a note over the limit',
      { ...good, note: 'x'.repeat(MAX_NOTE_LENGTH + 1) },
      { note: 'validation.noteTooLong' },
    ],
    ['a note that is no string', { ...good, note: 1 }, { note: 'validation.invalid' }],
    [
      'a short override reason',
      { ...good, overrideReason: 'short' },
      { overrideReason: 'validation.overrideReason' },
    ],
    [
      'a long override reason',
      { ...good, overrideReason: 'x'.repeat(MAX_NOTE_LENGTH + 1) },
      { overrideReason: 'validation.noteTooLong' },
    ],
    ['an unknown field', { ...good, extra: 'x' }, { form: 'validation.invalid' }],
    [
      'everything wrong at once',
      { deviceId: 'x', kind: 'wipe', ticket: '' },
      {
        deviceId: 'validation.deviceId',
        kind: 'validation.actionKind',
        ticket: 'validation.ticketRequired',
      },
    ],
  ])('refuses %s, with the message the server action gives', (_, input, fieldErrors) => {
    expect(parsePasscodeActionInput(input, DEFAULT_TICKET_RULE)).toEqual({
      ok: false,
      fieldErrors,
    });
    expect(serverFieldErrors(input)).toEqual(fieldErrors);
  });

  it('the server schema accepts and shapes a good input the same way', () => {
    const browser = parsePasscodeActionInput({ ...good, note: ' n ' }, DEFAULT_TICKET_RULE);
    expect(passcodeActionInputSchema(DEFAULT_TICKET_RULE).parse({ ...good, note: ' n ' })).toEqual(
      browser.ok && browser.value,
    );
  });

  it('checks each field alone', () => {
    expect(checkTicket('RITM0012345', DEFAULT_TICKET_RULE)).toEqual({
      ok: true,
      value: 'RITM0012345',
    });
    expect(checkTicket('inc-7', DEFAULT_TICKET_RULE).ok).toBe(false);
    expect(checkTicket('T-1', { pattern: 'T-\\d', example: 'T-1' })).toEqual({
      ok: true,
      value: 'T-1',
    });
    expect(checkNote('x'.repeat(MAX_NOTE_LENGTH))).toEqual({
      ok: true,
      value: 'x'.repeat(MAX_NOTE_LENGTH),
    });
    expect(checkOverrideReason('  0123456789  ')).toEqual({ ok: true, value: '0123456789' });
    expect(checkOverrideReason(' 012345678 ')).toEqual({
      ok: false,
      errors: ['validation.overrideReason'],
    });
  });
});

describe("the device guard as the browser shows it: the server's answer, read against the clock", () => {
  const now = Date.parse('2026-12-02T10:00:00Z');
  it('holds until the time the server named, then not; until settled whatever the clock; not at all when released', () => {
    const until = { kind: 'until', until: '2026-12-02T10:15:00.000Z' } as const;
    expect(guardHoldsAt(until, now)).toBe(true);
    expect(guardHoldsAt(until, now + 15 * 60_000)).toBe(false);
    // An unknown fate: no time of the browser's lets it go (the old copy let go after RECOVERY_GUARD_MINUTES).
    expect(guardHoldsAt({ kind: 'untilSettled' }, now + 365 * 86_400_000)).toBe(true);
    expect(guardHoldsAt(null, now)).toBe(false);
  });
});
