/**
 * Where a domain lives: an AWS region, or, in a fleet (several accounts,
 * MTLS_CONSOLE_ACCOUNTS), an account's region written "ACCOUNT:REGION"
 * ("111111111111:eu-west-1"). The console passes a place wherever it passes
 * a region (URLs, action input, records, lock and cache keys), so a domain
 * of one account can never be read or changed with another's credentials;
 * only the SDK layer splits it (lib/aws/config.ts). Browser-safe.
 */

export interface Place {
  /** The fleet account, when the place names one (12 digits). */
  account?: string;
  region: string;
}

const PLACE = /^(?:(\d{12}):)?([a-z]{2}(?:-[a-z]+)+-\d{1,2})$/;

/** The place's parts; null when it is neither a region nor ACCOUNT:REGION. */
export function parsePlace(value: string): Place | null {
  const match = PLACE.exec(value);
  if (!match) return null;
  return match[1] ? { account: match[1], region: match[2]! } : { region: match[2]! };
}

export function placeOf(account: string | undefined, region: string): string {
  return account ? `${account}:${region}` : region;
}

/** The AWS region of a place (the place itself when it names no account). */
export function regionOf(place: string): string {
  return parsePlace(place)?.region ?? place;
}

/** The account a place names, if any. */
export function accountOf(place: string): string | undefined {
  return parsePlace(place)?.account;
}

/** "prod · eu-west-1" with the account's label when known, else the region alone. */
export function placeLabel(place: string, labels: Record<string, string> = {}): string {
  const parsed = parsePlace(place);
  if (!parsed?.account) return place;
  return `${labels[parsed.account] ?? parsed.account} · ${parsed.region}`;
}

/** The overview of a place: its region, or in a fleet its account and region. */
export function overviewHref(place: string): string {
  const parsed = parsePlace(place);
  return parsed?.account
    ? `/?account=${parsed.account}&in=${parsed.region}`
    : `/?region=${encodeURIComponent(place)}`;
}

/**
 * A name (a place, a domain name) as one segment of a store key: anything
 * but letters, digits and `.*_-` becomes '_' (a place's ':' too).
 */
export const keySegment = (name: string): string => name.replace(/[^A-Za-z0-9.*_-]/g, "_");

/**
 * A place back from the segment of a store key it was written into (keySegment) (':' is
 * not kept in keys: "111111111111_eu-west-1"); a region stays as it is.
 */
export function placeOfKeySegment(segment: string): string {
  return segment.replace(/^(\d{12})_/, "$1:");
}
