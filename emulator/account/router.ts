/**
 * The AWS Account Management API (REST-JSON), as much as the console uses:
 * ListRegions, so a fleet account listed with "regions": "all" is read in
 * every region it has enabled. Every account has the regions enabled by
 * default, none of the opt-in ones (as a new account has).
 */
import { AwsError, json, type EmulatorRequest, type Route } from "../http";
import { routeTable, type Handler } from "../route-table";

/** Regions enabled in every account (ENABLED_BY_DEFAULT), and some that need opting in. */
export const DEFAULT_REGIONS = [
  "ap-northeast-1",
  "ap-northeast-2",
  "ap-northeast-3",
  "ap-south-1",
  "ap-southeast-1",
  "ap-southeast-2",
  "ca-central-1",
  "eu-central-1",
  "eu-north-1",
  "eu-west-1",
  "eu-west-2",
  "eu-west-3",
  "sa-east-1",
  "us-east-1",
  "us-east-2",
  "us-west-1",
  "us-west-2",
];
const OPT_IN_REGIONS = ["af-south-1", "ap-east-1", "eu-south-1", "me-south-1"];
const STATUSES = ["ENABLED", "ENABLING", "DISABLING", "DISABLED", "ENABLED_BY_DEFAULT"];

const listRegions: Handler = (req) => {
  const body = req.body.length
    ? (JSON.parse(req.body.toString("utf8")) as Record<string, unknown>)
    : {};
  const wanted = (body.RegionOptStatusContains as string[] | undefined) ?? [];
  if (!Array.isArray(wanted) || wanted.some((s) => !STATUSES.includes(s)))
    throw new AwsError(400, "ValidationException", "Invalid RegionOptStatusContains.");
  const max = body.MaxResults === undefined ? 20 : Number(body.MaxResults);
  if (!Number.isInteger(max) || max < 1 || max > 50)
    throw new AwsError(400, "ValidationException", "MaxResults must be between 1 and 50.");
  const all = [
    ...DEFAULT_REGIONS.map((r) => ({ RegionName: r, RegionOptStatus: "ENABLED_BY_DEFAULT" })),
    ...OPT_IN_REGIONS.map((r) => ({ RegionName: r, RegionOptStatus: "DISABLED" })),
  ]
    .filter((r) => !wanted.length || wanted.includes(r.RegionOptStatus))
    .sort((a, b) => a.RegionName.localeCompare(b.RegionName));
  const start = body.NextToken === undefined ? 0 : Number(body.NextToken);
  if (!Number.isInteger(start) || start < 0 || start > all.length)
    throw new AwsError(400, "ValidationException", "Invalid NextToken.");
  const page = all.slice(start, start + max);
  return json(200, {
    Regions: page,
    ...(start + max < all.length ? { NextToken: String(start + max) } : {}),
  });
};

export const route: (req: EmulatorRequest) => Route | null = routeTable([
  ["POST", "/listRegions", "ListRegions", false, listRegions],
]);
