/**
 * Certificates as the chain diagram and the validity timeline draw them:
 * the few fields each needs, so the page sends those and not the decoded
 * certificates (both are client components: their props are the payload).
 */
import type { CertificateReport } from "@/lib/truststore/types";

/** A certificate as the diagram needs it. */
export interface ChainNode {
  index: number;
  subject: string;
  role: "root" | "CA" | "end entity";
  path: number[];
  pathComplete: boolean;
  duplicate: boolean;
}

export const chainNode = (c: {
  index: number;
  subject: string;
  selfSigned: boolean;
  isCA: boolean;
  path: number[];
  pathComplete: boolean;
  duplicateOf?: number;
}): ChainNode => ({
  index: c.index,
  subject: c.subject,
  role: c.selfSigned ? "root" : c.isCA ? "CA" : "end entity",
  path: c.path,
  pathComplete: c.pathComplete,
  duplicate: c.duplicateOf !== undefined,
});

/** A certificate as its bar: its name and its validity in ms (duplicates left out). */
export interface ValidityBar {
  index: number;
  subject: string;
  from: number;
  to: number;
}

export const validityBar = (c: CertificateReport): ValidityBar => ({
  index: c.index,
  subject: c.subject,
  from: Date.parse(c.notBefore),
  to: Date.parse(c.notAfter),
});
