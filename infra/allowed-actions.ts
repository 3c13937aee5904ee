/**
 * What a role in a synthesized template may do, for the infra tests: the
 * Allow actions of its inline policies and of every AWS::IAM::Policy
 * attached to it, and its managed policies (which would grant more than
 * the template shows, so the tests want none).
 */
import type { Template } from "aws-cdk-lib/assertions";

interface Statement {
  Effect: string;
  Action: string | string[];
  Resource?: unknown;
}
interface Document {
  Statement: Statement[];
}
interface Resource {
  Type: string;
  Properties: Record<string, unknown>;
}

export interface RoleGrants {
  /** Allow actions, sorted, each once. */
  actions: string[];
  statements: Statement[];
  managedPolicyArns: unknown[];
}

export function roleGrants(template: Template, roleLogicalId: string): RoleGrants {
  const resources = template.toJSON().Resources as Record<string, Resource>;
  const role = resources[roleLogicalId];
  if (role?.Type !== "AWS::IAM::Role") throw new Error(`${roleLogicalId} is not a role.`);
  const inline = (role.Properties.Policies as { PolicyDocument: Document }[] | undefined) ?? [];
  const attached = Object.values(resources).filter(
    (r) =>
      r.Type === "AWS::IAM::Policy" &&
      (r.Properties.Roles as unknown[]).some(
        (ref) => JSON.stringify(ref) === JSON.stringify({ Ref: roleLogicalId }),
      ),
  );
  const statements = [
    ...inline.map((p) => p.PolicyDocument),
    ...attached.map((p) => p.Properties.PolicyDocument as Document),
  ].flatMap((d) => d.Statement);
  const actions = statements
    .filter((s) => s.Effect === "Allow")
    .flatMap((s) => (typeof s.Action === "string" ? [s.Action] : s.Action));
  return {
    actions: [...new Set(actions)].sort(),
    statements,
    managedPolicyArns: (role.Properties.ManagedPolicyArns as unknown[] | undefined) ?? [],
  };
}
