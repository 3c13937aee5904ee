"use client";
/**
 * Certificates with their full decoded view, PEM copy and download.
 */
import { useState } from "react";
import { describePublicKey } from "@/lib/truststore/decode";
import type { CertificateReport, Finding } from "@/lib/truststore/types";
import { certificateAnchor } from "./certificate-anchor";
import { Expiry } from "./expiry";
import { Button } from "./ui/button";

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid grid-cols-[12rem_1fr] gap-2 border-t border-slate-100 py-1 text-xs">
      <dt className="text-slate-500">{label}</dt>
      <dd className="min-w-0 font-mono break-words">{children}</dd>
    </div>
  );
}

function CopyButton({ text, label }: { text: string; label: string }) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  return (
    <Button
      tone="secondary"
      size="xs"
      onClick={async () => {
        try {
          await navigator.clipboard.writeText(text);
          setState("copied");
        } catch {
          setState("failed");
        }
        setTimeout(() => setState("idle"), 2000);
      }}
    >
      {state === "copied"
        ? "Copied"
        : state === "failed"
          ? "Copy failed: select the PEM below"
          : label}
    </Button>
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

export function CertificateList({
  certificates,
  findings,
  anchorPrefix,
  now,
}: {
  certificates: CertificateReport[];
  findings: Finding[];
  anchorPrefix: string;
  now: number;
}) {
  const anchor = certificateAnchor(anchorPrefix);
  if (certificates.length === 0) return <p className="text-sm text-slate-600">No certificates.</p>;
  return (
    <ul
      className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white"
      aria-label="Certificates"
    >
      {certificates.map((cert) => {
        const own = findings.filter((f) => f.certificate === cert.index);
        return (
          <li key={cert.index} id={anchor(cert.index)} className="scroll-mt-20">
            <details className="group">
              <summary className="flex cursor-pointer list-none flex-wrap items-center gap-x-4 gap-y-1 px-3 py-2 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-sky-600">
                <span className="text-xs text-slate-400 tabular-nums">#{cert.index + 1}</span>
                <span className="min-w-0 flex-1">
                  <span className="block truncate font-medium" data-testid="certificate-subject">
                    {cert.subject || "(empty subject)"}
                  </span>
                  <span className="block truncate text-xs text-slate-500">
                    issued by {cert.issuer}
                  </span>
                </span>
                <span className="text-xs text-slate-500">
                  {cert.selfSigned ? "root" : cert.isCA ? "CA" : "end entity"}
                </span>
                <Expiry notAfter={cert.notAfter} now={now} />
                {own.length > 0 && (
                  <span className="rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-900">
                    {own.length} finding{own.length === 1 ? "" : "s"}
                  </span>
                )}
                <span aria-hidden className="text-slate-400 group-open:rotate-90">
                  ▸
                </span>
              </summary>
              <div className="space-y-2 px-3 pb-3">
                {own.length > 0 && (
                  <ul className="space-y-1 text-xs">
                    {own.map((f, i) => (
                      <li key={i} className="rounded bg-amber-50 px-2 py-1 text-amber-900">
                        <code className="mr-1 font-mono">{f.rule}</code>
                        {f.message}
                      </li>
                    ))}
                  </ul>
                )}
                <CertificateDetails cert={cert} />
              </div>
            </details>
          </li>
        );
      })}
    </ul>
  );
}
