"use server";
import { revalidatePath } from "next/cache";
import { replaceOwnershipCertificate as replace } from "../domains/changes/ownership-certificate";
import { ownershipReplacementSchema } from "./schemas";
import { defineAction } from "./safe-action";

/** Set a domain's ownership verification certificate (the fix for PENDING_OWNERSHIP_VERIFICATION). */
export const replaceOwnershipCertificate = defineAction({
  name: "replace-ownership-certificate",
  permission: "change",
  schema: ownershipReplacementSchema,
  handler: async (input, session, change) => {
    const result = await replace({ ...input, actor: session.user, change });
    revalidatePath(`/domains/${input.domainName}`);
    return result;
  },
  audit: (input, data) => ({
    requestId: data.requestId,
    message: `ownership verification certificate ${data.previous ?? "(none)"} → ${input.certificateArn}`,
  }),
});
