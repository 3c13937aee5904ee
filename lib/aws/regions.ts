import "server-only";
/**
 * The regions the dashboard will talk to: the AWS SDK's own list of known
 * regions (S3's location constraints, plus us-east-1), or AWS_REGIONS (a
 * comma-separated allowlist) when set, plus the backend's default region.
 * A region comes from the URL and from action input; only these ever build
 * SDK clients, so a made-up name cannot grow the client cache.
 */
import { BucketLocationConstraint } from "@aws-sdk/client-s3";

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

export function isKnownRegion(value: unknown): value is string {
  return typeof value === "string" && knownRegions().has(value);
}
