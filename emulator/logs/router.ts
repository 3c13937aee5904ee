/**
 * CloudWatch Logs (JSON 1.1, X-Amz-Target: Logs_20140328.*): what API
 * Gateway's access logs and the dashboard's "clients seen" need. A target
 * without the prefix names the operation as it is.
 */
import { AwsError } from "../http";
import { refusal, targetTable, type TargetOperation } from "../route-table";
import { getQueryResults, startQuery } from "./insights";
import * as groups from "./log-groups";

const OPERATIONS: TargetOperation[] = [
  ["CreateLogGroup", true, groups.createLogGroup],
  ["DescribeLogGroups", false, groups.describeLogGroups],
  ["PutRetentionPolicy", true, groups.putRetentionPolicy],
  ["CreateLogStream", true, groups.createLogStream],
  ["PutLogEvents", true, groups.putLogEvents],
  ["FilterLogEvents", false, groups.filterLogEvents],
  ["StartQuery", false, startQuery],
  ["GetQueryResults", false, (req) => getQueryResults(req)],
];

export const route = targetTable(/^(Logs_20140328\.)?/, OPERATIONS, (operation) =>
  refusal(
    operation || "Unknown",
    () => new AwsError(400, "UnknownOperationException", `Unknown operation ${operation}`),
  ),
);
