import { CopyButton } from "@/components/copy-button";
import { ErrorPanel } from "@/components/error-panel";
import { Expiry } from "@/components/expiry";
import type { Loaded } from "@/lib/domains/views/page-views";
import { daysUntil } from "@/lib/model/expiry-band";
import type { ServerCertificate } from "@/lib/model/domain";

/** An ACM certificate of the domain; for the ownership certificate, a warning well before it expires. */
export function CertificateCard({
  title,
  loaded,
  ownership,
  now,
}: {
  title: string;
  loaded: Loaded<ServerCertificate | null>;
  ownership?: boolean;
  now: number;
}) {
  if (!loaded.ok) return <ErrorPanel title={`${title}: not read`} message={loaded.message} />;
  const cert = loaded.value;
  if (!cert) {
    return (
      <div className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
        <h3 className="font-medium">{title}</h3>
        <p className="mt-1 text-slate-600">Not found in ACM (deleted, or in another account).</p>
      </div>
    );
  }
  const days = cert.notAfter ? daysUntil(cert.notAfter, now) : undefined;
  return (
    <div
      className="space-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm"
      data-testid={ownership ? "ownership-certificate" : "server-certificate"}
    >
      <h3 className="font-medium">{title}</h3>
      <dl className="grid grid-cols-[8rem_minmax(0,1fr)] gap-x-3 gap-y-1 text-xs">
        <dt className="text-slate-500">Type · status</dt>
        <dd>
          {cert.type} · {cert.status}
        </dd>
        <dt className="text-slate-500">Names</dt>
        <dd className="[overflow-wrap:anywhere]">
          {cert.subjectAlternativeNames.join(", ") || cert.domainName}
        </dd>
        <dt className="text-slate-500">Key</dt>
        <dd>{cert.keyAlgorithm ?? "unknown"}</dd>
        <dt className="text-slate-500">Expires</dt>
        <dd>{cert.notAfter ? <Expiry notAfter={cert.notAfter} now={now} /> : "unknown"}</dd>
        <dt className="text-slate-500">ARN</dt>
        <dd className="space-y-1">
          <span className="block font-mono break-all">{cert.arn}</span>
          <CopyButton
            text={cert.arn}
            label="Copy ARN"
            name={`Copy the ARN of the ${title.replace(/ \(.*\)$/, "").toLowerCase()}`}
          />
        </dd>
      </dl>
      {ownership && days !== undefined && days < 45 && (
        <p role="alert" className="rounded bg-rose-50 px-2 py-1 text-xs text-rose-900">
          {days < 0
            ? "This ownership verification certificate has expired."
            : `This ownership verification certificate expires in ${Math.max(0, Math.floor(days))} days.`}{" "}
          If it expires and ACM cannot renew it, all updates to this domain will be locked
          (PENDING_OWNERSHIP_VERIFICATION). Renew it, or request a new one and set it on the domain,
          before then.
        </p>
      )}
    </div>
  );
}
