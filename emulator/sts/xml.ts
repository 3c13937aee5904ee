/**
 * STS's XML on the wire (the query protocol's answers): an action's result
 * document and the error document.
 */
import type { AwsError, EmulatorRequest, Reply } from "../http";
import { escapeXml } from "../s3/xml";

const XMLNS = "https://sts.amazonaws.com/doc/2011-06-15/";

/** An action's answer: `<ActionResponse><ActionResult>…</ActionResult><ResponseMetadata>…`. */
export function stsResult(req: EmulatorRequest, action: string, result: string): Reply {
  return {
    status: 200,
    headers: { "content-type": "text/xml" },
    body: `<${action}Response xmlns="${XMLNS}"><${action}Result>${result}</${action}Result><ResponseMetadata><RequestId>${req.requestId}</RequestId></ResponseMetadata></${action}Response>`,
  };
}

/** STS's query-protocol error document. */
export function stsError(err: AwsError, requestId: string, headers: Record<string, string>): Reply {
  const type = err.status >= 500 ? "Receiver" : "Sender";
  return {
    status: err.status,
    headers: { ...headers, "content-type": "text/xml" },
    body: `<ErrorResponse xmlns="${XMLNS}"><Error><Type>${type}</Type><Code>${err.code}</Code><Message>${escapeXml(err.message)}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`,
  };
}
