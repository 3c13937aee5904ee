/**
 * API Gateway v2 listings page by page (v2 has no SDK paginators), against
 * the emulator over HTTP: every HTTP API and stage, and each id's kind.
 */
import { CreateRestApiCommand } from "@aws-sdk/client-api-gateway";
import { CreateApiCommand, CreateStageCommand, GetApisCommand } from "@aws-sdk/client-apigatewayv2";
import { beforeAll, describe, expect, it } from "vitest";
import { suiteEmulator } from "../../test-support/suite-emulator";
import { listApiKinds } from "./api-ids";
import {
  allPages,
  getHttpStageLogging,
  listHttpApisWithStages,
  setHttpStageAccessLog,
} from "./apigatewayv2";

const httpIds: string[] = [];
let restId = "";

const t = suiteEmulator();

beforeAll(async () => {
  const { apiGateway, apiGatewayV2 } = t.clients();
  for (const Name of ["one", "two", "three"]) {
    const { ApiId } = await apiGatewayV2.send(new CreateApiCommand({ Name, ProtocolType: "HTTP" }));
    httpIds.push(ApiId!);
  }
  for (const StageName of ["a", "b", "c"])
    await apiGatewayV2.send(new CreateStageCommand({ ApiId: httpIds[0], StageName }));
  restId = (await apiGateway.send(new CreateRestApiCommand({ name: "rest" }))).id!;
});

describe("API Gateway v2 listings", () => {
  it("allPages follows nextToken to the last page", async () => {
    const { apiGatewayV2 } = t.clients();
    await t.control("requests", undefined, "DELETE");
    const apis = await allPages((NextToken) =>
      apiGatewayV2.send(new GetApisCommand({ MaxResults: "2", NextToken })),
    );
    expect(apis.map((a) => a.ApiId).sort()).toEqual([...httpIds].sort());
    const { counts } = await t.control<{ counts: Record<string, number> }>("requests");
    expect(counts.GetApisV2).toBe(2);
  });

  it("lists every HTTP API with its stages, and tells REST ids from HTTP ones", async () => {
    const apis = await listHttpApisWithStages("us-east-1");
    expect(apis.map((a) => a.name).sort()).toEqual(["one", "three", "two"]);
    expect(apis.find((a) => a.name === "one")!.stages).toEqual(["a", "b", "c"]);
    const kinds = await listApiKinds("us-east-1");
    expect(kinds.get(restId)).toBe("REST");
    for (const id of httpIds) expect(kinds.get(id)).toBe("HTTP");
  });

  it("sets an HTTP API stage's access log, and the emulator refuses a destination that is no log group", async () => {
    const format = '{"requestId":"$context.requestId"}';
    const destinationArn = "arn:aws:logs:us-east-1:000000000000:log-group:/v2/stage-logs";
    await setHttpStageAccessLog(httpIds[0]!, "a", { destinationArn, format }, "us-east-1");
    expect(await getHttpStageLogging(httpIds[0]!, "a", "us-east-1")).toEqual({
      restApiId: httpIds[0],
      stageName: "a",
      accessLog: { destinationArn, format },
    });
    await expect(
      setHttpStageAccessLog(
        httpIds[0]!,
        "b",
        {
          destinationArn: "arn:aws:logs:us-east-1:000000000000:destination:not-a-group",
          format,
        },
        "us-east-1",
      ),
    ).rejects.toThrow(/change the HTTP API stage's access log/);
    expect(await getHttpStageLogging(httpIds[0]!, "b", "us-east-1")).toEqual({
      restApiId: httpIds[0],
      stageName: "b",
    });
    expect(await getHttpStageLogging(httpIds[0]!, "missing", "us-east-1")).toBeNull();
  });
});
