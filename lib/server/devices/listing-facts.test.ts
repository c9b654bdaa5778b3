import { describe, expect, it } from 'vitest';
import { listedForOther, orderTwins, twinsOf, withListingFacts } from './listing-facts';

const device = (id: string, over: Partial<Parameters<typeof twinsOf>[0]> = {}) => ({
  id,
  deviceName: "Zoë's iPhone",
  userId: 'u-zoe',
  userPrincipalName: 'zoe@contoso.com',
  serialNumber: `S-${id}`,
  lastSyncDateTime: '2026-11-28T09:00:00Z',
  ...over,
});
const old = device('old', { lastSyncDateTime: '2026-10-18T09:00:00Z' });
const current = device('current', { deviceName: "ZOË'S IPHONE" });

describe('twins', () => {
  it('a device found alone (serial search) gets its twin from its user’s devices, and knows it is the older one', () => {
    expect(twinsOf(old, [old, current, device('ipad', { deviceName: 'iPad' })])).toEqual({
      newest: false,
      others: [
        { id: 'current', serialNumber: 'S-current', lastSyncDateTime: '2026-11-28T09:00:00Z' },
      ],
    });
    expect(twinsOf(current, [old, current])?.newest).toBe(true);
  });

  it('no twin: alone, another user’s device of the same name, or a device without a name or user', () => {
    expect(twinsOf(old, [old])).toBeNull();
    expect(
      twinsOf(old, [old, device('x', { userId: 'u-other', userPrincipalName: 'o@c.com' })]),
    ).toBeNull();
    const nameless = device('n1', { deviceName: '' });
    expect(twinsOf(nameless, [nameless, device('n2', { deviceName: '' })])).toBeNull();
  });

  it('a never-synced twin counts as the oldest', () => {
    const never = device('never', { lastSyncDateTime: null });
    expect(twinsOf(never, [never, old])?.newest).toBe(false);
    expect(twinsOf(old, [never, old])?.newest).toBe(true);
  });

  it('orders twins together, the one that synced last first, at the place of the first; others keep their order', () => {
    const a = device('a', { deviceName: 'A' });
    const b = device('b', { deviceName: 'B' });
    expect(orderTwins([a, old, b, current]).map((d) => d.id)).toEqual(['a', 'current', 'old', 'b']);
  });
});

describe('listed for someone who is not the primary user', () => {
  it('is said only when the searched UPN differs from the primary user’s (case aside)', () => {
    expect(listedForOther({ userPrincipalName: 'Zoe@Contoso.com' }, 'zoe@contoso.com')).toBeNull();
    expect(listedForOther({ userPrincipalName: 'aino@contoso.com' }, 'zoe@contoso.com')).toBe(
      'zoe@contoso.com',
    );
    expect(listedForOther({ userPrincipalName: '' }, 'zoe@contoso.com')).toBe('zoe@contoso.com');
    expect(listedForOther({ userPrincipalName: 'aino@contoso.com' }, null)).toBeNull();
  });

  it('withListingFacts gives a page both facts, twins ordered', () => {
    const ipad = device('ipad', {
      deviceName: 'Shared iPad',
      userId: 'u-aino',
      userPrincipalName: 'aino@contoso.com',
    });
    const page = withListingFacts([old, ipad, current], { listedFor: 'zoe@contoso.com' });
    expect(page.map((d) => [d.id, d.twins?.newest ?? null, d.listedFor])).toEqual([
      ['current', true, null],
      ['old', false, null],
      ['ipad', null, 'zoe@contoso.com'],
    ]);
  });
});
