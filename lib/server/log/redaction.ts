import 'server-only';
// What never reaches a log line: credentials and passcodes by key wherever the console logs an object, and
// anything shaped like a bearer credential or a JWT anywhere in a line (a framework or library message can quote
// a header or a token the console never handed to the logger itself).

/** Keys whose values are replaced, at the top level and one or two levels down (pino's path syntax). */
const SECRET_KEYS = [
  'authorization',
  'Authorization',
  'cookie',
  'Cookie',
  'set-cookie',
  'token',
  'accessToken',
  'access_token',
  'refreshToken',
  'refresh_token',
  'idToken',
  'id_token',
  'bearer',
  'passcode',
  'password',
  'secret',
  'client_secret',
  'clientSecret',
  'api-key',
  'apiKey',
  'claims',
];

export const REDACT_PATHS: readonly string[] = SECRET_KEYS.flatMap((key) => {
  const plain = /^[A-Za-z_]\w*$/.test(key);
  const top = plain ? key : `["${key}"]`;
  const nested = plain ? `.${key}` : top;
  return [top, `*${nested}`, `*.*${nested}`];
});

export const CENSOR = '[redacted]';

const JWT = /eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]*)?/g;
const BEARER = /\bBearer\s+[A-Za-z0-9._~+/-]+=*/gi;

/**
 * Removes bearer credentials and JWTs from a serialised log line. Safe on JSON text: neither pattern can match a
 * quote or a backslash, and the replacements contain none.
 */
export function scrubCredentials(line: string): string {
  return line.replace(BEARER, '[redacted bearer credential]').replace(JWT, '[redacted jwt]');
}
