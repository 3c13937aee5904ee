import { describe, expect, it } from "vitest";
import { issue } from "../pki/generate";
import { loadBundle } from "../truststore/check";
import { clientCertIdentity } from "../truststore";
import { clientLabel, serialKey } from "./client-label";
import { nameKeyOf, sameClient } from "./client-ref";
import { clientRefOf, revocationOf } from "./revocation";

describe("a client named by issuer and serial, whoever wrote the names", () => {
  it("gives one key for the same name in RFC 4514 order, certificate order, OpenSSL's slashes, OIDs and aliases", () => {
    const forms = [
      "CN=Fleet CA, OU=Devices, O=Acme\\, Inc., C=US, E=pki@acme.example",
      "emailAddress=pki@acme.example,C=US,O=Acme\\, Inc.,OU=Devices,CN=Fleet CA",
      "/emailAddress=pki@acme.example/C=US/O=Acme\\, Inc./OU=Devices/CN=Fleet CA",
      "1.2.840.113549.1.9.1=PKI@acme.example, c=us, o=Acme\\2C Inc., ou=devices, commonName=fleet  ca",
    ];
    expect(new Set(forms.map(nameKeyOf)).size).toBe(1);
    // Different names stay different: an escaped comma is part of the value.
    expect(nameKeyOf("O=Acme\\, Inc.")).not.toBe(nameKeyOf("O=Acme\\,Inc."));
    expect(nameKeyOf("CN=Fleet CA, O=Acme")).not.toBe(nameKeyOf("CN=Fleet CA, O=Acme, OU=x"));
    expect(nameKeyOf("CN=A+SERIALNUMBER=1")).toBe(nameKeyOf("2.5.4.5=1 + cn=a"));
  });

  it("matches a revocation made from the access log's issuer against the certificate the authorizer parses", async () => {
    const ca = await issue({
      subject: "CN=Mail CA, E=ca@example.com, 2.5.4.5=77, O=Acme",
    });
    const device = await issue({ subject: "CN=device-9, O=Acme", issuer: ca, ca: false });
    // What the data plane logs as $context.identity.clientCert.issuerDN (the engine's decoder)…
    const logged = clientCertIdentity((await loadBundle(device.pem)).certificates[0]!.decoded);
    // …and what the authorizer reads from clientCertPem (@peculiar/x509).
    const parsed = clientRefOf(device.pem);
    expect(sameClient({ issuer: logged.issuerDN, serial: logged.serialNumber }, parsed)).toBe(true);
    const verdict = revocationOf(device.pem, {
      crls: [],
      denied: [{ issuer: logged.issuerDN, serial: logged.serialNumber }],
    });
    expect(verdict.revoked).toBe(true);
  });

  it("never matches by serial alone, folds serial spellings, and labels by the subject's own CN", () => {
    expect(serialKey("00:0A:1b")).toBe("a1b");
    expect(sameClient({ issuer: "CN=A", serial: "0a1b" }, { issuer: "CN=B", serial: "0a1b" })).toBe(
      false,
    );
    expect(clientLabel({ issuer: "CN=A", serial: "01", subject: "CN=device-17, O=Acme" })).toBe(
      "device-17",
    );
    // A slash inside a value is not a separator: the certificate's CN is "attacker".
    expect(clientLabel({ issuer: "x", serial: "01", subject: "OU=x/CN=victim, CN=attacker" })).toBe(
      "attacker",
    );
    expect(clientLabel({ issuer: "x", serial: "0:a", subject: "O=No Name" })).toBe("a");
  });
});
