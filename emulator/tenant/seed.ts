// Builds a deterministic tenant from a seed: the same seed, sizes and epoch always give the same users and
// devices. Dates are offsets from the epoch so that a demo started today shows "synced 5 minutes ago".
import { Faker, base, de, en, en_GB, es, fr, nl, pl, sv } from '@faker-js/faker';
import { seedGroups } from './groups';
import { CARRIERS, DEVICE_CATEGORIES, HARDWARE, MODE_MIX, type HardwareProfile } from './catalog';
import {
  ENROLLMENT_MODE_KEYS,
  ENROLLMENT_MODES,
  type EnrollmentMode,
  type EnrollmentModeKey,
} from './enrollment';
import { withDirectory, type BareUser } from './directory';
import { graphDateTime } from './date-time';
import {
  APPLE_SERIAL,
  UPPER_ALNUM,
  between,
  digits,
  fromAlphabet,
  guid,
  hex,
  pick,
  seededFaker,
  uniform,
  weighted,
} from './draws';
import {
  APPROVER_APP_ROLE,
  AUDITOR_APP_ROLE,
  DEMO_ACCOUNTS,
  NOTIFY_MAILBOX,
  TENANT_DOMAIN,
  TENANT_ID,
} from '../constants';
import type {
  ActionScenario,
  DirectoryUser,
  ManagedDevice,
  ScopeTag,
  SeededAdminCenterAction,
  StoredDevice,
  Tenant,
} from './types';

export interface SeedOptions {
  seed: number;
  devices: number;
  users: number;
  /** The moment the tenant is seeded at; every date is relative to it. */
  epoch: Date;
}

export const DEFAULT_SEED: Omit<SeedOptions, 'epoch'> = { seed: 4242, devices: 2500, users: 800 };

/** Graph's "unset" date, which real responses carry in place of null. */
export const PLACEHOLDER_DATE = '0001-01-01T00:00:00Z';

const READ = 'DeviceManagementManagedDevices.Read.All';
const PRIVILEGED = 'DeviceManagementManagedDevices.PrivilegedOperations.All';
const READ_WRITE = 'DeviceManagementManagedDevices.ReadWrite.All';
const APPS_READ = 'DeviceManagementApps.Read.All';
const USER_READ = 'User.Read';
/** Intune's role-based access, read (getEffectivePermissions): what the agent's role allows, before acting. */
const RBAC_READ = 'DeviceManagementRBAC.Read.All';
/** The owner's notification (issue 19): the owner's profile, then sendMail as the agent or from the shared mailbox. */
const USER_READ_ALL = 'User.Read.All';
const MAIL_SEND = 'Mail.Send';
const MAIL_SEND_SHARED = 'Mail.Send.Shared';
const NOTIFY = [USER_READ_ALL, MAIL_SEND, MAIL_SEND_SHARED];
/**
 * What the Caller panel reads besides the profile (User.Read.All, above): registered phone methods and Identity
 * Protection's risk (trust.md). An administrator granted these to the console for some agents only.
 */
const CALLER_READS = ['UserAuthenticationMethod.Read.All', 'IdentityRiskyUser.Read.All'];
/**
 * Group membership (checkMemberGroups, GET /groups/{id}), granted by an administrator to the agents who act: the
 * group rules of the caller and four-eyes policies, and the approvers' mail-enabled group. Without it those rules
 * fail closed (every user counts as protected) and the approvers' e-mail fails.
 */
const GROUPS_READ = 'GroupMember.Read.All';

