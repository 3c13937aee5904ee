"use server";
import { revalidatePath } from "next/cache";
import { addCertFieldsToAccessLog as add } from "../domains/changes/access-log-changes";
import { stageLoggingSchema } from "./schemas";
import { defineAction } from "./safe-action";

/** Make a mapped stage's access log carry the client certificate fields (clients seen, the informed lockout guard). */
export const addClientCertLogging = defineAction({
  name: "add-client-cert-logging",
  permission: "change",
  schema: stageLoggingSchema,
  handler: async (input, session, change) => {
    const result = await add({ ...input, actor: session.user, change });
    revalidatePath("/domains", "layout");
    return result;
  },
  audit: (input, data) => ({
    ...(data.requestId ? { requestId: data.requestId } : {}),
    message: `Stage ${input.stageName} of ${input.http ? "HTTP" : "REST"} API ${input.restApiId}: access log now carries the client certificate, domain, status and error fields (${data.destinationArn}${data.createdGroup ? `, log group ${data.createdGroup.name} with a retention of ${data.createdGroup.retentionDays} days` : ""}). Format before: ${data.previousFormat || "none"}`,
  }),
});
