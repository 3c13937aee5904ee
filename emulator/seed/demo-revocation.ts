/**
 * The demo's revocation: api.partners.example.com's REST API runs the
 * revocation authorizer (the built zip, `npm run authorizer:build`, as a
 * Lambda function of the emulator) on every method, with a 10 s cache keyed
 * by the client certificate, and the domain has empty revocation lists
 * beside its truststore. Attached after the demo's past traffic, so that
 * traffic is the same with or without the zip. Without the zip, the domain
 * stays unprotected and the log says how to build it.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { emptyRevocationDocument, revocationKey } from "../../lib/revocation/document";
import { rootResourceId, type RestResource } from "../apigateway/resource-schema";
import type { Context } from "../http";
import { codeOf, functionArn } from "../lambda/functions-state";
import { lambdaFunctionKey, randomId, restApiKey } from "../state";
import { DEMO_BUCKET, DEMO_REGION } from "./helpers";

export const DEMO_AUTHORIZER_FUNCTION = "mtls-revocation-authorizer";
export const DEMO_REVOCATION_DOMAIN = "api.partners.example.com";
/** The demo authorizer's cache: a revocation bites within this long. */
export const DEMO_AUTHORIZER_TTL = 10;

/** Where the built authorizer is read from: REVOCATION_AUTHORIZER_ZIP, else the build's output. */
export const authorizerZipPath = (env: Record<string, string | undefined> = process.env) =>
  env.REVOCATION_AUTHORIZER_ZIP ??
  path.join(
    /* turbopackIgnore: true */ process.cwd(),
    "authorizer",
    "dist",
    "revocation-authorizer.zip",
  );

function readZip(): Buffer | null {
  try {
    // Read at run time from the working directory, never traced into the server bundle.
    return readFileSync(/* turbopackIgnore: true */ authorizerZipPath());
  } catch {
    return null;
  }
}

/** The lists as a first version of their object in the demo bucket. */
function putEmptyLists(ctx: Context, now: number) {
  const body = Buffer.from(
    JSON.stringify(emptyRevocationDocument(DEMO_REVOCATION_DOMAIN, "demo-seed", new Date(now))),
  );
  ctx.state.buckets[DEMO_BUCKET]!.objects[revocationKey(DEMO_REVOCATION_DOMAIN)] = [
    {
      versionId: randomId(32),
      deleteMarker: false,
      body: body.toString("base64"),
      etag: `"${createHash("md5").update(body).digest("hex")}"`,
      size: body.length,
      lastModified: now,
      contentType: "application/json",
      metadata: {},
    },
  ];
}

const method = (httpMethod: string, authorizerId: string) => ({
  httpMethod,
  authorizationType: "CUSTOM" as const,
  authorizerId,
  apiKeyRequired: false,
  integration: { type: "MOCK" },
});

export function demoRevocation(ctx: Context, now: number, partnersApiId: string): boolean {
  const zip = readZip();
  if (!zip) {
    console.warn(
      `[emulator] ${authorizerZipPath()} is not built (npm run authorizer:build): the demo's ${DEMO_REVOCATION_DOMAIN} runs without the revocation authorizer.`,
    );
    return false;
  }
  const fn = {
    region: DEMO_REGION,
    name: DEMO_AUTHORIZER_FUNCTION,
    runtime: "nodejs24.x",
    role: `arn:aws:iam::${ctx.account}:role/${DEMO_AUTHORIZER_FUNCTION}`,
    handler: "index.handler",
    description: "Refuses revoked client certificates (mTLS Console)",
    timeout: 5,
    memorySize: 256,
    environment: { REVOCATION_BUCKET: DEMO_BUCKET, REVOCATION_PREFIX: "revocation/" },
    ...codeOf(zip.toString("base64")),
    lastModified: now,
    revisionId: crypto.randomUUID(),
    policy: [],
  };
  ctx.state.lambdaFunctions[lambdaFunctionKey(DEMO_REGION, fn.name)] = fn;
  putEmptyLists(ctx, now);
  const api = ctx.state.restApis[restApiKey(DEMO_REGION, partnersApiId)]!;
  const authorizerId = randomId(6);
  api.authorizers[authorizerId] = {
    id: authorizerId,
    name: "revocation",
    type: "REQUEST",
    authorizerUri: `arn:aws:apigateway:${DEMO_REGION}:lambda:path/2015-03-31/functions/${functionArn(ctx.account, DEMO_REGION, fn.name)}/invocations`,
    identitySource: "context.identity.clientCert.issuerDN,context.identity.clientCert.serialNumber",
    authorizerResultTtlInSeconds: DEMO_AUTHORIZER_TTL,
  };
  const root = rootResourceId(partnersApiId);
  const orders: RestResource = {
    id: randomId(6),
    parentId: root,
    pathPart: "orders",
    path: "/orders",
    methods: { GET: method("GET", authorizerId), POST: method("POST", authorizerId) },
  };
  const order: RestResource = {
    id: randomId(6),
    parentId: orders.id,
    pathPart: "{id}",
    path: "/orders/{id}",
    methods: { GET: method("GET", authorizerId), POST: method("POST", authorizerId) },
  };
  api.resources = {
    [root]: { id: root, pathPart: "", path: "/", methods: { ANY: method("ANY", authorizerId) } },
    [orders.id]: orders,
    [order.id]: order,
  };
  return true;
}
