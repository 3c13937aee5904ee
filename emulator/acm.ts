/**
 * ACM (JSON 1.1): import, request, describe, list, get and delete
 * certificates. Imported certificates are parsed for real (dates, names,
 * key algorithm) and their private key must match.
 */
import { createPublicKey } from "node:crypto";
import { checkTruststore, type CertificateReport } from "../lib/truststore";
import { issue, makeKeys } from "../lib/pki/generate";
import {
  AwsError,
  epochSeconds,
  header,
  json,
  parseJsonBody,
  type Context,
  type EmulatorRequest,
  type Route,
} from "./http";
import { ACCOUNT_ID, domainArn, type Certificate, type EmulatorState } from "./state";

export const KEY_TYPES = [
  "RSA_1024",
  "RSA_2048",
  "RSA_3072",
  "RSA_4096",
  "EC_prime256v1",
  "EC_secp384r1",
  "EC_secp521r1",
] as const;
const DEFAULT_KEY_TYPES = new Set(["RSA_1024", "RSA_2048"]);

const notFound = (arn: string) =>
  new AwsError(400, "ResourceNotFoundException", `Could not find certificate ${arn}.`);
const validation = (message: string) => new AwsError(400, "ValidationException", message);

function keyAlgorithm(cert: CertificateReport): string {
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

function signatureAlgorithm(cert: CertificateReport): string {
  const sig = cert.signatureAlgorithm;
  const hash = (sig.hash ?? "").replace("-", "");
  if (sig.scheme === "ECDSA") return `${hash}WITHECDSA`;
  if (sig.scheme === "RSA-PSS") return `${hash}WITHRSAPSS`;
  return `${hash}WITHRSA`;
}

function commonName(subject: string): string | undefined {
  return /(?:^|, )CN=((?:[^,\\]|\\.)*)/.exec(subject)?.[1]?.replace(/\\(.)/g, "$1");
}

/** ARNs of the domain names that use a certificate. */
function inUseBy(state: EmulatorState, arn: string): string[] {
  return Object.values(state.domains)
    .filter(
      (d) => d.regionalCertificateArn === arn || d.ownershipVerificationCertificateArn === arn,
    )
    .map((d) => domainArn(d.region, d.domainName))
    .sort();
}

/** PENDING_VALIDATION becomes ISSUED once its time has passed; ISSUED becomes EXPIRED after NotAfter. */
function settle(cert: Certificate, ctx: Context): Certificate {
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

function blob(body: Record<string, unknown>, key: string, required: boolean): string | undefined {
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

function arnFrom(body: Record<string, unknown>): string {
  const arn = body.CertificateArn;
  if (typeof arn !== "string" || !arn.startsWith("arn:"))
    throw validation(
      "1 validation error detected: Value at 'certificateArn' failed to satisfy constraint: Member must satisfy regular expression pattern: arn:[\\w+=/,.@-]+:acm:[\\w+=/,.@-]*:[0-9]+:[\\w+=,.@-]+(/[\\w+=,.@-]+)*",
    );
  return arn;
}

function getCert(ctx: Context, req: EmulatorRequest, arn: string): Certificate {
  const cert = ctx.state.certificates[arn];
  if (!cert || cert.region !== req.region) throw notFound(arn);
  return settle(cert, ctx);
}

async function importCertificate(req: EmulatorRequest, ctx: Context) {
  const body = parseJsonBody(req);
  const certificatePem = blob(body, "Certificate", true)!;
  const privateKeyPem = blob(body, "PrivateKey", true)!;
  const chainPem = blob(body, "CertificateChain", false);
  const report = await checkTruststore(certificatePem, { at: new Date(ctx.now()) });
  const parsed = report.certificates[0];
  if (!parsed || report.findings.some((f) => f.severity === "error" && f.rule !== "private-key")) {
    throw validation(
      "Could not parse the certificate: it must be one PEM-encoded X.509 certificate.",
    );
  }
  let keyMatches = false;
  try {
    const spki = createPublicKey(privateKeyPem).export({ type: "spki", format: "der" });
    const certSpki = createPublicKey({ key: parsed.pem, format: "pem" }).export({
      type: "spki",
      format: "der",
    });
    keyMatches = Buffer.compare(spki, certSpki) === 0;
  } catch {
    throw validation("Could not parse the private key: it must be an unencrypted PEM-encoded key.");
  }
  if (!keyMatches)
    throw validation("The private key does not match the public key in the certificate.");

  const reimport = typeof body.CertificateArn === "string" ? body.CertificateArn : undefined;
  if (reimport) {
    const existing = getCert(ctx, req, reimport);
    if (existing.type !== "IMPORTED")
      throw validation("Only imported certificates can be re-imported.");
  }
  const arn =
    reimport ?? `arn:aws:acm:${req.region}:${ACCOUNT_ID}:certificate/${crypto.randomUUID()}`;
  const now = epochSeconds(ctx.now());
  const sans = (parsed.subjectAltNames ?? []).filter((n) => n.type === "DNS").map((n) => n.value);
  const previous = ctx.state.certificates[arn];
  const cert: Certificate = {
    arn,
    region: req.region,
    type: "IMPORTED",
    status: Date.parse(parsed.notAfter) <= ctx.now() ? "EXPIRED" : "ISSUED",
    domainName: commonName(parsed.subject) ?? sans[0] ?? "",
    subjectAlternativeNames: sans.length
      ? sans
      : [commonName(parsed.subject) ?? ""].filter(Boolean),
    keyAlgorithm: keyAlgorithm(parsed),
    signatureAlgorithm: signatureAlgorithm(parsed),
    subject: parsed.subject,
    issuer: parsed.issuer,
    serial: parsed.serialNumber.replace(/(..)(?=.)/g, "$1:").toLowerCase(),
    notBefore: epochSeconds(Date.parse(parsed.notBefore)),
    notAfter: epochSeconds(Date.parse(parsed.notAfter)),
    createdAt: previous?.createdAt ?? now,
    importedAt: now,
    certificatePem: parsed.pem,
    tags: previous?.tags ?? tagsFrom(body),
  };
  if (chainPem) cert.chainPem = chainPem;
  ctx.state.certificates[arn] = cert;
  return json(200, { CertificateArn: arn });
}

function tagsFrom(body: Record<string, unknown>): Record<string, string> {
  const tags: Record<string, string> = {};
  for (const t of (body.Tags as { Key?: string; Value?: string }[] | undefined) ?? [])
    if (t.Key) tags[t.Key] = t.Value ?? "";
  return tags;
}

/** The emulator's stand-in for Amazon's issuing CA, made once per process. */
let amazonCa: ReturnType<typeof issue> | undefined;

async function requestCertificate(req: EmulatorRequest, ctx: Context) {
  const body = parseJsonBody(req);
  const domainName = body.DomainName;
  if (typeof domainName !== "string" || !domainName)
    throw validation(
      "1 validation error detected: Value null at 'domainName' failed to satisfy constraint: Member must not be null",
    );
  const sans = Array.isArray(body.SubjectAlternativeNames)
    ? (body.SubjectAlternativeNames as string[])
    : [];
  const requested = typeof body.KeyAlgorithm === "string" ? body.KeyAlgorithm : "RSA_2048";
  if (!KEY_TYPES.includes(requested as (typeof KEY_TYPES)[number]) || requested === "RSA_1024")
    throw validation(`Invalid KeyAlgorithm ${requested}.`);
  const now = ctx.now();
  const issued = await issueAmazonCertificate(
    domainName,
    [domainName, ...sans.filter((s) => s !== domainName)],
    requested,
    now,
  );
  const arn = `arn:aws:acm:${req.region}:${ACCOUNT_ID}:certificate/${crypto.randomUUID()}`;
  // LocalStack issues at once; so does the emulator in its compatibility mode.
  const delay = ctx.config.compat === "localstack" ? 0 : ctx.config.issueDelayMs;
  const cert: Certificate = {
    ...issued,
    arn,
    region: req.region,
    status: delay > 0 ? "PENDING_VALIDATION" : "ISSUED",
    createdAt: epochSeconds(now),
    tags: tagsFrom(body),
  };
  if (delay > 0) cert.pendingUntil = now + delay;
  else cert.issuedAt = epochSeconds(now);
  ctx.state.certificates[arn] = cert;
  return json(200, { CertificateArn: arn });
}

/** A certificate as ACM would issue it (13 months), for RequestCertificate and the demo data. */
export async function issueAmazonCertificate(
  domainName: string,
  names: string[],
  keyAlgorithmName: string,
  now: number,
  validity: { notBefore?: number; notAfter?: number } = {},
  shareKey?: string,
): Promise<Omit<Certificate, "arn" | "region" | "status" | "createdAt" | "tags">> {
  amazonCa ??= issue({
    subject: "CN=Amazon RSA 2048 M03 (emulated), O=Amazon, C=US",
    key: { rsa: 2048 },
  });
  const ca = await amazonCa;
  const key = keyAlgorithmName.startsWith("EC_")
    ? {
        ec: ({ EC_prime256v1: "P-256", EC_secp384r1: "P-384", EC_secp521r1: "P-521" } as const)[
          keyAlgorithmName as "EC_prime256v1"
        ],
      }
    : { rsa: Number(keyAlgorithmName.slice(4)) as 2048 | 3072 | 4096 };
  const notBefore = validity.notBefore ?? now;
  const notAfter = validity.notAfter ?? now + 395 * 86_400_000;
  const leaf = await issue({
    subject: `CN=${domainName}`,
    issuer: ca,
    key,
    ...(shareKey ? { keys: await makeKeys(key, shareKey) } : {}),
    ca: false,
    sans: names,
    notBefore: new Date(notBefore),
    notAfter: new Date(notAfter),
  });
  const report = await checkTruststore(leaf.pem, { at: new Date(now) });
  const parsed = report.certificates[0]!;
  return {
    type: "AMAZON_ISSUED",
    domainName,
    subjectAlternativeNames: names,
    keyAlgorithm: keyAlgorithmName,
    signatureAlgorithm: "SHA256WITHRSA",
    subject: parsed.subject,
    issuer: "Amazon",
    serial: parsed.serialNumber.replace(/(..)(?=.)/g, "$1:").toLowerCase(),
    notBefore: epochSeconds(notBefore),
    notAfter: epochSeconds(notAfter),
    issuedAt: epochSeconds(notBefore),
    certificatePem: leaf.pem,
    chainPem: ca.pem,
  };
}

function detail(cert: Certificate, state: EmulatorState) {
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

function listCertificates(req: EmulatorRequest, ctx: Context) {
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
    .map((c) => settle(c, ctx))
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

export function route(req: EmulatorRequest): Route | null {
  const target = header(req, "x-amz-target") ?? "";
  const operation = target.startsWith("CertificateManager.")
    ? target.slice("CertificateManager.".length)
    : "";
  const r = (mutates: boolean, run: Route["run"]): Route => ({ operation, mutates, run });
  switch (operation) {
    case "ImportCertificate":
      return r(true, (ctx) => importCertificate(req, ctx));
    case "RequestCertificate":
      return r(true, (ctx) => requestCertificate(req, ctx));
    case "DescribeCertificate":
      return r(false, (ctx) =>
        json(200, {
          Certificate: detail(getCert(ctx, req, arnFrom(parseJsonBody(req))), ctx.state),
        }),
      );
    case "ListCertificates":
      return r(false, (ctx) => listCertificates(req, ctx));
    case "GetCertificate":
      return r(false, (ctx) => {
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
      });
    case "DeleteCertificate":
      return r(true, (ctx) => {
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
      });
    default:
      return operation || target
        ? {
            operation: operation || target,
            mutates: false,
            run: () => {
              throw new AwsError(
                400,
                "UnknownOperationException",
                `Operation ${target} is not supported by this emulator.`,
              );
            },
          }
        : null;
  }
}
