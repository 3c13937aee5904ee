import "server-only";
/**
 * A domain's API types (REST, HTTP, WebSocket). A domain has no type of its
 * own: it serves whatever is mapped to it. API Gateway v2 lists every API
 * mapping of a domain, REST ones included: one call per domain. Two
 * listings per region (REST APIs, v2 APIs) tell what each mapped id is; an
 * id they do not have yet is asked for once (GetApi).
 *
 * So the overview reads types only for the domains it shows (or, for the
 * type filter, those that pass the other filters), at most 8 calls at once
 * for the whole process, and keeps them 5 minutes. A read that outlasts
 * the page's wait goes on, and the next render finds it done. A failed
 * read is not kept.
 */
import { LRUCache } from "lru-cache";
import { getApiKind, listApiKinds } from "../aws/api-ids";
import { listApiMappings } from "../aws/apigatewayv2";
import { gap } from "../aws/backend-support";
import { getCapabilities } from "../aws/capabilities";
import { AwsFailure } from "../aws/errors";
import { backendLabel } from "./change-blocked";
import { limiter } from "./limiter";
import type { ApiKind, ApiTypes } from "./overview-types";

const TTL_MS = 5 * 60_000;
const ORDER: ApiKind[] = ["REST", "HTTP", "WEBSOCKET"];
const calls = limiter(8);

const typesCache = new LRUCache<string, Promise<ApiTypes>>({ max: 20_000, ttl: TTL_MS });
const kindsCache = new LRUCache<string, Promise<Map<string, ApiKind>>>({ max: 50, ttl: TTL_MS });

/** The kept read for `key`, or a new one; a read that fails, or that `keep` refuses, is forgotten. */
function cached<T>(
  cache: LRUCache<string, Promise<T>>,
  key: string,
  read: () => Promise<T>,
  keep: (value: T) => boolean = () => true,
): Promise<T> {
  const hit = cache.get(key);
  if (hit) return hit;
  const value = read();
  cache.set(key, value);
  const forget = () => cache.peek(key) === value && cache.delete(key);
  value.then((v) => keep(v) || forget(), forget);
  return value;
}

async function kindsOf(region: string, ids: string[]): Promise<Map<string, ApiKind>> {
  const kinds = await cached(kindsCache, region, () => calls.run(() => listApiKinds(region)));
  await Promise.all(
    ids
      .filter((id) => !kinds.has(id))
      .map(async (id) => kinds.set(id, await calls.run(() => getApiKind(id, region)))),
  );
  return kinds;
}

async function readTypes(
  region: string,
  domainName: string,
  emptyMeansNone: boolean,
): Promise<ApiTypes> {
  try {
    const mappings = await calls.run(() => listApiMappings(domainName, region));
    const ids = [...new Set(mappings.map((m) => m.apiId))];
    if (!ids.length && !emptyMeansNone)
      return {
        unknown:
          "This endpoint lists no API mapping for it; a backend we do not know may keep REST mappings apart.",
      };
    const kinds = await kindsOf(region, ids);
    const found = new Set(ids.map((id) => kinds.get(id)));
    return { kinds: ORDER.filter((k) => found.has(k)) };
  } catch (error) {
    if (error instanceof AwsFailure) return { unknown: error.message };
    console.error("[api-types]", error);
    return { unknown: "Could not read its API mappings: an unexpected error." };
  }
}

export interface ApiTypesRead {
  types: Record<string, ApiTypes>;
  /** Still being read when the wait ended; the next render finds them. */
  pending: string[];
}

/** The API types of these domains, waiting at most `waitMs` for them. */
export async function apiTypesOf(
  region: string,
  names: string[],
  waitMs = Number.POSITIVE_INFINITY,
): Promise<ApiTypesRead> {
  const { backend } = await getCapabilities();
  const why = backend === "unknown-endpoint" ? undefined : gap(backend, "api-types");
  if (why) {
    const unknown = `Not known on ${backendLabel(backend)}: ${why}.`;
    return { types: Object.fromEntries(names.map((n) => [n, { unknown }])), pending: [] };
  }
  const types: Record<string, ApiTypes> = {};
  const all = Promise.all(
    names.map((name) =>
      cached(
        typesCache,
        `${region}|${name}`,
        () => readTypes(region, name, backend !== "unknown-endpoint"),
        (t) => "kinds" in t,
      ).then((t) => void (types[name] = t)),
    ),
  );
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([
    all,
    ...(Number.isFinite(waitMs) ? [new Promise((r) => (timer = setTimeout(r, waitMs)))] : []),
  ]);
  clearTimeout(timer);
  return { types: { ...types }, pending: names.filter((n) => !(n in types)) };
}

/** After the console maps an API to a domain: its types are read again. */
export function forgetApiTypes(region: string, domainName: string): void {
  typesCache.delete(`${region}|${domainName}`);
}
