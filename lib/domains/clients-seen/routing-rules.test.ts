/**
 * A domain that routes by routing rules reaches the REST API stages its
 * rules invoke: those stages count for the clients seen (so for the lockout
 * guard), for the overview's API types and on the domain page. Against the
 * emulator through the real SDK.
 */
import { RequestCertificateCommand } from "@aws-sdk/client-acm";
import { CreateDomainNameCommand } from "@aws-sdk/client-api-gateway";
import { CreateRoutingRuleCommand } from "@aws-sdk/client-apigatewayv2";
import { CreateBucketCommand } from "@aws-sdk/client-s3";
import { beforeAll, describe, expect, it } from "vitest";
import { deployedRestApi } from "../../../test-support/seed";
import { suiteEmulator } from "../../../test-support/suite-emulator";
import { apiTypesOf } from "../overview/api-types";
import { getDomainDetail } from "../views/detail";
import { mappedStages } from "./clients-seen";

const t = suiteEmulator({ AUDIT_BUCKET: "rules-audit" });
const DOMAIN = "ruled.test.example";
let api = "";

beforeAll(async () => {
  const { acm, apiGateway, apiGatewayV2, s3 } = t.clients();
  await s3.send(new CreateBucketCommand({ Bucket: "rules-audit" }));
  const { CertificateArn } = await acm.send(new RequestCertificateCommand({ DomainName: DOMAIN }));
  await apiGateway.send(
    new CreateDomainNameCommand({
      domainName: DOMAIN,
      regionalCertificateArn: CertificateArn,
      endpointConfiguration: { types: ["REGIONAL"] },
      securityPolicy: "TLS_1_2",
      routingMode: "ROUTING_RULE_ONLY",
    }),
  );
  api = await deployedRestApi(t.clients(), "ruled-api", "live");
  await apiGatewayV2.send(
    new CreateRoutingRuleCommand({
      DomainName: DOMAIN,
      Priority: 10,
      Conditions: [{ MatchHeaders: { AnyOf: [{ Header: "x-tenant", ValueGlob: "acme*" }] } }],
      Actions: [{ InvokeApi: { ApiId: api, Stage: "live" } }],
    }),
  );
});

describe("a domain that routes by rules", () => {
  it("reaches its rules' stages: clients seen, API types and the page see them", async () => {
    expect(await mappedStages(DOMAIN, "us-east-1")).toEqual([
      { apiId: api, stage: "live", basePath: "", http: false },
    ]);
    const typed = await apiTypesOf("us-east-1", [DOMAIN], undefined, new Set([DOMAIN]));
    expect(typed.types[DOMAIN]).toEqual({ kinds: ["REST"], readAt: expect.any(Number) });
    const detail = await getDomainDetail(DOMAIN, "us-east-1");
    expect(detail?.domain.routingMode).toBe("ROUTING_RULE_ONLY");
    expect(detail?.routingRules).toEqual({
      ok: true,
      value: [
        {
          id: expect.any(String),
          priority: 10,
          basePaths: [],
          headers: [{ header: "x-tenant", valueGlob: "acme*" }],
          apiId: api,
          stage: "live",
          stripBasePath: false,
        },
      ],
    });
  });
});
