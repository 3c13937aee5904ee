/**
 * Revocation, as an operator does it: a REST API and an HTTP API behind mTLS
 * domains run the demo's revocation authorizer (the built zip, a Lambda
 * function of the emulator); a client passes a real handshake (curl, the
 * probe), is revoked in the console (from Clients seen, from Inspect), is
 * refused within the authorizer's cache TTL, and passes again after Undo.
 * The CA is never touched.
 */
import { execFile } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
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
  CreateAuthorizerCommand as CreateHttpAuthorizerCommand,
  CreateRouteCommand,
  CreateStageCommand,
} from "@aws-sdk/client-apigatewayv2";
import type { Page } from "@playwright/test";
import { bundle, issue, type Issued } from "../lib/pki/generate";
import type { AwsClients } from "../test-support/clients";
import { privateKeyPem, seedMtlsDomain, type SeededDomain } from "../test-support/seed";
import { domainUrl } from "../test-support/ui-steps";
import { probe } from "../scripts/probe";
import { emulatorFor, expect, needs, test } from "./aws";

const run = promisify(execFile);
/** The demo's truststore bucket: the demo's authorizer reads the lists there. */
const BUCKET = "mtls-console-demo-truststores";
const FUNCTION_ARN = "arn:aws:lambda:us-east-1:000000000000:function:mtls-revocation-authorizer";
const AUTHORIZER_URI = `arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/${FUNCTION_ARN}/invocations`;
/** Short, so the test waits little: a revocation bites within it. */
const TTL = 3;
const FORMAT = JSON.stringify({
  requestId: "$context.requestId",
  domain: "$context.domainName",
  status: "$context.status",
  dn: "$context.identity.clientCert.subjectDN",
  issuer: "$context.identity.clientCert.issuerDN",
  serial: "$context.identity.clientCert.serialNumber",
  until: "$context.identity.clientCert.validity.notAfter",
});

interface World {
  seeded: SeededDomain;
  client: Issued;
  files: { ca: string; cert: string; key: string };
  ca: string;
  key: string;
  port: number;
}

async function world(
  aws: AwsClients,
  endpoint: string,
  emulator: <T>(p: string) => Promise<T>,
  prefix: string,
): Promise<World> {
  const root = await issue({ subject: `CN=${prefix} Fleet CA` });
  const client = await issue({ subject: "CN=device-17", issuer: root, ca: false });
  const seeded = await seedMtlsDomain(aws, { versions: [bundle(root)], prefix, bucket: BUCKET });
  const { dataPlanePort: port } = await emulator<{ dataPlanePort: number }>("health");
  const ca = await (await fetch(`${endpoint}/_emulator/ca.pem`)).text();
  const key = await privateKeyPem(client.keys);
  const dir = await mkdtemp(path.join(tmpdir(), "revocation-e2e-"));
  const files = {
    ca: path.join(dir, "ca.pem"),
    cert: path.join(dir, "client.pem"),
    key: path.join(dir, "client.key"),
  };
  await Promise.all([
    writeFile(files.ca, ca),
    writeFile(files.cert, client.pem),
    writeFile(files.key, key),
  ]);
  return { seeded, client, files, ca, key, port };
}

/** curl through the data plane with the client certificate: the HTTP status. */
async function curl(w: World, urlPath: string, method = "GET"): Promise<number> {
  const host = w.seeded.domainName;
  const { stdout } = await run("curl", [
    "--silent",
    "--request",
    method,
    "--output",
    "/dev/null",
    "--write-out",
    "%{http_code}",
    "--cacert",
    w.files.ca,
    "--cert",
    w.files.cert,
    "--key",
    w.files.key,
    "--resolve",
    `${host}:${w.port}:127.0.0.1`,
    `https://${host}:${w.port}${urlPath}`,
  ]);
  return Number(stdout);
}

/** The probe CLI's handshake and request: its HTTP status. */
async function probed(w: World, urlPath: string): Promise<number | undefined> {
  const result = await probe({
    url: `https://${w.seeded.domainName}${urlPath}`,
    connect: `127.0.0.1:${w.port}`,
    cert: w.client.pem,
    key: w.key,
    ca: w.ca,
  });
  return result.status;
}

