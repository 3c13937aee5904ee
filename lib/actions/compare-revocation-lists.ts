"use server";
import { listsDiff } from "../domains/revocation/lists-diff";
import { domainRefSchema, versionIdSchema } from "./schemas";
import { defineAction } from "./safe-action";

/** What restoring a version of the domain's revocation lists would change (a read). */
export const compareRevocationLists = defineAction({
  name: "compare-revocation-lists",
  permission: "read",
  schema: domainRefSchema.extend({ versionId: versionIdSchema }),
  handler: (input) => listsDiff(input),
});
