import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL("./", import.meta.url)) } },
  test: {
    include: ["lib/**/*.test.ts", "scripts/**/*.test.ts", "emulator/**/*.test.ts"],
    environment: "node",
    // @peculiar/x509 (used by test fixtures) needs the Reflect metadata API.
    setupFiles: ["reflect-metadata"],
    testTimeout: 60_000,
    reporters: ["default", ["json", { outputFile: "reports/vitest.json" }]],
    hookTimeout: 120_000,
  },
});
