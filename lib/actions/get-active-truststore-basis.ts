"use server";
import { activeBasis } from "../domains/versions/compare";
import { domainRefSchema } from "./schemas";
import { defineAction } from "./safe-action";

/** The active truststore version, as much of it as comparing a dropped file with it needs. */
export const getActiveTruststoreBasis = defineAction({
  name: "get-active-truststore-basis",
  permission: "read",
  schema: domainRefSchema,
  handler: (input) => activeBasis(input),
});
