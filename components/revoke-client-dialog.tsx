"use client";
/**
 * The confirmation of a client's revocation: what the authorizer will
 * refuse, a reason, the client's name typed. Loaded when a Revoke button is
 * first pressed, not with the page.
 */
import { useState } from "react";
import { revokeClient } from "@/lib/actions/revoke-client";
import { clientLabel, type ClientRef } from "@/lib/revocation/client-label";
import { useAction } from "./use-action";
import { ConfirmDialog } from "./ui/dialog";
import { Field } from "./ui/field";
import { TypeToConfirm } from "./ui/type-to-confirm";

export function RevokeClientDialog({
  open,
  domainName,
  region,
  client,
  expectedListsVersion,
  enforcedWithin,
  onRevoked,
  onClose,
}: {
  open: boolean;
  domainName: string;
  region: string;
  client: ClientRef;
  expectedListsVersion: string;
  enforcedWithin?: string;
  /** The lists' new version, once the revocation is stored. */
  onRevoked: (versionId: string) => void;
  onClose: () => void;
}) {
  const label = clientLabel(client);
  const [typed, setTyped] = useState("");
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const revoke = useAction(revokeClient);
  const [wasOpen, setWasOpen] = useState(open);
  // Each opening starts with nothing typed and no error.
  if (open !== wasOpen) {
    setWasOpen(open);
    if (open) {
      setTyped("");
      setError(null);
    }
  }
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
      (result) => (result.ok ? onRevoked(result.data.versionId) : setError(result.message)),
    );
  return (
    <ConfirmDialog
      open={open}
      title={`Revoke ${label}?`}
      confirmLabel="Revoke this client"
      tone="danger"
      pending={revoke.pending}
      confirmDisabled={typed.trim() !== label}
      onConfirm={confirm}
      onClose={() => !revoke.pending && onClose()}
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
  );
}
