/**
 * STS, as much as the dashboard uses: GetCallerIdentity (query protocol,
 * XML), so the console can name its own account (the request's, from its
 * access key) as the audit bucket's expected owner.
 */
import { AwsError, type EmulatorRequest, type Reply, type Route } from "./http";

const XMLNS = "https://sts.amazonaws.com/doc/2011-06-15/";

export function route(req: EmulatorRequest): Route | null {
  const params = new URLSearchParams(
    req.method === "POST" ? req.body.toString("utf8") : req.url.search,
  );
  const action = params.get("Action");
  if (action !== "GetCallerIdentity") return null;
  return {
    operation: "GetCallerIdentity",
    mutates: false,
    run: ({ account }): Reply => ({
      status: 200,
      headers: { "content-type": "text/xml" },
      body: `<GetCallerIdentityResponse xmlns="${XMLNS}"><GetCallerIdentityResult><Arn>arn:aws:iam::${account}:root</Arn><UserId>${account}</UserId><Account>${account}</Account></GetCallerIdentityResult><ResponseMetadata><RequestId>${req.requestId}</RequestId></ResponseMetadata></GetCallerIdentityResponse>`,
    }),
  };
}

/** STS's query-protocol error document. */
export function stsError(err: AwsError, requestId: string, headers: Record<string, string>): Reply {
  const type = err.status >= 500 ? "Receiver" : "Sender";
  return {
    status: err.status,
    headers: { ...headers, "content-type": "text/xml" },
    body: `<ErrorResponse xmlns="${XMLNS}"><Error><Type>${type}</Type><Code>${err.code}</Code><Message>${err.message}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`,
  };
}
