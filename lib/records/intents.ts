import "server-only";
/**
 * Write-ahead records of changes: an intent (who, what, from → to) is
 * written before a change's first AWS write and removed only once the
 * change's outcome is in the audit trail. An intent still there is a change
 * whose outcome nobody knows (the server crashed, or AWS never answered):
 * the domain page shows it "in doubt" beside the domain's real state until
 * an operator resolves it.
 */
import { keySegment, placeOfKeySegment } from "../model/place";
import { deleteKey, getJson, listKeys, putJson, retried } from "./store";
import type { AuditEvent } from "./audit-types";

/** What a change says of itself when it begins (and again when it learns more, such as an uploaded version's id). */
export type IntentFacts = Pick<
  AuditEvent,
  "domainName" | "region" | "fromVersion" | "toVersion" | "message"
>;

/** An audit event without its outcome yet: who began what, when. */
export type Intent = IntentFacts & Pick<AuditEvent, "id" | "at" | "user" | "role" | "action">;

/** Handed to a change: `begin` writes (or updates) its intent; call it before each AWS write. */
export interface ChangeRecorder {
  begin(facts: IntentFacts): Promise<void>;
}

const prefixOf = (region: string, domainName: string) =>
  `intents/${keySegment(region)}/${keySegment(domainName)}/`;
const keyOf = (i: Pick<Intent, "region" | "domainName" | "id">) =>
  `${prefixOf(i.region, i.domainName)}${i.id}.json`;

/** Writes the intent; an AwsFailure when the store does not take it (then the change must not be made). */
export async function writeIntent(intent: Intent): Promise<void> {
  await putJson(keyOf(intent), intent);
}

/** Removes an intent whose outcome is recorded; tried three times, then left (it shows as in doubt). */
export async function closeIntent(intent: Intent): Promise<boolean> {
  try {
    await retried(() => deleteKey(keyOf(intent)));
    return true;
  } catch (error) {
    console.error(`[intent] could not close ${intent.id}:`, (error as Error).message);
    return false;
  }
}

/** A domain's intents without an outcome, oldest first. */
export async function openIntents(domainName: string, region: string): Promise<Intent[]> {
  const keys = await listKeys(prefixOf(region, domainName), 100);
  const read = await Promise.all(keys.map((k) => getJson<Intent>(k)));
  return read.flatMap((r) => (r ? [r.value] : [])).sort((a, b) => a.at.localeCompare(b.at));
}

/** One open intent of a domain, or null. */
export async function findIntent(
  domainName: string,
  region: string,
  id: string,
): Promise<Intent | null> {
  if (!/^[0-9a-f-]{36}$/.test(id)) return null;
  return (await getJson<Intent>(keyOf({ domainName, region, id })))?.value ?? null;
}

/** The domains with changes in doubt, in every region (from the keys alone: one listing), for the overview and start-up. */
export async function domainsInDoubt(
  max = 1000,
): Promise<{ region: string; domainName: string; count: number }[]> {
  const counts = new Map<string, number>();
  for (const key of await listKeys("intents/", max)) {
    const [, region, domainName] = key.split("/");
    if (region && domainName)
      counts.set(`${region}/${domainName}`, (counts.get(`${region}/${domainName}`) ?? 0) + 1);
  }
  return [...counts].map(([id, count]) => {
    const [segment, domainName] = id.split("/") as [string, string];
    const region = placeOfKeySegment(segment);
    return { region, domainName, count };
  });
}
