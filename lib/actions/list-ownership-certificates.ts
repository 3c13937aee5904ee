"use server";
import { ownershipChoices } from "../domains/changes/ownership-certificate";
import { domainRefSchema } from "./schemas";
import { defineAction } from "./safe-action";

/** Which ownership verification certificate a domain needs and why, and the ACM certificates that would do. */
export const listOwnershipCertificates = defineAction({
  name: "list-ownership-certificates",
  // Operators only: the list names ACM certificates, and only an operator can act on it.
  permission: "change",
  recordsSuccess: false,
  schema: domainRefSchema,
  handler: (input) => ownershipChoices(input),
});
