/**
 * A function's resource policy: AddPermission, GetPolicy, RemovePermission.
 * The statements are stored and answered as AWS writes them; the emulator
 * does not enforce them (API Gateway may invoke any function).
 */
import { AwsError, json, parseJsonBody } from "../http";
import type { Handler } from "../route-table";
import { conflict } from "./errors";
import { functionArn } from "./functions-state";
import { functionOf } from "./functions-wire";

function principalOf(principal: string): unknown {
  if (principal === "*") return "*";
  if (/^\d{12}$/.test(principal)) return { AWS: `arn:aws:iam::${principal}:root` };
  if (principal.startsWith("arn:")) return { AWS: principal };
  return { Service: principal };
}

export const addPermission: Handler = (req, ctx, params) => {
  const fn = functionOf(req, ctx, params);
  const body = parseJsonBody(req);
  const [sid, action, principal] = [body.StatementId, body.Action, body.Principal];
  if (typeof sid !== "string" || typeof action !== "string" || typeof principal !== "string")
    throw new AwsError(
      400,
      "ValidationException",
      "1 validation error detected: StatementId, Action and Principal are required",
    );
  if (body.RevisionId !== undefined && body.RevisionId !== fn.revisionId)
    throw new AwsError(
      412,
      "PreconditionFailedException",
      "The Revision Id provided does not match the latest Revision Id.",
    );
  if (fn.policy.some((s) => s.Sid === sid))
    throw conflict(
      `The statement id (${sid}) provided already exists. Please provide a new statement id, or remove the existing statement.`,
    );
  const condition: Record<string, Record<string, string>> = {};
  if (typeof body.SourceArn === "string") condition.ArnLike = { "AWS:SourceArn": body.SourceArn };
  if (typeof body.SourceAccount === "string")
    condition.StringEquals = { "AWS:SourceAccount": body.SourceAccount };
  if (typeof body.PrincipalOrgID === "string")
    condition.StringEquals = {
      ...condition.StringEquals,
      "aws:PrincipalOrgID": body.PrincipalOrgID,
    };
  const statement = {
    Sid: sid,
    Effect: "Allow",
    Principal: principalOf(principal),
    Action: action,
    Resource: functionArn(ctx.account, fn.region, fn.name),
    ...(Object.keys(condition).length > 0 ? { Condition: condition } : {}),
  };
  fn.policy.push(statement);
  fn.revisionId = crypto.randomUUID();
  return json(201, { Statement: JSON.stringify(statement) });
};

export const getPolicy: Handler = (req, ctx, params) => {
  const fn = functionOf(req, ctx, params);
  if (fn.policy.length === 0)
    throw new AwsError(
      404,
      "ResourceNotFoundException",
      "The resource you requested does not exist.",
    );
  return json(200, {
    Policy: JSON.stringify({ Version: "2012-10-17", Id: "default", Statement: fn.policy }),
    RevisionId: fn.revisionId,
  });
};

export const removePermission: Handler = (req, ctx, params) => {
  const fn = functionOf(req, ctx, params);
  const sid = decodeURIComponent(params.sid!);
  const index = fn.policy.findIndex((s) => s.Sid === sid);
  if (index < 0)
    throw new AwsError(
      404,
      "ResourceNotFoundException",
      `Statement ${sid} is not found in resource policy.`,
    );
  fn.policy.splice(index, 1);
  fn.revisionId = crypto.randomUUID();
  return { status: 204 };
};
