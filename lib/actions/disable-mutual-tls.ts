"use server";
import { revalidatePath } from "next/cache";
import { disableMtls } from "../domains/changes/mutations";
import { DomainError } from "../domains/shared/errors";
import { disableMtlsSchema } from "./schemas";
import { defineAction } from "./safe-action";

/** Turn mutual TLS off (truststoreUri replaced with ''), after a typed confirmation. */
export const disableMutualTls = defineAction({
  name: "disable-mutual-tls",
  permission: "change",
  schema: disableMtlsSchema,
  handler: async (input, session, change) => {
    if (input.confirmation !== input.domainName) {
      throw new DomainError("conflict", "Type the domain name exactly to confirm.");
    }
    const result = await disableMtls({ ...input, actor: session.user, change });
    revalidatePath(`/domains/${input.domainName}`);
    return result;
  },
  audit: (_input, data) => ({
    fromVersion: data.previousVersion,
    requestId: data.requestId,
    ...(data.previousTruststoreUri
      ? { message: `disabled; the truststore was ${data.previousTruststoreUri}` }
      : {}),
  }),
});
