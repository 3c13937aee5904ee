import { describe, expect, it } from "vitest";
import { cdkConstructId, managedBy, managedByLabel, managedByTerms } from "./iac";

describe("managedBy: CloudFormation's own tags", () => {
  it("names the stack and the logical id", () => {
    const managed = managedBy({
      "aws:cloudformation:stack-name": "api-prod",
      "aws:cloudformation:logical-id": "ApiDomain",
      "aws:cloudformation:stack-id":
        "arn:aws:cloudformation:eu-west-1:123456789012:stack/api-prod/1",
      team: "payments",
    });
    expect(managed).toEqual({ tool: "cloudformation", stack: "api-prod", logicalId: "ApiDomain" });
    expect(managedByLabel(managed!)).toBe("CloudFormation stack api-prod (logical id ApiDomain)");
    // CloudFormation compares templates: a later update may put the template's back, or not.
    expect(managedByTerms(managed!)).toEqual({
      deployment: "a later deployment of the stack",
      reverts: "can revert",
      reverted: "can be reverted",
      source: "the template",
    });
  });

  it("names the stack alone when no logical id is tagged", () => {
    const managed = managedBy({ "aws:cloudformation:stack-name": "api-prod" });
    expect(managed).toEqual({ tool: "cloudformation", stack: "api-prod" });
    expect(managedByLabel(managed!)).toBe("CloudFormation stack api-prod");
  });

  it("names the CDK construct when its path is there, and its id", () => {
    const managed = managedBy({
      "aws:cloudformation:stack-name": "ApiStack",
      "aws:cloudformation:logical-id": "ApiDomain1A2B3C4D",
      "aws:cdk:path": "ApiStack/ApiDomain/Resource",
    });
    expect(managed).toEqual({
      tool: "cloudformation",
      stack: "ApiStack",
      logicalId: "ApiDomain1A2B3C4D",
      cdkPath: "ApiStack/ApiDomain/Resource",
    });
    expect(managedByLabel(managed!)).toBe(
      "CloudFormation stack ApiStack (logical id ApiDomain1A2B3C4D, CDK construct ApiStack/ApiDomain/Resource)",
    );
    expect(managedByTerms(managed!).source).toBe("the CDK app");
    expect(cdkConstructId("ApiStack/ApiDomain/Resource")).toBe("ApiDomain");
    expect(cdkConstructId("ApiStack/Api/Domain")).toBe("Domain");
    expect(cdkConstructId("Resource")).toBeUndefined();
  });

  it("takes CloudFormation's tags first: no one but AWS can set them", () => {
    expect(
      managedBy({ "aws:cloudformation:stack-name": "s", "managed-by": "terraform" })?.tool,
    ).toBe("cloudformation");
  });
});

describe("managedBy: Terraform's conventions", () => {
  it.each([
    ["managed-by", "terraform"],
    ["ManagedBy", "Terraform"],
    ["managed_by", "TERRAFORM"],
    ["Managed-By", " terraform "],
    ["MANAGED_BY", "terraform"],
    ["terraform", "true"],
    ["Terraform", "True"],
    ["TERRAFORM", "TRUE"],
  ])("%s = %s", (key, value) => {
    expect(managedBy({ [key]: value })).toEqual({ tool: "terraform" });
  });

  it.each([
    ["tf-workspace", "tf-module"],
    ["terraform:workspace", "terraform:module"],
    ["TF_Workspace", "TF_Module"],
  ])("names the workspace (%s) and the module (%s)", (workspaceKey, moduleKey) => {
    const managed = managedBy({
      ManagedBy: "terraform",
      [workspaceKey]: "prod",
      [moduleKey]: "module.edge",
    });
    expect(managed).toEqual({ tool: "terraform", workspace: "prod", module: "module.edge" });
    expect(managedByLabel(managed!)).toBe("Terraform (workspace prod, module module.edge)");
    expect(managedByTerms(managed!)).toEqual({
      deployment: "the next terraform apply",
      reverts: "reverts",
      reverted: "is reverted",
      source: "the Terraform configuration",
    });
  });

  it("says Terraform alone when nothing more is tagged", () => {
    expect(managedByLabel({ tool: "terraform" })).toBe("Terraform");
  });

  it("a workspace tag alone names no tool", () => {
    expect(managedBy({ "tf-workspace": "prod" })).toBeNull();
  });
});

describe("managedBy: nothing recognised", () => {
  it.each<[string, Record<string, string>]>([
    ["no tags", {}],
    ["unrelated tags", { team: "payments", env: "prod", Name: "api" }],
    ["another tool", { "managed-by": "pulumi" }],
    ["terraform = false", { terraform: "false" }],
    ["an empty stack name", { "aws:cloudformation:stack-name": " " }],
    ["the word in another tag", { owner: "terraform", description: "managed-by terraform" }],
  ])("%s → null", (_, tags) => {
    expect(managedBy(tags)).toBeNull();
  });
});
