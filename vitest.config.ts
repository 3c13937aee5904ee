import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL("./", import.meta.url)),
      // The marker package throws outside React Server Components; tests run server code directly.
      "server-only": fileURLToPath(new URL("./test-support/server-only.ts", import.meta.url)),
    },
  },
  test: {
    include: [
      "lib/**/*.test.ts",
      "scripts/**/*.test.ts",
      "emulator/**/*.test.ts",
      "authorizer/**/*.test.ts",
      "infra/**/*.test.ts",
      "cli/**/*.test.ts",
    ],
    // Emulator suites start servers and the CLI cross-check spawns processes.
    fileParallelism: true,
    environment: "node",
    // @peculiar/x509 (used by test fixtures) needs the Reflect metadata API.
    setupFiles: ["reflect-metadata"],
    testTimeout: 60_000,
    reporters: ["default", ["json", { outputFile: "reports/vitest.json" }]],
    hookTimeout: 120_000,
  },
});
