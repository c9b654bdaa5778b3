// The directory side of the seeded tenant: each user's Graph profile (job, office, phones, language), a manager,
// registered phone methods and Identity Protection's risk. Drawn from a generator of its own, so the users and
// devices drawn before it (and every test that relies on them) stay exactly as they were.
import { base, en } from '@faker-js/faker';
import { graphDateTime } from './date-time';
import { between, digits, pick, seededFaker, uniform } from './draws';
import type {
  DirectoryProfile,
  DirectoryRoleName,
  DirectoryUser,
  PhoneMethod,
  ScopeTag,
  UserRisk,
} from './types';

/** Graph's fixed ids of the three phone methods a user can register (phoneAuthenticationMethod). */
export const PHONE_METHOD_IDS = {
  mobile: '3179e48a-750b-4051-897c-87b9720928f7',
  alternateMobile: 'b6332ec1-7057-4abe-9331-3d72feddfe41',
  office: 'e37fc753-ff3b-4958-9484-eaa9425c82bc',
} as const satisfies Record<PhoneMethod['phoneType'], string>;

/** The fields this module adds to a user. */
export type DirectoryFields = 'profile' | 'managerId' | 'phoneMethods' | 'risk' | 'directoryRoles';
export type BareUser = Omit<DirectoryUser, DirectoryFields> & {
  directoryRoles?: readonly DirectoryRoleName[];
};

const DEPARTMENTS = [
  'Sales',
  'Finance',
  'Engineering',
  'Customer Service',
  'Logistics',
  'Marketing',
  'Human Resources',
  'Legal',
] as const;
const JOB_TITLES = [
  'Account Manager',
  'Controller',
  'Software Engineer',
  'Service Agent',
  'Warehouse Lead',
  'Product Marketing Manager',
  'HR Business Partner',
  'Counsel',
  'Field Technician',
  'Team Assistant',
] as const;
const OFFICES: Record<ScopeTag, readonly { office: string; country: string; area: string }[]> = {
  EMEA: [
    { office: 'Munich HQ', country: '+49', area: '89' },
    { office: 'Berlin', country: '+49', area: '30' },
    { office: 'Dublin', country: '+353', area: '1' },
    { office: 'Paris', country: '+33', area: '1' },
    { office: 'Stockholm', country: '+46', area: '8' },
  ],
  AMER: [
    { office: 'Seattle', country: '+1', area: '206' },
    { office: 'Toronto', country: '+1', area: '416' },
  ],
  APAC: [
    { office: 'Singapore', country: '+65', area: '6' },
    { office: 'Sydney', country: '+61', area: '2' },
  ],
};

/** Named people whose directory entries the demo and the tests rely on (fixed numbers, a fixed manager). */
const FIXED: Record<string, Partial<DirectoryProfile> & { phoneMethods?: PhoneMethod[] }> = {
  'zoe.obrien': {
    jobTitle: 'Account Manager',
    department: 'Sales',
    officeLocation: 'Dublin',
    preferredLanguage: 'en-GB',
    mobilePhone: '+353 87 1234567',
    businessPhones: ['+353 1 5550123'],
    phoneMethods: [phone('mobile', '+353 87 1234567'), phone('office', '+353 1 5550123')],
  },
  // Every signal at once: a disabled account, high user risk, and (seed.ts) a jailbroken, compromised iPhone.
  'juergen.weiss': {
    accountEnabled: false,
    jobTitle: 'Controller',
    department: 'Finance',
    officeLocation: 'Munich HQ',
    preferredLanguage: 'de-DE',
    mobilePhone: '+49 1511 2345678',
    businessPhones: ['+49 89 4520 1187'],
    phoneMethods: [
      phone('mobile', '+49 1511 2345678'),
      phone('alternateMobile', '+49 1722 9876543'),
    ],
  },
};

function phone(phoneType: PhoneMethod['phoneType'], phoneNumber: string): PhoneMethod {
  return {
    id: PHONE_METHOD_IDS[phoneType],
    phoneNumber,
    phoneType,
    smsSignInState: 'notAllowedByPolicy',
  };
}

/** The manager of the named people: a regular EMEA user with both kinds of directory phone. */
const NAMED_MANAGER = {
  mobilePhone: '+49 1701 5554321',
  businessPhones: ['+49 89 4520 1000'],
  jobTitle: 'Head of Controlling',
};

