// What tests and demos can change in a running emulator: Intune's quirks, throttling, injected faults and
// latency, how fast remote actions progress, and which users get a claims challenge.
import { z } from 'zod';

export const QuirksSchema = z.object({
  /** startswith() on managedDevices behaves like contains(). */
  startswithIsContains: z.boolean(),
  /** `startswith(a) or startswith(b)` applies only the first clause. */
  orOfStartswithAppliesFirst: z.boolean(),
  /** `ne` behaves like `eq`. */
  neIsEq: z.boolean(),
  /** A filter naming a property Intune cannot filter on is dropped: every device comes back. */
  unsupportedPropertyIgnored: z.boolean(),
  /** $orderby is accepted and ignored. */
  orderbyIgnored: z.boolean(),
  /** $skip beyond 1000 returns an empty page. */
  skipBeyond1000Empty: z.boolean(),
  /**
   * Properties this tenant's Intune also refuses to filter on (so a filter naming them is dropped too).
   * Microsoft documents none of this, and reports differ; a test names the property to reproduce a report.
   */
  alsoUnfilterable: z.array(z.string()),
});
export type Quirks = z.infer<typeof QuirksSchema>;

export const ALL_QUIRKS_ON: Quirks = {
  startswithIsContains: true,
  orOfStartswithAppliesFirst: true,
  neIsEq: true,
  unsupportedPropertyIgnored: true,
  orderbyIgnored: true,
  skipBeyond1000Empty: true,
  alsoUnfilterable: [],
};

export const RetryAfterModeSchema = z.enum(['integer', 'fractional', 'absent', 'varied']);
export const ThrottlingSchema = z.object({
  enabled: z.boolean(),
  windowMs: z.number().int().positive(),
  /** Intune devices service limits per window. */
  tenantWrites: z.number().int().positive(),
  appWrites: z.number().int().positive(),
  tenantRequests: z.number().int().positive(),
  appRequests: z.number().int().positive(),
  /** How Retry-After is sent: whole seconds, fractional seconds (2.128), not at all, or a rotation of the three. */
  retryAfter: RetryAfterModeSchema,
});
export type Throttling = z.infer<typeof ThrottlingSchema>;

export const INTUNE_LIMITS: Throttling = {
  enabled: true,
  windowMs: 20_000,
  tenantWrites: 400,
  appWrites: 200,
  tenantRequests: 4000,
  appRequests: 2000,
  retryAfter: 'integer',
};

export const FAULT_STATUSES = [429, 500, 502, 503, 504, 507] as const;
export const FaultRuleSchema = z.object({
  id: z.string().optional(),
  method: z.enum(['GET', 'POST', 'PATCH', 'PUT', 'DELETE']).optional(),
  /** A regular expression matched against the path (e.g. `/recoverPasscode$`). */
  path: z.string().default('.*'),
  status: z.union(FAULT_STATUSES.map((s) => z.literal(s))),
  /** How many matching requests fail; absent means every one. */
  count: z.number().int().positive().optional(),
  /** Seconds for Retry-After (429 and 503); absent sends none. */
  retryAfterSeconds: z.number().nonnegative().optional(),
  /**
   * Answer with the fault after the request was carried out (a POST's action is then queued although the
   * caller sees an error), as a gateway timing out in front of a working service does.
   */
  afterHandling: z.boolean().default(false),
  /** Extra delay before this answer, in milliseconds. */
  latencyMs: z.number().int().nonnegative().max(120_000).default(0),
});
export type FaultRule = z.infer<typeof FaultRuleSchema>;

export const FaultsSchema = z.object({
  rules: z.array(FaultRuleSchema).default([]),
  /** Share of Graph requests that fail at random (0 to 1), like Dev Proxy's failure rate. */
  rate: z.number().min(0).max(1).default(0),
  /** Added latency for every Graph request, in milliseconds, drawn between min and max. */
  latencyMs: z
    .object({ min: z.number().int().nonnegative(), max: z.number().int().nonnegative() })
    .default({ min: 0, max: 0 }),
});
export type Faults = z.infer<typeof FaultsSchema>;

