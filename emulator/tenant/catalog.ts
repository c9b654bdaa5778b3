// Platforms, models and naming habits the seeded tenant draws from, weighted roughly like a mid-size
// European company's fleet.

export type PlatformKey = 'ios' | 'ipados' | 'androidEnterprise' | 'androidDeviceAdmin' | 'windows' | 'macos';

export interface PlatformProfile {
  key: PlatformKey;
  weight: number;
  operatingSystem: string;
  managementAgent: string;
  enrollmentTypes: readonly string[];
  enrollmentProfiles: readonly string[];
  osVersions: readonly string[];
  models: readonly { manufacturer: string; model: string }[];
  hasImei: boolean;
  supervisedShare: number;
}

export const PLATFORMS: readonly PlatformProfile[] = [
  {
    key: 'ios', weight: 30, operatingSystem: 'iOS', managementAgent: 'mdm',
    enrollmentTypes: ['appleBulkWithUser', 'appleBulkWithUser', 'userEnrollment', 'appleUserEnrollment'],
    enrollmentProfiles: ['ADE iPhone Corporate', 'ADE iPhone Corporate', ''],
    osVersions: ['17.7.2', '18.1.1', '18.3', '18.5', '18.6.2', '26.0.1', '26.1'],
    models: [
      { manufacturer: 'Apple', model: 'iPhone 15' }, { manufacturer: 'Apple', model: 'iPhone 15 Pro' },
      { manufacturer: 'Apple', model: 'iPhone 14' }, { manufacturer: 'Apple', model: 'iPhone 16' },
      { manufacturer: 'Apple', model: 'iPhone SE (3rd generation)' }, { manufacturer: 'Apple', model: 'iPhone 13' },
    ],
    hasImei: true, supervisedShare: 0.8,
  },
  {
    key: 'ipados', weight: 8, operatingSystem: 'iPadOS', managementAgent: 'mdm',
    enrollmentTypes: ['appleBulkWithUser', 'appleBulkWithoutUser', 'userEnrollment'],
    enrollmentProfiles: ['ADE iPad Shared', 'ADE iPad Corporate', ''],
    osVersions: ['17.7.2', '18.3', '18.6.2', '26.1'],
    models: [
      { manufacturer: 'Apple', model: 'iPad Air (5th generation)' }, { manufacturer: 'Apple', model: 'iPad (10th generation)' },
      { manufacturer: 'Apple', model: 'iPad Pro (11-inch) (4th generation)' },
    ],
    hasImei: false, supervisedShare: 0.85,
  },
  {
    key: 'androidEnterprise', weight: 22, operatingSystem: 'Android', managementAgent: 'googleCloudDevicePolicyController',
    enrollmentTypes: ['userEnrollment'],
    enrollmentProfiles: ['Corporate-owned work profile', 'Fully managed', 'Personally-owned work profile'],
    osVersions: ['12', '13', '14', '15', '16'],
    models: [
      { manufacturer: 'samsung', model: 'SM-S911B' }, { manufacturer: 'samsung', model: 'SM-A546B' },
      { manufacturer: 'Google', model: 'Pixel 8' }, { manufacturer: 'Google', model: 'Pixel 7a' },
      { manufacturer: 'motorola', model: 'moto g84 5G' },
    ],
    hasImei: true, supervisedShare: 0,
  },
  {
    key: 'androidDeviceAdmin', weight: 5, operatingSystem: 'Android', managementAgent: 'mdm',
    enrollmentTypes: ['userEnrollment'],
    enrollmentProfiles: [''],
    osVersions: ['9', '10', '11'],
    models: [{ manufacturer: 'samsung', model: 'SM-G973F' }, { manufacturer: 'HUAWEI', model: 'ELE-L29' }],
    hasImei: true, supervisedShare: 0,
  },
  {
    key: 'windows', weight: 25, operatingSystem: 'Windows', managementAgent: 'mdm',
    enrollmentTypes: ['windowsAzureADJoin', 'windowsAutoEnrollment', 'windowsCoManagement'],
    enrollmentProfiles: ['Autopilot User-Driven', ''],
    osVersions: ['10.0.19045.5737', '10.0.22631.5335', '10.0.26100.4349', '10.0.26100.6584'],
    models: [
      { manufacturer: 'Dell Inc.', model: 'Latitude 7440' }, { manufacturer: 'LENOVO', model: '21HD003JGE' },
      { manufacturer: 'Microsoft Corporation', model: 'Surface Laptop 5' }, { manufacturer: 'HP', model: 'HP EliteBook 840 G10' },
    ],
    hasImei: false, supervisedShare: 0,
  },
  {
    key: 'macos', weight: 10, operatingSystem: 'macOS', managementAgent: 'mdm',
    enrollmentTypes: ['appleBulkWithUser', 'userEnrollment'],
    enrollmentProfiles: ['ADE Mac', ''],
    osVersions: ['14.7.1', '15.3.2', '15.6', '26.1'],
    models: [
      { manufacturer: 'Apple', model: 'MacBook Pro (14-inch, M3, 2023)' }, { manufacturer: 'Apple', model: 'MacBook Air (13-inch, M2, 2022)' },
      { manufacturer: 'Apple', model: 'MacBook Air (15-inch, M3, 2024)' },
    ],
    hasImei: false, supervisedShare: 0.9,
  },
];

export const CARRIERS = ['Telekom.de', 'Vodafone', 'O2 - DE', 'Orange F', 'Swisscom', 'AT&T', 'T-Mobile', ''];
export const DEVICE_CATEGORIES = ['Unknown', 'Sales', 'Engineering', 'Field service', 'Finance'];
