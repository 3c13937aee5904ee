/**
 * The emulator's own certificate authority: it signs the data plane's
 * server certificates (ACM-issued certificates have no key the emulator
 * could serve; imported ones are served with their own key). Kept in the
 * state, so a client that trusts GET /_emulator/ca.pem keeps trusting it.
 */
import * as x509 from "@peculiar/x509";
import { issue, type Issued } from "../../lib/pki/generate";
import type { Context } from "../http";

const EC = { name: "ECDSA", namedCurve: "P-256" } as const;

export interface ServerIdentity {
  /** Leaf first, then its chain. */
  certPem: string;
  keyPem: string;
}

/** A private key as PKCS#8 PEM. */
export async function pkcs8Pem(keys: CryptoKeyPair): Promise<string> {
  const der = Buffer.from(await crypto.subtle.exportKey("pkcs8", keys.privateKey));
  return `-----BEGIN PRIVATE KEY-----\n${der.toString("base64").replace(/.{64}/g, "$&\n")}\n-----END PRIVATE KEY-----\n`;
}

async function keysFromPem(pem: string, cert: x509.X509Certificate): Promise<CryptoKeyPair> {
  const der = Buffer.from(pem.replace(/-----[^-]+-----|\s/g, ""), "base64");
  const privateKey = await crypto.subtle.importKey("pkcs8", der, EC, true, ["sign"]);
  return { privateKey, publicKey: await cert.publicKey.export(EC, ["verify"]) };
}

let loaded: { state: unknown; ca: Promise<Issued> } | undefined;

/** The CA, made on first use and stored in the state. */
export function localCa(ctx: Context): Promise<Issued> {
  if (loaded?.state === ctx.state) return loaded.ca;
  const ca = (async () => {
    const stored = ctx.root.localCa;
    if (stored) {
      const cert = new x509.X509Certificate(stored.certPem);
      return {
        cert,
        keys: await keysFromPem(stored.keyPem, cert),
        spec: { ec: "P-256" as const },
        pem: stored.certPem,
        subject: cert.subject,
      };
    }
    const made = await issue({
      subject: "CN=mTLS Console emulator local CA, O=mTLS Console",
      validDays: [-1, 3650],
    });
    ctx.root.localCa = { certPem: made.pem, keyPem: await pkcs8Pem(made.keys) };
    return made;
  })();
  loaded = { state: ctx.state, ca };
  return ca;
}

const minted = new Map<string, Promise<ServerIdentity>>();

/** A server certificate for `hostname`, signed by the local CA (made once per name). */
export function mintedIdentity(ctx: Context, hostname: string): Promise<ServerIdentity> {
  let found = minted.get(hostname);
  if (!found) {
    found = (async () => {
      const ca = await localCa(ctx);
      const leaf = await issue({
        subject: `CN=${hostname}`,
        issuer: ca,
        ca: false,
        usage: "server",
        sans: [hostname],
        validDays: [-1, 395],
      });
      return { certPem: `${leaf.pem}\n${ca.pem}`, keyPem: await pkcs8Pem(leaf.keys) };
    })();
    minted.set(hostname, found);
    if (minted.size > 5000) minted.delete(minted.keys().next().value!);
  }
  return found;
}
