/**
 * The apps the infra tests synthesize, and what they read back from a
 * template: a container's definition, a construct's logical id, a value
 * as CloudFormation would resolve it for given parameters.
 */
import { Stack, type CfnResource } from "aws-cdk-lib";
import { Template } from "aws-cdk-lib/assertions";
import type { Construct } from "constructs";
import { consoleApp, type ConsoleApp } from "./app";

export const CERTIFICATE =
  "arn:aws:acm:eu-west-1:123456789012:certificate/11111111-2222-3333-4444-555555555555";
export const AUTH_SECRET =
  "arn:aws:secretsmanager:eu-west-1:123456789012:secret:mtls-console/auth-AbCdEf";
export const TOPIC = "arn:aws:sns:eu-west-1:123456789012:mtls-watch";
export const MEMBERS = [
  { id: "222222222222", label: "payments", regions: ["us-east-1"] },
  { id: "333333333333", label: "identity", regions: ["eu-west-1", "eu-central-1"] },
];

/** One account, nothing optional named. */
export const SINGLE: Record<string, string> = {
  account: "123456789012",
  region: "eu-west-1",
  certificateArn: CERTIFICATE,
  publicUrl: "https://mtls.example.org",
  oidcIssuer: "https://sso.example.org",
  externalId: "a-long-external-id",
  authSecretArn: AUTH_SECRET,
  desiredCount: "3",
  regions: "eu-west-1,us-east-1",
};

/** Member accounts, truststore buckets and a topic for the watch. */
export const FLEET: Record<string, string> = {
  ...SINGLE,
  accounts: JSON.stringify(MEMBERS),
  truststoreBuckets: "truststores-*,pki-prod",
  watchSnsTopicArn: TOPIC,
};

export interface Synthesized extends ConsoleApp {
  template: Template;
  members: Template;
}

export function synthesize(context: Record<string, string>): Synthesized {
  const built = consoleApp({ context });
  return {
    ...built,
    template: Template.fromStack(built.consoleStack),
    members: Template.fromStack(built.memberRolesStack),
  };
}

export const logicalId = (construct: Construct) =>
  Stack.of(construct).getLogicalId(construct.node.defaultChild as CfnResource);

export interface ContainerDefinition {
  Name: string;
  Command?: string[];
  Environment?: { Name: string; Value: unknown }[];
  [key: string]: unknown;
}

export function container(template: Template, name: string): ContainerDefinition {
  const definitions = Object.values(template.findResources("AWS::ECS::TaskDefinition")).flatMap(
    (r) =>
      (r as { Properties: { ContainerDefinitions: ContainerDefinition[] } }).Properties
        .ContainerDefinitions,
  );
  const found = definitions.find((d) => d.Name === name);
  if (!found) throw new Error(`no container ${name}`);
  return found;
}

/** A container's environment variable as the template has it (a token's CloudFormation form). */
export function environmentValue(template: Template, name: string, variable: string): unknown {
  return container(template, name).Environment?.find((e) => e.Name === variable)?.Value;
}

/**
 * A template value as CloudFormation resolves it with these parameters:
 * Ref to a parameter, Fn::If, and the conditions' Fn::Not and Fn::Equals.
 */
export function resolved(
  value: unknown,
  template: { Conditions?: Record<string, unknown> },
  parameters: Record<string, string>,
): unknown {
  const resolve = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(resolve);
    if (typeof v !== "object" || v === null) return v;
    const o = v as Record<string, unknown>;
    if ("Ref" in o && typeof o.Ref === "string" && o.Ref in parameters) return parameters[o.Ref];
    if ("Fn::If" in o) {
      const [name, yes, no] = o["Fn::If"] as [string, unknown, unknown];
      return condition(template.Conditions?.[name]) ? resolve(yes) : resolve(no);
    }
    return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, resolve(x)]));
  };
  const condition = (c: unknown): boolean => {
    const o = c as Record<string, unknown[]>;
    if (o["Fn::Not"]) return !condition(o["Fn::Not"][0]);
    if (o["Fn::Equals"]) {
      const [a, b] = o["Fn::Equals"].map(resolve);
      return JSON.stringify(a) === JSON.stringify(b);
    }
    throw new Error(`a condition these tests cannot resolve: ${JSON.stringify(c)}`);
  };
  return resolve(value);
}
