/**
 * ACM certificates on the wire: DescribeCertificate, ListCertificates
 * (status and key type filters, paged by NextToken), GetCertificate (the
 * PEMs, once issued), DeleteCertificate; the request fields read (blobs,
 * ARNs, tags) and the certificate shaped as ACM returns it. The state side
 * is ./certificates-state.ts.
 */
import { AwsError, json, parseJsonBody, type Context, type EmulatorRequest } from "../http";
import type { Certificate, AccountState } from "../state";
import { DEFAULT_KEY_TYPES } from "./algorithms";
import {
  certificatesIn,
  deleteCertificate as removeCertificate,
  getCert,
  inUseBy,
} from "./certificates-state";
import { validation } from "./errors";

export function blob(
  body: Record<string, unknown>,
  key: string,
  required: boolean,
): string | undefined {
  const value = body[key];
  if (value === undefined || value === null) {
    if (required)
      throw validation(
        `1 validation error detected: Value null at '${key.charAt(0).toLowerCase()}${key.slice(1)}' failed to satisfy constraint: Member must not be null`,
      );
    return undefined;
  }
  if (typeof value !== "string") throw validation(`${key} must be a blob.`);
  return Buffer.from(value, "base64").toString("utf8");
}

export function arnFrom(body: Record<string, unknown>): string {
  const arn = body.CertificateArn;
  if (typeof arn !== "string" || !arn.startsWith("arn:"))
    throw validation(
      "1 validation error detected: Value at 'certificateArn' failed to satisfy constraint: Member must satisfy regular expression pattern: arn:[\\w+=/,.@-]+:acm:[\\w+=/,.@-]*:[0-9]+:[\\w+=,.@-]+(/[\\w+=,.@-]+)*",
    );
  return arn;
}

export function tagsFrom(body: Record<string, unknown>): Record<string, string> {
  const tags: Record<string, string> = {};
  for (const t of (body.Tags as { Key?: string; Value?: string }[] | undefined) ?? [])
    if (t.Key) tags[t.Key] = t.Value ?? "";
  return tags;
}

export function detail(cert: Certificate, state: AccountState) {
  const out: Record<string, unknown> = {
    CertificateArn: cert.arn,
    DomainName: cert.domainName,
    SubjectAlternativeNames: cert.subjectAlternativeNames,
    Serial: cert.serial,
    Subject: cert.subject,
    Issuer: cert.issuer,
    CreatedAt: cert.createdAt,
    Status: cert.status,
    NotBefore: cert.notBefore,
    NotAfter: cert.notAfter,
    KeyAlgorithm: cert.keyAlgorithm,
    SignatureAlgorithm: cert.signatureAlgorithm,
    InUseBy: inUseBy(state, cert.arn),
    Type: cert.type,
    KeyUsages: [{ Name: "DIGITAL_SIGNATURE" }, { Name: "KEY_ENCIPHERMENT" }],
    ExtendedKeyUsages: [{ Name: "TLS_WEB_SERVER_AUTHENTICATION", OID: "1.3.6.1.5.5.7.3.1" }],
    RenewalEligibility: cert.type === "AMAZON_ISSUED" ? "ELIGIBLE" : "INELIGIBLE",
    Options: { CertificateTransparencyLoggingPreference: "ENABLED" },
  };
  if (cert.importedAt) out.ImportedAt = cert.importedAt;
  if (cert.issuedAt) out.IssuedAt = cert.issuedAt;
  if (cert.type === "AMAZON_ISSUED") {
    out.DomainValidationOptions = cert.subjectAlternativeNames.map((name) => ({
      DomainName: name,
      ValidationDomain: name,
      ValidationStatus: cert.status === "PENDING_VALIDATION" ? "PENDING_VALIDATION" : "SUCCESS",
      ValidationMethod: "DNS",
    }));
  }
  return out;
}

export function describeCertificate(req: EmulatorRequest, ctx: Context) {
  return json(200, {
    Certificate: detail(getCert(ctx, req.region, arnFrom(parseJsonBody(req))), ctx.state),
  });
}

export function listCertificates(req: EmulatorRequest, ctx: Context) {
  const body = parseJsonBody(req);
  const statuses = Array.isArray(body.CertificateStatuses)
    ? new Set(body.CertificateStatuses as string[])
    : null;
  const includes = body.Includes as { keyTypes?: string[] } | undefined;
  const keyTypes = includes?.keyTypes?.length ? new Set(includes.keyTypes) : DEFAULT_KEY_TYPES;
  const maxItems = typeof body.MaxItems === "number" ? body.MaxItems : 1000;
  if (!Number.isInteger(maxItems) || maxItems < 1 || maxItems > 1000)
    throw validation("MaxItems must be between 1 and 1000.");
  const start =
    typeof body.NextToken === "string"
      ? Number(Buffer.from(body.NextToken, "base64url").toString("utf8"))
      : 0;
  if (!Number.isInteger(start) || start < 0) throw validation("Invalid NextToken.");
  const all = certificatesIn(ctx, req.region).filter(
    (c) => (statuses ? statuses.has(c.status) : true) && keyTypes.has(c.keyAlgorithm),
  );
  const slice = all.slice(start, start + maxItems);
  const out: Record<string, unknown> = {
    CertificateSummaryList: slice.map((c) => ({
      CertificateArn: c.arn,
      DomainName: c.domainName,
      SubjectAlternativeNameSummaries: c.subjectAlternativeNames,
      HasAdditionalSubjectAlternativeNames: false,
      Status: c.status,
      Type: c.type,
      KeyAlgorithm: c.keyAlgorithm,
      KeyUsages: ["DIGITAL_SIGNATURE", "KEY_ENCIPHERMENT"],
      ExtendedKeyUsages: ["TLS_WEB_SERVER_AUTHENTICATION"],
      InUse: inUseBy(ctx.state, c.arn).length > 0,
      RenewalEligibility: c.type === "AMAZON_ISSUED" ? "ELIGIBLE" : "INELIGIBLE",
      NotBefore: c.notBefore,
      NotAfter: c.notAfter,
      CreatedAt: c.createdAt,
      ...(c.issuedAt ? { IssuedAt: c.issuedAt } : {}),
      ...(c.importedAt ? { ImportedAt: c.importedAt } : {}),
    })),
  };
  if (start + maxItems < all.length)
    out.NextToken = Buffer.from(String(start + maxItems)).toString("base64url");
  return json(200, out);
}

export function getCertificate(req: EmulatorRequest, ctx: Context) {
  const cert = getCert(ctx, req.region, arnFrom(parseJsonBody(req)));
  if (cert.status === "PENDING_VALIDATION")
    throw new AwsError(
      400,
      "RequestInProgressException",
      `Certificate ${cert.arn} is in PENDING_VALIDATION.`,
    );
  return json(200, {
    Certificate: cert.certificatePem,
    ...(cert.chainPem ? { CertificateChain: cert.chainPem } : {}),
  });
}

export function deleteCertificate(req: EmulatorRequest, ctx: Context) {
  const cert = getCert(ctx, req.region, arnFrom(parseJsonBody(req)));
  removeCertificate(ctx.state, cert);
  return json(200, {});
}
