/**
 * The fleet's accounts file: parsed strictly (each fault named with where it
 * is), read from a path or inline JSON; a place is known only for a listed
 * account and one of its regions, and a plain region is not one in a fleet.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { fleetAccounts, FleetConfigError, parseFleet } from "./accounts";
import { fleetPlacesNow } from "./enabled-regions";
import { isKnownRegion } from "./regions";

const role = (account: string, name: string) => `arn:aws:iam::${account}:role/${name}`;
const account = (id: string, regions: string[]) => ({
  id,
  label: `team-${id.slice(0, 1)}`,
  viewerRoleArn: role(id, "mtls-console-viewer"),
  operatorRoleArn: role(id, "mtls-console-operator"),
  externalId: "mtls-console-ext-1",
  regions,
});
const fleet = {
  accounts: [
    account("111111111111", ["eu-west-1", "us-east-1"]),
    account("222222222222", ["eu-west-1"]),
  ],
};

const saved = process.env.MTLS_CONSOLE_ACCOUNTS;
afterEach(() => {
  if (saved === undefined) delete process.env.MTLS_CONSOLE_ACCOUNTS;
  else process.env.MTLS_CONSOLE_ACCOUNTS = saved;
});

describe("the accounts file", () => {
  it("reads a file and inline JSON alike", () => {
    const dir = mkdtempSync(join(tmpdir(), "fleet-"));
    const file = join(dir, "accounts.json");
    writeFileSync(file, JSON.stringify(fleet));
    expect(fleetAccounts({ MTLS_CONSOLE_ACCOUNTS: file })!.map((a) => a.id)).toEqual([
      "111111111111",
      "222222222222",
    ]);
    expect(fleetAccounts({ MTLS_CONSOLE_ACCOUNTS: JSON.stringify(fleet) })).toHaveLength(2);
    expect(fleetAccounts({})).toBeNull();
  });

  it("names what is wrong, and where", () => {
    const wrong = (change: object) => () =>
      parseFleet(
        JSON.stringify({ accounts: [{ ...account("111111111111", ["eu-west-1"]), ...change }] }),
      );
    expect(() => parseFleet("{not json")).toThrow(FleetConfigError);
    expect(wrong({ id: "1111" })).toThrow(/accounts\.0\.id: An account id is 12 digits/);
    expect(wrong({ regions: ["mars-1"] })).toThrow(/accounts\.0\.regions\.0: Not an AWS region/);
    expect(wrong({ viewerRoleArn: role("999999999999", "x") })).toThrow(
      /Both roles must be in the account/,
    );
    expect(wrong({ operatorRoleArn: "arn:aws:iam::111111111111:user/bob" })).toThrow(
      /Not an IAM role ARN/,
    );
    expect(wrong({ secretAccessKey: "x" })).toThrow(/Unrecognized key/);
    expect(wrong({ regions: "every" })).toThrow(/accounts\.0\.regions/);
    expect(() => wrong({ regions: "all" })()).not.toThrow();
    expect(() =>
      parseFleet(JSON.stringify({ accounts: [fleet.accounts[0], fleet.accounts[0]] })),
    ).toThrow(/listed twice/);
  });

  it("knows only the fleet's places", async () => {
    process.env.MTLS_CONSOLE_ACCOUNTS = JSON.stringify(fleet);
    expect((await fleetPlacesNow())?.places).toEqual([
      "111111111111:eu-west-1",
      "111111111111:us-east-1",
      "222222222222:eu-west-1",
    ]);
    expect(isKnownRegion("222222222222:eu-west-1")).toBe(true);
    expect(isKnownRegion("222222222222:us-east-1")).toBe(false);
    expect(isKnownRegion("333333333333:eu-west-1")).toBe(false);
    expect(isKnownRegion("eu-west-1")).toBe(false);
    delete process.env.MTLS_CONSOLE_ACCOUNTS;
    expect(isKnownRegion("eu-west-1")).toBe(true);
    expect(isKnownRegion("111111111111:eu-west-1")).toBe(false);
  });
});
