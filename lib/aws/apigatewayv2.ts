import "server-only";
/**
 * API Gateway v2: the API mappings of a custom domain name (HTTP and REST
 * API stages map to the same domains), with each HTTP API's name.
 */
import {
  ListRoutingRulesCommand,
  CreateApiMappingCommand,
  GetApiCommand,
  GetApiMappingsCommand,
  GetApisCommand,
  GetStageCommand,
  GetStagesCommand,
  UpdateStageCommand,
} from "@aws-sdk/client-apigatewayv2";
import type { RoutingRuleView } from "../model/domain";
import { getCapabilities } from "./capabilities";
import { getClients } from "./config";
import { awsCall, awsReadOrNull } from "./errors";
import { stageLogging, type StageLogging } from "./stages";

export interface ApiMappingView {
  apiId: string;
  key: string;
  stage: string;
  /** The HTTP API's name, for a mapping to an HTTP API. */
  httpApiName?: string;
}

/** Every item of a v2 listing, page by page (API Gateway v2 has no SDK paginators). */
export async function allPages<T>(
  page: (nextToken: string | undefined) => Promise<{ Items?: T[]; NextToken?: string }>,
): Promise<T[]> {
  const items: T[] = [];
  let nextToken: string | undefined;
  do {
    const res = await page(nextToken);
    items.push(...(res.Items ?? []));
    nextToken = res.NextToken;
  } while (nextToken);
  return items;
}

/** Every API mapping of the domain: v2 lists REST API mappings too. */
export async function listApiMappings(
  domainName: string,
  region: string,
): Promise<ApiMappingView[]> {
  const { apiGatewayV2 } = await getClients(region);
  return awsCall("list the API mappings (API Gateway v2)", async () => {
    const items = await allPages((NextToken) =>
      apiGatewayV2.send(
        new GetApiMappingsCommand({ DomainName: domainName, NextToken, MaxResults: "500" }),
      ),
    );
    return items.flatMap((m) =>
      m.ApiId ? [{ apiId: m.ApiId, key: m.ApiMappingKey ?? "", stage: m.Stage ?? "" }] : [],
    );
  });
}

/** An API that v2 knows (HTTP or WebSocket); null for any other id (a REST API's). */
export async function findV2Api(
  apiId: string,
  region: string,
): Promise<{ name: string; protocol: "HTTP" | "WEBSOCKET" } | null> {
  const { apiGatewayV2 } = await getClients(region);
  const api = await awsReadOrNull("read the mapped API (API Gateway v2)", "NotFoundException", () =>
    apiGatewayV2.send(new GetApiCommand({ ApiId: apiId })),
  );
  if (!api) return null;
  return {
    name: api.Name ?? apiId,
    protocol: api.ProtocolType === "WEBSOCKET" ? "WEBSOCKET" : "HTTP",
  };
}

/**
 * The domain's mappings to HTTP APIs: an id that v2's GetApi does not know
 * is a REST API (v1's base path mappings). None where the backend has no
 * API Gateway v2 at all.
 */
export async function getHttpApiMappings(
  domainName: string,
  region: string,
): Promise<ApiMappingView[]> {
  if (!(await getCapabilities()).apigatewayv2) return [];
  const all = await listApiMappings(domainName, region);
  const ids = [...new Set(all.map((m) => m.apiId))];
  const apis = new Map(
    await Promise.all(ids.map(async (id) => [id, await findV2Api(id, region)] as const)),
  );
  return all
    .flatMap((m) => {
      const api = apis.get(m.apiId);
      return api ? [{ ...m, httpApiName: api.name }] : [];
    })
    .sort((a, b) => a.key.localeCompare(b.key));
}

