/**
 * ImportCertificate: the certificate parsed for real (dates, names, key
 * algorithm); the private key must match it.
 */
import { createPublicKey } from "node:crypto";
import { checkTruststore } from "../../lib/truststore";

import { epochSeconds, json, parseJsonBody, type Context, type EmulatorRequest } from "../http";
import { ACCOUNT_ID, type Certificate } from "../state";
import {
  blob,
  commonName,
  getCert,
  keyAlgorithm,
  signatureAlgorithm,
  tagsFrom,
  validation,
} from "./common";

export async function importCertificate(req: EmulatorRequest, ctx: Context) {
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
    privateKeyPem,
    tags: previous?.tags ?? tagsFrom(body),
  };
  if (chainPem) cert.chainPem = chainPem;
  ctx.state.certificates[arn] = cert;
  return json(200, { CertificateArn: arn });
}
