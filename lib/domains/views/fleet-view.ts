import "server-only";
/**
 * The fleet as pages see it: its accounts (id, label, regions: never the
 * role ARNs or external ids; "all" resolved to the regions enabled there)
 * and the overview's account and region filters from the URL, parsed
 * strictly. Null when the console manages one account.
 */
import { fleetAccounts } from "../../aws/accounts";
import { fleetPlacesNow } from "../../aws/enabled-regions";
import { accountOf, placeOf, regionOf } from "../../model/place";
import type { FleetChoices, PlaceFailure } from "../../model/overview-query";

export type { FleetAccountChoice, FleetChoices } from "../../model/overview-query";

type Params = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export interface FleetView {
  choices: FleetChoices;
  /** Accounts listed with "all" whose enabled regions could not be read. */
  failures: PlaceFailure[];
}

export async function fleetChoices(params: Params = {}): Promise<FleetView | null> {
  const fleet = fleetAccounts();
  if (!fleet) return null;
  // One reading of the accounts' regions ("all" listed, failures named), as the overview's places.
  const now = (await fleetPlacesNow(fleet))!;
  const failures = now.failures;
  const accounts = fleet.map((a) => ({
    id: a.id,
    label: a.label,
    regions: now.places.filter((p) => accountOf(p) === a.id).map(regionOf),
  }));
  const regions = [...new Set(accounts.flatMap((a) => a.regions))].sort();
  const account = one(params.account);
  const region = one(params.in);
  const choices: FleetChoices = {
    accounts,
    regions,
    ...(account && accounts.some((a) => a.id === account) ? { account } : {}),
    ...(region && regions.includes(region) ? { region } : {}),
  };
  const shown = failures.filter(
    (f) => !choices.account || f.place.startsWith(`${choices.account}:`),
  );
  return { choices, failures: shown };
}

/** The places the overview reads for these filters, in the accounts file's order. */
export function fleetPlacesOf(choices: FleetChoices): string[] {
  return choices.accounts
    .filter((a) => !choices.account || a.id === choices.account)
    .flatMap((a) =>
      a.regions.filter((r) => !choices.region || r === choices.region).map((r) => placeOf(a.id, r)),
    );
}

/** Account labels by id, for naming places ("prod · eu-west-1"). */
export function accountLabels(): Record<string, string> {
  return Object.fromEntries((fleetAccounts() ?? []).map((a) => [a.id, a.label]));
}
