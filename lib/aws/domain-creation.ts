import "server-only";
/**
 * What creating a custom domain name needs from API Gateway: the REST APIs
 * and stages to map, the create call (mTLS pinned to a version) and its
 * base path mapping.
 */
import {
  CreateBasePathMappingCommand,
  CreateDomainNameCommand,
  GetStagesCommand,
  paginateGetRestApis,
} from "@aws-sdk/client-api-gateway";
import type { MtlsDomain } from "../model/domain";
import { toMtlsDomain } from "./api-gateway";
import { createHttpApiMapping, listHttpApisWithStages } from "./apigatewayv2";
import { mtlsReported } from "./capabilities";
import { getClients } from "./config";
import { awsCall } from "./errors";

export interface RestApiChoice {
  id: string;
  name: string;
  type: "REST" | "HTTP";
  stages: string[];
}

/** Every REST API of the region with its stages (one GetStages call per API). */
export async function listRestApisWithStages(region: string): Promise<RestApiChoice[]> {
  const { apiGateway } = await getClients(region);
  return awsCall("list the REST APIs", async () => {
    const apis: RestApiChoice[] = [];
    for await (const page of paginateGetRestApis({ client: apiGateway, pageSize: 500 }, {}))
      for (const a of page.items ?? [])
        apis.push({ id: a.id ?? "", name: a.name ?? "", type: "REST", stages: [] });
    await Promise.all(
      apis.map(async (api) => {
        const res = await apiGateway.send(new GetStagesCommand({ restApiId: api.id }));
        api.stages = (res.item ?? [])
          .map((s) => s.stageName ?? "")
          .filter(Boolean)
          .sort();
      }),
    );
    // HTTP APIs map to the same domains (API Gateway v2); a backend without v2 lists none.
    const http = await listHttpApisWithStages(region).catch(() => []);
    return [...apis, ...http].sort((a, b) => a.name.localeCompare(b.name));
  });
}

export interface NewMtlsDomain {
  domainName: string;
  certificateArn: string;
  ownershipVerificationCertificateArn?: string;
  truststoreUri: string;
  truststoreVersion: string;
}

export async function createMtlsDomainName(
  input: NewMtlsDomain,
  region: string,
): Promise<{ domain: MtlsDomain; hostedZoneId?: string; requestId?: string }> {
  const [{ apiGateway }, reported] = await Promise.all([getClients(region), mtlsReported()]);
  const res = await awsCall("create the custom domain name", () =>
    apiGateway.send(
      new CreateDomainNameCommand({
        domainName: input.domainName,
        regionalCertificateArn: input.certificateArn,
        endpointConfiguration: { types: ["REGIONAL"] },
        securityPolicy: "TLS_1_2",
        mutualTlsAuthentication: {
          truststoreUri: input.truststoreUri,
          truststoreVersion: input.truststoreVersion,
        },
        ...(input.ownershipVerificationCertificateArn
          ? { ownershipVerificationCertificateArn: input.ownershipVerificationCertificateArn }
          : {}),
      }),
    ),
  );
  return {
    domain: toMtlsDomain(res, reported),
    ...(res.regionalHostedZoneId ? { hostedZoneId: res.regionalHostedZoneId } : {}),
    ...(res.$metadata.requestId ? { requestId: res.$metadata.requestId } : {}),
  };
}

/** A base path mapping (REST API) or an API mapping (HTTP API, API Gateway v2). */
export async function createBasePathMapping(
  domainName: string,
  mapping: { restApiId: string; stage: string; basePath?: string; type?: "REST" | "HTTP" },
  region: string,
): Promise<void> {
  if (mapping.type === "HTTP") return createHttpApiMapping(domainName, mapping, region);
  const { apiGateway } = await getClients(region);
  await awsCall("map the REST API to the domain", () =>
    apiGateway.send(
      new CreateBasePathMappingCommand({
        domainName,
        restApiId: mapping.restApiId,
        stage: mapping.stage,
        ...(mapping.basePath ? { basePath: mapping.basePath } : {}),
      }),
    ),
  );
}
