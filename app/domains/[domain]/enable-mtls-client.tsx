"use client";
/**
 * Turn mutual TLS on (again): name the truststore by its S3 URI, pick one of
 * its versions, see every prerequisite and the engine's findings on that
 * version, type the domain name, enable. Rendered in both states (at the
 * same place) so that its notice outlives the page refresh.
 */
import { TypeToConfirm } from "@/components/ui/type-to-confirm";
import { useState } from "react";
import { checkMutualTlsPrerequisites } from "@/lib/actions/check-mutual-tls-prerequisites";
import { enableMutualTls } from "@/lib/actions/enable-mutual-tls";
import type { EnableResult } from "@/lib/domains/changes/enable-mtls";
import type { EnableCheck } from "@/lib/domains/changes/enable-prerequisites";
import { FindingsList } from "../../../components/findings-list";
import { Notice } from "../../../components/notice";
import { PrerequisiteList } from "../../../components/prerequisite-list";
import { ConfirmDialog } from "../../../components/ui/dialog";
import { Button } from "../../../components/ui/button";
import { Field } from "../../../components/ui/field";
import { LabelledSelect } from "../../../components/ui/labelled-select";
import { useAction } from "../../../components/use-action";

type Failure = { message: string; fieldErrors?: Record<string, string[]> };
const said = (r: Failure) =>
  [r.message, ...Object.entries(r.fieldErrors ?? {}).map(([f, m]) => `${f}: ${m.join(" ")}`)].join(
    " ",
  );

export function EnableMtls({
  mtlsOff,
  domainName,
  region,
  blockedReason,
  lastTruststoreUri,
}: {
  /** Mutual TLS is off (and the backend reports it): the button is offered. */
  mtlsOff: boolean;
  domainName: string;
  region: string;
  blockedReason?: string;
  /** The truststore the domain had last, when the audit trail knows it: the URI starts there. */
  lastTruststoreUri?: string;
}) {
  const [open, setOpen] = useState(false);
  const [uri, setUri] = useState(lastTruststoreUri ?? "");
  const [version, setVersion] = useState("");
  const [typed, setTyped] = useState("");
  const [checked, setChecked] = useState<{ for: string; result: EnableCheck } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<EnableResult | null>(null);
  const checking = useAction(checkMutualTlsPrerequisites, { refresh: false });
  const enabling = useAction(enableMutualTls);
  const key = (u: string, v: string) => `${u.trim()}\n${v}`;
  const current = checked?.for === key(uri, version) ? checked.result : null;
  /** The versions listed for this URI stay offered while another one is picked. */
  const versions = checked?.for.startsWith(`${uri.trim()}\n`) ? checked.result.versions : [];

  const check = (truststoreVersion: string, truststoreUri = uri) =>
    checking.run(
      {
        domainName,
        region,
        truststoreUri: truststoreUri.trim(),
        ...(truststoreVersion ? { truststoreVersion } : {}),
      },
      (r) => {
        setError(r.ok ? null : said(r));
        if (r.ok) setChecked({ for: key(truststoreUri, truststoreVersion), result: r.data });
      },
    );
  const pick = (v: string) => {
    setVersion(v);
    if (v) check(v);
  };
  const enable = () =>
    enabling.run(
      {
        domainName,
        region,
        truststoreUri: uri.trim(),
        truststoreVersion: version,
        expectedState: "off",
        confirmation: typed,
      },
      (r) => {
        if (r.ok) {
          setOpen(false);
          setDone(r.data);
        } else setError(said(r));
      },
    );

  if (!mtlsOff)
    return done ? (
      <Notice tone="success">
        Mutual TLS is now on for {domainName}, pinned to version{" "}
        <code className="font-mono">{done.truststoreVersion}</code> of{" "}
        <code className="font-mono">{done.truststoreUri}</code>: API Gateway refuses clients without
        a certificate the truststore trusts.
        {done.warnings.length > 0 && ` API Gateway warned: ${done.warnings.join(" ")}`}
      </Notice>
    ) : null;
  return (
    <div>
      <Button
        tone="primary"
        size="sm"
        disabled={!!blockedReason}
        title={blockedReason}
        onClick={() => {
          setOpen(true);
          setTyped("");
          setError(null);
          // The truststore the audit trail remembers (known since a disable, too): listed at once.
          const start = uri.trim() || lastTruststoreUri || "";
          setUri(start);
          if (start && !checked) check(version, start);
        }}
      >
        Enable mutual TLS…
      </Button>
      <ConfirmDialog
        open={open}
        title={`Enable mutual TLS on ${domainName}?`}
        confirmLabel="Enable mutual TLS"
        pending={enabling.pending}
        confirmDisabled={!current?.ready || typed !== domainName || checking.pending}
        onConfirm={enable}
        onClose={() => !enabling.pending && setOpen(false)}
      >
        <p className="text-sm">
          API Gateway will ask every client for a certificate and refuse those the truststore does
          not trust: <strong>clients that call today without one stop working</strong>. The domain
          is pinned to the exact version you pick.
        </p>
        <form
          className="flex flex-wrap items-end gap-2"
          onSubmit={(e) => (e.preventDefault(), setVersion(""), check(""))}
        >
          <Field
            className="min-w-0 flex-1"
            label="Truststore S3 URI"
            hint="A PEM bundle in a versioned S3 bucket of this account and region."
            inputClassName="font-mono text-sm"
            placeholder="s3://bucket/truststore.pem"
            value={uri}
            onChange={(e) => setUri(e.target.value)}
            autoComplete="off"
            spellCheck={false}
            required
          />
          <Button type="submit" tone="secondary" disabled={checking.pending || !uri.trim()}>
            {checking.pending ? "Checking…" : "List versions"}
          </Button>
        </form>
        <LabelledSelect
          label="Truststore version"
          options={versions.map((v) => ({
            value: v.versionId,
            label: `${v.lastModified.slice(0, 16).replace("T", " ")} · ${v.versionId}`,
          }))}
          empty={
            versions.length
              ? "Pick a version…"
              : checked?.for.startsWith(`${uri.trim()}\n`)
                ? "No versions to pick (see the checks below)"
                : "List the versions first"
          }
          disabled={!versions.length || checking.pending}
          value={version}
          onChange={(e) => pick(e.target.value)}
        />
        {checking.pending && (
          <p role="status" className="text-sm text-slate-600">
            Checking the prerequisites…
          </p>
        )}
        {current && <PrerequisiteList checks={current.checks} />}
        {current && version && (
          <FindingsList
            findings={current.findings}
            empty="The engine found nothing to report on this version."
          />
        )}
        <TypeToConfirm expected={domainName} value={typed} onChange={setTyped} />
        {error && <Notice tone="error">{error}</Notice>}
      </ConfirmDialog>
    </div>
  );
}
