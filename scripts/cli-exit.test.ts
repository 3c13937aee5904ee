/**
 * The one exit-code contract: what the README's table says is what
 * `mtls-console help` says, and each kind of failure gets its code.
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { describe, expect, it } from "vitest";
import { toAwsFailure } from "../lib/aws/errors";
import {
  asBadUsage,
  EXIT_MEANINGS,
  exitCodeOf,
  findingsExit,
  UnreachableError,
  UsageError,
} from "./cli-exit";

describe("the exit-code contract", () => {
  it("is the README's table, row by row", () => {
    const section = readFileSync("README.md", "utf8").split(/^#+ Exit codes.*$/m)[1]!;
    const rows = section
      .split("\n")
      .filter((line) => /^\| \d /.test(line))
      .map((line) => line.split("|").map((cell) => cell.trim()))
      .map(([, code, meaning]) => [Number(code), meaning]);
    expect(rows).toEqual(EXIT_MEANINGS.map(([code, meaning]) => [code, meaning]));
  });

  it("bad usage 3, unreachable 4, anything else 2", async () => {
    expect(exitCodeOf(new UsageError("no FILE"))).toBe(3);
    const unknownOption = (() => {
      try {
        parseArgs({ args: ["--frobnicate"], options: {} });
      } catch (error) {
        return error;
      }
    })();
    expect(exitCodeOf(unknownOption)).toBe(3);
    expect(exitCodeOf(await asBadUsage(() => new URL("not a url")).catch((e: unknown) => e))).toBe(
      3,
    );
    expect(exitCodeOf(new UnreachableError("the webhook answered HTTP 500"))).toBe(4);
    // AWS not reached (the network, the credentials): 4; AWS's refusal: 2.
    const aws = (name: string) => exitCodeOf(toAwsFailure({ name }, "list the domains"));
    expect([aws("ECONNREFUSED"), aws("CredentialsProviderError"), aws("TimeoutError")]).toEqual([
      4, 4, 4,
    ]);
    expect([aws("AccessDeniedException"), aws("NotFoundException")]).toEqual([2, 2]);
    expect(exitCodeOf(new Error("Mutual TLS is not enabled"))).toBe(2);
  });

  it("findings: any error 2, else any warning 1, else 0", () => {
    expect(findingsExit(["info", "warning", "error"])).toBe(2);
    expect(findingsExit(["info", "warning"])).toBe(1);
    expect(findingsExit(["info"])).toBe(0);
    expect(findingsExit([])).toBe(0);
  });
});
