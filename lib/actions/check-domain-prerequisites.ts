"use server";
import { checkPlan } from "../domains/views/create-domain-view";
import { domainPlanSchema } from "./schemas";
import { defineAction } from "./safe-action";

/** Every prerequisite of a new mTLS domain, each with its fix; and the truststore's versions to pick. */
export const checkDomainPrerequisites = defineAction({
  name: "check-domain-prerequisites",
  permission: "change",
  recordsSuccess: false,
  schema: domainPlanSchema,
  handler: (input) => checkPlan(input),
});
