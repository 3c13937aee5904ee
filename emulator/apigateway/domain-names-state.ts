/**
 * Custom domain names in the emulator's state: lookups, creation and
 * deletion, AWS's rules for mutual TLS, and UPDATING settling on the
 * emulator clock. The wire side is ./domain-names-wire.ts.
 */
import { finishValidation } from "../acm/certificates-state";
import { epochSeconds, type Context } from "../http";
import { domainKey, randomId, type DomainName, type AccountState } from "../state";
import { badRequest, conflict, notFound } from "./common";
import { applyTruststoreWarnings } from "./truststore-warnings";

/** What CreateDomainName asks for, read from the request. */
export interface NewDomain {
  region: string;
  domainName: string;
  endpointType: DomainName["endpointType"];
  securityPolicy: string;
  certificateArn: string;
  certificateName?: string;
  tags: Record<string, string>;
  routingMode?: NonNullable<DomainName["routingMode"]>;
  ipAddressType?: NonNullable<DomainName["ipAddressType"]>;
  /** Ignored in LocalStack mode, as LocalStack does. */
  ownershipVerificationCertificateArn?: string;
  mutualTls?: { truststoreUri?: string; truststoreVersion?: string };
}

/** UPDATING becomes AVAILABLE once its time has passed (LocalStack: always AVAILABLE). */
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

/** The domain named by a (still percent-encoded) path part. */
export function findDomain(state: AccountState, region: string, rawName: string): DomainName {
  const name = decodeURIComponent(rawName);
  const domain = state.domains[domainKey(region, name)];
  if (!domain) throw notFound("Invalid domain name identifier specified");
  return domain;
}

/** The region's domains, by name. */
export function listDomains(state: AccountState, region: string): DomainName[] {
  return Object.values(state.domains)
    .filter((d) => d.region === region)
    .sort((x, y) => x.domainName.localeCompare(y.domainName));
}

export function refuseExisting(state: AccountState, region: string, name: string): void {
  if (state.domains[domainKey(region, name)])
    throw conflict("The domain name you provided already exists.");
}

/** A certificate a domain names, its status settled first (as ACM's own reads do). */
export function certificateFor(ctx: Context, region: string, arn: string, field: string) {
  const cert = ctx.state.certificates[arn];
  if (!cert || cert.region !== region)
    throw badRequest(`Certificate ${arn} not found in ACM (${field}).`);
  return finishValidation(cert, ctx);
}

/** An ownership verification certificate: issued by ACM, ISSUED and not expired (on create as on update). */
export function requireValidOwnershipCertificate(ctx: Context, region: string, arn: string) {
  const cert = certificateFor(ctx, region, arn, "ownershipVerificationCertificateArn");
  if (cert.type !== "AMAZON_ISSUED")
    throw badRequest(
      "The ownership verification certificate must be issued by ACM (AMAZON_ISSUED).",
    );
  if (cert.status !== "ISSUED" || cert.notAfter <= epochSeconds(ctx.now()))
    throw badRequest(
      `The ownership verification certificate ${arn} is not valid (${cert.status}).`,
    );
  return cert;
}

/** A new domain's certificate: it must be ISSUED. */
export function refuseUnissued(ctx: Context, region: string, arn: string): void {
  const cert = certificateFor(ctx, region, arn, "regionalCertificateArn");
  if (cert.status !== "ISSUED")
    throw badRequest(`Certificate ${arn} is not ISSUED (it is ${cert.status}).`);
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
    ? certificateFor(ctx, d.region, d.regionalCertificateArn, "regionalCertificateArn")
    : undefined;
  if (server && server.type !== "AMAZON_ISSUED") {
    if (!d.ownershipVerificationCertificateArn)
      throw badRequest("Missing ownershipVerificationCertificate.");
  }
  if (d.ownershipVerificationCertificateArn)
    requireValidOwnershipCertificate(ctx, d.region, d.ownershipVerificationCertificateArn);
}

function regionalHostname(region: string): { name: string; zone: string } {
  return { name: `d-${randomId(10)}.execute-api.${region}.amazonaws.com`, zone: "Z1UJRXOUMOOFQ8" };
}

/** Adds the domain, after the mutual TLS rules and the truststore's warnings. */
export async function createDomain(ctx: Context, input: NewDomain): Promise<DomainName> {
  const host = regionalHostname(input.region);
  const domain: DomainName = {
    region: input.region,
    domainName: input.domainName,
    domainNameId: randomId(10),
    regionalDomainName: host.name,
    regionalHostedZoneId: host.zone,
    regionalCertificateArn: input.certificateArn,
    endpointType: input.endpointType,
    securityPolicy: input.securityPolicy,
    status: "AVAILABLE",
    certificateUploadDate: epochSeconds(ctx.now()),
    tags: input.tags,
  };
  if (input.endpointType === "EDGE")
    domain.distributionDomainName = `d${randomId(13)}.cloudfront.net`;
  if (input.certificateName) domain.regionalCertificateName = input.certificateName;
  if (input.routingMode && input.routingMode !== "BASE_PATH_MAPPING_ONLY")
    domain.routingMode = input.routingMode;
  if (input.ipAddressType === "dualstack") domain.ipAddressType = "dualstack";
  if (ctx.config.compat !== "localstack") {
    const { ownershipVerificationCertificateArn: ownership, mutualTls: mtls } = input;
    if (ownership) domain.ownershipVerificationCertificateArn = ownership;
    if (mtls?.truststoreUri) {
      domain.mutualTls = { truststoreUri: mtls.truststoreUri, truststoreWarnings: [] };
      if (mtls.truststoreVersion) domain.mutualTls.truststoreVersion = mtls.truststoreVersion;
    }
    checkMtlsRequirements(ctx, domain);
    if (domain.mutualTls) await applyTruststoreWarnings(ctx, domain.mutualTls);
  }
  ctx.state.domains[domainKey(input.region, input.domainName)] = domain;
  return domain;
}

/** Removes the domain with its base path mappings, v2's API mappings (one table) and routing rules. */
export function deleteDomain(state: AccountState, domain: DomainName): void {
  for (const [key, m] of Object.entries(state.mappings))
    if (m.region === domain.region && m.domainName === domain.domainName)
      delete state.mappings[key];
  for (const [key, r] of Object.entries(state.routingRules))
    if (r.region === domain.region && r.domainName === domain.domainName)
      delete state.routingRules[key];
  delete state.domains[domainKey(domain.region, domain.domainName)];
}
