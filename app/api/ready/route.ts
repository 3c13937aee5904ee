/**
 * Readiness for load balancers (no session needed): 200 when this process
 * can act in AWS and use its store, else 503 naming the part that failed
 * (lib/records/readiness.ts). `/api/health` stays the liveness check.
 */
import { readiness } from "@/lib/records/readiness";

export const dynamic = "force-dynamic";

export async function GET() {
  const r = await readiness();
  return Response.json(
    { status: r.ready ? "ready" : "not-ready", ...r },
    { status: r.ready ? 200 : 503, headers: { "cache-control": "no-store" } },
  );
}
