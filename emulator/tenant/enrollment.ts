// How Intune enrols each kind of device, how Graph describes it, and what each passcode action does on it:
// the one table the seeded tenant is drawn from, the emulator's actions follow, and the console's rule is
// tested against (lib/shared/devices/passcode-plan.test.ts).
//
// Sources: memdocs intune/remote-actions/device-passcode-reset.md (which platform supports a device or a
// work-profile passcode reset, the 7-day temporary passcode, iOS removal), Graph beta's `deviceEnrollmentType`
// and `managementAgentType` enums (@microsoft/microsoft-graph-types-beta: the table holds a device's true values,
// in beta's vocabulary; what v1.0 sends of them is `asSentBy` in graph/versions.ts), graph-intune.md. What
// Microsoft does not document, and this table assumes, is marked "undocumented".
import type * as Beta from '@microsoft/microsoft-graph-types-beta';

export type ResetPasscodeEffect =
  /** iOS/iPadOS: the passcode is removed; the user sets a new one if a policy demands it. */
  | 'removed'
  /** Android Enterprise device owner (dedicated, fully managed) and AOSP: a new device passcode, shown to the admin. */
  | 'deviceReset'
  /** Android Enterprise work profile (personally or corporate owned, Android 8+): a new work-profile passcode. */
  | 'workProfileReset'
  /** Intune answers 400 BadRequest (or, by a switch, 204 and later notSupported). */
  | 'unsupported';

export interface EnrollmentMode {
  key: EnrollmentModeKey;
  /** What a person calls it. */
  label: string;
  operatingSystem: 'iOS' | 'iPadOS' | 'Android' | 'Windows' | 'macOS';
  managementAgent: Beta.ManagementAgentType;
  /** Values Graph (beta) reports as deviceEnrollmentType for it; the seed picks among them. */
  deviceEnrollmentTypes: readonly Beta.DeviceEnrollmentType[];
  /** Where the enrollment profile decides the type (AOSP: userless or user-associated), by profile name. */
  deviceEnrollmentTypeByProfile?: Readonly<Record<string, Beta.DeviceEnrollmentType>>;
  ownerType: 'company' | 'personal';
  supervised: boolean;
  resetPasscode: ResetPasscodeEffect;
  /** recoverPasscode: Microsoft's enum describes it as the Windows Hello PIN reset of Windows 10 Mobile phones. */
  recoverPasscode: 'supported' | 'unsupported';
  /** The device fails the action unless this holds (`failing` scenario): Intune's errorCode then. */
  failsWithout: { condition: string; errorCode: number } | null;
}

export const ENROLLMENT_MODE_KEYS = [
  'iosDeviceEnrollment',
  'iosAutomatedEnrollment',
  'iosUserEnrollment',
  'ipadosAutomatedEnrollment',
  'androidFullyManaged',
  'androidDedicated',
  'androidCorporateWorkProfile',
  'androidPersonalWorkProfile',
  'androidAosp',
  'androidDeviceAdmin',
  'windowsDesktop',
  'windowsMobile',
  'macos',
] as const;
export type EnrollmentModeKey = (typeof ENROLLMENT_MODE_KEYS)[number];

/**
 * Intune's errorCode values are undocumented; these stand for "no passcode policy" and "bad unlock token". Graph
 * declares errorCode Edm.Int32, so an HRESULT-style 0x87D1… code goes out signed (-2016…), as Intune's reports
 * show such codes.
 */
const NO_PASSCODE_POLICY = {
  condition: 'a passcode policy enforced on the device or work profile',
  errorCode: 0x87d1041c | 0,
};
const BAD_UNLOCK_TOKEN = {
  condition: 'a valid unlock token escrowed with Intune',
  errorCode: 0x87d13b7e | 0,
};

