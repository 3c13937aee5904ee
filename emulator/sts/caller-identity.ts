/**
 * GetCallerIdentity: the request's account (from its access key); the
 * caller is the role session for keys AssumeRole handed out
 * (./sessions.ts), else the account's root user.
 */
import type { Handler } from "../route-table";
import { sessionOf } from "./sessions";
import { stsResult } from "./xml";

export const getCallerIdentity: Handler = (req, { account }) => {
  const session = sessionOf(req);
  return stsResult(
    req,
    "GetCallerIdentity",
    `<Arn>${session?.arn ?? `arn:aws:iam::${account}:root`}</Arn><UserId>${session?.userId ?? account}</UserId><Account>${account}</Account>`,
  );
};
