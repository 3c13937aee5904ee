/**
 * Amazon-issued certificates in the emulator's state: RequestCertificate's,
 * PENDING_VALIDATION until the emulator clock passes the issue delay; the
 * demo seed issues them the same way. The wire side is
 * ./certificate-requests-wire.ts.
 */
import { checkTruststore } from "../../lib/truststore";
import { issue, makeKeys } from "../../lib/pki/generate";
import { epochSeconds, type Context } from "../http";
import type { Certificate } from "../state";

/** The one "Amazon" CA that signs every requested certificate. */
let amazonCa: ReturnType<typeof issue> | undefined;

/** A requested certificate's record (tags aside: the request's). */
export async function requestedCertificate(
  ctx: Context,
  region: string,
  domainName: string,
  sans: string[],
  keyAlgorithmName: string,
): Promise<Omit<Certificate, "tags">> {
  const now = ctx.now();
  const issued = await issueAmazonCertificate(
    domainName,
    [domainName, ...sans.filter((s) => s !== domainName)],
    keyAlgorithmName,
    now,
  );
  const arn = `arn:aws:acm:${region}:${ctx.account}:certificate/${crypto.randomUUID()}`;
  // LocalStack issues at once; so does the emulator in its compatibility mode.
  const delay = ctx.config.compat === "localstack" ? 0 : ctx.config.issueDelayMs;
  const cert: Omit<Certificate, "tags"> = {
    ...issued,
    arn,
    region,
    status: delay > 0 ? "PENDING_VALIDATION" : "ISSUED",
    createdAt: epochSeconds(now),
  };
  if (delay > 0) cert.pendingUntil = now + delay;
  else cert.issuedAt = epochSeconds(now);
  return cert;
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
