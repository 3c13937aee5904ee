"use client";
/**
 * Certificates with their full decoded view, PEM copy and download.
 */
import { CopyButton } from "./copy-button";
import { useEffect, useMemo, useState } from "react";
import { describePublicKey } from "@/lib/truststore/key-description";
import { certificateRows, type CertificateRow } from "@/lib/truststore/certificate-rows";
import type { CertificateReport, TruststoreReport } from "@/lib/truststore/types";
import { certificateAnchor } from "./certificate-anchor";
import { Expiry } from "./expiry";
import { Button } from "./ui/button";

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid grid-cols-[12rem_minmax(0,1fr)] gap-2 border-t border-slate-100 py-1 text-xs">
      <dt className="text-slate-500">{label}</dt>
      <dd className="min-w-0 font-mono break-words">{children}</dd>
    </div>
  );
}

function fileName(subject: string, index: number): string {
  const cn = /CN=([^,]+)/.exec(subject)?.[1] ?? `certificate-${index + 1}`;
  return `${cn.replace(/[^A-Za-z0-9._-]+/g, "_").slice(0, 60) || "certificate"}.pem`;
}

export function CertificateDetails({ cert }: { cert: CertificateReport }) {
  const download = `data:application/x-pem-file;charset=utf-8,${encodeURIComponent(cert.pem)}`;
  return (
    <div className="space-y-2">
      <dl>
        <Field label="Version">{`${cert.version} (0x${(cert.version - 1).toString(16)})`}</Field>
        <Field label="Serial number">{cert.serialNumber.replace(/(..)(?=.)/g, "$1:")}</Field>
        <Field label="Signature algorithm">{cert.signatureAlgorithm.name}</Field>
        <Field label="Issuer">{cert.issuer}</Field>
        <Field label="Subject">{cert.subject}</Field>
        <Field label="Not before">{cert.notBefore}</Field>
        <Field label="Not after">{cert.notAfter}</Field>
        <Field label="Public key">
          {describePublicKey(cert.publicKey)}
          {cert.publicKey.exponent ? ` (exponent ${cert.publicKey.exponent})` : ""}
        </Field>
        {cert.extensions.map((e) => (
          <Field key={e.oid} label={`${e.name}${e.critical ? " (critical)" : ""}`}>
            {e.text.map((line, i) => (
              <div key={i}>{line}</div>
            ))}
          </Field>
        ))}
        <Field label="SHA-256 fingerprint">{cert.fingerprintSha256}</Field>
        <Field label="SHA-1 fingerprint">{cert.fingerprintSha1}</Field>
        <Field label="Chain">
          {cert.path.map((i) => `#${i + 1}`).join(" → ") +
            (cert.pathComplete ? " (root)" : " (no root in the file)")}
        </Field>
      </dl>
      <div className="flex flex-wrap gap-2">
        <CopyButton text={cert.pem} label="Copy PEM" />
        <a
          className="rounded border border-slate-300 bg-white px-2 py-1 text-xs hover:bg-slate-50"
          href={download}
          download={fileName(cert.subject, cert.index)}
        >
          Download PEM
        </a>
      </div>
      <pre className="max-h-48 overflow-auto rounded bg-slate-900 p-2 text-[11px] leading-tight text-slate-100">
        {cert.pem}
      </pre>
    </div>
  );
}

const PAGE_SIZE = 50;

/**
 * Certificates as a list, 50 a page; each opens to its decoded detail,
 * which `detail` renders (and `onOpen` may fetch first). A link to a
 * certificate on another page (#anchor) turns to its page.
 */
