// The device data the console shows, shared by the route handlers (which produce it) and the browser.
import type { PasscodePlan } from './passcode-plan';
import type { V1_ACTION_STATES } from './graph-enums';
export type ComplianceState =
  | 'unknown'
  | 'compliant'
  | 'noncompliant'
  | 'conflict'
  | 'error'
  | 'inGracePeriod'
  | 'configManager';

export type OwnerType = 'company' | 'personal' | 'unknown';

export interface DeviceListItem {
  id: string;
  deviceName: string;
  userId: string;
  userPrincipalName: string;
  userDisplayName: string;
  emailAddress: string;
  operatingSystem: string;
  osVersion: string;
  managementAgent: string;
  model: string;
  manufacturer: string;
  serialNumber: string;
  imei: string;
  managedDeviceOwnerType: OwnerType;
  /** How Intune enrolled it; with the management agent it decides which passcode action applies. */
  deviceEnrollmentType: string;
  isSupervised: boolean;
  /** `managed`, or a pending wipe, retire or delete that takes precedence over every other action. */
  managementState: string;
  complianceState: ComplianceState;
  /** ISO time, or null where Graph sent its 0001-01-01 placeholder. */
  lastSyncDateTime: string | null;
}

/**
 * A device with the server's decision on its passcode action: the browser shows this plan and never re-derives it.
 * In a search page it is decided from v1.0 alone (a beta read per row would be one Graph call per row); the device
 * page and the confirm dialog get the exact one (`GET /api/devices/{id}/passcode-plan`, with the beta read).
 */
export type WithPlan<T extends DeviceListItem> = T & { passcodePlan: PasscodePlan };
export type DeviceRow = WithPlan<DeviceListItem>;

/** deviceActionResult.actionState, v1.0's members (listed, and checked against Microsoft's type, in graph-enums.ts). */
export type ActionState = (typeof V1_ACTION_STATES)[number];

/** One entry of the device's deviceActionResults, as the console shows it: never with a passcode. */
export interface DeviceActionResult {
  actionName: string;
  actionState: ActionState;
  startDateTime: string | null;
  lastUpdatedDateTime: string | null;
  /** Intune's errorCode for a failed resetPasscode; 0 or null otherwise. */
  errorCode: number | null;
}

export interface DeviceDetail extends DeviceListItem {
  meid: string;
  phoneNumber: string;
  enrollmentProfileName: string;
  isEncrypted: boolean;
  enrolledDateTime: string | null;
  azureADDeviceId: string;
  deviceActionResults: DeviceActionResult[];
}

/** Another device of the same user with the same name (a re-enrolment leaves two records). */
export interface TwinRef {
  id: string;
  serialNumber: string;
  lastSyncDateTime: string | null;
}

/**
 * What the server found out about a device beyond its own record, so the browser shows it and never re-derives it:
 * its same-named twins (over the user's devices, however the device was found) and, in a user's list, that the
 * searched user is not its primary user (they enrolled it).
 */
export interface ListingFacts {
  /** Null without a twin; `newest` when this one synced last (the current record; the others are likely stale). */
  twins: { newest: boolean; others: TwinRef[] } | null;
  /** The user whose list holds the device while someone else (or nobody) is its primary user; null otherwise. */
  listedFor: string | null;
}

export type ListedDevice = DeviceRow & ListingFacts;

/** GET /api/devices/{id}: the device, the server's exact plan and its listing facts. */
export type DeviceDetailAnswer = WithPlan<DeviceDetail> & ListingFacts;

/** One page of a device search, after the console checked every device Graph returned. */
export interface DeviceSearchPage {
  /** Twins next to each other, the one that synced last first. */
  devices: ListedDevice[];
  /** Opaque; send it back to get the next page. Null on the last page. */
  nextCursor: string | null;
  /** How the text was read: e-mail/UPN, serial, IMEI or name; null without text. */
  kind: 'user' | 'serial' | 'imei' | 'name' | null;
  /** Devices Graph returned for this page. */
  received: number;
  /** Of those, devices that did not match what was asked of Graph (it ignored or bent the filter); never shown. */
  discarded: number;
  /** Of those, devices the console's own refinements left out (last-sync age, Android management type). */
  refinedOut: number;
  /** A user search for someone the directory does not know, and no device has as its e-mail address. */
  userNotFound: boolean;
  /** How a user search found the devices: by the UPN, or by the devices' e-mail address; null for other searches. */
  userMatchedBy: 'upn' | 'email' | null;
}
