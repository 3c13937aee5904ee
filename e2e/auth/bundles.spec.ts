/**
 * The JavaScript sent to browsers holds no AWS credential, secret or
 * server-only module.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "@playwright/test";

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith(".js") ? [path] : [];
  });
}

test("client bundles contain no credentials, secrets or server-only code", () => {
  const bundles = files(".next/static");
  expect(bundles.length).toBeGreaterThan(5);
  const forbidden = [
    "AWS_SECRET_ACCESS_KEY",
    "secretAccessKey",
    "AWS_ACCESS_KEY_ID",
    "AUTH_SECRET",
    "NEXTAUTH_SECRET",
    "OIDC_CLIENT_SECRET",
    "e2e-auth-secret",
    "@aws-sdk/client-",
    "APIGatewayClient",
    "S3Client",
    "getServerSession",
    "@node-rs/argon2",
    "passwordHash",
    "_emulator/",
    "CertificateManager.",
  ];
  for (const file of bundles) {
    const text = readFileSync(file, "utf8");
    for (const needle of forbidden)
      expect(text.includes(needle), `${needle} in ${file}`).toBe(false);
  }
});
