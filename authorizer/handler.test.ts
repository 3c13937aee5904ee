/**
 * The revocation authorizer against AWS's documented authorizer events
 * (REST, HTTP API payload 2.0 and 1.0) carrying real certificates, with
 * its lists in S3 served by the emulator over HTTP through the real SDK.
 */
import { CreateBucketCommand, S3Client } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { issue, makeCrl, type Issued } from "../lib/pki/generate";
import { startTestEmulator, type TestEmulator } from "../test-support/emulator";
import { unique } from "../test-support/seed";
import { httpV1Event, httpV2Event, restEvent } from "./documented-events";
import { makeHandler, type HandlerOptions } from "./handler";
import type { PolicyResponse } from "./responses";

/** The whole stage of METHOD_ARN and ROUTE_ARN: the policy names every method of it. */
const STAGE_ARN = "arn:aws:execute-api:us-east-1:123456789012:abcdef123/test/*/*";
import { crlEntry, denyEntry, listsDocument, presented, putLists } from "./test-lists";

const DAY = 86_400_000;

let t: TestEmulator;
/** The tests' own writes; the handler reads through `authorizerS3`, which notes its requests. */
let s3: S3Client;
let authorizerS3: S3Client;
let bucket: string;
let ca: Issued;
let fine: Issued;
let denied: Issued;
let crlRevoked: Issued;
const sent: { ifNoneMatch?: string; status?: number }[] = [];

/** A real SDK client on the emulator that notes each request's If-None-Match and status. */
function countingClient(endpoint: string): S3Client {
  const client = new S3Client({
    endpoint,
    region: "us-east-1",
    forcePathStyle: true,
    credentials: { accessKeyId: "test", secretAccessKey: "test" },
    maxAttempts: 1,
  });
  client.middlewareStack.add(
    (next) => async (args) => {
      const headers = (args.request as { headers?: Record<string, string> }).headers ?? {};
      const note: (typeof sent)[number] = { ifNoneMatch: headers["if-none-match"] };
      sent.push(note);
      try {
        const out = await next(args);
        note.status = (out.response as { statusCode?: number }).statusCode;
        return out;
      } catch (error) {
        note.status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata
          ?.httpStatusCode;
        throw error;
      }
    },
    { step: "finalizeRequest", name: "noteRequests" },
  );
  return client;
}

const lines: string[] = [];
const handlerFor = (options: Partial<HandlerOptions> = {}) =>
  makeHandler({ bucket, s3Client: authorizerS3, log: (line) => lines.push(line), ...options });

const getObjectCount = async () =>
  (await t.control<{ counts: Record<string, number> }>("requests")).counts.GetObject ?? 0;

beforeAll(async () => {
  t = await startTestEmulator();
  s3 = t.clients().s3;
  authorizerS3 = countingClient(t.endpoint);
  bucket = unique("ts-authz");
  await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  ca = await issue({ subject: "CN=Partner CA, O=Example" });
  fine = await issue({ subject: "CN=fine-device, O=Example", issuer: ca, ca: false });
  denied = await issue({ subject: "CN=lost-laptop, O=Example", issuer: ca, ca: false });
  crlRevoked = await issue({ subject: "CN=stolen-phone, O=Example", issuer: ca, ca: false });
});

afterAll(async () => {
  await t?.stop();
});

/** A domain whose lists deny `denied` on the deny list and `crlRevoked` by the CA's CRL. */
async function domainWithLists(options: { nextUpdate?: Date } = {}) {
  const domain = `${unique("api")}.example.com`;
  const { pem, crl } = await makeCrl(ca, [crlRevoked], options);
  await putLists(
    s3,
    bucket,
    domain,
    listsDocument(domain, { denied: [denyEntry(denied)], crls: [crlEntry(pem, crl)] }),
  );
  return domain;
}

const effect = (r: PolicyResponse) => r.policyDocument.Statement[0].Effect;

