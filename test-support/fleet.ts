/**
 * A fleet of accounts for tests: the accounts file the console reads
 * (MTLS_CONSOLE_ACCOUNTS) and SDK clients acting in one of its accounts,
 * through STS AssumeRole as the console does (the emulator and moto both
 * put the assumed role's keys in the role's account).
 */
import { fromTemporaryCredentials } from "@aws-sdk/credential-providers";
import { createClients, type AwsClients } from "../lib/aws/clients";
import { bundle, issue } from "../lib/pki/generate";
import { seedMtlsDomain, type SeededDomain } from "./seed";

export const FLEET = {
  payments: "111111111111",
  identity: "222222222222",
  retired: "333333333333",
} as const;

export const roleArn = (account: string, role: "viewer" | "operator" | "seed") =>
  `arn:aws:iam::${account}:role/mtls-console-${role}`;

/** The accounts file's JSON for these accounts (by label), each in `regions`. */
export function fleetFile(labels: (keyof typeof FLEET)[], regions: string[]): string {
  return JSON.stringify({
    accounts: labels.map((label) => ({
      id: FLEET[label],
      label,
      viewerRoleArn: roleArn(FLEET[label], "viewer"),
      operatorRoleArn: roleArn(FLEET[label], "operator"),
      externalId: `mtls-console-${label}`,
      regions,
    })),
  });
}

/** Clients acting in `account` (a role assumed there with the test keys). */
export function accountClients(
  endpoint: string,
  account: string,
  region = "us-east-1",
): AwsClients {
  const credentials = fromTemporaryCredentials({
    params: { RoleArn: roleArn(account, "seed"), RoleSessionName: "test-seed" },
    masterCredentials: { accessKeyId: "test", secretAccessKey: "test" },
    clientConfig: { region, endpoint },
  });
  return createClients(
    { kind: "endpoint", endpoint, serviceEndpoints: {}, defaultRegion: region },
    region,
    { credentials },
  );
}

export interface FleetSeed {
  payments: SeededDomain;
  identity: SeededDomain;
}

/** An mTLS domain in each of payments and identity. */
export async function seedFleet(endpoint: string, region = "us-east-1"): Promise<FleetSeed> {
  const root = await issue({ subject: "CN=Fleet Root" });
  const seed = (label: "payments" | "identity") =>
    seedMtlsDomain(accountClients(endpoint, FLEET[label], region), {
      versions: [bundle(root)],
      prefix: `fleet-${label}`,
    });
  return { payments: await seed("payments"), identity: await seed("identity") };
}
