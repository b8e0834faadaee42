import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off', ''], {
    error: 'must be true or false',
  })
  .transform((v) => ['true', '1', 'yes', 'on'].includes(v));

const EnvSchema = z
  .object({
    PORT: z.coerce
      .number({ error: 'must be a port number' })
      .int('must be a whole number')
      .min(0)
      .max(65535, 'must be at most 65535')
      .default(8000),
    HOST: z.string().min(1).default('0.0.0.0'),
    DATA_DIR: z.string().min(1).default('./data'),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\/.+/, 'must be a postgres:// URL (leave it unset for SQLite)')
      .optional(),
    SECRET_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
    DEBUG: bool.default(false),
    ALLOWED_HOSTS: z.string().default('*'),
    CORS_ORIGINS: z
      .string()
      .default('')
      .refine(
        (value) =>
          value
            .split(',')
            .map((o) => o.trim())
            .filter(Boolean)
            .every((o) => /^https?:\/\/[^/\s]+$/.test(o)),
        'must be origins like https://home.example.com, separated by commas',
      ),
    TRUST_PROXY: z
      .string()
      .default('false')
      .refine(
        (v) => /^(true|false|[0-9a-fA-F.:/]+(\s*,\s*[0-9a-fA-F.:/]+)*)$/.test(v.trim()),
        'must be true, false, or proxy addresses/CIDRs separated by commas',
      ),
    LOG_LEVEL: z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` }).optional(),
    ADMIN_EMAIL: z.email('must be an email address').optional(),
    ADMIN_PASSWORD: z.string().min(8, 'must be at least 8 characters').optional(),
    CHECK_CONCURRENCY: z.coerce.number().int().min(1).max(10_000).default(64),
    RESULTS_RETENTION_DAYS: z.coerce
      .number({ error: 'must be a number of days' })
      .int()
      .min(1)
      .max(3650)
      .default(7),
    WEB_DIR: z.string().min(1).optional(),
    DOCKER_HOST: z
      .string()
      .regex(
        /^(unix:\/\/\/\S+|(tcp|http|https):\/\/[^/\s:]+(:\d{1,5})?\/?)$/,
        'must be unix:///path/to/docker.sock or tcp://host:port',
      )
      .default('unix:///var/run/docker.sock'),
    ENABLE_DOCKER_EVENTS: bool.default(true),
    DOCKER_STATS_INTERVAL: z.coerce
      .number({ error: 'must be a number of seconds' })
      .int()
      .min(0)
      .max(3600)
      .default(15),
    DOCKER_AUTOCHECKS: bool.default(true),
    ALERT_WEBHOOK_URL: z
      .url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' })
      .optional(),
  })
  .superRefine((env, ctx) => {
    if (Boolean(env.ADMIN_EMAIL) !== Boolean(env.ADMIN_PASSWORD)) {
      ctx.addIssue({
        code: 'custom',
        path: [env.ADMIN_EMAIL ? 'ADMIN_PASSWORD' : 'ADMIN_EMAIL'],
        message:
          'must be set together with ' + (env.ADMIN_EMAIL ? 'ADMIN_EMAIL' : 'ADMIN_PASSWORD'),
      });
    }
  });

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly databaseUrl: string | undefined;
  readonly secretKey: string;
  readonly debug: boolean;
  /** Host names the hub answers to; empty means any. */
  readonly allowedHosts: readonly string[];
  /** Browser origins besides the hub's own that may call the API (none by default). */
  readonly corsOrigins: readonly string[];
  /**
   * Whose X-Forwarded-For/-Proto to believe (Fastify's trustProxy): behind a reverse proxy
   * this gives the real client address (login throttling, audit) and HTTPS (secure cookies, HSTS).
   */
  readonly trustProxy: boolean | string[];
  readonly logLevel: (typeof LOG_LEVELS)[number];
  readonly admin: { readonly email: string; readonly password: string } | undefined;
  readonly checkConcurrency: number;
  /** Default for how long raw results are kept; the settings page can change it. */
  readonly resultsRetentionDays: number;
  readonly webDir: string;
  readonly docker: {
    /** The local engine; null when ENABLE_DOCKER_EVENTS=false. */
    readonly host: string | null;
    /** Seconds between stats samples; 0 turns sampling off. */
    readonly statsIntervalSeconds: number;
    /** Checks derived from published ports and Traefik rules, unless a label says otherwise. */
    readonly autoChecks: boolean;
  };
  /** A webhook channel and a rule for every alert are made from it on start (once). */
  readonly alertWebhookUrl: string | null;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  }
}

const DEFAULT_WEB_DIR = path.resolve(import.meta.dirname, '../../web/dist');

/** Parses the environment once; every bad variable is listed in one error. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(
    Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== '')),
  );
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map(
        (i) =>
          `${String(i.path[0] ?? 'environment')}: ${i.message} (got ${describe(env, i.path[0])})`,
      ),
    );
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.DATA_DIR);
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    dataDir,
    databaseUrl: e.DATABASE_URL,
    secretKey: e.SECRET_KEY ?? persistedSecretKey(dataDir),
    debug: e.DEBUG,
    allowedHosts: Object.freeze(
      e.ALLOWED_HOSTS.split(',')
        .map((h) => h.trim().toLowerCase())
        .filter((h) => h && h !== '*'),
    ),
    corsOrigins: Object.freeze(
      e.CORS_ORIGINS.split(',')
        .map((o) => o.trim())
        .filter(Boolean),
    ),
    trustProxy: parseTrustProxy(e.TRUST_PROXY),
    logLevel: e.LOG_LEVEL ?? (e.DEBUG ? 'debug' : 'info'),
    admin:
      e.ADMIN_EMAIL && e.ADMIN_PASSWORD
        ? Object.freeze({ email: e.ADMIN_EMAIL.toLowerCase(), password: e.ADMIN_PASSWORD })
        : undefined,
    checkConcurrency: e.CHECK_CONCURRENCY,
    resultsRetentionDays: e.RESULTS_RETENTION_DAYS,
    webDir: e.WEB_DIR ? path.resolve(e.WEB_DIR) : DEFAULT_WEB_DIR,
    docker: Object.freeze({
      host: e.ENABLE_DOCKER_EVENTS ? e.DOCKER_HOST : null,
      statsIntervalSeconds: e.DOCKER_STATS_INTERVAL,
      autoChecks: e.DOCKER_AUTOCHECKS,
    }),
    alertWebhookUrl: e.ALERT_WEBHOOK_URL ?? null,
  });
}

function parseTrustProxy(value: string): boolean | string[] {
  const v = value.trim();
  if (v === 'true' || v === 'false') return v === 'true';
  return v.split(',').map((a) => a.trim());
}

function describe(env: NodeJS.ProcessEnv, key: PropertyKey | undefined): string {
  if (typeof key !== 'string') return 'nothing';
  if (/PASSWORD|SECRET|WEBHOOK/.test(key)) return 'a hidden value';
  const value = env[key];
  return value === undefined ? 'nothing' : JSON.stringify(value);
}

/** Without SECRET_KEY, one is generated on the first start and kept beside the data. */
function persistedSecretKey(dataDir: string): string {
  const file = path.join(dataDir, 'secret_key');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(48).toString('base64url');
  writeFileSync(file, key + '\n', { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
  return key;
}
