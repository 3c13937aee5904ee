import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import { layersConfig } from "./eslint.layers.mjs";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  // Nothing imports a layer above it (eslint.layers.mjs).
  layersConfig,
  {
    // The truststore engine runs in the browser and in Node alike: it may not
    // reach for AWS, Next.js or Node-only modules (see docs/architecture.md).
    files: ["lib/truststore/**/*.ts"],
    ignores: ["lib/truststore/**/*.test.ts", "lib/truststore/test-support/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["node:*", "fs", "path", "crypto", "os", "child_process"],
              message: "lib/truststore must stay isomorphic: no Node-only modules.",
            },
            {
              group: ["next", "next/*", "@aws-sdk/*", "@/lib/aws/*", "../aws/*"],
              message: "lib/truststore may not depend on Next.js or AWS.",
            },
          ],
        },
      ],
    },
  },
  {
    // Pages, components and client islands never reach AWS: pages read
    // lib/domains views (docs/architecture.md).
    files: ["components/**/*.{ts,tsx}", "app/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/lib/aws/*", "**/lib/aws/*", "@aws-sdk/*"],
              message:
                "Pages and components may not import AWS code: read a lib/domains view or call a server action.",
            },
          ],
        },
      ],
    },
  },
  {
    // Server actions call lib/domains operations only, never AWS directly.
    files: ["lib/actions/**/*.ts"],
    // The one wrapper turns AWS failures into fixed messages, and the input
    // schemas resolve the region against the regions the dashboard knows.
    ignores: ["lib/actions/safe-action.ts", "lib/actions/schemas.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["../aws/*", "@/lib/aws/*", "@aws-sdk/*"],
              message: "Actions call lib/domains, not AWS.",
            },
          ],
        },
      ],
    },
  },
  {
    // Playwright fixtures call `use`, which is not React's hook.
    files: ["e2e/**/*.ts"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  globalIgnores([
    ".next/**",
    "out/**",
    "build/**",
    "next-env.d.ts",
    "test-results/**",
    "playwright-report/**",
    "infra/cdk.out/**",
    "infra/dist/**",
    "dist/**",
  ]),
]);
