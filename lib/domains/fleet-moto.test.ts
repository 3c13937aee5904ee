/**
 * The fleet against moto_server (accounts through AssumeRole, as moto maps
 * an assumed role's keys to the role's account): the shared fleet flow
 * (test-support/fleet-flow.ts).
 */
import { CreateBucketCommand } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MOTO_MISSING, motoClients, startMoto, type RunningMoto } from "../../test-support/moto";
import { fleetFile, seedFleet } from "../../test-support/fleet";
import { checkFleet } from "../../test-support/fleet-flow";

let moto: RunningMoto | null = null;
const env = {
  AUDIT_BUCKET: "fleet-store",
  AWS_REGION: "us-east-1",
  MTLS_CONSOLE_ACCOUNTS: fleetFile(["payments", "identity"], ["us-east-1"]),
};

beforeAll(async () => {
  moto = await startMoto();
  if (!moto) {
    if (process.env.CI) throw new Error(MOTO_MISSING);
    return;
  }
  Object.assign(process.env, {
    ...env,
    AWS_ENDPOINT_URL: moto.endpoint,
    AWS_ACCESS_KEY_ID: "test",
    AWS_SECRET_ACCESS_KEY: "test",
    MTLS_CONSOLE_BACKEND: "aws",
  });
  await motoClients(moto).s3.send(new CreateBucketCommand({ Bucket: "fleet-store" }));
});
afterAll(async () => {
  for (const key of [...Object.keys(env), "AWS_ENDPOINT_URL", "AWS_ACCESS_KEY_ID"])
    delete process.env[key];
  delete process.env.AWS_SECRET_ACCESS_KEY;
  delete process.env.MTLS_CONSOLE_BACKEND;
  await moto?.stop();
});

describe("a fleet on moto", () => {
  it("lists two accounts' domains together, reads each in its own, reads with the viewer role and changes with the operator role", async (ctx) => {
    if (!moto) return ctx.skip(MOTO_MISSING);
    const seeded = await seedFleet(moto.endpoint);
    // moto drops mutualTlsAuthentication: the cross-account name check has nothing to compare there.
    const page = await checkFleet(moto.endpoint, seeded, { mtlsReported: false });
    expect(page.failures).toEqual([]);
  });
});
