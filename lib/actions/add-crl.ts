"use server";
import { revalidatePath } from "next/cache";
import { storeCrl } from "../domains/changes/revocation-changes";
import { addCrlSchema } from "./revocation-schemas";
import { defineAction } from "./safe-action";
import { listsChangeFacts } from "./lists-change-facts";

/** Add a CA's CRL to the domain's revocation lists (or replace it with a newer one). */
export const addCrl = defineAction({
  name: "add-crl",
  permission: "change",
  schema: addCrlSchema,
  handler: async (input, session, change) => {
    const crl =
      input.encoding === "pem" ? input.crl : new Uint8Array(Buffer.from(input.crl, "base64"));
    const result = await storeCrl({ ...input, crl, actor: session.user, change });
    revalidatePath(`/domains/${input.domainName}`);
    return result;
  },
  audit: listsChangeFacts,
});
