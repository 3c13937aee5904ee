/**
 * The partners' PKI of the demo: roots and issuing CAs with dates relative
 * to now (one expiring in 21 days, one in 9, a SHA-1 legacy root, a subject
 * with markup). Shared keys keep seeding fast; certificates are all distinct.
 */

import { issue, makeKeys } from "../../lib/pki/generate";

export type DemoPki = Awaited<ReturnType<typeof demoPki>>;

export async function demoPki(at: (days: number) => Date) {
  // Partner PKI. Shared keys keep seeding fast; certificates are all distinct.
  const ec384 = await makeKeys({ ec: "P-384" }, "demo-root-384");
  const rsa = await makeKeys({ rsa: 2048 }, "demo-rsa");
  const acmeRoot = await issue({
    subject: "CN=Acme Partner Root CA, O=Acme Corp, C=US",
    keys: ec384,
    key: { ec: "P-384" },
    notBefore: at(-900),
    notAfter: at(2700),
    pathLength: 1,
  });
  const acmeIssuing = await issue({
    subject: "CN=Acme Partner Issuing CA 1, O=Acme Corp, C=US",
    issuer: acmeRoot,
    ca: true,
    notBefore: at(-700),
    notAfter: at(21),
  });
  const acmeIssuing2 = await issue({
    subject: "CN=Acme Partner Issuing CA 2, O=Acme Corp, C=US",
    issuer: acmeRoot,
    ca: true,
    notBefore: at(-10),
    notAfter: at(1800),
  });
  const globexRoot = await issue({
    subject: "CN=Globex IoT Root CA, O=Globex, C=DE",
    keys: rsa,
    key: { rsa: 2048 },
    notBefore: at(-1200),
    notAfter: at(2400),
  });
  const globexDevices = await issue({
    subject: "CN=Globex Device CA, OU=Fleet, O=Globex, C=DE",
    issuer: globexRoot,
    ca: true,
    notBefore: at(-600),
    notAfter: at(1200),
  });
  const initechLegacy = await issue({
    subject: "CN=Initech Legacy Root, O=Initech, C=US",
    keys: rsa,
    key: { rsa: 2048 },
    hash: "SHA-1",
    notBefore: at(-3000),
    notAfter: at(600),
  });
  const umbrellaRoot = await issue({
    subject: "CN=Umbrella B2B Root CA 2026, O=Umbrella Corp, C=GB",
    notBefore: at(-30),
    notAfter: at(3650),
  });
  const soonRoot = await issue({
    subject: "CN=Hooli Payments Root CA, O=Hooli, C=US",
    notBefore: at(-700),
    notAfter: at(9),
  });
  const evil = await issue({
    subject: "CN=<img src=x onerror=alert(1)>, O=Markup Test",
    notBefore: at(-5),
    notAfter: at(700),
  });
  return {
    acmeRoot,
    acmeIssuing,
    acmeIssuing2,
    globexRoot,
    globexDevices,
    initechLegacy,
    umbrellaRoot,
    soonRoot,
    evil,
  };
}
