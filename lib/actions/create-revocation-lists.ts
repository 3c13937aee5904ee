"use server";
import { revalidatePath } from "next/cache";
import { createEmptyLists } from "../domains/changes/revocation-changes";
import { domainRefSchema } from "./schemas";
import { defineAction } from "./safe-action";
import { listsChangeFacts } from "./lists-change-facts";

/** Write a domain's first, empty revocation lists, so the authorizer has lists to read. */
export const createRevocationLists = defineAction({
  name: "create-revocation-lists",
  permission: "change",
  schema: domainRefSchema,
  handler: async (input, session, change) => {
    const result = await createEmptyLists({ ...input, actor: session.user, change });
    revalidatePath(`/domains/${input.domainName}`);
    return result;
  },
  audit: listsChangeFacts,
});
