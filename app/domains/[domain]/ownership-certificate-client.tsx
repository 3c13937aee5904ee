"use client";
import { placeLabel } from "@/lib/model/place";
import { useState } from "react";
import { listOwnershipCertificates } from "@/lib/actions/list-ownership-certificates";
import { replaceOwnershipCertificate } from "@/lib/actions/replace-ownership-certificate";
import type { OwnershipChoices } from "@/lib/domains/changes/ownership-certificate";
import { Notice } from "../../../components/notice";
import { Button } from "../../../components/ui/button";
import { ConfirmDialog } from "../../../components/ui/dialog";
import { useAction } from "../../../components/use-action";

/**
 * Set (or replace) the domain's ownership verification certificate: the
 * ACM certificates that would do are listed when the dialog opens, the
 * others with why not; the change carries the certificate the page showed.
 */
export function ReplaceOwnershipCertificate({
  domainName,
  region,
  current,
  blockedReason,
}: {
  domainName: string;
  region: string;
  current: string | null;
  blockedReason?: string;
}) {
  const [open, setOpen] = useState(false);
  const [listed, setListed] = useState<OwnershipChoices | null>(null);
  const [picked, setPicked] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const listing = useAction(listOwnershipCertificates, { refresh: false });
  const replacing = useAction(replaceOwnershipCertificate);
  const show = () => {
    setOpen(true);
    setError(null);
    setListed(null);
    setPicked("");
    listing.run({ domainName, region }, (result) => {
      if (!result.ok) return setError(result.message);
      setListed(result.data);
      setPicked(result.data.choices.find((c) => !c.problem)?.arn ?? "");
    });
  };
  const confirm = () =>
    replacing.run(
      { domainName, region, certificateArn: picked, expectedCurrent: current ?? "" },
      (result) => {
        if (!result.ok) return setError(result.message);
        setOpen(false);
        setDone(picked);
      },
    );
  return (
    <div className="space-y-2">
      {done && (
        <Notice tone="success">
          The ownership verification certificate of {domainName} is now{" "}
          <code className="font-mono break-all">{done}</code>. To undo, set the previous one again
          while it is valid.
        </Notice>
      )}
      <Button
        size="sm"
        tone="secondary"
        disabled={!!blockedReason}
        title={blockedReason}
        onClick={show}
      >
        {current ? "Replace" : "Set"} the ownership verification certificate…
      </Button>
      <ConfirmDialog
        open={open}
        title={`Ownership verification certificate of ${domainName}`}
        confirmLabel="Set this certificate"
        pending={replacing.pending}
        confirmDisabled={!picked || listing.pending}
        onConfirm={confirm}
        onClose={() => !replacing.pending && setOpen(false)}
      >
        {listing.pending && <p className="text-sm">Reading this region&apos;s ACM certificates…</p>}
        {listed && (
          <>
            <p className="text-sm">{listed.why}</p>
            {listed.choices.length === 0 ? (
              <p className="text-sm" data-testid="no-ownership-choices">
                No ACM-issued certificate in {placeLabel(region)} covers {domainName}: request one
                in ACM (DNS validation), wait until it is ISSUED, then come back.
              </p>
            ) : (
              <fieldset className="space-y-2" data-testid="ownership-choices">
                {listed.choices.every((c) => c.problem) && (
                  <p className="text-sm" data-testid="no-usable-ownership">
                    None of them can be used now: request a new ACM certificate for {domainName}{" "}
                    (DNS validation) and wait until it is ISSUED.
                  </p>
                )}
                <legend className="text-sm font-medium">ACM certificates for the name</legend>
                {listed.choices.map((c) => (
                  <label key={c.arn} className="flex items-start gap-2 text-sm">
                    <input
                      type="radio"
                      name="ownership"
                      value={c.arn}
                      disabled={!!c.problem}
                      checked={picked === c.arn}
                      onChange={() => setPicked(c.arn)}
                      className="mt-1"
                    />
                    <span>
                      <code className="font-mono text-xs break-all">{c.arn}</code>
                      {c.arn === listed.current && " (the current one)"}
                      <br />
                      {c.domainName}
                      {c.notAfter && `, valid until ${c.notAfter.slice(0, 10)}`}
                      {c.problem && <span className="text-rose-800">: {c.problem}</span>}
                    </span>
                  </label>
                ))}
              </fieldset>
            )}
          </>
        )}
        {error && (
          <p role="alert" className="text-sm text-rose-800">
            {error}
          </p>
        )}
      </ConfirmDialog>
    </div>
  );
}
