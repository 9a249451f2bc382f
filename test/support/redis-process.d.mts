export interface RedisProcess {
  port: number;
  dir: string;
  url: string;
  /** SIGTERM (a clean stop) unless told; SIGKILL is a crash. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}
export function freePort(): Promise<number>;
export function hasRedisServer(): boolean;
export function startRedis(options?: { port?: number; dir?: string; persistent?: boolean; args?: string[]; sentinel?: string | null }): Promise<RedisProcess>;
