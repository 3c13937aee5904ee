/**
 * RequestCertificate: an Amazon-issued certificate, PENDING_VALIDATION
 * until the emulator clock passes the issue delay; the demo seed issues
 * them the same way.
 */

import { checkTruststore } from "../../lib/truststore";
import { issue, makeKeys } from "../../lib/pki/generate";
import { epochSeconds, json, parseJsonBody, type Context, type EmulatorRequest } from "../http";
import { ACCOUNT_ID, type Certificate } from "../state";
import { KEY_TYPES, tagsFrom, validation } from "./common";

/** The one "Amazon" CA that signs every requested certificate. */
let amazonCa: ReturnType<typeof issue> | undefined;

export async function requestCertificate(req: EmulatorRequest, ctx: Context) {
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
