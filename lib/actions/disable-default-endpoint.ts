"use server";
import { revalidatePath } from "next/cache";
import { disableDefaultEndpoint as disable } from "../domains/mutations";
import { restApiRefSchema } from "../domains/schemas";
import { defineAction } from "./safe-action";

const action = defineAction({
  name: "disable-default-endpoint",
  permission: "change",
  schema: restApiRefSchema,
  handler: async (input) => {
    const result = await disable(input);
    revalidatePath("/domains", "layout");
    return result;
  },
  audit: (input, data) => ({
    requestId: data.requestId,
    message: `REST API ${data.api.name} (${input.restApiId}): default endpoint disabled`,
  }),
});

/** Disable a REST API's default execute-api endpoint, which bypasses mTLS. */
export async function disableDefaultEndpoint(input: unknown) {
  return action(input);
}
