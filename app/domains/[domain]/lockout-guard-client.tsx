"use client";
/**
 * The lockout guard: what a truststore change does to the clients that can
 * connect today, above everything else. A change that breaks a chain that
 * works today is shown in red, names the CAs, and needs the domain name
 * typed; a change that keeps every chain says so in one line.
 */
import { TypeToConfirm } from "@/components/ui/type-to-confirm";
import { clientsSentence, type InformedLockout } from "@/lib/truststore/lockout-informed";
import { needsTypedName } from "@/lib/truststore/lockout-confirmation";

/** Which clients seen in the access logs the change refuses, named. */
function SeenClientsLine({ clients }: { clients: NonNullable<InformedLockout["clients"]> }) {
  const shown = clients.refused.slice(0, 10);
  return (
    <div data-testid="lockout-clients">
      <p>
        <strong>From the access logs:</strong> this change {clientsSentence(clients)}.
      </p>
      {shown.length > 0 && (
        <ul className="list-disc pl-5 font-mono text-xs break-all">
          {shown.map((c) => (
            <li key={`${c.issuerDN}/${c.serialNumber}`}>
              {c.subjectDN} ({c.requests.toLocaleString("en-US")} requests, issued by {c.issuerDN})
            </li>
          ))}
          {clients.refused.length > shown.length && (
            <li>… and {clients.refused.length - shown.length} more</li>
          )}
        </ul>
      )}
    </div>
  );
}

export function LockoutGuard({
  lockout,
  domainName,
  typed,
  onTyped,
}: {
  lockout: InformedLockout;
  domainName: string;
  typed: string;
  onTyped: (value: string) => void;
}) {
  if (!needsTypedName(lockout)) {
    return (
      <div
        data-testid="lockout-ok"
        className="space-y-1 rounded border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900"
      >
        <p>
          <strong>The change:</strong> {lockout.summary}
        </p>
        {lockout.clients && <SeenClientsLine clients={lockout.clients} />}
      </div>
    );
  }
  return (
    <div
      role="alert"
      data-testid="lockout-guard"
      className="space-y-2 rounded-lg border-2 border-rose-600 bg-rose-50 p-3 text-sm text-rose-950"
    >
      <p className="font-semibold">{lockout.summary}</p>
      <ul className="list-disc space-y-0.5 pl-5">
        {lockout.broken.map((b) => (
          <li key={b.fingerprintSha256}>
            <span className="font-mono break-all">{b.subject || "(empty subject)"}</span>{" "}
            {b.reason === "removed"
              ? "is removed"
              : "stays, but its chain up to a root is no longer complete"}
            : clients whose certificates it issued will be refused.
          </li>
        ))}
      </ul>
      {lockout.clients && <SeenClientsLine clients={lockout.clients} />}
      <TypeToConfirm
        expected={domainName}
        value={typed}
        onChange={onTyped}
        what=" this change"
        inputClassName="bg-white font-mono text-sm"
      />
    </div>
  );
}
