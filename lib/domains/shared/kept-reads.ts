import "server-only";
/**
 * Reads kept for a while, bounded (`lru-cache`): callers of one key share
 * one read, in flight or done; a read that fails, or whose value `keep`
 * refuses, is forgotten, so the next caller reads again.
 */
import { LRUCache } from "lru-cache";

export interface KeptReads<T> {
  get(key: string, read: () => Promise<T>): Promise<T>;
  /** Forgets the keys that match. */
  forget(matches: (key: string) => boolean): void;
}

export function keptReads<T>(options: {
  max: number;
  ttlMs: number;
  keep?: (value: T) => boolean;
}): KeptReads<T> {
  const cache = new LRUCache<string, Promise<T>>({ max: options.max, ttl: options.ttlMs });
  const keep = options.keep ?? (() => true);
  return {
    get(key, read) {
      const hit = cache.get(key);
      if (hit) return hit;
      const value = read();
      cache.set(key, value);
      const forget = () => cache.peek(key) === value && cache.delete(key);
      value.then((v) => keep(v) || forget(), forget);
      return value;
    },
    forget(matches) {
      for (const key of [...cache.keys()]) if (matches(key)) cache.delete(key);
    },
  };
}