/** The demo agents, fixed whatever the seed, so that docs and tests can name them. */
const FIRST_AGENTS: readonly Omit<BareUser, 'scopeTag'>[] = [
  {
    id: '4a1f7c52-9e3b-4d8a-b6c1-2f5e8d9a0b11',
    displayName: 'Hanna Berger',
    givenName: 'Hanna',
    surname: 'Berger',
    userPrincipalName: DEMO_ACCOUNTS.helpdesk,
    mail: `hanna.berger@${TENANT_DOMAIN}`,
    consentedScopes: [
      USER_READ,
      READ,
      PRIVILEGED,
      APPS_READ,
      ...NOTIFY,
      ...CALLER_READS,
      GROUPS_READ,
    ],
    intuneScopeTags: ['EMEA'],
    intuneRemoteTasks: true,
    intuneAuditRead: true,
    directoryRoles: ['Authentication Administrator', 'Security Reader'],
    agentRole:
      "Helpdesk agent (EMEA): may read devices and run passcode actions; Entra Authentication Administrator and Security Reader (reads callers' phones and risk)",
  },
  {
    id: '5b2e8d63-af4c-4e9b-87d2-3a6f9eab1c22',
    displayName: 'Ravi Okafor',
    givenName: 'Ravi',
    surname: 'Okafor',
    userPrincipalName: DEMO_ACCOUNTS.readOnly,
    mail: `ravi.okafor@${TENANT_DOMAIN}`,
    consentedScopes: [USER_READ, READ],
    intuneScopeTags: ['EMEA'],
    intuneRemoteTasks: true,
    intuneAuditRead: false,
    agentRole:
      'Read-only agent (EMEA): may read devices only; no directory permissions (none granted, may not consent) and no Entra role',
  },
  {
    id: '6c3f9e74-b05d-4fac-98e3-4b7a0fbc2d33',
    displayName: 'Alex Moreau',
    givenName: 'Alex',
    surname: 'Moreau',
    userPrincipalName: DEMO_ACCOUNTS.admin,
    mail: `alex.moreau@${TENANT_DOMAIN}`,
    consentedScopes: [
      USER_READ,
      READ,
      READ_WRITE,
      PRIVILEGED,
      APPS_READ,
      ...NOTIFY,
      ...CALLER_READS,
      GROUPS_READ,
    ],
    intuneScopeTags: ['EMEA', 'AMER', 'APAC'],
    intuneRemoteTasks: true,
    intuneAuditRead: true,
    directoryRoles: ['Intune Administrator', 'Global Reader'],
    appRoles: [APPROVER_APP_ROLE],
    agentRole:
      "Intune administrator (all regions); Entra Global Reader; the console's Approver role (four-eyes)",
  },
  {
    id: '7d4a0f85-c16e-4abd-a9f4-5c8b1acd3e44',
    displayName: 'Noah Schmid',
    givenName: 'Noah',
    surname: 'Schmid',
    userPrincipalName: DEMO_ACCOUNTS.viewer,
    mail: `noah.schmid@${TENANT_DOMAIN}`,
    // An administrator consented to Intune's RBAC read for this account, so the console knows the role up front.
    consentedScopes: [USER_READ, READ, PRIVILEGED, RBAC_READ],
    intuneScopeTags: ['EMEA'],
    intuneRemoteTasks: false,
    intuneAuditRead: false,
    agentRole: 'Intune Read Only Operator (EMEA): reads devices; the role has no remote tasks',
  },
  {
    id: '8e5b1096-d27f-4bce-8a05-6d9c2bde4f55',
    displayName: 'Lea Novak',
    givenName: 'Lea',
    surname: 'Novak',
    userPrincipalName: DEMO_ACCOUNTS.noIntune,
    mail: `lea.novak@${TENANT_DOMAIN}`,
    consentedScopes: [USER_READ, READ, PRIVILEGED],
    intuneScopeTags: [],
    intuneRemoteTasks: false,
    intuneAuditRead: false,
    agentRole: 'No Intune licence or role: Graph answers 401 for everything Intune',
  },
  {
    id: '9f6c21a7-e380-4cdf-9b16-7ead3cef5a66',
    displayName: 'Jane Doe',
    givenName: 'Jane',
    surname: 'Doe',
    userPrincipalName: DEMO_ACCOUNTS.guest,
    mail: 'jane.doe@outlook.com',
    consentedScopes: [USER_READ, READ, PRIVILEGED],
    intuneScopeTags: ['EMEA'],
    intuneRemoteTasks: true,
    intuneAuditRead: false,
    guest: { homeIdentity: 'live.com#jane.doe@outlook.com', idp: 'live.com' },
    agentRole: 'Guest helpdesk contractor (EMEA), invited from outlook.com',
  },
  {
    id: 'a07d32b8-f491-4de0-8c27-8fbe4d0a6b77',
    displayName: 'Mira Lindqvist',
    givenName: 'Mira',
    surname: 'Lindqvist',
    userPrincipalName: DEMO_ACCOUNTS.auditor,
    mail: `mira.lindqvist@${TENANT_DOMAIN}`,
    consentedScopes: [USER_READ, READ, APPS_READ],
    intuneScopeTags: ['EMEA', 'AMER', 'APAC'],
    intuneRemoteTasks: false,
    intuneAuditRead: true,
    appRoles: [AUDITOR_APP_ROLE],
    agentRole:
      "Helpdesk lead with the console's Auditor role: reads everyone's activity; Intune Read Only Operator",
  },
];

