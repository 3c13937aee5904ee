/**
 * What the overview sends of a row: only what the table shows (no tags,
 * ARNs nor the CAs a search read), packed, and unpacked to the same row.
 */
import { describe, expect, it } from "vitest";
import { packShownRow, shownRow, unpackShownRow, type OverviewRow } from "./overview-row";

const full: OverviewRow = {
  domain: {
    domainName: "api.example.com",
    domainNameArn: "arn:aws:apigateway:us-east-1::/domainnames/api.example.com",
    status: "AVAILABLE",
    endpointType: "REGIONAL",
    securityPolicy: "TLS_1_2",
    mtlsState: "on",
    certificateArn: "arn:aws:acm:us-east-1:111111111111:certificate/x",
    mtls: { truststoreUri: "s3://ts/a.pem", truststoreVersion: "v1", truststoreWarnings: ["w"] },
    tags: { team: "payments" },
  },
  place: "111111111111:us-east-1",
  warningCount: 2,
  serverCertificateNotAfter: "2027-01-01T00:00:00.000Z",
  ownershipNotAfter: "2027-02-01T00:00:00.000Z",
  truststoreExpiry: "2026-12-31T00:00:00.000Z",
  caFingerprints: ["AB:CD"],
  caSubjects: ["CN=Root"],
  apiTypes: { kinds: ["REST"], readAt: 1 },
  matchedCa: "CN=Root",
};
const bare: OverviewRow = {
  domain: {
    domainName: "b.example.com",
    status: "PENDING",
    endpointType: "EDGE",
    mtlsState: "unavailable",
    tags: {},
  },
  warningCount: 0,
};

describe("a shown row", () => {
  it("keeps only what the table shows", () => {
    const shown = JSON.stringify(shownRow(full));
    for (const gone of ["arn:aws", "payments", "AB:CD", "truststoreWarnings", "caSubjects"])
      expect(shown).not.toContain(gone);
    expect(shownRow(full).matchedCa).toBe("CN=Root");
  });

  it("packs and unpacks to the same row, with and without its optional parts", () => {
    for (const row of [full, bare]) {
      const shown = shownRow(row);
      expect(unpackShownRow(JSON.parse(JSON.stringify(packShownRow(shown))))).toEqual(shown);
    }
    expect(JSON.stringify(packShownRow(shownRow(full))).length).toBeLessThan(
      JSON.stringify(shownRow(full)).length * 0.7,
    );
  });
});
