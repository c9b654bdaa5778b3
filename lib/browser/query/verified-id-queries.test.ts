// The status poll stops once a presentation request can no longer change, and goes on while the caller is busy.
import { describe, expect, it } from 'vitest';
import type { VerifiedIdStatus } from '@/lib/shared/trust/verified-id';
import { VERIFIED_ID_POLL_MS, verifiedIdPollInterval } from './verified-id-queries';

const status = (s: VerifiedIdStatus['status']): VerifiedIdStatus => ({
  requestId: 'r',
  status: s,
  failure: null,
  score: null,
  threshold: 70,
  expiresAt: '2026-12-02T12:00:00.000Z',
  subject: { id: 'u', upn: null, name: null },
  verification: null,
});

describe('Verified ID status polling', () => {
  it('polls while waiting for the caller, and before the first answer', () => {
    expect(verifiedIdPollInterval(undefined)).toBe(VERIFIED_ID_POLL_MS);
    expect(verifiedIdPollInterval(status('waiting'))).toBe(VERIFIED_ID_POLL_MS);
    expect(verifiedIdPollInterval(status('retrieved'))).toBe(VERIFIED_ID_POLL_MS);
  });

  it('stops at verified, failed and expired', () => {
    for (const s of ['verified', 'failed', 'expired'] as const)
      expect(verifiedIdPollInterval(status(s))).toBe(false);
  });
});
