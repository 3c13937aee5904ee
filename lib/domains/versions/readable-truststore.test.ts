/**
 * Which S3 URIs a read by URI may open: only buckets an operator listed
 * (TRUSTSTORE_BUCKETS), never the console's own store.
 */
import { afterEach, describe, expect, it } from "vitest";
import { allowedTruststoreBucket, openableUri, truststoreUriOf } from "./readable-truststore";

afterEach(() => {
  delete process.env.TRUSTSTORE_BUCKETS;
});

describe("reads by S3 URI", () => {
  it("open nothing until an operator lists buckets, then only those (with * patterns)", () => {
    expect(openableUri("s3://team-b-secrets/ts.pem")).toMatchObject({
      problem: expect.stringContaining("not one an operator listed"),
    });
    process.env.TRUSTSTORE_BUCKETS = "truststores-prod, partner-*";
    expect(openableUri("s3://truststores-prod/ts.pem")).toHaveProperty("location");
    expect(openableUri("s3://partner-acme/ts.pem")).toHaveProperty("location");
    expect(openableUri("s3://team-b-secrets/ts.pem")).toHaveProperty("problem");
    // A pattern is matched whole: no prefix or suffix slips through, and dots are dots.
    expect(allowedTruststoreBucket("xtruststores-prod")).toBe(false);
    expect(allowedTruststoreBucket("truststores-prodx")).toBe(false);
  });

  it("never the console's own store, even when listed", () => {
    process.env.TRUSTSTORE_BUCKETS = "*";
    expect(openableUri("s3://mtls-console-audit/mtls-console/events/x.json")).toMatchObject({
      problem: expect.stringContaining("the console's own store"),
    });
  });

  it("a new domain's truststore may be in any bucket its operator names", () => {
    expect(truststoreUriOf("s3://any-bucket/ts.pem")).toHaveProperty("location");
  });
});
