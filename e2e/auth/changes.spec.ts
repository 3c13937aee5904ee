/**
 * Changes under access control: concurrent rollbacks never overwrite each
 * other, every change and refused attempt is in the audit trail (read back
 * through S3), fuzzed uploads never write a bad file.
 */
import { ListObjectsV2Command, GetObjectCommand } from "@aws-sdk/client-s3";
import { request as newRequest } from "@playwright/test";
import fc from "fast-check";
import { bundle, chain, issue } from "../../lib/pki/generate";
import type { AuditEvent } from "../../lib/records/audit-types";
import type { AwsClients } from "../../lib/aws/clients";
import { expect, needs, test } from "../aws";
import { activeVersion, objectVersions, seedMtlsDomain } from "../../test-support/seed";
import { domainUrl, openRollback, rollBack, typeToConfirm } from "../../test-support/ui-steps";
import { buildActions, callAction, signInApi, signInUi, TEST_USERS } from "./helpers";

async function auditEvents(aws: AwsClients, domainName: string): Promise<AuditEvent[]> {
  const keys = [];
  // Changes and, kept apart, refused attempts.
  for (const kind of ["events", "refusals"]) {
    const listed = await aws.s3.send(
      new ListObjectsV2Command({
        Bucket: "mtls-console-audit",
        Prefix: `mtls-console/${kind}/us-east-1/${domainName}/`,
      }),
    );
    keys.push(...(listed.Contents ?? []).map((o) => o.Key!));
  }
  return Promise.all(
    keys.map(
      async (Key) =>
        JSON.parse(
          await (
            await aws.s3.send(new GetObjectCommand({ Bucket: "mtls-console-audit", Key }))
          ).Body!.transformToString(),
        ) as AuditEvent,
    ),
  );
}

test("two operators roll back the same domain at once: exactly one change applies, the other is told who made it", async ({
  browser,
  aws,
  baseURL,
}) => {
  needs("mtls-fields", "update-domain-name");
  const a = await issue({ subject: "CN=Race Root A" });
  const b = await issue({ subject: "CN=Race Root B" });
  const c = await issue({ subject: "CN=Race Root C" });
  const seeded = await seedMtlsDomain(aws, {
    versions: [bundle(a), bundle(a, b), bundle(a, b, c)],
  });
  const first = await browser.newContext({ baseURL });
  const second = await browser.newContext({ baseURL });
  const [p1, p2] = await Promise.all([first.newPage(), second.newPage()]);
  await signInUi(p1, "operator");
  await signInUi(p2, "operator2");
  await Promise.all([p1.goto(domainUrl(seeded.domainName)), p2.goto(domainUrl(seeded.domainName))]);
  await openRollback(p1, seeded.versionIds[0]);
  await openRollback(p2, seeded.versionIds[1]);
  // Both roll-backs drop CAs that clients chain to today: each operator types the name.
  await typeToConfirm(p1.getByRole("dialog"), seeded.domainName);
  await typeToConfirm(p2.getByRole("dialog"), seeded.domainName);
  await Promise.all([
    p1.getByRole("dialog").getByRole("button", { name: "Switch version" }).click(),
    p2.getByRole("dialog").getByRole("button", { name: "Switch version" }).click(),
  ]);

  const outcome = async (p: typeof p1) => {
    const success = p.getByTestId("outcome-status");
    const failure = p.getByRole("alert").filter({ hasText: "Nothing was changed" });
    await expect(success.or(failure)).toBeVisible();
    return (await success.isVisible()) ? "applied" : ((await failure.textContent()) ?? "");
  };
  const results = await Promise.all([outcome(p1), outcome(p2)]);
  const applied = results.filter((r) => r === "applied");
  expect(applied).toHaveLength(1);
  const winner =
    results[0] === "applied" ? TEST_USERS.operator.username : TEST_USERS.operator2.username;
  const loserMessage = results.find((r) => r !== "applied")!;
  expect(loserMessage).toContain(winner);

  const expected = results[0] === "applied" ? seeded.versionIds[0] : seeded.versionIds[1];
  expect(await activeVersion(aws, seeded.domainName)).toBe(expected);
  const events = await auditEvents(aws, seeded.domainName);
  expect(
    events
      .filter((e) => e.action === "activate-truststore-version" && e.result === "success")
      .map((e) => [e.user, e.toVersion]),
  ).toEqual([[winner, expected]]);
  expect(events.filter((e) => e.result === "refused")).toHaveLength(1);
  await Promise.all([first.close(), second.close()]);
});