/**
 * Agents added after the tenant's people and fleet were first drawn. They come after every generated user (and
 * beyond the requested user count), so that the users and devices drawn before them stay the same.
 */
const LATER_AGENTS: readonly Omit<BareUser, 'scopeTag'>[] = [
  {
    id: 'c29f54da-1b63-4f02-8e4a-a1d06f2c8b99',
    displayName: 'Priya Raman',
    givenName: 'Priya',
    surname: 'Raman',
    userPrincipalName: DEMO_ACCOUNTS.approver,
    mail: `priya.raman@${TENANT_DOMAIN}`,
    consentedScopes: [
      USER_READ,
      READ,
      PRIVILEGED,
      APPS_READ,
      ...NOTIFY,
      ...CALLER_READS,
      GROUPS_READ,
    ],
    intuneScopeTags: ['EMEA', 'AMER', 'APAC'],
    intuneRemoteTasks: true,
    intuneAuditRead: true,
    directoryRoles: ['Authentication Administrator', 'Security Reader'],
    appRoles: [APPROVER_APP_ROLE],
    agentRole:
      "Helpdesk lead with the console's Approver role: approves or denies other agents' requests (four-eyes), may request actions too; Intune Help Desk Operator (all regions); Entra Authentication Administrator and Security Reader",
  },
];

export const DEMO_AGENTS: readonly Omit<BareUser, 'scopeTag'>[] = [
  ...FIRST_AGENTS,
  ...LATER_AGENTS,
];

const NAME_LOCALES = [de, en_GB, fr, sv, es, pl, nl, en];
const DAY_MS = 86_400_000;

/** Named people the tests and the demo rely on: apostrophes and non-ASCII letters in real names. */
const NAMED_PEOPLE = [
  { givenName: 'Zoë', surname: "O'Brien", upn: 'zoe.obrien' },
  { givenName: 'Seán', surname: "O'Connor", upn: 'sean.oconnor' },
  { givenName: 'Jürgen', surname: 'Weiß', upn: 'juergen.weiss' },
  { givenName: 'Łucja', surname: 'Kowalczyk-Nowak', upn: 'lucja.kowalczyk-nowak' },
];

