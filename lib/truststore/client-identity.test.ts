import { describe, expect, it } from "vitest";
import { bundle, issue } from "../pki/generate";
import { checkTruststore } from "./check";
import { comparable } from "./comparable";
import {
  acceptsSeenClient,
  clientCertIdentity,
  opensslDate,
  sameDn,
  type SeenClient,
} from "./client-identity";
import { needsTypedName } from "./lockout-confirmation";
import { clientsSentence, informLockout } from "./lockout-informed";
import { assessLockout } from "./lockout";

const seen = (issuerDN: string, notAfter: string, requests = 1): SeenClient => ({
  subjectDN: `CN=client of ${issuerDN}`,
  issuerDN,
  serialNumber: "01:02",
  notAfter,
  requests,
  lastSeen: "2026-11-29 10:00:00.000",
});

describe("clients as API Gateway logs them", () => {
  it("writes dates as OpenSSL does and serials as colon-separated hex", async () => {
    expect(opensslDate("2019-05-28T12:30:02Z")).toBe("May 28 12:30:02 2019 GMT");
    expect(opensslDate("2021-08-05T09:36:04Z")).toBe("Aug  5 09:36:04 2021 GMT");
    const root = await issue({ subject: "CN=Id Root" });
    const leaf = await issue({
      subject: "CN=leaf",
      issuer: root,
      ca: false,
      serialNumber: "0a0b0c",
    });
    const id = clientCertIdentity((await checkTruststore(leaf.pem)).certificates[0]!);
    expect(id).toMatchObject({
      subjectDN: "CN=leaf",
      issuerDN: "CN=Id Root",
      serialNumber: "0a:0b:0c",
    });
    expect(sameDn("CN=a, O=b", "cn=A,O=B")).toBe(true);
    expect(sameDn("CN=a, O=b", "CN=a, O=c")).toBe(false);
  });

  it("judges a logged client by its issuer and expiry, and counts what a change refuses", async () => {
    const a = await issue({ subject: "CN=Root A" });
    const b = await issue({ subject: "CN=Root B" });
    const at = new Date("2026-11-29T00:00:00Z");
    const both = comparable(await checkTruststore(bundle(a, b), { at }));
    const onlyA = comparable(await checkTruststore(bundle(a), { at }));
    const ofA = seen("CN=Root A", "Dec  9 10:00:00 2027 GMT", 10);
    const ofB = seen("CN=Root B", "Dec  9 10:00:00 2027 GMT", 5);
    const expiredOfB = seen("CN=Root B", "Jan  1 00:00:00 2026 GMT", 7);
    expect(acceptsSeenClient(both, ofB, at)).toBe(true);
    expect(acceptsSeenClient(onlyA, ofB, at)).toBe(false);
    expect(acceptsSeenClient(both, expiredOfB, at)).toBe(false);
    const lockout = informLockout(
      assessLockout(both, onlyA),
      both,
      onlyA,
      { clients: [ofA, ofB, expiredOfB], days: 7 },
      at,
    );
    // The expired client is refused today already: the change does not refuse it.
    expect(lockout.clients).toMatchObject({ seen: 3, requests: 5, days: 7 });
    expect(lockout.clients!.refused.map((c) => c.issuerDN)).toEqual(["CN=Root B"]);
    expect(needsTypedName(lockout)).toBe(true);
    expect(clientsSentence(lockout.clients!)).toBe(
      "refuses 1 of 3 clients seen in 7 days (5 requests)",
    );
    const keep = informLockout(
      assessLockout(onlyA, both),
      onlyA,
      both,
      { clients: [ofA], days: 1 },
      at,
    );
    expect(needsTypedName(keep)).toBe(false);
    expect(clientsSentence(keep.clients!)).toBe("refuses none of the 1 clients seen in 24 hours");
  });

  it("counts revoked clients apart: refused already, they alone never ask for the typed name", async () => {
    const a = await issue({ subject: "CN=Root A" });
    const b = await issue({ subject: "CN=Root B" });
    const at = new Date("2026-11-29T00:00:00Z");
    const both = comparable(await checkTruststore(bundle(a, b), { at }));
    const onlyA = comparable(await checkTruststore(bundle(a), { at }));
    const stolen = { ...seen("CN=Root B", "Dec  9 10:00:00 2027 GMT", 4), revoked: true };
    const lockout = informLockout(
      assessLockout(both, onlyA),
      both,
      onlyA,
      { clients: [seen("CN=Root A", "Dec  9 10:00:00 2027 GMT"), stolen], days: 7 },
      at,
    );
    expect(lockout.clients).toMatchObject({ refused: [], refusedRevoked: 1, requests: 0 });
    expect(clientsSentence(lockout.clients!)).toBe(
      "refuses none of the 2 clients seen in 7 days (and 1 revoked client, refused already)",
    );
  });
});
