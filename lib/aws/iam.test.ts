/**
 * The IAM page is complete and current: every SDK command the code sends
 * has its IAM actions in lib/aws/iam.ts, nothing listed is unused, and
 * docs/iam.md is what that file renders.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { format } from "prettier";
import { describe, expect, it } from "vitest";
import { IAM_CALLS, policyFor } from "./iam";
import { iamPage } from "./iam-page";

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sources(join(dir, e.name))
      : /\.tsx?$/.test(e.name) && !e.name.endsWith(".test.ts")
        ? [join(dir, e.name)]
        : [],
  );
}

describe("the IAM page", () => {
  it("lists every SDK command the console sends, and nothing else", () => {
    const sent = new Set<string>();
    for (const file of [...sources("lib"), ...sources("app"), ...sources("scripts")]) {
      const text = readFileSync(file, "utf8");
      for (const m of text.matchAll(/new (?:\w+\.)?([A-Z]\w+Command)\(/g)) sent.add(m[1]!);
      for (const m of text.matchAll(/paginate([A-Z]\w+)\(/g)) sent.add(`${m[1]}Command`);
    }
    expect(
      [...sent].filter((c) => !IAM_CALLS[c]),
      "commands without IAM actions",
    ).toEqual([]);
    expect(
      Object.keys(IAM_CALLS).filter((c) => !sent.has(c)),
      "listed but never sent",
    ).toEqual([]);
  });

  it("gives each role what its calls need, and docs/iam.md is current (npm run iam-page)", async () => {
    expect(policyFor("viewer").Statement).toEqual([
      expect.objectContaining({ Action: expect.not.arrayContaining(["apigateway:PATCH"]) }),
    ]);
    expect(JSON.stringify(policyFor("operator"))).toContain("apigateway:PATCH");
    expect(JSON.stringify(policyFor("watch"))).toContain("sns:Publish");
    expect(readFileSync("docs/iam.md", "utf8")).toBe(
      await format(iamPage(), { filepath: "docs/iam.md" }),
    );
  });
});
