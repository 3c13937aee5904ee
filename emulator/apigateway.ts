/**
 * API Gateway (REST-JSON): custom domain names with mutual TLS, base path
 * mappings and REST APIs. Fields, codes and messages follow the service
 * model; the list key is `item`, timestamps are epoch seconds.
 */
import { checkTruststore } from "../lib/truststore";
import {
  AwsError,
  epochSeconds,
  json,
  parseJsonBody,
  type Context,
  type EmulatorRequest,
  type Reply,
  type Route,
} from "./http";
import { readObjectForTruststore } from "./s3";
import {
  domainArn,
  domainKey,
  mappingKey,
  randomId,
  restApiKey,
  type BasePathMapping,
  type DomainName,
  type EmulatorState,
  type RestApi,
} from "./state";

const badRequest = (message: string) => new AwsError(400, "BadRequestException", message);
const notFound = (message: string) => new AwsError(404, "NotFoundException", message);
const conflict = (message: string) => new AwsError(409, "ConflictException", message);

interface PatchOperation {
  op?: string;
  path?: string;
  value?: string;
  from?: string;
}

function str(body: Record<string, unknown>, key: string): string | undefined {
  const v = body[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== "string") throw badRequest(`Invalid value for ${key}: a string is required.`);
  return v;
}

function parseLimit(req: EmulatorRequest, ctx: Context): number {
  if (ctx.config.compat === "localstack") return Number.MAX_SAFE_INTEGER;
  const raw = req.url.searchParams.get("limit");
  if (raw === null) return 25;
  const limit = Number(raw);
  if (!Number.isInteger(limit) || limit < 1 || limit > 500) {
    throw badRequest(
      "1 validation error detected: Value at 'limit' failed to satisfy constraint: Member must have value less than or equal to 500",
    );
  }
  return limit;
}

/** Pages a sorted list with an opaque `position` token. */
function page<T>(
  items: T[],
  req: EmulatorRequest,
  ctx: Context,
  view: (item: T) => unknown,
): Reply {
  const limit = parseLimit(req, ctx);
  const position = req.url.searchParams.get("position");
  let start = 0;
  if (position) {
    const decoded = Number(Buffer.from(position, "base64url").toString("utf8"));
    if (!Number.isInteger(decoded) || decoded < 0) throw badRequest("Invalid position parameter.");
    start = decoded;
  }
  const slice = items.slice(start, start + limit);
  const body: { item: unknown[]; position?: string } = { item: slice.map(view) };
  if (start + limit < items.length)
    body.position = Buffer.from(String(start + limit)).toString("base64url");
  return json(200, body);
}

/** UPDATING settles to AVAILABLE once its time has passed on the emulator clock. */
export function settle(domain: DomainName, ctx: Context): DomainName {
  if (
    domain.status === "UPDATING" &&
    domain.updatingUntil !== undefined &&
    ctx.now() >= domain.updatingUntil
  ) {
    domain.status = "AVAILABLE";
    delete domain.statusMessage;
    delete domain.updatingUntil;
  }
  if (ctx.config.compat === "localstack") domain.status = "AVAILABLE";
  return domain;
}

export function domainView(d: DomainName, ctx: Context): Record<string, unknown> {
  const view: Record<string, unknown> = {
    domainName: d.domainName,
    domainNameArn: domainArn(d.region, d.domainName),
    certificateUploadDate: d.certificateUploadDate,
    regionalDomainName: d.regionalDomainName,
    regionalHostedZoneId: d.regionalHostedZoneId,
    endpointConfiguration: { types: [d.endpointType] },
    domainNameStatus: d.status,
    securityPolicy: d.securityPolicy,
    tags: d.tags,
  };
  if (d.regionalCertificateArn) view.regionalCertificateArn = d.regionalCertificateArn;
  if (d.regionalCertificateName) view.regionalCertificateName = d.regionalCertificateName;
  if (d.statusMessage) view.domainNameStatusMessage = d.statusMessage;
  if (ctx.config.compat !== "localstack") {
    if (d.mutualTls) {
      view.mutualTlsAuthentication = {
        truststoreUri: d.mutualTls.truststoreUri,
        ...(d.mutualTls.truststoreVersion
          ? { truststoreVersion: d.mutualTls.truststoreVersion }
          : {}),
        truststoreWarnings: d.mutualTls.truststoreWarnings,
      };
    }
    if (d.ownershipVerificationCertificateArn)
      view.ownershipVerificationCertificateArn = d.ownershipVerificationCertificateArn;
  }
  return view;
}

