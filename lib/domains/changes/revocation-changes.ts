import "server-only";
/**
 * Changes to a domain's revocation lists: revoke a client (deny list),
 * lift a revocation, add or replace a CA's CRL, remove one, restore an
 * earlier version (undo). Like truststore changes, each holds the domain's
 * lock, applies only to the lists' version the user saw, writes its intent
 * first and writes one new S3 version through the lease, so each can be
 * undone by restoring the version before it.
 */
import { getBucketVersioning, type S3Location } from "../../aws/s3";
import { writeRevocationObject } from "../../aws/revocation-objects";
import type { RevocationDocument } from "../../revocation/document";
import { checkCrl, readCrl } from "../../revocation/revocation";
import { requireMtlsDomain } from "../shared/domain-lookup";
import { DomainError } from "../shared/errors";
import { listsLocation, readListsAt, requireNamedDomain } from "../revocation/revocation-lists";
import { checkVersion } from "../versions/truststores";
import { NO_RECORD, type Actor, type DomainRef } from "./change-refs";
import { withDomainLock } from "./locks";
import { clientLabel, serialKey, type ClientRef } from "../../revocation/client-label";
import { sameClient } from "../../revocation/client-ref";

/** The lists' version the user saw ("" when the domain had none). */
export interface ListsSeen {
  expectedListsVersion: string;
}

export interface ListsChange {
  versionId: string;
  previousVersionId: string;
  requestId?: string;
  doc: RevocationDocument;
}

async function changeLists(
  ref: DomainRef & Actor & ListsSeen,
  describe: string,
  edit: (
    doc: RevocationDocument,
    domain: { truststorePems: () => Promise<string[]>; lists: S3Location },
  ) => Promise<void> | void,
): Promise<ListsChange> {
  const { domainName, region } = ref;
  requireNamedDomain(domainName);
  return withDomainLock(
    domainName,
    region,
    ref.actor,
    async (lease) => {
      const { domain, location } = await requireMtlsDomain(ref);
      const lists = await readListsAt(domainName, listsLocation(domainName, location), region);
      if (lists.versionId !== ref.expectedListsVersion)
        throw new DomainError(
          "conflict",
          `The revocation lists of ${domainName} changed since this page was loaded (now ${lists.versionId || "none"}${lists.doc.updatedBy ? `, by ${lists.doc.updatedBy} at ${lists.doc.updatedAt.slice(0, 19).replace("T", " ")} UTC` : ""}). Nothing was changed. Reload to see them before changing them.`,
          { currentListsVersion: lists.versionId || null },
        );
      const versioning = await getBucketVersioning(location.bucket, region);
      if (versioning !== "Enabled")
        throw new DomainError(
          "bucket-unversioned",
          `The bucket ${location.bucket} does not have versioning enabled, so a change of the revocation lists could not be undone. Enable versioning first.`,
          { bucket: location.bucket },
        );
      const doc = structuredClone(lists.doc);
      await edit(doc, {
        lists: lists.location,
        truststorePems: async () =>
          (
            await checkVersion(location, domain.mtls!.truststoreVersion || undefined, region)
          ).report.certificates.map((c) => c.pem),
      });
      doc.domainName = domainName.toLowerCase();
      doc.updatedBy = ref.actor;
      doc.updatedAt = new Date().toISOString();
      await (ref.change ?? NO_RECORD).begin({ domainName, region, message: describe });
      const written = await lease.write(`${describe} (${domainName})`, () =>
        writeRevocationObject(lists.location, JSON.stringify(doc, null, 1), region, lists.etag),
      );
      if (written === "changed")
        throw new DomainError(
          "conflict",
          `The revocation lists of ${domainName} were changed outside this console while this change was made. Nothing was written. Reload to see them before changing them.`,
        );
      return {
        versionId: written.versionId,
        previousVersionId: lists.versionId,
        ...(written.requestId ? { requestId: written.requestId } : {}),
        doc,
      };
    },
    { action: "changing the revocation lists" },
  );
}

/**
 * Writes empty lists where there are none: the authorizer refuses every
 * client of a domain whose lists it cannot read (fail closed), so lists
 * must exist before it is attached.
 */
export async function createEmptyLists(ref: DomainRef & Actor): Promise<ListsChange> {
  return changeLists(
    { ...ref, expectedListsVersion: "" },
    "create empty revocation lists",
    () => {},
  );
}

