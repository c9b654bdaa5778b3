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
