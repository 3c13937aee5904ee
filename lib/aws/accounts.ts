import "server-only";
/**
 * The fleet: the AWS accounts one console manages (MTLS_CONSOLE_ACCOUNTS,
 * a file path or the JSON itself). Each account names its regions, a role
 * the console reads with and a separate role it changes with (both assumed
 * with the account's external id, lib/aws/assumed-roles.ts). Without the
 * variable the console manages the one account its own credentials are in,
 * as before. A wrong file stops the server at start (instrumentation.ts),
 * never half-loads.
 */
import { readFileSync } from "node:fs";
import { z } from "zod";

const REGION = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;
const ROLE_ARN = /^arn:aws[\w-]*:iam::(\d{12}):role\/[\w+=,.@/-]{1,512}$/;

const roleArn = z.string().regex(ROLE_ARN, "Not an IAM role ARN (arn:aws:iam::ACCOUNT:role/NAME).");

const accountSchema = z
  .object({
    id: z.string().regex(/^\d{12}$/, "An account id is 12 digits."),
    label: z.string().min(1).max(64),
    viewerRoleArn: roleArn,
    operatorRoleArn: roleArn,
    externalId: z
      .string()
      .min(2)
      .max(1224)
      .regex(/^[\w+=,.@:/-]+$/)
      .optional(),
    /** Its regions, or "all": every region the account has enabled (Account ListRegions). */
    regions: z.union([
      z.array(z.string().regex(REGION, "Not an AWS region name.")).min(1).max(40),
      z.literal("all"),
    ]),
  })
  .strict()
  .refine(
    (a) => [a.viewerRoleArn, a.operatorRoleArn].every((arn) => ROLE_ARN.exec(arn)?.[1] === a.id),
    { message: "Both roles must be in the account they are listed under." },
  );

const fleetSchema = z
  .object({ accounts: z.array(accountSchema).min(1).max(200) })
  .strict()
  .refine((f) => new Set(f.accounts.map((a) => a.id)).size === f.accounts.length, {
    message: "An account is listed twice.",
  });

export type FleetAccount = z.infer<typeof accountSchema>;

export class FleetConfigError extends Error {}

type Env = Record<string, string | undefined>;

/** Parses the accounts file's text; throws FleetConfigError naming what is wrong. */
export function parseFleet(text: string, source = "MTLS_CONSOLE_ACCOUNTS"): FleetAccount[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new FleetConfigError(`${source} is not JSON.`);
  }
  const parsed = fleetSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const at = issue.path.length ? ` at ${issue.path.join(".")}` : "";
    throw new FleetConfigError(`${source}${at}: ${issue.message}`);
  }
  return parsed.data.accounts;
}

let cached: { key: string; accounts: FleetAccount[] | null } | undefined;

/** The fleet's accounts, or null when the console manages only its own account. */
export function fleetAccounts(env: Env = process.env): FleetAccount[] | null {
  const value = env.MTLS_CONSOLE_ACCOUNTS?.trim() ?? "";
  if (cached?.key === value) return cached.accounts;
  let accounts: FleetAccount[] | null = null;
  if (value) {
    let text = value;
    if (!value.startsWith("{")) {
      try {
        text = readFileSync(/* turbopackIgnore: true */ value, "utf8");
      } catch (error) {
        throw new FleetConfigError(
          `MTLS_CONSOLE_ACCOUNTS names ${value}, which cannot be read (${(error as NodeJS.ErrnoException).code ?? "error"}).`,
        );
      }
    }
    accounts = parseFleet(text, value.startsWith("{") ? "MTLS_CONSOLE_ACCOUNTS" : value);
  }
  cached = { key: value, accounts };
  return accounts;
}

/** The fleet account with this id, if the fleet lists it. */
export function fleetAccount(id: string, env: Env = process.env): FleetAccount | undefined {
  return fleetAccounts(env)?.find((a) => a.id === id);
}
