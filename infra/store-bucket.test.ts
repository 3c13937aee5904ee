/**
 * The store's lifecycle: every prefix the app keeps records under is
 * known here (read from the app's sources, so a new one fails until it is
 * placed), the short-lived ones lose their old versions and lone delete
 * markers, the counters expire, and no rule touches the history.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { attemptPrefixes } from "../lib/auth/rate-limit";
import { SIGN_IN_ATTEMPTS_PREFIX, STORE_PREFIXES } from "./store-bucket";
import { SINGLE, synthesize } from "./test-apps";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

interface Rule {
  Id: string;
  Prefix?: string;
  Status: string;
  ExpirationInDays?: number;
  ExpiredObjectDeleteMarker?: boolean;
  NoncurrentVersionExpiration?: { NoncurrentDays: number };
  AbortIncompleteMultipartUpload?: unknown;
}

let rules: Rule[];

beforeAll(() => {
  const { template } = synthesize(SINGLE);
  const [bucket] = Object.values(template.findResources("AWS::S3::Bucket")) as {
    Properties: { LifecycleConfiguration: { Rules: Rule[] } };
  }[];
  rules = bucket!.Properties.LifecycleConfiguration.Rules;
});

/** Source files (not tests) under these folders. */
function sources(...folders: string[]): string[] {
  return folders.flatMap((folder) =>
    (readdirSync(path.join(ROOT, folder), { recursive: true }) as string[])
      .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))
      .map((f) => path.join(folder, f)),
  );
}

/** The key prefixes of every file that uses the store (lib/records/store.ts): `"name/` and `` `name/ `` literals. */
function prefixesTheAppWrites(): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const file of sources("lib", "scripts")) {
    const text = readFileSync(path.join(ROOT, file), "utf8");
    if (!/from "(?:\.\/|(?:\.\.\/)+(?:lib\/)?records\/)store"/.test(text)) continue;
    for (const [, prefix] of text.matchAll(/["`]([a-z][a-z-]*\/)/g))
      found.set(prefix!, [...(found.get(prefix!) ?? []), file]);
  }
  return found;
}

const all = { ...STORE_PREFIXES.shortLived, ...STORE_PREFIXES.counters, ...STORE_PREFIXES.kept };
const ruleFor = (prefix: string) => rules.filter((r) => r.Prefix === `mtls-console/${prefix}`);

describe("the store's lifecycle", () => {
  it("knows every prefix the app keeps records under, and where each is written", () => {
    const written = prefixesTheAppWrites();
    expect([...written.keys()].sort()).toEqual(Object.keys(all).sort());
    for (const [prefix, file] of Object.entries(all)) expect(written.get(prefix)).toContain(file);
    for (const prefix of Object.values(attemptPrefixes("alice", "192.0.2.1")))
      expect(prefix.startsWith(SIGN_IN_ATTEMPTS_PREFIX)).toBe(true);
  });

  it.each(Object.keys(STORE_PREFIXES.shortLived))(
    "removes the old versions and lone delete markers of %s a day after, leaving current records",
    (prefix) => {
      expect(ruleFor(prefix)).toEqual([
        {
          Id: `short-lived-${prefix.slice(0, -1)}`,
          Prefix: `mtls-console/${prefix}`,
          Status: "Enabled",
          NoncurrentVersionExpiration: { NoncurrentDays: 1 },
          ExpiredObjectDeleteMarker: true,
        },
      ]);
    },
  );

  it("expires the counters (sign-in attempts, refusal marks) and their old versions", () => {
    expect(ruleFor(SIGN_IN_ATTEMPTS_PREFIX)).toEqual([
      expect.objectContaining({
        Status: "Enabled",
        ExpirationInDays: 3,
        NoncurrentVersionExpiration: { NoncurrentDays: 1 },
      }),
    ]);
    expect(ruleFor("refusal-marks/")).toEqual([
      expect.objectContaining({
        Status: "Enabled",
        ExpirationInDays: 1,
        NoncurrentVersionExpiration: { NoncurrentDays: 1 },
      }),
    ]);
  });

  it("never expires the history, or anything of the whole bucket but unfinished uploads", () => {
    for (const prefix of Object.keys(STORE_PREFIXES.kept)) {
      const key = `mtls-console/${prefix}eu-west-1/api.example.com/0001.json`;
      expect(rules.filter((r) => r.Prefix === undefined || key.startsWith(r.Prefix))).toEqual([
        expect.objectContaining({ Id: "incomplete-uploads" }),
      ]);
    }
    const whole = rules.filter((r) => r.Prefix === undefined);
    expect(whole).toEqual([
      {
        Id: "incomplete-uploads",
        Status: "Enabled",
        AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 },
      },
    ]);
  });
});
