/**
 * REST APIs' resources, methods and Lambda authorizers through the SDK:
 * round trips, AWS's refusals, and a saved state from before resources
 * (rootMethods) still loading.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  CreateAuthorizerCommand,
  CreateDeploymentCommand,
  CreateResourceCommand,
  CreateRestApiCommand,
  DeleteAuthorizerCommand,
  DeleteMethodCommand,
  DeleteResourceCommand,
  GetAuthorizerCommand,
  GetAuthorizersCommand,
  GetMethodCommand,
  GetResourceCommand,
  GetResourcesCommand,
  PutIntegrationCommand,
  PutMethodCommand,
  UpdateAuthorizerCommand,
  UpdateMethodCommand,
} from "@aws-sdk/client-api-gateway";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorOf } from "../../test-support/failure";
import { startTestEmulator, type TestEmulator } from "../../test-support/emulator";
import { loadState } from "../persistence";

let t: TestEmulator;
beforeAll(async () => {
  t = await startTestEmulator();
});
afterAll(() => t.stop());

const URI =
  "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:000000000000:function:auth/invocations";

describe("REST API resources, methods and authorizers", () => {
  it("creates a resource tree, methods with a CUSTOM authorizer, and reads them back", async () => {
    const gw = t.clients().apiGateway;
    const restApiId = (await gw.send(new CreateRestApiCommand({ name: "tree" }))).id!;
    const root = (await gw.send(new GetResourcesCommand({ restApiId }))).items![0]!;
    expect(root.path).toBe("/");
    const orders = await gw.send(
      new CreateResourceCommand({ restApiId, parentId: root.id!, pathPart: "orders" }),
    );
    expect(orders).toMatchObject({ parentId: root.id, pathPart: "orders", path: "/orders" });
    const order = await gw.send(
      new CreateResourceCommand({ restApiId, parentId: orders.id!, pathPart: "{id}" }),
    );
    expect(order.path).toBe("/orders/{id}");
    const proxy = await gw.send(
      new CreateResourceCommand({ restApiId, parentId: root.id!, pathPart: "{proxy+}" }),
    );

    const authorizer = await gw.send(
      new CreateAuthorizerCommand({
        restApiId,
        name: "by-header",
        type: "REQUEST",
        authorizerUri: URI,
        identitySource: "method.request.header.X-Tenant, context.identity.clientCert.serialNumber",
      }),
    );
    expect(authorizer).toMatchObject({ type: "REQUEST", authorizerResultTtlInSeconds: 300 });
    const method = await gw.send(
      new PutMethodCommand({
        restApiId,
        resourceId: order.id!,
        httpMethod: "GET",
        authorizationType: "CUSTOM",
        authorizerId: authorizer.id!,
      }),
    );
    expect(method).toMatchObject({ authorizationType: "CUSTOM", authorizerId: authorizer.id });
    await gw.send(
      new PutIntegrationCommand({
        restApiId,
        resourceId: order.id!,
        httpMethod: "GET",
        type: "MOCK",
      }),
    );
    const got = await gw.send(
      new GetMethodCommand({ restApiId, resourceId: order.id!, httpMethod: "GET" }),
    );
    expect(got.methodIntegration?.type).toBe("MOCK");

    const embedded = await gw.send(new GetResourcesCommand({ restApiId, embed: ["methods"] }));
    expect(embedded.items!.map((r) => r.path)).toEqual([
      "/",
      "/orders",
      "/orders/{id}",
      "/{proxy+}",
    ]);
    expect(embedded.items!.find((r) => r.id === order.id)!.resourceMethods!.GET).toMatchObject({
      authorizationType: "CUSTOM",
      authorizerId: authorizer.id,
    });
    expect((await gw.send(new GetResourceCommand({ restApiId, resourceId: proxy.id! }))).path).toBe(
      "/{proxy+}",
    );

    const updated = await gw.send(
      new UpdateMethodCommand({
        restApiId,
        resourceId: order.id!,
        httpMethod: "GET",
        patchOperations: [{ op: "replace", path: "/authorizationType", value: "NONE" }],
      }),
    );
    expect(updated.authorizationType).toBe("NONE");
    expect(updated.authorizerId).toBeUndefined();
    await gw.send(
      new UpdateMethodCommand({
        restApiId,
        resourceId: order.id!,
        httpMethod: "GET",
        patchOperations: [
          { op: "replace", path: "/authorizationType", value: "CUSTOM" },
          { op: "replace", path: "/authorizerId", value: authorizer.id! },
        ],
      }),
    );
    await gw.send(new CreateDeploymentCommand({ restApiId, stageName: "prod" }));

    // An authorizer in use cannot go; then the method goes, then the authorizer.
    const inUse = await errorOf(
      gw.send(new DeleteAuthorizerCommand({ restApiId, authorizerId: authorizer.id! })),
    );
    expect([inUse.name, inUse.message]).toEqual([
      "ConflictException",
      "Cannot delete authorizer 'by-header', is referenced in method: GET//orders/{id}",
    ]);
    await gw.send(new DeleteMethodCommand({ restApiId, resourceId: order.id!, httpMethod: "GET" }));
    await gw.send(new DeleteAuthorizerCommand({ restApiId, authorizerId: authorizer.id! }));
    expect((await gw.send(new GetAuthorizersCommand({ restApiId }))).items).toEqual([]);
    await gw.send(new DeleteResourceCommand({ restApiId, resourceId: orders.id! }));
    const left = await gw.send(new GetResourcesCommand({ restApiId }));
    expect(left.items!.map((r) => r.path)).toEqual(["/", "/{proxy+}"]);
  });

  it("refuses what AWS refuses", async () => {
    const gw = t.clients().apiGateway;
    const restApiId = (await gw.send(new CreateRestApiCommand({ name: "refusals" }))).id!;
    const root = (await gw.send(new GetResourcesCommand({ restApiId }))).items![0]!.id!;
    const refused = async (call: Promise<unknown>) => {
      const e = await errorOf(call);
      return `${e.name}: ${e.message}`;
    };
    const create = (pathPart: string, parentId = root) =>
      gw.send(new CreateResourceCommand({ restApiId, parentId, pathPart }));
    const proxy = await create("{proxy+}");
    expect(await refused(create("{proxy+}"))).toMatch(/^ConflictException/);
    expect(await refused(create("{id}"))).toMatch(/only one is allowed/);
    expect(await refused(create("a b"))).toMatch(/^BadRequestException: Resource's path part/);
    expect(await refused(create("x", proxy.id!))).toMatch(/greedy path variable/);
    expect(
      await refused(gw.send(new DeleteResourceCommand({ restApiId, resourceId: root }))),
    ).toMatch(/root resource/);
    const put = (input: Partial<ConstructorParameters<typeof PutMethodCommand>[0]>) =>
      gw.send(
        new PutMethodCommand({
          restApiId,
          resourceId: root,
          httpMethod: "GET",
          authorizationType: "NONE",
          ...input,
        }),
      );
    expect(await refused(put({ authorizationType: "CUSTOM" }))).toMatch(/Invalid authorizer ID/);
    expect(await refused(put({ authorizationType: "CUSTOM", authorizerId: "nope" }))).toMatch(
      /Invalid authorizer ID/,
    );
    expect(await refused(put({ authorizationType: "MAGIC" }))).toMatch(
      /Invalid authorization type/,
    );
    await put({});
    expect(await refused(put({}))).toBe(
      "ConflictException: Method already exists for this resource",
    );
    expect(
      await refused(gw.send(new CreateDeploymentCommand({ restApiId, stageName: "prod" }))),
    ).toBe("BadRequestException: No integration defined for method");

    const authorizer = (input: Partial<ConstructorParameters<typeof CreateAuthorizerCommand>[0]>) =>
      gw.send(
        new CreateAuthorizerCommand({
          restApiId,
          name: "a",
          type: "REQUEST",
          authorizerUri: URI,
          identitySource: "method.request.header.X",
          ...input,
        }),
      );
    expect(await refused(authorizer({ authorizerUri: "arn:aws:lambda:nope" }))).toMatch(
      /Invalid Authorizer URI/,
    );
    expect(await refused(authorizer({ authorizerResultTtlInSeconds: 3601 }))).toMatch(/TTL/);
    expect(await refused(authorizer({ identitySource: undefined }))).toMatch(/caching is enabled/);
    expect(await refused(authorizer({ identitySource: "header.X" }))).toMatch(/identity source/);
    const uncached = await authorizer({
      identitySource: undefined,
      authorizerResultTtlInSeconds: 0,
    });
    expect(uncached.identitySource).toBeUndefined();
    const token = await authorizer({
      type: "TOKEN",
      identitySource: "method.request.header.Authorization",
    });
    const changed = await gw.send(
      new UpdateAuthorizerCommand({
        restApiId,
        authorizerId: token.id!,
        patchOperations: [
          { op: "replace", path: "/authorizerResultTtlInSeconds", value: "60" },
          { op: "replace", path: "/name", value: "token" },
        ],
      }),
    );
    expect(changed).toMatchObject({ name: "token", authorizerResultTtlInSeconds: 60 });
    expect(
      (await gw.send(new GetAuthorizerCommand({ restApiId, authorizerId: token.id! }))).name,
    ).toBe("token");
    expect(
      await refused(
        gw.send(
          new UpdateAuthorizerCommand({
            restApiId,
            authorizerId: token.id!,
            patchOperations: [
              { op: "replace", path: "/authorizerResultTtlInSeconds", value: "-1" },
            ],
          }),
        ),
      ),
    ).toMatch(/TTL/);
    expect(
      await refused(gw.send(new GetAuthorizerCommand({ restApiId, authorizerId: "nope" }))),
    ).toBe("NotFoundException: Invalid Authorizer identifier specified");
  });

  it("loads a state saved before resources: rootMethods become the root's methods", () => {
    const dir = mkdtempSync(join(tmpdir(), "state-"));
    const file = join(dir, "state.json");
    const api = {
      region: "us-east-1",
      id: "abcdefghij",
      name: "old",
      createdDate: 1,
      disableExecuteApiEndpoint: false,
      endpointTypes: ["REGIONAL"],
      rootMethods: ["ANY"],
      tags: {},
    };
    const saved = { version: 1, clockOffsetMs: 0, buckets: {}, certificates: {}, domains: {} };
    writeFileSync(
      file,
      JSON.stringify({ ...saved, restApis: { "us-east-1|abcdefghij": api }, mappings: {} }),
    );
    const { state, loaded } = loadState(file);
    rmSync(dir, { recursive: true, force: true });
    expect(loaded).toBe(true);
    const migrated = state.restApis["us-east-1|abcdefghij"]!;
    const [root] = Object.values(migrated.resources);
    expect(root).toMatchObject({ path: "/", methods: { ANY: { authorizationType: "NONE" } } });
    expect(migrated.authorizers).toEqual({});
    expect("rootMethods" in migrated).toBe(false);
  });
});
