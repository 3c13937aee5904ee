"use server";
import { revalidatePath } from "next/cache";
import { closeIntent } from "../records/intents";
import { resolveInDoubt } from "../domains/changes/change-state";
import { resolveInDoubtSchema } from "./schemas";
import { pageRegion } from "../domains/views/page-views";
import { defineAction } from "./safe-action";

/** Settle a change in doubt once the domain's real state is known; the record says what it was. */
export const resolveChangeInDoubt = defineAction({
  name: "resolve-change-in-doubt",
  permission: "change",
  schema: resolveInDoubtSchema,
  handler: async (input) => {
    const resolved = await resolveInDoubt({ ...input, region: await pageRegion(input.region) });
    revalidatePath(`/domains/${input.domainName}`);
    return resolved;
  },
  audit: (input, { intent, actualVersion }) => ({
    result: "resolved",
    ...(intent.fromVersion ? { fromVersion: intent.fromVersion } : {}),
    ...(intent.toVersion ? { toVersion: intent.toVersion } : {}),
    message: `${intent.user}'s ${intent.action} of ${intent.at} (change ${intent.id}): the domain is at ${actualVersion === null ? "no truststore (mutual TLS off)" : actualVersion || "the latest object"}${input.note ? `. ${input.note}` : ""}`,
    afterRecorded: () => closeIntent(intent),
  }),
});
