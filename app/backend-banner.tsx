import type { BackendInfo } from "@/lib/domains/views/backend";

/** Says on every page which AWS the dashboard is talking to. */
export function BackendBanner({ backend, demoUser }: { backend: BackendInfo; demoUser?: string }) {
  if (backend.kind === "embedded") {
    return (
      <div
        role="status"
        data-testid="backend-banner"
        className="border-b border-amber-300 bg-amber-50 px-4 py-2 text-sm text-amber-900"
      >
        <div className="mx-auto max-w-7xl">
          <strong className="font-semibold">Demo mode.</strong> No AWS configuration was found, so
          the dashboard runs an embedded AWS emulator with demo data at{" "}
          <code className="font-mono">{backend.endpoint}</code>. Nothing here touches a real AWS
          account. Set <code className="font-mono">AWS_PROFILE</code> (or keys) to use AWS.
          {backend.dataPlanePort && (
            <>
              {" "}
              Its domains answer over mutual TLS at{" "}
              <code className="font-mono" data-testid="data-plane">
                https://127.0.0.1:{backend.dataPlanePort}
              </code>{" "}
              (by name: <code className="font-mono">curl --resolve</code>; the server CA is at{" "}
              <code className="font-mono">{backend.endpoint}/_emulator/ca.pem</code>).
            </>
          )}
          {demoUser && (
            <>
              {" "}
              You are signed in automatically as <strong>{demoUser}</strong> (operator).
            </>
          )}
        </div>
      </div>
    );
  }
  if (backend.kind === "endpoint") {
    return (
      <div
        role="status"
        data-testid="backend-banner"
        className="border-b border-sky-200 bg-sky-50 px-4 py-2 text-sm text-sky-900"
      >
        <div className="mx-auto max-w-7xl">
          Using the AWS endpoint <code className="font-mono">{backend.endpoint}</code>{" "}
          (AWS_ENDPOINT_URL), region <code className="font-mono">{backend.defaultRegion}</code>
          {backend.detected && (
            <>
              : <strong data-testid="backend-detected">{backend.detected.label}</strong>
            </>
          )}
          .
          {backend.detected && backend.detected.gaps.length > 0 && (
            <details className="mt-1">
              <summary className="cursor-pointer">
                What {backend.detected.label} cannot do ({backend.detected.gaps.length})
              </summary>
              <ul className="mt-1 list-disc pl-5 text-xs">
                {backend.detected.gaps.map((g) => (
                  <li key={g}>{g}</li>
                ))}
              </ul>
            </details>
          )}
        </div>
      </div>
    );
  }
  return null;
}
