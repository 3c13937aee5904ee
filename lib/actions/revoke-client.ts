"use server";
import { revalidatePath } from "next/cache";
import { denyClient } from "../domains/changes/revocation-changes";
import { revokeClientSchema } from "./revocation-schemas";
import { defineAction } from "./safe-action";
import { listsChangeFacts } from "./lists-change-facts";

/** Put a client certificate on the domain's deny list (its name typed to confirm). */
export const revokeClient = defineAction({
  name: "revoke-client",
  permission: "change",
  schema: revokeClientSchema,
  handler: async (input, session, change) => {
    const result = await denyClient({ ...input, actor: session.user, change });
    revalidatePath(`/domains/${input.domainName}`);
    return result;
  },
  audit: listsChangeFacts,
});
