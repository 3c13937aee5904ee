import "server-only";
/**
 * What every change to a domain checks before it changes anything: the
 * domain exists with mTLS, it can be updated now, it is still at the version
 * the user saw, and a change that would refuse today's clients was
 * confirmed with the domain name typed.
 */
import {
  assessLockout,
  clientsSentence,
  comparable,
  informLockout,
  needsTypedName,
  type TruststoreReport,
} from "../../truststore";
import { seenForGuardWithRevocations } from "../revocation/seen-for-guard";
import { AwsFailure } from "../../aws/errors";
import { getCapabilities } from "../../aws/capabilities";
import { changeTo } from "../../records/audit";
import { openIntents } from "../../records/intents";
import { changeBlocked, updateUnsupported } from "./change-blocked";
import { DomainError } from "../shared/errors";
import type { MtlsDomain } from "../../model/domain";

export async function requireUpdatable(domain: MtlsDomain): Promise<void> {
  const blocked = changeBlocked(domain, await getCapabilities());
  if (blocked) throw new DomainError(blocked.code, blocked.message);
}

/**
 * Optimistic concurrency: the change applies only to the version the user
 * saw ("" when none was set). If the domain changed since, nothing is
 * changed and the message says who changed it and when (from the audit trail).
 */
export async function checkExpected(
  domain: MtlsDomain,
  region: string,
  expectedVersion: string,
): Promise<void> {
  const current = domain.mtls?.truststoreVersion ?? "";
  if (current === expectedVersion) return;
  // The change's record is written just after its lock is released: until then its intent names it.
  // (Asked again after the intents: the record may have landed and the intent closed in between.)
  const recorded = () => changeTo(domain.domainName, region, current).catch(() => undefined);
  const last =
    (await recorded()) ??
    (await openIntents(domain.domainName, region).catch(() => []))
      .reverse()
      .find((i) => (i.toVersion ?? "") === current && current !== "") ??
    (await recorded());
  const who = last
    ? `${last.user} changed it at ${last.at.slice(0, 19).replace("T", " ")} UTC (${last.action}${last.toVersion ? ` → ${last.toVersion.slice(0, 12)}…` : ""})`
    : "it was changed outside this dashboard";
  throw new DomainError(
    "conflict",
    `${domain.domainName} changed since this page was loaded: ${who}. Nothing was changed. Reload to see the current state before changing it.`,
    {
      currentVersion: current || null,
      ...(last ? { changedBy: last.user, changedAt: last.at } : {}),
    },
  );
}

/**
 * The lockout guard, on the server: a change that breaks a client chain
 * that works today, or refuses a client seen in the access logs in the last
 * 7 days, needs the domain name typed, whatever the browser showed.
 */
export async function requireLockoutConfirmation(
  domainName: string,
  region: string,
  active: TruststoreReport | undefined,
  candidate: TruststoreReport,
  confirmation: string | undefined,
): Promise<void> {
  if (!active || confirmation === domainName) return;
  const lockout = informLockout(
    assessLockout(active, candidate),
    comparable(active),
    comparable(candidate),
    await seenForGuardWithRevocations(domainName, region),
    new Date(),
  );
  if (!needsTypedName(lockout)) return;
  const clients = lockout.clients?.refused.length ? ` It ${clientsSentence(lockout.clients)}.` : "";
  throw new DomainError(
    "lockout-unconfirmed",
    `${lockout.summary}${clients} Type the domain name to confirm this change. Nothing was changed.`,
    {
      broken: lockout.broken.map((b) => b.subject),
      chains: lockout.chains,
      ...(lockout.clients
        ? { clientsRefused: lockout.clients.refused.map((c) => c.subjectDN) }
        : {}),
    },
  );
}

/**
 * AWS answered an update: the domain it returns must show the change. An
 * endpoint that answers 200 and ignores the patch leaves the change in
 * doubt (the page shows it beside the real state), never "success".
 * `shown` is undefined where the backend does not report the field.
 */
export function requireApplied(domainName: string, what: string, shown: boolean | undefined): void {
  if (shown !== false) return;
  throw new DomainError(
    "in-doubt",
    `AWS answered, but ${domainName} does not show ${what}: the change is in doubt. Check the domain's state on its page before changing it again.`,
  );
}

/** Unwraps AWS's refusal of an update into words (LocalStack's 501 included). */
export async function explainUpdateFailure(error: unknown): Promise<never> {
  if (error instanceof AwsFailure && (error.status === 501 || error.code === "InternalFailure")) {
    throw new DomainError("unsupported", updateUnsupported((await getCapabilities()).backend));
  }
  throw error;
}
