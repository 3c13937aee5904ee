/**
 * Routing rules and the newer domain fields through the real SDK: a domain
 * created with routingMode and ipAddressType answers with them, its rules
 * are created, listed in priority order, read, refused as AWS refuses them
 * and deleted; the routing mode changes with UpdateDomainName.
 */
import {
  CreateDomainNameCommand,
  GetDomainNameCommand,
  UpdateDomainNameCommand,
} from "@aws-sdk/client-api-gateway";
import { RequestCertificateCommand } from "@aws-sdk/client-acm";
import {
  CreateRoutingRuleCommand,
  DeleteRoutingRuleCommand,
  GetRoutingRuleCommand,
  ListRoutingRulesCommand,
} from "@aws-sdk/client-apigatewayv2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "../../test-support/emulator";
import { errorOf } from "../../test-support/failure";
import { deployedRestApi } from "../../test-support/seed";

let t: TestEmulator;
beforeAll(async () => {
  t = await startTestEmulator();
});
afterAll(() => t.stop());

describe("routing rules", () => {
  it("creates, lists by priority, reads, refuses and deletes; the routing mode is a domain field", async () => {
    const { acm, apiGateway, apiGatewayV2 } = t.clients();
    const domainName = "rules.test.example";
    const { CertificateArn } = await acm.send(
      new RequestCertificateCommand({ DomainName: domainName }),
    );
    const created = await apiGateway.send(
      new CreateDomainNameCommand({
        domainName,
        regionalCertificateArn: CertificateArn,
        endpointConfiguration: { types: ["REGIONAL"], ipAddressType: "dualstack" },
        securityPolicy: "TLS_1_2",
        routingMode: "ROUTING_RULE_THEN_BASE_PATH_MAPPING",
      }),
    );
    expect([created.routingMode, created.endpointConfiguration?.ipAddressType]).toEqual([
      "ROUTING_RULE_THEN_BASE_PATH_MAPPING",
      "dualstack",
    ]);
    const api = await deployedRestApi(t.clients(), "rules-api", "live");
    const rule = (priority: number, path: string) =>
      new CreateRoutingRuleCommand({
        DomainName: domainName,
        Priority: priority,
        Conditions: [{ MatchBasePaths: { AnyOf: [path] } }],
        Actions: [{ InvokeApi: { ApiId: api, Stage: "live", StripBasePath: true } }],
      });
    const second = await apiGatewayV2.send(rule(200, "v2"));
    const first = await apiGatewayV2.send(rule(100, "v1"));
    const listed = await apiGatewayV2.send(new ListRoutingRulesCommand({ DomainName: domainName }));
    expect(
      listed.RoutingRules?.map((r) => [r.Priority, r.Conditions?.[0]?.MatchBasePaths?.AnyOf]),
    ).toEqual([
      [100, ["v1"]],
      [200, ["v2"]],
    ]);
    const read = await apiGatewayV2.send(
      new GetRoutingRuleCommand({ DomainName: domainName, RoutingRuleId: first.RoutingRuleId }),
    );
    expect(read.Actions?.[0]?.InvokeApi).toEqual({
      ApiId: api,
      Stage: "live",
      StripBasePath: true,
    });
    expect((await errorOf(apiGatewayV2.send(rule(100, "again")))).name).toBe("ConflictException");
    await apiGatewayV2.send(
      new DeleteRoutingRuleCommand({ DomainName: domainName, RoutingRuleId: second.RoutingRuleId }),
    );
    expect(
      (await apiGatewayV2.send(new ListRoutingRulesCommand({ DomainName: domainName })))
        .RoutingRules,
    ).toHaveLength(1);
    await apiGateway.send(
      new UpdateDomainNameCommand({
        domainName,
        patchOperations: [{ op: "replace", path: "/routingMode", value: "ROUTING_RULE_ONLY" }],
      }),
    );
    expect((await apiGateway.send(new GetDomainNameCommand({ domainName }))).routingMode).toBe(
      "ROUTING_RULE_ONLY",
    );
  });
});
