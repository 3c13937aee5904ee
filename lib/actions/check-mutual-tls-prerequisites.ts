"use server";
import { checkEnableMtls } from "../domains/changes/enable-mtls";
import { enableMtlsCheckSchema } from "./schemas";
import { defineAction } from "./safe-action";

/** Every prerequisite of enabling mutual TLS on a domain, the truststore's versions to pick, and the engine's findings. */
export const checkMutualTlsPrerequisites = defineAction({
  name: "check-mutual-tls-prerequisites",
  permission: "change",
  recordsSuccess: false,
  schema: enableMtlsCheckSchema,
  handler: (input) => checkEnableMtls(input),
});
