/**
 * AssumeRole: temporary credentials in the role's account. The access key
 * is `ASIA` + the role's 12-digit account + 4 random characters, so the
 * requests signed with it land in that account (../account-of.ts). Roles
 * are not kept: any well-formed role ARN can be assumed, ExternalId is
 * accepted and not checked, and the session is not remembered (a refusal
 * is an injected fault: `accessDenied`). The parameters are checked as
 * STS checks them, with its ValidationError messages.
 */
import { createHash, randomBytes } from "node:crypto";
import { AwsError } from "../http";
import type { Handler } from "../route-table";
import { rememberSession } from "./sessions";
import { stsResult } from "./xml";

/** arn:PARTITION:iam::ACCOUNT:role/[PATH/]NAME → partition, account, name. */
const ROLE_ARN = /^arn:(aws[\w-]*):iam::(\d{12}):role\/(?:[\w+=,.@-]+\/)*([\w+=,.@-]{1,64})$/;
const SESSION_NAME = /^[\w+=,.@-]*$/;
const EXTERNAL_ID = /^[\w+=,.@:/-]*$/;
const UPPER_ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

const validationError = (message: string) => new AwsError(400, "ValidationError", message);

/** STS's "N validation errors detected: …" for the constraints a request breaks. */
function checkConstraints(params: Record<string, string>): void {
  const broken: string[] = [];
  const value = (v: string | undefined) => (v === undefined ? "null" : `'${v}'`);
  const check = (
    field: string,
    v: string | undefined,
    rules: { required?: boolean; min?: number; max?: number; pattern?: [RegExp, string] },
  ) => {
    const fail = (constraint: string) =>
      broken.push(
        `Value ${value(v)} at '${field}' failed to satisfy constraint: Member must ${constraint}`,
      );
    if (v === undefined) {
      if (rules.required) fail("not be null");
      return;
    }
    if (rules.min !== undefined && v.length < rules.min)
      fail(`have length greater than or equal to ${rules.min}`);
    if (rules.max !== undefined && v.length > rules.max)
      fail(`have length less than or equal to ${rules.max}`);
    if (rules.pattern && !rules.pattern[0].test(v))
      fail(`satisfy regular expression pattern: ${rules.pattern[1]}`);
  };
  check("roleArn", params.RoleArn, { required: true, min: 20, max: 2048 });
  check("roleSessionName", params.RoleSessionName, {
    required: true,
    min: 2,
    max: 64,
    pattern: [SESSION_NAME, "[\\w+=,.@-]*"],
  });
  check("externalId", params.ExternalId, {
    min: 2,
    max: 1224,
    pattern: [EXTERNAL_ID, "[\\w+=,.@:\\/-]*"],
  });
  const duration = params.DurationSeconds;
  if (duration !== undefined) {
    const seconds = Number(duration);
    const fail = (constraint: string) =>
      broken.push(
        `Value '${duration}' at 'durationSeconds' failed to satisfy constraint: Member must ${constraint}`,
      );
    if (!Number.isInteger(seconds)) fail("be an integer");
    else if (seconds < 900) fail("have value greater than or equal to 900");
    else if (seconds > 43200) fail("have value less than or equal to 43200");
  }
  if (broken.length > 0)
    throw validationError(
      `${broken.length} validation error${broken.length > 1 ? "s" : ""} detected: ${broken.join("; ")}`,
    );
}

const randomUpper = (length: number) =>
  Array.from(randomBytes(length), (b) => UPPER_ALPHANUMERIC[b % UPPER_ALPHANUMERIC.length]).join(
    "",
  );

/** A role's unique id as AWS shows it (AROA + 17 characters), the same for the same role. */
function roleId(roleArn: string): string {
  const digest = createHash("sha256").update(roleArn).digest();
  return `AROA${Array.from(digest.subarray(0, 17), (b) => UPPER_ALPHANUMERIC[b % UPPER_ALPHANUMERIC.length]).join("")}`;
}

/** ISO 8601 without milliseconds, as STS writes Expiration. */
const isoSeconds = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");

export const assumeRole: Handler = (req, ctx, params) => {
  checkConstraints(params);
  const roleArn = params.RoleArn!;
  const role = ROLE_ARN.exec(roleArn);
  if (!role) throw validationError(`${roleArn} is invalid`);
  const [, partition, account, roleName] = role;
  const session = params.RoleSessionName!;
  const seconds = params.DurationSeconds === undefined ? 3600 : Number(params.DurationSeconds);
  const accessKeyId = `ASIA${account}${randomUpper(4)}`;
  const assumedArn = `arn:${partition}:sts::${account}:assumed-role/${roleName}/${session}`;
  rememberSession(accessKeyId, { arn: assumedArn, userId: `${roleId(roleArn)}:${session}` });
  const credentials =
    `<AccessKeyId>${accessKeyId}</AccessKeyId>` +
    `<SecretAccessKey>${randomBytes(30).toString("base64")}</SecretAccessKey>` +
    `<SessionToken>${randomBytes(192).toString("base64")}</SessionToken>` +
    `<Expiration>${isoSeconds(ctx.now() + seconds * 1000)}</Expiration>`;
  const user =
    `<AssumedRoleId>${roleId(roleArn)}:${session}</AssumedRoleId>` + `<Arn>${assumedArn}</Arn>`;
  return stsResult(
    req,
    "AssumeRole",
    `<Credentials>${credentials}</Credentials><AssumedRoleUser>${user}</AssumedRoleUser>`,
  );
};