export function seedTenant(options: SeedOptions): Tenant {
  const rng = seededFaker([en, base], options.seed);
  const epochMs = options.epoch.getTime();
  const daysAgo = (days: number) => graphDateTime(epochMs - days * DAY_MS);

  const users = withDirectory(seedUsers(rng, options), { seed: options.seed, epochMs });
  // Named people own exactly the devices placed for them below, so tests and docs can rely on them.
  const named = new Set(NAMED_PEOPLE.map((p) => `${p.upn}@${TENANT_DOMAIN}`));
  const regular = users.filter((u) => u.agentRole === undefined && !named.has(u.userPrincipalName));
  const devices: StoredDevice[] = [];

  const hardwareOf = (mode: EnrollmentModeKey) =>
    HARDWARE[MODE_MIX.find((m) => m.mode === mode)?.hardware ?? 'iphone'];
  const makeDevice = (
    owner: DirectoryUser,
    modeKey: EnrollmentModeKey,
    overrides: Partial<ManagedDevice> = {},
    draw: Faker = rng,
  ) => {
    const mode = ENROLLMENT_MODES[modeKey];
    // In place: the same keys in the same order as a spread into a new object, without copying 60 fields.
    const graph = Object.assign(
      buildDevice(draw, owner, mode, hardwareOf(modeKey), daysAgo),
      overrides,
    );
    devices.push({
      graph,
      mode: modeKey,
      scopeTag: owner.scopeTag,
      scenario: scenarioFor(graph, epochMs),
      scenarioSince: 0,
      managementStateSince: 0,
      enrolledBy: null,
    });
    return graph;
  };

  // The cases that trip a helpdesk, placed first so they exist in every tenant size.
  const zoe = users.find((u) => u.userPrincipalName.startsWith('zoe.obrien@'));
  if (zoe && options.devices >= 6) {
    // Re-enrolment: the same person, the same device name, two device records; the old one stopped syncing.
    makeDevice(zoe, 'iosAutomatedEnrollment', {
      deviceName: "Zoë's iPhone",
      lastSyncDateTime: daysAgo(41.3),
    });
    makeDevice(zoe, 'iosAutomatedEnrollment', {
      deviceName: "Zoë's iPhone",
      lastSyncDateTime: daysAgo(0.02),
    });
    const sean = users.find((u) => u.userPrincipalName.startsWith('sean.oconnor@'));
    if (sean) makeDevice(sean, 'androidFullyManaged', { deviceName: "O'Connor Pixel" });
    // Enrolled by Zoë, then assigned to a colleague: its primary user (userId, userPrincipalName, userDisplayName,
    // emailAddress, all one person) is the colleague, and Graph still lists it among Zoë's devices. Drawn as Zoë's
    // device (her scope tag, the same draws as before), then given its primary user.
    const primary = regular[regular.length - 1];
    if (primary && primary !== zoe) {
      makeDevice(zoe, 'ipadosAutomatedEnrollment', {
        deviceName: 'Shared iPad Reception',
        userId: primary.id,
        userPrincipalName: primary.userPrincipalName,
        emailAddress: primary.mail,
        userDisplayName: primary.displayName,
      });
      const stored = devices.at(-1);
      if (stored) stored.enrolledBy = { id: zoe.id, userPrincipalName: zoe.userPrincipalName };
    }
  }

  // One device of every enrollment mode in the demo agent's region, synced today, so every kind of passcode
  // action (and every "no action here") can be tried in any tenant size.
  const emea = regular.filter((u) => u.scopeTag === 'EMEA');
  if (options.devices >= 30 && emea.length > 0) {
    ENROLLMENT_MODE_KEYS.forEach((mode, i) =>
      makeDevice(emea[(i * 7) % emea.length]!, mode, {
        lastSyncDateTime: daysAgo(0.01 + i / 1000),
      }),
    );
  }

  // The last places go to two phones another admin has started to wipe and to retire in the admin center (so the
  // fleet drawn before them stays the same device for device).
  const pending = options.devices >= 30 && emea.length > 3 ? PENDING_PHONES : [];
  const pickOwner = () => regular[between(rng, 0, regular.length - 1)] ?? users[0]!;
  const modeMix = MODE_MIX.map((m) => ({ weight: m.weight, value: m.mode }));
  while (devices.length < options.devices - pending.length) {
    makeDevice(pickOwner(), weighted(rng, modeMix));
  }
  // The user with every risk signal gets the last fleet place (its draws made as before, so what follows is the
  // same): an iPhone that reports itself jailbroken and that a threat defence partner rates compromised.
  const juergen = users.find((u) => u.userPrincipalName.startsWith('juergen.weiss@'));
  if (juergen && pending.length > 0 && devices.length > 0) {
    devices.pop();
    makeDevice(
      juergen,
      'iosAutomatedEnrollment',
      {
        deviceName: "Jürgen's iPhone",
        lastSyncDateTime: daysAgo(0.03),
        jailBroken: 'True',
        partnerReportedThreatState: 'compromised',
        complianceState: 'noncompliant',
      },
      seededFaker([en, base], options.seed + 104_729),
    );
  }
  const adminCenterActions: SeededAdminCenterAction[] = [];
  pending.forEach((p, i) => {
    const at = Math.floor((epochMs - p.hoursAgo * 3_600_000) / 1000) * 1000;
    const graph = makeDevice(emea[emea.length - 2 - i]!, p.mode, {
      lastSyncDateTime: graphDateTime(at + 60_000),
      managementState: p.managementState,
    });
    const stored = devices[devices.length - 1]!;
    stored.managementStateSince = at;
    adminCenterActions.push({ deviceId: graph.id, action: p.action, initiatedBy: p.by, at });
  });
  return {
    tenantId: TENANT_ID,
    domain: TENANT_DOMAIN,
    displayName: 'Contoso (emulated)',
    users,
    groups: seedGroups(users),
    devices: devices.slice(0, options.devices),
    licences: { entraIdP2: true },
    adminCenterActions,
    sharedMailboxes: [
      {
        id: NOTIFY_MAILBOX_ID,
        address: NOTIFY_MAILBOX,
        displayName: 'Helpdesk notifications',
        // The agents who act on devices may send as it; the read-only ones and the auditor may not.
        sendAs: DEMO_AGENTS.filter((a) => a.consentedScopes.includes(MAIL_SEND_SHARED)).map(
          (a) => a.id,
        ),
      },
    ],
    multiAdminApproval: { actions: [] },
  };
}

