"use client";
/**
 * Revoke one client certificate of a domain (its deny list), from Clients
 * seen or Inspect: the client's name typed to confirm, a reason, and an
 * Undo right after (lifting it again). The CA stays in the truststore. The
 * confirmation's code is fetched when the button is first pressed.
 */
import { useState } from "react";
import { liftRevocation } from "@/lib/actions/lift-revocation";
import { clientLabel, type ClientRef } from "@/lib/revocation/client-label";
import { lazyComponent } from "./lazy-component";
import { Notice } from "./notice";
import { useAction } from "./use-action";
import { Button } from "./ui/button";

const RevokeClientDialog = lazyComponent(() =>
  import("./revoke-client-dialog").then((m) => m.RevokeClientDialog),
);

export function RevokeClientButton({
  domainName,
  region,
  client,
  expectedListsVersion,
  enforcedWithin,
}: {
  domainName: string;
  region: string;
  client: ClientRef;
  /** The lists' version this page shows ("" for none). */
  expectedListsVersion: string;
  /** What coverage says of enforcement ("within 10 s on every route"), when known. */
  enforcedWithin?: string;
}) {
  const label = clientLabel(client);
  const [open, setOpen] = useState(false);
  // Mounted from the first press on, so that closing it hands focus back to the button.
  const [asked, setAsked] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [revokedAs, setRevokedAs] = useState<string | null>(null);
  const [undone, setUndone] = useState(false);
  const lift = useAction(liftRevocation);
  const undo = () =>
    revokedAs &&
    lift.run({ domainName, region, client, expectedListsVersion: revokedAs }, (result) => {
      if (!result.ok) return setError(result.message);
      setUndone(true);
      setRevokedAs(null);
    });
  if (revokedAs)
    return (
      <Notice tone="success">
        <span data-testid="revoked-notice">
          {label} is revoked{enforcedWithin ? ` (${enforcedWithin})` : ""}.
        </span>{" "}
        <Button size="sm" onClick={undo} disabled={lift.pending}>
          {lift.pending ? "Undoing…" : "Undo"}
        </Button>
        {error && <span className="block text-rose-800">{error}</span>}
      </Notice>
    );
  return (
    <>
      {undone && <Notice tone="info">The revocation of {label} was lifted.</Notice>}
      <Button
        tone="danger-outline"
        size="sm"
        onClick={() => (setOpen(true), setAsked(true))}
        aria-label={`Revoke ${label}`}
      >
        Revoke…
      </Button>
      {asked && (
        <RevokeClientDialog
          open={open}
          domainName={domainName}
          region={region}
          client={client}
          expectedListsVersion={expectedListsVersion}
          {...(enforcedWithin ? { enforcedWithin } : {})}
          onRevoked={(versionId) => {
            setOpen(false);
            setRevokedAs(versionId);
            setUndone(false);
            setError(null);
          }}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
}
