"use client";
/**
 * Create an mTLS domain: the form, a check of every prerequisite (each with
 * its fix) before anything is created, then the create call for exactly
 * what was checked, and where DNS must point.
 */
import Link from "next/link";
import { useMemo, useState } from "react";
import { checkDomainPrerequisites } from "@/lib/actions/check-domain-prerequisites";
import { createMtlsDomain } from "@/lib/actions/create-mtls-domain";
import type { CreatedDomain } from "@/lib/domains/create/create-domain";
import type { NewDomainChoices, PlanCheck } from "@/lib/domains/views/create-domain-view";
import { LabelledSelect } from "../../../components/ui/labelled-select";
import { Notice } from "../../../components/notice";
import { PrerequisiteList } from "../../../components/prerequisite-list";
import { Button } from "../../../components/ui/button";
import { Field } from "../../../components/ui/field";
import { useAction } from "../../../components/use-action";

export function CreateDomain({ region, choices }: { region: string; choices: NewDomainChoices }) {
  const [plan, setPlan] = useState({
    domainName: "",
    certificateArn: "",
    ownershipCertificateArn: "",
    truststoreUri: "",
    truststoreVersion: "",
    pem: "",
    restApiId: "",
    stage: "",
    basePath: "",
  });
  const [checked, setChecked] = useState<{ for: string; result: PlanCheck } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<CreatedDomain | null>(null);
  const checking = useAction(checkDomainPrerequisites, { refresh: false });
  const creating = useAction(createMtlsDomain, { refresh: false });
  const set = (key: keyof typeof plan) => (e: { target: { value: string } }) =>
    setPlan({ ...plan, [key]: e.target.value });
  const input = useMemo(() => {
    const out: Record<string, string> = { region };
    for (const [k, v] of Object.entries(plan)) if (v.trim()) out[k] = k === "pem" ? v : v.trim();
    return out as Parameters<typeof createMtlsDomain>[0];
  }, [plan, region]);
  const key = JSON.stringify(input);
  const current = checked?.for === key ? checked.result : null;
  const api = choices.apis.find((a) => a.id === plan.restApiId);

  const failed = (r: { message: string; fieldErrors?: Record<string, string[]> }) =>
    [
      r.message,
      ...Object.entries(r.fieldErrors ?? {}).map(([f, m]) => `${f}: ${m.join(" ")}`),
    ].join(" ");
  const check = () =>
    checking.run(input, (r) => {
      setError(r.ok ? null : failed(r));
      if (r.ok) setChecked({ for: key, result: r.data });
    });
  const create = () =>
    creating.run(input, (r) => {
      setError(r.ok ? null : failed(r));
      if (r.ok) setCreated(r.data);
    });

  if (created)
    return (
      <div className="space-y-3" data-testid="created">
        <Notice tone="success">
          <p className="font-semibold">
            {created.domainName} was created with mutual TLS, pinned to truststore version{" "}
            <code className="font-mono">{created.truststoreVersion}</code>.
          </p>
          {created.dnsTarget && (
            <p className="mt-1">
              Point DNS at it: a CNAME (or an alias A record
              {created.hostedZoneId ? ` in hosted zone ${created.hostedZoneId}` : ""}) from{" "}
              <code className="font-mono">{created.domainName}</code> to{" "}
              <code className="font-mono" data-testid="dns-target">
                {created.dnsTarget}
              </code>
              .
            </p>
          )}
        </Notice>
        {created.mappingProblem && <Notice tone="error">{created.mappingProblem}</Notice>}
        <Link
          className="text-sky-800 underline"
          href={`/domains/${encodeURIComponent(created.domainName)}?region=${region}`}
        >
          Open {created.domainName}
        </Link>
      </div>
    );

  const certificates = choices.certificates.map((c) => ({ value: c.arn, label: c.label }));
  const owners = choices.certificates
    .filter((c) => c.type === "AMAZON_ISSUED")
    .map((c) => ({ value: c.arn, label: c.label }));
  return (
    <form className="space-y-5" onSubmit={(e) => (e.preventDefault(), check())}>
      <div className="grid gap-4 md:grid-cols-2">
        <Field
          label="Domain name"
          value={plan.domainName}
          onChange={set("domainName")}
          placeholder="api.example.com"
          required
        />
        <p className="self-end text-sm text-slate-600">
          REGIONAL endpoint, TLS_1_2: what mutual TLS requires.
        </p>
        <LabelledSelect
          label="Server certificate (ACM)"
          options={certificates}
          empty="Pick a certificate…"
          value={plan.certificateArn}
          onChange={set("certificateArn")}
        />
        <LabelledSelect
          label="Ownership verification certificate"
          options={owners}
          empty="None (needed for imported or private CA certificates)"
          value={plan.ownershipCertificateArn}
          onChange={set("ownershipCertificateArn")}
        />
        <Field
          label="Truststore S3 URI"
          value={plan.truststoreUri}
          onChange={set("truststoreUri")}
          placeholder="s3://bucket/truststore.pem"
          inputClassName="font-mono text-sm"
          required
        />
        <LabelledSelect
          label="Truststore version"
          options={(current?.versions ?? []).map((v) => ({
            value: v.versionId,
            label: `${v.lastModified.slice(0, 16).replace("T", " ")} · ${v.versionId.slice(0, 12)}…`,
          }))}
          empty={current?.versions.length ? "Pick a version…" : "Check first to list the versions"}
          value={plan.truststoreVersion}
          onChange={set("truststoreVersion")}
        />
      </div>
      <label className="flex flex-col gap-1 text-sm font-medium">
        Or paste a PEM truststore to upload as a new version
        <textarea
          className="h-24 rounded border border-slate-300 p-2 font-mono text-xs"
          value={plan.pem}
          onChange={set("pem")}
          spellCheck={false}
        />
      </label>
      <div className="grid gap-4 md:grid-cols-3">
        <LabelledSelect
          label="API to map (optional)"
          options={choices.apis.map((a) => ({
            value: a.id,
            label: `${a.name} (${a.type} API ${a.id})`,
          }))}
          empty="None"
          value={plan.restApiId}
          onChange={set("restApiId")}
        />
        <LabelledSelect
          label="Stage"
          options={(api?.stages ?? []).map((s) => ({ value: s, label: s }))}
          empty={api ? "Pick a stage…" : "Pick an API first"}
          value={plan.stage}
          onChange={set("stage")}
        />
        <Field
          label="Base path"
          value={plan.basePath}
          onChange={set("basePath")}
          placeholder="(none)"
        />
      </div>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" tone="secondary" disabled={checking.pending}>
          {checking.pending ? "Checking…" : "Check prerequisites"}
        </Button>
        <Button
          tone="primary"
          disabled={!current?.ready || creating.pending}
          onClick={create}
          title={current?.ready ? undefined : "Check the prerequisites first: every one must pass."}
        >
          {creating.pending ? "Creating…" : "Create the domain"}
        </Button>
      </div>
      {error && <Notice tone="error">{error}</Notice>}
      {current && <PrerequisiteList checks={current.checks} />}
      {checked && !current && (
        <p className="text-sm text-slate-600">The form changed since the check: check again.</p>
      )}
    </form>
  );
}
