"use server";
import { revalidatePath } from "next/cache";
import { uploadAndActivate } from "../domains/changes/mutations";
import { uploadSchema } from "./schemas";
import { defineAction } from "./safe-action";

/** Upload a new truststore version (S3) and switch the domain to it. */
export const uploadTruststoreVersion = defineAction({
  name: "upload-truststore-version",
  permission: "change",
  schema: uploadSchema,
  handler: async (input, session, change) => {
    const result = await uploadAndActivate({ ...input, actor: session.user, change });
    revalidatePath(`/domains/${input.domainName}`);
    return result;
  },
  audit: (_input, data) =>
    data.activation.ok
      ? {
          fromVersion: data.activation.result.previousVersion,
          toVersion: data.versionId,
          requestId: data.activation.result.requestId,
        }
      : {
          fromVersion: data.previousVersion,
          toVersion: data.versionId,
          result: "failed",
          message: `uploaded as ${data.versionId}, not activated: ${data.activation.message}`,
        },
});
