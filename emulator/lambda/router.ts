/**
 * Lambda (REST-JSON, /2015-03-31/…): functions from zip files, their
 * configuration and resource policy, and Invoke, run by ./invoke.ts.
 */
import { routeTable, type Operation } from "../route-table";
import * as functions from "./functions-wire";
import { invoke } from "./invocations-wire";
import { addPermission, getPolicy, removePermission } from "./permissions";

export { lambdaErrorReply } from "./errors";
export { stopFunctionWorkers } from "./function-workers";

const FUNCTIONS = "/2015-03-31/functions";

const OPERATIONS: Operation[] = [
  ["POST", FUNCTIONS, "CreateFunction", true, functions.createFunction],
  ["GET", FUNCTIONS, "ListFunctions", false, functions.listFunctions],
  ["GET", `${FUNCTIONS}/{name}`, "GetFunction", false, functions.getFunction],
  ["DELETE", `${FUNCTIONS}/{name}`, "DeleteFunction", true, functions.deleteFunction],
  [
    "GET",
    `${FUNCTIONS}/{name}/configuration`,
    "GetFunctionConfiguration",
    false,
    functions.getFunctionConfiguration,
  ],
  [
    "PUT",
    `${FUNCTIONS}/{name}/configuration`,
    "UpdateFunctionConfiguration",
    true,
    functions.updateFunctionConfiguration,
  ],
  ["PUT", `${FUNCTIONS}/{name}/code`, "UpdateFunctionCode", true, functions.updateFunctionCode],
  ["POST", `${FUNCTIONS}/{name}/policy`, "AddPermission", true, addPermission],
  ["GET", `${FUNCTIONS}/{name}/policy`, "GetPolicy", false, getPolicy],
  ["DELETE", `${FUNCTIONS}/{name}/policy/{sid}`, "RemovePermission", true, removePermission],
  ["POST", `${FUNCTIONS}/{name}/invocations`, "Invoke", false, invoke],
];

export const route = routeTable(OPERATIONS);
