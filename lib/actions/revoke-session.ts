"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { revokeSession } from "../auth/sessions";
import { DomainError } from "../domains/shared/errors";
import { defineAction } from "./safe-action";

/** End someone's session for good: their cookie is refused from the next request on, on every instance. */
export const revokeUserSession = defineAction({
  name: "revoke-session",
  permission: "change",
  schema: z.object({ sid: z.string().uuid("Not a session id.") }),
  handler: async (input, session) => {
    const ended = await revokeSession(input.sid, session.user);
    if (!ended)
      throw new DomainError("not-found", "That session has ended already. Nothing was changed.");
    revalidatePath("/sessions");
    return { user: ended.user, signedInAt: ended.signedInAt };
  },
  audit: (_input, data) => ({
    domainName: "(sessions)",
    message: `ended the session of ${data.user} (signed in at ${data.signedInAt})`,
  }),
});
