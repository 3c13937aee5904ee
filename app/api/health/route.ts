/** Liveness for load balancers: the one route that needs no session. */
export function GET() {
  return Response.json({ status: "ok" });
}
