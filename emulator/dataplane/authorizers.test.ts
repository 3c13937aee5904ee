/**
 * Lambda authorizers on the data plane, over real TLS handshakes with
 * client certificates: REST methods and HTTP routes matched by path and
 * method, the authorizer's verdict (Allow, Deny, no Allow, failure), its
 * context handed to the integration, and its results cached by identity
 * sources for the TTL of the emulator's clock.
 */
import { request } from "node:https";
import {
  CreateAuthorizerCommand,
  CreateBasePathMappingCommand,
  CreateDeploymentCommand,
  CreateResourceCommand,
  CreateRestApiCommand,
  GetResourcesCommand,
  PutIntegrationCommand,
  PutMethodCommand,
  UpdateStageCommand,
} from "@aws-sdk/client-api-gateway";
import {
  CreateApiCommand,
  CreateApiMappingCommand,
  CreateAuthorizerCommand as CreateAuthorizerV2Command,
  CreateRouteCommand,
  CreateStageCommand,
} from "@aws-sdk/client-apigatewayv2";
import { FilterLogEventsCommand } from "@aws-sdk/client-cloudwatch-logs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundle, issue, type Issued } from "../../lib/pki/generate";
import { privateKeyPem, seedMtlsDomain } from "../../test-support/seed";
import { startTestEmulator, type TestEmulator } from "../../test-support/emulator";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createFunction, lambdaClient } from "../lambda/test-functions";

const DOMAIN = "authz.test.example";
type Client = Issued & { keyPem: string };
interface Reply {
  status: number;
  body: Record<string, unknown>;
  errorType?: string;
}

let t: TestEmulator;
let ca: string;
let restApiId: string;
let device1: Client;
let device2: Client;
let counts: string;

/** How many times each authorizer function ran (each run appends one byte to its file). */
const invocations = new Proxy({} as Record<string, number>, {
  get: (_, name) => {
    const file = path.join(counts, String(name));
    return existsSync(file) ? readFileSync(file).length : undefined;
  },
});

/**
 * A real Lambda function of the emulator (a zip made here) whose handler is
 * `handler`'s source, counting its runs; its authorizer URI.
 */
async function lambdaAuthorizer(
  name: string,
  handler: (event: Record<string, unknown>) => unknown,
): Promise<string> {
  const source = `const fs = require("node:fs");
const run = ${handler.toString()};
exports.handler = async (event) => {
  fs.appendFileSync(process.env.COUNT_FILE, "x");
  return run(event);
};`;
  const created = await createFunction(lambdaClient(t.endpoint), name, source, {
    Environment: { Variables: { COUNT_FILE: path.join(counts, name) } },
  });
  return `arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/${created.FunctionArn}/invocations`;
}

function send(
  path: string,
  client: Client,
  options: { method?: string; headers?: Record<string, string> } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: "127.0.0.1",
        port: t.emulator.dataPlanePort!,
        servername: DOMAIN,
        path,
        method: options.method ?? "GET",
        headers: { host: DOMAIN, ...options.headers },
        ca,
        cert: client.pem,
        key: client.keyPem,
      },
      (res) => {
        let text = "";
        res.on("data", (c: Buffer) => (text += c.toString()));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            body: JSON.parse(text) as Record<string, unknown>,
            ...(res.headers["x-amzn-errortype"]
              ? { errorType: String(res.headers["x-amzn-errortype"]) }
              : {}),
          }),
        );
      },
    );
    req.on("error", reject);
    req.end();
  });
}

const tenant = (name: string) => ({ headers: { "x-tenant": name } });

