"use client";
/**
 * The lockout guard: what a truststore change does to the clients that can
 * connect today, above everything else. A change that breaks a chain that
 * works today is shown in red, names the CAs, and needs the domain name
 * typed; a change that keeps every chain says so in one line.
 */
import type { LockoutAssessment } from "@/lib/truststore";
import { Field } from "./ui/field";

export function lockoutConfirmed(
  lockout: LockoutAssessment | null | undefined,
  typed: string,
  domainName: string,
): boolean {
  return !lockout || lockout.broken.length === 0 || typed === domainName;
}

export function LockoutGuard({
  lockout,
  domainName,
  typed,
  onTyped,
}: {
  lockout: LockoutAssessment;
  domainName: string;
  typed: string;
  onTyped: (value: string) => void;
}) {
  if (lockout.broken.length === 0) {
    return (
      <p
        data-testid="lockout-ok"
        className="rounded border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900"
      >
        <strong>The change:</strong> {lockout.summary}
      </p>
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
      <Field
        label={
          <>
            Type <code className="font-mono">{domainName}</code> to confirm this change
          </>
        }
        inputClassName="bg-white font-mono text-sm"
        value={typed}
        onChange={(e) => onTyped(e.target.value)}
        autoComplete="off"
        spellCheck={false}
      />
    </div>
  );
}
