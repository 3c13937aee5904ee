/**
 * What each domain name status means and what to do about it, in AWS's terms
 * (docs/aws-facts.md). Plain data: pages and components both use it.
 */
import type { DomainStatus } from "./domain";

export interface StatusHelp {
  label: string;
  tone: "ok" | "busy" | "warn" | "error";
  meaning: string;
  action?: string;
  /** The status settles on its own: pages poll until it does. */
  transient: boolean;
}

export const STATUS_HELP: Record<DomainStatus, StatusHelp> = {
  AVAILABLE: {
    label: "Available",
    tone: "ok",
    meaning: "The domain name is in service and can be changed.",
    transient: false,
  },
  UPDATING: {
    label: "Updating",
    tone: "busy",
    meaning:
      "API Gateway is applying a change. The domain name cannot be changed again until this completes.",
    action: "Wait: this page refreshes on its own until the update completes.",
    transient: true,
  },
  PENDING: {
    label: "Pending",
    tone: "busy",
    meaning: "API Gateway is still creating or provisioning the domain name.",
    action: "Wait: this page refreshes on its own until it settles.",
    transient: true,
  },
  PENDING_CERTIFICATE_REIMPORT: {
    label: "Certificate re-import needed",
    tone: "warn",
    meaning:
      "A certificate was re-imported into ACM and failed validation: its subject alternative names are not covered by the ownership verification certificate, or its subject or SANs do not cover the domain name.",
    action:
      "Re-import a valid certificate into ACM under the same ARN, one whose names cover the domain name and that keeps the same issuer.",
    transient: false,
  },
  PENDING_OWNERSHIP_VERIFICATION: {
    label: "Ownership verification needed",
    tone: "error",
    meaning:
      "The ownership verification certificate expired and ACM could not renew it. All updates to this domain name are locked until a valid one is set.",
    action:
      "Renew the ownership verification certificate in ACM, or request a new one (AMAZON_ISSUED), then set it as the domain's ownershipVerificationCertificateArn (Server certificate, below: the one update AWS takes now).",
    transient: false,
  },
  FAILED: {
    label: "Failed",
    tone: "error",
    meaning: "API Gateway could not create or update the domain name. The status message says why.",
    action:
      "Read the message, fix its cause, then update the domain name again (or delete and recreate it).",
    transient: false,
  },
  UNKNOWN: {
    label: "Unknown",
    tone: "warn",
    meaning: "API Gateway reported a status this dashboard does not know.",
    transient: false,
  },
};

/** The well-known failure whose AWS text is hard to act on, explained. */
export const SUBJECT_CONFLICT = {
  pattern: /conflicts with an existing certificate from a different issuer/i,
  explanation:
    "For mutual TLS domain names, each certificate subject may have only one issuer per Region. Another certificate with this subject, from a different CA, is already in use in this Region. Get every certificate for this subject from one issuer (or prove ownership of the name to AWS Support).",
};
