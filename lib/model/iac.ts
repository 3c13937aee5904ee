/**
 * Which infrastructure-as-code tool manages a domain, as its tags tell.
 *
 * CloudFormation tags what it creates itself, with keys no one else may
 * set (`aws:` is reserved to AWS): `aws:cloudformation:stack-name`,
 * `aws:cloudformation:logical-id`, `aws:cloudformation:stack-id`. The CDK
 * deploys through CloudFormation, so a CDK domain carries the same tags;
 * `aws:cdk:path` (the construct's path) is CDK metadata rather than a tag,
 * but is honoured when present. Terraform tags nothing by itself: the
 * README's convention (`managed-by = "terraform"` in `tags` or the
 * provider's `default_tags`) and the spellings teams commonly use count.
 */

export type ManagedBy =
  | {
      tool: "cloudformation";
      stack: string;
      logicalId?: string;
      /** The CDK construct's path (Stack/Construct/Resource), when tagged. */
      cdkPath?: string;
    }
  | { tool: "terraform"; workspace?: string; module?: string };

/** A tag key without case, dashes, underscores, colons or spaces: "Managed_By" → "managedby". */
const squash = (key: string) => key.toLowerCase().replace(/[-_:\s]/g, "");

/** The first non-empty value among the tags whose squashed key is one of `keys`. */
function tagValue(tags: Record<string, string>, keys: string[]): string | undefined {
  for (const [key, value] of Object.entries(tags))
    if (keys.includes(squash(key)) && value.trim()) return value.trim();
  return undefined;
}

/**
 * Recognised: CloudFormation's own tags (first: AWS sets them, no one else
 * can), else Terraform's conventions, keys in any case and with `-`, `_`
 * or `:` anywhere: managed-by / ManagedBy / managed_by = terraform (any
 * case), terraform = true, tf-workspace / terraform:workspace, tf-module /
 * terraform:module. Null: no tool is named.
 */
export function managedBy(tags: Record<string, string>): ManagedBy | null {
  const stack = tags["aws:cloudformation:stack-name"]?.trim();
  if (stack) {
    const logicalId = tags["aws:cloudformation:logical-id"]?.trim();
    const cdkPath = tags["aws:cdk:path"]?.trim();
    return {
      tool: "cloudformation",
      stack,
      ...(logicalId ? { logicalId } : {}),
      ...(cdkPath ? { cdkPath } : {}),
    };
  }
  const manager = tagValue(tags, ["managedby"])?.toLowerCase();
  const flagged = tagValue(tags, ["terraform"])?.toLowerCase() === "true";
  if (manager !== "terraform" && !flagged) return null;
  const workspace = tagValue(tags, ["tfworkspace", "terraformworkspace"]);
  const terraformModule = tagValue(tags, ["tfmodule", "terraformmodule"]);
  return {
    tool: "terraform",
    ...(workspace ? { workspace } : {}),
    ...(terraformModule ? { module: terraformModule } : {}),
  };
}

/** The construct's id in its CDK path ("Stack/ApiDomain/Resource" → "ApiDomain"). */
export function cdkConstructId(cdkPath: string): string | undefined {
  const parts = cdkPath.split("/").filter(Boolean);
  if (parts.at(-1) === "Resource") parts.pop();
  return parts.length > 1 ? parts.at(-1) : undefined;
}

/** Who manages the domain, in words: "CloudFormation stack api-prod (logical id ApiDomain)". */
export function managedByLabel(managed: ManagedBy): string {
  if (managed.tool === "terraform") {
    const where = [
      managed.workspace ? `workspace ${managed.workspace}` : "",
      managed.module ? `module ${managed.module}` : "",
    ].filter(Boolean);
    return where.length ? `Terraform (${where.join(", ")})` : "Terraform";
  }
  const construct = managed.cdkPath ? `CDK construct ${managed.cdkPath}` : "";
  const id = managed.logicalId ? `logical id ${managed.logicalId}` : "";
  const details = [id, construct].filter(Boolean).join(", ");
  return `CloudFormation stack ${managed.stack}${details ? ` (${details})` : ""}`;
}

/**
 * What the tool deploys with, whether that surely undoes a change made
 * elsewhere, and what holds the domain's settings. Terraform compares the
 * real resource with its configuration at every apply; CloudFormation
 * compares templates, so a deployment sets the template's mutual TLS again
 * when it updates it (or replaces the domain), not every time.
 */
export function managedByTerms(managed: ManagedBy): {
  deployment: string;
  reverts: "reverts" | "can revert";
  reverted: "is reverted" | "can be reverted";
  source: string;
} {
  return managed.tool === "terraform"
    ? {
        deployment: "the next terraform apply",
        reverts: "reverts",
        reverted: "is reverted",
        source: "the Terraform configuration",
      }
    : {
        deployment: "a later deployment of the stack",
        reverts: "can revert",
        reverted: "can be reverted",
        source: managed.cdkPath ? "the CDK app" : "the template",
      };
}
