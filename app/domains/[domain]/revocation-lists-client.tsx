"use client";
/**
 * The Revocation section's changes: lift a revocation, remove a CRL,
 * restore an earlier version (each one click, with what it does said in
 * its confirmation), and add a CRL from a file (PEM or DER).
 */
import { useState } from "react";
import { addCrl } from "@/lib/actions/add-crl";
import { createRevocationLists } from "@/lib/actions/create-revocation-lists";
import { liftRevocation } from "@/lib/actions/lift-revocation";
import { removeCrl } from "@/lib/actions/remove-crl";
import { restoreRevocationLists } from "@/lib/actions/restore-revocation-lists";
import type { ActionResult } from "@/lib/actions/result";
import { DropZone } from "@/components/drop-zone-client";
import { Notice } from "@/components/notice";
import { useAction } from "@/components/use-action";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { RestoreDiff } from "./restore-diff";

interface ListsRef {
  domainName: string;
  region: string;
  expectedListsVersion: string;
}
type Client = { issuer: string; serial: string; subject?: string };

type Change =
  | { kind: "lift"; input: ListsRef & { client: Client } }
  | { kind: "remove-crl"; input: ListsRef & { issuer: string } }
  | { kind: "restore"; input: ListsRef & { versionId: string } };

const WHAT = {
  lift: {
    button: "Lift",
    says: "The client is let through again on every method and route that runs the revocation authorizer, once its cache expires.",
  },
  "remove-crl": {
    button: "Remove",
    says: "Every serial this CRL revokes is let through again (unless the deny list names it). Restore this version from the history to undo.",
  },
  restore: {
    button: "Restore",
    says: "The lists become what they were in that version (written as a new version, so this too can be undone).",
  },
} as const;

type Run = (input: unknown) => Promise<ActionResult<{ versionId: string }>>;
const ACTIONS: Record<Change["kind"], Run> = {
  lift: liftRevocation as Run,
  "remove-crl": removeCrl as Run,
  restore: restoreRevocationLists as Run,
};

export function ListsChangeButton({ label, ...change }: Change & { label: string }) {
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { run, pending } = useAction(ACTIONS[change.kind]);
  const what = WHAT[change.kind];
  return (
    <>
      <Button size="sm" onClick={() => (setOpen(true), setError(null))} aria-label={label}>
        {what.button}…
      </Button>
      <ConfirmDialog
        open={open}
        title={`${label}?`}
        confirmLabel={what.button}
        pending={pending}
        onConfirm={() => run(change.input, (r) => (r.ok ? setOpen(false) : setError(r.message)))}
        onClose={() => !pending && setOpen(false)}
      >
        <p className="text-sm">{what.says}</p>
        {open && change.kind === "restore" && <RestoreDiff {...change.input} />}
        {error && <Notice tone="error">{error}</Notice>}
      </ConfirmDialog>
    </>
  );
}

/** Writes a domain's first, empty lists (the authorizer refuses everyone while it has none). */
export function CreateListsButton({ domainName, region }: { domainName: string; region: string }) {
  const [error, setError] = useState<string | null>(null);
  const { run, pending } = useAction(createRevocationLists);
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <Button
        tone="primary"
        size="sm"
        disabled={pending}
        onClick={() => run({ domainName, region }, (r) => setError(r.ok ? null : r.message))}
      >
        {pending ? "Creating…" : "Create empty lists"}
      </Button>
      {error && <span className="text-rose-800">{error}</span>}
    </span>
  );
}

/** base64 of a file's bytes, for a DER CRL. */
const base64Of = (bytes: Uint8Array) => {
  let s = "";
  for (let i = 0; i < bytes.length; i += 0x8000)
    s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
};

export function AddCrlForm(ref: ListsRef) {
  const [outcome, setOutcome] = useState<{ ok: boolean; message: string } | null>(null);
  const { run, pending } = useAction(addCrl);
  const send = async (file: File) => {
    if (file.size > 1_000_000)
      return setOutcome({ ok: false, message: `${file.name} is over 1 MB.` });
    const bytes = new Uint8Array(await file.arrayBuffer());
    const text = new TextDecoder().decode(bytes);
    const pem = /-----BEGIN (X509 )?CRL-----/.test(text);
    run({ ...ref, crl: pem ? text : base64Of(bytes), encoding: pem ? "pem" : "der-base64" }, (r) =>
      setOutcome(
        r.ok
          ? {
              ok: true,
              message: `${file.name} was checked and added (version ${r.data.versionId}).`,
            }
          : { ok: false, message: r.message },
      ),
    );
  };
  return (
    <div className="space-y-2 border-t border-slate-100 p-3">
      <DropZone
        testId="crl-drop-zone"
        onFile={send}
        className="rounded border-2 border-dashed p-3 text-sm"
      >
        <p>
          Add a CRL of a CA in the truststore (PEM or DER): drop it here or choose a file. It is
          checked against the active truststore (issuer, signature, its next update) before it is
          stored.
        </p>
        <input
          type="file"
          aria-label="CRL file"
          accept=".crl,.pem,.der,application/pkix-crl"
          disabled={pending}
          className="mt-2 text-sm"
          data-testid="crl-file"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void send(file);
            e.target.value = "";
          }}
        />
      </DropZone>
      {pending && (
        <p role="status" className="text-sm">
          Checking the CRL…
        </p>
      )}
      {outcome && <Notice tone={outcome.ok ? "success" : "error"}>{outcome.message}</Notice>}
    </div>
  );
}
