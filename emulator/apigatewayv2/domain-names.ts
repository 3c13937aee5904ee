/**
 * API Gateway v2's view of custom domain names. They are the same domains
 * as v1's (a Regional custom domain name serves REST and HTTP APIs alike):
 * v2 reads and writes the same state, in its own shape
 * (domainNameConfigurations, camelCase, ISO timestamps), by translating to
 * the v1 handlers, so both APIs validate alike.
 */
import { findDomain, finishUpdating } from "../apigateway/domain-names-state";
import { createDomainName, domainView } from "../apigateway/domain-names-wire";
import { updateDomainName } from "../apigateway/domain-name-updates-wire";
import { badRequest } from "../apigateway/common";
import { json, parseJsonBody, type Context, type EmulatorRequest } from "../http";
import type { DomainName } from "../state";
import type { Handler } from "../route-table";

export function domainViewV2(d: DomainName, ctx: Context): Record<string, unknown> {
  const v1 = domainView(finishUpdating(d, ctx), ctx) as Record<string, unknown>;
  const configuration: Record<string, unknown> = {
    apiGatewayDomainName: d.regionalDomainName,
    certificateArn: d.regionalCertificateArn,
    certificateUploadDate: new Date(d.certificateUploadDate * 1000).toISOString(),
    domainNameStatus: d.status,
    endpointType: d.endpointType,
    hostedZoneId: d.regionalHostedZoneId,
    securityPolicy: d.securityPolicy,
  };
  if (d.statusMessage) configuration.domainNameStatusMessage = d.statusMessage;
  if (v1.ownershipVerificationCertificateArn)
    configuration.ownershipVerificationCertificateArn = v1.ownershipVerificationCertificateArn;
  return {
    domainName: d.domainName,
    domainNameArn: v1.domainNameArn,
    apiMappingSelectionExpression: "$request.basepath",
    domainNameConfigurations: [configuration],
    ...(v1.mutualTlsAuthentication ? { mutualTlsAuthentication: v1.mutualTlsAuthentication } : {}),
    tags: d.tags,
  };
}

const asV1 = (req: EmulatorRequest, body: unknown): EmulatorRequest => ({
  ...req,
  body: Buffer.from(JSON.stringify(body)),
});

type Configuration = {
  certificateArn?: string;
  endpointType?: string;
  securityPolicy?: string;
  ownershipVerificationCertificateArn?: string;
};

export const createDomainNameV2: Handler = async (req, ctx) => {
  const body = parseJsonBody(req);
  const [cfg = {}] = (body.domainNameConfigurations as Configuration[] | undefined) ?? [];
  if (cfg.endpointType && cfg.endpointType !== "REGIONAL")
    throw badRequest("HTTP API custom domain names are REGIONAL.");
  await createDomainName(
    asV1(req, {
      domainName: body.domainName,
      regionalCertificateArn: cfg.certificateArn,
      endpointConfiguration: { types: ["REGIONAL"] },
      securityPolicy: cfg.securityPolicy ?? "TLS_1_2",
      ...(cfg.ownershipVerificationCertificateArn
        ? { ownershipVerificationCertificateArn: cfg.ownershipVerificationCertificateArn }
        : {}),
      ...(body.mutualTlsAuthentication
        ? { mutualTlsAuthentication: body.mutualTlsAuthentication }
        : {}),
      tags: body.tags,
    }),
    ctx,
  );
  return json(201, domainViewV2(findDomain(ctx.state, req.region, String(body.domainName)), ctx));
};

export const getDomainNamesV2: Handler = (req, ctx) => {
  const all = Object.values(ctx.state.domains)
    .filter((d) => d.region === req.region && d.endpointType === "REGIONAL")
    .sort((x, y) => x.domainName.localeCompare(y.domainName));
  const max = Math.min(Number(req.url.searchParams.get("maxResults") ?? 100) || 100, 500);
  const start = Number(req.url.searchParams.get("nextToken") ?? 0) || 0;
  const items = all.slice(start, start + max).map((d) => domainViewV2(d, ctx));
  return json(200, {
    items,
    ...(start + max < all.length ? { nextToken: String(start + max) } : {}),
  });
};

export const getDomainNameV2: Handler = (req, ctx, { domainName }) =>
  json(200, domainViewV2(findDomain(ctx.state, req.region, domainName!), ctx));

/** UpdateDomainName v2: the whole configuration and mutual TLS, as v1 patch operations. */
export const updateDomainNameV2: Handler = async (req, ctx, params) => {
  const body = parseJsonBody(req);
  const ops: { op: "replace"; path: string; value: string }[] = [];
  const [cfg] = (body.domainNameConfigurations as Configuration[] | undefined) ?? [];
  if (cfg?.certificateArn)
    ops.push({ op: "replace", path: "/regionalCertificateArn", value: cfg.certificateArn });
  if (cfg?.securityPolicy)
    ops.push({ op: "replace", path: "/securityPolicy", value: cfg.securityPolicy });
  if (cfg?.ownershipVerificationCertificateArn)
    ops.push({
      op: "replace",
      path: "/ownershipVerificationCertificateArn",
      value: cfg.ownershipVerificationCertificateArn,
    });
  const mtls = body.mutualTlsAuthentication as
    { truststoreUri?: string; truststoreVersion?: string } | undefined;
  if (mtls?.truststoreUri !== undefined)
    ops.push({
      op: "replace",
      path: "/mutualTlsAuthentication/truststoreUri",
      value: mtls.truststoreUri,
    });
  if (mtls?.truststoreVersion !== undefined)
    ops.push({
      op: "replace",
      path: "/mutualTlsAuthentication/truststoreVersion",
      value: mtls.truststoreVersion,
    });
  await updateDomainName(asV1(req, { patchOperations: ops }), ctx, params);
  return json(200, domainViewV2(findDomain(ctx.state, req.region, params.domainName!), ctx));
};