async function restApi(aws: ReturnType<TestEmulator["clients"]>) {
  const gw = aws.apiGateway;
  restApiId = (await gw.send(new CreateRestApiCommand({ name: "authz" }))).id!;
  const root = (await gw.send(new GetResourcesCommand({ restApiId }))).items![0]!.id!;
  const resource = async (parentId: string, pathPart: string) =>
    (await gw.send(new CreateResourceCommand({ restApiId, parentId, pathPart }))).id!;
  const orders = await resource(root, "orders");
  const order = await resource(orders, "{id}");
  const broken = await resource(root, "broken");
  const authorizer = async (name: string, uri: string, ttl?: number) =>
    (
      await gw.send(
        new CreateAuthorizerCommand({
          restApiId,
          name,
          type: "REQUEST",
          authorizerUri: uri,
          identitySource: "method.request.header.X-Tenant,context.identity.clientCert.serialNumber",
          ...(ttl === undefined ? {} : { authorizerResultTtlInSeconds: ttl }),
        }),
      )
    ).id!;
  // Allows GET on any order for every tenant but "blocked" (explicitly denied).
  const policy = authorizer(
    "policy",
    await lambdaAuthorizer("rest-policy", (event: Record<string, unknown>) => {
      const headers = event.headers as Record<string, string>;
      const arn = (event.methodArn as string).split("/").slice(0, 2).join("/");
      const cert = (event.requestContext as { identity: { clientCert: { subjectDN: string } } })
        .identity.clientCert;
      return {
        principalId: cert.subjectDN,
        policyDocument: {
          Version: "2012-10-17",
          Statement: [
            {
              Action: "execute-api:Invoke",
              Effect: headers["x-tenant"] === "blocked" ? "Deny" : "Allow",
              Resource: `${arn}/GET/orders/*`,
            },
          ],
        },
        context: { tenant: headers["x-tenant"], seenResource: event.resource },
      };
    }),
  );
  const failing = authorizer(
    "failing",
    await lambdaAuthorizer("rest-failing", () => {
      throw new Error("boom");
    }),
    0,
  );
  const method = async (resourceId: string, httpMethod: string, authorizerId?: string) => {
    await gw.send(
      new PutMethodCommand({
        restApiId,
        resourceId,
        httpMethod,
        authorizationType: authorizerId ? "CUSTOM" : "NONE",
        authorizerId,
      }),
    );
    await gw.send(new PutIntegrationCommand({ restApiId, resourceId, httpMethod, type: "MOCK" }));
  };
  await method(orders, "GET");
  await method(order, "GET", await policy);
  await method(order, "DELETE", await policy);
  await method(broken, "ANY", await failing);
  await gw.send(new CreateDeploymentCommand({ restApiId, stageName: "prod" }));
  await gw.send(
    new CreateBasePathMappingCommand({
      domainName: DOMAIN,
      restApiId,
      basePath: "rest",
      stage: "prod",
    }),
  );
  await gw.send(
    new UpdateStageCommand({
      restApiId,
      stageName: "prod",
      patchOperations: [
        {
          op: "replace",
          path: "/accessLogSettings/destinationArn",
          value: "arn:aws:logs:us-east-1:000000000000:log-group:authz-access",
        },
        {
          op: "replace",
          path: "/accessLogSettings/format",
          value:
            '{"requestId":"$context.requestId","status":"$context.status","path":"$context.path"}',
        },
      ],
    }),
  );
}

async function httpApi(aws: ReturnType<TestEmulator["clients"]>) {
  const v2 = aws.apiGatewayV2;
  const ApiId = (await v2.send(new CreateApiCommand({ Name: "authz-http", ProtocolType: "HTTP" })))
    .ApiId!;
  await v2.send(new CreateStageCommand({ ApiId, StageName: "$default" }));
  const simple = await v2.send(
    new CreateAuthorizerV2Command({
      ApiId,
      Name: "simple",
      AuthorizerType: "REQUEST",
      AuthorizerUri: await lambdaAuthorizer("http-simple", (event: Record<string, unknown>) => ({
        isAuthorized: (event.headers as Record<string, string>)["x-tenant"] === "acme",
        // Context values are strings, numbers or booleans: the event goes as JSON.
        context: {
          tenant: (event.headers as Record<string, string>)["x-tenant"],
          event: JSON.stringify(event),
        },
      })),
      AuthorizerPayloadFormatVersion: "2.0",
      EnableSimpleResponses: true,
      IdentitySource: ["$request.header.X-Tenant"],
    }),
  );
  const policy = await v2.send(
    new CreateAuthorizerV2Command({
      ApiId,
      Name: "policy-1.0",
      AuthorizerType: "REQUEST",
      AuthorizerUri: await lambdaAuthorizer("http-policy", (event: Record<string, unknown>) => ({
        principalId: "v1-user",
        policyDocument: {
          Statement: [
            {
              Action: "execute-api:*",
              Effect: "Allow",
              Resource: (event.methodArn as string).replace(/\/GET\/.*$/, "/GET/v1/*"),
            },
          ],
        },
        context: { version: event.version, identity: event.identitySource },
      })),
      AuthorizerPayloadFormatVersion: "1.0",
      AuthorizerResultTtlInSeconds: 60,
      IdentitySource: ["$context.identity.clientCert.serialNumber"],
    }),
  );
  const route = (RouteKey: string, AuthorizerId?: string) =>
    v2.send(
      new CreateRouteCommand({
        ApiId,
        RouteKey,
        AuthorizationType: AuthorizerId ? "CUSTOM" : "NONE",
        AuthorizerId,
      }),
    );
  await route("GET /orders", simple.AuthorizerId);
  await route("GET /v1/{id}", policy.AuthorizerId);
  await route("ANY /open/{proxy+}");
  await route("GET /open/exact");
  await v2.send(
    new CreateApiMappingCommand({
      DomainName: DOMAIN,
      ApiId,
      Stage: "$default",
      ApiMappingKey: "http",
    }),
  );
}

