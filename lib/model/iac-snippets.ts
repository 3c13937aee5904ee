/**
 * A mutual TLS change as copyable text for each tool that can make it or
 * must say it too: the AWS CLI, a CloudFormation template, the CDK
 * (TypeScript) and Terraform. Pure and browser-safe.
 *
 * A custom domain name is one resource whichever API Gateway API created
 * it: API Gateway v1 and v2 both read and change it, and the console
 * changes every domain through v1 (lib/aws/api-gateway.ts: one PATCH of
 * /mutualTlsAuthentication/...). So the v1 CLI command is always the
 * console's own change. Which resource type a template declares the domain
 * with (AWS::ApiGateway::DomainName or AWS::ApiGatewayV2::DomainName,
 * aws_api_gateway_domain_name or aws_apigatewayv2_domain_name) nothing in
 * the domain tells: unless the caller says, both are given.
 */
import { cdkConstructId, type ManagedBy } from "./iac";
import {
  hclIdentifier,
  hclString,
  shellQuote,
  shellWord,
  shorthandPlain,
  tsString,
  yamlString,
} from "./snippet-quoting";

export type ApiGatewayApi = "v1" | "v2";

/** The domain's configuration, which API Gateway v2's UpdateDomainName must be given again. */
export interface DomainConfiguration {
  certificateArn?: string;
  ownershipVerificationCertificateArn?: string;
  endpointType?: string;
  securityPolicy?: string;
}

export interface SnippetInput {
  domainName: string;
  /** What the domain is to have: its truststore and pinned version (none: the newest object), or null for mutual TLS off. */
  mtls: { truststoreUri: string; truststoreVersion?: string } | null;
  /** The change names the truststore URI too (enabling mutual TLS, another object); a version switch does not. */
  setsTruststoreUri?: boolean;
  /** The API Gateway API the domain is declared with ("v1": REST resources, "v2": HTTP API ones); absent: unknown, both. */
  api?: ApiGatewayApi;
  configuration?: DomainConfiguration;
  /** Who manages the domain: its CloudFormation logical id or CDK construct id name the resource. */
  managed?: ManagedBy | null;
}

export interface Snippet {
  tool: "aws-cli" | "cloudformation" | "cdk" | "terraform";
  api: ApiGatewayApi;
  /** What it is, as a heading: "Terraform: aws_api_gateway_domain_name". */
  title: string;
  text: string;
}

const RESOURCE = {
  v1: {
    cloudformation: "AWS::ApiGateway::DomainName",
    terraform: "aws_api_gateway_domain_name",
    cdkModule: "aws-apigateway",
    cdkAlias: "apigateway",
  },
  v2: {
    cloudformation: "AWS::ApiGatewayV2::DomainName",
    terraform: "aws_apigatewayv2_domain_name",
    cdkModule: "aws-apigatewayv2",
    cdkAlias: "apigwv2",
  },
} as const;

const MTLS_PATH = "/mutualTlsAuthentication";

/**
 * v1, in the form of AWS's guide ("Configuring mutual TLS authentication
 * for a REST API"): `--patch-operations op='replace',path='…',value='…'`,
 * or the same operations as JSON when a value would not survive the
 * shorthand syntax.
 */
function cliV1(input: SnippetInput): string {
  const { mtls } = input;
  const ops: { path: string; value: string }[] = [];
  if (!mtls) ops.push({ path: `${MTLS_PATH}/truststoreUri`, value: "" });
  else {
    if (input.setsTruststoreUri || mtls.truststoreVersion === undefined)
      ops.push({ path: `${MTLS_PATH}/truststoreUri`, value: mtls.truststoreUri });
    if (mtls.truststoreVersion !== undefined)
      ops.push({ path: `${MTLS_PATH}/truststoreVersion`, value: mtls.truststoreVersion });
  }
  const patch = ops.every((o) => shorthandPlain(o.value))
    ? ops.map((o) => `op='replace',path='${o.path}',value=${shellQuote(o.value)}`).join(" ")
    : shellQuote(JSON.stringify(ops.map((o) => ({ op: "replace", ...o }))));
  return [
    "aws apigateway update-domain-name",
    `--domain-name ${shellWord(input.domainName)}`,
    `--patch-operations ${patch}`,
  ].join(" \\\n    ");
}

