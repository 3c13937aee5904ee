/**
 * The Dockerfile, read as Docker reads it (continued lines joined,
 * comments dropped, one stage per FROM): Node.js 24 in every stage, the
 * build in a stage of its own, and a final stage that holds only the
 * standalone server, its static files and public/, runs as a user other
 * than root and listens on 3000. (No Docker engine here: the image itself
 * is not built by the tests.)
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { watchCommand } from "./watch-schedule";

interface Instruction {
  keyword: string;
  args: string;
}
interface Stage {
  image: string;
  name?: string;
  instructions: Instruction[];
}

const root = path.join(import.meta.dirname, "..");

function parseDockerfile(text: string): Stage[] {
  const lines = text
    .replace(/\\\r?\n/g, " ")
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith("#"));
  const stages: Stage[] = [];
  for (const line of lines) {
    const [, keyword = "", args = ""] = /^(\S+)\s*(.*)$/.exec(line) ?? [];
    if (keyword.toUpperCase() === "FROM") {
      const words = args.split(/\s+/).filter((w) => !w.startsWith("--"));
      const as = words.findIndex((w) => w.toUpperCase() === "AS");
      stages.push({
        image: words[0]!,
        name: as >= 0 ? words[as + 1] : undefined,
        instructions: [],
      });
    } else {
      if (!stages.length) throw new Error(`${keyword} before any FROM`);
      stages.at(-1)!.instructions.push({ keyword: keyword.toUpperCase(), args });
    }
  }
  return stages;
}

const stages = parseDockerfile(readFileSync(path.join(root, "Dockerfile"), "utf8"));
const final = stages.at(-1)!;
const all = (stage: Stage, keyword: string) =>
  stage.instructions.filter((i) => i.keyword === keyword).map((i) => i.args);

/** A COPY's flags, sources and destination. */
function copyOf(args: string): { from?: string; sources: string[]; destination: string } {
  const words = args.split(/\s+/);
  const flags = words.filter((w) => w.startsWith("--"));
  const paths = words.filter((w) => !w.startsWith("--"));
  const from = flags.find((f) => f.startsWith("--from="))?.slice("--from=".length);
  return { from, sources: paths.slice(0, -1), destination: paths.at(-1)! };
}

/** The user that runs a stage's CMD: the last USER before it. */
function runningUser(stage: Stage): string | undefined {
  const cmd = stage.instructions.findIndex((i) => i.keyword === "CMD");
  expect(cmd, "the stage has a CMD").toBeGreaterThanOrEqual(0);
  return stage.instructions
    .slice(0, cmd)
    .filter((i) => i.keyword === "USER")
    .at(-1)?.args;
}

