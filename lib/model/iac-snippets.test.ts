import { describe, expect, it } from "vitest";
import { snippets, type Snippet, type SnippetInput } from "./iac-snippets";

const one = (list: Snippet[], tool: Snippet["tool"], api: Snippet["api"]) => {
  const found = list.filter((s) => s.tool === tool && s.api === api);
  expect(found).toHaveLength(1);
  return found[0]!.text;
};

const rest: SnippetInput = {
  domainName: "api.example.com",
  mtls: { truststoreUri: "s3://trust-bucket/truststore.pem", truststoreVersion: "abcdef123" },
  api: "v1",
};

/** Braces balanced, never closed before opened; strings skipped. */
function balanced(text: string): boolean {
  let depth = 0;
  const bare = text.replace(/"(?:\\.|[^"\\])*"/g, '""');
  for (const c of bare) {
    if (c === "{") depth++;
    if (c === "}" && --depth < 0) return false;
  }
  return depth === 0;
}

/** The value of an HCL quoted string, read back by the escapes HCL defines. */
function hclValue(quoted: string): string {
  expect(quoted).toMatch(/^"(?:\\.|\$\$\{|%%\{|[^"\\])*"$/);
  return quoted
    .slice(1, -1)
    .replace(/\\u([0-9a-f]{4})|\\(.)|\$\$\{|%%\{/g, (m, code: string, c: string) =>
      code
        ? String.fromCharCode(parseInt(code, 16))
        : c
          ? ({ n: "\n", r: "\r", t: "\t" }[c] ?? c)
          : m.slice(1),
    );
}

describe("the AWS CLI", () => {
  it("is AWS's guide command for a version switch, exactly", () => {
    expect(one(snippets(rest), "aws-cli", "v1")).toBe(
      "aws apigateway update-domain-name \\\n" +
        "    --domain-name api.example.com \\\n" +
        "    --patch-operations op='replace',path='/mutualTlsAuthentication/truststoreVersion',value='abcdef123'",
    );
  });

  it("sets the URI and the version when the change names a truststore", () => {
    expect(one(snippets({ ...rest, setsTruststoreUri: true }), "aws-cli", "v1")).toContain(
      "--patch-operations op='replace',path='/mutualTlsAuthentication/truststoreUri',value='s3://trust-bucket/truststore.pem' op='replace',path='/mutualTlsAuthentication/truststoreVersion',value='abcdef123'",
    );
  });

  it("disables with an empty URI, as the guide does", () => {
    expect(one(snippets({ ...rest, mtls: null }), "aws-cli", "v1")).toBe(
      "aws apigateway update-domain-name \\\n" +
        "    --domain-name api.example.com \\\n" +
        "    --patch-operations op='replace',path='/mutualTlsAuthentication/truststoreUri',value=''",
    );
  });

  it("quotes a value with a single quote for the shell, as JSON for the CLI", () => {
    const text = one(
      snippets({ ...rest, mtls: { truststoreUri: "s3://b/k", truststoreVersion: "it's" } }),
      "aws-cli",
      "v1",
    );
    expect(text).toBe(
      "aws apigateway update-domain-name \\\n" +
        "    --domain-name api.example.com \\\n" +
        `    --patch-operations '[{"op":"replace","path":"/mutualTlsAuthentication/truststoreVersion","value":"it'\\''s"}]'`,
    );
  });

  it("quotes a wildcard domain name: the shell would expand it", () => {
    expect(one(snippets({ ...rest, domainName: "*.example.com" }), "aws-cli", "v1")).toContain(
      "--domain-name '*.example.com' \\",
    );
  });

  it("adds v2's command, with the configuration v2 needs, for a domain declared with v2", () => {
    const text = one(
      snippets({
        ...rest,
        api: "v2",
        configuration: {
          certificateArn: "arn:aws:acm:eu-west-1:123456789012:certificate/abc",
          endpointType: "REGIONAL",
          securityPolicy: "TLS_1_2",
        },
      }),
      "aws-cli",
      "v2",
    );
    expect(text).toBe(
      "aws apigatewayv2 update-domain-name \\\n" +
        "    --domain-name api.example.com \\\n" +
        "    --domain-name-configurations CertificateArn=arn:aws:acm:eu-west-1:123456789012:certificate/abc,EndpointType=REGIONAL,SecurityPolicy=TLS_1_2 \\\n" +
        "    --mutual-tls-authentication TruststoreUri=s3://trust-bucket/truststore.pem,TruststoreVersion=abcdef123",
    );
  });

  it("gives v1's command alone for a REST domain, and for one of unknown kind", () => {
    expect(snippets(rest).filter((s) => s.tool === "aws-cli")).toHaveLength(1);
    expect(snippets({ ...rest, api: undefined }).filter((s) => s.tool === "aws-cli")).toHaveLength(
      1,
    );
  });
});

describe("Terraform", () => {
  it("is the right resource with a mutual_tls_authentication block", () => {
    const text = one(snippets(rest), "terraform", "v1");
    expect(balanced(text)).toBe(true);
    expect(text).toMatch(/^resource "aws_api_gateway_domain_name" "api_example_com" \{$/m);
    expect(text).toMatch(/^ {2}domain_name = "api\.example\.com"$/m);
    expect(text).toMatch(/^ {2}mutual_tls_authentication \{$/m);
    expect(text).toMatch(/^ {4}truststore_uri {5}= "s3:\/\/trust-bucket\/truststore\.pem"$/m);
    expect(text).toMatch(/^ {4}truststore_version = "abcdef123"$/m);
  });

  it("escapes quotes, backslashes, newlines and template sequences", () => {
    const uri = 's3://b/we"ird\\key ${var.x} %{if} \n';
    const text = one(
      snippets({ ...rest, mtls: { truststoreUri: uri, truststoreVersion: 'v"1\\' } }),
      "terraform",
      "v1",
    );
    expect(balanced(text)).toBe(true);
    const [, uriQuoted] = /^ {4}truststore_uri {5}= (.*)$/m.exec(text)!;
    const [, versionQuoted] = /^ {4}truststore_version = (.*)$/m.exec(text)!;
    expect(uriQuoted).toBe('"s3://b/we\\"ird\\\\key $${var.x} %%{if} \\n"');
    expect(hclValue(uriQuoted!)).toBe(uri);
    expect(hclValue(versionQuoted!)).toBe('v"1\\');
  });

  it("leaves truststore_version out when the domain pins none, and the block out when off", () => {
    const latest = one(
      snippets({ ...rest, mtls: { truststoreUri: "s3://b/k" } }),
      "terraform",
      "v1",
    );
    expect(latest).toMatch(/^ {4}truststore_uri = "s3:\/\/b\/k"$/m);
    expect(latest).not.toContain("truststore_version");
    const off = one(snippets({ ...rest, mtls: null }), "terraform", "v1");
    expect(balanced(off)).toBe(true);
    expect(off).not.toMatch(/^\s*mutual_tls_authentication \{/m);
  });

  it("gives both resource types when the domain's kind is not known", () => {
    const list = snippets({ ...rest, api: undefined }).filter((s) => s.tool === "terraform");
    expect(list.map((s) => s.text.split("\n")[0])).toEqual([
      'resource "aws_api_gateway_domain_name" "api_example_com" {',
      'resource "aws_apigatewayv2_domain_name" "api_example_com" {',
    ]);
  });
});

describe("the CDK and CloudFormation", () => {
  it("names apigateway.DomainName for REST, apigwv2.DomainName for HTTP APIs", () => {
    const v1 = one(snippets(rest), "cdk", "v1");
    expect(v1).toContain('import * as apigateway from "aws-cdk-lib/aws-apigateway";');
    expect(v1).toContain('new apigateway.DomainName(this, "DomainName", {');
    expect(v1).toContain(
      'bucket: s3.Bucket.fromBucketName(this, "TruststoreBucket", "trust-bucket"),',
    );
    expect(v1).toContain('key: "truststore.pem",');
    expect(v1).toContain('version: "abcdef123",');
    const v2 = one(snippets({ ...rest, api: "v2" }), "cdk", "v2");
    expect(v2).toContain('import * as apigwv2 from "aws-cdk-lib/aws-apigatewayv2";');
    expect(v2).toContain("new apigwv2.DomainName(this,");
  });

  it("takes the construct id from the CDK path, the logical id from the tags", () => {
    const managed = {
      tool: "cloudformation" as const,
      stack: "ApiStack",
      logicalId: "ApiDomain1A2B3C4D",
      cdkPath: "ApiStack/ApiDomain/Resource",
    };
    const list = snippets({ ...rest, managed });
    expect(one(list, "cdk", "v1")).toContain('new apigateway.DomainName(this, "ApiDomain", {');
    expect(one(list, "cloudformation", "v1")).toBe(
      [
        "ApiDomain1A2B3C4D:",
        "  Type: AWS::ApiGateway::DomainName",
        "  Properties:",
        '    DomainName: "api.example.com"',
        "    # ... its other properties as they are",
        "    MutualTlsAuthentication:",
        '      TruststoreUri: "s3://trust-bucket/truststore.pem"',
        '      TruststoreVersion: "abcdef123"',
      ].join("\n"),
    );
  });

  it("says mutual TLS off by leaving mtls and MutualTlsAuthentication out", () => {
    const list = snippets({ ...rest, mtls: null, api: "v2" });
    expect(one(list, "cdk", "v2")).not.toMatch(/^\s*mtls:/m);
    expect(one(list, "cloudformation", "v2")).toContain("Type: AWS::ApiGatewayV2::DomainName");
    expect(one(list, "cloudformation", "v2")).not.toMatch(/^\s*MutualTlsAuthentication:/m);
  });
});
