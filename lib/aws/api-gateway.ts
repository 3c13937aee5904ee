import "server-only";
/**
 * API Gateway: custom domain names, reshaped into the project's types.
 */
import {
  paginateGetBasePathMappings,
  paginateGetDomainNames,
  GetDomainNameCommand,
  GetRestApiCommand,
  UpdateDomainNameCommand,
  UpdateRestApiCommand,
  type DomainName,
  type PatchOperation,
} from "@aws-sdk/client-api-gateway";
import {
  DOMAIN_STATUSES,
  type BasePathMappingView,
  type DomainStatus,
  type MtlsDomain,
  type RestApiSummary,
  type RoutingMode,
} from "../model/domain";
import { mtlsReported } from "./capabilities";
import { getClients } from "./config";
import { awsCall, awsReadOrNull } from "./errors";

/**
 * The SDK's DomainName as the dashboard shows it. `mtlsReported`: whether
 * this backend reports mutualTlsAuthentication at all (./capabilities.ts);
 * when it does not, an absent one means "unknown", never "off".
 */
export function toMtlsDomain(d: DomainName, mtlsReported: boolean): MtlsDomain {
  const status = DOMAIN_STATUSES.includes(d.domainNameStatus as (typeof DOMAIN_STATUSES)[number])
    ? (d.domainNameStatus as DomainStatus)
    : "UNKNOWN";
  const endpointType = d.endpointConfiguration?.types?.[0] ?? "EDGE";
  const m = d.mutualTlsAuthentication;
  const domain: MtlsDomain = {
    domainName: d.domainName ?? "",
    status,
    endpointType,
    mtlsState: m?.truststoreUri
      ? "on"
      : endpointType !== "REGIONAL"
        ? "unavailable"
        : mtlsReported
          ? "off"
          : "unknown",
    tags: d.tags ?? {},
  };
  if (d.securityPolicy) domain.securityPolicy = d.securityPolicy;
  if (d.routingMode) domain.routingMode = d.routingMode as RoutingMode;
  if (d.endpointConfiguration?.ipAddressType)
    domain.ipAddressType = d.endpointConfiguration.ipAddressType;
  const dnsTarget = endpointType === "EDGE" ? d.distributionDomainName : d.regionalDomainName;
  if (dnsTarget) domain.dnsTarget = dnsTarget;
  if (d.domainNameArn) domain.domainNameArn = d.domainNameArn;
  if (d.domainNameStatusMessage) domain.statusMessage = d.domainNameStatusMessage;
  const certificateArn = d.regionalCertificateArn ?? d.certificateArn;
  if (certificateArn) domain.certificateArn = certificateArn;
  if (d.ownershipVerificationCertificateArn)
    domain.ownershipVerificationCertificateArn = d.ownershipVerificationCertificateArn;
  if (d.certificateUploadDate) domain.certificateUploadDate = d.certificateUploadDate.toISOString();
  if (m?.truststoreUri) {
    domain.mtls = {
      truststoreUri: m.truststoreUri,
      truststoreWarnings: m.truststoreWarnings ?? [],
    };
    if (m.truststoreVersion) domain.mtls.truststoreVersion = m.truststoreVersion;
  }
  return domain;
}

/** Every custom domain name of a region, 500 a page (the API's maximum). */
export async function listDomainNames(region: string): Promise<MtlsDomain[]> {
  const [{ apiGateway }, reported] = await Promise.all([getClients(region), mtlsReported()]);
  return awsCall("list the custom domain names", async () => {
    const out: MtlsDomain[] = [];
    for await (const page of paginateGetDomainNames({ client: apiGateway, pageSize: 500 }, {})) {
      out.push(...(page.items ?? []).map((d) => toMtlsDomain(d, reported)));
    }
    return out;
  });
}

/** One domain name, or null when it does not exist. */
export async function getDomainName(
  domainName: string,
  region: string,
): Promise<MtlsDomain | null> {
  const [{ apiGateway }, reported] = await Promise.all([getClients(region), mtlsReported()]);
  const found = await awsReadOrNull("read the custom domain name", "NotFoundException", () =>
    apiGateway.send(new GetDomainNameCommand({ domainName })),
  );
  return found ? toMtlsDomain(found, reported) : null;
}

export interface UpdateResult {
  domain: MtlsDomain;
  requestId?: string;
}

