/**
 * An imported certificate in the emulator's state: the certificate parsed
 * for real (dates, names, key algorithm), its private key matched to it, a
 * re-import keeping the ARN, creation date and tags. The wire side is
 * ./certificate-requests-wire.ts.
 */
import { createPublicKey } from "node:crypto";
import { checkTruststore } from "../../lib/truststore";

import { epochSeconds, type Context } from "../http";
import type { Certificate } from "../state";
import { keyAlgorithm, signatureAlgorithm } from "./algorithms";
import { getCert } from "./certificates-state";
import { validation } from "./errors";

function commonName(subject: string): string | undefined {
  return /(?:^|, )CN=((?:[^,\\]|\\.)*)/.exec(subject)?.[1]?.replace(/\\(.)/g, "$1");
}

/**
 * The certificate record the PEMs make (tags aside: a re-import keeps
 * `previousTags`, a first import takes the request's).
 */
export async function importedCertificate(
  ctx: Context,
  region: string,
  pems: { certificatePem: string; privateKeyPem: string; chainPem?: string },
  reimport: string | undefined,
): Promise<{ cert: Omit<Certificate, "tags">; previousTags?: Record<string, string> }> {
  const { certificatePem, privateKeyPem, chainPem } = pems;
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

  if (reimport) {
    const existing = getCert(ctx, region, reimport);
    if (existing.type !== "IMPORTED")
      throw validation("Only imported certificates can be re-imported.");
  }
  const arn = reimport ?? `arn:aws:acm:${region}:${ctx.account}:certificate/${crypto.randomUUID()}`;
  const now = epochSeconds(ctx.now());
  const sans = (parsed.subjectAltNames ?? []).filter((n) => n.type === "DNS").map((n) => n.value);
  const previous = ctx.state.certificates[arn];
  const cert: Omit<Certificate, "tags"> = {
    arn,
    region,
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
    privateKeyPem,
  };
  if (chainPem) cert.chainPem = chainPem;
  return { cert, ...(previous ? { previousTags: previous.tags } : {}) };
}
