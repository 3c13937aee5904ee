import "server-only";
/**
 * What a change of the revocation lists tells the audit trail: the lists'
 * versions before and after, in the message (the record's from/to
 * versions are the truststore's).
 */
import type { ListsChange } from "../domains/changes/revocation-changes";
import type { AuditFacts } from "./safe-action";

export const listsChangeFacts = (_input: unknown, data: ListsChange): AuditFacts => ({
  ...(data.requestId ? { requestId: data.requestId } : {}),
  message: `revocation lists ${data.previousVersionId || "(none)"} → ${data.versionId}: ${data.doc.denied.length} denied, ${data.doc.crls.length} CRLs`,
});
