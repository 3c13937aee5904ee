/**
 * GetCallerIdentity: the request's account (from its access key), its root
 * user as the caller, also for keys AssumeRole handed out (sessions are
 * not kept, so the assumed role is not named).
 */
import type { Handler } from "../route-table";
import { stsResult } from "./xml";

export const getCallerIdentity: Handler = (req, { account }) =>
  stsResult(
    req,
    "GetCallerIdentity",
    `<Arn>arn:aws:iam::${account}:root</Arn><UserId>${account}</UserId><Account>${account}</Account>`,
  );
