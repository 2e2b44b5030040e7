import { z } from 'zod';

const flag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

/**
 * Every setting the API reads from its environment. A wrong or missing value stops the process at
 * start-up with a message naming the variable, never later with a puzzling failure.
 */
export const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** A PostgreSQL server; unset: embedded PostgreSQL (PGlite) kept in DATA_DIR. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  DATA_DIR: z.string().min(1).default('.data'),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  MIGRATIONS_RUN: flag.default(true),
  /** Where people reach Tally: used in links sent by email. */
  PUBLIC_URL: z.url('must be a URL such as https://loyalty.example.com').optional(),
  /** Trust X-Forwarded-For (set when behind a load balancer); off, client addresses cannot be spoofed. */
  TRUST_PROXY: flag.default(false),
  /** Send cookies only over HTTPS; defaults to on in production. */
  COOKIE_SECURE: flag.optional(),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(30).max(86_400).default(900),
  REFRESH_TOKEN_TTL_SECONDS: z.coerce.number().int().min(300).max(7_776_000).default(1_209_600),
  /** An SMTP server (smtp://user:pass@host:port); unset, emails are held in the outbox for the console. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Tally <no-reply@tally.local>'),
  OUTBOX_POLL_MS: z.coerce.number().int().min(100).max(600_000).default(2000),
  /** Run background jobs (pending → available, expiry, campaigns …) in this process. */
  JOBS_ENABLED: flag.default(true),
  /** How often a process looks for due jobs. */
  JOBS_POLL_MS: z.coerce.number().int().min(100).max(600_000).default(5000),
  /**
   * Seals webhook signing secrets at rest (AES-256-GCM; any string of 32+ characters, e.g. 32 random
   * bytes in base64). Unset, secrets are stored as they are, readable by whoever reads the database.
   */
  WEBHOOK_SECRET_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
  /** Create the demo business on an empty database. Never in production. */
  DEMO_SEED: flag.optional(),
  /** Built front ends to serve on the API's origin (`pnpm start` sets both). */
  PORTAL_DIR: z.string().min(1).optional(),
  CONSOLE_DIR: z.string().min(1).optional(),
});
export type Env = z.infer<typeof EnvSchema>;

export function demoSeedEnabled(env: Env): boolean {
  return env.NODE_ENV !== 'production' && (env.DEMO_SEED ?? true);
}

export function cookiesSecure(env: Env): boolean {
  return env.COOKIE_SECURE ?? env.NODE_ENV === 'production';
}

export function publicUrl(env: Env): string {
  return (env.PUBLIC_URL ?? `http://${env.HOST === '0.0.0.0' ? 'localhost' : env.HOST}:${env.PORT}`).replace(
    /\/$/,
    '',
  );
}

export class ConfigError extends Error {}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const result = EnvSchema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return result.data;
}
