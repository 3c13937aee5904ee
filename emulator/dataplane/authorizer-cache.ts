/**
 * Lambda authorizers' results, cached as API Gateway does: per authorizer
 * and the values of its identity sources, for the authorizer's TTL on the
 * emulator's clock. One cache per emulator state, so a reset forgets it.
 */
import type { AccountState } from "../state";

interface Entry<T> {
  expiresAt: number;
  result: T;
}

const caches = new WeakMap<AccountState, Map<string, Entry<unknown>>>();

function cacheOf(state: AccountState) {
  let cache = caches.get(state);
  if (!cache) caches.set(state, (cache = new Map()));
  return cache;
}

export interface CacheKey {
  region: string;
  apiId: string;
  authorizerId: string;
  /** The authorizer's settings: a changed authorizer starts afresh. */
  settings: string;
  identity: string[];
}

const keyOf = (k: CacheKey) =>
  JSON.stringify([k.region, k.apiId, k.authorizerId, k.settings, k.identity]);

export function cachedResult<T>(state: AccountState, key: CacheKey, now: number): T | undefined {
  const cache = cacheOf(state);
  const id = keyOf(key);
  const entry = cache.get(id);
  if (!entry) return undefined;
  if (entry.expiresAt > now) return entry.result as T;
  cache.delete(id);
  return undefined;
}

export function cacheResult<T>(
  state: AccountState,
  key: CacheKey,
  result: T,
  expiresAt: number,
): void {
  const cache = cacheOf(state);
  cache.set(keyOf(key), { expiresAt, result });
  if (cache.size > 5000) cache.delete(cache.keys().next().value!);
}

/** FlushStageAuthorizersCache, ResetAuthorizersCache: forgets every result of the API's authorizers. */
export function flushAuthorizerCache(state: AccountState, region: string, apiId: string): void {
  const cache = cacheOf(state);
  const prefix = JSON.stringify([region, apiId]).slice(0, -1) + ",";
  for (const id of [...cache.keys()]) if (id.startsWith(prefix)) cache.delete(id);
}
