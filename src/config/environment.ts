import { plainToInstance, Transform, Type } from 'class-transformer';
import { resolveProviders, vendorEnv, type ProvidersOptions, type VendorOptions } from '../market-data/chain/providers-options.js';
import type { VendorName } from '../market-data/chain/provider-names.js';
import type { RedisSentinelOptions } from '../scheduler/scheduler-options.js';
import { IsIn, IsInt, IsOptional, IsString, IsTimeZone, IsUrl, Matches, Max, Min, validateSync } from 'class-validator';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'verbose'] as const;
const URL_RULE = { require_tld: false, protocols: ['http', 'https'], require_protocol: true };
const HOST_PORTS = /^[^\s,:]+:\d{1,5}(,[^\s,:]+:\d{1,5})*$/;
const emptyToUndefined = ({ value }: { value: unknown }) => (value === '' ? undefined : value);

/** The environment variables of the standalone service, as documented in the README. */
class Environment {
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(65535) PORT = 8001;
  @IsOptional() @Transform(emptyToUndefined) @Matches(/^rediss?:\/\//, { message: 'REDIS_URL must start with redis:// or rediss://' })
  REDIS_URL?: string;
  @IsOptional() @Transform(emptyToUndefined) @Matches(HOST_PORTS, { message: 'REDIS_SENTINELS must be host:port pairs separated by commas, e.g. 10.0.0.1:26379,10.0.0.2:26379' })
  REDIS_SENTINELS?: string;
  @IsOptional() @Transform(emptyToUndefined) @IsString() REDIS_SENTINEL_NAME?: string;
  @IsOptional() @Transform(emptyToUndefined) @IsString() REDIS_USERNAME?: string;
  @IsOptional() @Transform(emptyToUndefined) @IsString() REDIS_PASSWORD?: string;
  @IsOptional() @Transform(emptyToUndefined) @IsString() REDIS_SENTINEL_PASSWORD?: string;
  @IsOptional() @IsString() @Matches(/^[A-Za-z0-9_:.-]*$/, { message: 'KEY_PREFIX may only contain A-Z a-z 0-9 _ : . -' })
  KEY_PREFIX = '';
  @IsOptional() @Transform(emptyToUndefined) @IsTimeZone() SCHEDULER_TIMEZONE?: string;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(256) SCHEDULER_MAX_CONCURRENT_RUNS = 4;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(256) FETCH_CONCURRENCY = 4;
  @IsOptional() @Type(() => Number) @Min(0.1) @Max(1000) YAHOO_MAX_RPS = 2;
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(3_600_000) SHUTDOWN_GRACE_MS = 30_000;
  @IsOptional() @Type(() => Number) @IsInt() @Min(500) @Max(3_600_000) SCHEDULER_LEASE_TTL_MS = 30_000;
  @IsOptional() @Type(() => Number) @IsInt() @Min(100) @Max(3_600_000) SCHEDULER_RECONCILE_MS = 15_000;
  @IsOptional() @Type(() => Number) @IsInt() @Min(50) @Max(60_000) SCHEDULER_HEARTBEAT_MS = 1000;
  @IsOptional() @Type(() => Number) @Min(0.001) @Max(36_500) AUDIT_RETENTION_DAYS = 90;
  @IsOptional() @Transform(emptyToUndefined) @IsUrl(URL_RULE) YAHOO_BASE_URL?: string;
  @IsOptional() @IsString() MARKET_DATA_PROVIDERS = 'yahoo';
  @IsOptional() @Transform(emptyToUndefined) @IsString() ALPHA_VANTAGE_API_KEY?: string;
  @IsOptional() @Transform(emptyToUndefined) @IsString() FINNHUB_API_KEY?: string;
  @IsOptional() @Transform(emptyToUndefined) @IsString() POLYGON_API_KEY?: string;
  @IsOptional() @Transform(emptyToUndefined) @IsUrl(URL_RULE) ALPHA_VANTAGE_BASE_URL?: string;
  @IsOptional() @Transform(emptyToUndefined) @IsUrl(URL_RULE) FINNHUB_BASE_URL?: string;
  @IsOptional() @Transform(emptyToUndefined) @IsUrl(URL_RULE) POLYGON_BASE_URL?: string;
  @IsOptional() @Transform(emptyToUndefined) @Type(() => Number) @IsInt() @Min(1) ALPHA_VANTAGE_MAX_RPM?: number;
  @IsOptional() @Transform(emptyToUndefined) @Type(() => Number) @IsInt() @Min(1) FINNHUB_MAX_RPM?: number;
  @IsOptional() @Transform(emptyToUndefined) @Type(() => Number) @IsInt() @Min(1) POLYGON_MAX_RPM?: number;
  @IsOptional() @Transform(emptyToUndefined) @Type(() => Number) @IsInt() @Min(1) ALPHA_VANTAGE_MAX_PER_DAY?: number;
  @IsOptional() @Transform(emptyToUndefined) @Type(() => Number) @IsInt() @Min(1) FINNHUB_MAX_PER_DAY?: number;
  @IsOptional() @Transform(emptyToUndefined) @Type(() => Number) @IsInt() @Min(1) POLYGON_MAX_PER_DAY?: number;
  @IsOptional() @IsString() CORS_ORIGINS = 'http://localhost:3000';
  @IsOptional() @IsIn(['true', 'false'], { message: 'TRUST_PROXY must be true or false' }) TRUST_PROXY: 'true' | 'false' = 'false';
  @IsOptional() @Transform(emptyToUndefined) @IsString() API_KEY?: string;
  @IsOptional() @IsIn(['true', 'false'], { message: 'UI_ENABLED must be true or false' }) UI_ENABLED: 'true' | 'false' = 'true';
  @IsOptional() @IsString() WEBHOOK_ALLOW_HOSTS = '';
  @IsOptional() @Transform(emptyToUndefined) @Matches(/^smtps?:\/\//, { message: 'SMTP_URL must start with smtp:// or smtps://' }) SMTP_URL?: string;
  @IsOptional() @Transform(emptyToUndefined) @IsString() NOTIFY_EMAIL_FROM?: string;
  @IsOptional() @Transform(emptyToUndefined) @IsUrl(URL_RULE) PUBLIC_URL?: string;
  @IsOptional() @Transform(emptyToUndefined) @Matches(/^\d+(\.\d+)?(,\d+(\.\d+)?)*$/, { message: 'WEBHOOK_RETRY_SCHEDULE must be seconds separated by commas, e.g. 5,300,1800' })
  WEBHOOK_RETRY_SCHEDULE?: string;
  @IsOptional() @Type(() => Number) @IsInt() @Min(100) @Max(120_000) WEBHOOK_TIMEOUT_MS = 10_000;
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(1_000_000) API_RATE_LIMIT = 600;
  @IsOptional() @IsIn(LOG_LEVELS) LOG_LEVEL: (typeof LOG_LEVELS)[number] = 'info';
  @IsOptional() @IsIn(['text', 'json']) LOG_FORMAT: 'text' | 'json' = 'text';
}

export interface AppConfig {
  port: number;
  redisUrl: string | null;
  /** A Sentinel group to ask for the master (REDIS_SENTINELS), instead of REDIS_URL. */
  redisSentinel: RedisSentinelOptions | null;
  keyPrefix: string;
  timezone: string;
  maxConcurrentRuns: number;
  fetchConcurrency: number;
  yahooMaxRps: number;
  shutdownGraceMs: number;
  leaseTtlMs: number;
  reconcileIntervalMs: number;
  heartbeatIntervalMs: number;
  auditRetentionDays: number;
  yahooBaseUrl: string | null;
  providers: ProvidersOptions;
  corsOrigins: string[];
  /** Trust X-Forwarded-Proto / X-Forwarded-For from a proxy in front. */
  trustProxy: boolean;
  apiKey: string | null;
  /** Serve the dashboard at /ui. */
  uiEnabled: boolean;
  webhooks: { allowHosts: string[]; retryScheduleMs?: number[]; timeoutMs: number };
  email: { smtpUrl: string | null; from?: string; dashboardUrl: string };
  rateLimitPerMinute: number;
  logLevel: (typeof LOG_LEVELS)[number];
  logFormat: 'text' | 'json';
}

export class ConfigError extends Error {}

/** Validates the environment once at start-up; a bad value stops the service with every problem listed. */
export function loadAppConfig(env: Record<string, string | undefined>): AppConfig {
  const parsed = plainToInstance(Environment, env);
  const errors = validateSync(parsed);
  if (errors.length) {
    const lines = errors.flatMap((e) => Object.values(e.constraints ?? {}));
    throw new ConfigError(`Invalid environment: ${lines.join('; ')}`);
  }
  const providers = providersFrom(parsed);
  return {
    port: parsed.PORT,
    redisUrl: parsed.REDIS_URL ?? null,
    redisSentinel: sentinelFrom(parsed),
    keyPrefix: parsed.KEY_PREFIX,
    timezone: parsed.SCHEDULER_TIMEZONE ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
    maxConcurrentRuns: parsed.SCHEDULER_MAX_CONCURRENT_RUNS,
    fetchConcurrency: parsed.FETCH_CONCURRENCY,
    yahooMaxRps: parsed.YAHOO_MAX_RPS,
    shutdownGraceMs: parsed.SHUTDOWN_GRACE_MS,
    leaseTtlMs: parsed.SCHEDULER_LEASE_TTL_MS,
    reconcileIntervalMs: parsed.SCHEDULER_RECONCILE_MS,
    heartbeatIntervalMs: parsed.SCHEDULER_HEARTBEAT_MS,
    auditRetentionDays: parsed.AUDIT_RETENTION_DAYS,
    yahooBaseUrl: parsed.YAHOO_BASE_URL ?? null,
    providers,
    apiKey: parsed.API_KEY ?? null,
    uiEnabled: parsed.UI_ENABLED === 'true',
    email: {
      smtpUrl: parsed.SMTP_URL ?? null,
      ...(parsed.NOTIFY_EMAIL_FROM && { from: parsed.NOTIFY_EMAIL_FROM }),
      dashboardUrl: `${(parsed.PUBLIC_URL ?? `http://localhost:${parsed.PORT}`).replace(/\/$/, '')}/ui`,
    },
    webhooks: {
      allowHosts: parsed.WEBHOOK_ALLOW_HOSTS.split(',').map((host) => host.trim()).filter(Boolean),
      ...(parsed.WEBHOOK_RETRY_SCHEDULE && { retryScheduleMs: parsed.WEBHOOK_RETRY_SCHEDULE.split(',').map((seconds) => Math.round(Number(seconds) * 1000)) }),
      timeoutMs: parsed.WEBHOOK_TIMEOUT_MS,
    },
    rateLimitPerMinute: parsed.API_RATE_LIMIT,
    trustProxy: parsed.TRUST_PROXY === 'true',
    corsOrigins: parsed.CORS_ORIGINS.split(',').map((origin) => origin.trim()).filter(Boolean),
    logLevel: parsed.LOG_LEVEL,
    logFormat: parsed.LOG_FORMAT,
  };
}

/** REDIS_SENTINELS with its name and passwords; one of REDIS_URL and REDIS_SENTINELS at most. */
function sentinelFrom(env: Environment): RedisSentinelOptions | null {
  if (!env.REDIS_SENTINELS) {
    if (env.REDIS_SENTINEL_NAME) throw new ConfigError('Invalid environment: REDIS_SENTINEL_NAME needs REDIS_SENTINELS (the sentinels to ask)');
    // Ignored silently, a password set beside REDIS_URL would leave the service failing to authenticate for no visible reason.
    const credential = (['REDIS_USERNAME', 'REDIS_PASSWORD', 'REDIS_SENTINEL_PASSWORD'] as const).find((name) => env[name]);
    if (credential) throw new ConfigError(`Invalid environment: ${credential} applies with REDIS_SENTINELS; with REDIS_URL, put it in the URL (redis://user:password@host:port)`);
    return null;
  }
  if (env.REDIS_URL) throw new ConfigError('Invalid environment: set REDIS_URL or REDIS_SENTINELS, not both');
  if (!env.REDIS_SENTINEL_NAME) throw new ConfigError('Invalid environment: REDIS_SENTINELS needs REDIS_SENTINEL_NAME (the master name the sentinels monitor)');
  return {
    sentinels: env.REDIS_SENTINELS.split(',').map((pair) => {
      const [host, port] = pair.split(':');
      return { host: host!, port: Number(port) };
    }),
    name: env.REDIS_SENTINEL_NAME,
    ...(env.REDIS_USERNAME && { username: env.REDIS_USERNAME }),
    ...(env.REDIS_PASSWORD && { password: env.REDIS_PASSWORD }),
    ...(env.REDIS_SENTINEL_PASSWORD && { sentinelPassword: env.REDIS_SENTINEL_PASSWORD }),
  };
}

/** MARKET_DATA_PROVIDERS and each vendor's variables as module options, checked as the module will check them. */
function providersFrom(parsed: Environment): ProvidersOptions {
  const vendor = (name: VendorName): VendorOptions => {
    const env = parsed as unknown as Record<string, string | number | undefined>;
    const prefix = vendorEnv(name);
    return {
      apiKey: (env[`${prefix}_API_KEY`] as string | undefined) ?? null,
      baseUrl: (env[`${prefix}_BASE_URL`] as string | undefined) ?? null,
      ...(env[`${prefix}_MAX_RPM`] !== undefined && { maxPerMinute: env[`${prefix}_MAX_RPM`] as number }),
      ...(env[`${prefix}_MAX_PER_DAY`] !== undefined && { maxPerDay: env[`${prefix}_MAX_PER_DAY`] as number }),
    };
  };
  const options: ProvidersOptions = {
    chain: parsed.MARKET_DATA_PROVIDERS.split(','),
    alphaVantage: vendor('alpha_vantage'),
    finnhub: vendor('finnhub'),
    polygon: vendor('polygon'),
  };
  try {
    resolveProviders(options);
  } catch (error) {
    throw new ConfigError(`Invalid environment: ${(error as Error).message}`);
  }
  return options;
}