/** Puts a client on the deny list; the typed confirmation must name it. */
export async function denyClient(
  ref: DomainRef & Actor & ListsSeen & { client: ClientRef; reason?: string; confirmation: string },
): Promise<ListsChange> {
  const label = clientLabel(ref.client);
  if (ref.confirmation.trim() !== label)
    throw new DomainError(
      "lockout-unconfirmed",
      `Type the client's name, ${label}, to revoke it. Nothing was changed.`,
    );
  return changeLists(ref, `revoke ${label} (serial ${serialKey(ref.client.serial)})`, (doc) => {
    if (doc.denied.some((d) => sameClient(d, ref.client)))
      throw new DomainError("conflict", `${label} is already revoked. Nothing was changed.`);
    doc.denied.push({
      issuer: ref.client.issuer,
      serial: serialKey(ref.client.serial),
      ...(ref.client.subject ? { subject: ref.client.subject } : {}),
      ...(ref.reason ? { reason: ref.reason } : {}),
      by: ref.actor,
      at: new Date().toISOString(),
    });
  });
}

/** Takes a client off the deny list (the undo of a revocation). */
export async function undenyClient(
  ref: DomainRef & Actor & ListsSeen & { client: ClientRef },
): Promise<ListsChange> {
  const label = clientLabel(ref.client);
  return changeLists(ref, `lift the revocation of ${label}`, (doc) => {
    const kept = doc.denied.filter((d) => !sameClient(d, ref.client));
    if (kept.length === doc.denied.length)
      throw new DomainError("conflict", `${label} is not on the deny list. Nothing was changed.`);
    doc.denied = kept;
  });
}

/** Adds a CA's CRL, or replaces it with a newer one: checked against the active truststore first. */
export async function storeCrl(
  ref: DomainRef & Actor & ListsSeen & { crl: string | Uint8Array },
): Promise<ListsChange> {
  let parsed: ReturnType<typeof readCrl>;
  try {
    parsed = readCrl(ref.crl);
  } catch (error) {
    throw new DomainError("truststore-refused", (error as Error).message);
  }
  return changeLists(ref, `add the CRL of ${parsed.issuer}`, async (doc, domain) => {
    const checked = await checkCrl(parsed, await domain.truststorePems());
    if (!checked.ok)
      throw new DomainError("truststore-refused", `${checked.problem} Nothing was changed.`);
    const held = doc.crls.find((c) => c.issuer === parsed.issuer);
    if (held && Date.parse(held.thisUpdate) > Date.parse(parsed.thisUpdate))
      throw new DomainError(
        "truststore-refused",
        `The lists hold a newer CRL of ${parsed.issuer} (thisUpdate ${held.thisUpdate}); an older one would un-revoke what it revokes. Nothing was changed.`,
      );
    doc.crls = doc.crls.filter((c) => c.issuer !== parsed.issuer);
    doc.crls.push({
      pem: parsed.pem,
      issuer: parsed.issuer,
      thisUpdate: parsed.thisUpdate,
      ...(parsed.nextUpdate ? { nextUpdate: parsed.nextUpdate } : {}),
      revokedCount: parsed.revoked.length,
      addedBy: ref.actor,
      addedAt: new Date().toISOString(),
    });
  });
}

export async function dropCrl(
  ref: DomainRef & Actor & ListsSeen & { issuer: string },
): Promise<ListsChange> {
  return changeLists(ref, `remove the CRL of ${ref.issuer}`, (doc) => {
    const kept = doc.crls.filter((c) => c.issuer !== ref.issuer);
    if (kept.length === doc.crls.length)
      throw new DomainError("conflict", `There is no CRL of ${ref.issuer}. Nothing was changed.`);
    doc.crls = kept;
  });
}

/** Makes an earlier version of the lists the one in force again (as a new version). */
export async function restoreListsVersion(
  ref: DomainRef & Actor & ListsSeen & { versionId: string },
): Promise<ListsChange> {
  return changeLists(ref, `restore revocation lists version ${ref.versionId}`, async (doc, at) => {
    const old = await readListsAt(ref.domainName, at.lists, ref.region, ref.versionId);
    doc.denied = old.doc.denied;
    doc.crls = old.doc.crls;
  });
}
