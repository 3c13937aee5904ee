/**
 * Changes of a domain's revocation lists on the server, against the
 * emulator through the real SDK: each is one new S3 version beside the
 * truststore, carries the version the user saw, and can be undone.
 */
import {
  CreateBucketCommand,
  GetObjectCommand,
  ListObjectVersionsCommand,
} from "@aws-sdk/client-s3";
import { beforeAll, describe, expect, it } from "vitest";
import { suiteEmulator } from "../../../test-support/suite-emulator";
import { seedMtlsDomain } from "../../../test-support/seed";
import { refusal } from "../../../test-support/failure";
import { issue, makeCrl, type Issued } from "../../pki/generate";
import { parseRevocationDocument, revocationKey } from "../../revocation/document";
import { revocationVerdict } from "../../revocation/verdict";
import { readRevocationLists } from "../revocation/revocation-lists";
import { listsDiff } from "../revocation/lists-diff";
import * as lists from "./revocation-changes";

const DOMAIN = "revoke.test.example";
const BUCKET = "revoke-ts";
const t = suiteEmulator({ AUDIT_BUCKET: "mtls-console-audit" });
let ca: Issued;
let other: Issued;
let stolen: Issued;
let fine: Issued;
const region = "us-east-1";
const base = { domainName: DOMAIN, region, actor: "otto" };

const stored = async () => {
  const res = await t
    .clients()
    .s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: revocationKey(DOMAIN) }));
  const parsed = parseRevocationDocument(await res.Body!.transformToString());
  if (!parsed.ok) throw new Error(parsed.problem);
  return { doc: parsed.doc, versionId: res.VersionId! };
};
const versionCount = async () =>
  (
    await t
      .clients()
      .s3.send(new ListObjectVersionsCommand({ Bucket: BUCKET, Prefix: revocationKey(DOMAIN) }))
  ).Versions?.length ?? 0;
const ref = (c: Issued) => ({
  issuer: c.cert.issuer,
  serial: c.cert.serialNumber,
  subject: c.cert.subject,
});

beforeAll(async () => {
  ca = await issue({ subject: "CN=Fleet CA" });
  other = await issue({ subject: "CN=Other CA" });
  stolen = await issue({ subject: "CN=device-17", issuer: ca, ca: false });
  fine = await issue({ subject: "CN=device-18", issuer: ca, ca: false });
  await t.clients().s3.send(new CreateBucketCommand({ Bucket: "mtls-console-audit" }));
  await seedMtlsDomain(t.clients(), {
    domainName: DOMAIN,
    bucket: BUCKET,
    key: "truststore.pem",
    versions: [`${ca.pem}\n${other.pem}`],
  });
});

describe("revoking one client without touching its CA", () => {
  it("revokes with the client's name typed, lifts it, and restores a version: one S3 version each", async () => {
    expect((await readRevocationLists(DOMAIN, region)).versionId).toBe("");
    const wrongName = await refusal(
      lists.denyClient({
        ...base,
        expectedListsVersion: "",
        client: ref(stolen),
        confirmation: DOMAIN,
      }),
    );
    expect(wrongName.message).toContain("device-17");
    expect(await versionCount()).toBe(0);

    const revoked = await lists.denyClient({
      ...base,
      expectedListsVersion: "",
      client: ref(stolen),
      reason: "reported stolen",
      confirmation: "device-17",
    });
    const after = await stored();
    expect(after.versionId).toBe(revoked.versionId);
    expect(after.doc.denied).toEqual([
      expect.objectContaining({ subject: "CN=device-17", reason: "reported stolen", by: "otto" }),
    ]);
    expect(revocationVerdict(stolen.pem, after.doc, new Date())).toMatchObject({
      allow: false,
      why: "revoked",
    });
    expect(revocationVerdict(fine.pem, after.doc, new Date())).toEqual({ allow: true });

    // A stale page (it saw no lists) changes nothing.
    const stale = await refusal(
      lists.denyClient({
        ...base,
        expectedListsVersion: "",
        client: ref(fine),
        confirmation: "device-18",
      }),
    );
    expect(stale.code).toBe("conflict");
    expect(await versionCount()).toBe(1);

    const lifted = await lists.undenyClient({
      ...base,
      expectedListsVersion: revoked.versionId,
      client: ref(stolen),
    });
    expect((await stored()).doc.denied).toEqual([]);
    // Said before it is done: restoring the revoked version revokes device-17 again.
    expect(await listsDiff({ domainName: DOMAIN, region, versionId: revoked.versionId })).toEqual({
      currentVersion: lifted.versionId,
      revokes: [expect.stringContaining("device-17")],
      letsBackIn: [],
      crlsBack: [],
      crlsDropped: [],
    });
    await lists.restoreListsVersion({
      ...base,
      expectedListsVersion: lifted.versionId,
      versionId: revoked.versionId,
    });
    expect((await stored()).doc.denied).toHaveLength(1);
    expect(await versionCount()).toBe(3);
  });

  it("takes a CRL of a truststore CA, refuses a forged, a foreign and an older one", async () => {
    const current = (await readRevocationLists(DOMAIN, region)).versionId;
    const now = Date.now();
    const forged = await makeCrl(ca, [fine], { signer: other });
    expect(
      (await refusal(lists.storeCrl({ ...base, expectedListsVersion: current, crl: forged.pem })))
        .message,
    ).toContain("does not verify its signature");
    const foreignCa = await issue({ subject: "CN=Foreign CA" });
    const foreign = await makeCrl(foreignCa, []);
    expect(
      (await refusal(lists.storeCrl({ ...base, expectedListsVersion: current, crl: foreign.pem })))
        .message,
    ).toContain("not a CA of this truststore");
    const der = await makeCrl(ca, [fine], { thisUpdate: new Date(now - 60_000) });
    const added = await lists.storeCrl({
      ...base,
      expectedListsVersion: current,
      crl: new Uint8Array(der.crl.rawData),
    });
    expect(added.doc.crls).toEqual([
      expect.objectContaining({ issuer: "CN=Fleet CA", revokedCount: 1 }),
    ]);
    expect(revocationVerdict(fine.pem, added.doc, new Date())).toMatchObject({
      allow: false,
      why: "revoked",
      revocation: { by: "crl" },
    });
    const older = await makeCrl(ca, [], { thisUpdate: new Date(now - 3_600_000) });
    const replay = await refusal(
      lists.storeCrl({ ...base, expectedListsVersion: added.versionId, crl: older.pem }),
    );
    expect(replay.message).toContain("newer CRL");
    const removed = await lists.dropCrl({
      ...base,
      expectedListsVersion: added.versionId,
      issuer: "CN=Fleet CA",
    });
    expect(removed.doc.crls).toEqual([]);
  });
});
