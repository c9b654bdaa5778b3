import 'server-only';
// The console's configuration, read from the environment at run time (never at build time) and validated
// once, so that one build serves the local emulator and any real tenant.
import { z } from 'zod';
import { MIN_RETENTION_DAYS } from '@/lib/server/store/migrations';
import {
  PASSCODE_ACTION_KINDS,
  PASSCODE_ACTION_SWITCHES,
  type PasscodeActionKind,
  type PasscodePolicy,
} from '@/lib/shared/devices/passcode-plan';
import {
  compileTicketPattern,
  DEFAULT_TICKET_EXAMPLE,
  DEFAULT_TICKET_PATTERN,
  MAX_TICKET_LENGTH,
} from '@/lib/shared/ticket';

const GuidOrDomain = z
  .string()
  .trim()
  .regex(
    /^([0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}|[a-zA-Z0-9-]+(\.[a-zA-Z0-9-]+)+)$/,
    'a tenant id (GUID) or verified domain',
  );

const GUID_RE = /^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/;
const ANY_CASE_GUID_RE = new RegExp(GUID_RE.source, 'i');
/** A comma-separated list, trimmed, empty items dropped. */
const splitList = (v: string) =>
  v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
/** A comma-separated list of ids, in lower case (ids are compared in one form). */
const commaIds = z
  .string()
  .default('')
  .transform((v) => splitList(v).map((s) => s.toLowerCase()));
/** What Verified ID needs besides its defaults; set together or not at all. */
const VERIFIED_ID_REQUIRED = [
  'VERIFIED_ID_CLIENT_ID',
  'VERIFIED_ID_CLIENT_SECRET',
  'VERIFIED_ID_AUTHORITY',
  'VERIFIED_ID_CALLBACK_URL',
] as const;

