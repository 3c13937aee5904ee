"use server";
import { compareWithActive } from "../domains/versions/compare";
import { compareSchema } from "./schemas";
import { defineAction } from "./safe-action";

/** The diff and the lockout guard from the domain's active truststore version to another version. */
export const compareTruststoreVersions = defineAction({
  name: "compare-truststore-versions",
  permission: "read",
  schema: compareSchema,
  handler: (input) => compareWithActive(input),
});
