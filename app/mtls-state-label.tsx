import type { MtlsDomain } from "@/lib/model/domain";

/** The overview's word for a domain without mutual TLS settings: off, unknown or not available. */
export function MtlsStateLabel({
  domain,
}: {
  domain: Pick<MtlsDomain, "mtlsState" | "endpointType">;
}) {
  switch (domain.mtlsState) {
    case "unknown":
      return (
        <span
          className="text-amber-800"
          data-testid="mtls-unknown"
          title="This backend does not report mutual TLS: it may be on."
        >
          unknown
          <span className="block text-slate-500">not reported</span>
        </span>
      );
    case "unavailable":
      return (
        <span
          className="text-slate-500"
          title="API Gateway supports mutual TLS on REGIONAL domain names only."
        >
          not available
          <span className="block">({domain.endpointType})</span>
        </span>
      );
    default:
      return <span className="text-slate-500">off</span>;
  }
}