const Schema = z
  .object({
    AUTH_CLIENT_ID: z
      .string()
      .trim()
      .regex(
        /^[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}$/,
        "the app registration's Application (client) ID",
      ),
    AUTH_TENANT_ID: GuidOrDomain,
    /** Entra ID instance; Microsoft's public cloud unless set. */
    AUTH_AUTHORITY: z.url({ protocol: /^https$/ }).default('https://login.microsoftonline.com'),
    /**
     * Only for the local emulator: the plain-HTTP origin that serves the Entra v2.0 endpoints. MSAL requires an
     * https authority, but does not check the scheme of endpoints given as authority metadata.
     */
    AUTH_ENDPOINTS_ORIGIN: z.url({ protocol: /^https?$/ }).optional(),
    GRAPH_BASE_URL: z.url({ protocol: /^https?$/ }).default('https://graph.microsoft.com'),
    /** How long the server waits for one Graph answer before giving up. */
    GRAPH_TIMEOUT_MS: z.coerce.number().int().min(1000).max(120_000).default(15_000),
    /** Where the embedded audit database (SQLite) lives. The standalone server changes into its own folder, so use an absolute path there. */
    DATA_DIR: z.string().min(1).default('./.data'),
    /** A PostgreSQL connection string; when set, the audit store uses PostgreSQL instead of the embedded SQLite file. */
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'a postgres:// connection string')
      .optional(),
    /** What a ticket reference must look like: a regular expression, always matched whole (see lib/shared/ticket.ts). */
    TICKET_PATTERN: z
      .string()
      .min(1)
      .default(DEFAULT_TICKET_PATTERN)
      .refine((p) => {
        try {
          compileTicketPattern(p);
          return true;
        } catch {
          return false;
        }
      }, 'a valid regular expression'),
    /** A ticket reference that fits TICKET_PATTERN, shown to agents as the example (never the expression itself). */
    TICKET_EXAMPLE: z.string().trim().min(1).max(MAX_TICKET_LENGTH).default(DEFAULT_TICKET_EXAMPLE),
    /**
     * Which passcode actions this console offers (comma-separated: remove, reset, recover). The admin center's names:
     * remove = iOS/iPadOS passcode removal, reset = Android Enterprise/AOSP passcode reset, recover = recoverPasscode.
     */
    PASSCODE_ACTIONS: z
      .string()
      .default(PASSCODE_ACTION_SWITCHES.join(','))
      .transform((v) =>
        v
          .split(',')
          .map((s) => s.trim().toLowerCase())
          .filter(Boolean),
      )
      .pipe(z.array(z.enum(PASSCODE_ACTION_SWITCHES, 'remove, reset or recover')).max(3)),
    /** Offer recoverPasscode, the action Microsoft documents for Windows 10 Mobile only, on devices that have no other. */
    RECOVER_PASSCODE_EVERYWHERE: z
      .enum(['true', 'false'], 'true or false')
      .default('false')
      .transform((v) => v === 'true'),
    /**
     * Who may reveal another agent's temporary passcode besides the agent who requested the action (comma-separated
     * UPNs or object ids); empty: nobody else. Intune's RBAC still decides whether they may read the device at all.
     */
    PASSCODE_REVEAL_ALSO: z
      .string()
      .default('')
      .transform((v) =>
        v
          .split(',')
          .map((s) => s.trim().toLowerCase())
          .filter(Boolean),
      ),
    /** How long audit records are kept; older ones are removed by the retention job, which records that it did. */
    AUDIT_RETENTION_DAYS: z.coerce.number().int().min(MIN_RETENTION_DAYS).max(3650).default(400),
    /** A ticket system's webhook: each state change of an action is posted there as signed JSON (never a passcode). */
    TICKET_WEBHOOK_URL: z.url({ protocol: /^https?$/ }).optional(),
    /** The HMAC-SHA256 key the webhook's signature header is made with; required with the URL. */
    TICKET_WEBHOOK_SECRET: z.string().min(32, 'at least 32 characters').optional(),
    /** The webhook's first retry after a failed delivery; each further retry waits twice as long, up to an hour. */
    TICKET_WEBHOOK_RETRY_SECONDS: z.coerce.number().min(1).max(3600).default(10),
    /** Per agent, per 10 minutes: passcode actions requested, and temporary passcodes revealed. */
    ACTION_RATE_LIMIT: z.coerce.number().int().min(1).max(1000).default(20),
    REVEAL_RATE_LIMIT: z.coerce.number().int().min(1).max(1000).default(10),
    /** The app role (in the ID token's `roles`) that lets a lead or auditor read everyone's activity, read-only. */
    AUDITOR_ROLE: z.string().min(1).default('PasscodeDesk.Auditor'),
    /** How long after a passcode action another one on the same device needs an explicit reason. */
    RECOVERY_GUARD_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
    /** How long an action whose POST had an unknown fate may stay unconfirmed before it is taken as not queued. */
    /**
     * The longest the agent waits on Confirm, over every Graph call of one passcode action, for Graph's "wait"
     * (Retry-After, the console's throttle gate) and its results delay; a longer wait is told as "throttled".
     */
    ACTION_WAIT_SECONDS: z.coerce.number().int().min(1).max(60).default(20),
    /**
     * How late Graph shows a new action in deviceActionResults (undocumented; the emulator's: 5 s). After a POST
     * Graph answered 429, the device is looked at no sooner than this after the request before the one retry.
     */
    ACTION_RESULTS_DELAY_SECONDS: z.coerce.number().int().min(0).max(15).default(10),
    ACTION_VERIFY_WINDOW_SECONDS: z.coerce.number().int().min(5).max(3600).default(120),
    /**
     * Caller verification before a passcode action or a reveal (trust.md): `off`; `record` (the agent records a
     * method, or "not verified" with a reason); `required` (a verification of the device's user by this agent within
     * VERIFY_MAX_AGE_MINUTES, or nothing is sent).
     */
    VERIFY_CALLER: z.enum(['off', 'record', 'required']).default('record'),
    VERIFY_MAX_AGE_MINUTES: z.coerce.number().int().min(1).max(1440).default(30),
    /**
     * `required` for the users who are members (transitive) of any of these groups (comma-separated object ids),
     * whatever VERIFY_CALLER says; read with Graph's checkMemberGroups (GroupMember.Read.All). A membership that
     * cannot be read counts as a member: the stricter rule applies (trust/verification-policy.ts).
     */
    VERIFY_REQUIRED_GROUPS: commaIds.pipe(
      z.array(z.string().regex(GUID_RE, 'group object ids (GUIDs)')).max(500),
    ),
    /** `required` for these passcode action kinds (comma-separated, e.g. resetDevicePasscode,removePasscode). */
    VERIFY_REQUIRED_KINDS: z
      .string()
      .default('')
      .transform(splitList)
      .pipe(z.array(z.enum(PASSCODE_ACTION_KINDS, `one of ${PASSCODE_ACTION_KINDS.join(', ')}`))),
    /**
     * Verified ID with Face Check (optional; all of client id, secret, authority and callback URL, or none). The
     * Request Service accepts only an application permission (VerifiableCredential.Create.All, client credentials),
     * never the agent's delegated token: so the console needs an app registration and secret of its own.
     */
    VERIFIED_ID_CLIENT_ID: z
      .string()
      .trim()
      .regex(
        /^[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}$/,
        "the Verified ID app registration's Application (client) ID",
      )
      .optional(),
    VERIFIED_ID_CLIENT_SECRET: z.string().min(1).optional(),
    /** The verifier's DID (Verified ID > Organization settings > Decentralized identifier). */
    VERIFIED_ID_AUTHORITY: z
      .string()
      .trim()
      .regex(/^did:[a-z0-9]+:\S+$/, 'a DID, e.g. did:web:verifiedid.contoso.com')
      .optional(),
    /** The Request Service's base URL; Microsoft's unless set (the emulator serves one under /verifiedid). */
    VERIFIED_ID_ENDPOINT: z
      .url({ protocol: /^https?$/ })
      .default('https://verifiedid.did.msidentity.com'),
    /** Where the app credential's token comes from; the console's own Entra endpoints unless set. */
    VERIFIED_ID_TOKEN_AUTHORITY: z.url({ protocol: /^https?$/ }).optional(),
    /** The public URL of this console's POST /api/verified-id/callback, which the Request Service calls. */
    VERIFIED_ID_CALLBACK_URL: z.url({ protocol: /^https?$/ }).optional(),
    /** Face Check's matchConfidenceThreshold (Microsoft: 50–100, 70 by default). */
    VERIFIED_ID_FACE_CHECK_THRESHOLD: z.coerce.number().int().min(50).max(100).default(70),
    /**
     * The owner's e-mail (issue 19): the device's user is told when a passcode action is accepted and when it is
     * done or failed; optionally their manager too. Sent with Graph sendMail as the agent (Mail.Send), or from the
     * shared mailbox NOTIFY_FROM the agents may send as (Mail.Send.Shared).
     */
    NOTIFY_OWNER: z.enum(['on', 'off']).default('on'),
    NOTIFY_MANAGER: z.enum(['on', 'off']).default('off'),
    NOTIFY_FROM: z.email('a mailbox address (UPN)').optional(),
    /** Who the owner should call if they did not ask for the action (text in the e-mail); a catalog default if unset. */
    SECURITY_CONTACT: z.string().trim().min(1).max(200).optional(),
    /**
     * Four-eyes (issue 15/17): which passcode actions a second agent must approve first. Comma-separated, any of:
     * `all`; `reveal` (showing a temporary passcode); an action kind (removePasscode, resetDevicePasscode, …);
     * a group object id (the device's user is a member, transitively, read with checkMemberGroups; a membership
     * that cannot be read counts as a member). Empty: nothing needs approval.
     */
    APPROVAL_REQUIRED: z
      .string()
      .default('')
      .transform(splitList)
      .pipe(
        z.array(
          z.union(
            [
              z.enum(['all', 'reveal']),
              z.enum(PASSCODE_ACTION_KINDS),
              z.string().regex(ANY_CASE_GUID_RE),
            ],
            `all, reveal, an action kind (${PASSCODE_ACTION_KINDS.join(', ')}) or a group object id`,
          ),
        ),
      )
      .transform(approvalRule),
    /** How long a request waits for a decision, and an approval for its sending. */
    APPROVAL_TTL_MINUTES: z.coerce.number().int().min(5).max(1440).default(60),
    /** The app role (in the ID token's `roles`) whose holders may approve or deny other agents' requests. */
    APPROVER_ROLE: z.string().min(1).default('PasscodeDesk.Approver'),
    /**
     * Where approvers are e-mailed about a new request: an address, or a mail-enabled group's object id (its `mail`
     * is read from Graph). Sent with the requesting agent's token, from NOTIFY_FROM when set. Unset: no e-mail.
     */
    APPROVAL_NOTIFY_TO: z
      .string()
      .trim()
      .refine(
        (v) => ANY_CASE_GUID_RE.test(v) || z.email().safeParse(v).success,
        'an e-mail address or a group object id',
      )
      .optional(),
  })
  .refine(
    (env) => {
      try {
        return compileTicketPattern(env.TICKET_PATTERN).test(env.TICKET_EXAMPLE);
      } catch {
        return true; // the pattern's own check names it
      }
    },
    {
      message: 'TICKET_EXAMPLE must be a ticket reference that TICKET_PATTERN accepts',
      path: ['TICKET_EXAMPLE'],
    },
  )
  .refine((env) => !env.TICKET_WEBHOOK_URL || env.TICKET_WEBHOOK_SECRET, {
    message: 'TICKET_WEBHOOK_SECRET is required with TICKET_WEBHOOK_URL',
    path: ['TICKET_WEBHOOK_SECRET'],
  })
  .superRefine((env, ctx) => {
    // Verified ID is all or nothing: half a configuration would show a button that cannot work.
    const set = VERIFIED_ID_REQUIRED.filter((k) => env[k] !== undefined);
    if (set.length === 0 || set.length === VERIFIED_ID_REQUIRED.length) return;
    for (const k of VERIFIED_ID_REQUIRED)
      if (env[k] === undefined)
        ctx.addIssue({
          code: 'custom',
          message: `${k} is required with ${set.join(', ')} (Verified ID is configured whole or not at all)`,
          path: [k],
        });
  });

