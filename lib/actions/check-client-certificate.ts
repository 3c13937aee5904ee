"use server";
import { checkClientAgainstDomain } from "../domains/versions/client-check";
import { clientCheckSchema } from "./schemas";
import { defineAction } from "./safe-action";

/** Would this client certificate be accepted by the domain's active truststore, and if not, why? */
export const checkClientCertificate = defineAction({
  name: "check-client-certificate",
  permission: "read",
  schema: clientCheckSchema,
  handler: (input) => checkClientAgainstDomain(input),
});
