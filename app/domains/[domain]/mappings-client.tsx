"use client";
/**
 * Base path mappings and their REST APIs, with the warning that a REST API's
 * default execute-api endpoint lets clients bypass mutual TLS.
 */
import { regionOf } from "@/lib/model/place";
import { useState } from "react";
import { disableDefaultEndpoint } from "@/lib/actions/disable-default-endpoint";
import type { BasePathMappingView } from "@/lib/model/domain";
import { ConfirmDialog } from "../../../components/ui/dialog";
import { Notice } from "../../../components/notice";
import { useAction } from "../../../components/use-action";
import { Button } from "../../../components/ui/button";

export function Mappings({
  domainName,
  mappings,
  region,
  mtlsOn,
  canChange,
}: {
  domainName: string;
  mappings: BasePathMappingView[];
  region: string;
  /** on: the warning says clients bypass mTLS; unknown: that they would if it is on. */
  mtlsOn: boolean | "unknown";
  canChange: boolean;
}) {
  const [confirming, setConfirming] = useState<BasePathMappingView | null>(null);
  const [notice, setNotice] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const { run, pending } = useAction(disableDefaultEndpoint);
  if (mappings.length === 0)
    return <p className="text-sm text-slate-600">No REST API is mapped to this domain name.</p>;
  const disable = (m: BasePathMappingView) =>
    run({ restApiId: m.restApiId, region, domainName }, (result) => {
      setConfirming(null);
      setNotice(
        result.ok
          ? {
              tone: "success",
              text: `The default execute-api endpoint of ${result.data.api.name} is now disabled: clients must come through the custom domain.`,
            }
          : { tone: "error", text: result.message },
      );
    });
  return (
    <div className="space-y-3">
      {notice && <Notice tone={notice.tone}>{notice.text}</Notice>}
      <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
        {mappings.map((m) => (
          <li
            key={m.basePath}
            className="flex flex-wrap items-center gap-3 px-3 py-2 text-sm"
            data-testid="mapping"
          >
            <code className="font-mono">/{m.basePath === "(none)" ? "" : m.basePath}</code>
            <span>
              → {m.api?.name ?? m.restApiId}{" "}
              <span className="text-xs text-slate-500">
                ({m.restApiId}
                {m.stage ? `, stage ${m.stage}` : ""})
              </span>
            </span>
            {m.api && !m.api.disableExecuteApiEndpoint && (
              <>
                <span
                  className="rounded bg-amber-100 px-2 py-0.5 text-xs text-amber-900"
                  data-testid="default-endpoint-warning"
                >
                  {mtlsOn === "unknown"
                    ? "Default execute-api endpoint is enabled: if mutual TLS is on for this domain, clients can call it without a client certificate, bypassing mTLS."
                    : mtlsOn
                      ? "Default execute-api endpoint is enabled: clients can call it without a client certificate, bypassing mTLS."
                      : "Default execute-api endpoint is enabled."}
                </span>
                {canChange && (
                  <Button
                    tone="warning"
                    size="xs"
                    className="ml-auto"
                    onClick={() => setConfirming(m)}
                  >
                    Disable the default endpoint
                  </Button>
                )}
              </>
            )}
            {m.api?.disableExecuteApiEndpoint && (
              <span className="text-xs text-emerald-800">default endpoint disabled</span>
            )}
          </li>
        ))}
      </ul>
      <ConfirmDialog
        open={confirming !== null}
        title="Disable the default execute-api endpoint?"
        confirmLabel="Disable it"
        pending={pending}
        onConfirm={() => confirming && disable(confirming)}
        onClose={() => !pending && setConfirming(null)}
      >
        <p className="text-sm">
          Clients calling{" "}
          <code className="font-mono">
            https://{confirming?.restApiId}.execute-api.{regionOf(region)}.amazonaws.com
          </code>{" "}
          directly will get 403. Every client must then come through a custom domain (and its mutual
          TLS). Make sure none still uses the default URL.
        </p>
      </ConfirmDialog>
    </div>
  );
}
