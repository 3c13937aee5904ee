import "server-only";
/**
 * Turning mutual TLS on for a custom domain name that has it off (never had
 * it, or had it disabled): one UpdateDomainName that sets the truststore URI
 * and pins its exact S3 version. Before it, on the server whatever the
 * browser showed: the domain name typed, mTLS still off as the user saw it,
 * the domain updatable, and every prerequisite (./enable-prerequisites.ts);
 * under the domain's lock, with the intent written before the write.
 */
import { enableMutualTls } from "../../aws/api-gateway";
import { requireDomain } from "../shared/domain-lookup";
import { changeTo, type AuditEvent } from "../../records/audit";
import type { MtlsDomain } from "../../model/domain";
import { DomainError } from "../shared/errors";
import { explainUpdateFailure, requireApplied, requireUpdatable } from "./change-guards";
import { NO_RECORD, type Actor, type DomainRef } from "./change-refs";
import { checkEnable, enablePrerequisites, type EnableCheck } from "./enable-prerequisites";
import { withDomainLock } from "./locks";

export interface EnableRequest extends DomainRef, Actor {
  truststoreUri: string;
  truststoreVersion: string;
  /** What the user saw: mutual TLS off. */
  expectedState: "off";
  /** The domain name, typed: enabling refuses every client without a trusted certificate. */
  confirmation: string;
}

export interface EnableResult {
  domain: MtlsDomain;
  truststoreUri: string;
  truststoreVersion: string;
  /** What API Gateway said of the truststore (mTLS is on even with warnings). */
  warnings: string[];
  requestId?: string;
}

/** The domain, with mutual TLS off as the user saw it; refused when it is on now, or its state is unknown. */
async function requireOff(ref: DomainRef): Promise<MtlsDomain> {
  const domain = await requireDomain(ref);
  if (domain.mtlsState === "unknown")
    throw new DomainError(
      "mtls-unknown",
      `This backend does not report whether mutual TLS is enabled on ${ref.domainName}, so the dashboard does not change it. Nothing was changed.`,
    );
  if (!domain.mtls) return domain;
  const current = domain.mtls.truststoreVersion ?? "";
  const last = await changeTo(domain.domainName, ref.region, current).catch(() => undefined);
  const who = last
    ? `${last.user} changed it at ${last.at.slice(0, 19).replace("T", " ")} UTC (${last.action})`
    : "it was changed outside this dashboard";
  throw new DomainError(
    "conflict",
    `Mutual TLS is already on for ${domain.domainName} (${domain.mtls.truststoreUri}${current ? ` at version ${current}` : ""}): ${who}. Nothing was changed. Reload to see its current state.`,
    {
      currentUri: domain.mtls.truststoreUri,
      currentVersion: current || null,
      ...(last ? { changedBy: last.user, changedAt: last.at } : {}),
    },
  );
}

/** The enable dialog's check: every prerequisite on this domain, the versions to pick, the findings. */
export async function checkEnableMtls(
  ref: DomainRef & { truststoreUri: string; truststoreVersion?: string | undefined },
): Promise<EnableCheck> {
  const domain = await requireOff(ref);
  return checkEnable(domain, ref, ref.region);
}

export async function enableMtls(ref: EnableRequest): Promise<EnableResult> {
  if (ref.confirmation !== ref.domainName)
    throw new DomainError(
      "lockout-unconfirmed",
      `Type ${ref.domainName} exactly to confirm: with mutual TLS on, API Gateway refuses every client that does not present a certificate the truststore trusts. Nothing was changed.`,
    );
  const region = ref.region;
  return withDomainLock(
    ref.domainName,
    region,
    ref.actor,
    async (lease) => {
      const domain = await requireOff(ref);
      await requireUpdatable(domain);
      const { checks, ready, location } = await enablePrerequisites(domain, ref, region);
      const failed = checks.filter((c) => !c.ok);
      if (!ready || !location)
        throw new DomainError(
          "prerequisite-unmet",
          `Nothing was changed: ${failed.map((c) => `${c.label}: ${c.message}`).join(" ")}`,
          { failed: failed.map((c) => c.id) },
        );
      const truststoreUri = `s3://${location.bucket}/${location.key}`;
      await (ref.change ?? NO_RECORD).begin({
        domainName: domain.domainName,
        region,
        toVersion: ref.truststoreVersion,
        message: `enable mutual TLS with ${truststoreUri}`,
      });
      try {
        const update = await lease.write(`Enabling mutual TLS on ${ref.domainName}`, () =>
          enableMutualTls(ref.domainName, region, truststoreUri, ref.truststoreVersion),
        );
        requireApplied(
          ref.domainName,
          `mutual TLS on at ${truststoreUri} version ${ref.truststoreVersion}`,
          update.domain.mtlsState === "unknown"
            ? undefined
            : update.domain.mtls?.truststoreUri === truststoreUri &&
                update.domain.mtls.truststoreVersion === ref.truststoreVersion,
        );
        return {
          domain: update.domain,
          truststoreUri,
          truststoreVersion: ref.truststoreVersion,
          warnings: update.domain.mtls?.truststoreWarnings ?? [],
          ...(update.requestId ? { requestId: update.requestId } : {}),
        };
      } catch (error) {
        return await explainUpdateFailure(error);
      }
    },
    { action: "enabling mutual TLS" },
  );
}

/**
 * The truststore the domain had last, as its audit trail (newest first)
 * says: enabling and disabling record its URI in their messages.
 */
export function lastTruststoreUri(history: AuditEvent[]): string | undefined {
  for (const e of history) {
    if (e.result !== "success") continue;
    if (e.action !== "enable-mutual-tls" && e.action !== "disable-mutual-tls") continue;
    const uri = /\bs3:\/\/\S+/.exec(e.message ?? "")?.[0];
    if (uri) return uri;
  }
  return undefined;
}
