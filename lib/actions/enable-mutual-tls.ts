"use server";
import { revalidatePath } from "next/cache";
import { enableMtls } from "../domains/changes/enable-mtls";
import { enableMtlsSchema } from "./schemas";
import { defineAction } from "./safe-action";

/** Turn mutual TLS on (again), pinned to an exact truststore version, after a typed confirmation. */
export const enableMutualTls = defineAction({
  name: "enable-mutual-tls",
  permission: "change",
  schema: enableMtlsSchema,
  handler: async (input, session, change) => {
    const result = await enableMtls({ ...input, actor: session.user, change });
    revalidatePath(`/domains/${input.domainName}`);
    return result;
  },
  audit: (_input, data) => ({
    toVersion: data.truststoreVersion,
    requestId: data.requestId,
    message: `enabled with ${data.truststoreUri}`,
  }),
});
