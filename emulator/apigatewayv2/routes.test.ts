/**
 * HTTP APIs' routes and authorizers through the SDK (API Gateway v2):
 * round trips and AWS's refusals.
 */
import {
  CreateApiCommand,
  CreateAuthorizerCommand,
  CreateRouteCommand,
  DeleteAuthorizerCommand,
  DeleteRouteCommand,
  GetAuthorizerCommand,
  GetAuthorizersCommand,
  GetRouteCommand,
  GetRoutesCommand,
  UpdateAuthorizerCommand,
  UpdateRouteCommand,
} from "@aws-sdk/client-apigatewayv2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorOf } from "../../test-support/failure";
import { startTestEmulator, type TestEmulator } from "../../test-support/emulator";

let t: TestEmulator;
beforeAll(async () => {
  t = await startTestEmulator();
});
afterAll(() => t.stop());

const URI =
  "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:000000000000:function:auth/invocations";

const refused = async (call: Promise<unknown>) => {
  const e = await errorOf(call);
  return `${e.name}: ${e.message}`;
};

describe("HTTP API routes and authorizers", () => {
  it("creates, reads, updates and deletes routes and a REQUEST authorizer", async () => {
    const v2 = t.clients().apiGatewayV2;
    const ApiId = (await v2.send(new CreateApiCommand({ Name: "routes", ProtocolType: "HTTP" })))
      .ApiId!;
    const authorizer = await v2.send(
      new CreateAuthorizerCommand({
        ApiId,
        Name: "lambda",
        AuthorizerType: "REQUEST",
        AuthorizerUri: URI,
        AuthorizerPayloadFormatVersion: "2.0",
        EnableSimpleResponses: true,
        IdentitySource: ["$request.header.X-Tenant", "$context.identity.clientCert.serialNumber"],
      }),
    );
    expect(authorizer).toMatchObject({
      Name: "lambda",
      AuthorizerType: "REQUEST",
      AuthorizerPayloadFormatVersion: "2.0",
      EnableSimpleResponses: true,
      AuthorizerResultTtlInSeconds: 0,
      IdentitySource: ["$request.header.X-Tenant", "$context.identity.clientCert.serialNumber"],
    });
    const orders = await v2.send(
      new CreateRouteCommand({
        ApiId,
        RouteKey: "GET /orders",
        AuthorizationType: "CUSTOM",
        AuthorizerId: authorizer.AuthorizerId,
      }),
    );
    expect(orders).toMatchObject({
      AuthorizationType: "CUSTOM",
      AuthorizerId: authorizer.AuthorizerId,
    });
    await v2.send(new CreateRouteCommand({ ApiId, RouteKey: "ANY /{proxy+}" }));
    await v2.send(new CreateRouteCommand({ ApiId, RouteKey: "$default" }));
    const { Items = [] } = await v2.send(new GetRoutesCommand({ ApiId }));
    expect(Items.map((r) => [r.RouteKey, r.AuthorizationType])).toEqual([
      ["$default", "NONE"],
      ["ANY /{proxy+}", "NONE"],
      ["GET /orders", "CUSTOM"],
    ]);
    const moved = await v2.send(
      new UpdateRouteCommand({ ApiId, RouteId: orders.RouteId!, RouteKey: "GET /orders/{id}" }),
    );
    expect(moved).toMatchObject({ RouteKey: "GET /orders/{id}", AuthorizationType: "CUSTOM" });
    expect((await v2.send(new GetRouteCommand({ ApiId, RouteId: orders.RouteId! }))).RouteKey).toBe(
      "GET /orders/{id}",
    );
    const cached = await v2.send(
      new UpdateAuthorizerCommand({
        ApiId,
        AuthorizerId: authorizer.AuthorizerId!,
        AuthorizerResultTtlInSeconds: 300,
      }),
    );
    expect(cached.AuthorizerResultTtlInSeconds).toBe(300);
    expect(
      (await v2.send(new GetAuthorizerCommand({ ApiId, AuthorizerId: authorizer.AuthorizerId! })))
        .AuthorizerResultTtlInSeconds,
    ).toBe(300);

    expect(
      await refused(
        v2.send(new DeleteAuthorizerCommand({ ApiId, AuthorizerId: authorizer.AuthorizerId! })),
      ),
    ).toBe(
      "ConflictException: Cannot delete authorizer 'lambda', is referenced in route: GET /orders/{id}",
    );
    await v2.send(new DeleteRouteCommand({ ApiId, RouteId: orders.RouteId! }));
    await v2.send(new DeleteAuthorizerCommand({ ApiId, AuthorizerId: authorizer.AuthorizerId! }));
    expect((await v2.send(new GetAuthorizersCommand({ ApiId }))).Items).toEqual([]);
    expect((await v2.send(new GetRoutesCommand({ ApiId }))).Items).toHaveLength(2);
  });

  it("refuses what AWS refuses", async () => {
    const v2 = t.clients().apiGatewayV2;
    const ApiId = (await v2.send(new CreateApiCommand({ Name: "refusals", ProtocolType: "HTTP" })))
      .ApiId!;
    const authorizer = (input: Partial<ConstructorParameters<typeof CreateAuthorizerCommand>[0]>) =>
      v2.send(
        new CreateAuthorizerCommand({
          ApiId,
          Name: "a",
          AuthorizerType: "REQUEST",
          AuthorizerUri: URI,
          AuthorizerPayloadFormatVersion: "2.0",
          IdentitySource: ["$request.header.X"],
          ...input,
        }),
      );
    expect(await refused(authorizer({ AuthorizerPayloadFormatVersion: undefined }))).toMatch(
      /AuthorizerPayloadFormatVersion is required/,
    );
    expect(
      await refused(
        authorizer({ AuthorizerPayloadFormatVersion: "1.0", EnableSimpleResponses: true }),
      ),
    ).toMatch(/only supported for payload format version 2.0/);
    expect(await refused(authorizer({ AuthorizerResultTtlInSeconds: 3601 }))).toMatch(/3600/);
    expect(
      await refused(authorizer({ AuthorizerResultTtlInSeconds: 60, IdentitySource: [] })),
    ).toMatch(/IdentitySource is required/);
    expect(await refused(authorizer({ IdentitySource: ["request.header.X"] }))).toMatch(
      /Invalid identity source/,
    );
    expect(await refused(authorizer({ AuthorizerUri: "https://example.com" }))).toMatch(
      /Invalid Authorizer URI/,
    );
    const a = await authorizer({ AuthorizerPayloadFormatVersion: "1.0" });

    const route = (input: Partial<ConstructorParameters<typeof CreateRouteCommand>[0]>) =>
      v2.send(new CreateRouteCommand({ ApiId, RouteKey: "GET /a", ...input }));
    expect(await refused(route({ RouteKey: "FETCH /a" }))).toMatch(/Invalid route key/);
    expect(await refused(route({ RouteKey: "GET /{proxy+}/x" }))).toMatch(/Invalid route key/);
    expect(await refused(route({ AuthorizationType: "CUSTOM" }))).toMatch(
      /Unable to find Authorizer/,
    );
    expect(
      await refused(route({ AuthorizationType: "JWT", AuthorizerId: a.AuthorizerId })),
    ).toMatch(/does not match authorizer type REQUEST/);
    await route({ AuthorizationType: "CUSTOM", AuthorizerId: a.AuthorizerId });
    expect(await refused(route({}))).toBe(
      "ConflictException: Route with key GET /a already exists for this API",
    );
    expect(await refused(v2.send(new GetRouteCommand({ ApiId, RouteId: "nope" })))).toMatch(
      /^NotFoundException/,
    );
  });
});
