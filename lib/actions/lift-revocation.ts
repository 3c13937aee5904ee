"use server";
import { revalidatePath } from "next/cache";
import { undenyClient } from "../domains/changes/revocation-changes";
import { liftRevocationSchema } from "./revocation-schemas";
import { defineAction } from "./safe-action";
import { listsChangeFacts } from "./lists-change-facts";

/** Take a client off the domain's deny list: the undo of a revocation. */
export const liftRevocation = defineAction({
  name: "lift-revocation",
  permission: "change",
  schema: liftRevocationSchema,
  handler: async (input, session, change) => {
    const result = await undenyClient({ ...input, actor: session.user, change });
    revalidatePath(`/domains/${input.domainName}`);
    return result;
  },
  audit: listsChangeFacts,
});
