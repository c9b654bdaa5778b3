// The platforms a helpdesk tells apart, and how Graph reports each: the three kinds of Android share
// operatingSystem "Android" and differ by management agent.
export const PLATFORM_KEYS = [
  'ios',
  'ipados',
  'androidEnterprise',
  'androidAosp',
  'androidDeviceAdmin',
  'windows',
  'macos',
] as const;
export type PlatformKey = (typeof PLATFORM_KEYS)[number];

export interface PlatformSpec {
  operatingSystem: string;
  /** Set where operatingSystem alone does not say it. */
  managementAgent?: string;
}

export const PLATFORMS: Record<PlatformKey, PlatformSpec> = {
  ios: { operatingSystem: 'iOS' },
  ipados: { operatingSystem: 'iPadOS' },
  androidEnterprise: {
    operatingSystem: 'Android',
    managementAgent: 'googleCloudDevicePolicyController',
  },
  androidAosp: { operatingSystem: 'Android', managementAgent: 'intuneAosp' },
  androidDeviceAdmin: { operatingSystem: 'Android', managementAgent: 'mdm' },
  windows: { operatingSystem: 'Windows' },
  macos: { operatingSystem: 'macOS' },
};

const NAMED_ANDROID_AGENTS: ReadonlySet<string> = new Set([
  PLATFORMS.androidEnterprise.managementAgent ?? '',
  PLATFORMS.androidDeviceAdmin.managementAgent ?? '',
]);

/** Which platform a device is, from what Graph says about it; null for anything else (Linux, unknown). */
export function platformOf(d: {
  operatingSystem: string;
  managementAgent: string;
}): PlatformKey | null {
  for (const key of PLATFORM_KEYS) {
    const spec = PLATFORMS[key];
    if (spec.operatingSystem.toLowerCase() !== d.operatingSystem.toLowerCase()) continue;
    if (spec.managementAgent && spec.managementAgent !== d.managementAgent) continue;
    return key;
  }
  // v1.0 declares no intuneAosp (it sends `unknown`, or beta's value under an undocumented behaviour): an Android
  // device managed by neither device administrator (mdm) nor Android Enterprise's policy controller is AOSP.
  if (d.operatingSystem.toLowerCase() === 'android' && !NAMED_ANDROID_AGENTS.has(d.managementAgent))
    return 'androidAosp';
  return null;
}
