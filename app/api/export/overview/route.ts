/**
 * The overview as a file (`?format=csv|json` and the overview's own view
 * parameters): every matching row. Signed-in users only; AWS's errors
 * never leave as they are.
 */
import { getSession } from "@/lib/auth/session";
import { overviewExport } from "@/lib/domains/views/export-view";
import { exportResponse, formatOf } from "../export-response";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  if (!(await getSession())) return Response.json({ message: "Sign in first." }, { status: 401 });
  const url = new URL(request.url);
  const format = formatOf(url);
  if (!format) return Response.json({ message: "format is csv or json." }, { status: 400 });
  return exportResponse(await overviewExport(Object.fromEntries(url.searchParams), format));
}
