/**
 * The snippets read by the tools they are for: bash and the AWS CLI (against
 * a loopback server that records the request), terraform fmt and terraform
 * console, and the CDK, synthesized. Each suite skips where its tool is
 * missing.
 */
import { execFile, execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ts from "typescript";
import type { Stack } from "aws-cdk-lib";
import { Template } from "aws-cdk-lib/assertions";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { awsCli, awsCliAvailable, type AwsCli } from "../../test-support/aws-cli";
import { snippets, type Snippet, type SnippetInput } from "./iac-snippets";

const CERTIFICATE = "arn:aws:acm:us-east-1:123456789012:certificate/abc";
const text = (input: SnippetInput, tool: Snippet["tool"], api: Snippet["api"]) =>
  snippets(input).find((s) => s.tool === tool && s.api === api)!.text;

/** Values that break naive quoting: the shell's, the CLI shorthand's, HCL's. */
const AWKWARD = {
  domainName: "*.example.com",
  truststoreUri: 's3://trust-bucket/dir/it\'s, "a" $(touch pwned) ${x} %{y}\\.pem',
  truststoreVersion: "v'1,2 x=y",
};
const awkward: SnippetInput = {
  domainName: AWKWARD.domainName,
  mtls: { truststoreUri: AWKWARD.truststoreUri, truststoreVersion: AWKWARD.truststoreVersion },
  setsTruststoreUri: true,
  configuration: { certificateArn: CERTIFICATE },
};
const plain: SnippetInput = {
  domainName: "api.example.com",
  mtls: { truststoreUri: "s3://trust-bucket/truststore.pem", truststoreVersion: "abcdef123" },
  configuration: { certificateArn: CERTIFICATE },
};

const terraformAvailable = (() => {
  try {
    execFileSync("terraform", ["version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();

describe.skipIf(!terraformAvailable)("Terraform reads the snippets", () => {
  const dir = mkdtempSync(join(tmpdir(), "iac-terraform-"));
  const env = { ...process.env, TF_CLI_CONFIG_FILE: "/dev/null", CHECKPOINT_DISABLE: "1" };
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const terraform = (args: string[], input: string) =>
    new Promise<string>((resolve, reject) => {
      const child = execFile("terraform", args, { cwd: dir, env }, (error, stdout, stderr) =>
        error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(stdout),
      );
      child.stdin!.end(input);
    });

  it.each([
    ["a pinned version", plain],
    ["awkward values", awkward],
    ["no version", { ...plain, mtls: { truststoreUri: "s3://b/k" } }],
    ["mutual TLS off", { ...plain, mtls: null }],
  ])("terraform fmt -check: %s", async (_, input) => {
    for (const api of ["v1", "v2"] as const)
      await terraform(["fmt", "-check", "-"], `${text(input, "terraform", api)}\n`);
  });

  it("terraform console reads the values back exactly", async () => {
    const block = text(awkward, "terraform", "v2");
    const quoted = (name: string) => new RegExp(`^\\s*${name}\\s*= (.*)$`, "m").exec(block)![1]!;
    for (const [name, value] of [
      ["domain_name", AWKWARD.domainName],
      ["truststore_uri", AWKWARD.truststoreUri],
      ["truststore_version", AWKWARD.truststoreVersion],
    ] as const) {
      const printed = await terraform(["console"], `jsonencode(${quoted(name)})\n`);
      // The console prints the JSON text as an HCL string.
      expect(JSON.parse(JSON.parse(printed.trim()) as string)).toBe(value);
    }
  });
});

describe.skipIf(!awsCliAvailable)("bash and the AWS CLI run the commands", () => {
  const dir = mkdtempSync(join(tmpdir(), "iac-cli-"));
  const seen: { method: string; path: string; body: unknown }[] = [];
  let server: Server;
  let aws: AwsCli;
  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = "";
      req.on("data", (chunk: Buffer) => (body += chunk.toString()));
      req.on("end", () => {
        seen.push({
          method: req.method!,
          path: decodeURIComponent(req.url!),
          body: JSON.parse(body),
        });
        res.writeHead(200, { "content-type": "application/json" }).end("{}");
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    aws = awsCli(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, dir);
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  it("v1: the guide's form, and JSON for values the shorthand cannot carry", async () => {
    await aws.shell(text(plain, "aws-cli", "v1"));
    await aws.shell(text(awkward, "aws-cli", "v1"));
    await aws.shell(text({ ...plain, mtls: null }, "aws-cli", "v1"));
    const op = (path: string, value: string) => ({ op: "replace", path, value });
    const uri = "/mutualTlsAuthentication/truststoreUri";
    const version = "/mutualTlsAuthentication/truststoreVersion";
    expect(seen.splice(0)).toEqual([
      {
        method: "PATCH",
        path: "/domainnames/api.example.com",
        body: { patchOperations: [op(version, "abcdef123")] },
      },
      {
        method: "PATCH",
        path: "/domainnames/*.example.com",
        body: {
          patchOperations: [op(uri, AWKWARD.truststoreUri), op(version, AWKWARD.truststoreVersion)],
        },
      },
      {
        method: "PATCH",
        path: "/domainnames/api.example.com",
        body: { patchOperations: [op(uri, "")] },
      },
    ]);
    // Nothing in a value ran: "$(touch pwned)" stayed text.
    expect(existsSync(join(dir, "pwned"))).toBe(false);
  });

  it("v2: the configuration again, and mutual TLS", async () => {
    await aws.shell(text({ ...plain, api: "v2" }, "aws-cli", "v2"));
    await aws.shell(text({ ...awkward, api: "v2" }, "aws-cli", "v2"));
    const configuration = {
      certificateArn: CERTIFICATE,
      endpointType: "REGIONAL",
      securityPolicy: "TLS_1_2",
    };
    expect(seen.splice(0)).toEqual([
      {
        method: "PATCH",
        path: "/v2/domainnames/api.example.com",
        body: {
          domainNameConfigurations: [configuration],
          mutualTlsAuthentication: {
            truststoreUri: "s3://trust-bucket/truststore.pem",
            truststoreVersion: "abcdef123",
          },
        },
      },
      {
        method: "PATCH",
        path: "/v2/domainnames/*.example.com",
        body: {
          domainNameConfigurations: [configuration],
          mutualTlsAuthentication: {
            truststoreUri: AWKWARD.truststoreUri,
            truststoreVersion: AWKWARD.truststoreVersion,
          },
        },
      },
    ]);
  });
});

/** The CDK snippet inside a stack (a certificate where it says "as they are"), synthesized. */
function synthesize(snippet: string): Record<string, { Type: string; Properties: unknown }> {
  const [imports, body] = snippet.split("\n\n") as [string, string];
  const source = [
    'import { App, Stack } from "aws-cdk-lib";',
    'import * as acm from "aws-cdk-lib/aws-certificatemanager";',
    imports,
    "class SnippetStack extends Stack {",
    "  constructor(scope: App) {",
    '    super(scope, "Snippet");',
    body.replace(
      /^ {2}\/\/ certificate and its other props as they are$/m,
      `  certificate: acm.Certificate.fromCertificateArn(this, "Certificate", "${CERTIFICATE}"),`,
    ),
    "  }",
    "}",
    "module.exports = new SnippetStack(new App());",
  ].join("\n");
  const out = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
    reportDiagnostics: true,
  });
  expect(out.diagnostics ?? []).toEqual([]);
  const loaded = { exports: {} as unknown };
  new Function("require", "module", "exports", out.outputText)(
    createRequire(import.meta.url),
    loaded,
    loaded.exports,
  );
  return Template.fromStack(loaded.exports as Stack).toJSON().Resources as Record<
    string,
    { Type: string; Properties: unknown }
  >;
}

/** The CloudFormation snippet's resource: its type and its quoted values read back. */
function fromYaml(snippet: string) {
  const value = (key: string) => {
    const quoted = new RegExp(`^\\s*${key}: (".*")$`, "m").exec(snippet)?.[1];
    return quoted === undefined ? undefined : (JSON.parse(quoted) as string);
  };
  const uri = value("TruststoreUri");
  const version = value("TruststoreVersion");
  return {
    Type: /^ {2}Type: (\S+)$/m.exec(snippet)![1],
    DomainName: value("DomainName"),
    ...(uri === undefined
      ? {}
      : {
          MutualTlsAuthentication: {
            TruststoreUri: uri,
            ...(version === undefined ? {} : { TruststoreVersion: version }),
          },
        }),
  };
}

describe("the CDK snippets synthesize to the CloudFormation snippets", () => {
  it.each([
    ["a pinned version", plain],
    ["awkward values", awkward],
    ["no version", { ...plain, mtls: { truststoreUri: "s3://trust-bucket/dir/k.pem" } }],
    ["mutual TLS off", { ...plain, mtls: null }],
  ])("%s", (_, input) => {
    for (const api of ["v1", "v2"] as const) {
      const resources = Object.values(synthesize(text(input, "cdk", api))).filter((r) =>
        r.Type.endsWith("::DomainName"),
      );
      expect(resources).toHaveLength(1);
      const { Type, Properties } = resources[0]! as {
        Type: string;
        Properties: { DomainName: string; MutualTlsAuthentication?: unknown };
      };
      expect({
        Type,
        DomainName: Properties.DomainName,
        ...(Properties.MutualTlsAuthentication
          ? { MutualTlsAuthentication: Properties.MutualTlsAuthentication }
          : {}),
      }).toEqual(fromYaml(text(input, "cloudformation", api)));
    }
  });
});
