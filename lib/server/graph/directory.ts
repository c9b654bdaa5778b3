import 'server-only';
// Reading the person behind a device from Entra ID through Graph, with the agent's token (trust.md): the user's
// profile, their manager, their registered phone methods and Identity Protection's risk. Each read is typed with
// zod and throws GraphError; `asPart` turns a refusal into the reason the Caller panel shows (never into "no risk").
import { z } from 'zod';
import { checkTokenShape } from '@/lib/server/auth/token-claims';
import { serverEnv } from '@/lib/server/config/server-env';
import {
  MANAGER_REF_PREFIX,
  type CallerManager,
  type CallerProfile,
  type NumberOfRecord,
  type Part,
  type Unavailable,
  type UserRisk,
} from '@/lib/shared/trust/caller';
import { graphGet } from './client';
import { GraphError } from './errors';

const text = z
  .string()
  .nullable()
  .optional()
  .transform((v) => v ?? null);

/** The user properties the panel reads; Graph returns only what $select names. */
const PROFILE_FIELDS = [
  'id',
  'displayName',
  'mail',
  'userPrincipalName',
  'accountEnabled',
  'preferredLanguage',
  'jobTitle',
  'department',
  'officeLocation',
  'employeeId',
  'mobilePhone',
  'businessPhones',
  'userType',
] as const;
const MANAGER_FIELDS = ['id', 'displayName', 'jobTitle', 'mobilePhone', 'businessPhones'] as const;

const DirectoryPhones = {
  mobilePhone: text,
  businessPhones: z
    .array(z.string())
    .nullable()
    .optional()
    .transform((v) => v ?? []),
};

const GraphUser = z.object({
  id: z.string(),
  displayName: text,
  mail: text,
  userPrincipalName: text,
  accountEnabled: z
    .boolean()
    .nullable()
    .optional()
    .transform((v) => v ?? null),
  preferredLanguage: text,
  jobTitle: text,
  department: text,
  officeLocation: text,
  employeeId: text,
  userType: text,
  ...DirectoryPhones,
});

const GraphManager = z.object({
  id: z.string(),
  displayName: text,
  jobTitle: text,
  ...DirectoryPhones,
});

const GraphPhoneMethods = z.object({
  value: z.array(
    z.object({
      id: z.string(),
      phoneNumber: z.string(),
      phoneType: text,
    }),
  ),
});

const GraphRiskyUser = z.object({
  riskLevel: z.string(),
  riskState: z.string(),
  riskDetail: text,
  riskLastUpdatedDateTime: text,
});

/** The directory's phones of a user, each with its ref (`prefix` is `manager/` for the manager's). */
export function directoryNumbers(
  u: { mobilePhone: string | null; businessPhones: readonly string[] },
  prefix = '',
): NumberOfRecord[] {
  const numbers: NumberOfRecord[] = [];
  if (u.mobilePhone?.trim())
    numbers.push({
      ref: `${prefix}mobilePhone`,
      number: u.mobilePhone,
      source: 'mobilePhone',
      phoneType: null,
    });
  u.businessPhones.forEach((number, i) => {
    if (number.trim())
      numbers.push({
        ref: `${prefix}businessPhones/${i}`,
        number,
        source: 'businessPhone',
        phoneType: null,
      });
  });
  return numbers;
}

const userPath = (userId: string) => `/users/${encodeURIComponent(userId)}`;

export async function getUserProfile(
  token: string,
  userId: string,
  signal?: AbortSignal,
): Promise<CallerProfile> {
  const { data } = await graphGet({
    path: userPath(userId),
    query: { $select: PROFILE_FIELDS.join(',') },
    token,
    schema: GraphUser,
    signal,
  });
  const { mobilePhone, businessPhones, ...rest } = data;
  return { ...rest, phones: directoryNumbers({ mobilePhone, businessPhones }) };
}

