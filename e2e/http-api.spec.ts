/**
 * A custom domain serving an HTTP API (API Gateway v2): created and mapped
 * through v2, shown on the domain page, rolled back in the dashboard (the
 * same domain resource v1 changes), served by the data plane with the
 * client certificate where HTTP APIs put it, and its stage's access log
 * made to name the clients (v2 UpdateStage), which clients seen then lists.
 */
import { RequestCertificateCommand } from "@aws-sdk/client-acm";
import {
  CreateApiCommand,
  CreateApiMappingCommand,
  CreateDomainNameCommand,
  CreateStageCommand,
  GetDomainNameCommand,
  GetStageCommand,
} from "@aws-sdk/client-apigatewayv2";
import { PutObjectCommand } from "@aws-sdk/client-s3";
import { request } from "node:https";
import { bundle, issue } from "../lib/pki/generate";
import { privateKeyPem, versionedBucket } from "../test-support/seed";
import { emulatorFor, expect, needs, test } from "./aws";
import { domainUrl, rollBack } from "../test-support/ui-steps";
import { unique } from "../test-support/seed";

test("an HTTP API domain: its mapping shown, a rollback through the dashboard, served with authentication.clientCert", async ({
  page,
  aws,
  emulator,
}, testInfo) => {
  needs("http-apis", "mtls-fields", "update-domain-name", "data-plane");
  const id = unique("http");
  const name = `${id}.test.example`;
  const a = await issue({ subject: "CN=Http Root A" });
  const b = await issue({ subject: "CN=Http Root B" });
  await versionedBucket(aws, id);
  const versions: string[] = [];
  for (const body of [bundle(a), bundle(a, b)])
    versions.push(
      (await aws.s3.send(new PutObjectCommand({ Bucket: id, Key: "ts.pem", Body: body })))
        .VersionId!,
    );
  const { CertificateArn } = await aws.acm.send(
    new RequestCertificateCommand({ DomainName: name }),
  );
  await aws.apiGatewayV2.send(
    new CreateDomainNameCommand({
      DomainName: name,
      DomainNameConfigurations: [
        { CertificateArn, EndpointType: "REGIONAL", SecurityPolicy: "TLS_1_2" },
      ],
      MutualTlsAuthentication: {
        TruststoreUri: `s3://${id}/ts.pem`,
        TruststoreVersion: versions[1],
      },
    }),
  );
  const { ApiId } = await aws.apiGatewayV2.send(
    new CreateApiCommand({ Name: "orders-http", ProtocolType: "HTTP" }),
  );
  await aws.apiGatewayV2.send(new CreateStageCommand({ ApiId, StageName: "live" }));
  await aws.apiGatewayV2.send(
    new CreateApiMappingCommand({
      DomainName: name,
      ApiId,
      Stage: "live",
      ApiMappingKey: "orders",
    }),
  );

  await page.goto(domainUrl(name));
  await expect(page.getByTestId("http-mapping")).toContainText("/orders → orders-http");
  // Its stage logs nothing yet: the operator's fix goes through v2's UpdateStage.
  const notice = page.getByTestId("access-log-notice");
  await expect(notice).toContainText(`Stage live of HTTP API ${ApiId} has no access log`);
  await notice.getByRole("button", { name: "Add the fields to live…" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Change the access log" }).click();
  await expect(page.getByTestId("access-log-notice")).toHaveCount(0);
  const stage = await aws.apiGatewayV2.send(new GetStageCommand({ ApiId, StageName: "live" }));
  expect(stage.AccessLogSettings?.Format).toContain("$context.identity.clientCert.serialNumber");
  expect(stage.AccessLogSettings?.DestinationArn).toContain(
    `log-group:/aws/apigateway/access-logs/${ApiId}/live`,
  );
  await rollBack(page, versions[0], name);
  const after = await aws.apiGatewayV2.send(new GetDomainNameCommand({ DomainName: name }));
  expect(after.MutualTlsAuthentication?.TruststoreVersion).toBe(versions[0]);

  // Served over real TLS: HTTP APIs hand the client certificate over in requestContext.authentication.
  const endpoint = emulatorFor(testInfo.project.name);
  const { dataPlanePort } = await emulator<{ dataPlanePort: number }>("health");
  const ca = await (await fetch(`${endpoint}/_emulator/ca.pem`)).text();
  const client = await issue({ subject: "CN=http-device", issuer: a, ca: false });
  const key = await privateKeyPem(client.keys);
  const body = await new Promise<Record<string, unknown>>((resolve, reject) => {
    const req = request(
      {
        host: "127.0.0.1",
        port: dataPlanePort,
        servername: name,
        path: "/orders/7",
        ca,
        cert: client.pem,
        key,
      },
      (res) => {
        let text = "";
        res.on("data", (c: Buffer) => (text += c.toString()));
        res.on("end", () => resolve(JSON.parse(text) as Record<string, unknown>));
      },
    );
    req.on("error", reject);
    req.end();
  });
  expect(body).toMatchObject({
    version: "2.0",
    requestContext: {
      apiId: ApiId,
      stage: "live",
      authentication: { clientCert: { subjectDN: "CN=http-device" } },
    },
  });
  // The HTTP API stage's access log names the client: clients seen (and the lockout guard) know it.
  await page.getByRole("link", { name: "24 hours" }).click();
  const seen = page.getByRole("region", { name: "Clients seen" });
  await expect(seen.getByTestId("client-seen")).toHaveCount(1);
  await expect(seen.getByTestId("client-seen")).toContainText("CN=http-device");
});
