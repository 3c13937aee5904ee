/**
 * ACM's reads and DeleteCertificate: DescribeCertificate, ListCertificates
 * (status and key type filters, paged by NextToken), GetCertificate (the
 * PEMs, once issued), DeleteCertificate (refused while a domain uses it).
 */
import { AwsError, json, parseJsonBody, type Context, type EmulatorRequest } from "../http";
import { ACCOUNT_ID } from "../state";
import {
  arnFrom,
  validation,
  DEFAULT_KEY_TYPES,
  detail,
  getCert,
  inUseBy,
  finishValidation,
} from "./common";

export function describeCertificate(req: EmulatorRequest, ctx: Context) {
  return json(200, {
    Certificate: detail(getCert(ctx, req, arnFrom(parseJsonBody(req))), ctx.state),
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
  const all = Object.values(ctx.state.certificates)
    .filter((c) => c.region === req.region)
    .map((c) => finishValidation(c, ctx))
    // In the order they were created (insertion order).
    .filter((c) => (statuses ? statuses.has(c.status) : true) && keyTypes.has(c.keyAlgorithm));
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
  const cert = getCert(ctx, req, arnFrom(parseJsonBody(req)));
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
  const cert = getCert(ctx, req, arnFrom(parseJsonBody(req)));
  const users = inUseBy(ctx.state, cert.arn);
  if (users.length)
    throw new AwsError(
      400,
      "ResourceInUseException",
      `Certificate ${cert.arn} in account ${ACCOUNT_ID} is in use by ${users.join(", ")}.`,
    );
  delete ctx.state.certificates[cert.arn];
  return json(200, {});
}