describe("the revocation authorizer, REST API (documented REQUEST input)", () => {
  it("allows a client the lists do not revoke, with its names in the context", async () => {
    const domain = await domainWithLists();
    const answer = await handlerFor()(restEvent(domain, presented(fine)));
    expect(answer).toEqual({
      principalId: fine.cert.subject,
      policyDocument: {
        Version: "2012-10-17",
        Statement: [{ Action: "execute-api:Invoke", Effect: "Allow", Resource: STAGE_ARN }],
      },
      context: {
        subjectDN: fine.cert.subject,
        issuerDN: ca.cert.subject,
        serialNumber: expect.stringMatching(/^[0-9a-f]{2}(:[0-9a-f]{2})+$/),
        revocationChecked: "true",
      },
    });
    expect(answer).not.toHaveProperty("isAuthorized");
  });

  it("denies a client on the deny list and one the issuer's CRL revokes", async () => {
    const domain = await domainWithLists();
    const handler = handlerFor();
    const onDenyList = await handler(restEvent(domain, presented(denied)));
    expect(effect(onDenyList)).toBe("Deny");
    expect(onDenyList.context).toMatchObject({ reason: "revoked", revocationChecked: "true" });
    const byCrl = await handler(restEvent(domain, presented(crlRevoked)));
    expect(effect(byCrl)).toBe("Deny");
    expect(byCrl.context.reason).toBe("revoked");
    const logged = lines.slice(-2).map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(logged[0]).toMatchObject({ decision: "deny", reason: "revoked", kind: "rest" });
    expect(String(logged[1]?.detail)).toContain("Revoked by the CRL of CN=Partner CA");
    expect(lines.join("\n")).not.toContain("BEGIN CERTIFICATE");
  });

  it("does not match a serial of another issuer", async () => {
    const other = await issue({ subject: "CN=Other CA, O=Example" });
    const serialNumber = "0a1b2c3d";
    const mine = await issue({ subject: "CN=dev", issuer: ca, ca: false, serialNumber });
    const theirs = await issue({ subject: "CN=dev", issuer: other, ca: false, serialNumber });
    const domain = `${unique("api")}.example.com`;
    const { pem, crl } = await makeCrl(ca, [mine]);
    await putLists(
      s3,
      bucket,
      domain,
      listsDocument(domain, { crls: [crlEntry(pem, crl)], denied: [denyEntry(mine)] }),
    );
    const handler = handlerFor();
    expect(effect(await handler(restEvent(domain, presented(mine))))).toBe("Deny");
    expect(effect(await handler(restEvent(domain, presented(theirs))))).toBe("Allow");
  });

  it("denies the clients of an issuer whose CRL is past nextUpdate; FAIL_OPEN lets them through unchecked", async () => {
    const domain = await domainWithLists({ nextUpdate: new Date(Date.now() - DAY) });
    const closed = await handlerFor()(restEvent(domain, presented(fine)));
    expect(effect(closed)).toBe("Deny");
    expect(closed.context).toMatchObject({ reason: "stale-crl", revocationChecked: "false" });
    const open = handlerFor({ failOpen: true });
    const through = await open(restEvent(domain, presented(fine)));
    expect(effect(through)).toBe("Allow");
    expect(through.context).toMatchObject({ reason: "stale-crl", revocationChecked: "false" });
    // Never open for a revoked client: the stale CRL and the deny list still count.
    expect(effect(await open(restEvent(domain, presented(crlRevoked))))).toBe("Deny");
    expect(effect(await open(restEvent(domain, presented(denied))))).toBe("Deny");
  });

  it("denies when the lists are missing or unreadable; FAIL_OPEN lets through all but the revoked", async () => {
    const missing = `${unique("api")}.example.com`;
    const answer = await handlerFor()(restEvent(missing, presented(fine)));
    expect(effect(answer)).toBe("Deny");
    expect(answer.context).toMatchObject({
      reason: "lists-unreadable",
      revocationChecked: "false",
    });
    expect(JSON.parse(lines.at(-1)!).detail).toContain("NoSuchKey");
    const open = await handlerFor({ failOpen: true })(restEvent(missing, presented(fine)));
    expect(effect(open)).toBe("Allow");
    expect(open.context.revocationChecked).toBe("false");

    const notJson = `${unique("api")}.example.com`;
    await putLists(s3, bucket, notJson, "{ not json");
    expect(effect(await handlerFor()(restEvent(notJson, presented(fine))))).toBe("Deny");
    const wrongFormat = `${unique("api")}.example.com`;
    await putLists(s3, bucket, wrongFormat, JSON.stringify({ format: "something-else/1" }));
    expect(effect(await handlerFor()(restEvent(wrongFormat, presented(fine))))).toBe("Deny");
    const elsewhere = `${unique("api")}.example.com`;
    await putLists(s3, bucket, elsewhere, listsDocument("other.example.com"));
    expect(effect(await handlerFor()(restEvent(elsewhere, presented(fine))))).toBe("Deny");
    expect(JSON.parse(lines.at(-1)!).detail).toContain("name another domain");

    const noBucket = await handlerFor({ bucket: unique("ts-nowhere") })(
      restEvent(missing, presented(fine)),
    );
    expect(noBucket.context.reason).toBe("lists-unreadable");
    const notConfigured = await handlerFor({ bucket: "", failOpen: true })(
      restEvent(missing, presented(fine)),
    );
    expect(effect(notConfigured)).toBe("Deny");
    expect(notConfigured.context.reason).toBe("not-configured");
  });

  it("denies on an S3 failure, and with FAIL_OPEN still refuses a client the last good lists revoke", async () => {
    const domain = await domainWithLists();
    const open = handlerFor({ failOpen: true });
    const closed = handlerFor();
    expect(effect(await open(restEvent(domain, presented(fine))))).toBe("Allow");
    await t.control("faults", { operation: "GetObject", kind: "error500", count: 3 });
    const failed = await closed(restEvent(domain, presented(fine)));
    expect(effect(failed)).toBe("Deny");
    expect(JSON.parse(lines.at(-1)!).detail).toContain("InternalError");
    const stillRevoked = await open(restEvent(domain, presented(denied)));
    expect(effect(stillRevoked)).toBe("Deny");
    expect(stillRevoked.context).toMatchObject({ reason: "revoked", revocationChecked: "false" });
    const unchecked = await open(restEvent(domain, presented(fine)));
    expect(effect(unchecked)).toBe("Allow");
    expect(unchecked.context).toMatchObject({
      reason: "lists-unreadable",
      revocationChecked: "false",
    });
  });

  it("denies a request without a client certificate, even with FAIL_OPEN", async () => {
    const domain = await domainWithLists();
    for (const handler of [handlerFor(), handlerFor({ failOpen: true })]) {
      const answer = await handler(restEvent(domain));
      expect(answer.principalId).toBe("anonymous");
      expect(effect(answer)).toBe("Deny");
      expect(answer.context).toEqual({
        reason: "no-client-certificate",
        revocationChecked: "false",
      });
    }
  });
});

