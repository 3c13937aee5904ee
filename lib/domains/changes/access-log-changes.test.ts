/**
 * The access log fix refuses what the page could not have offered: a stage
 * mapped to another domain, an HTTP API stage asked for as a REST one, a
 * format that changed since the page was loaded; and it changes an HTTP
 * API stage through v2. Against the emulator's demo data over HTTP.
 */
import { CreateBucketCommand } from "@aws-sdk/client-s3";
import { GetApiMappingsCommand, GetStageCommand } from "@aws-sdk/client-apigatewayv2";
import { beforeAll, describe, expect, it } from "vitest";
import { suiteEmulator } from "../../../test-support/suite-emulator";
import { refusal } from "../../../test-support/failure";
import { addCertFieldsToAccessLog } from "./access-log-changes";

const REGION = "us-east-1";
let restId = "";
let httpId = "";

const t = suiteEmulator({ AUDIT_BUCKET: "fix-audit" });

beforeAll(async () => {
  await t.control("seed", {});
  const { apiGatewayV2, s3 } = t.clients(REGION);
  await s3.send(new CreateBucketCommand({ Bucket: "fix-audit" }));
  const { Items = [] } = await apiGatewayV2.send(
    new GetApiMappingsCommand({ DomainName: "payments.example.com" }),
  );
  restId = Items.find((m) => m.ApiMappingKey === "")!.ApiId!;
  httpId = Items.find((m) => m.ApiMappingKey === "v2")!.ApiId!;
});

const ref = (changes: Partial<Parameters<typeof addCertFieldsToAccessLog>[0]>) => ({
  domainName: "payments.example.com",
  region: REGION,
  restApiId: restId,
  stageName: "prod",
  expectedFormat: "",
  ...changes,
});

describe("adding the client certificate fields to a stage's access log", () => {
  it("refuses a stage mapped to another domain, and an HTTP API stage asked for as a REST one", async () => {
    const other = await refusal(addCertFieldsToAccessLog(ref({ domainName: "www.example.com" })));
    expect(other.code).toBe("not-mapped");
    expect(other.message).toContain("Nothing was changed");
    const asRest = await refusal(
      addCertFieldsToAccessLog(ref({ restApiId: httpId, stageName: "$default" })),
    );
    expect(asRest.code).toBe("not-mapped");
    const { apiGatewayV2 } = t.clients(REGION);
    const stage = await apiGatewayV2.send(
      new GetStageCommand({ ApiId: httpId, StageName: "$default" }),
    );
    expect(stage.AccessLogSettings).toBeUndefined();
  });

  it("refuses a format that changed since the page was loaded", async () => {
    const stale = await refusal(
      addCertFieldsToAccessLog(
        ref({ restApiId: httpId, http: true, stageName: "$default", expectedFormat: "{}" }),
      ),
    );
    expect(stale.code).toBe("conflict");
  });

  it("changes an HTTP API stage through v2, with a log group of its own", async () => {
    const change = await addCertFieldsToAccessLog(
      ref({ restApiId: httpId, http: true, stageName: "$default" }),
    );
    expect(change.destinationArn).toContain(
      `log-group:/aws/apigateway/access-logs/${httpId}/default`,
    );
    const { apiGatewayV2 } = t.clients(REGION);
    const stage = await apiGatewayV2.send(
      new GetStageCommand({ ApiId: httpId, StageName: "$default" }),
    );
    expect(stage.AccessLogSettings).toEqual({
      DestinationArn: change.destinationArn,
      Format: change.format,
    });
    expect(change.format).toContain("$context.identity.clientCert.serialNumber");
  });
});
