import "server-only";
/**
 * The regions the dashboard will talk to: the AWS SDK's own list of known
 * regions (S3's location constraints, plus us-east-1), or AWS_REGIONS (a
 * comma-separated allowlist) when set, plus the backend's default region.
 * A region comes from the URL and from action input; only these ever build
 * SDK clients, so a made-up name cannot grow the client cache.
 */
import { BucketLocationConstraint } from "@aws-sdk/client-s3";
import { parsePlace, placeOf } from "../model/place";
import { fleetAccounts, type FleetAccount } from "./accounts";

const REGION_NAME = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;

function sdkRegions(): string[] {
  return [
    "us-east-1",
    ...Object.values(BucketLocationConstraint).filter((r) => REGION_NAME.test(r)),
  ];
}

let cached: { key: string; regions: Set<string> } | undefined;

export function knownRegions(env: Record<string, string | undefined> = process.env): Set<string> {
  const key = `${env.AWS_REGIONS ?? ""}|${env.AWS_REGION ?? ""}|${env.AWS_DEFAULT_REGION ?? ""}`;
  if (cached?.key === key) return cached.regions;
  const allowlist = (env.AWS_REGIONS ?? "")
    .split(",")
    .map((r) => r.trim())
    .filter((r) => REGION_NAME.test(r));
  const regions = new Set(allowlist.length ? allowlist : sdkRegions());
  for (const r of [env.AWS_REGION, env.AWS_DEFAULT_REGION])
    if (r && REGION_NAME.test(r)) regions.add(r);
  cached = { key, regions };
  return regions;
}

/**
 * A place (lib/model/place.ts) the dashboard will act in, as asked for by a
 * URL, an action or a CLI: a known region when it manages its own account;
 * in a fleet, ACCOUNT:REGION for a listed account and one of its regions.
 */
export function isKnownRegion(value: unknown): value is string {
  if (typeof value !== "string") return false;
  const place = parsePlace(value);
  if (!place) return false;
  const fleet = fleetAccounts();
  if (!fleet) return !place.account && knownRegions().has(place.region);
  const account = place.account && fleet.find((a) => a.id === place.account);
  return Boolean(account && accountHasRegion(account, place.region));
}

/** Whether a fleet account may be acted in there: a region it lists, any known one for "all". */
export function accountHasRegion(account: FleetAccount, region: string): boolean {
  return account.regions === "all" ? knownRegions().has(region) : account.regions.includes(region);
}

/**
 * The fleet's first place (the default a page shows), or null without a
 * fleet: its first account's first region ("all": the SDK's default region).
 */
export function firstFleetPlace(defaultRegion: string): string | null {
  const first = fleetAccounts()?.[0];
  if (!first) return null;
  return placeOf(first.id, first.regions === "all" ? defaultRegion : first.regions[0]!);
}
