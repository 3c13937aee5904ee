/**
 * UpdateDomainName on the wire: `replace` patch operations on the paths AWS
 * allows, checked before the state side (./domain-name-updates-state.ts)
 * applies them. LocalStack answers 501.
 */
import { AwsError, json, parseJsonBody } from "../http";
import type { Handler } from "../route-table";
import { badRequest, type PatchOperation } from "./common";
import { updateDomain } from "./domain-name-updates-state";
import { findDomain, finishUpdating } from "./domain-names-state";
import { domainView } from "./domain-names-wire";

const DOMAIN_PATCH_PATHS = new Set([
  "/mutualTlsAuthentication/truststoreUri",
  "/mutualTlsAuthentication/truststoreVersion",
  "/securityPolicy",
  "/regionalCertificateArn",
  "/regionalCertificateName",
  "/ownershipVerificationCertificateArn",
  "/endpointConfiguration/types/0",
  "/endpointConfiguration/ipAddressType",
  "/routingMode",
]);

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
  const changes = operations.map((op) => ({ path: op.path!, value: op.value ?? "" }));
  return json(200, domainView(await updateDomain(ctx, domain, changes), ctx));
};
