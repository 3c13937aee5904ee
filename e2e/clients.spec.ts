/**
 * Real traffic through the emulator's data plane (real TLS handshakes with
 * client certificates), read back from the access logs: the domain page
 * lists the clients seen, a rollback that refuses some needs the typed name
 * and names them, and afterwards the same client is refused for real.
 */
import { request } from "node:https";
import {
  CreateBasePathMappingCommand,
  GetStageCommand,
  UpdateStageCommand,
} from "@aws-sdk/client-api-gateway";
import { DescribeLogGroupsCommand } from "@aws-sdk/client-cloudwatch-logs";
import { bundle, issue, type Issued } from "../lib/pki/generate";
import { deployedRestApi, privateKeyPem } from "../test-support/seed";
import type { AwsClients } from "../lib/aws/clients";
import { emulatorFor, expect, needs, test } from "./aws";
import { domainUrl, openRollback, typeToConfirm } from "../test-support/ui-steps";
import { seedMtlsDomain, type SeededDomain } from "../test-support/seed";

const FORMAT = JSON.stringify({
  requestId: "$context.requestId",
  domain: "$context.domainName",
  status: "$context.status",
  error: "$context.error.message",
  dn: "$context.identity.clientCert.subjectDN",
  issuer: "$context.identity.clientCert.issuerDN",
  serial: "$context.identity.clientCert.serialNumber",
  until: "$context.identity.clientCert.validity.notAfter",
});

async function mapStage(
  aws: AwsClients,
  seeded: SeededDomain,
  format?: string,
  existingApi?: string,
) {
  const api = existingApi ?? (await deployedRestApi(aws, "clients-e2e", "live"));
  await aws.apiGateway.send(
    new CreateBasePathMappingCommand({
      domainName: seeded.domainName,
      restApiId: api,
      stage: "live",
    }),
  );
  if (format)
    await aws.apiGateway.send(
      new UpdateStageCommand({
        restApiId: api,
        stageName: "live",
        patchOperations: [
          {
            op: "replace",
            path: "/accessLogSettings/destinationArn",
            value: `arn:aws:logs:us-east-1:000000000000:log-group:/e2e/${api}`,
          },
          { op: "replace", path: "/accessLogSettings/format", value: format },
        ],
      }),
    );
  return api;
}

/** One request through the data plane with a client certificate: its HTTP status. */
async function callAs(
  emulator: <T>(path: string) => Promise<T>,
  endpoint: string,
  host: string,
  client: Issued,
): Promise<number> {
  const { dataPlanePort } = await emulator<{ dataPlanePort: number }>("health");
  const ca = await (await fetch(`${endpoint}/_emulator/ca.pem`)).text();
  const key = await privateKeyPem(client.keys);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: "127.0.0.1",
        port: dataPlanePort,
        servername: host,
        path: "/orders",
        ca,
        cert: client.pem,
        key,
      },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      },
    );
    req.on("error", reject);
    req.end();
  });
}

test("clients seen in the access logs: listed, named by a rollback that refuses them, then refused for real", async ({
  page,
  aws,
  emulator,
}, testInfo) => {
  needs("data-plane", "update-domain-name");
  const endpoint = emulatorFor(testInfo.project.name);
  const a = await issue({ subject: "CN=Seen Root A" });
  const b = await issue({ subject: "CN=Seen Root B" });
  const seeded = await seedMtlsDomain(aws, { versions: [bundle(a), bundle(a, b)], prefix: "seen" });
  await mapStage(aws, seeded, FORMAT);
  const alice = await issue({ subject: "CN=alice-device", issuer: a, ca: false });
  const bob = await issue({ subject: "CN=bob-device", issuer: b, ca: false });
  for (let i = 0; i < 3; i++)
    expect(await callAs(emulator, endpoint, seeded.domainName, alice)).toBe(200);
  expect(await callAs(emulator, endpoint, seeded.domainName, bob)).toBe(200);

  await page.goto(domainUrl(seeded.domainName));
  const seen = page.getByRole("region", { name: "Clients seen" });
  await expect(seen.getByTestId("client-seen")).toHaveCount(2);
  await expect(
    seen.getByTestId("client-seen").filter({ hasText: "CN=alice-device" }),
  ).toContainText("3");
  await expect(seen.getByTestId("clients-summary")).toContainText("4 requests from 2 clients");

  const dialog = await openRollback(page, seeded.versionIds[0]);
  await expect(dialog.getByTestId("lockout-clients")).toContainText(
    "this change refuses 1 of 2 clients seen in 7 days (1 request)",
  );
  await expect(dialog.getByTestId("lockout-clients")).toContainText("CN=bob-device");
  await expect(dialog.getByRole("button", { name: "Switch version" })).toBeDisabled();
  await typeToConfirm(dialog, seeded.domainName);
  await dialog.getByRole("button", { name: "Switch version" }).click();
  await expect(page.getByTestId("outcome-status")).toBeVisible();
  // The switch has propagated (updates apply at once in these tests): bob is refused, alice is not.
  expect(await callAs(emulator, endpoint, seeded.domainName, bob)).toBe(403);
  expect(await callAs(emulator, endpoint, seeded.domainName, alice)).toBe(200);
});

