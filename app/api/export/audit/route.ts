/**
 * A domain's audit trail as a file (`?domain=NAME&region=PLACE&format=csv|json`):
 * its changes, then its refused attempts. Signed-in users only.
 */
import { getSession } from "@/lib/auth/session";
import { auditExport } from "@/lib/domains/views/export-view";
import { exportResponse, formatOf } from "../export-response";

export const dynamic = "force-dynamic";

const DOMAIN = /^[A-Za-z0-9*]([A-Za-z0-9.-]{0,251}[A-Za-z0-9])?$/;

export async function GET(request: Request) {
  if (!(await getSession())) return Response.json({ message: "Sign in first." }, { status: 401 });
  const url = new URL(request.url);
  const format = formatOf(url);
  const domain = url.searchParams.get("domain") ?? "";
  if (!format || !DOMAIN.test(domain))
    return Response.json(
      { message: "Name a domain (domain=NAME) and a format (format=csv or json)." },
      { status: 400 },
    );
  const region = url.searchParams.get("region") ?? undefined;
  const exported = await auditExport(domain, region, format);
  if (!exported)
    return Response.json({ message: "Not a place this console manages." }, { status: 404 });
  return exportResponse(exported);
}