/** The user's manager; Graph answers 404 when none is set. */
export async function getManager(
  token: string,
  userId: string,
  signal?: AbortSignal,
): Promise<CallerManager> {
  const { data } = await graphGet({
    path: `${userPath(userId)}/manager`,
    query: { $select: MANAGER_FIELDS.join(',') },
    token,
    schema: GraphManager,
    signal,
  });
  const { mobilePhone, businessPhones, ...rest } = data;
  return { ...rest, phones: directoryNumbers({ mobilePhone, businessPhones }, MANAGER_REF_PREFIX) };
}

/** The user's registered phone methods (needs an Entra role that may read others' methods, besides the scope). */
export async function getPhoneMethods(
  token: string,
  userId: string,
  signal?: AbortSignal,
): Promise<{ numbers: NumberOfRecord[] }> {
  const { data } = await graphGet({
    path: `${userPath(userId)}/authentication/phoneMethods`,
    token,
    schema: GraphPhoneMethods,
    signal,
  });
  return {
    numbers: data.value.map((m) => ({
      ref: `phoneMethods/${m.id}`,
      number: m.phoneNumber,
      source: 'phoneMethod',
      phoneType: m.phoneType,
    })),
  };
}

/** Identity Protection's record of the user (Entra ID P2); 404 when it holds none. */
export async function getUserRisk(
  token: string,
  userId: string,
  signal?: AbortSignal,
): Promise<UserRisk> {
  const { data } = await graphGet({
    path: `/identityProtection/riskyUsers/${encodeURIComponent(userId)}`,
    token,
    schema: GraphRiskyUser,
    signal,
  });
  return data;
}

/** The delegated permissions each read needs, any one of which will do (Microsoft's least privileged first). */
export const DIRECTORY_PERMISSIONS = {
  profile: ['User.Read.All', 'User.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'],
  manager: ['User.Read.All', 'User.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'],
  phoneMethods: ['UserAuthenticationMethod.Read.All', 'UserAuthenticationMethod.ReadWrite.All'],
  risk: ['IdentityRiskyUser.Read.All', 'IdentityRiskyUser.ReadWrite.All'],
} as const;
export type DirectoryRead = keyof typeof DIRECTORY_PERMISSIONS;

/** Codes Graph's directory services answer a caller without the permission or role with. */
const DENIED_CODES = new Set(['Authorization_RequestDenied', 'accessDenied']);

/**
 * Why a read failed, in the panel's words. A 403 is a missing consent when the token (where the console can read
 * it) carries none of the read's permissions; Identity Protection's 403 other than a denial is its licence check.
 */
export function unavailableOf(
  e: GraphError,
  read: DirectoryRead,
  tokenScopes: ReadonlySet<string> | null,
): Unavailable {
  const requestId = e.requestId;
  if (e.kind !== 'http') return { unavailable: 'failed', requestId };
  if (e.status === 404) return { unavailable: 'none', requestId };
  if (e.status === 403) {
    const granted = tokenScopes
      ? DIRECTORY_PERMISSIONS[read].some((p) => tokenScopes.has(p))
      : true;
    if (!granted) return { unavailable: 'consentRequired', requestId };
    if (read === 'risk' && !DENIED_CODES.has(e.code))
      return { unavailable: 'notLicensed', requestId };
    return { unavailable: 'notPermitted', requestId };
  }
  return { unavailable: 'failed', requestId };
}

/** The scopes a token carries, where the console can read it (null for an opaque token). */
export function tokenScopes(token: string): ReadonlySet<string> | null {
  const shape = checkTokenShape(token, { tenantId: serverEnv().AUTH_TENANT_ID });
  return shape.ok ? shape.claims.scopes : null;
}

/** A read as a part: its value, or why Graph did not give it. Anything but a GraphError is a bug and is thrown. */
export async function asPart<T>(
  read: DirectoryRead,
  token: string,
  run: () => Promise<T>,
): Promise<Part<T>> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof GraphError) return unavailableOf(e, read, tokenScopes(token));
    throw e;
  }
}
