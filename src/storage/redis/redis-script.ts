import type { Redis } from 'ioredis';

export type ScriptCall<T> = (keys: string[], args: (string | number)[]) => Promise<T>;

/**
 * Registers `lua` with ioredis's `defineCommand`, which sends EVALSHA and loads the script only
 * when Redis does not know it yet: the script's text is not resent on every call. The command
 * name is prefixed so that a client shared with a host app never collides with its own commands.
 */
export function defineScript<T>(client: Redis, name: string, lua: string): ScriptCall<T> {
  const command = `stockScheduler_${name}`;
  // Without numberOfKeys the key count leads the arguments, so one script takes any number of keys.
  if (!(command in client)) client.defineCommand(command, { lua });
  const call = (client as unknown as Record<string, (...args: (string | number)[]) => Promise<T>>)[command];
  return (keys, args) => call.call(client, keys.length, ...keys, ...args);
}
