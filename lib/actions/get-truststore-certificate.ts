"use server";
import { truststoreCertificate } from "../domains/versions/certificate-detail";
import { certificateRefSchema } from "./schemas";
import { defineAction } from "./safe-action";

/** One certificate of a truststore version, decoded (opened from a list of rows). */
export const getTruststoreCertificate = defineAction({
  name: "get-truststore-certificate",
  permission: "read",
  schema: certificateRefSchema,
  handler: (input) => truststoreCertificate(input),
});
