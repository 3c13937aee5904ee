"use server";
import { revalidatePath } from "next/cache";
import { dropCrl } from "../domains/changes/revocation-changes";
import { removeCrlSchema } from "./revocation-schemas";
import { defineAction } from "./safe-action";
import { listsChangeFacts } from "./lists-change-facts";

/** Remove a CA's CRL from the domain's revocation lists. */
export const removeCrl = defineAction({
  name: "remove-crl",
  permission: "change",
  schema: removeCrlSchema,
  handler: async (input, session, change) => {
    const result = await dropCrl({ ...input, actor: session.user, change });
    revalidatePath(`/domains/${input.domainName}`);
    return result;
  },
  audit: listsChangeFacts,
});
