"use server";
import { revalidatePath } from "next/cache";
import { turnOffDefaultEndpoint as disable } from "../domains/changes/default-endpoint";
import { restApiRefSchema } from "./schemas";
import { defineAction } from "./safe-action";

/** Disable the default execute-api endpoint of a REST API mapped to the domain: it bypasses mTLS. */
export const disableDefaultEndpoint = defineAction({
  name: "disable-default-endpoint",
  permission: "change",
  schema: restApiRefSchema,
  handler: async (input, session, change) => {
    const result = await disable({ ...input, actor: session.user, change });
    revalidatePath("/domains", "layout");
    return result;
  },
  audit: (input, data) => ({
    requestId: data.requestId,
    message: `REST API ${data.api.name} (${input.restApiId}): default endpoint disabled`,
  }),
});
