import { availableParallelism } from 'node:os';
import { z } from 'zod';

/** Environment values arrive as strings; an empty string means "not set". */
const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

const booleanFlag = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no'])
    .optional()
    .transform((v) => (v === undefined ? fallback : ['true', '1', 'yes'].includes(v)));

const port = (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback);
const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

const url = (protocols: string[]) =>
  optionalString.refine(
    (v) => v === undefined || protocols.some((p) => v.startsWith(`${p}://`)),
    `must be a URL starting with ${protocols.map((p) => `${p}://`).join(' or ')}`,
  );

/**
 * The one schema of the platform's configuration. Every variable is documented in README.md;
 * nothing else in the code reads process.env.
 */
export const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LOG_LEVEL: z.enum(['error', 'warn', 'log', 'debug', 'verbose']).default('log'),
  HOST: z.string().default('127.0.0.1'),
  PORT: port(3000),
  REMISS_SERVICE_PORT: port(3001),
  NAMND_SERVICE_PORT: port(3002),
  PUBLIC_URL: url(['http', 'https']),

  DATABASE_URL: url(['postgres', 'postgresql']),
  DATABASE_POOL_SIZE: positiveInt(10),
  REDIS_URL: url(['redis', 'rediss']),
  DATA_DIR: z.string().default('.data'),
  EMBEDDED_POSTGRES_PORT: port(54329),
  EMBEDDED_REDIS_PORT: port(63790),
  MIGRATE_ON_START: booleanFlag(true),
  DEMO_DATA: booleanFlag(true),

  SESSION_TTL_HOURS: positiveInt(12),
  TRUST_PROXY: booleanFlag(false),

  /** Where e-mail goes. Required in production; unset elsewhere, the process catches its mails itself (`devMailSink`). */
  SMTP_URL: url(['smtp', 'smtps']),
  /** The development mail sink: its port on 127.0.0.1 (0: any free one) and how many of the latest mails it keeps. */
  DEV_SMTP_PORT: port(1025),
  DEV_SMTP_KEEP: positiveInt(100),
  MAIL_FROM: z.string().default('Remissplattformen <noreply@remissplattformen.local>'),
  SMTP_MAX_CONNECTIONS: positiveInt(5),

  /**
   * The prefix of every Redis key (BullMQ queues, rate limits, account locks): lets several
   * platforms (or test files) share one Redis. On a Redis Cluster it must hold a hashtag,
   * `{remiss}`: BullMQ's scripts and the account lock touch several keys at once, which a
   * cluster allows only within one slot, and a hashtag puts every key of the platform in the same one.
   */
  QUEUE_PREFIX: z
    .string()
    .regex(/^[a-z0-9-]*(\{[a-z0-9-]+\}[a-z0-9-]*)?$/, 'must be letters a–z, digits and "-", with at most one {hashtag}')
    .min(1)
    .default('remiss'),
  /** The outbox (reminders and one-off mails): parallel sends per worker, lease on a claimed row, retries. */
  OUTBOX_CONCURRENCY: positiveInt(50),
  OUTBOX_LEASE_MS: positiveInt(120000),
  OUTBOX_RETRY_BASE_MS: positiveInt(10000),
  OUTBOX_RETRY_MAX_MS: positiveInt(900000),
  OUTBOX_MAX_ATTEMPTS: positiveInt(40),
  OUTBOX_RECONCILE_MS: positiveInt(300000),
  /** How soon a job of a killed worker is taken over (BullMQ lock duration and stalled check). */
  OUTBOX_STALLED_MS: positiveInt(30000),

  CHROMIUM_PATH: optionalString,
  /** Pages printing at once per process; by default one per core, as printing is CPU-bound. */
  PDF_POOL_SIZE: positiveInt(availableParallelism()),
  PDF_RESTART_AFTER: positiveInt(200),
  PDF_TIMEOUT_MS: positiveInt(30000),
  TEMPLATES_DIR: z.string().default('templates'),
  PDF_QUEUE_TIMEOUT_MS: positiveInt(60000),
  GHOSTSCRIPT_PATH: z.string().default('gs'),
  PDFA_ICC_PROFILE: z.string().default('/usr/share/color/icc/ghostscript/srgb.icc'),
  /** How often every archived file is hashed again and compared with its stored SHA-256 (default a day). */
  ARKIV_KONTROLL_INTERVALL_MS: positiveInt(86_400_000),

  /** The shortest time a remissinstans may be given to answer, in Swedish working days. */
  REMISS_MIN_SVARSTID_ARBETSDAGAR: positiveInt(15),
  /** The largest PDF accepted as remisshandling or external answer, in megabytes. */
  PDF_UPLOAD_MAX_MB: positiveInt(25),

  /** The absolute lifetime of a session from login, however busy it is kept (SESSION_TTL_HOURS is the idle one). */
  SESSION_MAX_HOURS: positiveInt(12),
  /** Rate limits per client IP (shared through Redis), the per-account lock and argon2's concurrency; see docs/architecture.md. */
  RATE_LIMIT_WINDOW_SECONDS: positiveInt(60),
  LOGIN_RATE_MAX: positiveInt(30),
  LINK_RATE_MAX: positiveInt(120),
  LOGIN_MAX_FAILURES: positiveInt(10),
  LOGIN_MAX_FAILURES_ACCOUNT: positiveInt(100),
  LOGIN_LOCK_SECONDS: positiveInt(900),
  /** argon2 runs on libuv's four threads; by default half the cores (at most 4), so logins never take every core. */
  LOGIN_HASH_CONCURRENCY: positiveInt(Math.min(4, Math.max(1, Math.floor(availableParallelism() / 2)))),
  LOGIN_HASH_QUEUE_PER_CLIENT: positiveInt(4),
  LOGIN_HASH_QUEUE_MAX: positiveInt(100),
  /** Budgets of reading one uploaded PDF (in a pool of worker threads, off the request thread). */
  PDF_MAX_SIDOR: positiveInt(2000),
  PDF_MAX_TEXT_MB: positiveInt(10),
  PDF_INSPECTION_TIMEOUT_MS: positiveInt(20000),
  PDF_INSPECTION_PAGE_TIMEOUT_MS: positiveInt(5000),
  PDF_INSPECTION_MEMORY_MB: positiveInt(256),
  /** Half the cores by default: the other half keeps answering requests while hostile files are read. */
  PDF_INSPECTION_WORKERS: positiveInt(Math.max(1, Math.floor(availableParallelism() / 2))),
  PDF_INSPECTION_QUEUE: positiveInt(10),
  /** Nice value of the reading threads (Linux): requests get the CPU first. */
  PDF_INSPECTION_NICE: z.coerce.number().int().min(0).max(19).default(19),
  /** Bounded waits: no request waits for a pooled connection, a statement or an idle transaction without end. */
  DATABASE_ACQUIRE_TIMEOUT_MS: positiveInt(5000),
  DATABASE_STATEMENT_TIMEOUT_MS: positiveInt(30000),
  DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: positiveInt(30000),
  /** After SIGTERM/SIGINT the process exits within this long, even with work stuck. */
  SHUTDOWN_TIMEOUT_MS: positiveInt(25000),
  /** How long a committed change waits for Redis to take its jobs before leaving them to the reconciler. */
  QUEUE_ADD_TIMEOUT_MS: positiveInt(2000),
  /** Accounts (#16): how long an invitation's one-time link to set a password works, in hours. */
  INVITATION_TTL_HOURS: positiveInt(72),
  /** How long a password reset's one-time link works, in minutes. */
  PASSWORD_RESET_TTL_MINUTES: positiveInt(60),
});