export const ActionTimingsSchema = z.object({
  /** After the POST, how long until an online device picks the action up (pending → active). */
  pickupMs: z.number().int().nonnegative(),
  /** How long the device takes to finish once active (active → done or failed). */
  completeMs: z.number().int().nonnegative(),
});
export type ActionTimings = z.infer<typeof ActionTimingsSchema>;

export const DEFAULT_TIMINGS: ActionTimings = { pickupMs: 2000, completeMs: 4000 };

/**
 * How Intune answers a passcode action on a platform that does not support it. Microsoft documents neither:
 * a 400 BadRequest with its wrapped message is what other actions on unsupported platforms get (the default);
 * 204 and, once the device reports, notSupported is the other plausible behaviour.
 */
export const UnsupportedActionSchema = z.enum(['badRequest', 'acceptedThenNotSupported']);
export type UnsupportedAction = z.infer<typeof UnsupportedActionSchema>;

/**
 * Microsoft's behaviour where it is less polite than documentation suggests, each on by default (the values real
 * tenants show) and switchable, so a test can pin one down or turn it off.
 */
export const BehaviourSchema = z.object({
  /** Intune re-serialises $filter in its nextLinks and turns /users/{upn} into /users/{id}. */
  nextLinkRewritten: z.boolean(),
  /** deviceActionResults is an empty array in list answers; only the single-device GET shows it. */
  actionResultsEmptyInLists: z.boolean(),
  /** After a 204 the new action is not shown in deviceActionResults for this long (emulator ms). */
  actionResultsDelayMs: z.number().int().nonnegative(),
  /** Access tokens are opaque strings instead of JWTs, as Microsoft reserves the right to make them. */
  opaqueAccessTokens: z.boolean(),
  /** How long a single-page app's refresh token lives (Entra: 24 hours, then AADSTS700084). */
  spaRefreshTokenHours: z.number().positive(),
  /** The browser blocks third-party cookies: silent renewal in a hidden iframe does not see the session. */
  thirdPartyCookiesBlocked: z.boolean(),
  /**
   * Which enum values /v1.0 sends for a device: only v1.0's declared members ('declared': a beta-only
   * deviceEnrollmentType becomes unknownFutureValue, a beta-only managementAgent unknown), or beta's as they are
   * ('beta'). What Microsoft really sends on v1.0 is undocumented, so a console must be right with either.
   */
  v1EnumValues: z.enum(['declared', 'beta']),
});
export type Behaviour = z.infer<typeof BehaviourSchema>;

export const MICROSOFT_BEHAVIOUR: Behaviour = {
  nextLinkRewritten: true,
  actionResultsEmptyInLists: true,
  actionResultsDelayMs: 5000,
  opaqueAccessTokens: false,
  spaRefreshTokenHours: 24,
  thirdPartyCookiesBlocked: false,
  v1EnumValues: 'declared',
};

export interface EmulatorSettings {
  quirks: Quirks;
  throttling: Throttling;
  faults: Faults;
  timings: ActionTimings;
  unsupportedAction: UnsupportedAction;
  behaviour: Behaviour;
  /** Users (by object id) for whom Graph answers 401 with a claims challenge until the token satisfies it. */
  claimsChallengeUsers: Set<string>;
}

export function defaultSettings(): EmulatorSettings {
  return {
    quirks: { ...ALL_QUIRKS_ON, alsoUnfilterable: [] },
    throttling: { ...INTUNE_LIMITS },
    faults: { rules: [], rate: 0, latencyMs: { min: 0, max: 0 } },
    timings: { ...DEFAULT_TIMINGS },
    unsupportedAction: 'badRequest',
    behaviour: { ...MICROSOFT_BEHAVIOUR },
    claimsChallengeUsers: new Set(),
  };
}
