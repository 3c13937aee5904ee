"use client";
/**
 * The overview's API type cell: the kinds of API mapped to the domain. The
 * row carries them when the view filtered by type; otherwise they stream in
 * after the table (one call per shown domain, on the server) and fill the
 * cells once the page is live (useStreamedTypes).
 */
import { useEffect, useState } from "react";
import type { ApiKind, ApiTypes } from "@/lib/model/overview-row";

const WORDS: Record<ApiKind, string> = { REST: "REST", HTTP: "HTTP", WEBSOCKET: "WebSocket" };

/** "read 4 minutes ago": API types are kept up to 15 minutes (lib/domains/overview/api-types.ts). */
function age(readAt: number | undefined, now: number): string {
  if (readAt === undefined) return "";
  const minutes = Math.max(0, Math.round((now - readAt) / 60_000));
  return minutes < 1 ? "read just now" : `read ${minutes} minute${minutes === 1 ? "" : "s"} ago`;
}

function ApiTypesLabel({ types, now }: { types: ApiTypes | undefined; now: number }) {
  if (!types) return <span className="text-xs text-slate-400">not read</span>;
  if ("unknown" in types)
    return (
      <span className="text-xs text-amber-800" title={types.unknown} data-testid="api-types">
        unknown
        <span className="sr-only">: {types.unknown}</span>
      </span>
    );
  const read = age(types.readAt, now);
  const title = read ? `${read} from its API mappings (kept up to 15 minutes)` : undefined;
  if (!types.kinds.length)
    return (
      <span className="text-xs text-slate-500" data-testid="api-types" title={title}>
        none mapped
        {read && <span className="sr-only">, {read}</span>}
      </span>
    );
  return (
    <span className="flex flex-wrap gap-1" data-testid="api-types" title={title}>
      {types.kinds.map((k) => (
        <span
          key={k}
          className="rounded bg-slate-100 px-1.5 py-0.5 text-xs font-medium text-slate-700"
        >
          {WORDS[k]}
        </span>
      ))}
      {read && <span className="sr-only">, {read}</span>}
    </span>
  );
}

/**
 * The types once the page's one promise of them settles (null until then):
 * read once for the table in the browser, not behind a Suspense boundary
 * per cell (a hundred boundaries streamed a hundred hidden copies and
 * scripts into the HTML).
 */
export function useStreamedTypes(
  streamed: Promise<Record<string, ApiTypes>>,
  wanted: boolean,
): Record<string, ApiTypes> | null {
  const [all, setAll] = useState<Record<string, ApiTypes> | null>(null);
  useEffect(() => {
    if (!wanted) return;
    let live = true;
    streamed.then(
      (value) => live && setAll(value),
      () => live && setAll({}),
    );
    return () => {
      live = false;
    };
  }, [streamed, wanted]);
  return all;
}

export function ApiTypeCell({
  types,
  now,
}: {
  /** "reading": the page's streamed types have not come yet. */
  types: ApiTypes | undefined | "reading";
  /** When the page was read: the types' age is told from it. */
  now: number;
}) {
  if (types === "reading") return <span className="text-xs text-slate-400">reading…</span>;
  return <ApiTypesLabel types={types} now={now} />;
}