export const ENROLLMENT_MODES: Readonly<Record<EnrollmentModeKey, EnrollmentMode>> = {
  iosDeviceEnrollment: {
    key: 'iosDeviceEnrollment',
    label: 'iOS device enrollment (Company Portal)',
    operatingSystem: 'iOS',
    managementAgent: 'mdm',
    // Graph's "userEnrollment" is Intune's name for user-driven device enrollment, not Apple User Enrollment.
    deviceEnrollmentTypes: ['userEnrollment'],
    ownerType: 'company',
    supervised: false,
    resetPasscode: 'removed',
    recoverPasscode: 'unsupported',
    failsWithout: BAD_UNLOCK_TOKEN,
  },
  iosAutomatedEnrollment: {
    key: 'iosAutomatedEnrollment',
    label: 'iOS automated device enrollment (ADE)',
    operatingSystem: 'iOS',
    managementAgent: 'mdm',
    deviceEnrollmentTypes: ['appleBulkWithUser'],
    ownerType: 'company',
    supervised: true,
    resetPasscode: 'removed',
    recoverPasscode: 'unsupported',
    failsWithout: BAD_UNLOCK_TOKEN,
  },
  iosUserEnrollment: {
    key: 'iosUserEnrollment',
    label: 'iOS User Enrollment (personal)',
    operatingSystem: 'iOS',
    managementAgent: 'mdm',
    // Profile-based User Enrollment (with or without a service account) and its successor, account-driven.
    deviceEnrollmentTypes: [
      'appleUserEnrollment',
      'appleUserEnrollmentWithServiceAccount',
      'appleAccountDrivenUserEnrollment',
    ],
    ownerType: 'personal',
    supervised: false,
    resetPasscode: 'unsupported',
    recoverPasscode: 'unsupported',
    failsWithout: null,
  },
  ipadosAutomatedEnrollment: {
    key: 'ipadosAutomatedEnrollment',
    label: 'iPadOS automated device enrollment (ADE)',
    operatingSystem: 'iPadOS',
    managementAgent: 'mdm',
    deviceEnrollmentTypes: ['appleBulkWithUser', 'appleBulkWithoutUser'],
    ownerType: 'company',
    supervised: true,
    resetPasscode: 'removed',
    recoverPasscode: 'unsupported',
    failsWithout: BAD_UNLOCK_TOKEN,
  },
  androidFullyManaged: {
    key: 'androidFullyManaged',
    label: 'Android Enterprise fully managed',
    operatingSystem: 'Android',
    managementAgent: 'googleCloudDevicePolicyController',
    deviceEnrollmentTypes: ['androidEnterpriseFullyManaged'],
    ownerType: 'company',
    supervised: false,
    resetPasscode: 'deviceReset',
    recoverPasscode: 'unsupported',
    failsWithout: NO_PASSCODE_POLICY,
  },
  androidDedicated: {
    key: 'androidDedicated',
    label: 'Android Enterprise dedicated (kiosk)',
    operatingSystem: 'Android',
    managementAgent: 'googleCloudDevicePolicyController',
    deviceEnrollmentTypes: ['androidEnterpriseDedicatedDevice'],
    ownerType: 'company',
    supervised: false,
    resetPasscode: 'deviceReset',
    recoverPasscode: 'unsupported',
    failsWithout: NO_PASSCODE_POLICY,
  },
  androidCorporateWorkProfile: {
    key: 'androidCorporateWorkProfile',
    label: 'Android Enterprise corporate-owned work profile',
    operatingSystem: 'Android',
    managementAgent: 'googleCloudDevicePolicyController',
    deviceEnrollmentTypes: ['androidEnterpriseCorporateWorkProfile'],
    ownerType: 'company',
    supervised: false,
    resetPasscode: 'workProfileReset',
    recoverPasscode: 'unsupported',
    failsWithout: NO_PASSCODE_POLICY,
  },
  androidPersonalWorkProfile: {
    // Undocumented: Graph has no enrollment type of its own for it; a personal Android Enterprise device reports
    // userEnrollment under Google's device policy controller.
    key: 'androidPersonalWorkProfile',
    label: 'Android Enterprise personally-owned work profile',
    operatingSystem: 'Android',
    managementAgent: 'googleCloudDevicePolicyController',
    deviceEnrollmentTypes: ['userEnrollment'],
    ownerType: 'personal',
    supervised: false,
    resetPasscode: 'workProfileReset',
    recoverPasscode: 'unsupported',
    failsWithout: NO_PASSCODE_POLICY,
  },
  androidAosp: {
    // intuneAosp and both AOSP enrollment types exist only in beta; v1.0 sends managementAgent unknown (its enum has
    // no unknownFutureValue) and deviceEnrollmentType unknownFutureValue.
    key: 'androidAosp',
    label: 'Android (AOSP) corporate-owned',
    operatingSystem: 'Android',
    managementAgent: 'intuneAosp',
    deviceEnrollmentTypes: [
      'androidAOSPUserlessDeviceEnrollment',
      'androidAOSPUserOwnedDeviceEnrollment',
    ],
    deviceEnrollmentTypeByProfile: {
      'AOSP userless': 'androidAOSPUserlessDeviceEnrollment',
      'AOSP user-associated': 'androidAOSPUserOwnedDeviceEnrollment',
    },
    ownerType: 'company',
    supervised: false,
    resetPasscode: 'deviceReset',
    recoverPasscode: 'unsupported',
    failsWithout: NO_PASSCODE_POLICY,
  },
  androidDeviceAdmin: {
    key: 'androidDeviceAdmin',
    label: 'Android device administrator',
    operatingSystem: 'Android',
    managementAgent: 'mdm',
    deviceEnrollmentTypes: ['userEnrollment'],
    ownerType: 'personal',
    supervised: false,
    // Supported only up to Android 6.x (Google removed it); every seeded device runs 9 or later.
    resetPasscode: 'unsupported',
    recoverPasscode: 'unsupported',
    failsWithout: null,
  },
  windowsDesktop: {
    key: 'windowsDesktop',
    label: 'Windows',
    operatingSystem: 'Windows',
    managementAgent: 'mdm',
    deviceEnrollmentTypes: ['windowsAzureADJoin', 'windowsAutoEnrollment', 'windowsCoManagement'],
    ownerType: 'company',
    supervised: false,
    resetPasscode: 'unsupported',
    recoverPasscode: 'unsupported',
    failsWithout: null,
  },
  windowsMobile: {
    // Undocumented: Graph reports Windows 10 Mobile as operatingSystem Windows; build 10.0.15254 was Mobile's own
    // last build and no desktop Windows shipped it, which is how the console tells the phones apart.
    key: 'windowsMobile',
    label: 'Windows 10 Mobile',
    operatingSystem: 'Windows',
    managementAgent: 'mdm',
    deviceEnrollmentTypes: ['userEnrollment'],
    ownerType: 'company',
    supervised: false,
    resetPasscode: 'unsupported',
    recoverPasscode: 'supported',
    failsWithout: null,
  },
  macos: {
    key: 'macos',
    label: 'macOS',
    operatingSystem: 'macOS',
    managementAgent: 'mdm',
    deviceEnrollmentTypes: ['appleBulkWithUser', 'userEnrollment'],
    ownerType: 'company',
    supervised: true,
    resetPasscode: 'unsupported',
    recoverPasscode: 'unsupported',
    failsWithout: null,
  },
};

/** Windows 10 Mobile's last build (Fall Creators Update for phones); desktop Windows never used it. */
export const WINDOWS_MOBILE_BUILD = '10.0.15254';

/** How long Intune keeps a generated passcode readable for the admin (memdocs: seven days). */
export const PASSCODE_VISIBLE_MS = 7 * 86_400_000;