export function CertificateList({
  rows,
  anchorPrefix,
  now,
  detail,
  onOpen,
}: {
  rows: CertificateRow[];
  anchorPrefix: string;
  now: number;
  detail: (index: number) => React.ReactNode;
  onOpen?: (index: number) => void;
}) {
  const anchor = certificateAnchor(anchorPrefix);
  const [page, setPage] = useState(0);
  const [opened, setOpened] = useState<ReadonlySet<number>>(() => new Set());
  const pages = Math.ceil(rows.length / PAGE_SIZE);
  useEffect(() => {
    const follow = () => {
      const match = /-cert-(\d+)$/.exec(window.location.hash);
      if (!match || !window.location.hash.startsWith(`#${anchorPrefix}-cert-`)) return;
      const position = rows.findIndex((r) => r.index === Number(match[1]) - 1);
      if (position >= 0) setPage(Math.floor(position / PAGE_SIZE));
    };
    follow();
    window.addEventListener("hashchange", follow);
    return () => window.removeEventListener("hashchange", follow);
  }, [anchorPrefix, rows]);
  if (rows.length === 0) return <p className="text-sm text-slate-600">No certificates.</p>;
  const visible = rows.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE);
  return (
    <div className="space-y-2">
      <ul
        className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white"
        aria-label="Certificates"
      >
        {visible.map((row) => (
          <li key={row.index} id={anchor(row.index)} className="scroll-mt-20">
            <details
              className="group"
              onToggle={(e) => {
                if (!e.currentTarget.open) return;
                setOpened((o) => (o.has(row.index) ? o : new Set(o).add(row.index)));
                onOpen?.(row.index);
              }}
            >
              <summary className="cert-summary">
                <span className="cert-index">{`#${row.index + 1}`}</span>
                <span className="cert-names">
                  <span className="cert-name" data-testid="certificate-subject">
                    {row.subject || "(empty subject)"}
                  </span>
                  <span className="cert-issuer">{`issued by ${row.issuer}`}</span>
                </span>
                <span className="text-xs text-slate-500">{row.role}</span>
                <Expiry notAfter={row.notAfter} now={now} />
                {row.findings.length > 0 && (
                  <span className="rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-900">
                    {row.findings.length} finding{row.findings.length === 1 ? "" : "s"}
                  </span>
                )}
                <span aria-hidden className="cert-chevron">
                  ▸
                </span>
              </summary>
              {/* Drawn once opened: a closed row sends no body (50 a page). */}
              {opened.has(row.index) && (
                <div className="space-y-2 px-3 pb-3">
                  {row.findings.length > 0 && (
                    <ul className="space-y-1 text-xs">
                      {row.findings.map((f, i) => (
                        <li key={i} className="rounded bg-amber-50 px-2 py-1 text-amber-900">
                          <code className="mr-1 font-mono">{f.rule}</code>
                          {f.message}
                        </li>
                      ))}
                    </ul>
                  )}
                  {detail(row.index)}
                </div>
              )}
            </details>
          </li>
        ))}
      </ul>
      {pages > 1 && (
        <nav
          className="flex items-center justify-center gap-3 text-sm"
          aria-label="Certificate pages"
        >
          <Button disabled={page === 0} onClick={() => setPage(page - 1)}>
            Previous
          </Button>
          <span>
            Certificates {page * PAGE_SIZE + 1}–{Math.min(rows.length, (page + 1) * PAGE_SIZE)} of{" "}
            {rows.length}
          </span>
          <Button disabled={page >= pages - 1} onClick={() => setPage(page + 1)}>
            Next
          </Button>
        </nav>
      )}
    </div>
  );
}

/** The list for certificates already decoded in the browser (an upload, the inspect page). */
export function DecodedCertificateList({
  report,
  anchorPrefix,
  now,
}: {
  report: Pick<TruststoreReport, "certificates" | "findings">;
  anchorPrefix: string;
  now: number;
}) {
  const rows = useMemo(() => certificateRows(report), [report]);
  return (
    <CertificateList
      rows={rows}
      anchorPrefix={anchorPrefix}
      now={now}
      detail={(index) => <CertificateDetails cert={report.certificates[index]!} />}
    />
  );
}
