/**
 * Custom domain names: CreateDomainName, GetDomainNames, GetDomainName,
 * DeleteDomainName, with AWS's validations for mutual TLS (UpdateDomainName
 * is in ./domain-name-updates.ts). UPDATING settles on the emulator clock.
 */
import {
  epochSeconds,
  json,
  parseJsonBody,
  type Context,
  type EmulatorRequest,
  type Reply,
} from "../http";
import { domainArn, domainKey, randomId, type DomainName, type EmulatorState } from "../state";
import { badRequest, conflict, notFound, page, str } from "./common";
import { applyTruststoreWarnings } from "./truststore-warnings";
import type { Handler } from "../route-table";

export function finishUpdating(domain: DomainName, ctx: Context): DomainName {
  if (
    domain.status === "UPDATING" &&
    domain.updatingUntil !== undefined &&
    ctx.now() >= domain.updatingUntil
  ) {
    domain.status = "AVAILABLE";
    delete domain.statusMessage;
    delete domain.updatingUntil;
    delete domain.servingMutualTls;
  }
  if (ctx.config.compat === "localstack") domain.status = "AVAILABLE";
  return domain;
}

export function domainView(d: DomainName, ctx: Context): Record<string, unknown> {
  const view: Record<string, unknown> = {
    domainName: d.domainName,
    domainNameArn: domainArn(d.region, d.domainName),
    certificateUploadDate: d.certificateUploadDate,
    endpointConfiguration: { types: [d.endpointType] },
    domainNameStatus: d.status,
    securityPolicy: d.securityPolicy,
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

export function findDomain(state: EmulatorState, region: string, rawName: string): DomainName {
  const name = decodeURIComponent(rawName);
  const domain = state.domains[domainKey(region, name)];
  if (!domain) throw notFound("Invalid domain name identifier specified");
  return domain;
}

export function certificateFor(ctx: Context, region: string, arn: string, field: string) {
  const cert = ctx.state.certificates[arn];
  if (!cert || cert.region !== region)
    throw badRequest(`Certificate ${arn} not found in ACM (${field}).`);
  return cert;
}

export function checkMtlsRequirements(ctx: Context, d: DomainName) {
  if (!d.mutualTls) return;
  if (d.endpointType !== "REGIONAL")
    throw badRequest("Mutual TLS is only supported for REGIONAL custom domain names.");
  if (d.securityPolicy !== "TLS_1_2") {
    throw badRequest(
      `Mutual TLS cannot be used with security policy ${d.securityPolicy}: it requires TLS_1_2.`,
    );
  }
  const server = d.regionalCertificateArn
    ? ctx.state.certificates[d.regionalCertificateArn]
    : undefined;
  if (server && server.type !== "AMAZON_ISSUED") {
    if (!d.ownershipVerificationCertificateArn)
      throw badRequest("Missing ownershipVerificationCertificate.");
  }
  if (d.ownershipVerificationCertificateArn) {
    const owner = certificateFor(
      ctx,
      d.region,
      d.ownershipVerificationCertificateArn,
      "ownershipVerificationCertificateArn",
    );
    if (owner.type !== "AMAZON_ISSUED") {
      throw badRequest(
        "The ownership verification certificate must be issued by ACM (AMAZON_ISSUED).",
      );
    }
  }
}

function regionalHostname(region: string): { name: string; zone: string } {
  return { name: `d-${randomId(10)}.execute-api.${region}.amazonaws.com`, zone: "Z1UJRXOUMOOFQ8" };
}

export async function createDomainName(req: EmulatorRequest, ctx: Context): Promise<Reply> {
  const body = parseJsonBody(req);
  const name = str(body, "domainName");
  if (!name) throw badRequest("Domain name must be specified");
  if (!/^[a-z0-9*]([a-z0-9-.]{0,251}[a-z0-9])?$/i.test(name))
    throw badRequest(`Invalid domain name ${name}.`);
  if (ctx.state.domains[domainKey(req.region, name)])
    throw conflict("The domain name you provided already exists.");
  const endpoint =
    (body.endpointConfiguration as { types?: string[] } | undefined)?.types?.[0] ?? "EDGE";
  if (!["REGIONAL", "EDGE", "PRIVATE"].includes(endpoint))
    throw badRequest(`Invalid endpoint type ${endpoint}.`);
  const certificateArn = str(body, "regionalCertificateArn") ?? str(body, "certificateArn");
  if (!certificateArn)
    throw badRequest(
      "A certificate ARN must be specified (regionalCertificateArn for REGIONAL endpoints).",
    );
  const cert = certificateFor(ctx, req.region, certificateArn, "regionalCertificateArn");
  if (cert.status !== "ISSUED")
    throw badRequest(`Certificate ${certificateArn} is not ISSUED (it is ${cert.status}).`);
  const host = regionalHostname(req.region);
  const domain: DomainName = {
    region: req.region,
    domainName: name,
    domainNameId: randomId(10),
    regionalDomainName: host.name,
    regionalHostedZoneId: host.zone,
    regionalCertificateArn: certificateArn,
    endpointType: endpoint as DomainName["endpointType"],
    securityPolicy: str(body, "securityPolicy") ?? "TLS_1_2",
    status: "AVAILABLE",
    certificateUploadDate: epochSeconds(ctx.now()),
    tags: (body.tags as Record<string, string> | undefined) ?? {},
  };
  if (endpoint === "EDGE") domain.distributionDomainName = `d${randomId(13)}.cloudfront.net`;
  const certificateName = str(body, "regionalCertificateName");
  if (certificateName) domain.regionalCertificateName = certificateName;
  const ownership = str(body, "ownershipVerificationCertificateArn");
  const mtls = body.mutualTlsAuthentication as
    { truststoreUri?: string; truststoreVersion?: string } | undefined;
  if (ctx.config.compat !== "localstack") {
    if (ownership) domain.ownershipVerificationCertificateArn = ownership;
    if (mtls?.truststoreUri) {
      domain.mutualTls = { truststoreUri: mtls.truststoreUri, truststoreWarnings: [] };
      if (mtls.truststoreVersion) domain.mutualTls.truststoreVersion = mtls.truststoreVersion;
    }
    checkMtlsRequirements(ctx, domain);
    if (domain.mutualTls) await applyTruststoreWarnings(ctx, domain.mutualTls);
  }
  ctx.state.domains[domainKey(req.region, name)] = domain;
  return json(201, domainView(domain, ctx));
}

export const getDomainNames: Handler = (req, ctx) =>
  page(
    Object.values(ctx.state.domains)
      .filter((d) => d.region === req.region)
      .sort((x, y) => x.domainName.localeCompare(y.domainName)),
    req,
    ctx,
    (d) => domainView(finishUpdating(d, ctx), ctx),
  );

export const getDomainName: Handler = (req, ctx, { domainName }) =>
  json(200, domainView(finishUpdating(findDomain(ctx.state, req.region, domainName!), ctx), ctx));

export const deleteDomainName: Handler = (req, ctx, { domainName }) => {
  const d = findDomain(ctx.state, req.region, domainName!);
  // Its base path mappings and v2's API mappings (one table).
  for (const [key, m] of Object.entries(ctx.state.mappings))
    if (m.region === req.region && m.domainName === d.domainName) delete ctx.state.mappings[key];
  delete ctx.state.domains[domainKey(req.region, d.domainName)];
  return { status: 202 };
};
