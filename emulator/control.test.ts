/**
 * Control endpoints (status, input checks, reset) and LocalStack compatibility mode.
 */

import {
  GetDomainNameCommand,
  GetDomainNamesCommand,
  UpdateDomainNameCommand,
} from "@aws-sdk/client-api-gateway";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { startTestEmulator, type TestEmulator, listAllDomains } from "../test-support/emulator";
import { errorOf } from "../test-support/failure";

describe("control endpoints", () => {
  let t: TestEmulator;
  beforeAll(async () => {
    t = await startTestEmulator({ seed: true });
  });
  afterAll(() => t.stop());

  it("control endpoints set status, refuse bad input, and reset", async () => {
    await t.control("domains/legacy.example.com/status", {
      status: "FAILED",
      message: "broken on purpose",
    });
    const d = await t
      .clients()
      .apiGateway.send(new GetDomainNameCommand({ domainName: "legacy.example.com" }));
    expect([d.domainNameStatus, d.domainNameStatusMessage]).toEqual([
      "FAILED",
      "broken on purpose",
    ]);
    await expect(
      t.control("domains/legacy.example.com/status", { status: "SIDEWAYS" }),
    ).rejects.toThrow(/400/);
    await expect(
      t.control("faults", { operation: "GetDomainNames", kind: "explode" }),
    ).rejects.toThrow(/400/);
    await t.control("reset", {});
    expect(await listAllDomains(t)).toEqual([]);
  });
});

describe("LocalStack compatibility mode", () => {
  let t: TestEmulator;
  beforeAll(async () => {
    t = await startTestEmulator({ compat: "localstack", seed: true });
  });
  afterAll(() => t.stop());

  it("drops mTLS fields, answers UpdateDomainName with 501, keeps every status AVAILABLE and ignores limit", async () => {
    const { apiGateway } = t.clients();
    const all = await apiGateway.send(new GetDomainNamesCommand({ limit: 2 }));
    expect(all.items!.length).toBeGreaterThan(2);
    expect(all.position).toBeUndefined();
    expect(
      all.items!.every(
        (d) => d.mutualTlsAuthentication === undefined && d.domainNameStatus === "AVAILABLE",
      ),
    ).toBe(true);
    const err = await errorOf(
      t.clients("us-east-1", { maxAttempts: 1 }).apiGateway.send(
        new UpdateDomainNameCommand({
          domainName: "api.partners.example.com",
          patchOperations: [
            { op: "replace", path: "/mutualTlsAuthentication/truststoreVersion", value: "x" },
          ],
        }),
      ),
    );
    expect([err.name, err.status]).toEqual(["InternalFailure", 501]);
  });
});