describe("the Dockerfile", () => {
  it("builds in a Node.js 24 stage of its own: npm ci, then npm run build", () => {
    const build = stages.find((s) => s.name === "build");
    expect(build?.image).toMatch(/^node:24(-|$)/);
    const runs = all(build!, "RUN").join(" && ");
    expect(runs).toMatch(/npm ci\b/);
    expect(runs).toMatch(/npm run build\b/);
    expect(runs.indexOf("npm ci")).toBeLessThan(runs.indexOf("npm run build"));
    expect(stages.indexOf(build!)).toBeLessThan(stages.length - 1);
  });

  it("ends in a Node.js 24 stage holding only the standalone server, its static files, public/ and the start script", () => {
    expect(final.image).toMatch(/^node:24(-|$)/);
    expect(all(final, "ADD")).toEqual([]);
    const workdir = all(final, "WORKDIR").at(-1) ?? "/";
    const copies = all(final, "COPY").map(copyOf);
    expect(copies.length).toBeGreaterThan(0);
    const at = (destination: string) => path.posix.resolve(workdir, destination);
    const copied = copies.map((c) => {
      expect(c.from, `COPY ${c.sources.join(" ")} comes from the build stage`).toBe("build");
      expect(c.sources).toHaveLength(1);
      return [c.sources[0]!.replace(/\/$/, ""), at(c.destination)];
    });
    expect(Object.fromEntries(copied)).toEqual(
      expect.objectContaining({
        "/app/.next/standalone": workdir,
        "/app/.next/static": at(".next/static"),
      }),
    );
    for (const [source] of copied)
      expect([
        "/app/.next/standalone",
        "/app/.next/static",
        "/app/public",
        "/app/scripts/start.mjs",
      ]).toContain(source);
  });

  it("runs the start script (what npm start runs) as a user other than root, on port 3000, with the app's production settings", () => {
    const user = runningUser(final);
    expect(user).toBeDefined();
    expect(user!.split(":")[0]).not.toMatch(/^(root|0)$/);
    // start.mjs, not server.js: ALLOWED_ORIGINS and KEEP_ALIVE_TIMEOUT are read at start, not baked in at build.
    const command = JSON.parse(all(final, "CMD").at(-1)!) as string[];
    expect([command[0], command.at(-1)]).toEqual(["node", "start.mjs"]);
    // Every node flag `npm start` gives, in NODE_OPTIONS or (V8 flags it refuses) on the command line.
    const start = (
      JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as {
        scripts: Record<string, string>;
      }
    ).scripts.start!;
    const npmFlags = start
      .match(/ node ((?:--\S+ )+)scripts\/start\.mjs/)![1]!
      .trim()
      .split(" ");
    const nodeOptions =
      all(final, "ENV")
        .join(" ")
        .match(/NODE_OPTIONS="([^"]*)"/)?.[1] ?? "";
    const imageFlags = [...nodeOptions.split(/\s+/), ...command.slice(1, -1)].filter(Boolean);
    expect(imageFlags.sort()).toEqual(npmFlags.sort());
    expect(all(final, "EXPOSE").join(" ").split(/\s+/)).toContain("3000");
    const env = Object.fromEntries(
      all(final, "ENV")
        .flatMap((args) => args.split(/\s+/))
        .map((pair) => [pair.slice(0, pair.indexOf("=")), pair.slice(pair.indexOf("=") + 1)]),
    );
    expect(env).toMatchObject({
      NODE_ENV: "production",
      PORT: "3000",
      NEXT_MANUAL_SIG_HANDLE: "true",
      // Above the load balancer's 60 s idle timeout, or it reuses connections the server closed (502s).
      KEEP_ALIVE_TIMEOUT: "65000",
    });
    expect(all(final, "HEALTHCHECK").join(" ")).toContain("http://127.0.0.1:3000/api/health");
  });

  it("has a watch target that runs the bundled CLI where the scheduled task looks for it", () => {
    const watch = stages.find((s) => s.name === "watch");
    expect(watch?.image).toMatch(/^node:24(-|$)/);
    expect(runningUser(watch!)?.split(":")[0]).not.toMatch(/^(root|0)$/);
    const [, script] = watchCommand({ days: 30 });
    const workdir = all(watch!, "WORKDIR").at(-1) ?? "/";
    const copies = all(watch!, "COPY").map(copyOf);
    expect(copies.map((c) => path.posix.resolve(workdir, c.destination))).toContain(script);
    expect(copies.flatMap((c) => c.sources)).toContain("/app/infra/dist/watch.mjs");
    expect(
      all(
        stages.find((s) => s.name === "build")!,
        "RUN",
      ).join(" "),
    ).toContain("infra/watch-bundle.ts");
    expect(existsSync(path.join(root, "infra", "watch-bundle.ts"))).toBe(true);
  });

  it("keeps dependencies, builds and reports of this machine out of the build context", () => {
    const ignored = readFileSync(path.join(root, ".dockerignore"), "utf8")
      .split(/\r?\n/)
      .map((l) => l.trim());
    for (const entry of ["node_modules", ".next", ".git", "infra/cdk.out", "reports"])
      expect(ignored).toContain(entry);
  });
});
