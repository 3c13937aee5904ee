import "server-only";
/**
 * A fleet account's regions: those the accounts file lists, or for "all"
 * every region the account has enabled, as its Account Management API
 * tells (ListRegions, ENABLED and ENABLED_BY_DEFAULT, through its viewer
 * role), kept an hour; only regions this dashboard knows count. And the
 * fleet's places now: every account's regions, each account that cannot
 * tell its regions named apart.
 */
import { paginateListRegions } from "@aws-sdk/client-account";
import { placeOf } from "../model/place";
import { fleetAccounts, type FleetAccount } from "./accounts";
import { getClients } from "./config";
import { AwsFailure, toAwsFailure } from "./errors";
import { knownRegions } from "./regions";

const KEEP_MS = 60 * 60_000;
/** Account Management is a global service, answered in us-east-1. */
const ACCOUNT_API_REGION = "us-east-1";
const kept = new Map<string, { at: number; regions: Promise<string[]> }>();

async function listEnabled(account: FleetAccount): Promise<string[]> {
  const { account: api } = await getClients(placeOf(account.id, ACCOUNT_API_REGION));
  const known = knownRegions();
  const regions: string[] = [];
  try {
    for await (const page of paginateListRegions(
      { client: api, pageSize: 50 },
      { RegionOptStatusContains: ["ENABLED", "ENABLED_BY_DEFAULT"] },
    ))
      for (const r of page.Regions ?? [])
        if (r.RegionName && known.has(r.RegionName)) regions.push(r.RegionName);
  } catch (error) {
    throw error instanceof AwsFailure
      ? error
      : toAwsFailure(error, `list the regions enabled in ${account.label} (${account.id})`);
  }
  return regions.sort();
}

/** The account's regions: listed, or (for "all") enabled, kept an hour; a failed listing is not kept. */
export function regionsOf(account: FleetAccount, now = Date.now()): Promise<string[]> {
  if (account.regions !== "all") return Promise.resolve(account.regions);
  const hit = kept.get(account.id);
  if (hit && now - hit.at < KEEP_MS) return hit.regions;
  const regions = listEnabled(account);
  kept.set(account.id, { at: now, regions });
  regions.catch(() => kept.get(account.id)?.regions === regions && kept.delete(account.id));
  return regions;
}

export interface FleetPlaces {
  places: string[];
  /** Accounts whose regions could not be listed: by their Account API place, with why. */
  failures: { place: string; message: string }[];
}

/** Every place of the fleet now (null without a fleet), in the accounts file's order. */
export async function fleetPlacesNow(
  accounts: FleetAccount[] | null = fleetAccounts(),
): Promise<FleetPlaces | null> {
  if (!accounts) return null;
  const listed = await Promise.all(
    accounts.map(async (a) => {
      try {
        return { places: (await regionsOf(a)).map((r) => placeOf(a.id, r)) };
      } catch (error) {
        const message =
          error instanceof AwsFailure
            ? error.message
            : "Could not list its regions: an unexpected error.";
        return { failure: { place: placeOf(a.id, ACCOUNT_API_REGION), message } };
      }
    }),
  );
  return {
    places: listed.flatMap((l) => l.places ?? []),
    failures: listed.flatMap((l) => (l.failure ? [l.failure] : [])),
  };
}
