"use server";
import { revalidatePath } from "next/cache";
import { enableVersioning } from "../domains/changes/bucket-versioning";
import { domainRefSchema } from "./schemas";
import { defineAction } from "./safe-action";

/** Enable versioning on the bucket of a domain's truststore. */
export const enableBucketVersioning = defineAction({
  name: "enable-bucket-versioning",
  permission: "change",
  schema: domainRefSchema,
  handler: async (input, _session, change) => {
    const result = await enableVersioning({ ...input, change });
    revalidatePath(`/domains/${input.domainName}`);
    return result;
  },
});
