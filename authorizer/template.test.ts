/**
 * The deployment template, read with a YAML parser that knows
 * CloudFormation's short-form functions (!Ref, !Sub, !GetAtt…): every
 * reference resolves, the function is what the build makes, and its role
 * grants nothing beyond reading the lists and writing its own log group.
 */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";

interface YamlType {
  new (
    tag: string,
    options: { kind: "scalar" | "sequence" | "mapping"; construct: (data: unknown) => unknown },
  ): unknown;
}
interface JsYaml {
  Type: YamlType;
  DEFAULT_SCHEMA: { extend(types: unknown[]): unknown };
  load(text: string, options: { schema: unknown }): unknown;
}

/** js-yaml is what ESLint reads YAML with; it is in node_modules for that. */
const yaml = createRequire(import.meta.url)("js-yaml") as JsYaml;

const SCALAR = ["Ref", "Sub", "GetAtt", "Condition", "ImportValue", "Base64", "GetAZs"];
const SEQUENCE = [
  "Sub",
  "If",
  "Equals",
  "Not",
  "And",
  "Or",
  "Join",
  "Select",
  "Split",
  "FindInMap",
];
const fn = (name: string) => (name === "Ref" || name === "Condition" ? name : `Fn::${name}`);
const schema = yaml.DEFAULT_SCHEMA.extend([
  ...SCALAR.map(
    (name) =>
      new yaml.Type(`!${name}`, {
        kind: "scalar",
        construct: (data) => ({
          [fn(name)]: name === "GetAtt" ? String(data).split(".") : data,
        }),
      }),
  ),
  ...SEQUENCE.map(
    (name) =>
      new yaml.Type(`!${name}`, { kind: "sequence", construct: (data) => ({ [fn(name)]: data }) }),
  ),
]);

interface Template {
  AWSTemplateFormatVersion: string;
  Parameters: Record<string, { Type: string; Default?: unknown; AllowedValues?: unknown[] }>;
  Conditions: Record<string, unknown>;
  Resources: Record<
    string,
    { Type: string; Condition?: string; Properties: Record<string, unknown> }
  >;
  Outputs: Record<string, { Value: unknown }>;
}

async function template(): Promise<Template> {
  const text = await readFile(new URL("./template.yaml", import.meta.url), "utf8");
  return yaml.load(text, { schema }) as Template;
}

/** Every value under `node` whose key is `key`. */
function collect(node: unknown, key: string, out: unknown[] = []): unknown[] {
  if (Array.isArray(node)) node.forEach((n) => collect(n, key, out));
  else if (node && typeof node === "object")
    for (const [k, v] of Object.entries(node)) {
      if (k === key) out.push(v);
      collect(v, key, out);
    }
  return out;
}

const PSEUDO = [
  "AWS::Partition",
  "AWS::Region",
  "AWS::AccountId",
  "AWS::StackName",
  "AWS::URLSuffix",
];

describe("authorizer/template.yaml", () => {
  it("parses, and every reference names a parameter, a resource, a pseudo parameter or a condition", async () => {
    const t = await template();
    expect(t.AWSTemplateFormatVersion).toBe("2010-09-09");
    const names = new Set([...Object.keys(t.Parameters), ...Object.keys(t.Resources), ...PSEUDO]);
    for (const ref of collect(t, "Ref")) expect(names).toContain(ref);
    for (const [resource] of collect(t, "Fn::GetAtt") as string[][])
      expect(Object.keys(t.Resources)).toContain(resource);
    for (const sub of collect(t, "Fn::Sub"))
      for (const [, name] of String(sub).matchAll(/\$\{([^}]+)\}/g))
        expect(names).toContain(name!.split(".")[0]);
    for (const resource of Object.values(t.Resources))
      if (resource.Condition) expect(Object.keys(t.Conditions)).toContain(resource.Condition);
    expect(Object.keys(t.Outputs)).toEqual(["FunctionArn", "AuthorizerUri", "LogGroupName"]);
  });

  it("runs the built zip on nodejs24.x, configured by the parameters", async () => {
    const t = await template();
    expect(t.Parameters.RevocationPrefix?.Default).toBe("revocation/");
    expect(t.Parameters.FailOpen).toMatchObject({
      Default: "false",
      AllowedValues: ["false", "true"],
    });
    const fnProps = t.Resources.Function!.Properties;
    expect(fnProps).toMatchObject({
      Runtime: "nodejs24.x",
      Handler: "index.handler",
      Code: { S3Bucket: { Ref: "CodeBucket" }, S3Key: { Ref: "CodeKey" } },
      Environment: {
        Variables: {
          REVOCATION_BUCKET: { Ref: "RevocationBucket" },
          REVOCATION_PREFIX: { Ref: "RevocationPrefix" },
          FAIL_OPEN: { Ref: "FailOpen" },
        },
      },
      LoggingConfig: { LogGroup: { Ref: "LogGroup" } },
    });
    expect(fnProps.Timeout).toBeLessThanOrEqual(10);
    expect(fnProps.MemorySize).toBeLessThanOrEqual(512);
    expect(t.Resources.LogGroup).toMatchObject({
      Type: "AWS::Logs::LogGroup",
      Properties: { RetentionInDays: { Ref: "LogRetentionInDays" } },
    });
  });

  it("grants GetObject on the lists' prefix and its own log group, nothing else", async () => {
    const t = await template();
    const role = t.Resources.Role!.Properties as {
      Policies: { PolicyDocument: { Statement: { Action: unknown; Resource: unknown }[] } }[];
      ManagedPolicyArns?: unknown;
    };
    expect(role.ManagedPolicyArns).toBeUndefined();
    const statements = role.Policies.flatMap((p) => p.PolicyDocument.Statement);
    expect(statements).toEqual([
      {
        Effect: "Allow",
        Action: "s3:GetObject",
        Resource: {
          "Fn::Sub": "arn:${AWS::Partition}:s3:::${RevocationBucket}/${RevocationPrefix}*",
        },
      },
      {
        Effect: "Allow",
        Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
        Resource: { "Fn::GetAtt": ["LogGroup", "Arn"] },
      },
    ]);
    expect(JSON.stringify(t)).not.toContain("s3:ListBucket");
  });

  it("lets API Gateway invoke it only from the authorizers of the APIs given", async () => {
    const t = await template();
    const permissions = Object.values(t.Resources).filter(
      (r) => r.Type === "AWS::Lambda::Permission",
    );
    expect(permissions.map((p) => p.Condition).sort()).toEqual(["HasHttpApi", "HasRestApi"]);
    for (const p of permissions) {
      expect(p.Properties).toMatchObject({
        Action: "lambda:InvokeFunction",
        Principal: "apigateway.amazonaws.com",
        SourceAccount: { Ref: "AWS::AccountId" },
      });
      const arn = (p.Properties.SourceArn as { "Fn::Sub": string })["Fn::Sub"];
      expect(arn).toMatch(
        /^arn:\$\{AWS::Partition\}:execute-api:\$\{AWS::Region\}:\$\{AWS::AccountId\}:\$\{(Rest|Http)ApiId\}\/authorizers\/\*$/,
      );
    }
    expect((t.Outputs.AuthorizerUri!.Value as { "Fn::Sub": string })["Fn::Sub"]).toBe(
      "arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Function.Arn}/invocations",
    );
  });
});