function findDomain(state: EmulatorState, region: string, rawName: string): DomainName {
  const name = decodeURIComponent(rawName);
  const domain = state.domains[domainKey(region, name)];
  if (!domain) throw notFound("Invalid domain name identifier specified");
  return domain;
}

function parseS3Uri(uri: string): { bucket: string; key: string } {
  const match = /^s3:\/\/([^/]+)\/(.+)$/.exec(uri);
  if (!match) throw badRequest(`Invalid truststore URI ${uri}: it must look like s3://bucket/key.`);
  return { bucket: match[1]!, key: match[2]! };
}

/**
 * Reads the truststore object version the domain points to and turns every
 * warning-level finding into one truststoreWarnings string, as API Gateway
 * does at create and update time. A file the engine refuses fails the call.
 */
export async function truststoreWarnings(
  ctx: Context,
  uri: string,
  version: string | undefined,
): Promise<{ version: string | undefined; warnings: string[] }> {
  const { bucket, key } = parseS3Uri(uri);
  const object = readObjectForTruststore(ctx.state, bucket, key, version);
  if ("error" in object) throw badRequest(object.error);
  const report = await checkTruststore(object.body, { at: new Date(ctx.now()) });
  const errors = report.findings.filter((f) => f.severity === "error");
  if (errors.length) {
    throw badRequest(
      `Invalid truststore ${uri}${version ? ` (version ${version})` : ""}: ${errors.map((f) => `${f.rule}: ${f.message}`).join(" ")}`,
    );
  }
  const warnings = report.findings
    .filter((f) => f.severity === "warning")
    .map((f) => `${f.rule}: ${f.message}`);
  return { version: object.versionId, warnings };
}

function certificateFor(ctx: Context, region: string, arn: string, field: string) {
  const cert = ctx.state.certificates[arn];
  if (!cert || cert.region !== region)
    throw badRequest(`Certificate ${arn} not found in ACM (${field}).`);
  return cert;
}

function checkMtlsRequirements(ctx: Context, d: DomainName) {
  if (!d.mutualTls) return;
  if (d.endpointType !== "REGIONAL")
    throw badRequest("Mutual TLS is only supported for REGIONAL custom domain names.");
  if (d.securityPolicy !== "TLS_1_2") {
    throw badRequest(
      `Mutual TLS cannot be used with security policy ${d.securityPolicy}: it requires TLS_1_2.`,
    );
  }
  const server = d.regionalCertificateArn
    ? ctx.state.certificates[d.regionalCertificateArn]
    : undefined;
  if (server && server.type !== "AMAZON_ISSUED") {
    if (!d.ownershipVerificationCertificateArn)
      throw badRequest("Missing ownershipVerificationCertificate.");
  }
  if (d.ownershipVerificationCertificateArn) {
    const owner = certificateFor(
      ctx,
      d.region,
      d.ownershipVerificationCertificateArn,
      "ownershipVerificationCertificateArn",
    );
    if (owner.type !== "AMAZON_ISSUED") {
      throw badRequest(
        "The ownership verification certificate must be issued by ACM (AMAZON_ISSUED).",
      );
    }
  }
}

function regionalHostname(region: string): { name: string; zone: string } {
  return { name: `d-${randomId(10)}.execute-api.${region}.amazonaws.com`, zone: "Z1UJRXOUMOOFQ8" };
}

