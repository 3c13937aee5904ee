/**
 * Which account a request is for, from the access key id of its SigV4
 * signature (the Authorization header's `Credential=AKID/…`, or a presigned
 * URL's X-Amz-Credential), as moto and LocalStack tell it: a key of exactly
 * 12 digits is that account; `AKIA` or `ASIA`, 12 digits and more is the
 * account of those digits (the keys AssumeRole hands out); any other key
 * (such as "test"), or none, is the default account.
 */
import type { IncomingMessage } from "node:http";
import { ACCOUNT_ID } from "./state";

export function accountOfKey(accessKeyId: string | undefined): string {
  if (!accessKeyId) return ACCOUNT_ID;
  if (/^\d{12}$/.test(accessKeyId)) return accessKeyId;
  return /^A[KS]IA(\d{12})./.exec(accessKeyId)?.[1] ?? ACCOUNT_ID;
}

export function accountOf(req: IncomingMessage): string {
  const auth = req.headers.authorization ?? "";
  const signed = /Credential=([^/,\s]+)\//.exec(auth)?.[1];
  if (signed) return accountOfKey(signed);
  const presigned = new URL(req.url ?? "/", "http://localhost").searchParams.get(
    "X-Amz-Credential",
  );
  return accountOfKey(presigned?.split("/")[0]);
}
