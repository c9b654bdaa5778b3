import { describe, expect, it, vi } from 'vitest';
import { createTokenMemo, RENEWAL_MARGIN_MS, type MemoTokens } from './token-memo';

vi.mock('client-only', () => ({}));

const t0 = Date.parse('2026-12-03T09:00:00Z');
const tokens = (n: number, expiresInMs: number | null): MemoTokens => ({
  accessToken: `access-${n}`,
  idToken: `id-${n}`,
  expiresOn: expiresInMs === null ? null : new Date(t0 + expiresInMs),
});

describe('the API client token memo', () => {
  it('asks MSAL once for reads that start together and reuses the answer while it is good', async () => {
    let now = t0;
    const memo = createTokenMemo(() => now);
    const acquire = vi.fn(() => Promise.resolve(tokens(1, 60 * 60_000)));
    const [a, b] = await Promise.all([
      memo.get('k', false, acquire),
      memo.get('k', false, acquire),
    ]);
    expect(a.accessToken).toBe('access-1');
    expect(b.accessToken).toBe('access-1');
    now += 30 * 60_000;
    await memo.get('k', false, acquire);
    expect(acquire).toHaveBeenCalledTimes(1);
  });

  it('asks MSAL again within the renewal margin, for another key, when forced, and after a clear', async () => {
    let now = t0;
    const memo = createTokenMemo(() => now);
    let n = 0;
    const acquire = vi.fn(() => Promise.resolve(tokens(++n, 60 * 60_000)));
    await memo.get('k', false, acquire);
    now = t0 + 60 * 60_000 - RENEWAL_MARGIN_MS + 1;
    expect((await memo.get('k', false, acquire)).accessToken).toBe('access-2');
    expect((await memo.get('other scopes', false, acquire)).accessToken).toBe('access-3');
    expect((await memo.get('k', true, acquire)).accessToken).toBe('access-4');
    memo.clear();
    expect((await memo.get('k', false, acquire)).accessToken).toBe('access-5');
    expect(acquire).toHaveBeenCalledTimes(5);
  });

  it('keeps nothing MSAL did not give: a failure is not remembered, nor a token without an expiry', async () => {
    const memo = createTokenMemo(() => t0);
    const failing = vi.fn(() => Promise.reject(new Error('interaction_required')));
    await expect(memo.get('k', false, failing)).rejects.toThrow('interaction_required');
    await expect(memo.get('k', false, failing)).rejects.toThrow('interaction_required');
    expect(failing).toHaveBeenCalledTimes(2);
    const noExpiry = vi.fn(() => Promise.resolve(tokens(1, null)));
    await memo.get('j', false, noExpiry);
    await memo.get('j', false, noExpiry);
    expect(noExpiry).toHaveBeenCalledTimes(2);
  });

  it('hands good tokens over at once, so a read can be sent inside its event handler; none it would renew', async () => {
    let now = t0;
    const memo = createTokenMemo(() => now);
    expect(memo.held('k')).toBeNull();
    await memo.get('k', false, () => Promise.resolve(tokens(1, 60 * 60_000)));
    expect(memo.held('k')?.accessToken).toBe('access-1');
    expect(memo.held('other scopes')).toBeNull();
    now = t0 + 60 * 60_000 - RENEWAL_MARGIN_MS + 1;
    expect(memo.held('k')).toBeNull();
    now = t0;
    memo.clear();
    expect(memo.held('k')).toBeNull();
  });
});