/** The shared mailbox's object id (fixed, like the demo agents'). */
const NOTIFY_MAILBOX_ID = 'b18e43c9-0a52-4ef1-9d38-90cf5e1b7c88';

/** A wipe and a retire, each started in the admin center by the Intune administrator some hours before the epoch. */
const PENDING_PHONES = [
  {
    mode: 'iosAutomatedEnrollment',
    action: 'wipe',
    managementState: 'wipePending',
    by: DEMO_ACCOUNTS.admin,
    hoursAgo: 3,
  },
  {
    mode: 'androidFullyManaged',
    action: 'retire',
    managementState: 'retirePending',
    by: DEMO_ACCOUNTS.admin,
    hoursAgo: 5,
  },
] as const;

function seedUsers(rng: Faker, options: SeedOptions): BareUser[] {
  const users: BareUser[] = FIRST_AGENTS.map((a) => ({ ...a, scopeTag: 'EMEA' }));
  const taken = new Set(users.map((u) => u.userPrincipalName));
  const pickTag = (): ScopeTag =>
    weighted(rng, [
      { weight: 60, value: 'EMEA' as const },
      { weight: 25, value: 'AMER' as const },
      { weight: 15, value: 'APAC' as const },
    ]);
  const add = (
    givenName: string,
    surname: string,
    upnBase: string,
    scopeTag: ScopeTag = users.length % 7 === 0 ? 'EMEA' : pickTag(),
  ) => {
    let upn = `${upnBase}@${TENANT_DOMAIN}`;
    for (let n = 2; taken.has(upn); n++) upn = `${upnBase}${n}@${TENANT_DOMAIN}`;
    taken.add(upn);
    users.push({
      id: guid(rng),
      displayName: `${givenName} ${surname}`,
      givenName,
      surname,
      userPrincipalName: upn,
      mail: mailFor(upn, users.length),
      scopeTag,
      consentedScopes: [],
      intuneScopeTags: [],
      intuneRemoteTasks: false,
      intuneAuditRead: false,
    });
  };
  for (const p of NAMED_PEOPLE) {
    // In the helpdesk agent's region, so the demo agent can find them.
    if (users.length < options.users) add(p.givenName, p.surname, p.upn, 'EMEA');
  }
  const namers = NAME_LOCALES.map((locale, i) =>
    seededFaker([locale, en, base], options.seed + i + 1),
  );
  while (users.length < options.users) {
    const namer = namers[users.length % namers.length]!;
    const givenName = namer.person.firstName();
    const surname = namer.person.lastName();
    add(givenName, surname, `${asciiFold(givenName)}.${asciiFold(surname)}`);
  }
  return [...users, ...LATER_AGENTS.map((a): BareUser => ({ ...a, scopeTag: 'EMEA' }))];
}

/**
 * Many users' mail differs from their UPN: a renamed domain, or a short alias (graph-intune.md). One in six of
 * each here, by position, so the seed's other draws do not move; Seán O'Connor's mail is on the Irish domain.
 */
function mailFor(upn: string, position: number): string {
  const [local = 'user', domain = TENANT_DOMAIN] = upn.split('@');
  if (local === 'sean.oconnor') return `${local}@contoso.ie`;
  if (position % 6 === 1) return `${local}@contoso.de`;
  if (position % 6 === 4)
    return `${local
      .split('.')
      .map((part, i) => (i === 0 ? part.slice(0, 1) : part))
      .join('.')}@${domain}`;
  return upn;
}

/** How a directory turns "Zoë O'Brien" into "zoe.obrien": strip accents, keep letters, digits and hyphens. */
export function asciiFold(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .replace(/[łŁ]/g, 'l')
    .replace(/[øØ]/g, 'o')
    .replace(/[æÆ]/g, 'ae')
    .toLowerCase()
    .replace(/[^a-z0-9-]/g, '');
}

/** The part of a UPN before the @, once per owner (an owner has several devices; split() was 6 % of seeding). */
const upnPrefixes = new WeakMap<DirectoryUser, string>();
function upnPrefixOf(owner: DirectoryUser): string {
  let prefix = upnPrefixes.get(owner);
  if (prefix === undefined) {
    prefix = owner.userPrincipalName.split('@')[0] ?? 'user';
    upnPrefixes.set(owner, prefix);
  }
  return prefix;
}

