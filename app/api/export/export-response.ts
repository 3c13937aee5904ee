/** A download, or the fixed message of a read that failed (503). */
import type { ExportFile, ExportFormat } from "@/lib/domains/views/export-view";
import type { Loaded } from "@/lib/domains/views/page-views";

export function formatOf(url: URL): ExportFormat | null {
  const format = url.searchParams.get("format") ?? "csv";
  return format === "csv" || format === "json" ? format : null;
}

export function exportResponse(exported: Loaded<ExportFile>): Response {
  if (!exported.ok) return Response.json({ message: exported.message }, { status: 503 });
  const { name, type, body } = exported.value;
  return new Response(body, {
    headers: {
      "content-type": type,
      "content-disposition": `attachment; filename="${name.replace(/[^A-Za-z0-9._-]/g, "_")}"`,
      "cache-control": "no-store",
    },
  });
}
