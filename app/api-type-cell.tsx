"use client";
/**
 * The overview's API type cell: the kinds of API mapped to the domain. The
 * row carries them when the view filtered by type; otherwise they stream in
 * after the table (one call per shown domain, on the server).
 */
import { Suspense, use } from "react";
import type { ApiKind, ApiTypes } from "@/lib/model/overview-row";

const WORDS: Record<ApiKind, string> = { REST: "REST", HTTP: "HTTP", WEBSOCKET: "WebSocket" };

function ApiTypesLabel({ types }: { types: ApiTypes | undefined }) {
  if (!types) return <span className="text-xs text-slate-400">not read</span>;
  if ("unknown" in types)
    return (
      <span className="text-xs text-amber-800" title={types.unknown} data-testid="api-types">
        unknown
        <span className="sr-only">: {types.unknown}</span>
      </span>
    );
  if (!types.kinds.length)
    return (
      <span className="text-xs text-slate-500" data-testid="api-types">
        none mapped
      </span>
    );
  return (
    <span className="flex flex-wrap gap-1" data-testid="api-types">
      {types.kinds.map((k) => (
        <span
          key={k}
          className="rounded bg-slate-100 px-1.5 py-0.5 text-xs font-medium text-slate-700"
        >
          {WORDS[k]}
        </span>
      ))}
    </span>
  );
}

function Streamed({ name, all }: { name: string; all: Promise<Record<string, ApiTypes>> }) {
  return <ApiTypesLabel types={use(all)[name]} />;
}

export function ApiTypeCell({
  name,
  known,
  streamed,
}: {
  name: string;
  known: ApiTypes | undefined;
  streamed: Promise<Record<string, ApiTypes>>;
}) {
  if (known) return <ApiTypesLabel types={known} />;
  return (
    <Suspense fallback={<span className="text-xs text-slate-400">reading…</span>}>
      <Streamed name={name} all={streamed} />
    </Suspense>
  );
}