test("a stage that does not log client certificates gets the format it needs, and an operator's fix", async ({
  page,
  aws,
}) => {
  needs("clients-seen");
  const a = await issue({ subject: "CN=Unlogged Root" });
  const seeded = await seedMtlsDomain(aws, { versions: [bundle(a)], prefix: "unlogged" });
  const api = await mapStage(aws, seeded);
  await page.goto(domainUrl(seeded.domainName));
  const notice = page.getByTestId("access-log-notice");
  await expect(notice).toContainText("Stage live");
  await expect(notice).toContainText("has no access log");
  await expect(notice).toContainText("$context.identity.clientCert.serialNumber");
  await notice.getByRole("button", { name: "Add the fields to live…" }).click();
  // A change like any other: the exact diff, the log group it creates and its retention, then a confirmation.
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByTestId("format-diff")).toContainText("Fields added to the format:");
  await expect(dialog.getByTestId("format-diff")).toContainText(
    '+ "domainName": "$context.domainName"',
  );
  await expect(dialog.getByTestId("new-log-group")).toContainText(
    `/aws/apigateway/access-logs/${api}/live`,
  );
  await expect(dialog.getByRole("combobox")).toHaveValue("90");
  await dialog.getByRole("combobox").selectOption("30");
  const before = await aws.apiGateway.send(
    new GetStageCommand({ restApiId: api, stageName: "live" }),
  );
  expect(before.accessLogSettings).toBeUndefined();
  await dialog.getByRole("button", { name: "Change the access log" }).click();
  await expect(page.getByTestId("access-log-notice")).toHaveCount(0);
  await expect(page.getByTestId("clients-summary")).toContainText("0 requests from 0 clients");
  const stage = await aws.apiGateway.send(
    new GetStageCommand({ restApiId: api, stageName: "live" }),
  );
  expect(stage.accessLogSettings?.format).toContain("$context.identity.clientCert.issuerDN");
  expect(stage.accessLogSettings?.format).toContain("$context.domainName");
  expect(stage.accessLogSettings?.destinationArn).toContain(
    `log-group:/aws/apigateway/access-logs/${api}/live`,
  );
  // The retention picked, read back through CloudWatch Logs.
  const groups = await aws.logs.send(
    new DescribeLogGroupsCommand({ logGroupNamePrefix: `/aws/apigateway/access-logs/${api}/live` }),
  );
  expect(groups.logGroups?.[0]?.retentionInDays).toBe(30);
  await expect(page.getByTestId("audit-history")).toContainText("with a retention of 30 days");
});

test("two domains on one stage, traffic to one: the other's clients seen is empty and its lockout guard counts nothing", async ({
  page,
  aws,
  emulator,
}, testInfo) => {
  needs("data-plane", "update-domain-name");
  const endpoint = emulatorFor(testInfo.project.name);
  const a = await issue({ subject: "CN=Shared Root A" });
  const b = await issue({ subject: "CN=Shared Root B" });
  const busy = await seedMtlsDomain(aws, { versions: [bundle(a), bundle(a, b)], prefix: "busy" });
  const quiet = await seedMtlsDomain(aws, { versions: [bundle(a), bundle(a, b)], prefix: "quiet" });
  const api = await mapStage(aws, busy, FORMAT);
  await mapStage(aws, quiet, undefined, api);
  const dev = await issue({ subject: "CN=busy-device", issuer: b, ca: false });
  for (let i = 0; i < 4; i++)
    expect(await callAs(emulator, endpoint, busy.domainName, dev)).toBe(200);

  await page.goto(domainUrl(busy.domainName));
  await expect(page.getByTestId("clients-summary")).toContainText("4 requests from 1 clients");
  await expect(page.getByTestId("client-outcomes")).toContainText("200 ×4");

  await page.goto(domainUrl(quiet.domainName));
  await expect(page.getByTestId("clients-summary")).toContainText("0 requests from 0 clients");
  // Rolling the quiet domain back to CA A alone refuses no client of its own: none is counted.
  const dialog = await openRollback(page, quiet.versionIds[0]);
  await expect(dialog.getByTestId("lockout-clients")).toContainText(
    "refuses none of the 0 clients seen",
  );
  await expect(dialog.getByTestId("lockout-clients")).not.toContainText("CN=busy-device");
});

test("a stage whose log lacks the domain field: its clients may be another domain's, and the guard does not count them", async ({
  page,
  aws,
  emulator,
}, testInfo) => {
  needs("data-plane", "update-domain-name");
  const endpoint = emulatorFor(testInfo.project.name);
  const a = await issue({ subject: "CN=Undomained Root A" });
  const b = await issue({ subject: "CN=Undomained Root B" });
  const seeded = await seedMtlsDomain(aws, {
    versions: [bundle(a), bundle(a, b)],
    prefix: "nodom",
  });
  const withoutDomain = JSON.parse(FORMAT) as Record<string, string>;
  delete withoutDomain.domain;
  await mapStage(aws, seeded, JSON.stringify(withoutDomain));
  const dev = await issue({ subject: "CN=nodomain-device", issuer: b, ca: false });
  expect(await callAs(emulator, endpoint, seeded.domainName, dev)).toBe(200);
  await page.goto(domainUrl(seeded.domainName));
  await expect(page.getByTestId("access-log-notice")).toContainText(
    "may belong to other domains of this stage",
  );
  await expect(page.getByTestId("client-outcomes")).toContainText("may be another domain's");
  await openRollback(page, seeded.versionIds[0]);
  await expect(page.getByRole("dialog")).not.toContainText("CN=nodomain-device");
});
