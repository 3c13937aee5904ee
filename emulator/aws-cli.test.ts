/**
 * A cross-check with a client we did not write: Debian's AWS CLI drives the
 * whole truststore flow against the emulator.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundle, chain, issue } from "../lib/pki/generate";
import { awsCli, awsCliAvailable, AWS_CLI, type AwsCli } from "../test-support/aws-cli";
import { privateKeyPem } from "../test-support/seed";
import { startTestEmulator, type TestEmulator } from "../test-support/emulator";

if (!awsCliAvailable && process.env.CI)
  throw new Error(
    `The AWS CLI cross-check needs ${AWS_CLI} (Debian package awscli); .ci/run installs it.`,
  );

describe.skipIf(!awsCliAvailable)("AWS CLI against the emulator", () => {
  let t: TestEmulator;
  const dir = mkdtempSync(join(tmpdir(), "aws-cli-"));
  beforeAll(async () => {
    t = await startTestEmulator();
  });
  afterAll(async () => {
    await t.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  let aws: AwsCli;
  let file: AwsCli["file"];
  beforeAll(() => {
    aws = awsCli(t.endpoint, dir);
    file = aws.file;
  });

  it("bucket, versions, certificate, mTLS domain, version switch, warnings, paging", async () => {
    await aws("s3api", "create-bucket", "--bucket", "cli-truststores");
    await aws(
      "s3api",
      "put-bucket-versioning",
      "--bucket",
      "cli-truststores",
      "--versioning-configuration",
      "Status=Enabled",
    );
    const pki = await chain(3, { prefix: "Cli" });
    const sha1 = await issue({ subject: "CN=Cli SHA1 Root", hash: "SHA-1" });
    const v1 = (
      await aws(
        "s3api",
        "put-object",
        "--bucket",
        "cli-truststores",
        "--key",
        "ts.pem",
        "--body",
        file("v1.pem", bundle(pki[0]!, pki[1]!)),
      )
    ).VersionId as string;
    const v2 = (
      await aws(
        "s3api",
        "put-object",
        "--bucket",
        "cli-truststores",
        "--key",
        "ts.pem",
        "--body",
        file("v2.pem", bundle(pki[0]!, pki[1]!, sha1)),
      )
    ).VersionId as string;
    expect(v1).not.toBe(v2);
    const versions = (await aws("s3api", "list-object-versions", "--bucket", "cli-truststores"))
      .Versions as { VersionId: string; IsLatest: boolean }[];
    expect(versions.map((v) => [v.VersionId, v.IsLatest])).toEqual([
      [v2, true],
      [v1, false],
    ]);

    const server = await issue({
      subject: "CN=cli.test.example",
      sans: ["cli.test.example"],
      ca: false,
      key: { rsa: 2048 },
    });
    const imported = await aws(
      "acm",
      "import-certificate",
      "--certificate",
      `fileb://${file("server.pem", server.pem)}`,
      "--private-key",
      `fileb://${file("server.key", await privateKeyPem(server.keys))}`,
    );
    const serverArn = imported.CertificateArn as string;
    const owner = (await aws("acm", "request-certificate", "--domain-name", "cli.test.example"))
      .CertificateArn as string;
    const described = (await aws("acm", "describe-certificate", "--certificate-arn", serverArn))
      .Certificate as Record<string, unknown>;
    expect(described).toMatchObject({
      Type: "IMPORTED",
      KeyAlgorithm: "RSA_2048",
      DomainName: "cli.test.example",
    });

    const created = await aws(
      "apigateway",
      "create-domain-name",
      "--domain-name",
      "cli.test.example",
      "--regional-certificate-arn",
      serverArn,
      "--ownership-verification-certificate-arn",
      owner,
      "--endpoint-configuration",
      "types=REGIONAL",
      "--security-policy",
      "TLS_1_2",
      "--mutual-tls-authentication",
      `truststoreUri=s3://cli-truststores/ts.pem,truststoreVersion=${v1}`,
    );
    expect(created.mutualTlsAuthentication).toEqual({
      truststoreUri: "s3://cli-truststores/ts.pem",
      truststoreVersion: v1,
      truststoreWarnings: [],
    });

    const switched = await aws(
      "apigateway",
      "update-domain-name",
      "--domain-name",
      "cli.test.example",
      "--patch-operations",
      `op=replace,path=/mutualTlsAuthentication/truststoreVersion,value=${v2}`,
    );
    const mtls = switched.mutualTlsAuthentication as {
      truststoreVersion: string;
      truststoreWarnings: string[];
    };
    expect(mtls.truststoreVersion).toBe(v2);
    expect(mtls.truststoreWarnings).toEqual([
      expect.stringMatching(/^weak-hash: "CN=Cli SHA1 Root"/),
    ]);
    const read = await aws("apigateway", "get-domain-name", "--domain-name", "cli.test.example");
    expect(
      (read.mutualTlsAuthentication as { truststoreWarnings: string[] }).truststoreWarnings,
    ).toHaveLength(1);

    // Paging: the CLI follows `position` on its own.
    for (let i = 0; i < 4; i++) {
      await aws(
        "apigateway",
        "create-domain-name",
        "--domain-name",
        `page${i}.test.example`,
        "--regional-certificate-arn",
        owner,
        "--endpoint-configuration",
        "types=REGIONAL",
      );
    }
    await t.control("requests", undefined, "DELETE");
    const listed = (await aws("apigateway", "get-domain-names", "--page-size", "2")).items as {
      domainName: string;
    }[];
    expect(listed.map((d) => d.domainName)).toEqual([
      "cli.test.example",
      "page0.test.example",
      "page1.test.example",
      "page2.test.example",
      "page3.test.example",
    ]);
    const { counts } = await t.control<{ counts: Record<string, number> }>("requests");
    expect(counts.GetDomainNames).toBe(3);
  });

  it("stages with access log settings, log events, a filter and a Logs Insights query", async () => {
    const api = (await aws("apigateway", "create-rest-api", "--name", "logs-api")) as {
      id: string;
    };
    const { items } = (await aws("apigateway", "get-resources", "--rest-api-id", api.id)) as {
      items: { id: string; path: string }[];
    };
    const root = items.find((r) => r.path === "/")!.id;
    const on = ["--rest-api-id", api.id, "--resource-id", root, "--http-method", "GET"];
    await aws("apigateway", "put-method", ...on, "--authorization-type", "NONE");
    await aws("apigateway", "put-integration", ...on, "--type", "MOCK");
    await aws("apigateway", "create-deployment", "--rest-api-id", api.id, "--stage-name", "prod");
    await aws("logs", "create-log-group", "--log-group-name", "/apigw/access");
    const format =
      '{"requestId":"$context.requestId","subjectDN":"$context.identity.clientCert.subjectDN"}';
    const stage = await aws(
      "apigateway",
      "update-stage",
      "--rest-api-id",
      api.id,
      "--stage-name",
      "prod",
      "--patch-operations",
      `op=replace,path=/accessLogSettings/destinationArn,value=arn:aws:logs:us-east-1:000000000000:log-group:/apigw/access`,
      `op=replace,path=/accessLogSettings/format,value='${format}'`,
    );
    expect(stage.accessLogSettings).toEqual({
      destinationArn: "arn:aws:logs:us-east-1:000000000000:log-group:/apigw/access",
      format,
    });
    await aws(
      "logs",
      "create-log-stream",
      "--log-group-name",
      "/apigw/access",
      "--log-stream-name",
      "s1",
    );
    const now = Date.now();
    const events = ["CN=alice", "CN=bob", "CN=alice"].map((dn, i) => ({
      timestamp: now - 1000 * (3 - i),
      message: JSON.stringify({ requestId: `r${i}`, subjectDN: dn }),
    }));
    await aws(
      "logs",
      "put-log-events",
      "--log-group-name",
      "/apigw/access",
      "--log-stream-name",
      "s1",
      "--log-events",
      JSON.stringify(events),
    );
    const filtered = (await aws(
      "logs",
      "filter-log-events",
      "--log-group-name",
      "/apigw/access",
      "--filter-pattern",
      '"CN=alice"',
    )) as { events: unknown[] };
    expect(filtered.events).toHaveLength(2);
    const { queryId } = (await aws(
      "logs",
      "start-query",
      "--log-group-name",
      "/apigw/access",
      "--start-time",
      String(Math.floor(now / 1000) - 60),
      "--end-time",
      String(Math.floor(now / 1000) + 60),
      "--query-string",
      "fields subjectDN | stats count(*) as requests by subjectDN | sort requests desc",
    )) as { queryId: string };
    const results = (await aws("logs", "get-query-results", "--query-id", queryId)) as {
      status: string;
      results: { field: string; value: string }[][];
      statistics: { recordsScanned: number };
    };
    expect(results.status).toBe("Complete");
    expect(results.results).toEqual([
      [
        { field: "subjectDN", value: "CN=alice" },
        { field: "requests", value: "2" },
      ],
      [
        { field: "subjectDN", value: "CN=bob" },
        { field: "requests", value: "1" },
      ],
    ]);
    expect(results.statistics.recordsScanned).toBe(3);
  });

  it("apigatewayv2: create an mTLS domain name, switch its truststore version, list it, map an HTTP API", async () => {
    const root = await issue({ subject: "CN=V2 Root" });
    await aws("s3api", "create-bucket", "--bucket", "v2-truststores");
    await aws(
      "s3api",
      "put-bucket-versioning",
      "--bucket",
      "v2-truststores",
      "--versioning-configuration",
      "Status=Enabled",
    );
    const put = async (body: string) =>
      (
        (await aws(
          "s3api",
          "put-object",
          "--bucket",
          "v2-truststores",
          "--key",
          "ts.pem",
          "--body",
          file(`v2-${Math.random()}.pem`, body),
        )) as { VersionId: string }
      ).VersionId;
    const v1 = await put(bundle(root));
    const v2 = await put(bundle(root, await issue({ subject: "CN=V2 Second Root" })));
    const { CertificateArn } = (await aws(
      "acm",
      "request-certificate",
      "--domain-name",
      "http.v2.example",
    )) as { CertificateArn: string };
    const created = (await aws(
      "apigatewayv2",
      "create-domain-name",
      "--domain-name",
      "http.v2.example",
      "--domain-name-configurations",
      `CertificateArn=${CertificateArn},EndpointType=REGIONAL,SecurityPolicy=TLS_1_2`,
      "--mutual-tls-authentication",
      `TruststoreUri=s3://v2-truststores/ts.pem,TruststoreVersion=${v1}`,
    )) as {
      DomainNameConfigurations: { DomainNameStatus: string; ApiGatewayDomainName: string }[];
      MutualTlsAuthentication: { TruststoreVersion: string; TruststoreWarnings: string[] };
    };
    expect(created.DomainNameConfigurations[0]!.DomainNameStatus).toBe("AVAILABLE");
    expect(created.MutualTlsAuthentication).toMatchObject({ TruststoreVersion: v1 });
    const updated = (await aws(
      "apigatewayv2",
      "update-domain-name",
      "--domain-name",
      "http.v2.example",
      "--mutual-tls-authentication",
      `TruststoreUri=s3://v2-truststores/ts.pem,TruststoreVersion=${v2}`,
    )) as { MutualTlsAuthentication: { TruststoreVersion: string } };
    expect(updated.MutualTlsAuthentication.TruststoreVersion).toBe(v2);
    const listed = (await aws("apigatewayv2", "get-domain-names")) as {
      Items: { DomainName: string }[];
    };
    expect(listed.Items.map((d) => d.DomainName)).toContain("http.v2.example");
    // The same domain through v1: one resource, two APIs.
    const viaV1 = (await aws(
      "apigateway",
      "get-domain-name",
      "--domain-name",
      "http.v2.example",
    )) as {
      mutualTlsAuthentication: { truststoreVersion: string };
    };
    expect(viaV1.mutualTlsAuthentication.truststoreVersion).toBe(v2);
    const api = (await aws(
      "apigatewayv2",
      "create-api",
      "--name",
      "http-api",
      "--protocol-type",
      "HTTP",
    )) as {
      ApiId: string;
    };
    await aws("apigatewayv2", "create-stage", "--api-id", api.ApiId, "--stage-name", "live");
    await aws(
      "apigatewayv2",
      "create-api-mapping",
      "--domain-name",
      "http.v2.example",
      "--api-id",
      api.ApiId,
      "--stage",
      "live",
      "--api-mapping-key",
      "v1",
    );
    const mappings = (await aws(
      "apigatewayv2",
      "get-api-mappings",
      "--domain-name",
      "http.v2.example",
    )) as {
      Items: { ApiId: string; ApiMappingKey: string; Stage: string }[];
    };
    expect(mappings.Items).toEqual([
      expect.objectContaining({ ApiId: api.ApiId, ApiMappingKey: "v1", Stage: "live" }),
    ]);
    // v1's base path mappings list REST APIs only.
    const v1Mappings = await aws(
      "apigateway",
      "get-base-path-mappings",
      "--domain-name",
      "http.v2.example",
    );
    expect(v1Mappings.items ?? []).toEqual([]);
  });
});
