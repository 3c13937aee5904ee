"use client";
/**
 * What the domain's revocation lists say of the inspected client, and a
 * way to revoke it there (operators).
 */
import { Notice } from "@/components/notice";
import { RevokeClientButton } from "@/components/revoke-client-button";
import type { ClientRevocation } from "@/lib/domains/versions/client-check";

export function ClientRevocationLine({
  revocation,
  domainName,
  region,
  canChange,
}: {
  revocation: ClientRevocation;
  domainName: string;
  region: string;
  canChange: boolean;
}) {
  if ("problem" in revocation)
    return (
      <p className="mt-2 text-sm text-amber-900" data-testid="client-revocation">
        Revocation unknown: {revocation.problem}
      </p>
    );
  return (
    <div className="mt-2 space-y-2" data-testid="client-revocation">
      <Notice tone={revocation.revoked ? "error" : "info"}>
        <strong>Revocation lists{revocation.listsVersion ? "" : " (none yet)"}:</strong>{" "}
        {revocation.sentence}
      </Notice>
      {!revocation.revoked && canChange && (
        <RevokeClientButton
          domainName={domainName}
          region={region}
          client={revocation.client}
          expectedListsVersion={revocation.listsVersion}
        />
      )}
    </div>
  );
}
