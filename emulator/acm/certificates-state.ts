/**
 * ACM certificates in the emulator's state: lookups, PENDING_VALIDATION
 * settling on the emulator clock, the domain names that use one, listing,
 * storing and deleting. The wire side is ./certificates-wire.ts.
 */
import { AwsError, epochSeconds, type Context } from "../http";
import { domainArn, type Certificate, type AccountState } from "../state";
import { notFound } from "./errors";

/** ARNs of the domain names that use a certificate. */
export function inUseBy(state: AccountState, arn: string): string[] {
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

export function getCert(ctx: Context, region: string, arn: string): Certificate {
  const cert = ctx.state.certificates[arn];
  if (!cert || cert.region !== region) throw notFound(arn);
  return finishValidation(cert, ctx);
}

/** The region's certificates, settled, in the order they were created (insertion order). */
export function certificatesIn(ctx: Context, region: string): Certificate[] {
  return Object.values(ctx.state.certificates)
    .filter((c) => c.region === region)
    .map((c) => finishValidation(c, ctx));
}

export function storeCertificate(state: AccountState, cert: Certificate): void {
  state.certificates[cert.arn] = cert;
}

/** Deletes a certificate no domain name uses. */
export function deleteCertificate(state: AccountState, cert: Certificate): void {
  const users = inUseBy(state, cert.arn);
  if (users.length)
    throw new AwsError(
      400,
      "ResourceInUseException",
      `Certificate ${cert.arn} in account ${cert.arn.split(":")[4]} is in use by ${users.join(", ")}.`,
    );
  delete state.certificates[cert.arn];
}
