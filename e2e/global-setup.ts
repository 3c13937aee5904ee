/**
 * Before any test: the emulator the tests will seed must be local, and the
 * app must have started it (its first page render does).
 */
import { CreateBucketCommand } from "@aws-sdk/client-s3";
import type { FullConfig } from "@playwright/test";
import { EMULATOR_PORTS } from "../playwright.config";
import { awsClients, EMULATOR_ENDPOINT, TARGET } from "./aws";

export default async function globalSetup(config: FullConfig) {
  const host = new URL(EMULATOR_ENDPOINT).hostname;
  if (!["127.0.0.1", "localhost", "::1", "[::1]"].includes(host)) {
    throw new Error(
      `Refusing to run end-to-end tests against a non-local AWS endpoint (${EMULATOR_ENDPOINT}): they create and change resources.`,
    );
  }
  // The apps start their embedded emulators on first use: touch each once.
  for (const project of config.projects) {
    if (project.use.baseURL)
      await fetch(project.use.baseURL, { redirect: "manual" }).catch(() => null);
  }
  if (TARGET === "localstack") {
    const health = await fetch(`${EMULATOR_ENDPOINT}/_localstack/health`).catch(() => null);
    const ours = await fetch(`${EMULATOR_ENDPOINT}/_emulator/health`).catch(() => null);
    if (!health?.ok && !ours?.ok)
      throw new Error(
        `No LocalStack answers at ${EMULATOR_ENDPOINT}: start it with \`docker compose up\` first.`,
      );
  }
  if (TARGET !== "emulator") {
    // The console's store (the audit bucket) is the operator's to create; it may exist already.
    await awsClients()
      .s3.send(new CreateBucketCommand({ Bucket: "mtls-console-audit" }))
      .catch((error: Error) => {
        if (!/BucketAlready/.test(error.name)) throw error;
      });
    return;
  }
  const health = await fetch(`${EMULATOR_ENDPOINT}/_emulator/health`).catch(() => null);
  if (!health?.ok)
    throw new Error(`The app's embedded emulator is not answering at ${EMULATOR_ENDPOINT}.`);
  // Tests want certificates issued at once and updates applied at once;
  // a test about UPDATING sets its own delay.
  for (const port of Object.values(EMULATOR_PORTS)) {
    for (let i = 0; i < 60; i++) {
      const up = await fetch(`http://127.0.0.1:${port}/_emulator/health`).catch(() => null);
      if (up?.ok) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    await fetch(`http://127.0.0.1:${port}/_emulator/config`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ issueDelayMs: 0, updatingMs: 0, compat: "aws" }),
    }).catch(() => null);
  }
}
