"use server";
import { revalidatePath } from "next/cache";
import { breakLock } from "../domains/changes/change-state";
import { breakLockSchema } from "./schemas";
import { pageRegion } from "../domains/views/page-views";
import { defineAction } from "./safe-action";

/** Remove a domain's change lock whose lease has ended (or whose holder is known gone): the very lock the page showed. */
export const breakDomainLock = defineAction({
  name: "break-domain-lock",
  permission: "change",
  schema: breakLockSchema,
  handler: async (input) => {
    const broken = await breakLock({ ...input, region: await pageRegion(input.region) });
    revalidatePath(`/domains/${input.domainName}`);
    return broken;
  },
  audit: (_input, data) => ({
    message: `broke the lock held by ${data.owner} since ${data.since} (lease until ${data.expiresAt})`,
  }),
});
