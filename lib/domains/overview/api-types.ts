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
 * for the whole process, and keeps them 15 minutes (the domain page
 * always reads its mappings afresh). On AWS the calls are
 * also paced, 5 a second: API Gateway's management API has a small fixed
 * request-rate quota per account, which deployments and every other tool
 * share. A read that outlasts the page's wait goes on, and the next render
 * finds it done. A failed read is not kept.
 */
import pThrottle from "p-throttle";
import { getApiKind, listApiKinds } from "../../aws/api-ids";
import { listApiMappings, listRoutingRules } from "../../aws/apigatewayv2";
import { gap } from "../../aws/backend-support";
import { getCapabilities } from "../../aws/capabilities";
import { AwsFailure } from "../../aws/errors";
import { backendLabel } from "../changes/change-blocked";
import { keptReads } from "../shared/kept-reads";
import { limiter } from "../shared/limiter";
import type { ApiKind, ApiTypes } from "../../model/overview-row";

const TTL_MS = 15 * 60_000;
const ORDER: ApiKind[] = ["REST", "HTTP", "WEBSOCKET"];
const AWS_CALLS_PER_SECOND = 5;
const calls = limiter(8);

type Run = <T>(task: () => Promise<T>) => Promise<T>;
let paced: { rate: number; run: Run } | undefined;

/** How calls are made: 8 at once, and on AWS (or as MTLS_CONSOLE_TYPES_PER_SECOND says) paced. */
function runner(backend: string): Run {
  const asked = Number(process.env.MTLS_CONSOLE_TYPES_PER_SECOND);
  const rate = asked > 0 ? asked : backend === "aws" ? AWS_CALLS_PER_SECOND : 0;
  if (!rate) return (task) => calls.run(task);
  if (paced?.rate !== rate) {
    const throttled = pThrottle({ limit: rate, interval: 1000, strict: true })(
      (task: () => Promise<unknown>) => task(),
    );
    paced = { rate, run: <T>(task: () => Promise<T>) => throttled(task) as Promise<T> };
  }
  const { run } = paced;
  return (task) => calls.run(() => run(task));
}

const typesCache = keptReads<ApiTypes>({
  max: 20_000,
  ttlMs: TTL_MS,
  keep: (types) => "kinds" in types,
});
const kindsCache = keptReads<Map<string, ApiKind>>({ max: 50, ttlMs: TTL_MS });

async function kindsOf(region: string, ids: string[], run: Run): Promise<Map<string, ApiKind>> {
  const kinds = await kindsCache.get(region, () => run(() => listApiKinds(region)));
  await Promise.all(
    ids
      .filter((id) => !kinds.has(id))
      .map(async (id) => kinds.set(id, await run(() => getApiKind(id, region)))),
  );
  return kinds;
}

async function readTypes(
  region: string,
  domainName: string,
  emptyMeansNone: boolean,
  run: Run,
  byRules: boolean,
): Promise<ApiTypes> {
  try {
    if (!(await getCapabilities()).apigatewayv2)
      return {
        unknown:
          "This backend has no API Gateway v2, where the API mappings of every API type are listed.",
      };
    const mappings = await run(() => listApiMappings(domainName, region));
    // A domain that routes by rules also reaches the REST APIs its rules invoke.
    const rules = byRules ? await run(() => listRoutingRules(domainName, region)) : [];
    const ids = [...new Set([...mappings.map((m) => m.apiId), ...rules.map((r) => r.apiId)])];
    if (!ids.length && !emptyMeansNone)
      return {
        unknown:
          "This endpoint lists no API mapping for it; a backend we do not know may keep REST mappings apart.",
      };
    const kinds = await kindsOf(region, ids, run);
    const found = new Set(ids.map((id) => kinds.get(id)));
    return { kinds: ORDER.filter((k) => found.has(k)), readAt: Date.now() };
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
  /** The names that route by routing rules (routingMode). */
  byRules: ReadonlySet<string> = new Set(),
): Promise<ApiTypesRead> {
  const { backend } = await getCapabilities();
  const why = backend === "unknown-endpoint" ? undefined : gap(backend, "api-types");
  if (why) {
    const unknown = `Not known on ${backendLabel(backend)}: ${why}.`;
    return { types: Object.fromEntries(names.map((n) => [n, { unknown }])), pending: [] };
  }
  const run = runner(backend);
  const types: Record<string, ApiTypes> = {};
  const all = Promise.all(
    names.map((name) =>
      typesCache
        .get(`${region}|${name}`, () =>
          readTypes(region, name, backend !== "unknown-endpoint", run, byRules.has(name)),
        )
        .then((t) => void (types[name] = t)),
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
  typesCache.forget((key) => key === `${region}|${domainName}`);
}
