// The device data the console shows, shared by the route handlers (which produce it) and the browser.
export type ComplianceState =
  | 'unknown' | 'compliant' | 'noncompliant' | 'conflict' | 'error' | 'inGracePeriod' | 'configManager';

export interface DeviceListItem {
  id: string;
  deviceName: string;
  userPrincipalName: string;
  userDisplayName: string;
  operatingSystem: string;
  osVersion: string;
  model: string;
  manufacturer: string;
  serialNumber: string;
  complianceState: ComplianceState;
  /** ISO time, or null where Graph sent its 0001-01-01 placeholder. */
  lastSyncDateTime: string | null;
}

export interface DeviceListPage {
  devices: DeviceListItem[];
  /** Whether Graph has more devices after this page. */
  hasMore: boolean;
}

/** The body of every error answer from the console's API. */
export interface ApiErrorBody {
  error: {
    status: number;
    code: string;
    message: string;
    requestId: string | null;
    clientRequestId: string | null;
    date: string | null;
    retryAfterSeconds: number | null;
  };
}
