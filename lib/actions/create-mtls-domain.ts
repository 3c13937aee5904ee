"use server";
import { revalidatePath } from "next/cache";
import { createFromPlan } from "../domains/views/create-domain-view";
import { domainPlanSchema } from "./schemas";
import { defineAction } from "./safe-action";

/** Create a REGIONAL mTLS domain pinned to an exact truststore version, after every prerequisite passes again. */
export const createMtlsDomain = defineAction({
  name: "create-mtls-domain",
  permission: "change",
  schema: domainPlanSchema,
  handler: async (input, session, change) => {
    const created = await createFromPlan(input, session.user, change);
    revalidatePath("/", "layout");
    return created;
  },
  audit: (_input, data) => ({
    toVersion: data.truststoreVersion,
    ...(data.requestId ? { requestId: data.requestId } : {}),
    message: `created with mutual TLS${data.mapped ? " and mapped" : ""}${data.mappingProblem ? ` (${data.mappingProblem})` : ""}`,
  }),
});