/** A REST API whose GET /orders runs the revocation authorizer and POST /orders does not. */
async function protectedRestApi(aws: AwsClients, w: World) {
  const gw = aws.apiGateway;
  const restApiId = (await gw.send(new CreateRestApiCommand({ name: "revocation-e2e" }))).id!;
  const rootId = (await gw.send(new GetResourcesCommand({ restApiId }))).items![0]!.id!;
  const orders = (
    await gw.send(new CreateResourceCommand({ restApiId, parentId: rootId, pathPart: "orders" }))
  ).id!;
  const authorizerId = (
    await gw.send(
      new CreateAuthorizerCommand({
        restApiId,
        name: "revocation",
        type: "REQUEST",
        authorizerUri: AUTHORIZER_URI,
        identitySource:
          "context.identity.clientCert.issuerDN,context.identity.clientCert.serialNumber",
        authorizerResultTtlInSeconds: TTL,
      }),
    )
  ).id!;
  for (const [httpMethod, custom] of [
    ["GET", true],
    ["POST", false],
  ] as const) {
    await gw.send(
      new PutMethodCommand({
        restApiId,
        resourceId: orders,
        httpMethod,
        authorizationType: custom ? "CUSTOM" : "NONE",
        ...(custom ? { authorizerId } : {}),
      }),
    );
    await gw.send(
      new PutIntegrationCommand({ restApiId, resourceId: orders, httpMethod, type: "MOCK" }),
    );
  }
  await gw.send(new CreateDeploymentCommand({ restApiId, stageName: "live" }));
  await gw.send(
    new UpdateStageCommand({
      restApiId,
      stageName: "live",
      patchOperations: [
        {
          op: "replace",
          path: "/accessLogSettings/destinationArn",
          value: `arn:aws:logs:us-east-1:000000000000:log-group:/e2e/${restApiId}`,
        },
        { op: "replace", path: "/accessLogSettings/format", value: FORMAT },
      ],
    }),
  );
  await gw.send(
    new CreateBasePathMappingCommand({
      domainName: w.seeded.domainName,
      restApiId,
      stage: "live",
    }),
  );
}

async function createLists(page: Page) {
  const section = page.getByRole("region", { name: "Revocation" });
  await expect(section.getByTestId("no-lists")).toContainText("refuses every client");
  await section.getByRole("button", { name: "Create empty lists" }).click();
  await expect(section.getByTestId("lists-version")).toContainText("version");
}

