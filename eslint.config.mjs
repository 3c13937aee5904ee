import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
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
    // Components and client islands never reach AWS (docs/architecture.md).
    files: ["components/**/*.{ts,tsx}", "app/**/*-client.tsx"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/lib/aws/*", "**/lib/aws/*", "@aws-sdk/*"],
              message: "Components may not import AWS code: go through a page or a server action.",
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
  {
    // The emulator is the test double of AWS: it never reaches into the app.
    files: ["emulator/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@/app/*", "**/app/*"], message: "The emulator may not import app/." },
          ],
        },
      ],
    },
  },
  globalIgnores([
    ".next/**",
    "out/**",
    "build/**",
    "next-env.d.ts",
    "test-results/**",
    "playwright-report/**",
  ]),
]);