test("every change is in the audit trail with who, when, versions, result and AWS request id; the domain page shows it", async ({
  page,
  aws,
}) => {
  needs("mtls-fields", "update-domain-name");
  const pki = await chain(2, { prefix: "Audit" });
  const extra = await issue({ subject: "CN=Audit Extra Root" });
  const seeded = await seedMtlsDomain(aws, { versions: [bundle(pki[0]!), bundle(pki[0]!, extra)] });
  await signInUi(page, "operator");
  await page.goto(domainUrl(seeded.domainName));
  await rollBack(page, seeded.versionIds[0], seeded.domainName);
  await page.getByRole("button", { name: "Disable mutual TLS…" }).click();
  await typeToConfirm(page.getByRole("dialog"), seeded.domainName);
  await page.getByRole("dialog").getByRole("button", { name: "Disable mutual TLS" }).click();
  await expect(page.getByText(`Mutual TLS is now off for ${seeded.domainName}`)).toBeVisible();

  const events = (await auditEvents(aws, seeded.domainName)).sort((x, y) =>
    x.at.localeCompare(y.at),
  );
  expect(events.map((e) => [e.action, e.result, e.user])).toEqual([
    ["activate-truststore-version", "success", TEST_USERS.operator.username],
    ["disable-mutual-tls", "success", TEST_USERS.operator.username],
  ]);
  expect(events[0]).toMatchObject({
    domainName: seeded.domainName,
    region: "us-east-1",
    fromVersion: seeded.versionIds[1],
    toVersion: seeded.versionIds[0],
    role: "operator",
  });
  expect(events[0]!.requestId).toMatch(/^[0-9a-f-]{36}$/);
  expect(Date.parse(events[0]!.at)).toBeGreaterThan(Date.now() - 120_000);
  await page.reload();
  await expect(page.getByTestId("audit-row")).toHaveCount(2);
  await expect(page.getByTestId("audit-history")).toContainText(TEST_USERS.operator.username);
});

test("fuzzed uploads through the real upload action: no crash, and no S3 write unless the file is acceptable", async ({
  aws,
  baseURL,
}) => {
  needs("mtls-fields", "update-domain-name");
  const pki = await chain(2, { prefix: "Fuzz" });
  const seeded = await seedMtlsDomain(aws, { versions: [bundle(pki[0]!)] });
  const operator = await newRequest.newContext({ baseURL });
  await signInApi(operator, "operator");
  const upload = buildActions().find((a) => a.name === "uploadTruststoreVersion")!;
  const good = bundle(pki[0]!, pki[1]!);
  const pemOf = (bytes: Uint8Array) =>
    `-----BEGIN CERTIFICATE-----\n${Buffer.from(bytes).toString("base64")}\n-----END CERTIFICATE-----\n`;
  const der = new Uint8Array(pki[1]!.cert.rawData);
  const candidates = fc.oneof(
    fc.string({ maxLength: 500 }),
    fc.uint8Array({ maxLength: 600 }).map(pemOf),
    fc.integer({ min: 1, max: good.length - 1 }).map((cut) => good.slice(0, cut)),
    fc.tuple(fc.nat(der.length - 1), fc.integer({ min: 1, max: 255 })).map(([at, x]) => {
      const copy = der.slice();
      copy[at] = copy[at]! ^ x;
      return pemOf(copy);
    }),
    fc.constant(`${pki[0]!.pem}\n-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----\n`),
    fc.constant("$"),
    fc.constant("$$not-a-reference"),
  );
  let versions = (await objectVersions(aws, seeded.bucket, seeded.key)).length;
  await fc.assert(
    fc.asyncProperty(candidates, async (pem) => {
      const active = await activeVersion(aws, seeded.domainName);
      const result = await callAction<{ ok: boolean; code?: string; data?: { versionId: string } }>(
        operator,
        upload,
        {
          domainName: seeded.domainName,
          pem,
          acknowledgeWarnings: true,
          expectedCurrentVersion: active,
          // The fuzz is about the file: a change that drops today's CA is confirmed, as a careful operator would.
          confirmation: seeded.domainName,
        },
      );
      const now = (await objectVersions(aws, seeded.bucket, seeded.key)).length;
      if (result.ok) {
        expect(now).toBe(versions + 1);
        expect(await activeVersion(aws, seeded.domainName)).toBe(result.data!.versionId);
      } else {
        expect(now).toBe(versions);
        expect(["truststore-refused", "invalid-input", "warnings-not-acknowledged"]).toContain(
          result.code,
        );
      }
      versions = now;
    }),
    { numRuns: 40 },
  );
  await operator.dispose();
});

test("a change whose audit record cannot be written is made, and the page says it was not recorded", async ({
  page,
  aws,
  emulator,
}) => {
  needs("mtls-fields", "update-domain-name", "test-controls");
  const a = await issue({ subject: "CN=Unrecorded Root A" });
  const b = await issue({ subject: "CN=Unrecorded Root B" });
  const seeded = await seedMtlsDomain(aws, { versions: [bundle(a, b), bundle(a)] });
  await signInUi(page, "operator");
  await page.goto(domainUrl(seeded.domainName));
  // Every write under the audit trail's events fails; the lock and the change itself work.
  await emulator("faults", {
    operation: "PutObject",
    kind: "error500",
    count: 50,
    pathContains: "mtls-console/events/",
  });
  try {
    await openRollback(page, seeded.versionIds[0]);
    await page.getByRole("dialog").getByRole("button", { name: "Switch version" }).click();
    await expect(page.getByTestId("outcome-status")).toBeVisible();
    await expect(
      page.getByRole("alert").filter({ hasText: "could not be recorded in the audit trail" }),
    ).toBeVisible();
  } finally {
    await emulator("faults", undefined, "DELETE");
  }
  expect(await activeVersion(aws, seeded.domainName)).toBe(seeded.versionIds[0]);
  expect(await auditEvents(aws, seeded.domainName)).toHaveLength(0);
});
