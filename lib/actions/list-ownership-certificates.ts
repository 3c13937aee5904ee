"use server";
import { ownershipChoices } from "../domains/changes/ownership-certificate";
import { domainRefSchema } from "./schemas";
import { defineAction } from "./safe-action";

/** Which ownership verification certificate a domain needs and why, and the ACM certificates that would do. */
export const listOwnershipCertificates = defineAction({
  name: "list-ownership-certificates",
  permission: "read",
  schema: domainRefSchema,
  handler: (input) => ownershipChoices(input),
});
