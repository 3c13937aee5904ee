/**
 * Paging over 1,200 domains, base path mappings and REST APIs, through the
 * real SDK: every route of the table reached as the SDK sends it.
 */
import {
  CreateBasePathMappingCommand,
  CreateDeploymentCommand,
  CreateRestApiCommand,
  DeleteDomainNameCommand,
  GetBasePathMappingsCommand,
  GetDomainNamesCommand,
  GetResourcesCommand,
  GetRestApiCommand,
  PutIntegrationCommand,
  PutMethodCommand,
  UpdateRestApiCommand,
} from "@aws-sdk/client-api-gateway";

import { beforeAll, describe, expect, it } from "vitest";

import { errorOf } from "../../test-support/failure";

import { apiGatewayWorld, createWorldDomains } from "../../test-support/api-gateway-world";

const w = apiGatewayWorld();
beforeAll(() => createWorldDomains(w));

describe("paging, mappings and REST APIs", () => {
  it("pages over 1,200 domains with limit 500 and refuses limit 501", async () => {
    const { apiGateway } = w.t.clients("eu-central-1");
    await w.t.control("seed", { bulkDomains: 1200, region: "eu-central-1" });
    const names: string[] = [];
    let position: string | undefined;
    let pages = 0;
    do {
      const page = await apiGateway.send(new GetDomainNamesCommand({ limit: 500, position }));
      names.push(...(page.items ?? []).map((d) => d.domainName!));
      position = page.position;
      pages++;
    } while (position);
    expect(pages).toBe(3);
    expect(names).toHaveLength(1200);
    expect(new Set(names).size).toBe(1200);
    expect((await apiGateway.send(new GetDomainNamesCommand({}))).items).toHaveLength(25);
    const err = await errorOf(apiGateway.send(new GetDomainNamesCommand({ limit: 501 })));
    expect(err.name).toBe("BadRequestException");
  });

  it("base path mappings and the default execute-api endpoint switch", async () => {
    const { apiGateway } = w.t.clients();
    const api = await apiGateway.send(
      new CreateRestApiCommand({ name: "orders", endpointConfiguration: { types: ["REGIONAL"] } }),
    );
    expect(api.disableExecuteApiEndpoint).toBe(false);
    // As AWS: a mapping's stage must exist.
    const noStage = await errorOf(
      apiGateway.send(
        new CreateBasePathMappingCommand({
          domainName: "good.test.example",
          restApiId: api.id,
          stage: "prod",
        }),
      ),
    );
    expect([noStage.name, noStage.message]).toEqual([
      "BadRequestException",
      "Invalid stage identifier specified",
    ]);
    // As AWS: an API without a method cannot be deployed.
    const empty = await errorOf(
      apiGateway.send(new CreateDeploymentCommand({ restApiId: api.id, stageName: "prod" })),
    );
    expect(empty.message).toBe("The REST API doesn't contain any methods");
    const { items = [] } = await apiGateway.send(new GetResourcesCommand({ restApiId: api.id }));
    const resourceId = items.find((r) => r.path === "/")!.id!;
    await apiGateway.send(
      new PutMethodCommand({
        restApiId: api.id,
        resourceId,
        httpMethod: "GET",
        authorizationType: "NONE",
      }),
    );
    await apiGateway.send(
      new PutIntegrationCommand({ restApiId: api.id, resourceId, httpMethod: "GET", type: "MOCK" }),
    );
    await apiGateway.send(new CreateDeploymentCommand({ restApiId: api.id, stageName: "prod" }));
    await apiGateway.send(
      new CreateBasePathMappingCommand({
        domainName: "good.test.example",
        restApiId: api.id,
        stage: "prod",
      }),
    );
    await apiGateway.send(
      new CreateBasePathMappingCommand({
        domainName: "good.test.example",
        restApiId: api.id,
        basePath: "v2",
        stage: "prod",
      }),
    );
    const mappings = await apiGateway.send(
      new GetBasePathMappingsCommand({ domainName: "good.test.example" }),
    );
    expect(mappings.items).toEqual([
      { basePath: "(none)", restApiId: api.id, stage: "prod" },
      { basePath: "v2", restApiId: api.id, stage: "prod" },
    ]);
    const dup = await errorOf(
      apiGateway.send(
        new CreateBasePathMappingCommand({
          domainName: "good.test.example",
          restApiId: api.id,
          basePath: "v2",
        }),
      ),
    );
    expect(dup.name).toBe("ConflictException");
    const updated = await apiGateway.send(
      new UpdateRestApiCommand({
        restApiId: api.id,
        patchOperations: [{ op: "replace", path: "/disableExecuteApiEndpoint", value: "true" }],
      }),
    );
    expect(updated.disableExecuteApiEndpoint).toBe(true);
    expect(
      (await apiGateway.send(new GetRestApiCommand({ restApiId: api.id })))
        .disableExecuteApiEndpoint,
    ).toBe(true);
    await apiGateway.send(new DeleteDomainNameCommand({ domainName: "good.test.example" }));
    expect(
      (
        await errorOf(
          apiGateway.send(new GetBasePathMappingsCommand({ domainName: "good.test.example" })),
        )
      ).name,
    ).toBe("NotFoundException");
  });
});
