/**
 * Comparing a version with the active one on demand gives exactly the
 * engine's full diff and lockout guard of the two versions.
 */

import { beforeAll, describe, expect, it } from "vitest";
import { suiteEmulator } from "../../../test-support/suite-emulator";
import { seedMtlsDomain } from "../../../test-support/seed";
import { bundle, chain, issue } from "../../pki/generate";
import { assessLockout, checkTruststore, diffTruststores } from "../../truststore";
import { compareWithActive } from "./compare";

const DOMAIN = "compare.test.example";
const pems: string[] = [];
const ids: string[] = [];

const t = suiteEmulator();

beforeAll(async () => {
  const pki = await chain(3, { prefix: "Cmp" });
  const other = await issue({ subject: "CN=Cmp Other Root" });
  pems.push(bundle(pki[0]!, pki[1]!), bundle(pki[0]!, pki[1]!, other), bundle(other));
  ids.push(
    ...(
      await seedMtlsDomain(t.clients(), {
        domainName: DOMAIN,
        bucket: "cmp",
        key: "ts.pem",
        versions: pems,
        active: 1,
      })
    ).versionIds,
  );
});

describe("compareWithActive", () => {
  it("gives the engine's full diff and lockout guard, from the active version to the other", async () => {
    const at = new Date();
    const active = await checkTruststore(pems[1]!, { at });
    for (const i of [0, 2]) {
      const result = await compareWithActive({
        region: "us-east-1",
        domainName: DOMAIN,
        versionId: ids[i]!,
      });
      const other = await checkTruststore(pems[i]!, { at });
      expect(result.activeVersionId).toBe(ids[1]);
      expect(result.diff).toEqual(diffTruststores(active, other));
      expect(result.lockout).toEqual(assessLockout(active, other));
    }
    // Dropping the root and intermediate breaks both chains that work today.
    const toOther = await compareWithActive({
      region: "us-east-1",
      domainName: DOMAIN,
      versionId: ids[2]!,
    });
    expect(toOther.lockout.broken.map((b) => b.subject)).toEqual([
      "CN=Cmp Root CA, O=Example",
      "CN=Cmp Intermediate 1, O=Example",
    ]);
  });
});
