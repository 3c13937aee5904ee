/**
 * The overview's search by a CA: the forms a subject is pasted in (the
 * console's, openssl's, the old slash form), any case and order, a
 * fingerprint naming its CA's subject, and a search that names nothing.
 */
import { describe, expect, it } from "vitest";
import { parseOverviewQuery, applyOverviewQuery } from "./overview-query";
import { caMatchOf, subjectTerms } from "./ca-search";
import type { OverviewRow } from "./overview-row";

const row = (name: string, cas: [string, string][]): OverviewRow => ({
  domain: {
    domainName: name,
    status: "AVAILABLE",
    endpointType: "REGIONAL",
    mtls: { truststoreUri: `s3://ts-${name}/truststore.pem` },
  } as OverviewRow["domain"],
  warningCount: 0,
  caFingerprints: cas.map(([fp]) => fp),
  caSubjects: cas.map(([, subject]) => subject),
});

const acme = row("api.example.com", [
  ["AB:CD:EF:01:23:45:67:89", "CN=Acme Root CA, O=Acme Corp, C=US"],
  ["12:34:56:78:9A:BC:DE:F0", "CN=Acme Issuing CA 2, O=Acme Corp, C=US"],
]);
const other = row("b2b.example.com", [["FF:EE:DD:CC:BB:AA:99:88", "CN=Other Root, O=Other"]]);

describe("subjectTerms", () => {
  it("reads the console's, openssl's and the slash form alike", () => {
    expect(subjectTerms("CN=Acme Root CA, O=Acme Corp")).toEqual([
      "cn=acme root ca",
      "o=acme corp",
    ]);
    expect(subjectTerms("subject=C = US, O = Acme Corp, CN = Acme Root CA")).toEqual([
      "c=us",
      "o=acme corp",
      "cn=acme root ca",
    ]);
    expect(subjectTerms("/C=US/O=Acme Corp/CN=Acme Root CA")).toEqual([
      "c=us",
      "o=acme corp",
      "cn=acme root ca",
    ]);
    expect(subjectTerms("   ")).toEqual([]);
  });
});

describe("caMatchOf", () => {
  it("names the CA a subject search found, in any order and case", () => {
    for (const q of [
      "acme root",
      "subject=C = US, O = Acme Corp, CN = Acme Root CA",
      "/C=US/CN=ACME ROOT CA",
    ])
      expect(caMatchOf(acme, q), q).toBe("CN=Acme Root CA, O=Acme Corp, C=US");
    expect(caMatchOf(acme, "Issuing CA 2")).toBe("CN=Acme Issuing CA 2, O=Acme Corp, C=US");
  });

  it("names the CA a fingerprint found", () => {
    expect(caMatchOf(acme, "123456789abc")).toBe("CN=Acme Issuing CA 2, O=Acme Corp, C=US");
  });

  it("finds nothing when one part names another CA", () => {
    expect(caMatchOf(acme, "CN=Acme Root CA, O=Other")).toBeUndefined();
    expect(caMatchOf(other, "Acme")).toBeUndefined();
  });
});

describe("the overview's search", () => {
  it("keeps the rows whose name, S3 URI or CA matches", () => {
    const view = (q: string) =>
      applyOverviewQuery([acme, other], parseOverviewQuery({ q }), Date.now()).rows.map(
        (r) => r.domain.domainName,
      );
    expect(view("O=Other")).toEqual(["b2b.example.com"]);
    expect(view("acme corp")).toEqual(["api.example.com"]);
    expect(view("ts-b2b")).toEqual(["b2b.example.com"]);
    expect(view("example.com")).toEqual(["api.example.com", "b2b.example.com"]);
    expect(view("nobody")).toEqual([]);
  });
});