function buildDevice(
  rng: Faker,
  owner: DirectoryUser,
  mode: EnrollmentMode,
  hardware: HardwareProfile,
  daysAgo: (d: number) => string,
): ManagedDevice {
  const hw = pick(rng, hardware.models);
  const enrolledDays = rng.number.float({ min: 20, max: 900, fractionDigits: 4 });
  const syncDays = weighted(rng, [
    { weight: 70, value: uniform(rng, 0.001, 1) },
    { weight: 15, value: uniform(rng, 1, 7) },
    { weight: 8, value: uniform(rng, 7, 30) },
    { weight: 7, value: uniform(rng, 30, Math.max(31, enrolledDays)) },
  ]);
  const compliance = weighted(rng, [
    { weight: 78, value: 'compliant' as const },
    { weight: 12, value: 'noncompliant' as const },
    { weight: 4, value: 'inGracePeriod' as const },
    { weight: 4, value: 'unknown' as const },
    { weight: 1, value: 'error' as const },
    { weight: 1, value: 'conflict' as const },
  ]);
  const serialNumber = serialFor(rng, hardware, hw.manufacturer);
  const upnPrefix = upnPrefixOf(owner);
  const enrolled = daysAgo(enrolledDays);
  const mobile = hardware.hasImei;
  const storage = pick(rng, [64, 128, 256, 512]) * 1_073_741_824;
  const graceDate =
    compliance === 'inGracePeriod' ? daysAgo(-between(rng, 1, 6)) : '9999-12-31T23:59:59Z';

  const device: ManagedDevice = {
    id: guid(rng),
    userId: owner.id,
    deviceName: deviceNameFor(rng, mode, owner, serialNumber, enrolled),
    managedDeviceOwnerType: mode.ownerType,
    enrolledDateTime: enrolled,
    lastSyncDateTime: daysAgo(syncDays),
    operatingSystem: mode.operatingSystem,
    complianceState: compliance,
    jailBroken:
      mode.operatingSystem === 'Windows' || mode.operatingSystem === 'macOS' ? 'Unknown' : 'False',
    managementAgent: mode.managementAgent,
    osVersion: pick(rng, hardware.osVersions),
    easActivated: mobile && uniform(rng) < 0.6,
    easDeviceId: mobile ? fromAlphabet(rng, UPPER_ALNUM, 20) : '',
    easActivationDateTime: PLACEHOLDER_DATE,
    azureADRegistered: true,
    // Where the profile decides (AOSP), no draw: the seed's later draws stay where they were.
    deviceEnrollmentType: mode.deviceEnrollmentTypeByProfile
      ? 'unknown'
      : pick(rng, mode.deviceEnrollmentTypes),
    emailAddress: uniform(rng) < 0.95 ? owner.mail : '',
    azureADDeviceId: guid(rng),
    deviceRegistrationState: 'registered',
    deviceCategoryDisplayName: pick(rng, DEVICE_CATEGORIES),
    isSupervised: mode.supervised,
    exchangeLastSuccessfulSyncDateTime: PLACEHOLDER_DATE,
    exchangeAccessState: 'none',
    exchangeAccessStateReason: 'none',
    isEncrypted: uniform(rng) < 0.93,
    userPrincipalName: owner.userPrincipalName,
    model: hw.model,
    manufacturer: hw.manufacturer,
    // iOS reports the IMEI as Apple prints it, in groups (35 445506 652132 5); Android reports digits.
    imei: !mobile ? '' : mode.operatingSystem === 'iOS' ? appleImei(imei(rng)) : imei(rng),
    complianceGracePeriodExpirationDateTime: graceDate,
    serialNumber,
    phoneNumber: mobile && uniform(rng) < 0.5 ? `+49 15${digits(rng, 9)}` : '',
    androidSecurityPatchLevel:
      mode.operatingSystem === 'Android'
        ? `2026-${String(between(rng, 1, 10)).padStart(2, '0')}-01`
        : '',
    userDisplayName: owner.displayName,
    wiFiMacAddress: hex(rng, 12),
    subscriberCarrier: mobile ? pick(rng, CARRIERS) : '',
    meid: '',
    totalStorageSpaceInBytes: storage,
    freeStorageSpaceInBytes: Math.floor(storage * uniform(rng, 0.05, 0.8)),
    managedDeviceName: `${upnPrefix}_${mode.operatingSystem}_${enrolled.slice(0, 10)}`,
    partnerReportedThreatState: 'unknown',
    managementCertificateExpirationDate: daysAgo(-between(rng, 30, 365)),
    iccid: mobile && uniform(rng) < 0.5 ? `8949${digits(rng, 15)}` : '',
    udid: mode.operatingSystem.endsWith('OS') ? hex(rng, 40) : '',
    notes: null,
    ethernetMacAddress: '',
    physicalMemoryInBytes: 0,
    enrollmentProfileName: pick(rng, hardware.enrollmentProfiles),
    managementState: 'managed',
    deviceActionResults: [],
    activationLockBypassCode: null,
    configurationManagerClientEnabledFeatures: null,
    deviceHealthAttestationState: null,
    remoteAssistanceSessionErrorDetails: null,
    remoteAssistanceSessionUrl: null,
    requireUserEnrollmentApproval: null,
  };
  const byProfile = mode.deviceEnrollmentTypeByProfile?.[device.enrollmentProfileName];
  if (byProfile) device.deviceEnrollmentType = byProfile;
  return device;
}

