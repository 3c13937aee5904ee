/**
 * A fleet of three accounts on the emulator, through the real SDK and STS
 * AssumeRole: the shared fleet flow (test-support/fleet-flow.ts), and one
 * account whose role STS refuses: named on its own, the others listed; the
 * refusal kept 30 s (STS not asked again meanwhile), then the role asked
 * again and let through; watch reports it as a finding and goes on.
 */
import { CreateBucketCommand } from "@aws-sdk/client-s3";
import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { describe, expect, it, vi } from "vitest";
import { asOperator } from "../aws/access-scope";
import { getClients } from "../aws/config";
import { withDeadline } from "../aws/deadline";
import { AwsFailure } from "../aws/errors";
import { refusal } from "../../test-support/failure";
import { forgetReadiness, readiness } from "../records/readiness";
import { closeIntent, domainsInDoubt, writeIntent } from "../records/intents";
import { fleetPlacesNow } from "../aws/enabled-regions";
import { parseOverviewQuery } from "../model/overview-query";
import { fleetFile, FLEET, seedFleet } from "../../test-support/fleet";
import { checkFleet } from "../../test-support/fleet-flow";
import { suiteEmulator } from "../../test-support/suite-emulator";
import { overviewPage } from "./overview/overview-page";
import { watchRegions } from "./watch/watch";

const t = suiteEmulator({
  AUDIT_BUCKET: "fleet-store",
  MTLS_CONSOLE_BACKEND: "aws",
  MTLS_CONSOLE_ACCOUNTS: fleetFile(["payments", "identity", "retired"], ["us-east-1"]),
});

describe("a fleet on the emulator", () => {
  it("lists the accounts that work, names the one whose role STS refuses, then reads it once allowed", async () => {
    await t.clients().s3.send(new CreateBucketCommand({ Bucket: "fleet-store" }));
    const seeded = await seedFleet(t.endpoint);
    await t.control("faults", {
      operation: "AssumeRole",
      kind: "accessDenied",
      count: 1000,
      pathContains: FLEET.retired,
    });
    const page = await checkFleet(t.endpoint, seeded, { mtlsReported: true });
    expect(page.failures).toEqual([
      {
        place: `${FLEET.retired}:us-east-1`,
        message:
          "Could not assume the viewer role of retired (333333333333): STS refused it. Check the role's trust policy (it must trust the console's role) and the external id.",
      },
    ]);
    // Nothing of AWS's own text (it names ARNs) reaches the page.
    expect(JSON.stringify(page.failures)).not.toContain("arn:aws");

    // Ready all the same (one member account's trust policy must not take the console down),
    // with the count; not ready when no account's role can be assumed.
    forgetReadiness();
    expect(await readiness()).toMatchObject({
      ready: true,
      accountRoles: { assumable: 2, refused: 1 },
    });
    const saved = process.env.MTLS_CONSOLE_ACCOUNTS;
    process.env.MTLS_CONSOLE_ACCOUNTS = fleetFile(["retired"], ["us-east-1"]);
    try {
      forgetReadiness();
      expect(await readiness()).toMatchObject({
        ready: false,
        failing: "account-roles",
        accountRoles: { assumable: 0, refused: 1 },
      });
    } finally {
      process.env.MTLS_CONSOLE_ACCOUNTS = saved;
      forgetReadiness();
    }

    const report = await watchRegions((await fleetPlacesNow())!.places, 30);
    expect(report.findings).toContainEqual(
      expect.objectContaining({
        severity: "error",
        region: `${FLEET.retired}:us-east-1`,
        kind: "unreadable",
      }),
    );
    expect(report.domains).toBeGreaterThanOrEqual(2);

    // STS is not asked again while the refusal is kept (30 s): page loads do not hammer it.
    await t.control("faults", undefined, "DELETE");
    await t.control("requests", undefined, "DELETE");
    const kept = await overviewPage((await fleetPlacesNow())!.places, parseOverviewQuery({}));
    expect(kept.failures).toHaveLength(1);
    expect(
      (await t.control<{ counts: Record<string, number> }>("requests")).counts.AssumeRole,
    ).toBeUndefined();
    // Once it is no longer kept, the role is asked again, and now it is let through.
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      vi.setSystemTime(Date.now() + 31_000);
      const again = await overviewPage((await fleetPlacesNow())!.places, parseOverviewQuery({}));
      expect(again.failures).toEqual([]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('reads an account listed with "all" in every region it has enabled, asking once an hour', async () => {
    const saved = process.env.MTLS_CONSOLE_ACCOUNTS;
    const fleet = JSON.parse(fleetFile(["payments", "identity"], ["us-east-1"])) as {
      accounts: { regions: string[] | "all" }[];
    };
    fleet.accounts[0]!.regions = "all";
    process.env.MTLS_CONSOLE_ACCOUNTS = JSON.stringify(fleet);
    try {
      await t.control("requests", undefined, "DELETE");
      const now = (await fleetPlacesNow())!;
      const payments = now.places.filter((p) => p.startsWith(`${FLEET.payments}:`));
      // The emulator's accounts have the 17 regions enabled by default, not the opt-in ones.
      expect(payments).toHaveLength(17);
      expect(payments).toContain(`${FLEET.payments}:ap-south-1`);
      expect(payments).not.toContain(`${FLEET.payments}:af-south-1`);
      expect(now.places.filter((p) => p.startsWith(`${FLEET.identity}:`))).toEqual([
        `${FLEET.identity}:us-east-1`,
      ]);
      const page = await overviewPage(now.places, parseOverviewQuery({}));
      expect(page.failures).toEqual([]);
      await fleetPlacesNow();
      const { counts } = await t.control<{ counts: Record<string, number> }>("requests");
      expect(counts.ListRegions).toBe(1);
      expect(counts.GetDomainNames).toBe(18);
    } finally {
      process.env.MTLS_CONSOLE_ACCOUNTS = saved;
    }
  });

  it("a role STS is slow to give is waited for no longer than the call's deadline, and the call was never sent", async () => {
    await t.control("faults", {
      operation: "AssumeRole",
      kind: "latency",
      latencyMs: 20_000,
      pathContains: FLEET.retired,
    });
    try {
      const started = Date.now();
      const error = await refusal(
        withDeadline(
          () => started + 1500,
          () =>
            asOperator(async () =>
              (await getClients(`${FLEET.retired}:us-east-1`)).sts.send(
                new GetCallerIdentityCommand({}),
              ),
            ),
        ),
      );
      expect(Date.now() - started).toBeLessThan(4000);
      expect(error).toBeInstanceOf(AwsFailure);
      expect(error).toMatchObject({ code: "AssumeRoleTimeout", mayHaveLanded: false });
    } finally {
      await t.control("faults", undefined, "DELETE");
    }
  });

  it("a change in doubt in a fleet account is named with its place", async () => {
    const place = `${FLEET.identity}:us-east-1`;
    const intent = {
      id: crypto.randomUUID(),
      at: new Date().toISOString(),
      user: "otto",
      role: "operator" as const,
      action: "activate-truststore-version",
      domainName: "doubt.fleet.example",
      region: place,
    };
    await writeIntent(intent);
    try {
      expect(await domainsInDoubt()).toContainEqual({
        region: place,
        domainName: "doubt.fleet.example",
        count: 1,
      });
    } finally {
      await closeIntent(intent);
    }
  });
});