async function createDomainName(req: EmulatorRequest, ctx: Context): Promise<Reply> {
  const body = parseJsonBody(req);
  const name = str(body, "domainName");
  if (!name) throw badRequest("Domain name must be specified");
  if (!/^[a-z0-9*]([a-z0-9-.]{0,251}[a-z0-9])?$/i.test(name))
    throw badRequest(`Invalid domain name ${name}.`);
  if (ctx.state.domains[domainKey(req.region, name)])
    throw conflict("The domain name you provided already exists.");
  const endpoint =
    (body.endpointConfiguration as { types?: string[] } | undefined)?.types?.[0] ?? "EDGE";
  if (!["REGIONAL", "EDGE", "PRIVATE"].includes(endpoint))
    throw badRequest(`Invalid endpoint type ${endpoint}.`);
  const certificateArn = str(body, "regionalCertificateArn") ?? str(body, "certificateArn");
  if (!certificateArn)
    throw badRequest(
      "A certificate ARN must be specified (regionalCertificateArn for REGIONAL endpoints).",
    );
  const cert = certificateFor(ctx, req.region, certificateArn, "regionalCertificateArn");
  if (cert.status !== "ISSUED")
    throw badRequest(`Certificate ${certificateArn} is not ISSUED (it is ${cert.status}).`);
  const host = regionalHostname(req.region);
  const domain: DomainName = {
    region: req.region,
    domainName: name,
    domainNameId: randomId(10),
    regionalDomainName: host.name,
    regionalHostedZoneId: host.zone,
    regionalCertificateArn: certificateArn,
    endpointType: endpoint as DomainName["endpointType"],
    securityPolicy: str(body, "securityPolicy") ?? "TLS_1_2",
    status: "AVAILABLE",
    certificateUploadDate: epochSeconds(ctx.now()),
    tags: (body.tags as Record<string, string> | undefined) ?? {},
  };
  const certificateName = str(body, "regionalCertificateName");
  if (certificateName) domain.regionalCertificateName = certificateName;
  const ownership = str(body, "ownershipVerificationCertificateArn");
  const mtls = body.mutualTlsAuthentication as
    { truststoreUri?: string; truststoreVersion?: string } | undefined;
  if (ctx.config.compat !== "localstack") {
    if (ownership) domain.ownershipVerificationCertificateArn = ownership;
    if (mtls?.truststoreUri) {
      domain.mutualTls = { truststoreUri: mtls.truststoreUri, truststoreWarnings: [] };
      if (mtls.truststoreVersion) domain.mutualTls.truststoreVersion = mtls.truststoreVersion;
    }
    checkMtlsRequirements(ctx, domain);
    if (domain.mutualTls) {
      const result = await truststoreWarnings(
        ctx,
        domain.mutualTls.truststoreUri,
        domain.mutualTls.truststoreVersion,
      );
      domain.mutualTls.truststoreWarnings = result.warnings;
      if (result.version && result.version !== "null")
        domain.mutualTls.truststoreVersion = result.version;
    }
  }
  ctx.state.domains[domainKey(req.region, name)] = domain;
  return json(201, domainView(domain, ctx));
}

const DOMAIN_PATCH_PATHS = new Set([
  "/mutualTlsAuthentication/truststoreUri",
  "/mutualTlsAuthentication/truststoreVersion",
  "/securityPolicy",
  "/regionalCertificateArn",
  "/regionalCertificateName",
  "/ownershipVerificationCertificateArn",
  "/endpointConfiguration/types/0",
]);

async function updateDomainName(
  req: EmulatorRequest,
  ctx: Context,
  rawName: string,
): Promise<Reply> {
  if (ctx.config.compat === "localstack") {
    throw new AwsError(
      501,
      "InternalFailure",
      "The API action 'UpdateDomainName' for service 'apigateway' is either not available in your current license plan or has not yet been emulated by LocalStack.",
    );
  }
  const domain = settle(findDomain(ctx.state, req.region, rawName), ctx);
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
  if (touchesTruststore && next.mutualTls) {
    const result = await truststoreWarnings(
      ctx,
      next.mutualTls.truststoreUri,
      next.mutualTls.truststoreVersion,
    );
    next.mutualTls.truststoreWarnings = result.warnings;
    if (result.version && result.version !== "null")
      next.mutualTls.truststoreVersion = result.version;
  }
  if (ctx.config.updatingMs > 0) {
    next.status = "UPDATING";
    next.updatingUntil = ctx.now() + ctx.config.updatingMs;
  } else {
    next.status = "AVAILABLE";
    delete next.updatingUntil;
  }
  delete next.statusMessage;
  ctx.state.domains[domainKey(req.region, domain.domainName)] = next;
  return json(200, domainView(next, ctx));
}