describe("the revocation authorizer, HTTP APIs", () => {
  it("payload 2.0: the simple response and the IAM policy together, on the route ARN", async () => {
    const domain = await domainWithLists();
    const handler = handlerFor();
    const allowed = await handler(httpV2Event(domain, presented(fine)));
    expect(allowed).toMatchObject({
      isAuthorized: true,
      principalId: fine.cert.subject,
      policyDocument: { Statement: [{ Effect: "Allow", Resource: STAGE_ARN }] },
      context: { subjectDN: fine.cert.subject, revocationChecked: "true" },
    });
    const revoked = await handler(httpV2Event(domain, presented(crlRevoked)));
    expect(revoked).toMatchObject({
      isAuthorized: false,
      policyDocument: { Statement: [{ Effect: "Deny", Resource: STAGE_ARN }] },
      context: { reason: "revoked" },
    });
    const noCert = await handler(httpV2Event(domain));
    expect(noCert).toMatchObject({
      isAuthorized: false,
      context: { reason: "no-client-certificate" },
    });
    expect(JSON.parse(lines.at(-1)!)).toMatchObject({ kind: "http-2.0", decision: "deny" });
  });

  it("payload 1.0: the REST shape, answered with a policy", async () => {
    const domain = await domainWithLists();
    const handler = handlerFor();
    const allowed = await handler(httpV1Event(domain, presented(fine)));
    expect(allowed).not.toHaveProperty("isAuthorized");
    expect(effect(allowed)).toBe("Allow");
    expect(effect(await handler(httpV1Event(domain, presented(denied))))).toBe("Deny");
    expect(JSON.parse(lines.at(-1)!).kind).toBe("http-1.0");
  });
});

describe("reloading the lists by ETag", () => {
  it("asks S3 once per invocation with If-None-Match, reuses the unchanged lists, and picks up a change at once", async () => {
    const domain = await domainWithLists();
    const handler = handlerFor();
    const before = await getObjectCount();
    sent.length = 0;
    expect(effect(await handler(restEvent(domain, presented(fine))))).toBe("Allow");
    const first = JSON.parse(lines.at(-1)!) as { lists: string; listsEtag: string };
    expect(first.lists).toBe("loaded");
    expect(sent[0]).toEqual({ ifNoneMatch: undefined, status: 200 });

    expect(effect(await handler(httpV2Event(domain, presented(fine))))).toBe("Allow");
    const second = JSON.parse(lines.at(-1)!) as { lists: string; listsEtag: string };
    expect(second).toMatchObject({ lists: "unchanged", listsEtag: first.listsEtag });
    // The second GET is conditional on the ETag kept; S3 answers it 304 Not Modified.
    expect(sent[1]).toEqual({ ifNoneMatch: first.listsEtag, status: 304 });

    // The fine client is revoked: the next invocation sees it.
    await putLists(s3, bucket, domain, listsDocument(domain, { denied: [denyEntry(fine)] }));
    const third = await handler(restEvent(domain, presented(fine)));
    expect(effect(third)).toBe("Deny");
    expect(JSON.parse(lines.at(-1)!)).toMatchObject({ lists: "loaded", reason: "revoked" });
    expect(sent[2]).toEqual({ ifNoneMatch: first.listsEtag, status: 200 });
    expect((await getObjectCount()) - before).toBe(3);
  });
});
