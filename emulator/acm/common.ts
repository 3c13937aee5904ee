/**
 * What the ACM handlers share: key and signature algorithm names, errors,
 * the certificate detail as DescribeCertificate returns it, settling
 * PENDING_VALIDATION on the emulator clock.
 */

import { type CertificateReport } from "../../lib/truststore";

import { AwsError, epochSeconds, type Context, type EmulatorRequest } from "../http";
import { domainArn, type Certificate, type EmulatorState } from "../state";

export const KEY_TYPES = [
  "RSA_1024",
  "RSA_2048",
  "RSA_3072",
  "RSA_4096",
  "EC_prime256v1",
  "EC_secp384r1",
  "EC_secp521r1",
] as const;
export const DEFAULT_KEY_TYPES = new Set(["RSA_1024", "RSA_2048"]);

export const notFound = (arn: string) =>
  new AwsError(400, "ResourceNotFoundException", `Could not find certificate ${arn}.`);
export const validation = (message: string) => new AwsError(400, "ValidationException", message);

export function keyAlgorithm(cert: CertificateReport): string {
  const key = cert.publicKey;
  if (key.algorithm === "RSA") return `RSA_${key.bits}`;
  if (key.algorithm === "EC") {
    const names: Record<string, string> = {
      "P-256": "EC_prime256v1",
      "P-384": "EC_secp384r1",
      "P-521": "EC_secp521r1",
    };
    const name = key.curve ? names[key.curve] : undefined;
    if (name) return name;
  }
  throw validation(
    `The certificate's key (${key.algorithm}${key.curve ? ` ${key.curve}` : ""}) is not supported by ACM.`,
  );
}

export function signatureAlgorithm(cert: CertificateReport): string {
  const sig = cert.signatureAlgorithm;
  const hash = (sig.hash ?? "").replace("-", "");
  if (sig.scheme === "ECDSA") return `${hash}WITHECDSA`;
  if (sig.scheme === "RSA-PSS") return `${hash}WITHRSAPSS`;
  return `${hash}WITHRSA`;
}

export function commonName(subject: string): string | undefined {
  return /(?:^|, )CN=((?:[^,\\]|\\.)*)/.exec(subject)?.[1]?.replace(/\\(.)/g, "$1");
}

/** ARNs of the domain names that use a certificate. */
export function inUseBy(state: EmulatorState, arn: string): string[] {
  return Object.values(state.domains)
    .filter(
      (d) => d.regionalCertificateArn === arn || d.ownershipVerificationCertificateArn === arn,
    )
    .map((d) => domainArn(d.region, d.domainName))
    .sort();
}

/** PENDING_VALIDATION becomes ISSUED once its time has passed; ISSUED becomes EXPIRED after NotAfter. */
export function finishValidation(cert: Certificate, ctx: Context): Certificate {
  const now = ctx.now();
  if (
    cert.status === "PENDING_VALIDATION" &&
    cert.pendingUntil !== undefined &&
    now >= cert.pendingUntil
  ) {
    cert.status = "ISSUED";
    cert.issuedAt = epochSeconds(cert.pendingUntil);
    delete cert.pendingUntil;
  }
  if (cert.status === "ISSUED" && cert.notAfter * 1000 <= now) cert.status = "EXPIRED";
  return cert;
}

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

export function getCert(ctx: Context, req: EmulatorRequest, arn: string): Certificate {
  const cert = ctx.state.certificates[arn];
  if (!cert || cert.region !== req.region) throw notFound(arn);
  return finishValidation(cert, ctx);
}

export function tagsFrom(body: Record<string, unknown>): Record<string, string> {
  const tags: Record<string, string> = {};
  for (const t of (body.Tags as { Key?: string; Value?: string }[] | undefined) ?? [])
    if (t.Key) tags[t.Key] = t.Value ?? "";
  return tags;
}

/** The emulator's stand-in for Amazon's issuing CA, made once per process. */

export function detail(cert: Certificate, state: EmulatorState) {
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
