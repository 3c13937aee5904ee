import "server-only";
/**
 * The fleet as pages see it: its accounts (id, label, regions: never the
 * role ARNs or external ids) and the overview's account and region filters
 * from the URL, parsed strictly. Null when the console manages one account.
 */
import { fleetAccounts } from "../../aws/accounts";
import { placeOf } from "../../model/place";
import type { FleetChoices } from "../../model/overview-query";

export type { FleetAccountChoice, FleetChoices } from "../../model/overview-query";

type Params = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export function fleetChoices(params: Params = {}): FleetChoices | null {
  const fleet = fleetAccounts();
  if (!fleet) return null;
  const accounts = fleet.map(({ id, label, regions }) => ({ id, label, regions }));
  const regions = [...new Set(accounts.flatMap((a) => a.regions))].sort();
  const account = one(params.account);
  const region = one(params.in);
  return {
    accounts,
    regions,
    ...(account && accounts.some((a) => a.id === account) ? { account } : {}),
    ...(region && regions.includes(region) ? { region } : {}),
  };
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
