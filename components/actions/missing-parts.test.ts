import { describe, expect, it } from 'vitest';
import { missingParts, verificationMissing } from './missing-parts';

describe('verificationMissing', () => {
  it("marks the verification missing only where the server's policy asks for one and none was recorded", () => {
    expect(verificationMissing('required', null)).toBe(true);
    expect(verificationMissing('record', null)).toBe(true);
    expect(verificationMissing('off', null)).toBe(false);
    // Recorded, even as "not verified": the panel shows what the server recorded; its refusal is the server's.
    expect(verificationMissing('required', { verified: false })).toBe(false);
    expect(verificationMissing('record', { verified: true })).toBe(false);
  });
});

describe('missingParts', () => {
  it("lists what is missing in the form's order: the verification above the ticket", () => {
    expect(missingParts({ ticket: 'ticket.required' }, true)).toEqual(['verification', 'ticket']);
    expect(missingParts({ overrideReason: 'x', note: 'y', ticket: 'z' }, false)).toEqual([
      'ticket',
      'note',
      'overrideReason',
    ]);
  });

  it('leaves out fields it has no words for, and is empty when nothing is missing', () => {
    expect(missingParts({ deviceId: 'invalid' }, false)).toEqual([]);
    expect(missingParts({}, false)).toEqual([]);
  });
});
