"use server";
import { revalidatePath } from "next/cache";
import { activateVersion } from "../domains/changes/mutations";
import { activateSchema } from "./schemas";
import { defineAction } from "./safe-action";

/** Switch a domain to an exact truststore version (activate, roll back, roll forward). */
export const activateTruststoreVersion = defineAction({
  name: "activate-truststore-version",
  permission: "change",
  schema: activateSchema,
  handler: async (input, session, change) => {
    const result = await activateVersion({ ...input, actor: session.user, change });
    revalidatePath(`/domains/${input.domainName}`);
    return result;
  },
  audit: (input, data) => ({
    fromVersion: data.previousVersion,
    toVersion: input.versionId,
    requestId: data.requestId,
  }),
});
