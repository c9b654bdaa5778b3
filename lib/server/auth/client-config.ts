import 'server-only';
// Builds the browser's MSAL settings from validated server configuration at request time.
import { serverEnv } from '@/lib/server/config/server-env';
import type { AuthClientConfig } from '@/lib/shared/auth/client-config';

export function buildAuthClientConfig(): AuthClientConfig {
  const env = serverEnv();
  const authorityBase = env.AUTH_AUTHORITY.replace(/\/$/, '');
  const authority = `${authorityBase}/${env.AUTH_TENANT_ID}`;
  const config: AuthClientConfig = {
    clientId: env.AUTH_CLIENT_ID,
    authority,
    redirectPath: '/redirect',
  };
  if (env.AUTH_ENDPOINTS_ORIGIN) {
    // Against the emulator: name the authority as known (no instance discovery at Microsoft) and hand MSAL the
    // endpoints (no fetch of openid-configuration). The paths are Entra's documented v2.0 layout.
    const base = `${env.AUTH_ENDPOINTS_ORIGIN.replace(/\/$/, '')}/${env.AUTH_TENANT_ID}`;
    config.knownAuthorities = [new URL(authorityBase).host];
    config.authorityMetadata = JSON.stringify({
      issuer: `${base}/v2.0`,
      authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
      token_endpoint: `${base}/oauth2/v2.0/token`,
      end_session_endpoint: `${base}/oauth2/v2.0/logout`,
      jwks_uri: `${base}/discovery/v2.0/keys`,
    });
  }
  return config;
}
