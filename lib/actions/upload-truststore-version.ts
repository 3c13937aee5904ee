"use server";
import { revalidatePath } from "next/cache";
import { uploadAndActivate } from "../domains/mutations";
import { uploadSchema } from "../domains/schemas";
import { defineAction } from "./safe-action";

const action = defineAction({
  name: "upload-truststore-version",
  permission: "change",
  schema: uploadSchema,
  handler: async (input, session) => {
    const result = await uploadAndActivate({ ...input, uploadedBy: session.user });
    revalidatePath(`/domains/${input.domainName}`);
    return result;
  },
});

/** Upload a new truststore version (S3) and switch the domain to it. */
export async function uploadTruststoreVersion(input: unknown) {
  return action(input);
}
