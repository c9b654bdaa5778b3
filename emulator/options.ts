// Emulator settings from flags and environment (flags win), validated once at start-up.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { DEMO_CLIENT_ID } from './constants';

const Schema = z.object({
  port: z.coerce.number().int().min(0).max(65535).default(4010),
  host: z.string().default('127.0.0.1'),
  origin: z.url().optional(),
  seed: z.coerce.number().int().default(4242),
  devices: z.coerce.number().int().min(0).max(1_000_000).default(2500),
  users: z.coerce.number().int().min(10).max(500_000).default(800),
  clientId: z.string().min(1).default(DEMO_CLIENT_ID),
  redirectUris: z.string().default('http://localhost:3000/redirect,http://localhost:3000/'),
  tokenLifetime: z.coerce.number().int().min(60).max(86_400).default(3600),
  mode: z.enum(['demo', 'test', 'standalone']).default('standalone'),
});

export type CliOptions = z.infer<typeof Schema> & { origin: string; redirectUriList: string[] };

const FLAGS = {
  port: 'EMULATOR_PORT',
  host: 'EMULATOR_HOST',
  origin: 'EMULATOR_ORIGIN',
  seed: 'EMULATOR_SEED',
  devices: 'EMULATOR_DEVICES',
  users: 'EMULATOR_USERS',
  clientId: 'EMULATOR_CLIENT_ID',
  redirectUris: 'EMULATOR_REDIRECT_URIS',
  tokenLifetime: 'EMULATOR_TOKEN_LIFETIME',
  mode: 'EMULATOR_MODE',
} as const;

export function readOptions(argv: string[], env: NodeJS.ProcessEnv): CliOptions {
  const { values } = parseArgs({
    args: argv,
    options: Object.fromEntries(
      Object.keys(FLAGS).map((k) => [kebab(k), { type: 'string' as const }]),
    ),
    strict: true,
  });
  const raw: Record<string, string | undefined> = {};
  for (const [key, envName] of Object.entries(FLAGS))
    raw[key] = (values[kebab(key)] as string | undefined) ?? env[envName];
  const parsed = Schema.safeParse(raw);
  if (!parsed.success) {
    throw new Error(`Invalid emulator settings:\n${z.prettifyError(parsed.error)}`);
  }
  const o = parsed.data;
  const redirectUriList = o.redirectUris
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return { ...o, origin: o.origin ?? `http://localhost:${o.port}`, redirectUriList };
}

function kebab(s: string) {
  return s.replace(/[A-Z]/g, (m) => `-${m.toLowerCase()}`);
}
