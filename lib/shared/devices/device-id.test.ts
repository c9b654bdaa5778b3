import { describe, expect, it } from 'vitest';
import { isDeviceId, parseDeviceId } from './device-id';
import { DeviceIdSchema } from './device-id-schema';

describe('device ids, checked without zod', () => {
  it('accepts the GUID shape, variant bits or not, and gives it in lower case', () => {
    expect(parseDeviceId('8B5E2C1A-4F7D-4E39-A6B0-3C9D1E7F5A24')).toEqual({
      ok: true,
      value: '8b5e2c1a-4f7d-4e39-a6b0-3c9d1e7f5a24',
    });
    expect(parseDeviceId('00000000-0000-0000-0000-000000000000').ok).toBe(true);
    expect(isDeviceId('8b5e2c1a-4f7d-0e39-f6b0-3c9d1e7f5a24')).toBe(true);
  });

  it.each([
    '',
    '8b5e2c1a4f7d4e39a6b03c9d1e7f5a24',
    '{8b5e2c1a-4f7d-4e39-a6b0-3c9d1e7f5a24}',
    '8b5e2c1a-4f7d-4e39-a6b0-3c9d1e7f5a24 ',
    '8b5e2c1a-4f7d-4e39-a6b0-3c9d1e7f5a24/../x',
    'g8b5e2c1-4f7d-4e39-a6b0-3c9d1e7f5a24',
    '8b5e2c1a-4f7d-4e39-a6b0-3c9d1e7f5a2\n',
  ])('refuses %j, as the server does', (id) => {
    expect(parseDeviceId(id)).toEqual({ ok: false, errors: ['validation.deviceId'] });
    expect(DeviceIdSchema.safeParse(id).error?.issues.map((i) => i.message)).toEqual([
      'validation.deviceId',
    ]);
  });

  it.each([null, undefined, 42, ['8b5e2c1a-4f7d-4e39-a6b0-3c9d1e7f5a24']])(
    'refuses %j, which is no string',
    (id) => {
      expect(parseDeviceId(id).ok).toBe(false);
      expect(DeviceIdSchema.safeParse(id).success).toBe(false);
    },
  );

  it('the server schema gives the same canonical id', () => {
    expect(DeviceIdSchema.parse('8B5E2C1A-4F7D-4E39-A6B0-3C9D1E7F5A24')).toBe(
      '8b5e2c1a-4f7d-4e39-a6b0-3c9d1e7f5a24',
    );
  });
});
