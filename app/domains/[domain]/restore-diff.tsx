"use client";
/**
 * In a restore's confirmation: what the restore would change, read when the
 * dialog opens (who is revoked again or let back in, which CRLs return or go).
 */
import { useEffect, useState } from "react";
import { compareRevocationLists } from "@/lib/actions/compare-revocation-lists";
import type { ListsDiff } from "@/lib/domains/revocation/lists-diff";

const Line = ({ label, items }: { label: string; items: string[] }) =>
  items.length ? (
    <li>
      <strong>{label}:</strong> {items.join(", ")}
    </li>
  ) : null;

export function RestoreDiff(ref: { domainName: string; region: string; versionId: string }) {
  const [diff, setDiff] = useState<ListsDiff | { error: string } | null>(null);
  const { domainName, region, versionId } = ref;
  useEffect(() => {
    let live = true;
    void compareRevocationLists({ domainName, region, versionId }).then((r) => {
      if (live) setDiff(r.ok ? r.data : { error: r.message });
    });
    return () => {
      live = false;
    };
  }, [domainName, region, versionId]);
  if (!diff)
    return (
      <p role="status" className="text-sm text-slate-600">
        Reading what the restore would change…
      </p>
    );
  if ("error" in diff) return <p className="text-sm text-rose-800">{diff.error}</p>;
  const none =
    !diff.revokes.length &&
    !diff.letsBackIn.length &&
    !diff.crlsBack.length &&
    !diff.crlsDropped.length;
  return (
    <ul className="list-disc space-y-1 pl-5 text-sm" data-testid="restore-diff">
      {none && <li>It changes nothing: that version holds the same clients and CRLs.</li>}
      <Line label="Revokes again" items={diff.revokes} />
      <Line label="Lets back in" items={diff.letsBackIn} />
      <Line label="Brings back the CRL of" items={diff.crlsBack} />
      <Line label="Drops the CRL of" items={diff.crlsDropped} />
    </ul>
  );
}
