// Hardware, OS versions and naming habits the seeded tenant draws from, and how often each enrollment mode
// occurs, weighted roughly like a mid-size European company's fleet.
import type { EnrollmentModeKey } from './enrollment';

export type HardwareKey =
  | 'iphone'
  | 'ipad'
  | 'androidGms'
  | 'androidAosp'
  | 'androidLegacy'
  | 'windowsPc'
  | 'windowsPhone'
  | 'mac';

export interface HardwareProfile {
  key: HardwareKey;
  enrollmentProfiles: readonly string[];
  osVersions: readonly string[];
  models: readonly { manufacturer: string; model: string }[];
  hasImei: boolean;
}

export const HARDWARE: Readonly<Record<HardwareKey, HardwareProfile>> = {
  iphone: {
    key: 'iphone',
    enrollmentProfiles: ['ADE iPhone Corporate', 'ADE iPhone Corporate', ''],
    osVersions: ['17.7.2', '18.1.1', '18.3', '18.5', '18.6.2', '26.0.1', '26.1'],
    models: [
      { manufacturer: 'Apple', model: 'iPhone 15' },
      { manufacturer: 'Apple', model: 'iPhone 15 Pro' },
      { manufacturer: 'Apple', model: 'iPhone 14' },
      { manufacturer: 'Apple', model: 'iPhone 16' },
      { manufacturer: 'Apple', model: 'iPhone SE (3rd generation)' },
      { manufacturer: 'Apple', model: 'iPhone 13' },
    ],
    hasImei: true,
  },
  ipad: {
    key: 'ipad',
    enrollmentProfiles: ['ADE iPad Shared', 'ADE iPad Corporate', ''],
    osVersions: ['17.7.2', '18.3', '18.6.2', '26.1'],
    models: [
      { manufacturer: 'Apple', model: 'iPad Air (5th generation)' },
      { manufacturer: 'Apple', model: 'iPad (10th generation)' },
      { manufacturer: 'Apple', model: 'iPad Pro (11-inch) (4th generation)' },
    ],
    hasImei: false,
  },
  androidGms: {
    key: 'androidGms',
    enrollmentProfiles: [
      'Corporate-owned work profile',
      'Fully managed',
      'Personally-owned work profile',
    ],
    osVersions: ['12', '13', '14', '15', '16'],
    models: [
      { manufacturer: 'samsung', model: 'SM-S911B' },
      { manufacturer: 'samsung', model: 'SM-A546B' },
      { manufacturer: 'Google', model: 'Pixel 8' },
      { manufacturer: 'Google', model: 'Pixel 7a' },
      { manufacturer: 'motorola', model: 'moto g84 5G' },
    ],
    hasImei: true,
  },
  androidAosp: {
    key: 'androidAosp',
    enrollmentProfiles: ['AOSP userless', 'AOSP user-associated'],
    osVersions: ['10', '11', '12'],
    models: [
      { manufacturer: 'RealWear', model: 'Navigator 500' },
      { manufacturer: 'Zebra Technologies', model: 'TC58' },
    ],
    hasImei: false,
  },
  androidLegacy: {
    key: 'androidLegacy',
    enrollmentProfiles: [''],
    osVersions: ['9', '10', '11'],
    models: [
      { manufacturer: 'samsung', model: 'SM-G973F' },
      { manufacturer: 'HUAWEI', model: 'ELE-L29' },
    ],
    hasImei: true,
  },
  windowsPc: {
    key: 'windowsPc',
    enrollmentProfiles: ['Autopilot User-Driven', ''],
    osVersions: ['10.0.19045.5737', '10.0.22631.5335', '10.0.26100.4349', '10.0.26100.6584'],
    models: [
      { manufacturer: 'Dell Inc.', model: 'Latitude 7440' },
      { manufacturer: 'LENOVO', model: '21HD003JGE' },
      { manufacturer: 'Microsoft Corporation', model: 'Surface Laptop 5' },
      { manufacturer: 'HP', model: 'HP EliteBook 840 G10' },
    ],
    hasImei: false,
  },
  windowsPhone: {
    key: 'windowsPhone',
    enrollmentProfiles: [''],
    osVersions: ['10.0.15254.603', '10.0.15254.597'],
    models: [
      { manufacturer: 'Microsoft Corporation', model: 'Lumia 950' },
      { manufacturer: 'HP', model: 'HP Elite x3' },
    ],
    hasImei: true,
  },
  mac: {
    key: 'mac',
    enrollmentProfiles: ['ADE Mac', ''],
    osVersions: ['14.7.1', '15.3.2', '15.6', '26.1'],
    models: [
      { manufacturer: 'Apple', model: 'MacBook Pro (14-inch, M3, 2023)' },
      { manufacturer: 'Apple', model: 'MacBook Air (13-inch, M2, 2022)' },
      { manufacturer: 'Apple', model: 'MacBook Air (15-inch, M3, 2024)' },
    ],
    hasImei: false,
  },
};

/** Each enrollment mode's hardware and its share of the fleet (per mille). */
export const MODE_MIX: readonly {
  mode: EnrollmentModeKey;
  hardware: HardwareKey;
  weight: number;
}[] = [
  { mode: 'iosAutomatedEnrollment', hardware: 'iphone', weight: 180 },
  { mode: 'iosDeviceEnrollment', hardware: 'iphone', weight: 80 },
  { mode: 'iosUserEnrollment', hardware: 'iphone', weight: 40 },
  { mode: 'ipadosAutomatedEnrollment', hardware: 'ipad', weight: 80 },
  { mode: 'androidFullyManaged', hardware: 'androidGms', weight: 80 },
  { mode: 'androidDedicated', hardware: 'androidGms', weight: 30 },
  { mode: 'androidCorporateWorkProfile', hardware: 'androidGms', weight: 50 },
  { mode: 'androidPersonalWorkProfile', hardware: 'androidGms', weight: 60 },
  { mode: 'androidAosp', hardware: 'androidAosp', weight: 10 },
  { mode: 'androidDeviceAdmin', hardware: 'androidLegacy', weight: 40 },
  { mode: 'windowsDesktop', hardware: 'windowsPc', weight: 246 },
  { mode: 'windowsMobile', hardware: 'windowsPhone', weight: 4 },
  { mode: 'macos', hardware: 'mac', weight: 100 },
];

export const CARRIERS = [
  'Telekom.de',
  'Vodafone',
  'O2 - DE',
  'Orange F',
  'Swisscom',
  'AT&T',
  'T-Mobile',
  '',
];
export const DEVICE_CATEGORIES = ['Unknown', 'Sales', 'Engineering', 'Field service', 'Finance'];
