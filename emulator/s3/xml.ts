/**
 * S3's XML on the wire: the reply document, escaping, the error document,
 * the owner element and the date formats.
 */
import type { AwsError, Reply } from "../http";

export const OWNER =
  "<Owner><ID>75aa57f09aa0c8caeab4f8c24e99d10f8e7faeebf76c078efc7c6caea54ba06a</ID><DisplayName>emulator</DisplayName></Owner>";

export function escapeXml(value: string): string {
  return value.replace(
    /[<>&'"]/g,
    (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", "'": "&apos;", '"': "&quot;" })[c]!,
  );
}

export function xml(status: number, body: string, headers: Record<string, string> = {}): Reply {
  return {
    status,
    headers: { "content-type": "application/xml", ...headers },
    body: `<?xml version="1.0" encoding="UTF-8"?>\n${body}`,
  };
}

export function s3Error(err: AwsError, requestId: string): Reply {
  const fields = Object.entries(err.extra.fields ?? {})
    .map(([k, v]) => `<${k}>${escapeXml(v)}</${k}>`)
    .join("");
  return xml(
    err.status,
    `<Error><Code>${err.code}</Code><Message>${escapeXml(err.message)}</Message>${fields}<RequestId>${requestId}</RequestId></Error>`,
    err.extra.headers,
  );
}

export const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, ".000Z");
export const httpDate = (ms: number) => new Date(ms).toUTCString();
