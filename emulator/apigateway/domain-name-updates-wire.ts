/**
 * UpdateDomainName: `replace` patch operations on the paths AWS allows;
 * everything is validated on a copy before the domain changes, which then
 * is UPDATING for the configured time. LocalStack answers 501.
 */
import { AwsError, epochSeconds, json, parseJsonBody } from "../http";
import { domainKey, type DomainName } from "../state";
import { badRequest, conflict, type PatchOperation } from "./common";
import {
  certificateFor,
  checkMtlsRequirements,
  domainView,
  findDomain,
  finishUpdating,
} from "./domain-names";
import { applyTruststoreWarnings } from "./truststore-warnings";
import type { Handler } from "../route-table";

const DOMAIN_PATCH_PATHS = new Set([
  "/mutualTlsAuthentication/truststoreUri",
  "/mutualTlsAuthentication/truststoreVersion",
  "/securityPolicy",
  "/regionalCertificateArn",
  "/regionalCertificateName",
  "/ownershipVerificationCertificateArn",
  "/endpointConfiguration/types/0",
]);

/** UpdateDomainName: replace operations on the paths AWS allows, validated before anything changes. */
export const updateDomainName: Handler = async (req, ctx, { domainName: rawName }) => {
  if (ctx.config.compat === "localstack") {
    throw new AwsError(
      501,
      "InternalFailure",
      "The API action 'UpdateDomainName' for service 'apigateway' is either not available in your current license plan or has not yet been emulated by LocalStack.",
    );
  }
  const domain = finishUpdating(findDomain(ctx.state, req.region, rawName!), ctx);
  const body = parseJsonBody(req);
  const operations = (body.patchOperations as PatchOperation[] | undefined) ?? [];
  if (!Array.isArray(operations) || operations.length === 0)
    throw badRequest("At least one patch operation must be specified.");
  for (const op of operations) {
    if (op.op !== "replace")
      throw badRequest(
        `Invalid patch operation specified. Must be 'replace' (got '${op.op ?? ""}').`,
      );
    if (!op.path || !DOMAIN_PATCH_PATHS.has(op.path))
      throw badRequest(`Invalid patch path '${op.path ?? ""}' specified for op 'replace'.`);
  }
  if (domain.status === "UPDATING") {
    throw conflict(
      `The domain name ${domain.domainName} is being updated (status UPDATING). Try again when it is AVAILABLE.`,
    );
  }
  const onlyOwnership = operations.every(
    (op) => op.path === "/ownershipVerificationCertificateArn",
  );
  if (domain.status === "PENDING_OWNERSHIP_VERIFICATION" && !onlyOwnership) {
    throw badRequest(
      "Updates to this domain name are locked until a valid ownership verification certificate is set (ownershipVerificationCertificateArn).",
    );
  }

  // Apply to a copy: a failed update changes nothing.
  const next: DomainName = structuredClone(domain);
  let touchesTruststore = false;
  // A new truststore URI resets the version: apply it before a version set in the same call.
  const ordered = [...operations].sort(
    (a, b) =>
      Number(b.path === "/mutualTlsAuthentication/truststoreUri") -
      Number(a.path === "/mutualTlsAuthentication/truststoreUri"),
  );
  for (const op of ordered) {
    const value = op.value ?? "";
    switch (op.path) {
      case "/mutualTlsAuthentication/truststoreUri":
        touchesTruststore = true;
        if (value === "") delete next.mutualTls;
        else next.mutualTls = { truststoreUri: value, truststoreWarnings: [] };
        break;
      case "/mutualTlsAuthentication/truststoreVersion":
        if (!next.mutualTls)
          throw badRequest(
            "Mutual TLS is not enabled on this domain name: set truststoreUri first.",
          );
        touchesTruststore = true;
        next.mutualTls = { ...next.mutualTls, truststoreVersion: value };
        if (value === "") delete next.mutualTls.truststoreVersion;
        break;
      case "/securityPolicy":
        if (!["TLS_1_0", "TLS_1_2"].includes(value) && !value.startsWith("SecurityPolicy_"))
          throw badRequest(`Invalid security policy ${value}.`);
        next.securityPolicy = value;
        break;
      case "/regionalCertificateArn": {
        const cert = certificateFor(ctx, req.region, value, "regionalCertificateArn");
        if (cert.status !== "ISSUED") throw badRequest(`Certificate ${value} is not ISSUED.`);
        next.regionalCertificateArn = value;
        next.certificateUploadDate = epochSeconds(ctx.now());
        break;
      }
      case "/regionalCertificateName":
        next.regionalCertificateName = value;
        break;
      case "/ownershipVerificationCertificateArn": {
        const cert = certificateFor(ctx, req.region, value, "ownershipVerificationCertificateArn");
        if (cert.type !== "AMAZON_ISSUED")
          throw badRequest(
            "The ownership verification certificate must be issued by ACM (AMAZON_ISSUED).",
          );
        if (cert.status !== "ISSUED" || cert.notAfter <= epochSeconds(ctx.now())) {
          throw badRequest(
            `The ownership verification certificate ${value} is not valid (${cert.status}).`,
          );
        }
        next.ownershipVerificationCertificateArn = value;
        break;
      }
      case "/endpointConfiguration/types/0":
        if (!["REGIONAL", "EDGE"].includes(value))
          throw badRequest(`Invalid endpoint type ${value}.`);
        next.endpointType = value as DomainName["endpointType"];
        break;
    }
  }
  checkMtlsRequirements(ctx, next);
  if (touchesTruststore && next.mutualTls) await applyTruststoreWarnings(ctx, next.mutualTls);
  if (ctx.config.updatingMs > 0) {
    next.status = "UPDATING";
    next.updatingUntil = ctx.now() + ctx.config.updatingMs;
    // The data plane keeps enforcing what was in force until the update has propagated.
    if (touchesTruststore)
      next.servingMutualTls = domain.mutualTls
        ? {
            truststoreUri: domain.mutualTls.truststoreUri,
            ...(domain.mutualTls.truststoreVersion
              ? { truststoreVersion: domain.mutualTls.truststoreVersion }
              : {}),
          }
        : null;
  } else {
    next.status = "AVAILABLE";
    delete next.updatingUntil;
  }
  delete next.statusMessage;
  ctx.state.domains[domainKey(req.region, domain.domainName)] = next;
  return json(200, domainView(next, ctx));
};
