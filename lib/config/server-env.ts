import 'server-only';
// The console's configuration, read from the environment at run time (never at build time) and validated
// once, so that one build serves the local emulator and any real tenant.
import { z } from 'zod';

const GuidOrDomain = z.string().trim().regex(
  /^([0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}|[a-zA-Z0-9-]+(\.[a-zA-Z0-9-]+)+)$/,
  'a tenant id (GUID) or verified domain',
);

const Schema = z.object({
  AUTH_CLIENT_ID: z.string().trim().regex(/^[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}$/, 'the app registration\'s Application (client) ID'),
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
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'a postgres:// connection string').optional(),
  /** What a ticket reference must look like (a regular expression, matched whole). */
  TICKET_PATTERN: z.string().min(1).default('^[A-Z]{2,10}-?\\d{1,10}$').refine((p) => {
    try {
      new RegExp(p);
      return true;
    } catch {
      return false;
    }
  }, 'a valid regular expression'),
  /** How long after a recovery request another one on the same device needs an explicit reason. */
  RECOVERY_GUARD_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
  /** How long an action whose POST had an unknown fate may stay unconfirmed before it is taken as not queued. */
  ACTION_VERIFY_WINDOW_SECONDS: z.coerce.number().int().min(5).max(3600).default(120),
});

export type ServerEnv = z.infer<typeof Schema>;

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