export type AppConfig = z.infer<typeof configSchema>;

/** A start-up problem the operator can fix; printed as its one sentence, without a stack. */
export class StartupError extends Error {}

export class ConfigError extends StartupError {}

/** Parses the environment once; a bad value stops start-up with one sentence naming the variable. */
export function loadConfig(env: Record<string, string | undefined>): AppConfig {
  const known = Object.fromEntries(Object.keys(configSchema.shape).map((key) => [key, env[key]]));
  const result = configSchema.safeParse(known);
  if (!result.success) {
    const issue = result.error.issues[0];
    const name = String(issue.path[0]);
    throw new ConfigError(`Configuration error: ${name} ${describe(issue, env[name])}.`);
  }
  if (result.data.NODE_ENV === 'production' && !result.data.SMTP_URL)
    throw new ConfigError(
      'Configuration error: SMTP_URL is missing: in production mail must go to a real SMTP server (only development catches it in the process).',
    );
  return result.data;
}

/**
 * Whether this process catches its own mail (no SMTP_URL, not production): a newcomer's `npm start`
 * then shows every invitation at /utveckling/epost instead of retrying it against a server that is not there.
 */
export function devMailSink(config: AppConfig): boolean {
  return !config.SMTP_URL && config.NODE_ENV !== 'production';
}

function describe(issue: z.core.$ZodIssue, value: string | undefined): string {
  const shown = value === undefined ? 'is missing' : `has the invalid value "${value}"`;
  return `${shown}: ${issue.message}`;
}