beforeAll(async () => {
  t = await startTestEmulator({ dataPort: 0 });
  counts = mkdtempSync(path.join(tmpdir(), "authorizer-counts-"));
  ca = await (await fetch(`${t.endpoint}/_emulator/ca.pem`)).text();
  const root = await issue({ subject: "CN=Authz Root" });
  const client = async (cn: string) => {
    const c = await issue({ subject: `CN=${cn}`, issuer: root, ca: false });
    return { ...c, keyPem: await privateKeyPem(c.keys) };
  };
  device1 = await client("device-1");
  device2 = await client("device-2");
  const aws = t.clients();
  await seedMtlsDomain(aws, {
    domainName: DOMAIN,
    bucket: "authz-truststores",
    key: "ts.pem",
    versions: [bundle(root)],
  });
  await restApi(aws);
  await httpApi(aws);
});
afterAll(async () => {
  await t.stop();
  rmSync(counts, { recursive: true, force: true });
});

describe("REST API methods and Lambda authorizers on the data plane", () => {
  it("matches resources and methods; no match is 403 Missing Authentication Token", async () => {
    const open = await send("/rest/orders?page=2", device1);
    expect(open.status).toBe(200);
    expect(open.body).toMatchObject({
      resource: "/orders",
      httpMethod: "GET",
      queryStringParameters: { page: "2" },
    });
    expect(open.body.requestContext).not.toHaveProperty("authorizer");
    for (const [path, method] of [
      ["/rest/orders", "POST"],
      ["/rest/nothing", "GET"],
      ["/rest/orders/1/2", "GET"],
    ] as const) {
      const reply = await send(path, device1, { method });
      expect([reply.status, reply.body, reply.errorType]).toEqual([
        403,
        { message: "Missing Authentication Token" },
        "MissingAuthenticationTokenException",
      ]);
    }
  });

  it("Allow: 200, the authorizer's principal and context in the integration event", async () => {
    const before = invocations["rest-policy"] ?? 0;
    const reply = await send("/rest/orders/42", device1, tenant("acme"));
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ resource: "/orders/{id}", pathParameters: { id: "42" } });
    expect((reply.body.requestContext as Record<string, unknown>).authorizer).toEqual({
      principalId: "CN=device-1",
      tenant: "acme",
      seenResource: "/orders/{id}",
    });
    expect(invocations["rest-policy"]).toBe(before + 1);
  });

  it("caches the policy by identity sources for the TTL and judges it for each methodArn", async () => {
    const count = () => invocations["rest-policy"] ?? 0;
    const start = count();
    expect((await send("/rest/orders/7", device2, tenant("globex"))).status).toBe(200);
    expect((await send("/rest/orders/8", device2, tenant("globex"))).status).toBe(200);
    expect(count()).toBe(start + 1);
    // The cached policy allows GET only: DELETE on the same identity is refused without a call.
    const del = await send("/rest/orders/8", device2, { method: "DELETE", ...tenant("globex") });
    expect([del.status, del.body]).toEqual([
      403,
      { Message: "User is not authorized to access this resource" },
    ]);
    expect(count()).toBe(start + 1);
    // Another client certificate (serial number) is another cache entry.
    expect((await send("/rest/orders/8", device1, tenant("globex"))).status).toBe(200);
    expect(count()).toBe(start + 2);
    // 300 s on the emulator's clock later, the authorizer is called again.
    await t.control("clock", { advanceSeconds: 301 });
    expect((await send("/rest/orders/8", device2, tenant("globex"))).status).toBe(200);
    expect(count()).toBe(start + 3);
  });

  it("Deny: 403 with an explicit deny; a missing identity source: 401 without a call", async () => {
    const denied = await send("/rest/orders/1", device1, tenant("blocked"));
    expect([denied.status, denied.body]).toEqual([
      403,
      { Message: "User is not authorized to access this resource with an explicit deny" },
    ]);
    const before = invocations["rest-policy"];
    const missing = await send("/rest/orders/1", device1);
    expect([missing.status, missing.body]).toEqual([401, { message: "Unauthorized" }]);
    expect(invocations["rest-policy"]).toBe(before);
  });

  it("an authorizer that fails: 500 {message: null}, every time (failures are not cached)", async () => {
    const first = await send("/rest/broken", device1, { method: "PUT", ...tenant("acme") });
    await send("/rest/broken", device1, { method: "PUT", ...tenant("acme") });
    expect([first.status, first.body]).toEqual([500, { message: null }]);
    expect(invocations["rest-failing"]).toBe(2);
  });

  it("logs refused requests with their status", async () => {
    const { events = [] } = await t
      .clients()
      .logs.send(new FilterLogEventsCommand({ logGroupName: "authz-access" }));
    const statuses = new Set(
      events.map((e) => (JSON.parse(e.message!) as { status: string }).status),
    );
    expect([...statuses].sort()).toEqual(["200", "401", "403", "500"]);
  });
});

