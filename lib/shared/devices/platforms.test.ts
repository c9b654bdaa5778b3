// The platforms a helpdesk filters by, as v1.0 reports them: AOSP has no management agent of its own in v1.0.
import { describe, expect, it } from 'vitest';
import { platformOf } from './platforms';

describe('platformOf', () => {
  const android = (managementAgent: string) =>
    platformOf({ operatingSystem: 'Android', managementAgent });
  it('tells Android Enterprise, device administrator and AOSP apart, whatever v1.0 sends for AOSP', () => {
    expect(android('googleCloudDevicePolicyController')).toBe('androidEnterprise');
    expect(android('mdm')).toBe('androidDeviceAdmin');
    expect(android('intuneAosp')).toBe('androidAosp');
    expect(android('unknown')).toBe('androidAosp');
  });
  it('knows no platform it was not told of', () => {
    expect(platformOf({ operatingSystem: 'Linux', managementAgent: 'unknown' })).toBeNull();
    expect(platformOf({ operatingSystem: 'iOS', managementAgent: 'mdm' })).toBe('ios');
  });
});