/**
 * A device's default answer to remote actions, from facts a helpdesk can see: devices silent for a week are
 * offline, and one in fifty (by id) lacks what the action needs. Support itself follows the enrollment mode.
 */
function scenarioFor(device: ManagedDevice, epochMs: number): ActionScenario {
  if (epochMs - Date.parse(device.lastSyncDateTime) > 7 * DAY_MS) return 'offline';
  if (parseInt(device.id.slice(0, 8), 16) % 50 === 0) return 'failing';
  return 'online';
}

function deviceNameFor(
  rng: Faker,
  mode: EnrollmentMode,
  owner: DirectoryUser,
  serial: string,
  enrolled: string,
): string {
  const first = owner.givenName;
  const upnPrefix = upnPrefixOf(owner);
  // Intune's default Android name: <user>_AndroidForWork_<M/D/YYYY>_<h:mm AM|PM> (made for Android names only).
  const stamp = () => {
    const d = new Date(enrolled);
    const hour = d.getUTCHours();
    return `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()}_${hour % 12 || 12}:${String(d.getUTCMinutes()).padStart(2, '0')} ${hour < 12 ? 'AM' : 'PM'}`;
  };
  switch (mode.key) {
    case 'iosDeviceEnrollment':
    case 'iosAutomatedEnrollment':
    case 'iosUserEnrollment':
      return uniform(rng) < 0.7 ? `${first}'s iPhone` : 'iPhone';
    case 'ipadosAutomatedEnrollment':
      return uniform(rng) < 0.6 ? `${first}'s iPad` : 'iPad';
    case 'androidFullyManaged':
    case 'androidCorporateWorkProfile':
    case 'androidPersonalWorkProfile':
      return `${upnPrefix}_AndroidForWork_${stamp()}`;
    case 'androidDedicated':
      return `KIOSK-${serial.slice(-6)}`;
    case 'androidAosp':
      return `${upnPrefix}_AOSP_${stamp()}`;
    case 'androidDeviceAdmin':
      return `${upnPrefix}_Android_${stamp()}`;
    case 'windowsDesktop':
      return uniform(rng) < 0.7
        ? `CONTOSO-${serial.slice(-7)}`
        : `DESKTOP-${fromAlphabet(rng, UPPER_ALNUM, 7)}`;
    case 'windowsMobile':
      return `${first}'s Lumia`;
    case 'macos':
      return `${first}'s MacBook`;
  }
}

function serialFor(rng: Faker, hardware: HardwareProfile, manufacturer: string): string {
  if (manufacturer === 'Apple') return fromAlphabet(rng, APPLE_SERIAL, 10);
  if (manufacturer === 'samsung') return `R5${fromAlphabet(rng, UPPER_ALNUM, 9)}`;
  return fromAlphabet(rng, UPPER_ALNUM, hardware.key === 'windowsPc' ? 10 : 12);
}

/** Apple's grouping of an IMEI: 2, 6, 6 and 1 digits. */
function appleImei(digits: string): string {
  return `${digits.slice(0, 2)} ${digits.slice(2, 8)} ${digits.slice(8, 14)} ${digits.slice(14)}`;
}

/** A 15-digit IMEI whose last digit is the Luhn check digit, as on a real handset. */
function imei(rng: Faker): string {
  const body = `35${digits(rng, 12)}`;
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let d = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return body + String((10 - (sum % 10)) % 10);
}
