"use client";
import { Suspense, use, useState } from "react";
import { disableMutualTls } from "@/lib/actions/disable-mutual-tls";
import { ConfirmDialog } from "../../../components/ui/dialog";
import { IacWarning } from "./lazy-flows-client";
import type { ManagedBy } from "@/lib/model/iac";
import { Notice } from "../../../components/notice";
import { useAction } from "../../../components/use-action";
import { Button } from "../../../components/ui/button";
import { TypeToConfirm } from "../../../components/ui/type-to-confirm";

/**
 * Turn mutual TLS off, after typing the domain name. Rendered in both states
 * (at the same place) so that its notice outlives the page refresh.
 */
export function DisableMtls({
  mtlsOn,
  domainName,
  region,
  activeVersionId,
  blockedReason,
  seen,
  managed = null,
}: {
  /** Infrastructure as code that owns the domain: turning mTLS off here can be undone by it. */
  managed?: ManagedBy | null;
  mtlsOn: boolean;
  domainName: string;
  region: string;
  activeVersionId?: string;
  blockedReason?: string;
  /** The clients seen in the access logs (streamed in; null when they cannot be read). */
  seen?: Promise<SeenSummary | null>;
}) {
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const { run, pending } = useAction(disableMutualTls);
  const confirm = () =>
    run(
      { domainName, region, confirmation: typed, expectedCurrentVersion: activeVersionId ?? "" },
      (result) => {
        if (result.ok) {
          setOpen(false);
          setDone(true);
        } else setError(result.message);
      },
    );
  if (!mtlsOn)
    return done ? (
      <Notice tone="success">
        Mutual TLS is now off for {domainName}: API Gateway no longer asks clients for a
        certificate.
      </Notice>
    ) : null;
  return (
    <div>
      <Button
        tone="danger-outline"
        size="sm"
        disabled={!!blockedReason}
        title={blockedReason}
        onClick={() => (setOpen(true), setTyped(""), setError(null))}
      >
        Disable mutual TLS…
      </Button>
      <ConfirmDialog
        open={open}
        title={`Disable mutual TLS on ${domainName}?`}
        confirmLabel="Disable mutual TLS"
        tone="danger"
        pending={pending}
        confirmDisabled={typed !== domainName}
        onConfirm={confirm}
        onClose={() => !pending && setOpen(false)}
      >
        {open && <IacWarning managed={managed} />}
        <p className="text-sm">
          API Gateway will stop asking clients for a certificate: <strong>any client</strong> on the
          internet can then call this domain name (your authorizers still apply). The truststore in
          S3 is kept; turning mTLS on again needs a domain update.
        </p>
        {seen && (
          <Suspense fallback={null}>
            <SeenLine seen={seen} />
          </Suspense>
        )}
        <TypeToConfirm expected={domainName} value={typed} onChange={setTyped} error={error} />
      </ConfirmDialog>
    </div>
  );
}

type SeenSummary = { clients: number; requests: number; days: number };

/** What disabling does to the clients seen in the access logs: refuses none. */
function SeenLine({ seen }: { seen: Promise<SeenSummary | null> }) {
  const summary = use(seen);
  if (!summary) return null;
  return (
    <p className="text-sm" data-testid="lockout-clients">
      <strong>From the access logs:</strong> this change refuses none of the{" "}
      {summary.clients.toLocaleString("en-US")} clients seen in {summary.days} days (
      {summary.requests.toLocaleString("en-US")} requests); it also lets in every caller without a
      certificate.
    </p>
  );
}
