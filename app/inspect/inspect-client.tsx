"use client";
/**
 * Inspect any PEM without AWS: decoded view and findings in the browser; and
 * "would this client certificate be accepted by domain X?" against the
 * domain's active truststore.
 */
import { placeLabel } from "@/lib/model/place";
import { useId, useState } from "react";
import { checkClientCertificate } from "@/lib/actions/check-client-certificate";
import type { TruststoreReport } from "@/lib/truststore/types";
import type { ClientCheckResult } from "@/lib/truststore/client-check";
import { certificateAnchor } from "../../components/certificate-anchor";
import { DecodedCertificateList } from "../../components/certificate-list-client";
import { DropZone } from "../../components/drop-zone-client";
import { FindingsList } from "../../components/findings-list";
import { BackendReceives } from "./backend-receives";
import { Notice } from "../../components/notice";
import { useAction } from "../../components/use-action";
import { Button } from "../../components/ui/button";
import type { ClientRevocation } from "@/lib/domains/versions/client-check";
import { ClientRevocationLine } from "./client-revocation";

/** The decoding engine, loaded when the first file is dropped or pasted (not with the page). */
const engine = () => import("@/lib/truststore/check-input");

export function Inspect({
  domains,
  region,
  canChange,
}: {
  domains: string[];
  region: string;
  canChange: boolean;
}) {
  const ids = { text: useId(), domain: useId() };
  const [text, setText] = useState("");
  const [report, setReport] = useState<TruststoreReport | null>(null);
  const [domain, setDomain] = useState(domains[0] ?? "");
  const [client, setClient] = useState<
    | (ClientCheckResult & { truststoreVersion: string; revocation: ClientRevocation })
    | { error: string }
    | null
  >(null);
  const { run, pending } = useAction(checkClientCertificate, { refresh: false });

  async function inspect(input: string | File) {
    setClient(null);
    const { report: checked, bytes } = await (await engine()).checkInput(input);
    if (bytes && typeof input !== "string" && checked.verdict !== "error")
      setText(new TextDecoder().decode(bytes));
    setReport(checked);
  }

  const runClientCheck = () =>
    run({ domainName: domain, region, clientPem: text }, (result) =>
      setClient(result.ok ? result.data : { error: result.message }),
    );

  return (
    <div className="space-y-6">
      <DropZone
        testId="inspect-dropzone"
        onFile={(file) => void inspect(file)}
        className="space-y-2 rounded-lg border-2 border-dashed p-4"
      >
        <label htmlFor={ids.text} className="block font-medium">
          Drop a PEM file here, or paste PEM text (a truststore, or a client certificate with its
          chain)
        </label>
        <textarea
          id={ids.text}
          className="h-40 w-full rounded border border-slate-300 p-2 font-mono text-xs"
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder="-----BEGIN CERTIFICATE-----"
        />
        <div className="flex flex-wrap items-center gap-2">
          <Button
            tone="primary"
            size="sm"
            disabled={!text.trim()}
            onClick={() => void inspect(text)}
          >
            Decode and check
          </Button>
          <label className="cursor-pointer rounded border border-slate-300 px-3 py-1.5 text-sm focus-within:outline-2 focus-within:outline-sky-600">
            Choose a file…
            <input
              type="file"
              className="sr-only"
              accept=".pem,.crt,.cer,.txt"
              onChange={(e) => e.target.files?.[0] && void inspect(e.target.files[0])}
            />
          </label>
          <span className="text-xs text-slate-500">
            Decoded in your browser: nothing is sent anywhere.
          </span>
        </div>
      </DropZone>

      {report && (
        <section aria-label="Result" className="space-y-3">
          <h2 className="text-lg font-semibold">
            {report.certificates.length} certificate{report.certificates.length === 1 ? "" : "s"} ·{" "}
            <span data-testid="inspect-verdict">
              {report.verdict === "ok"
                ? "no problems found"
                : report.verdict === "warnings"
                  ? "warnings"
                  : "refused as a truststore"}
            </span>
          </h2>
          <FindingsList
            findings={report.findings}
            certificateAnchor={certificateAnchor("inspect")}
            empty="No findings."
          />
          <DecodedCertificateList
            report={report}
            anchorPrefix="inspect"
            now={Date.parse(report.evaluatedAt)}
          />
        </section>
      )}

      <section
        aria-labelledby="client-check"
        className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
      >
        <h2 id="client-check" className="text-lg font-semibold">
          Would this client certificate be accepted?
        </h2>
        {domains.length === 0 ? (
          <p className="text-sm text-slate-600">
            No domain name in {placeLabel(region)} has mutual TLS on.
          </p>
        ) : (
          <div className="flex flex-wrap items-end gap-2">
            <label
              htmlFor={ids.domain}
              className="flex max-w-full min-w-0 flex-col text-xs font-medium text-slate-600"
            >
              Domain name ({placeLabel(region)})
              <select
                id={ids.domain}
                className="mt-1 w-full max-w-full min-w-0 rounded border border-slate-300 px-2 py-1.5 text-sm text-slate-900"
                value={domain}
                onChange={(e) => setDomain(e.target.value)}
              >
                {domains.map((d) => (
                  <option key={d}>{d}</option>
                ))}
              </select>
            </label>
            <Button
              tone="primary"
              size="sm"
              disabled={!text.trim() || pending}
              onClick={runClientCheck}
            >
              {pending ? "Checking…" : "Check against its active truststore"}
            </Button>
          </div>
        )}
        <p className="text-xs text-slate-500">
          The first certificate above is the client&apos;s; any others are the intermediates it
          sends.
        </p>
        {client && "error" in client && <Notice tone="error">{client.error}</Notice>}
        {client && !("error" in client) && (
          <div data-testid="client-verdict">
            <Notice tone={client.accepted ? "success" : "error"}>
              <p className="font-semibold">
                {client.accepted
                  ? `Accepted by ${domain}`
                  : `Refused by ${domain} (API Gateway answers HTTP 403 Forbidden)`}
              </p>
              <p className="text-xs">Truststore version {client.truststoreVersion}</p>
              {client.path.length > 0 && (
                <p className="mt-1 text-xs">
                  Chain: {client.path.map((p) => `${p.subject} [${p.source}]`).join(" → ")}
                </p>
              )}
              {client.refusals.length > 0 && (
                <ul className="mt-1 ml-4 list-disc">
                  {client.refusals.map((r, i) => (
                    <li key={i}>
                      {r.message}
                      {r.awsLog && <span className="text-xs"> (execution log: “{r.awsLog}”)</span>}
                    </li>
                  ))}
                </ul>
              )}
              {client.notes.map((n, i) => (
                <p key={i} className="mt-1 text-xs">
                  {n}
                </p>
              ))}
            </Notice>
            <ClientRevocationLine
              revocation={client.revocation}
              domainName={domain}
              region={region}
              canChange={canChange}
            />
            {client.accepted && client.client && <BackendReceives client={client.client} />}
          </div>
        )}
      </section>
    </div>
  );
}
