"use server";
import { revalidatePath } from "next/cache";
import { restoreListsVersion } from "../domains/changes/revocation-changes";
import { restoreListsSchema } from "./revocation-schemas";
import { defineAction } from "./safe-action";
import { listsChangeFacts } from "./lists-change-facts";

/** Make an earlier version of the domain's revocation lists the one in force (as a new version). */
export const restoreRevocationLists = defineAction({
  name: "restore-revocation-lists",
  permission: "change",
  schema: restoreListsSchema,
  handler: async (input, session, change) => {
    const result = await restoreListsVersion({ ...input, actor: session.user, change });
    revalidatePath(`/domains/${input.domainName}`);
    return result;
  },
  audit: listsChangeFacts,
});
