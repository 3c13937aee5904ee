/**
 * A cross-check with a client we did not write: Debian's AWS CLI creates
 * Lambda authorizers, a CUSTOM method and a CUSTOM route against the
 * emulator, as AWS's documentation writes the commands.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { awsCli, awsCliAvailable, AWS_CLI, type AwsCli } from "../test-support/aws-cli";
import { startTestEmulator, type TestEmulator } from "../test-support/emulator";

if (!awsCliAvailable && process.env.CI)
  throw new Error(
    `The AWS CLI cross-check needs ${AWS_CLI} (Debian package awscli); .ci/run installs it.`,
  );

const FUNCTION = "arn:aws:lambda:us-east-1:000000000000:function:authorizer";
const URI = `arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/${FUNCTION}/invocations`;

describe.skipIf(!awsCliAvailable)("AWS CLI: Lambda authorizers", () => {
  let t: TestEmulator;
  let aws: AwsCli;
  const dir = mkdtempSync(join(tmpdir(), "aws-cli-authz-"));
  beforeAll(async () => {
    t = await startTestEmulator();
    aws = awsCli(t.endpoint, dir);
  });
  afterAll(async () => {
    await t.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("REST: create-authorizer --type REQUEST, put-method --authorization-type CUSTOM", async () => {
    const api = (await aws("apigateway", "create-rest-api", "--name", "cli-authz")) as {
      id: string;
    };
    const { items } = (await aws("apigateway", "get-resources", "--rest-api-id", api.id)) as {
      items: { id: string }[];
    };
    const orders = (await aws.shell(
      `aws apigateway create-resource --rest-api-id ${api.id} --parent-id ${items[0]!.id} --path-part orders`,
    )) as { id: string; path: string };
    expect(orders.path).toBe("/orders");
    const authorizer = await aws.shell(
      `aws apigateway create-authorizer --rest-api-id ${api.id} --name 'Request_Custom_Authorizer' --type REQUEST --authorizer-uri '${URI}' --identity-source 'method.request.header.X-Tenant,context.identity.clientCert.serialNumber' --authorizer-result-ttl-in-seconds 300`,
    );
    expect(authorizer).toMatchObject({
      name: "Request_Custom_Authorizer",
      type: "REQUEST",
      authorizerUri: URI,
      authorizerResultTtlInSeconds: 300,
    });
    const method = await aws.shell(
      `aws apigateway put-method --rest-api-id ${api.id} --resource-id ${orders.id} --http-method GET --authorization-type CUSTOM --authorizer-id ${authorizer.id as string}`,
    );
    expect(method).toMatchObject({ authorizationType: "CUSTOM", authorizerId: authorizer.id });
    const embedded = (await aws(
      "apigateway",
      "get-resources",
      "--rest-api-id",
      api.id,
      "--embed",
      "methods",
    )) as {
      items: { path: string; resourceMethods?: Record<string, { authorizerId?: string }> }[];
    };
    expect(
      embedded.items.find((r) => r.path === "/orders")!.resourceMethods!.GET!.authorizerId,
    ).toBe(authorizer.id);
    const authorizers = (await aws("apigateway", "get-authorizers", "--rest-api-id", api.id)) as {
      items: unknown[];
    };
    expect(authorizers.items).toHaveLength(1);
  });

  it("HTTP: create-authorizer with simple responses, create-route --authorization-type CUSTOM", async () => {
    const api = (await aws.shell(
      "aws apigatewayv2 create-api --name cli-authz --protocol-type HTTP",
    )) as {
      ApiId: string;
    };
    const authorizer = await aws.shell(
      `aws apigatewayv2 create-authorizer --api-id ${api.ApiId} --authorizer-type REQUEST --authorizer-uri '${URI}' --authorizer-payload-format-version 2.0 --enable-simple-responses --identity-source '$request.header.X-Tenant' '$context.identity.clientCert.serialNumber' --name lambda-authorizer`,
    );
    expect(authorizer).toMatchObject({
      AuthorizerType: "REQUEST",
      AuthorizerPayloadFormatVersion: "2.0",
      EnableSimpleResponses: true,
      AuthorizerResultTtlInSeconds: 0,
      IdentitySource: ["$request.header.X-Tenant", "$context.identity.clientCert.serialNumber"],
    });
    const route = await aws.shell(
      `aws apigatewayv2 create-route --api-id ${api.ApiId} --route-key 'GET /orders' --authorization-type CUSTOM --authorizer-id ${authorizer.AuthorizerId as string}`,
    );
    expect(route).toMatchObject({
      RouteKey: "GET /orders",
      AuthorizationType: "CUSTOM",
      AuthorizerId: authorizer.AuthorizerId,
    });
    const routes = (await aws("apigatewayv2", "get-routes", "--api-id", api.ApiId)) as {
      Items: { RouteKey: string }[];
    };
    expect(routes.Items.map((r) => r.RouteKey)).toEqual(["GET /orders"]);
  });
});
