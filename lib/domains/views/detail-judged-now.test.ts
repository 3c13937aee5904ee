/**
 * The domain page's drift and changes in doubt, against the emulator
 * through the real SDK: a change finished elsewhere between the page's read
 * of the domain and its read of the records is judged against the domain
 * as it is now (read again, afresh), never shown as drift; a real drift
 * stays shown.
 */
import { CreateBucketCommand } from "@aws-sdk/client-s3";
import { UpdateDomainNameCommand } from "@aws-sdk/client-api-gateway";
import { beforeAll, describe, expect, it } from "vitest";
import { suiteEmulator } from "../../../test-support/suite-emulator";
import { seedMtlsDomain } from "../../../test-support/seed";
import { bundle, issue } from "../../pki/generate";
import { recordAuditEvent } from "../../records/audit";
import { getDomainDetail } from "./detail";

const BUCKET = "judged-now-audit";
const t = suiteEmulator({ AUDIT_BUCKET: BUCKET });

beforeAll(async () => {
  await t.clients().s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
});

/** A domain at its first version whose trail says a change to its second succeeded. */
async function domainBehindItsTrail(prefix: string) {
  const root = await issue({ subject: `CN=${prefix} Root` });
  const other = await issue({ subject: `CN=${prefix} Other Root` });
  const seeded = await seedMtlsDomain(t.clients(), {
    versions: [bundle(root), bundle(root, other)],
    active: 0,
    prefix,
  });
  const [first, second] = seeded.versionIds as [string, string];
  await recordAuditEvent({
    user: "elsewhere@example",
    role: "operator",
    action: "activate-truststore-version",
    domainName: seeded.domainName,
    region: "us-east-1",
    fromVersion: first,
    toVersion: second,
    result: "success",
  });
  return { domainName: seeded.domainName, first, second };
}

describe("the domain page's judgment of drift", () => {
  it("shows a real drift: the domain is not where its last change left it", async () => {
    const { domainName, first, second } = await domainBehindItsTrail("judged-real");
    const detail = (await getDomainDetail(domainName, "us-east-1"))!;
    expect(detail.drift?.actualVersion).toBe(first);
    expect(detail.drift?.event.toVersion).toBe(second);
  });

  it("judges against the domain as it is now when a change finished while the records were read", async () => {
    const { domainName, second } = await domainBehindItsTrail("judged-race");
    await t.control("requests", undefined, "DELETE");
    // The records are read slowly; meanwhile the change lands on the domain.
    await t.control("faults", {
      operation: "ListObjectsV2",
      kind: "latency",
      latencyMs: 400,
      count: 2,
    });
    const viewing = getDomainDetail(domainName, "us-east-1");
    await new Promise((resolve) => setTimeout(resolve, 150));
    await t.clients().apiGateway.send(
      new UpdateDomainNameCommand({
        domainName,
        patchOperations: [
          { op: "replace", path: "/mutualTlsAuthentication/truststoreVersion", value: second },
        ],
      }),
    );
    const detail = (await viewing)!;
    expect(detail.drift).toBeNull();
    expect(detail.domain.mtls?.truststoreVersion).toBe(second);
    // Read once as the page began, and once again afresh.
    const counts = (await t.control<{ counts: Record<string, number> }>("requests")).counts;
    expect(counts.GetDomainName).toBe(2);
  });
});
