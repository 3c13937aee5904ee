import { ErrorPanel } from "@/components/error-panel";
import type { TruststoreRef } from "@/lib/domains/views/detail";

/**
 * Where the backend does not report a domain's mutual TLS: open its
 * truststore by S3 URI, to see its versions, decode and diff them. A plain
 * GET form: the URI is in the page's URL, so the view can be shared.
 */
export function OpenTruststoreForm({
  domainName,
  region,
  opened,
}: {
  domainName: string;
  region: string;
  opened?: TruststoreRef;
}) {
  return (
    <div className="space-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm">
      <form
        method="get"
        action={`/domains/${encodeURIComponent(domainName)}`}
        className="flex flex-wrap items-end gap-2"
      >
        <input type="hidden" name="region" value={region} />
        <label className="flex min-w-72 flex-1 flex-col gap-1">
          <span className="font-medium">Open a truststore by its S3 URI</span>
          <input
            name="truststore"
            type="text"
            required
            maxLength={1100}
            defaultValue={opened?.uri ?? ""}
            placeholder="s3://bucket-name/truststore.pem"
            className="rounded border border-slate-300 px-2 py-1 font-mono text-xs"
          />
        </label>
        <button
          type="submit"
          className="rounded bg-sky-700 px-3 py-1.5 font-medium text-white hover:bg-sky-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-700"
        >
          Open
        </button>
      </form>
      <p className="text-xs text-slate-600">
        Its S3 versions, decoded and checked, with diffs between them: read-only, since this backend
        cannot say which version the domain uses.
      </p>
      {opened?.problem && (
        <ErrorPanel title="That truststore cannot be opened" message={opened.problem} />
      )}
      {opened?.location && (
        <p className="text-xs text-slate-700" data-testid="opened-truststore">
          Showing <code className="font-mono break-all">{opened.uri}</code>: its newest version
          stands in for the active one below.
        </p>
      )}
    </div>
  );
}
