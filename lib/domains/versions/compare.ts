import "server-only";
/**
 * What switching a domain from its active truststore version to another
 * would change: the diff and the lockout guard, computed when asked for
 * (a rollback's confirmation, a "Diff" button), never for every version on
 * every page view.
 */
import {
  assessLockout,
  comparable,
  type ComparableReport,
  diffTruststores,
  informLockout,
  type InformedLockout,
  type SeenClients,
  type TruststoreDiff,
} from "../../truststore";
import { seenForGuardWithRevocations } from "../revocation/seen-for-guard";
import { requireMtlsDomain } from "../shared/domain-lookup";
import { readableTruststore } from "./readable-truststore";
import { checkVersion } from "./truststores";

export interface VersionComparison {
  activeVersionId: string;
  versionId: string;
  diff: TruststoreDiff;
  lockout: InformedLockout;
}

/** With a truststoreUri (opened where mTLS is unknown), "active" is the newest version. */
export async function compareWithActive(ref: {
  domainName: string;
  region: string;
  versionId: string;
  truststoreUri?: string;
}): Promise<VersionComparison> {
  const { domain, location } = await readableTruststore(ref);
  const at = new Date();
  const region = ref.region;
  const [active, target, seen] = await Promise.all([
    checkVersion(location, domain.mtls?.truststoreVersion || undefined, ref.region, at),
    checkVersion(location, ref.versionId, ref.region, at),
    domain.mtls ? seenForGuardWithRevocations(domain, region) : null,
  ]);
  return {
    activeVersionId: active.versionId,
    versionId: target.versionId,
    diff: diffTruststores(active.report, target.report),
    lockout: informLockout(
      assessLockout(active.report, target.report),
      comparable(active.report),
      comparable(target.report),
      seen,
      at,
    ),
  };
}

/** The active version as comparing needs it (no PEMs): what the upload box diffs a dropped file against. */
export async function activeBasis(ref: {
  domainName: string;
  region: string;
}): Promise<ComparableReport & { versionId: string; seen: SeenClients | null }> {
  const { domain, location } = await requireMtlsDomain(ref);
  const region = ref.region;
  const [active, seen] = await Promise.all([
    checkVersion(location, domain.mtls?.truststoreVersion || undefined, ref.region),
    seenForGuardWithRevocations(domain, region),
  ]);
  return { ...comparable(active.report), versionId: active.versionId, seen };
}