/** `Key=value,Key=value` when the CLI's shorthand reads every value as it is, else JSON (in a list: `asList`). */
function cliStructure(fields: [string, string][], asList = false): string {
  if (fields.every(([, v]) => shorthandPlain(v)))
    return fields.map(([k, v]) => `${k}=${v === "" ? "''" : v}`).join(",");
  const json = JSON.stringify(Object.fromEntries(fields));
  return shellQuote(asList ? `[${json}]` : json);
}

/**
 * v2, in the form of AWS's guide for HTTP APIs, with what the guide leaves
 * out: v2's UpdateDomainName needs the domain's configuration again
 * ("Expected one domain name configuration"), and the CLI takes the
 * shorthand keys in the model's case (TruststoreVersion; the guide's
 * `truststoreVersion=` is refused by the CLI's parameter validation).
 */
function cliV2(input: SnippetInput): string {
  const c = input.configuration ?? {};
  const configuration: [string, string][] = [
    ["CertificateArn", c.certificateArn ?? "CERTIFICATE_ARN"],
    ["EndpointType", c.endpointType ?? "REGIONAL"],
    ["SecurityPolicy", c.securityPolicy ?? "TLS_1_2"],
  ];
  if (c.ownershipVerificationCertificateArn)
    configuration.push([
      "OwnershipVerificationCertificateArn",
      c.ownershipVerificationCertificateArn,
    ]);
  const mtls: [string, string][] = input.mtls
    ? [["TruststoreUri", input.mtls.truststoreUri]]
    : [["TruststoreUri", ""]];
  if (input.mtls?.truststoreVersion !== undefined)
    mtls.push(["TruststoreVersion", input.mtls.truststoreVersion]);
  return [
    "aws apigatewayv2 update-domain-name",
    `--domain-name ${shellWord(input.domainName)}`,
    `--domain-name-configurations ${cliStructure(configuration, true)}`,
    `--mutual-tls-authentication ${cliStructure(mtls)}`,
  ].join(" \\\n    ");
}

/** The template's resource: its logical id when the tags name it (CloudFormation's are alphanumeric). */
function logicalIdOf(managed: ManagedBy | null | undefined): string {
  const id = managed?.tool === "cloudformation" ? managed.logicalId : undefined;
  return id && /^[A-Za-z0-9]+$/.test(id) ? id : "DomainName";
}

function cloudFormation(input: SnippetInput, api: ApiGatewayApi): string {
  const lines = [
    `${logicalIdOf(input.managed)}:`,
    `  Type: ${RESOURCE[api].cloudformation}`,
    "  Properties:",
    `    DomainName: ${yamlString(input.domainName)}`,
    "    # ... its other properties as they are",
  ];
  if (!input.mtls) lines.push("    # no MutualTlsAuthentication: mutual TLS off");
  else {
    lines.push("    MutualTlsAuthentication:");
    lines.push(`      TruststoreUri: ${yamlString(input.mtls.truststoreUri)}`);
    if (input.mtls.truststoreVersion !== undefined)
      lines.push(`      TruststoreVersion: ${yamlString(input.mtls.truststoreVersion)}`);
  }
  return lines.join("\n");
}

/** The construct's id: from its CDK path when tagged, else a usual one. */
function constructIdOf(managed: ManagedBy | null | undefined): string {
  const path = managed?.tool === "cloudformation" ? managed.cdkPath : undefined;
  return (path && cdkConstructId(path)) || "DomainName";
}

