"use client";
/**
 * Revoke one client certificate of a domain (its deny list), from Clients
 * seen or Inspect: the client's name typed to confirm, a reason, and an
 * Undo right after (lifting it again). The CA stays in the truststore.
 */
import { useState } from "react";
import { liftRevocation } from "@/lib/actions/lift-revocation";
import { revokeClient } from "@/lib/actions/revoke-client";
import { clientLabel, type ClientRef } from "@/lib/revocation/client-ref";
import { Notice } from "./notice";
import { useAction } from "./use-action";
import { Button } from "./ui/button";
import { ConfirmDialog } from "./ui/dialog";
import { Field } from "./ui/field";
import { TypeToConfirm } from "./ui/type-to-confirm";

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
  const [typed, setTyped] = useState("");
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [revokedAs, setRevokedAs] = useState<string | null>(null);
  const [undone, setUndone] = useState(false);
  const revoke = useAction(revokeClient);
  const lift = useAction(liftRevocation);
  const confirm = () =>
    revoke.run(
      {
        domainName,
        region,
        client,
        confirmation: typed,
        expectedListsVersion,
        ...(reason.trim() ? { reason: reason.trim() } : {}),
      },
      (result) => {
        if (result.ok) {
          setOpen(false);
          setRevokedAs(result.data.versionId);
          setUndone(false);
        } else setError(result.message);
      },
    );
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
        onClick={() => (setOpen(true), setTyped(""), setError(null))}
        aria-label={`Revoke ${label}`}
      >
        Revoke…
      </Button>
      <ConfirmDialog
        open={open}
        title={`Revoke ${label}?`}
        confirmLabel="Revoke this client"
        tone="danger"
        pending={revoke.pending}
        confirmDisabled={typed.trim() !== label}
        onConfirm={confirm}
        onClose={() => !revoke.pending && setOpen(false)}
      >
        <p className="text-sm">
          The revocation authorizer will refuse this one certificate (issuer{" "}
          <code className="font-mono break-all">{client.issuer}</code>, serial{" "}
          <code className="font-mono break-all">{client.serial}</code>)
          {enforcedWithin ? `, ${enforcedWithin}` : " wherever it runs"}. Its CA stays in the
          truststore and the CA&apos;s other clients are not affected. You can undo it.
        </p>
        <Field
          label="Reason (kept in the lists and the audit trail)"
          value={reason}
          maxLength={500}
          onChange={(e) => setReason(e.target.value)}
          placeholder="e.g. device reported stolen"
        />
        <TypeToConfirm
          expected={label}
          value={typed}
          onChange={setTyped}
          what=" the revocation"
          error={error}
        />
      </ConfirmDialog>
    </>
  );
}