export function withDirectory(
  bare: readonly BareUser[],
  opts: { seed: number; epochMs: number },
): DirectoryUser[] {
  const rng = seededFaker([en, base], opts.seed + 7919);
  const hoursAgo = (h: number) => graphDateTime(opts.epochMs - h * 3_600_000);
  const lastManagerByTag = new Map<ScopeTag, string[]>();
  const users = bare.map((b, i): DirectoryUser => {
    const site = pick(rng, OFFICES[b.scopeTag]);
    const mobile =
      uniform(rng) < 0.75 ? `${site.country} 15${digits(rng, 2)} ${digits(rng, 7)}` : null;
    const business =
      uniform(rng) < 0.6
        ? [`${site.country} ${site.area} ${digits(rng, 4)} ${digits(rng, 4)}`]
        : [];
    const methods: PhoneMethod[] = [];
    if (uniform(rng) < 0.8)
      methods.push(
        phone(
          'mobile',
          mobile && uniform(rng) < 0.7
            ? mobile
            : `${site.country} 16${digits(rng, 2)} ${digits(rng, 7)}`,
        ),
      );
    if (uniform(rng) < 0.15)
      methods.push(
        phone('alternateMobile', `${site.country} 17${digits(rng, 2)} ${digits(rng, 7)}`),
      );
    if (business[0] && uniform(rng) < 0.2) methods.push(phone('office', business[0]));
    const riskDraw = uniform(rng);
    const risk: UserRisk | null =
      riskDraw < 0.04
        ? {
            riskLevel: pick(rng, ['low', 'medium', 'high'] as const),
            riskState: 'atRisk',
            riskDetail: 'none',
            riskLastUpdatedDateTime: hoursAgo(between(rng, 1, 24 * 20)),
          }
        : riskDraw < 0.08
          ? {
              riskLevel: 'none',
              riskState: pick(rng, ['remediated', 'dismissed'] as const),
              riskDetail: 'userPerformedSecuredPasswordChange',
              riskLastUpdatedDateTime: hoursAgo(between(rng, 24, 24 * 90)),
            }
          : null;
    // Managers come from earlier regular users of the same region, so the chain has no cycles.
    const candidates = lastManagerByTag.get(b.scopeTag) ?? [];
    const managerId =
      b.agentRole === undefined && candidates.length > 0 && uniform(rng) < 0.9
        ? pick(rng, candidates)
        : null;
    if (b.agentRole === undefined && i % 5 === 0) {
      candidates.push(b.id);
      if (candidates.length > 40) candidates.shift();
      lastManagerByTag.set(b.scopeTag, candidates);
    }
    const profile: DirectoryProfile = {
      accountEnabled: true,
      // Unset, as in most tenants (the owner's e-mail then goes out in English); named people and tests set it.
      preferredLanguage: null,
      jobTitle: pick(rng, JOB_TITLES),
      department: pick(rng, DEPARTMENTS),
      officeLocation: site.office,
      employeeId: String(100_000 + i),
      mobilePhone: mobile,
      businessPhones: business,
      userType: b.guest ? 'Guest' : 'Member',
    };
    // Object.assign into a new object: V8 adds properties to a spread copy (`{ ...b, profile }`) on a slow path,
    // ~10 µs a user, most of the directory's seeding time.
    return Object.assign({}, b, {
      profile,
      managerId,
      phoneMethods: methods,
      risk,
      directoryRoles: b.directoryRoles ?? [],
    });
  });

  // The named people's fixed entries, and one manager for them with numbers of record.
  const upnStem = (u: DirectoryUser) => u.userPrincipalName.split('@')[0] ?? '';
  const manager = users.find(
    (u) =>
      u.agentRole === undefined &&
      u.scopeTag === 'EMEA' &&
      !(upnStem(u) in FIXED) &&
      !u.guest &&
      u.managerId === null &&
      users.indexOf(u) > 20,
  );
  if (manager) manager.profile = { ...manager.profile, ...NAMED_MANAGER };
  for (const u of users) {
    const fixed = FIXED[upnStem(u)];
    if (!fixed) continue;
    const { phoneMethods, ...profile } = fixed;
    u.profile = { ...u.profile, ...profile };
    if (phoneMethods) u.phoneMethods = phoneMethods;
    if (manager) u.managerId = manager.id;
  }
  const juergen = users.find((u) => upnStem(u) === 'juergen.weiss');
  if (juergen)
    juergen.risk = {
      riskLevel: 'high',
      riskState: 'atRisk',
      riskDetail: 'none',
      riskLastUpdatedDateTime: hoursAgo(5),
    };
  const zoe = users.find((u) => upnStem(u) === 'zoe.obrien');
  if (zoe) zoe.risk = null;
  return users;
}
