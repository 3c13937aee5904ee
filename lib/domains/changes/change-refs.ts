import "server-only";
/**
 * What a change of a domain is asked with: the domain (and region), who
 * asks and their write-ahead record, and what they saw.
 */
import type { ChangeRecorder } from "../../records/intents";
import type { MtlsDomain } from "../../model/domain";

export interface DomainRef {
  domainName: string;
  region: string;
}

/** Who asks for a change (the session's user), for locks and conflict messages, and its write-ahead record. */
export interface Actor {
  actor: string;
  /** Writes the change's intent before its first AWS write (the action wrapper's); none in direct calls. */
  change?: ChangeRecorder;
}

export const NO_RECORD: ChangeRecorder = { begin: async () => undefined };

/** What every change of a domain's truststore says of itself when it begins: which domain, from which version. */
export const changeOf = (domain: MtlsDomain, region: string) => ({
  domainName: domain.domainName,
  region,
  fromVersion: domain.mtls?.truststoreVersion || undefined,
});

/** What the user saw and confirmed: the active version ("" for none) and, when the change refuses today's clients, the typed domain name. */
export interface Seen {
  expectedCurrentVersion: string;
  confirmation?: string;
}
