/**
 * The floors of the house, lowest first: a file may import from its own
 * floor and the floors below it, never from above (docs/architecture.md).
 * Enforced with eslint-plugin-import's no-restricted-paths, which resolves
 * every import (relative or "@/") to the file it names. Tests and the test
 * harness stand outside the floors: they may reach anything.
 */

/** Layers of the project, lowest first; each is a list of folders or files. */
export const LAYERS = [
  ["lib/model"],
  ["lib/truststore", "lib/pki", "lib/revocation"],
  ["lib/aws"],
  ["lib/records"],
  ["lib/auth"],
  ["lib/domains"],
  ["lib/actions"],
  ["components"],
  ["app", "proxy.ts"],
];

/** lib/domains' rooms, lowest first: a room may use the rooms below it. */
export const DOMAIN_ROOMS = [
  "shared",
  "clients-seen",
  "revocation",
  "versions",
  "changes",
  "overview",
  "create",
  "watch",
  "views",
];

/** Where nothing of the app may reach: the emulator sees only lib/model, lib/truststore, lib/pki, lib/revocation. */
const OUTSIDE_THE_APP = [
  "emulator",
  "authorizer",
  "infra",
  "test-support",
  "e2e",
  "scripts",
  "cli",
  "bench",
  "instrumentation.ts",
];

const here = (p) => `./${p}`;

function zones() {
  const out = [];
  LAYERS.forEach((layer, i) => {
    const above = LAYERS.slice(i + 1).flat();
    for (const target of layer)
      out.push({
        target: here(target),
        from: [...above, ...OUTSIDE_THE_APP].map(here),
        message: `${target} may not import from a layer above it (docs/architecture.md).`,
      });
  });
  // lib/model imports nothing of ours.
  out.push({
    target: "./lib/model",
    from: ["./lib/truststore", "./lib/pki"],
    message: "lib/model imports nothing of ours.",
  });
  DOMAIN_ROOMS.forEach((room, i) => {
    const above = DOMAIN_ROOMS.slice(i + 1);
    if (above.length)
      out.push({
        target: `./lib/domains/${room}`,
        from: above.map((r) => `./lib/domains/${r}`),
        message: `lib/domains/${room} may not import a room above it (${above.join(", ")}).`,
      });
  });
  out.push({
    target: "./emulator",
    from: ["./lib/aws", "./lib/records", "./lib/auth", "./lib/domains", "./lib/actions"].concat([
      "./app",
      "./components",
      "./test-support",
      "./e2e",
      "./scripts",
      "./bench",
      "./authorizer",
      "./infra",
    ]),
    message:
      "The emulator is the test double of AWS: it may import lib/model, lib/truststore, lib/pki and lib/revocation only.",
  });
  out.push({
    target: "./authorizer",
    from: [
      "./lib/truststore",
      "./lib/pki",
      "./lib/aws",
      "./lib/records",
      "./lib/auth",
      "./lib/domains",
      "./lib/actions",
      "./app",
      "./components",
      "./proxy.ts",
      "./instrumentation.ts",
      "./emulator",
      "./test-support",
      "./e2e",
      "./scripts",
      "./bench",
      "./infra",
    ],
    message:
      "The revocation authorizer is its own Lambda function: it may import lib/model and lib/revocation only.",
  });
  // The deployment reads the app's IAM table (lib/aws/iam.ts) and nothing else of it,
  // and bundles the watch as the package's CLI is bundled (cli/cli-bundle.ts).
  out.push({
    target: "./infra",
    from: "./lib",
    except: ["./aws/iam.ts"],
    message: "infra/ may import lib/aws/iam.ts only (the roles' actions), nothing else of the app.",
  });
  out.push({
    target: "./infra",
    from: "./cli",
    except: ["./cli-bundle.ts"],
    message: "infra/ may import cli/cli-bundle.ts only (the bundling), nothing else of the CLI.",
  });
  out.push({
    target: "./infra",
    from: [
      "./app",
      "./components",
      "./proxy.ts",
      "./instrumentation.ts",
      "./emulator",
      "./authorizer",
      "./test-support",
      "./e2e",
      "./scripts",
      "./bench",
    ],
    message: "infra/ may import lib/aws/iam.ts only (the roles' actions), nothing else of the app.",
  });
  return out;
}

export const layersConfig = {
  files: ["**/*.{ts,tsx,mjs}"],
  ignores: ["**/*.test.ts", "**/*.spec.ts", "lib/truststore/test-support/**"],
  rules: { "import/no-restricted-paths": ["error", { zones: zones() }] },
};
