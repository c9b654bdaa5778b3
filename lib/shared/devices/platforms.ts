// The platforms a helpdesk tells apart, and how Graph reports each: Android Enterprise and Android device
// administrator share operatingSystem "Android" and differ by management agent.
export const PLATFORM_KEYS = ['ios', 'ipados', 'androidEnterprise', 'androidDeviceAdmin', 'windows', 'macos'] as const;
export type PlatformKey = (typeof PLATFORM_KEYS)[number];

export interface PlatformSpec {
  operatingSystem: string;
  /** Set where operatingSystem alone does not say it. */
  managementAgent?: string;
  /** Whether recoverPasscode is expected to work (Microsoft documents nothing; its sibling resetPasscode is not supported on these). */
  recoverPasscodeExpected: boolean;
}

export const PLATFORMS: Record<PlatformKey, PlatformSpec> = {
  ios: { operatingSystem: 'iOS', recoverPasscodeExpected: true },
  ipados: { operatingSystem: 'iPadOS', recoverPasscodeExpected: true },
  androidEnterprise: { operatingSystem: 'Android', managementAgent: 'googleCloudDevicePolicyController', recoverPasscodeExpected: true },
  androidDeviceAdmin: { operatingSystem: 'Android', managementAgent: 'mdm', recoverPasscodeExpected: false },
  windows: { operatingSystem: 'Windows', recoverPasscodeExpected: false },
  macos: { operatingSystem: 'macOS', recoverPasscodeExpected: false },
};

/** Which platform a device is, from what Graph says about it; null for anything else (Linux, unknown). */
export function platformOf(d: { operatingSystem: string; managementAgent: string }): PlatformKey | null {
  for (const key of PLATFORM_KEYS) {
    const spec = PLATFORMS[key];
    if (spec.operatingSystem.toLowerCase() !== d.operatingSystem.toLowerCase()) continue;
    if (spec.managementAgent && spec.managementAgent !== d.managementAgent) continue;
    return key;
  }
  return null;
}
