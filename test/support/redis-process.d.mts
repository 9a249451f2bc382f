export interface RedisProcess {
  port: number;
  dir: string;
  url: string;
  stop(): Promise<void>;
}
export function freePort(): Promise<number>;
export function hasRedisServer(): boolean;
export function startRedis(options?: { port?: number; dir?: string; persistent?: boolean }): Promise<RedisProcess>;
