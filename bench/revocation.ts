/**
 * Revocation's cost where it is paid on every request: the authorizer's
 * verdict for one client against a domain's lists (10,000 denied clients
 * and a CA's CRL of 10,000 serials), warm (the lists read once per ETag,
 * as the authorizer keeps them) and cold (a changed ETag: the lists parsed
 * and indexed again).
 */
import { issue, makeCrl } from "../lib/pki/generate";
import { emptyRevocationDocument } from "../lib/revocation/document";
import { crlsOf, revocationVerdict } from "../lib/revocation/verdict";
import { fixed, measure, table } from "./measure";

const SIZE = 10_000;
const hex = (i: number) => (0x100000 + i).toString(16);

export async function benchRevocation(): Promise<string> {
  const ca = await issue({ subject: "CN=Bench Fleet CA, O=Bench" });
  const client = await issue({ subject: "CN=bench-device", issuer: ca, ca: false });
  const crl = await makeCrl(
    ca,
    Array.from({ length: SIZE }, (_, i) => hex(i)),
  );
  const doc = {
    ...emptyRevocationDocument("api.bench.example", "bench", new Date()),
    denied: Array.from({ length: SIZE }, (_, i) => ({
      issuer: `CN=Issuer ${i % 7}, O=Bench`,
      serial: hex(i),
      by: "bench",
      at: new Date().toISOString(),
    })),
    crls: [
      {
        pem: crl.pem,
        issuer: "CN=Bench Fleet CA, O=Bench",
        thisUpdate: crl.crl.thisUpdate.toISOString(),
        revokedCount: SIZE,
        addedBy: "bench",
        addedAt: new Date().toISOString(),
      },
    ],
  };
  const read = crlsOf(doc);
  const now = new Date();
  if (read.unreadable.length) throw new Error(`the bench CRL is unreadable: ${read.unreadable}`);
  const warm = await measure(() => {
    for (let i = 0; i < 100; i++) revocationVerdict(client.pem, doc, now, read);
  });
  const cold = await measure(() => revocationVerdict(client.pem, doc, now, crlsOf(doc)));
  return table(
    ["measure", "value", "target"],
    [
      [
        `verdict, warm (${SIZE} denied + a ${SIZE}-serial CRL), per request`,
        `${fixed(warm.medianMs / 100, 3)} ms`,
        "< 1 ms",
      ],
      [
        "verdict, cold (lists changed: parse and index again)",
        `${fixed(cold.medianMs)} ms, ${fixed(cold.peakHeapMb)} MB heap`,
        "< 500 ms, < 64 MB",
      ],
      [
        `lists size (${SIZE} denied + CRL)`,
        `${fixed(JSON.stringify(doc).length / 1024)} KB`,
        "< 8192 KB",
      ],
    ],
  );
}
