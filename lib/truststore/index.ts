/**
 * The truststore engine: pure and isomorphic (browser and Node), built on
 * @peculiar/x509's ASN.1 modules and WebCrypto. No AWS, no Next.js, no I/O.
 */
export * from "./types";
export { readBundle, type ReadResult, type TruststoreInput } from "./pem";
export { describePublicKey } from "./key-description";
export {
  warnedCertificate,
  warningsThenAndNow,
  type WarningsThenAndNow,
} from "./warnings-then-now";
export { checkTruststore, loadBundle, validateBundle, verdictOf, type LoadedBundle } from "./check";
export { diffTruststores, type TruststoreDiff, type CertificateSummary, type Impact } from "./diff";
export {
  judgeClientCertificate,
  clientVerdict,
  type ClientCheckResult,
  type ClientVerdict,
  type Refusal,
  type RefusalCode,
  type PathStep,
} from "./client-check";
export { toJsonReport, type JsonReport } from "./json-report";
export { assessLockout, type BrokenChain, type LockoutAssessment } from "./lockout";
export { summarize, summaryCountsAt, type SummaryCounts, type TruststoreSummary } from "./summary";
export {
  certificateRows,
  packRows,
  unpackRows,
  type CertificateRow,
  type PackedRows,
} from "./certificate-rows";
export { comparable, type ComparableCertificate, type ComparableReport } from "./comparable";
export {
  acceptsSeenClient,
  clientCertIdentity,
  opensslDate,
  sameDn,
  seenClientsImpact,
  type ClientCertIdentity,
  type SeenClient,
  type SeenClientsImpact,
} from "./client-identity";
export {
  clientsSentence,
  informLockout,
  type InformedLockout,
  type SeenClients,
} from "./lockout-informed";
export { lockoutConfirmed, needsTypedName } from "./lockout-confirmation";
