"use client";
/**
 * Upload a new truststore version: drop a file, pick one, or paste PEM. The
 * browser decodes and checks it at once with the same engine the server
 * uses; errors block, warnings need an explicit acknowledgement, and the
 * diff against the active version is shown before anything is sent.
 */
import { useId, useState } from "react";
import { activateTruststoreVersion } from "@/lib/actions/activate-truststore-version";
import { enableBucketVersioning } from "@/lib/actions/enable-bucket-versioning";
import { uploadTruststoreVersion } from "@/lib/actions/upload-truststore-version";
import type { TruststoreReport } from "@/lib/truststore/types";

import { DropZone } from "../../../components/drop-zone-client";
import { lazyComponent } from "../../../components/lazy-component";

import { Notice } from "../../../components/notice";
import { Button } from "../../../components/ui/button";
import type { Outcome } from "./upload-outcome";
import { UploadOutcome } from "./lazy-flows-client";
import { useAction } from "../../../components/use-action";
import { useActiveBasis } from "./use-active-basis";

/**
 * The decoding engine and what shows a checked file (its diff, the lockout
 * guard, its findings), loaded when the first file is dropped or pasted, not
 * with the page.
 */
const engine = () => import("@/lib/truststore/check-input");
const checkedView = () => import("./checked-candidate-client");
const CheckedCandidate = lazyComponent(() => checkedView().then((m) => m.CheckedCandidate), {
  fallback: <p role="status">Checking…</p>,
});

interface Candidate {
  name: string;
  text: string;
  report: TruststoreReport;
}

export function UploadTruststore({
  domainName,
  region,
  hasActive,
  activeVersionId,
  blockedReason,
}: {
  domainName: string;
  region: string;
  /** Whether the domain has an active version to compare a dropped file with. */
  hasActive?: boolean;
  activeVersionId?: string;
  blockedReason?: string;
}) {
  const ids = { paste: useId(), help: useId() };
  const [candidate, setCandidate] = useState<Candidate | null>(null);
  const [checking, setChecking] = useState(false);
  const [paste, setPaste] = useState("");
  const [acknowledged, setAcknowledged] = useState(false);
  const [typed, setTyped] = useState("");
  // The active version, fetched when the first file is dropped (the page does not carry it).
  const { activeReport, fetchActive } = useActiveBasis(domainName, region, hasActive);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  async function inspect(name: string, input: File | string) {
    setOutcome(null);
    setAcknowledged(false);
    setTyped("");
    fetchActive();
    void checkedView().catch(() => undefined);
    setChecking(true);
    try {
      const { report, bytes } = await (await engine()).checkInput(input);
      setCandidate({
        name,
        text: bytes && report.verdict !== "error" ? new TextDecoder().decode(bytes) : "",
        report,
      });
    } finally {
      setChecking(false);
    }
  }

  const uploading = useAction(uploadTruststoreVersion);
  const activating = useAction(activateTruststoreVersion);
  const versioning = useAction(enableBucketVersioning);
  const pending = uploading.pending || activating.pending || versioning.pending;

  const upload = () => {
    if (!candidate) return;
    const expectedCurrentVersion = activeVersionId ?? "";
    const input = {
      domainName,
      region,
      pem: candidate.text,
      acknowledgeWarnings: acknowledged,
      expectedCurrentVersion,
      confirmation: typed,
    };
    uploading.run(input, (result) => {
      if (!result.ok) {
        setOutcome({
          kind: result.code === "bucket-unversioned" ? "unversioned" : "error",
          message: result.message,
        });
        return;
      }
      const { versionId, activation, previousVersion } = result.data;
      if (activation.ok) setCandidate(null);
      setOutcome(
        activation.ok
          ? {
              kind: "activated",
              versionId,
              data: activation.result,
              ...(result.warning ? { warning: result.warning } : {}),
            }
          : {
              kind: "uploaded-not-activated",
              versionId,
              message: activation.message,
              previousVersion: previousVersion ?? expectedCurrentVersion,
            },
      );
    });
  };

  // The retry carries the version that stayed active, and the confirmation already typed.
  const retryActivation = (versionId: string, previousVersion: string) =>
    activating.run(
      {
        domainName,
        region,
        versionId,
        expectedCurrentVersion: previousVersion,
        confirmation: typed,
      },
      (result) => {
        if (result.ok) setCandidate(null);
        setOutcome(
          result.ok
            ? {
                kind: "activated",
                versionId,
                data: result.data,
                ...(result.warning ? { warning: result.warning } : {}),
              }
            : {
                kind: "uploaded-not-activated",
                versionId,
                message: result.message,
                previousVersion,
              },
        );
      },
    );

  const enableVersioning = () =>
    versioning.run({ domainName, region }, (result) =>
      setOutcome(result.ok ? null : { kind: "error", message: result.message }),
    );

  return (
    <div className="space-y-4">
      {blockedReason && <Notice tone="info">{blockedReason}</Notice>}
      <DropZone
        testId="dropzone"
        onFile={(file) => void inspect(file.name, file)}
        className="rounded-lg border-2 border-dashed p-6 text-center transition-colors"
      >
        <p className="font-medium">Drop a truststore (.pem) here</p>
        <p className="mt-1 text-sm text-slate-600" id={ids.help}>
          It is decoded and checked in your browser first; nothing is sent until you choose to
          upload.
        </p>
        <label className="mt-3 inline-block cursor-pointer rounded border border-slate-300 bg-white px-3 py-1.5 text-sm focus-within:outline-2 focus-within:outline-sky-600 hover:bg-slate-50">
          Choose a file…
          <input
            type="file"
            accept=".pem,.crt,.cer,.txt,application/x-pem-file"
            className="sr-only"
            aria-describedby={ids.help}
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void inspect(file.name, file);
              e.target.value = "";
            }}
          />
        </label>
      </DropZone>
      <details className="rounded border border-slate-200 bg-white p-3 text-sm">
        <summary className="cursor-pointer font-medium">…or paste PEM text</summary>
        <label htmlFor={ids.paste} className="sr-only">
          PEM text
        </label>
        <textarea
          id={ids.paste}
          className="mt-2 h-32 w-full rounded border border-slate-300 p-2 font-mono text-xs"
          placeholder="-----BEGIN CERTIFICATE-----"
          value={paste}
          onChange={(e) => setPaste(e.target.value)}
        />
        <Button
          tone="secondary"
          size="sm"
          className="mt-2"
          disabled={!paste.trim()}
          onClick={() => void inspect("pasted text", paste)}
        >
          Check pasted text
        </Button>
      </details>

      {checking && <p role="status">Checking…</p>}
      {candidate && (
        <CheckedCandidate
          name={candidate.name}
          report={candidate.report}
          domainName={domainName}
          hasActive={hasActive}
          activeReport={activeReport}
          blockedReason={blockedReason}
          typed={typed}
          onTyped={setTyped}
          acknowledged={acknowledged}
          onAcknowledged={setAcknowledged}
          pending={pending}
          onUpload={upload}
          onDiscard={() => setCandidate(null)}
        />
      )}

      {outcome && (
        <UploadOutcome
          outcome={outcome}
          pending={pending}
          onRetry={retryActivation}
          onEnableVersioning={enableVersioning}
        />
      )}
    </div>
  );
}
