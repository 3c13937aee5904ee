import { ErrorPanel } from "@/components/error-panel";
import { Mappings } from "@/app/domains/[domain]/mappings-client";
import type { DomainDetail } from "@/lib/domains/views/detail";
import { RoutingRules } from "./routing-rules";
import { Section } from "./section";

/** The routing mode and rules, base path mappings, with the default-endpoint bypass and its fix. */
export function MappingsSection({
  detail,
  region,
  canChange,
}: {
  detail: DomainDetail;
  region: string;
  canChange: boolean;
}) {
  return (
    <Section title="Base path mappings" id="mappings">
      <RoutingRules detail={detail} />
      {detail.mappings.ok ? (
        <Mappings
          domainName={detail.domain.domainName}
          mappings={detail.mappings.value}
          region={region}
          mtlsOn={detail.domain.mtlsState === "unknown" ? "unknown" : !!detail.domain.mtls}
          canChange={canChange}
        />
      ) : (
        <ErrorPanel
          title="The base path mappings could not be read"
          message={detail.mappings.message}
        />
      )}
      {detail.httpMappings.ok && detail.httpMappings.value.length > 0 && (
        <ul
          className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white text-sm"
          aria-label="HTTP API mappings"
        >
          {detail.httpMappings.value.map((m) => (
            <li key={m.key} className="px-3 py-2" data-testid="http-mapping">
              <code className="font-mono">/{m.key}</code> → {m.httpApiName ?? m.apiId}{" "}
              <span className="text-xs text-slate-500">
                (HTTP API {m.apiId}, stage {m.stage})
              </span>{" "}
              <span className="rounded bg-violet-100 px-1.5 py-0.5 text-xs text-violet-900">
                HTTP API
              </span>
            </li>
          ))}
          <li className="px-3 py-2 text-xs text-slate-600">
            The same custom domain serves REST and HTTP APIs. Where API Gateway v2 differs: HTTP
            APIs use TLS 1.2 only, and v2 reports no PENDING or FAILED status (the status above is
            v1&apos;s).
          </li>
        </ul>
      )}
      {!detail.httpMappings.ok && (
        <p className="text-xs text-slate-500">
          HTTP API mappings (API Gateway v2) could not be read: {detail.httpMappings.message}
        </p>
      )}
    </Section>
  );
}
