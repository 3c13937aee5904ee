import "server-only";
/**
 * Every API id of a region by kind, in two listings: REST APIs (v1
 * GetRestApis) and HTTP and WebSocket APIs (v2 GetApis). A domain's API
 * mappings name only ids; these listings tell what each id is.
 */
import { paginateGetRestApis } from "@aws-sdk/client-api-gateway";
import { GetApisCommand } from "@aws-sdk/client-apigatewayv2";
import type { ApiKind } from "../model/overview-row";
import { allPages, findV2Api } from "./apigatewayv2";
import { getCapabilities } from "./capabilities";
import { getClients } from "./config";
import { awsCall } from "./errors";

export async function listApiKinds(region: string): Promise<Map<string, ApiKind>> {
  const { apiGateway, apiGatewayV2 } = await getClients(region);
  return awsCall("list the APIs", async () => {
    const kinds = new Map<string, ApiKind>();
    for await (const page of paginateGetRestApis({ client: apiGateway, pageSize: 500 }, {}))
      for (const a of page.items ?? []) if (a.id) kinds.set(a.id, "REST");
    const v2 = (await getCapabilities()).apigatewayv2
      ? await allPages((NextToken) =>
          apiGatewayV2.send(new GetApisCommand({ MaxResults: "500", NextToken })),
        )
      : [];
    for (const a of v2)
      if (a.ApiId) kinds.set(a.ApiId, a.ProtocolType === "WEBSOCKET" ? "WEBSOCKET" : "HTTP");
    return kinds;
  });
}

/** What one API id is, for an id the listings did not have (v2's GetApi knows no REST API). */
export async function getApiKind(apiId: string, region: string): Promise<ApiKind> {
  return (await findV2Api(apiId, region))?.protocol ?? "REST";
}
