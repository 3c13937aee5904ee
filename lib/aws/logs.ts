import "server-only";
/**
 * CloudWatch Logs: log groups, and Logs Insights queries run to the end.
 */
import {
  CreateLogGroupCommand,
  DescribeLogGroupsCommand,
  PutRetentionPolicyCommand,
  GetQueryResultsCommand,
  StartQueryCommand,
} from "@aws-sdk/client-cloudwatch-logs";
import { getClients } from "./config";
import { AwsFailure, awsCall } from "./errors";

export interface QueryOutcome {
  rows: Record<string, string>[];
  bytesScanned: number;
  recordsScanned: number;
}

/** `arn:aws:logs:REGION:ACCOUNT:log-group:NAME[:*]` → the group's name. */
export function logGroupName(arn: string): string | null {
  return /^arn:aws[\w-]*:logs:[a-z0-9-]+:\d{12}:log-group:([^:*]+)(:\*)?$/.exec(arn)?.[1] ?? null;
}

/** Runs a Logs Insights query over these groups and waits for it (at most ~20 s). */
export async function runInsightsQuery(
  groups: string[],
  queryString: string,
  window: { start: Date; end: Date },
  region: string,
): Promise<QueryOutcome> {
  const { logs } = await getClients(region);
  const { queryId } = await awsCall("start the Logs Insights query", () =>
    logs.send(
      new StartQueryCommand({
        logGroupNames: groups,
        queryString,
        startTime: Math.floor(window.start.getTime() / 1000),
        endTime: Math.ceil(window.end.getTime() / 1000),
        limit: 10_000,
      }),
    ),
  );
  for (let attempt = 0; attempt < 40; attempt++) {
    const res = await awsCall("read the Logs Insights results", () =>
      logs.send(new GetQueryResultsCommand({ queryId })),
    );
    if (res.status === "Complete")
      return {
        rows: (res.results ?? []).map((fields) =>
          Object.fromEntries(fields.map((f) => [f.field ?? "", f.value ?? ""])),
        ),
        bytesScanned: res.statistics?.bytesScanned ?? 0,
        recordsScanned: res.statistics?.recordsScanned ?? 0,
      };
    if (res.status && !["Scheduled", "Running"].includes(res.status))
      throw new AwsFailure(`The Logs Insights query ended ${res.status}.`, "QueryFailed");
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new AwsFailure(
    "The Logs Insights query did not finish in time.",
    "QueryTimeout",
    undefined,
    undefined,
    true,
  );
}

/**
 * Creates a log group (one that exists already is fine) and gives it
 * `retentionDays` unless it has a retention already: so a create whose
 * answer was lost and retried, or a retention that failed the first time,
 * still ends with one.
 */
export async function ensureLogGroup(
  name: string,
  region: string,
  retentionDays?: number,
): Promise<{ created: boolean; retentionDays?: number }> {
  const { logs } = await getClients(region);
  let created = true;
  try {
    await logs.send(new CreateLogGroupCommand({ logGroupName: name }));
  } catch (error) {
    if ((error as { name?: string }).name !== "ResourceAlreadyExistsException")
      await awsCall("create the log group", () => Promise.reject(error));
    created = false;
  }
  if (!retentionDays) return { created };
  const found = await awsCall("read the log group", () =>
    logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: name })),
  );
  const kept = found.logGroups?.find((g) => g.logGroupName === name)?.retentionInDays;
  if (kept) return { created, retentionDays: kept };
  await awsCall("set the log group's retention", () =>
    logs.send(
      new PutRetentionPolicyCommand({ logGroupName: name, retentionInDays: retentionDays }),
    ),
  );
  return { created, retentionDays };
}
