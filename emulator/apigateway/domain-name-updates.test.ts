/**
 * UpdateDomainName through the real SDK: version switches, warnings
 * recomputed, refusals that change nothing, UPDATING, disabling mTLS.
 */
import { GetDomainNameCommand, UpdateDomainNameCommand } from "@aws-sdk/client-api-gateway";

import { beforeAll, describe, expect, it } from "vitest";

import { errorOf } from "../../test-support/failure";

import { URI, apiGatewayWorld, createWorldDomains } from "../../test-support/api-gateway-world";

const w = apiGatewayWorld();
beforeAll(() => createWorldDomains(w));

describe("UpdateDomainName", () => {
  it("switches truststoreVersion and recomputes the warnings", async () => {
    const { apiGateway } = w.t.clients();
    const updated = await apiGateway.send(
      new UpdateDomainNameCommand({
        domainName: "good.test.example",
        patchOperations: [
          {
            op: "replace",
            path: "/mutualTlsAuthentication/truststoreVersion",
            value: w.badVersion,
          },
        ],
      }),
    );
    expect(updated.mutualTlsAuthentication?.truststoreVersion).toBe(w.badVersion);
    expect(updated.mutualTlsAuthentication?.truststoreWarnings).toHaveLength(2);
    const back = await apiGateway.send(
      new UpdateDomainNameCommand({
        domainName: "good.test.example",
        patchOperations: [
          {
            op: "replace",
            path: "/mutualTlsAuthentication/truststoreVersion",
            value: w.goodVersion,
          },
        ],
      }),
    );
    expect(back.mutualTlsAuthentication).toEqual({
      truststoreUri: URI,
      truststoreVersion: w.goodVersion,
      truststoreWarnings: [],
    });
    const read = await apiGateway.send(
      new GetDomainNameCommand({ domainName: "good.test.example" }),
    );
    expect(read.mutualTlsAuthentication?.truststoreVersion).toBe(w.goodVersion);
  });

  it("refuses unknown patch paths and versions that do not exist, changing nothing", async () => {
    const { apiGateway } = w.t.clients();
    const bad = await errorOf(
      apiGateway.send(
        new UpdateDomainNameCommand({
          domainName: "good.test.example",
          patchOperations: [{ op: "replace", path: "/mutualTlsAuthentication/nope", value: "x" }],
        }),
      ),
    );
    expect([bad.name, bad.status]).toEqual(["BadRequestException", 400]);
    expect(bad.message).toContain("Invalid patch path");
    const noVersion = await errorOf(
      apiGateway.send(
        new UpdateDomainNameCommand({
          domainName: "good.test.example",
          patchOperations: [
            {
              op: "replace",
              path: "/mutualTlsAuthentication/truststoreVersion",
              value: "0000000000000000000000000000dead",
            },
          ],
        }),
      ),
    );
    expect(noVersion.name).toBe("BadRequestException");
    const read = await apiGateway.send(
      new GetDomainNameCommand({ domainName: "good.test.example" }),
    );
    expect(read.mutualTlsAuthentication?.truststoreVersion).toBe(w.goodVersion);
    const unknown = await errorOf(
      apiGateway.send(
        new UpdateDomainNameCommand({
          domainName: "nope.test.example",
          patchOperations: [{ op: "replace", path: "/securityPolicy", value: "TLS_1_2" }],
        }),
      ),
    );
    expect(unknown.name).toBe("NotFoundException");
  });

  it("UPDATING refuses a second update until it settles on the emulator clock", async () => {
    const { apiGateway } = w.t.clients();
    await w.t.control("config", { updatingMs: 30_000 });
    const first = await apiGateway.send(
      new UpdateDomainNameCommand({
        domainName: "good.test.example",
        patchOperations: [
          {
            op: "replace",
            path: "/mutualTlsAuthentication/truststoreVersion",
            value: w.badVersion,
          },
        ],
      }),
    );
    expect(first.domainNameStatus).toBe("UPDATING");
    const second = await errorOf(
      apiGateway.send(
        new UpdateDomainNameCommand({
          domainName: "good.test.example",
          patchOperations: [
            {
              op: "replace",
              path: "/mutualTlsAuthentication/truststoreVersion",
              value: w.goodVersion,
            },
          ],
        }),
      ),
    );
    expect([second.name, second.status]).toEqual(["ConflictException", 409]);
    await w.t.control("clock", { advanceSeconds: 31 });
    expect(
      (await apiGateway.send(new GetDomainNameCommand({ domainName: "good.test.example" })))
        .domainNameStatus,
    ).toBe("AVAILABLE");
    await w.t.control("clock", { reset: true });
    await w.t.control("config", { updatingMs: 0 });
  });

  it("disables mTLS by replacing truststoreUri with ''", async () => {
    const { apiGateway } = w.t.clients();
    const updated = await apiGateway.send(
      new UpdateDomainNameCommand({
        domainName: "latest.test.example",
        patchOperations: [
          { op: "replace", path: "/mutualTlsAuthentication/truststoreUri", value: "" },
        ],
      }),
    );
    expect(updated.mutualTlsAuthentication).toBeUndefined();
  });

  it("a domain in PENDING_OWNERSHIP_VERIFICATION only accepts a new ownership certificate", async () => {
    const { apiGateway } = w.t.clients();
    await w.t.control("domains/imported.test.example/status", {
      status: "PENDING_OWNERSHIP_VERIFICATION",
      message: "expired",
    });
    const locked = await errorOf(
      apiGateway.send(
        new UpdateDomainNameCommand({
          domainName: "imported.test.example",
          patchOperations: [{ op: "replace", path: "/securityPolicy", value: "TLS_1_2" }],
        }),
      ),
    );
    expect(locked.message).toContain("locked");
    const fixed = await apiGateway.send(
      new UpdateDomainNameCommand({
        domainName: "imported.test.example",
        patchOperations: [
          { op: "replace", path: "/ownershipVerificationCertificateArn", value: w.amazonCert },
        ],
      }),
    );
    expect(fixed.domainNameStatus).toBe("AVAILABLE");
  });
});
