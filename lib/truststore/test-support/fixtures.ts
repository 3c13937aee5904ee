/**
 * Test fixtures: certificates made at run time (see lib/pki/generate.ts).
 */
export * from "../../pki/generate";
