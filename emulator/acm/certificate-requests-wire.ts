/**
 * ImportCertificate and RequestCertificate on the wire: the PEM blobs,
 * the names, the key algorithm and the tags read from the request. The
 * state side is ./imported-certificates.ts and
 * ./amazon-issued-certificates.ts.
 */
import { json, parseJsonBody, type Context, type EmulatorRequest } from "../http";
import { ACM_KEY_TYPES as KEY_TYPES } from "../../lib/model/acm-key-types";
import { requestedCertificate } from "./amazon-issued-certificates";
import { storeCertificate } from "./certificates-state";
import { blob, tagsFrom } from "./certificates-wire";
import { validation } from "./errors";
import { importedCertificate } from "./imported-certificates";

export async function importCertificate(req: EmulatorRequest, ctx: Context) {
  const body = parseJsonBody(req);
  const certificatePem = blob(body, "Certificate", true)!;
  const privateKeyPem = blob(body, "PrivateKey", true)!;
  const chainPem = blob(body, "CertificateChain", false);
  const reimport = typeof body.CertificateArn === "string" ? body.CertificateArn : undefined;
  const { cert, previousTags } = await importedCertificate(
    ctx,
    req.region,
    { certificatePem, privateKeyPem, ...(chainPem ? { chainPem } : {}) },
    reimport,
  );
  storeCertificate(ctx.state, { ...cert, tags: previousTags ?? tagsFrom(body) });
  return json(200, { CertificateArn: cert.arn });
}

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
  const cert = await requestedCertificate(ctx, req.region, domainName, sans, requested);
  storeCertificate(ctx.state, { ...cert, tags: tagsFrom(body) });
  return json(200, { CertificateArn: cert.arn });
}