/** A domain's routing rules in priority order (none where the backend has no API Gateway v2). */
export async function listRoutingRules(
  domainName: string,
  region: string,
): Promise<RoutingRuleView[]> {
  if (!(await getCapabilities()).apigatewayv2) return [];
  const { apiGatewayV2 } = await getClients(region);
  return awsCall("list the routing rules (API Gateway v2)", async () => {
    const rules: RoutingRuleView[] = [];
    let NextToken: string | undefined;
    do {
      const page = await apiGatewayV2.send(
        new ListRoutingRulesCommand({ DomainName: domainName, NextToken, MaxResults: 100 }),
      );
      for (const r of page.RoutingRules ?? []) {
        const invoke = r.Actions?.[0]?.InvokeApi;
        if (!r.RoutingRuleId || !invoke?.ApiId || !invoke.Stage) continue;
        rules.push({
          id: r.RoutingRuleId,
          priority: r.Priority ?? 0,
          basePaths: (r.Conditions ?? []).flatMap((c) => c.MatchBasePaths?.AnyOf ?? []),
          headers: (r.Conditions ?? []).flatMap((c) =>
            (c.MatchHeaders?.AnyOf ?? []).map((h) => ({
              header: h.Header ?? "",
              valueGlob: h.ValueGlob ?? "",
            })),
          ),
          apiId: invoke.ApiId,
          stage: invoke.Stage,
          stripBasePath: invoke.StripBasePath ?? false,
        });
      }
      NextToken = page.NextToken;
    } while (NextToken);
    return rules.sort((a, b) => a.priority - b.priority);
  });
}

/** Every HTTP API of the region with its stages. */
export async function listHttpApisWithStages(
  region: string,
): Promise<{ id: string; name: string; type: "HTTP"; stages: string[] }[]> {
  if (!(await getCapabilities()).apigatewayv2) return [];
  const { apiGatewayV2 } = await getClients(region);
  return awsCall("list the HTTP APIs", async () => {
    const apis = await allPages((NextToken) =>
      apiGatewayV2.send(new GetApisCommand({ MaxResults: "500", NextToken })),
    );
    return Promise.all(
      apis
        .filter((a) => a.ProtocolType === "HTTP" && a.ApiId)
        .map(async (a) => {
          const stages = await allPages((NextToken) =>
            apiGatewayV2.send(
              new GetStagesCommand({ ApiId: a.ApiId!, MaxResults: "500", NextToken }),
            ),
          );
          return {
            id: a.ApiId!,
            name: a.Name ?? a.ApiId!,
            type: "HTTP" as const,
            stages: stages
              .map((st) => st.StageName ?? "")
              .filter(Boolean)
              .sort(),
          };
        }),
    );
  });
}

export async function createHttpApiMapping(
  domainName: string,
  mapping: { restApiId: string; stage: string; basePath?: string },
  region: string,
): Promise<void> {
  const { apiGatewayV2 } = await getClients(region);
  await awsCall("map the HTTP API to the domain", () =>
    apiGatewayV2.send(
      new CreateApiMappingCommand({
        DomainName: domainName,
        ApiId: mapping.restApiId,
        Stage: mapping.stage,
        ...(mapping.basePath ? { ApiMappingKey: mapping.basePath } : {}),
      }),
    ),
  );
}

/** An HTTP API stage's access log settings (v2 GetStage); null when there is no such stage. */
export async function getHttpStageLogging(
  apiId: string,
  stageName: string,
  region: string,
): Promise<StageLogging | null> {
  const { apiGatewayV2 } = await getClients(region);
  const stage = await awsReadOrNull("read the HTTP API stage", "NotFoundException", () =>
    apiGatewayV2.send(new GetStageCommand({ ApiId: apiId, StageName: stageName })),
  );
  if (!stage) return null;
  const s = stage.AccessLogSettings;
  return stageLogging(apiId, stageName, s?.DestinationArn, s?.Format);
}

/** Sets an HTTP API stage's access log destination and format (v2 UpdateStage). */
export async function setHttpStageAccessLog(
  apiId: string,
  stageName: string,
  accessLog: { destinationArn: string; format: string },
  region: string,
): Promise<{ requestId?: string }> {
  const { apiGatewayV2 } = await getClients(region);
  const res = await awsCall("change the HTTP API stage's access log", () =>
    apiGatewayV2.send(
      new UpdateStageCommand({
        ApiId: apiId,
        StageName: stageName,
        AccessLogSettings: { DestinationArn: accessLog.destinationArn, Format: accessLog.format },
      }),
    ),
  );
  return { requestId: res.$metadata.requestId };
}
