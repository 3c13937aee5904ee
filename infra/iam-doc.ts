/**
 * docs/iam.md read back, for the infra tests: the actions its policy for a
 * role lists (the console role: the store and the roles it assumes). Read
 * from the page, not from lib/aws/iam.ts, so that a stack that drifted
 * from what the page tells people fails its test.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { IamRole } from "../lib/aws/iam";

const PAGE = fileURLToPath(new URL("../docs/iam.md", import.meta.url));

/** The actions of the `### role` policy on docs/iam.md, sorted. */
export function documentedActions(role: IamRole, page = readFileSync(PAGE, "utf8")): string[] {
  const section = page.split(/^### /m).find((s) => s.startsWith(`${role}\n`));
  const json = section && /```json\n([\s\S]*?)\n```/.exec(section)?.[1];
  if (!json) throw new Error(`docs/iam.md has no policy for ${role}.`);
  const policy = JSON.parse(json) as { Statement: { Effect: string; Action: string | string[] }[] };
  const actions = policy.Statement.filter((s) => s.Effect === "Allow").flatMap((s) =>
    typeof s.Action === "string" ? [s.Action] : s.Action,
  );
  return [...new Set(actions)].sort();
}
