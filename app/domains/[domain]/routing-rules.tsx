import type { DomainDetail } from "@/lib/domains/views/detail";

const MODE_WORDS: Record<string, string> = {
  BASE_PATH_MAPPING_ONLY: "base path mappings only",
  ROUTING_RULE_ONLY: "routing rules only: the base path mappings below are not used",
  ROUTING_RULE_THEN_BASE_PATH_MAPPING:
    "routing rules first, then the base path mappings for requests no rule matches",
};

/** The domain's routing mode and, where it routes by rules, its rules in priority order. */
export function RoutingRules({ detail }: { detail: DomainDetail }) {
  const { domain, routingRules } = detail;
  if (!domain.routingMode) return null;
  return (
    <div className="space-y-2" data-testid="routing-rules">
      <p className="text-sm">
        Routing mode <code className="font-mono">{domain.routingMode}</code>:{" "}
        {MODE_WORDS[domain.routingMode] ?? "as API Gateway reports it"}.
      </p>
      {routingRules && !routingRules.ok && (
        <p className="text-sm text-rose-800">
          The routing rules could not be read: {routingRules.message}
        </p>
      )}
      {routingRules?.ok &&
        (routingRules.value.length === 0 ? (
          <p className="text-sm text-slate-600">No routing rule yet.</p>
        ) : (
          <ol
            className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white text-sm"
            aria-label="Routing rules"
          >
            {routingRules.value.map((r) => (
              <li key={r.id} className="px-3 py-2" data-testid="routing-rule">
                <span className="font-mono text-xs text-slate-500">#{r.priority}</span>{" "}
                {r.basePaths.length > 0 && (
                  <>
                    base path{" "}
                    {r.basePaths.map((p) => (
                      <code key={p} className="mr-1 font-mono">
                        /{p}
                      </code>
                    ))}
                  </>
                )}
                {r.headers.map((h) => (
                  <span key={`${h.header}:${h.valueGlob}`} className="mr-1">
                    header <code className="font-mono">{h.header}</code> ~{" "}
                    <code className="font-mono">{h.valueGlob}</code>
                  </span>
                ))}{" "}
                → REST API {r.apiId}, stage {r.stage}
                {r.stripBasePath && (
                  <span className="text-xs text-slate-500"> (base path stripped)</span>
                )}
              </li>
            ))}
          </ol>
        ))}
    </div>
  );
}