test("revoke a stolen client from Clients seen: 200, 403 within the cache TTL, lifted, 200 (REST, curl)", async ({
  page,
  aws,
  emulator,
}, testInfo) => {
  needs("revocation-authorizer");
  const w = await world(aws, emulatorFor(testInfo.project.name), emulator, "revoke-rest");
  await protectedRestApi(aws, w);
  await page.goto(domainUrl(w.seeded.domainName));
  // The authorizer fails closed: no lists, no entry.
  expect(await curl(w, "/orders")).toBe(403);
  await createLists(page);
  // The refusal was cached too: the lists count once it expires.
  await expect.poll(() => curl(w, "/orders"), { timeout: (TTL + 2) * 1000 }).toBe(200);
  for (let i = 0; i < 2; i++) expect(await curl(w, "/orders")).toBe(200);

  await page.reload();
  const section = page.getByRole("region", { name: "Revocation" });
  await expect(section.getByTestId("coverage-gaps")).toContainText(
    "Revocation is not enforced on POST /orders of revocation-e2e/live (NONE).",
  );
  await expect(
    section.getByTestId("coverage-row").filter({ hasText: "GET" }).filter({ hasText: "/orders" }),
  ).toContainText(`enforced by revocation (cache ${TTL} s)`);

  const row = page.getByTestId("client-seen").filter({ hasText: "CN=device-17" });
  await row.getByRole("button", { name: "Revoke device-17" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText("Its CA stays in the truststore");
  await dialog.getByLabel(/Reason/).fill("reported stolen");
  await expect(dialog.getByRole("button", { name: "Revoke this client" })).toBeDisabled();
  await dialog.getByLabel(/Type .* to confirm/).fill("device-17");
  await dialog.getByRole("button", { name: "Revoke this client" }).click();
  await expect(row.getByTestId("client-revocation")).toContainText("revoked");
  const revokedAt = Date.now();
  await expect.poll(() => curl(w, "/orders"), { timeout: (TTL + 2) * 1000 }).toBe(403);
  expect(Date.now() - revokedAt).toBeLessThan((TTL + 2) * 1000);
  // The unprotected method still answers: that is the gap the page named.
  expect(await curl(w, "/orders", "POST")).toBe(200);

  // Clients seen marks it; lifting it from there is the undo.
  await row.getByRole("button", { name: "Lift the revocation of device-17" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Lift", exact: true }).click();
  await expect(row.getByRole("button", { name: "Revoke device-17" })).toBeVisible();
  await expect.poll(() => curl(w, "/orders"), { timeout: (TTL + 2) * 1000 }).toBe(200);
  // The history says what restoring the revoked version would do, before anything is done.
  await page.getByTestId("lists-history").locator("summary").click();
  const restore = page.getByRole("button", { name: /^Restore version/ });
  await expect(restore).toHaveCount(2);
  await restore.first().click();
  await expect(page.getByRole("dialog").getByTestId("restore-diff")).toContainText(
    "Revokes again: device-17",
  );
  await page.getByRole("dialog").getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByTestId("audit-history")).toContainText("revoke-client");
  await expect(page.getByTestId("audit-history")).toContainText("lift-revocation");
});

test("revoke from Inspect on an HTTP API route (probe): refused within the TTL, then Undo", async ({
  page,
  aws,
  emulator,
}, testInfo) => {
  needs("revocation-authorizer", "http-apis");
  const w = await world(aws, emulatorFor(testInfo.project.name), emulator, "revoke-http");
  const v2 = aws.apiGatewayV2;
  const ApiId = (
    await v2.send(new CreateApiCommand({ Name: "revocation-http", ProtocolType: "HTTP" }))
  ).ApiId!;
  await v2.send(new CreateStageCommand({ ApiId, StageName: "$default" }));
  const { AuthorizerId } = await v2.send(
    new CreateHttpAuthorizerCommand({
      ApiId,
      Name: "revocation",
      AuthorizerType: "REQUEST",
      AuthorizerUri: AUTHORIZER_URI,
      AuthorizerPayloadFormatVersion: "2.0",
      EnableSimpleResponses: true,
      AuthorizerResultTtlInSeconds: TTL,
      IdentitySource: [
        "$context.identity.clientCert.issuerDN",
        "$context.identity.clientCert.serialNumber",
      ],
    }),
  );
  await v2.send(
    new CreateRouteCommand({
      ApiId,
      RouteKey: "GET /orders",
      AuthorizationType: "CUSTOM",
      AuthorizerId,
    }),
  );
  await v2.send(
    new CreateApiMappingCommand({ DomainName: w.seeded.domainName, ApiId, Stage: "$default" }),
  );
  await page.goto(domainUrl(w.seeded.domainName));
  await createLists(page);
  await expect(page.getByTestId("coverage-verdict")).toContainText(
    "Every method and route of this domain runs the revocation authorizer",
  );
  expect(await probed(w, "/orders")).toBe(200);

  await page.goto("/inspect");
  await page.getByLabel(/paste PEM text/).fill(w.client.pem);
  await page.getByLabel(/Domain name/).selectOption(w.seeded.domainName);
  await page.getByRole("button", { name: "Check against its active truststore" }).click();
  const verdict = page.getByTestId("client-revocation");
  await expect(verdict).toContainText("Not revoked.");
  await verdict.getByRole("button", { name: "Revoke device-17" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel(/Type .* to confirm/).fill("device-17");
  await dialog.getByRole("button", { name: "Revoke this client" }).click();
  await expect(page.getByTestId("revoked-notice")).toBeVisible();
  await expect.poll(() => probed(w, "/orders"), { timeout: (TTL + 2) * 1000 }).toBe(403);

  await page.getByRole("button", { name: "Undo" }).click();
  await expect(page.getByText("The revocation of device-17 was lifted.")).toBeVisible();
  await expect.poll(() => probed(w, "/orders"), { timeout: (TTL + 2) * 1000 }).toBe(200);
});