function mappingView(m: BasePathMapping) {
  return {
    basePath: m.basePath === "" ? "(none)" : m.basePath,
    restApiId: m.restApiId,
    ...(m.stage ? { stage: m.stage } : {}),
  };
}

function restApiView(api: RestApi) {
  return {
    id: api.id,
    name: api.name,
    ...(api.description ? { description: api.description } : {}),
    createdDate: api.createdDate,
    apiKeySource: "HEADER",
    endpointConfiguration: { types: api.endpointTypes },
    disableExecuteApiEndpoint: api.disableExecuteApiEndpoint,
    tags: api.tags,
  };
}

function findRestApi(state: EmulatorState, region: string, id: string): RestApi {
  const api = state.restApis[restApiKey(region, decodeURIComponent(id))];
  if (!api) throw notFound("Invalid API identifier specified");
  return api;
}

const normalizeBasePath = (raw: string | undefined) => {
  const value = decodeURIComponent(raw ?? "");
  return value === "(none)" ? "" : value;
};

function mappingsOf(state: EmulatorState, region: string, domain: string): BasePathMapping[] {
  return Object.values(state.mappings)
    .filter((m) => m.region === region && m.domainName === domain)
    .sort((a, b) => a.basePath.localeCompare(b.basePath));
}

/** Matches a request to its API Gateway operation. */
export function route(req: EmulatorRequest): Route | null {
  const parts = req.rawPath.split("/").filter(Boolean);
  const m = req.method;
  const r = (operation: string, mutates: boolean, run: Route["run"]): Route => ({
    operation,
    mutates,
    run,
  });

  if (parts[0] === "domainnames") {
    if (parts.length === 1 && m === "GET") {
      return r("GetDomainNames", false, (ctx) =>
        page(
          Object.values(ctx.state.domains)
            .filter((d) => d.region === req.region)
            .sort((a, b) => a.domainName.localeCompare(b.domainName)),
          req,
          ctx,
          (d) => domainView(settle(d, ctx), ctx),
        ),
      );
    }
    if (parts.length === 1 && m === "POST")
      return r("CreateDomainName", true, (ctx) => createDomainName(req, ctx));
    const name = parts[1]!;
    if (parts.length === 2) {
      if (m === "GET")
        return r("GetDomainName", false, (ctx) =>
          json(200, domainView(settle(findDomain(ctx.state, req.region, name), ctx), ctx)),
        );
      if (m === "PATCH")
        return r("UpdateDomainName", true, (ctx) => updateDomainName(req, ctx, name));
      if (m === "DELETE") {
        return r("DeleteDomainName", true, (ctx) => {
          const d = findDomain(ctx.state, req.region, name);
          for (const mapping of mappingsOf(ctx.state, req.region, d.domainName)) {
            delete ctx.state.mappings[mappingKey(req.region, d.domainName, mapping.basePath)];
          }
          delete ctx.state.domains[domainKey(req.region, d.domainName)];
          return { status: 202 };
        });
      }
    }
    if (parts[2] === "basepathmappings") {
      if (parts.length === 3 && m === "GET") {
        return r("GetBasePathMappings", false, (ctx) => {
          const d = findDomain(ctx.state, req.region, name);
          return page(mappingsOf(ctx.state, req.region, d.domainName), req, ctx, mappingView);
        });
      }
      if (parts.length === 3 && m === "POST") {
        return r("CreateBasePathMapping", true, (ctx) => {
          const d = findDomain(ctx.state, req.region, name);
          const body = parseJsonBody(req);
          const restApiId = str(body, "restApiId");
          if (!restApiId) throw badRequest("restApiId must be specified");
          findRestApi(ctx.state, req.region, restApiId);
          const basePath = normalizeBasePath(str(body, "basePath"));
          const key = mappingKey(req.region, d.domainName, basePath);
          if (ctx.state.mappings[key])
            throw conflict("Base path already exists for this domain name");
          const mapping: BasePathMapping = {
            region: req.region,
            domainName: d.domainName,
            basePath,
            restApiId,
          };
          const stage = str(body, "stage");
          if (stage) mapping.stage = stage;
          ctx.state.mappings[key] = mapping;
          return json(201, mappingView(mapping));
        });
      }
      if (parts.length === 4) {
        const lookup = (ctx: Context) => {
          const d = findDomain(ctx.state, req.region, name);
          const key = mappingKey(req.region, d.domainName, normalizeBasePath(parts[3]));
          const mapping = ctx.state.mappings[key];
          if (!mapping) throw notFound("Invalid base path mapping identifier specified");
          return { key, mapping };
        };
        if (m === "GET")
          return r("GetBasePathMapping", false, (ctx) =>
            json(200, mappingView(lookup(ctx).mapping)),
          );
        if (m === "DELETE") {
          return r("DeleteBasePathMapping", true, (ctx) => {
            delete ctx.state.mappings[lookup(ctx).key];
            return { status: 202 };
          });
        }
      }
    }
  }

  if (parts[0] === "restapis") {
    if (parts.length === 1 && m === "GET") {
      return r("GetRestApis", false, (ctx) =>
        page(
          Object.values(ctx.state.restApis)
            .filter((a) => a.region === req.region)
            .sort((a, b) => a.id.localeCompare(b.id)),
          req,
          ctx,
          restApiView,
        ),
      );
    }
    if (parts.length === 1 && m === "POST") {
      return r("CreateRestApi", true, (ctx) => {
        const body = parseJsonBody(req);
        const name = str(body, "name");
        if (!name) throw badRequest("Invalid REST API name specified");
        const api: RestApi = {
          region: req.region,
          id: randomId(10),
          name,
          createdDate: epochSeconds(ctx.now()),
          disableExecuteApiEndpoint: body.disableExecuteApiEndpoint === true,
          endpointTypes: (body.endpointConfiguration as { types?: string[] } | undefined)
            ?.types ?? ["EDGE"],
          tags: (body.tags as Record<string, string> | undefined) ?? {},
        };
        const description = str(body, "description");
        if (description) api.description = description;
        ctx.state.restApis[restApiKey(req.region, api.id)] = api;
        return json(201, restApiView(api));
      });
    }
    if (parts.length === 2) {
      const id = parts[1]!;
      if (m === "GET")
        return r("GetRestApi", false, (ctx) =>
          json(200, restApiView(findRestApi(ctx.state, req.region, id))),
        );
      if (m === "PATCH") {
        return r("UpdateRestApi", true, (ctx) => {
          const api = findRestApi(ctx.state, req.region, id);
          const operations =
            (parseJsonBody(req).patchOperations as PatchOperation[] | undefined) ?? [];
          const next = structuredClone(api);
          for (const op of operations) {
            if (op.op !== "replace")
              throw badRequest(
                `Invalid patch operation specified. Must be 'replace' (got '${op.op ?? ""}').`,
              );
            if (op.path === "/disableExecuteApiEndpoint") {
              if (op.value !== "true" && op.value !== "false")
                throw badRequest("Invalid value for /disableExecuteApiEndpoint: true or false.");
              next.disableExecuteApiEndpoint = op.value === "true";
            } else if (op.path === "/name") {
              next.name = op.value ?? next.name;
            } else if (op.path === "/description") {
              next.description = op.value ?? "";
            } else {
              throw badRequest(`Invalid patch path '${op.path ?? ""}' specified for op 'replace'.`);
            }
          }
          ctx.state.restApis[restApiKey(req.region, api.id)] = next;
          return json(200, restApiView(next));
        });
      }
      if (m === "DELETE") {
        return r("DeleteRestApi", true, (ctx) => {
          const api = findRestApi(ctx.state, req.region, id);
          if (
            Object.values(ctx.state.mappings).some(
              (x) => x.region === req.region && x.restApiId === api.id,
            )
          ) {
            throw badRequest(
              "Cannot delete a REST API that is still mapped to a custom domain name. Remove the base path mappings first.",
            );
          }
          delete ctx.state.restApis[restApiKey(req.region, api.id)];
          return { status: 202 };
        });
      }
    }
  }
  return null;
}
