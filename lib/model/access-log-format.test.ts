/**
 * Access log formats as the console reads them: only keys a Logs Insights
 * query can take as they are, the fields "clients seen" needs added, and
 * the diff the confirmation shows.
 */
import { describe, expect, it } from "vitest";
import {
  clientCertKeys,
  contextKeys,
  formatDiff,
  RECOMMENDED_FORMAT,
  withClientCertFields,
} from "./access-log-format";

const cert = {
  dn: "$context.identity.clientCert.subjectDN",
  issuer: "$context.identity.clientCert.issuerDN",
  serial: "$context.identity.clientCert.serialNumber",
  until: "$context.identity.clientCert.validity.notAfter",
};

describe("access log formats", () => {
  it("reads the recommended format whole: certificate, domain, status and error keys", () => {
    expect(clientCertKeys(RECOMMENDED_FORMAT)).not.toBeNull();
    expect(contextKeys(RECOMMENDED_FORMAT)).toEqual({
      domainName: "domainName",
      status: "status",
      errorMessage: "errorMessage",
    });
  });

  it("never reads a key a query cannot take as it is, and adds the field under its own key", () => {
    const hostile = JSON.stringify({
      ...cert,
      serial: undefined,
      'serial" | filter 1=1 | fields x': "$context.identity.clientCert.serialNumber",
      "domain-name": "$context.domainName",
    });
    expect(clientCertKeys(hostile)).toBeNull();
    expect(contextKeys(hostile).domainName).toBeUndefined();
    const fixed = withClientCertFields(hostile);
    expect(clientCertKeys(fixed)).toMatchObject({ serialNumber: "clientCertSerialNumber" });
    expect(contextKeys(fixed).domainName).toBe("domainName");
  });

  it("the diff lists each added field, or says the format is replaced", () => {
    const before = JSON.stringify({ requestId: "$context.requestId", ...cert });
    const after = withClientCertFields(before);
    expect(formatDiff(before, after)).toEqual({
      added: [
        ["domainName", "$context.domainName"],
        ["status", "$context.status"],
        ["errorMessage", "$context.error.message"],
      ],
      replaced: false,
    });
    expect(formatDiff("$context.requestId $context.status", RECOMMENDED_FORMAT).replaced).toBe(
      true,
    );
  });
});
