/**
 * The lint rule that keeps every import pointing down a floor
 * (eslint.layers.mjs): real ESLint, with the project's own configuration,
 * on files placed where they would live.
 */
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const eslint = new ESLint({ cwd: process.cwd() });

async function layerErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === "import/no-restricted-paths")
    .map((m) => m.message);
}

describe("imports point down the layers", () => {
  it.each([
    ["lib/aws/upward.ts", 'import { DomainError } from "../domains/shared/errors";'],
    ["lib/aws/upward.ts", 'import { startEmulator } from "../../emulator/server";'],
    ["lib/model/upward.ts", 'import { getBackend } from "@/lib/aws/config";'],
    ["lib/model/upward.ts", 'import { loadBundle } from "../truststore";'],
    ["lib/records/upward.ts", 'import { getSession } from "../auth/session";'],
    ["lib/domains/shared/upward.ts", 'import { getDomainDetail } from "../views/detail";'],
    ["lib/domains/versions/upward.ts", 'import { withDomainLock } from "../changes/locks";'],
    ["lib/actions/upward.ts", 'import Page from "../../app/page";'],
    ["emulator/upward.ts", 'import { getClients } from "../lib/aws/config";'],
    ["authorizer/upward.ts", 'import { getClients } from "../lib/aws/config";'],
    ["authorizer/upward.ts", 'import { issue } from "../lib/pki/generate";'],
    ["lib/domains/shared/upward.ts", 'import { handler } from "../../../authorizer/handler";'],
    ["app/upward.ts", 'import { makeHandler } from "@/authorizer/handler";'],
    ["infra/upward.ts", 'import { putJson } from "../lib/records/store";'],
    ["infra/upward.ts", 'import { getClients } from "../lib/aws/config";'],
    ["lib/aws/upward.ts", 'import { roleActions } from "../../infra/console-policies";'],
    ["lib/domains/shared/upward.ts", 'import { main } from "../../../cli/mtls-console";'],
    ["infra/upward.ts", 'import { main } from "../cli/mtls-console";'],
  ])("refuses %s: %s", async (file, line) => {
    const errors = await layerErrors(
      file,
      `${line}\nexport const used = [${importedName(line)}];\n`,
    );
    expect(errors.length).toBeGreaterThan(0);
  });

  it.each([
    ["lib/aws/downward.ts", 'import type { MtlsDomain } from "../model/domain";'],
    ["lib/domains/views/downward.ts", 'import { DomainError } from "../shared/errors";'],
    ["lib/domains/changes/downward.ts", 'import { checkVersion } from "../versions/truststores";'],
    ["emulator/downward.ts", 'import { loadBundle } from "../lib/truststore";'],
    ["authorizer/downward.ts", 'import { revocationVerdict } from "../lib/revocation/verdict";'],
    ["authorizer/downward.ts", 'import { revocationKey } from "@/lib/revocation/document";'],
    ["app/downward.ts", 'import { pageRegion } from "@/lib/domains/views/page-views";'],
    ["infra/downward.ts", 'import { IAM_CALLS } from "../lib/aws/iam";'],
    ["infra/downward.ts", 'import { bundleCli } from "../cli/cli-bundle";'],
  ])("allows %s: %s", async (file, line) => {
    expect(
      await layerErrors(file, `${line}\nexport const used = [${importedName(line)}];\n`),
    ).toEqual([]);
  });
});

function importedName(line: string): string {
  return /import (?:type )?(?:\{ )?(\w+)/.exec(line)![1]!;
}
