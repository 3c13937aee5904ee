/**
 * The demo's truststore objects: the partner truststore's four versions
 * that tell a story, and one truststore per other domain.
 */

import { bundle } from "../../lib/pki/generate";

import { type Context } from "../http";

import type { DemoPki } from "./demo-pki";
import { DAY, DEMO_BUCKET, DEMO_UNVERSIONED_BUCKET, putVersion } from "./helpers";

export type DemoTruststores = Awaited<ReturnType<typeof demoTruststores>>;

export async function demoTruststores(
  ctx: Context,
  now: number,
  {
    acmeRoot,
    acmeIssuing,
    acmeIssuing2,
    globexRoot,
    globexDevices,
    initechLegacy,
    umbrellaRoot,
    soonRoot,
    evil,
  }: DemoPki,
) {
  // The partner truststore's history: four versions that tell a story.
  const partners = "partners/truststore.pem";
  const v1 = await putVersion(
    ctx,
    DEMO_BUCKET,
    partners,
    `# Partner CAs\n${bundle(acmeRoot, acmeIssuing)}\n`,
    "alice@example.com",
    now - 120 * DAY,
  );
  await putVersion(
    ctx,
    DEMO_BUCKET,
    partners,
    `# Partner CAs (+ Globex)\n${bundle(acmeRoot, acmeIssuing, globexRoot, globexDevices)}\n`,
    "bob@example.com",
    now - 75 * DAY,
  );
  const v3 = await putVersion(
    ctx,
    DEMO_BUCKET,
    partners,
    `# Partner CAs (+ Initech legacy)\n${bundle(acmeRoot, acmeIssuing, globexRoot, globexDevices, initechLegacy)}\n`,
    "carol@example.com",
    now - 30 * DAY,
  );
  await putVersion(
    ctx,
    DEMO_BUCKET,
    partners,
    `# Partner CAs (Initech retired, Umbrella added, Acme CA 2)\n${bundle(acmeRoot, acmeIssuing, acmeIssuing2, globexRoot, globexDevices, umbrellaRoot)}\n`,
    "alice@example.com",
    now - 2 * DAY,
  );
  const iot = await putVersion(
    ctx,
    DEMO_BUCKET,
    "iot/truststore.pem",
    bundle(globexRoot, globexDevices),
    "iot-pipeline",
    now - 200 * DAY,
  );
  const payments = await putVersion(
    ctx,
    DEMO_BUCKET,
    "payments/truststore.pem",
    bundle(soonRoot, acmeRoot),
    "dave@example.com",
    now - 40 * DAY,
  );
  const staging = await putVersion(
    ctx,
    DEMO_BUCKET,
    "staging/truststore.pem",
    bundle(acmeRoot, acmeIssuing2, evil),
    "ci@example.com",
    now - 3 * DAY,
  );
  const euStore = await putVersion(
    ctx,
    DEMO_BUCKET,
    "eu/truststore.pem",
    bundle(umbrellaRoot, globexRoot),
    "erin@example.com",
    now - 15 * DAY,
  );
  await putVersion(
    ctx,
    DEMO_UNVERSIONED_BUCKET,
    "legacy/truststore.pem",
    bundle(acmeRoot),
    "alice@example.com",
    now - 300 * DAY,
  );
  return { partners, v1, v3, iot, payments, staging, euStore };
}