export type ServerEnv = z.infer<typeof Schema>;

/** APPROVAL_REQUIRED, read: what needs a second agent's approval (lib/server/trust/approval-policy.ts decides). */
export interface ApprovalRule {
  all: boolean;
  reveal: boolean;
  kinds: PasscodeActionKind[];
  /** Group object ids, lower case. */
  groups: string[];
}

function approvalRule(items: string[]): ApprovalRule {
  const kinds = PASSCODE_ACTION_KINDS.filter((k) => items.includes(k));
  return {
    all: items.includes('all'),
    reveal: items.includes('reveal'),
    kinds,
    groups: items.filter((i) => ANY_CASE_GUID_RE.test(i)).map((g) => g.toLowerCase()),
  };
}

let cached: ServerEnv | undefined;

export function serverEnv(): ServerEnv {
  if (cached) return cached;
  const parsed = Schema.safeParse(process.env);
  if (!parsed.success) {
    // Thrown at the first request, with every wrong variable named, so a misconfigured deploy fails loudly.
    throw new Error(`Passcode Desk is misconfigured:\n${z.prettifyError(parsed.error)}`);
  }
  cached = parsed.data;
  return cached;
}

/** The passcode actions this deployment offers, for the one rule (server action) and the browser (buttons). */
export function passcodePolicy(
  env: Pick<ServerEnv, 'PASSCODE_ACTIONS' | 'RECOVER_PASSCODE_EVERYWHERE'>,
): PasscodePolicy {
  return { enabled: env.PASSCODE_ACTIONS, recoverEverywhere: env.RECOVER_PASSCODE_EVERYWHERE };
}

/** The rate limits' window: a fixed ten minutes, so the limits read as "so many per ten minutes". */
export const RATE_LIMIT_WINDOW_MS = 10 * 60_000;
