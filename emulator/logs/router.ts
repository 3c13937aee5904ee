/**
 * CloudWatch Logs (JSON 1.1, X-Amz-Target: Logs_20140328.*): what API
 * Gateway's access logs and the dashboard's "clients seen" need.
 */
import {
  AwsError,
  header,
  type Context,
  type EmulatorRequest,
  type Reply,
  type Route,
} from "../http";
import * as groups from "./log-groups";
import { getQueryResults, startQuery } from "./insights";

const OPERATIONS: Record<
  string,
  [mutates: boolean, run: (req: EmulatorRequest, ctx: Context) => Reply]
> = {
  CreateLogGroup: [true, groups.createLogGroup],
  DescribeLogGroups: [false, groups.describeLogGroups],
  PutRetentionPolicy: [true, groups.putRetentionPolicy],
  CreateLogStream: [true, groups.createLogStream],
  PutLogEvents: [true, groups.putLogEvents],
  FilterLogEvents: [false, groups.filterLogEvents],
  StartQuery: [false, startQuery],
  GetQueryResults: [false, (req) => getQueryResults(req)],
};

export function route(req: EmulatorRequest): Route | null {
  const target = header(req, "x-amz-target") ?? "";
  const operation = target.replace(/^Logs_20140328\./, "");
  const found = OPERATIONS[operation];
  if (!found)
    return {
      operation: operation || "Unknown",
      mutates: false,
      run: () => {
        throw new AwsError(400, "UnknownOperationException", `Unknown operation ${operation}`);
      },
    };
  const [mutates, run] = found;
  return { operation, mutates, run: (ctx) => run(req, ctx) };
}