/** s3://bucket/key → bucket and key (a key keeps its slashes). */
function s3Parts(uri: string): { bucket: string; key: string } | null {
  const match = /^s3:\/\/([^/]+)\/(.+)$/.exec(uri);
  return match ? { bucket: match[1]!, key: match[2]! } : null;
}

function cdk(input: SnippetInput, api: ApiGatewayApi): string {
  const { cdkModule, cdkAlias } = RESOURCE[api];
  const { mtls } = input;
  const s3 = mtls ? s3Parts(mtls.truststoreUri) : null;
  const lines = [`import * as ${cdkAlias} from "aws-cdk-lib/${cdkModule}";`];
  if (mtls) lines.push('import * as s3 from "aws-cdk-lib/aws-s3";');
  lines.push(
    "",
    `new ${cdkAlias}.DomainName(this, ${tsString(constructIdOf(input.managed))}, {`,
    `  domainName: ${tsString(input.domainName)},`,
    "  // certificate and its other props as they are",
  );
  if (!mtls) lines.push("  // no mtls: mutual TLS off");
  else {
    if (!s3)
      lines.push(`  // the truststore URI is not s3://bucket/key: ${tsString(mtls.truststoreUri)}`);
    lines.push(
      "  mtls: {",
      `    bucket: s3.Bucket.fromBucketName(this, "TruststoreBucket", ${tsString(s3?.bucket ?? "BUCKET")}),`,
      `    key: ${tsString(s3?.key ?? "KEY")},`,
    );
    if (mtls.truststoreVersion !== undefined)
      lines.push(`    version: ${tsString(mtls.truststoreVersion)},`);
    lines.push("  },");
  }
  lines.push("});");
  return lines.join("\n");
}

function terraform(input: SnippetInput, api: ApiGatewayApi): string {
  const { mtls } = input;
  const lines = [
    `resource "${RESOURCE[api].terraform}" "${hclIdentifier(input.domainName)}" {`,
    `  domain_name = ${hclString(input.domainName)}`,
    "  # ... its other arguments as they are",
  ];
  if (!mtls) lines.push("  # no mutual_tls_authentication block: mutual TLS off");
  else {
    const pinned = mtls.truststoreVersion !== undefined;
    lines.push("", "  mutual_tls_authentication {");
    // terraform fmt aligns the `=` of neighbouring arguments.
    lines.push(`    truststore_uri${pinned ? "    " : ""} = ${hclString(mtls.truststoreUri)}`);
    if (pinned) lines.push(`    truststore_version = ${hclString(mtls.truststoreVersion!)}`);
    lines.push("  }");
  }
  lines.push("}");
  return lines.join("\n");
}

/**
 * The change as text: the AWS CLI command (v1, the console's own; v2's too
 * for a domain declared with v2), then for each resource type that may
 * declare the domain (`input.api`, else both) the CloudFormation resource,
 * the CDK construct and the Terraform resource.
 */
export function snippets(input: SnippetInput): Snippet[] {
  const apis: ApiGatewayApi[] = input.api ? [input.api] : ["v1", "v2"];
  const out: Snippet[] = [
    { tool: "aws-cli", api: "v1", title: "AWS CLI (apigateway)", text: cliV1(input) },
  ];
  if (input.api === "v2")
    out.push({ tool: "aws-cli", api: "v2", title: "AWS CLI (apigatewayv2)", text: cliV2(input) });
  for (const api of apis)
    out.push({
      tool: "cloudformation",
      api,
      title: `CloudFormation: ${RESOURCE[api].cloudformation}`,
      text: cloudFormation(input, api),
    });
  for (const api of apis)
    out.push({
      tool: "cdk",
      api,
      title: `CDK (TypeScript): ${RESOURCE[api].cdkAlias}.DomainName`,
      text: cdk(input, api),
    });
  for (const api of apis)
    out.push({
      tool: "terraform",
      api,
      title: `Terraform: ${RESOURCE[api].terraform}`,
      text: terraform(input, api),
    });
  return out;
}