async function updateDomainName(
  domainName: string,
  doing: string,
  patchOperations: PatchOperation[],
  region: string,
): Promise<UpdateResult> {
  const [{ apiGateway }, reported] = await Promise.all([getClients(region), mtlsReported()]);
  const res = await awsCall(doing, () =>
    apiGateway.send(new UpdateDomainNameCommand({ domainName, patchOperations })),
  );
  return { domain: toMtlsDomain(res, reported), requestId: res.$metadata.requestId };
}

/** PATCH /mutualTlsAuthentication/truststoreVersion: switch to an exact S3 version. */
export function setTruststoreVersion(
  domainName: string,
  versionId: string,
  region: string,
): Promise<UpdateResult> {
  return updateDomainName(
    domainName,
    "switch the truststore version",
    [{ op: "replace", path: "/mutualTlsAuthentication/truststoreVersion", value: versionId }],
    region,
  );
}

/**
 * Replace truststoreUri and truststoreVersion in one update: mutual TLS on,
 * pinned to an exact S3 version (a domain that had it off, or had it before).
 */
export function enableMutualTls(
  domainName: string,
  region: string,
  truststoreUri: string,
  truststoreVersion: string,
): Promise<UpdateResult> {
  return updateDomainName(
    domainName,
    "enable mutual TLS",
    [
      { op: "replace", path: "/mutualTlsAuthentication/truststoreUri", value: truststoreUri },
      {
        op: "replace",
        path: "/mutualTlsAuthentication/truststoreVersion",
        value: truststoreVersion,
      },
    ],
    region,
  );
}

/**
 * PATCH /ownershipVerificationCertificateArn: the one update API Gateway
 * takes while a domain is PENDING_OWNERSHIP_VERIFICATION.
 */
export function setOwnershipCertificate(
  domainName: string,
  region: string,
  certificateArn: string,
): Promise<UpdateResult> {
  return updateDomainName(
    domainName,
    "set the ownership verification certificate",
    [{ op: "replace", path: "/ownershipVerificationCertificateArn", value: certificateArn }],
    region,
  );
}

/** Replace truststoreUri with '': mutual TLS off. */
export function removeMutualTls(domainName: string, region: string): Promise<UpdateResult> {
  return updateDomainName(
    domainName,
    "disable mutual TLS",
    [{ op: "replace", path: "/mutualTlsAuthentication/truststoreUri", value: "" }],
    region,
  );
}

export async function getBasePathMappings(
  domainName: string,
  region: string,
): Promise<BasePathMappingView[]> {
  const { apiGateway } = await getClients(region);
  return awsCall("list the base path mappings", async () => {
    const out: BasePathMappingView[] = [];
    for await (const page of paginateGetBasePathMappings(
      { client: apiGateway, pageSize: 500 },
      { domainName },
    )) {
      for (const m of page.items ?? []) {
        const view: BasePathMappingView = {
          basePath: m.basePath ?? "(none)",
          restApiId: m.restApiId ?? "",
        };
        if (m.stage) view.stage = m.stage;
        out.push(view);
      }
    }
    return out;
  });
}

export async function getRestApi(
  restApiId: string,
  region: string,
): Promise<RestApiSummary | null> {
  const { apiGateway } = await getClients(region);
  const api = await awsReadOrNull("read the REST API", "NotFoundException", () =>
    apiGateway.send(new GetRestApiCommand({ restApiId })),
  );
  return api
    ? {
        id: api.id ?? restApiId,
        name: api.name ?? restApiId,
        disableExecuteApiEndpoint: api.disableExecuteApiEndpoint === true,
      }
    : null;
}

/** PATCH /restapis/{id} /disableExecuteApiEndpoint = true: clients can no longer bypass mTLS there. */
export async function disableExecuteApiEndpoint(
  restApiId: string,
  region: string,
): Promise<{ api: RestApiSummary; requestId?: string }> {
  const { apiGateway } = await getClients(region);
  const res = await awsCall("disable the default execute-api endpoint", () =>
    apiGateway.send(
      new UpdateRestApiCommand({
        restApiId,
        patchOperations: [{ op: "replace", path: "/disableExecuteApiEndpoint", value: "true" }],
      }),
    ),
  );
  return {
    api: {
      id: res.id ?? restApiId,
      name: res.name ?? restApiId,
      disableExecuteApiEndpoint: res.disableExecuteApiEndpoint === true,
    },
    requestId: res.$metadata.requestId,
  };
}
