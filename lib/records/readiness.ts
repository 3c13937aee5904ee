import "server-only";
/**
 * Readiness, as a load balancer should trust it (`/api/ready`): this
 * process can act in AWS (STS GetCallerIdentity answers) and its store is
 * usable (the audit bucket reached, a record written, read back and
 * removed, now and then), and in a fleet some account's viewer role can be
 * assumed. Checked at most every 15 s whatever the probe rate; the answer
 * names only which part failed, the details go to the server's log.
 */
import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { getBackend, getClients } from "../aws/config";
import { fleetAccounts } from "../aws/accounts";
import { placeOf } from "../model/place";
import { deleteKey, getJson, putJson, storeLocation } from "./store";

export const READINESS_CHECKS = [
  "aws-identity",
  "store-reachable",
  "store-writable",
  "account-roles",
] as const;
export type ReadinessCheck = (typeof READINESS_CHECKS)[number];

/** A fleet's accounts by whether their viewer role can be assumed. */
export interface AccountRoles {
  assumable: number;
  refused: number;
}

export interface Readiness {
  ready: boolean;
  /** In a fleet. */
  accountRoles?: AccountRoles;
  checkedAt: string;
  checks: Record<ReadinessCheck, boolean>;
  /** The first check that failed. */
  failing?: ReadinessCheck;
}

/** How long an answer is kept (MTLS_CONSOLE_READY_KEEP_MS, default 15 s). */
const keepMs = () => Number(process.env.MTLS_CONSOLE_READY_KEEP_MS) || 15_000;
/** Each process probes its own key: instances never read each other's probe. */
const PROBE_KEY = `readiness/probe-${crypto.randomUUID()}.json`;
let kept: { at: number; result: Promise<Readiness> } | undefined;

async function within<T>(ms: number, what: string, run: () => Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      run(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** A record written to the store, read back and removed. */
export async function probeStoreWrite(): Promise<void> {
  const nonce = crypto.randomUUID();
  await putJson(PROBE_KEY, { nonce, at: new Date().toISOString() });
  const back = await getJson<{ nonce: string }>(PROBE_KEY);
  if (back?.value.nonce !== nonce) throw new Error("the probe record read back differs");
  await deleteKey(PROBE_KEY);
}

/**
 * Readiness writes its probe at most every WRITE_EVERY_MS once one has
 * worked: each write is a version the store keeps (Object Lock keeps them
 * all for its retention), so a probe every 15 s would pile them up.
 */
const WRITE_EVERY_MS = 5 * 60_000;
let lastWrite = 0;

async function probeStoreWriteNowAndThen(): Promise<void> {
  if (Date.now() - lastWrite < WRITE_EVERY_MS) return;
  await probeStoreWrite();
  lastWrite = Date.now();
}

/**
 * In a fleet: each account's viewer role assumed (its identity asked in its
 * first region). One account refusing does not make the console unready (a
 * load balancer would replace every task for one member account's trust
 * policy; the overview names it): only none assumable does. The counts go
 * in the answer, who and why in the log.
 */
async function assumeEveryRole(counts: AccountRoles): Promise<void> {
  const refused: string[] = [];
  await Promise.all(
    (fleetAccounts() ?? []).map(async (account) => {
      try {
        const region = account.regions === "all" ? "us-east-1" : account.regions[0]!;
        const { sts } = await getClients(placeOf(account.id, region));
        await sts.send(new GetCallerIdentityCommand({}));
      } catch (error) {
        refused.push(`${account.label} (${account.id}): ${(error as Error).message}`);
      }
    }),
  );
  counts.refused = refused.length;
  counts.assumable = (fleetAccounts()?.length ?? 0) - refused.length;
  if (refused.length) console.error(`[ready] roles not assumable: ${refused.join("; ")}`);
  if (refused.length && !counts.assumable) throw new Error("no account's role can be assumed");
}

async function check(): Promise<Readiness> {
  const checks: Record<ReadinessCheck, boolean> = {
    "aws-identity": false,
    "store-reachable": false,
    "store-writable": false,
    "account-roles": false,
  };
  const roles: AccountRoles = { assumable: 0, refused: 0 };
  const fleet = fleetAccounts() ? { accountRoles: roles } : {};
  const steps: [ReadinessCheck, () => Promise<unknown>][] = [
    [
      "aws-identity",
      async () => {
        const backend = await getBackend();
        const { sts } = await getClients(backend.defaultRegion);
        return sts.send(new GetCallerIdentityCommand({}));
      },
    ],
    ["store-reachable", () => storeLocation()],
    ["store-writable", probeStoreWriteNowAndThen],
    ["account-roles", () => assumeEveryRole(roles)],
  ];

  for (const [name, run] of steps) {
    try {
      await within(5_000, name, run);
      checks[name] = true;
    } catch (error) {
      console.error(`[ready] ${name} failed:`, (error as Error).message);
      return { ready: false, checkedAt: new Date().toISOString(), checks, failing: name, ...fleet };
    }
  }
  return { ready: true, checkedAt: new Date().toISOString(), checks, ...fleet };
}

/** The readiness now, or as checked within the last 15 s. */
export function readiness(now = Date.now()): Promise<Readiness> {
  if (!kept || now - kept.at > keepMs()) kept = { at: now, result: check() };
  return kept.result;
}

/** For tests: forget the kept answer (and when the probe was last written). */
export function forgetReadiness(): void {
  kept = undefined;
  lastWrite = 0;
}
