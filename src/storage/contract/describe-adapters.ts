/// <reference types="jest" />
import type { Redis } from 'ioredis';
import { openRedisKeyspace, type RedisKeyspace } from './redis-keyspace.js';

/** How to build one store on each adapter. */
export interface Adapters<S> {
  memory(): S;
  redis(client: Redis): S;
}

/**
 * Runs the same `cases` against the memory adapter and the Redis one (real Redis, a key prefix per
 * test, its keys deleted afterwards). `cases` gets the current test's store.
 */
export function describeAdapters<S>(name: string, adapters: Adapters<S>, cases: (store: () => S) => void): void {
  describe.each(['memory', 'redis'] as const)(`${name} on %s`, (kind) => {
    let store: S | undefined;
    let keyspace: RedisKeyspace | undefined;

    beforeEach(async () => {
      keyspace = kind === 'redis' ? await openRedisKeyspace() : undefined;
      store = keyspace ? adapters.redis(keyspace.client) : adapters.memory();
    });

    afterEach(async () => {
      await keyspace?.cleanup();
      keyspace = undefined;
      store = undefined;
    });

    cases(() => {
      if (!store) throw new Error('store used outside a test');
      return store;
    });
  });
}
