/**
 * For the Lambda suites: deployment packages made on the spot (a zip of
 * handler sources), the SDK's Lambda client pointed at a test emulator,
 * and a function created from sources in one call.
 */
import { CreateFunctionCommand, LambdaClient } from "@aws-sdk/client-lambda";
import { strToU8, zipSync } from "fflate";
import { ACCOUNT_ID } from "../state";

export const ROLE = `arn:aws:iam::${ACCOUNT_ID}:role/lambda-test`;

/** A zip of the given files (name → source). */
export const zipOf = (files: Record<string, string>): Uint8Array =>
  zipSync(Object.fromEntries(Object.entries(files).map(([name, src]) => [name, strToU8(src)])));

export function lambdaClient(endpoint: string, region = "us-east-1"): LambdaClient {
  return new LambdaClient({
    endpoint,
    region,
    credentials: { accessKeyId: "test", secretAccessKey: "test" },
    maxAttempts: 1,
  });
}

/** Handlers (CommonJS index.js) the suites run. */
export const HANDLERS = {
  echo: `exports.handler = async (event, context) => ({
    event,
    env: process.env,
    requestId: context.awsRequestId,
    remaining: context.getRemainingTimeInMillis(),
  });`,
  throws: `exports.handler = async () => { throw new TypeError("the revocation list is unreadable"); };`,
  sleeps: `exports.handler = () => new Promise((resolve) => setTimeout(() => resolve("late"), 1500));`,
  counter: `let count = 0;
  exports.handler = async () => ({ count: ++count, marker: process.env.MARKER ?? null });`,
  exits: `let count = 0;
  exports.handler = async (event) => {
    count++;
    if (event.exit) process.exit(3);
    return { count };
  };`,
  callback: `exports.handler = (event, context, callback) => {
    setTimeout(() => callback(null, { doubled: event.n * 2 }), 10);
  };`,
  s3Reader: `const { S3Client, GetObjectCommand } = require(process.env.S3_CLIENT_MODULE);
  const s3 = new S3Client({});
  exports.handler = async (event) => {
    const object = await s3.send(new GetObjectCommand({ Bucket: event.bucket, Key: event.key }));
    return { body: await object.Body.transformToString() };
  };`,
};

export async function createFunction(
  client: LambdaClient,
  name: string,
  source: string,
  extra: { Timeout?: number; Environment?: { Variables: Record<string, string> } } = {},
) {
  return client.send(
    new CreateFunctionCommand({
      FunctionName: name,
      Runtime: "nodejs22.x",
      Role: ROLE,
      Handler: "index.handler",
      Code: { ZipFile: zipOf({ "index.js": source }) },
      ...extra,
    }),
  );
}

/** The JSON a function answered Invoke with. */
export const payloadOf = (payload: Uint8Array | undefined): unknown =>
  JSON.parse(Buffer.from(payload ?? new Uint8Array()).toString("utf8"));
