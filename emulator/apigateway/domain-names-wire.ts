/**
 * Custom domain names on the wire: CreateDomainName, GetDomainNames,
 * GetDomainName, DeleteDomainName (UpdateDomainName is in
 * ./domain-name-updates-wire.ts): the request read, the domain shaped as
 * API Gateway returns it. The state side is ./domain-names-state.ts.
 */
import { json, parseJsonBody, type Context, type EmulatorRequest, type Reply } from "../http";
import type { Handler } from "../route-table";
import { domainArn, ROUTING_MODES, type DomainName } from "../state";
import { badRequest, page, str } from "./common";
import {
  createDomain,
  deleteDomain,
  findDomain,
  finishUpdating,
  listDomains,
  refuseExisting,
  refuseUnissued,
} from "./domain-names-state";

export function domainView(d: DomainName, ctx: Context): Record<string, unknown> {
  const view: Record<string, unknown> = {
    domainName: d.domainName,
    domainNameArn: domainArn(d.region, d.domainName),
    certificateUploadDate: d.certificateUploadDate,
    endpointConfiguration: { types: [d.endpointType], ipAddressType: d.ipAddressType ?? "ipv4" },
    domainNameStatus: d.status,
    securityPolicy: d.securityPolicy,
    routingMode: d.routingMode ?? "BASE_PATH_MAPPING_ONLY",
    tags: d.tags,
  };
  if (d.endpointType === "EDGE") {
    // Edge-optimized: a CloudFront distribution (CloudFront's one hosted zone) and certificateArn.
    view.distributionDomainName = d.distributionDomainName;
    view.distributionHostedZoneId = "Z2FDTNDATAQYW2";
    if (d.regionalCertificateArn) view.certificateArn = d.regionalCertificateArn;
  } else {
    view.regionalDomainName = d.regionalDomainName;
    view.regionalHostedZoneId = d.regionalHostedZoneId;
    if (d.regionalCertificateArn) view.regionalCertificateArn = d.regionalCertificateArn;
    if (d.regionalCertificateName) view.regionalCertificateName = d.regionalCertificateName;
  }
  if (d.statusMessage) view.domainNameStatusMessage = d.statusMessage;
  if (ctx.config.compat !== "localstack") {
    if (d.mutualTls) {
      view.mutualTlsAuthentication = {
        truststoreUri: d.mutualTls.truststoreUri,
        ...(d.mutualTls.truststoreVersion
          ? { truststoreVersion: d.mutualTls.truststoreVersion }
          : {}),
        truststoreWarnings: d.mutualTls.truststoreWarnings,
      };
    }
    if (d.ownershipVerificationCertificateArn)
      view.ownershipVerificationCertificateArn = d.ownershipVerificationCertificateArn;
  }
  return view;
}

export async function createDomainName(req: EmulatorRequest, ctx: Context): Promise<Reply> {
  const body = parseJsonBody(req);
  const name = str(body, "domainName");
  if (!name) throw badRequest("Domain name must be specified");
  if (!/^[a-z0-9*]([a-z0-9-.]{0,251}[a-z0-9])?$/i.test(name))
    throw badRequest(`Invalid domain name ${name}.`);
  refuseExisting(ctx.state, req.region, name);
  const endpointConfiguration = body.endpointConfiguration as
    { types?: string[]; ipAddressType?: string } | undefined;
  const endpoint = endpointConfiguration?.types?.[0] ?? "EDGE";
  const ipAddressType = endpointConfiguration?.ipAddressType ?? "ipv4";
  if (ipAddressType !== "ipv4" && ipAddressType !== "dualstack")
    throw badRequest(`Invalid ipAddressType ${ipAddressType}: ipv4 or dualstack.`);
  const routingMode = str(body, "routingMode") ?? "BASE_PATH_MAPPING_ONLY";
  if (!ROUTING_MODES.includes(routingMode as (typeof ROUTING_MODES)[number]))
    throw badRequest(`Invalid routingMode ${routingMode}.`);
  if (!["REGIONAL", "EDGE", "PRIVATE"].includes(endpoint))
    throw badRequest(`Invalid endpoint type ${endpoint}.`);
  const certificateArn = str(body, "regionalCertificateArn") ?? str(body, "certificateArn");
  if (!certificateArn)
    throw badRequest(
      "A certificate ARN must be specified (regionalCertificateArn for REGIONAL endpoints).",
    );
  refuseUnissued(ctx, req.region, certificateArn);
  const securityPolicy = str(body, "securityPolicy") ?? "TLS_1_2";
  const tags = (body.tags as Record<string, string> | undefined) ?? {};
  const certificateName = str(body, "regionalCertificateName");
  const ownership = str(body, "ownershipVerificationCertificateArn");
  const domain = await createDomain(ctx, {
    region: req.region,
    domainName: name,
    endpointType: endpoint as DomainName["endpointType"],
    securityPolicy,
    certificateArn,
    ...(certificateName ? { certificateName } : {}),
    tags,
    routingMode: routingMode as (typeof ROUTING_MODES)[number],
    ipAddressType,
    ...(ownership ? { ownershipVerificationCertificateArn: ownership } : {}),
    mutualTls: body.mutualTlsAuthentication as
      { truststoreUri?: string; truststoreVersion?: string } | undefined,
  });
  return json(201, domainView(domain, ctx));
}

export const getDomainNames: Handler = (req, ctx) =>
  page(listDomains(ctx.state, req.region), req, ctx, (d) =>
    domainView(finishUpdating(d, ctx), ctx),
  );

export const getDomainName: Handler = (req, ctx, { domainName }) =>
  json(200, domainView(finishUpdating(findDomain(ctx.state, req.region, domainName!), ctx), ctx));

export const deleteDomainName: Handler = (req, ctx, { domainName }) => {
  deleteDomain(ctx.state, findDomain(ctx.state, req.region, domainName!));
  return { status: 202 };
};
