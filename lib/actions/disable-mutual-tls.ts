"use server";
import { revalidatePath } from "next/cache";
import { disableMtls } from "../domains/mutations";
import { DomainError } from "../domains/errors";
import { disableMtlsSchema } from "../domains/schemas";
import { defineAction } from "./safe-action";

const action = defineAction({
  name: "disable-mutual-tls",
  permission: "change",
  schema: disableMtlsSchema,
  handler: async (input) => {
    if (input.confirmation !== input.domainName) {
      throw new DomainError("conflict", "Type the domain name exactly to confirm.");
    }
    const result = await disableMtls(input);
    revalidatePath(`/domains/${input.domainName}`);
    return result;
  },
});

/** Turn mutual TLS off (truststoreUri replaced with ''), after a typed confirmation. */
export async function disableMutualTls(input: unknown) {
  return action(input);
}
