/**
 * docs/iam.md read back, for the infra tests: the actions its policy for a
 * role lists, and the actions it names for the console's own store. Read
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

/** The actions docs/iam.md says the console's own store (AUDIT_BUCKET) needs, sorted. */
export function documentedStoreActions(page = readFileSync(PAGE, "utf8")): string[] {
  const sentence = /The console's own store \(`AUDIT_BUCKET`\) needs (.*?) for every/.exec(page);
  if (!sentence) throw new Error("docs/iam.md no longer says what the store needs.");
  return [...sentence[1]!.matchAll(/`(s3:\w+)`/g)].map((m) => m[1]!).sort();
}