describe("HTTP API routes and Lambda authorizers on the data plane", () => {
  it("simple responses: isAuthorized true is 200 with the context, false 403; TTL 0 calls each time", async () => {
    const before = invocations["http-simple"] ?? 0;
    const ok = await send("/http/orders?x=1", device1, tenant("acme"));
    expect(ok.status).toBe(200);
    const context = ok.body.requestContext as {
      authorizer: { lambda: { tenant: string; event: string } };
      authentication: { clientCert: { subjectDN: string } };
    };
    expect(context.authorizer.lambda.tenant).toBe("acme");
    expect(context.authentication.clientCert.subjectDN).toBe("CN=device-1");
    const event = JSON.parse(context.authorizer.lambda.event) as Record<string, unknown>;
    expect(event).toMatchObject({
      version: "2.0",
      type: "REQUEST",
      routeKey: "GET /orders",
      rawPath: "/http/orders",
      rawQueryString: "x=1",
      identitySource: ["acme"],
      requestContext: {
        stage: "$default",
        http: { method: "GET" },
        authentication: { clientCert: { subjectDN: "CN=device-1" } },
      },
    });
    expect(event.routeArn).toMatch(
      /^arn:aws:execute-api:us-east-1:000000000000:\w+\/\$default\/GET\/orders$/,
    );
    const refused = await send("/http/orders", device1, tenant("other"));
    expect([refused.status, refused.body]).toEqual([403, { message: "Forbidden" }]);
    await send("/http/orders", device1, tenant("acme"));
    expect(invocations["http-simple"]).toBe(before + 3);
    const missing = await send("/http/orders", device1);
    expect([missing.status, missing.body]).toEqual([401, { message: "Unauthorized" }]);
  });

  it("payload 1.0 with a policy, cached by the client certificate's serial number", async () => {
    const first = await send("/http/v1/5", device1);
    expect(first.status).toBe(200);
    const lambda = (first.body.requestContext as { authorizer: { lambda: Record<string, string> } })
      .authorizer.lambda;
    expect(lambda.version).toBe("1.0");
    expect(lambda.identity).toMatch(/^([0-9a-f]{2}:)+[0-9a-f]{2}$/);
    expect((await send("/http/v1/6", device1)).status).toBe(200);
    expect(invocations["http-policy"]).toBe(1);
    expect((await send("/http/v1/6", device2)).status).toBe(200);
    expect(invocations["http-policy"]).toBe(2);
  });

  it("matches the most specific route; none is 404 Not Found", async () => {
    const exact = await send("/http/open/exact", device1);
    expect(exact.body.routeKey).toBe("GET /open/exact");
    const greedy = await send("/http/open/a/b", device1, { method: "POST" });
    expect(greedy.body).toMatchObject({
      routeKey: "ANY /open/{proxy+}",
      pathParameters: { proxy: "a/b" },
    });
    const none = await send("/http/elsewhere", device1);
    expect([none.status, none.body]).toEqual([404, { message: "Not Found" }]);
  });
});
