import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { AuthClientConfig } from '@/lib/shared/auth/client-config';

const made = vi.hoisted(() => ({ count: 0, fail: false }));
vi.mock('./msal-instance', () => ({
  createMsalInstance: (config: AuthClientConfig) => {
    if (made.fail) throw new Error('MSAL could not start');
    return { made: ++made.count, config };
  },
}));

const config = { clientId: 'c', authority: 'https://login.example/t' } as AuthClientConfig;

describe('loadMsal', () => {
  beforeEach(() => {
    vi.resetModules();
    made.count = 0;
    made.fail = false;
  });

  it('makes the tab one instance, however often it is asked', async () => {
    const { loadMsal } = await import('./load-msal');
    const [a, b] = await Promise.all([loadMsal(config), loadMsal(config)]);
    expect(a).toBe(b);
    expect(await loadMsal(config)).toBe(a);
    expect(made.count).toBe(1);
  });

  it('tries again on the next call when MSAL could not start', async () => {
    const { loadMsal } = await import('./load-msal');
    made.fail = true;
    await expect(loadMsal(config)).rejects.toThrow('MSAL could not start');
    made.fail = false;
    const again = await loadMsal(config);
    expect(made.count).toBe(1);
    expect(again).toMatchObject({ made: 1 });
  });
});
