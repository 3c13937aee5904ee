import { STATUS_HELP, SUBJECT_CONFLICT } from "@/lib/model/status-help";
import type { MtlsDomain } from "@/lib/model/domain";
import { Section } from "./section";

const TONES = {
  ok: "border-emerald-200 bg-emerald-50",
  busy: "border-sky-200 bg-sky-50",
  warn: "border-amber-300 bg-amber-50",
  error: "border-rose-300 bg-rose-50",
} as const;

/** What the domain's status means and what to do about it. */
export function StatusSection({ domain }: { domain: MtlsDomain }) {
  const help = STATUS_HELP[domain.status];
  return (
    <Section title="Status" id="status">
      <div
        className={`space-y-2 rounded-lg border p-4 text-sm ${TONES[help.tone]}`}
        data-testid="status-help"
      >
        <p>
          <strong>{help.label}.</strong> {help.meaning}
        </p>
        {domain.statusMessage && (
          <p>
            AWS says: <q>{domain.statusMessage}</q>
          </p>
        )}
        {help.action && <p>What to do: {help.action}</p>}
        {domain.statusMessage && SUBJECT_CONFLICT.pattern.test(domain.statusMessage) && (
          <p data-testid="subject-conflict">{SUBJECT_CONFLICT.explanation}</p>
        )}
      </div>
    </Section>
  );
}
