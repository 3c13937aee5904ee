/**
 * Account Management's ListRegions through the real SDK: pages, the status
 * filter, AWS's validation.
 */
import { ListRegionsCommand, paginateListRegions } from "@aws-sdk/client-account";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "../../test-support/emulator";
import { errorOf } from "../../test-support/failure";
import { DEFAULT_REGIONS } from "./router";

describe("ListRegions", () => {
  let t: TestEmulator;
  beforeAll(async () => {
    t = await startTestEmulator();
  });
  afterAll(() => t.stop());

  it("pages the regions an account has enabled, and refuses what AWS refuses", async () => {
    const { account } = t.clients();
    const names: string[] = [];
    let pages = 0;
    for await (const page of paginateListRegions(
      { client: account, pageSize: 5 },
      { RegionOptStatusContains: ["ENABLED", "ENABLED_BY_DEFAULT"] },
    )) {
      pages++;
      names.push(...(page.Regions ?? []).map((r) => r.RegionName!));
    }
    expect(names).toEqual([...DEFAULT_REGIONS].sort());
    expect(pages).toBe(4);
    const optIn = await account.send(
      new ListRegionsCommand({ RegionOptStatusContains: ["DISABLED"] }),
    );
    expect(optIn.Regions?.map((r) => r.RegionName)).toContain("af-south-1");
    const refused = await errorOf(account.send(new ListRegionsCommand({ MaxResults: 51 })));
    expect(refused).toMatchObject({ name: "ValidationException" });
  });
});
