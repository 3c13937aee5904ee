/**
 * The code a function's worker thread runs, as a string: the worker is
 * made with `eval: true`, so it needs no file of its own and works inside
 * a bundled server too. It loads the handler (`file.export`, the file
 * `.js`, `.cjs` or `.mjs` under the task root) on the first invocation,
 * as Lambda's Node.js runtime does, then answers each invocation message
 * with the handler's result (JSON) or its error ({errorType, errorMessage,
 * trace}). Async handlers, and callback-style ones, are both run.
 */
export const WORKER_SOURCE = String.raw`
const { parentPort, workerData } = require("node:worker_threads");
const { createRequire } = require("node:module");
const { existsSync } = require("node:fs");
const path = require("node:path");
const { pathToFileURL } = require("node:url");

function runtimeError(name, message) {
  const error = new Error(message);
  error.name = name;
  return error;
}

async function loadHandler() {
  const { taskRoot, handler } = workerData;
  const slash = handler.lastIndexOf("/");
  const dot = handler.indexOf(".", slash + 1);
  if (dot < 0)
    throw runtimeError("Runtime.MalformedHandlerName", "Bad handler " + handler + ": missing module part");
  const moduleName = handler.slice(0, dot);
  const base = path.resolve(taskRoot, moduleName);
  const file = [".js", ".mjs", ".cjs"].map((ext) => base + ext).find((f) => existsSync(f));
  if (!file)
    throw runtimeError("Runtime.ImportModuleError", "Error: Cannot find module '" + moduleName + "'");
  let loaded;
  try {
    loaded = file.endsWith(".mjs") ? await import(pathToFileURL(file).href) : createRequire(file)(file);
  } catch (error) {
    if (error && error.name && error.name !== "Error") throw error;
    throw runtimeError("Runtime.ImportModuleError", String(error && error.stack ? error.stack.split("\n")[0] : error));
  }
  let fn = loaded;
  for (const part of handler.slice(dot + 1).split(".")) fn = fn == null ? undefined : fn[part];
  if (typeof fn !== "function")
    throw runtimeError("Runtime.HandlerNotFound", handler + " is undefined or not exported");
  return fn;
}

let handlerPromise;
function handlerFunction() {
  handlerPromise ??= loadHandler().catch((error) => {
    handlerPromise = undefined;
    throw error;
  });
  return handlerPromise;
}

function errorOf(error) {
  if (error instanceof Error)
    return {
      errorType: error.name && error.name !== "Error" ? error.name : (error.constructor && error.constructor.name) || "Error",
      errorMessage: error.message,
      trace: String(error.stack || "").split("\n"),
    };
  return { errorType: typeof error === "string" ? "string" : "Error", errorMessage: String(error), trace: [] };
}

parentPort.on("message", async ({ id, event, invocation }) => {
  let settled = false;
  const finish = (message) => {
    if (settled) return;
    settled = true;
    parentPort.postMessage({ id, ...message });
  };
  const fail = (error) => finish({ ok: false, ...errorOf(error) });
  const succeed = (value) => {
    let payload;
    try {
      payload = JSON.stringify(value === undefined ? null : value);
    } catch (error) {
      return fail(error);
    }
    finish({ ok: true, payload });
  };
  try {
    const handler = await handlerFunction();
    const context = {
      ...invocation,
      callbackWaitsForEmptyEventLoop: true,
      getRemainingTimeInMillis: () => Math.max(0, invocation.deadline - Date.now()),
      succeed,
      fail,
      done: (error, value) => (error ? fail(error) : succeed(value)),
    };
    const callback = (error, value) => (error ? fail(error) : succeed(value));
    const result = handler(event, context, callback);
    if (result && typeof result.then === "function") result.then(succeed, fail);
    else if (handler.length < 3) succeed(result);
  } catch (error) {
    fail(error);
  }
});
`;
