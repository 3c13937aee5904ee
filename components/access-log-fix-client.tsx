"use client";
/**
 * The operator's fix for a stage whose access log cannot say which clients
 * call: add the client certificate fields (creating a log group when the
 * stage has no access log), for the format the page showed.
 */
import { useState } from "react";
import { addClientCertLogging } from "@/lib/actions/add-client-cert-logging";
import { Notice } from "./notice";
import { Button } from "./ui/button";
import { useAction } from "./use-action";

export function AccessLogFix({
  domainName,
  region,
  restApiId,
  http,
  stageName,
  currentFormat,
  canChange,
}: {
  domainName: string;
  region: string;
  restApiId: string;
  /** A stage of an HTTP API. */
  http: boolean;
  stageName: string;
  currentFormat: string;
  canChange: boolean;
}) {
  const { run, pending } = useAction(addClientCertLogging);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  return (
    <div className="space-y-2">
      {canChange && (
        <Button
          tone="primary"
          size="xs"
          disabled={pending}
          onClick={() =>
            run(
              { domainName, region, restApiId, http, stageName, expectedFormat: currentFormat },
              (result) =>
                setOutcome(
                  result.ok
                    ? {
                        ok: true,
                        text: `Stage ${stageName} now logs the client certificate fields.`,
                      }
                    : { ok: false, text: result.message },
                ),
            )
          }
        >
          {pending ? "Changing the stage…" : `Add the client certificate fields to ${stageName}`}
        </Button>
      )}
      {outcome && <Notice tone={outcome.ok ? "success" : "error"}>{outcome.text}</Notice>}
    </div>
  );
}
