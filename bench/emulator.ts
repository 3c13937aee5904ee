/**
 * Emulator speed: start-up (bare and with the demo seed), GetDomainNames
 * with 500 items a page, PutObject of 100 KB, through the real SDK over HTTP.
 */
import { GetDomainNamesCommand } from "@aws-sdk/client-api-gateway";
import {
  CreateBucketCommand,
  PutBucketVersioningCommand,
  PutObjectCommand,
} from "@aws-sdk/client-s3";
import { startTestEmulator } from "../test-support/emulator";
import { startEmulator } from "../emulator/server";
import { fixed, table } from "./measure";

async function timeStart(seed: boolean): Promise<number> {
  const start = performance.now();
  const emulator = await startEmulator({ port: 0, seed });
  const ms = performance.now() - start;
  await emulator.stop();
  return ms;
}

async function throughput(
  total: number,
  concurrency: number,
  call: () => Promise<unknown>,
): Promise<number> {
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        next++;
        await call();
      }
    }),
  );
  return total / ((performance.now() - start) / 1000);
}

export async function benchEmulator(): Promise<string> {
  const rows: (string | number)[][] = [];
  // The first start in this process pays for module loading and key generation.
  rows.push(["start-up, bare (first in process)", `${fixed(await timeStart(false))} ms`]);
  rows.push(["start-up, demo seed (first in process)", `${fixed(await timeStart(true))} ms`]);
  const bare: number[] = [];
  const seeded: number[] = [];
  for (let i = 0; i < 5; i++) {
    bare.push(await timeStart(false));
    seeded.push(await timeStart(true));
  }
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  rows.push(["start-up, bare (median of 5)", `${fixed(median(bare))} ms`]);
  rows.push(["start-up, demo seed (median of 5)", `${fixed(median(seeded))} ms`]);

  const t = await startTestEmulator();
  await t.control("seed", { bulkDomains: 1200, region: "us-east-1" });
  const { apiGateway, s3 } = t.clients();
  await apiGateway.send(new GetDomainNamesCommand({ limit: 500 }));
  const listRps = await throughput(200, 4, async () => {
    const page = await apiGateway.send(new GetDomainNamesCommand({ limit: 500 }));
    if (page.items?.length !== 500) throw new Error("expected 500 items");
  });
  rows.push(["GetDomainNames, 500 items a page (4 concurrent)", `${fixed(listRps)} req/s`]);

  await s3.send(new CreateBucketCommand({ Bucket: "bench" }));
  await s3.send(
    new PutBucketVersioningCommand({
      Bucket: "bench",
      VersioningConfiguration: { Status: "Enabled" },
    }),
  );
  const body = Buffer.alloc(100 * 1024, 0x41);
  let k = 0;
  const putRps = await throughput(300, 4, () =>
    s3.send(new PutObjectCommand({ Bucket: "bench", Key: `obj-${k++ % 10}`, Body: body })),
  );
  rows.push(["PutObject, 100 KB, versioned (4 concurrent)", `${fixed(putRps)} req/s`]);
  await t.stop();
  return [
    "Emulator: start-up and request rates through the AWS SDK over HTTP on loopback",
    table(["measure", "figure"], rows),
    "Targets: bare start under 1 s, with the demo seed under 3 s.",
  ].join("\n");
}
