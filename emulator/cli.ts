/**
 * `npm run emulator`: the local AWS emulator on 127.0.0.1:4566 with demo data.
 *   --port N          listen on N (0 = any free port)
 *   --state FILE      keep the state in FILE across restarts
 *   --empty           start without demo data
 *   --compat localstack   behave like LocalStack 4.x (no mTLS fields, UpdateDomainName 501)
 *   --updating-ms N   how long a domain stays UPDATING after an update (default 2000)
 *   --data-port N     the data plane's TLS port (default 4443, 0 = any free port)
 */
import "reflect-metadata";
import { parseArgs } from "node:util";
import { startEmulator } from "./server";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: process.env.EMULATOR_PORT ?? "4566" },
    host: { type: "string", default: "127.0.0.1" },
    state: { type: "string", default: process.env.EMULATOR_STATE },
    empty: { type: "boolean", default: false },
    compat: { type: "string", default: "aws" },
    "updating-ms": { type: "string", default: "2000" },
    "issue-delay-ms": { type: "string", default: "5000" },
    "data-port": { type: "string", default: process.env.EMULATOR_DATA_PORT ?? "4443" },
  },
});

function whole(name: string, value: string | undefined, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > max) {
    console.error(`--${name} wants a whole number from 0 to ${max}, not "${value}"`);
    process.exit(2);
  }
  return n;
}

if (values.compat !== "aws" && values.compat !== "localstack") {
  console.error(`--compat is "aws" or "localstack", not "${values.compat}"`);
  process.exit(2);
}

const started = performance.now();
try {
  const emulator = await startEmulator({
    port: whole("port", values.port, 65535),
    host: values.host,
    seed: !values.empty,
    stateFile: values.state,
    compat: values.compat,
    updatingMs: whole("updating-ms", values["updating-ms"], 600_000),
    issueDelayMs: whole("issue-delay-ms", values["issue-delay-ms"], 600_000),
    dataPort: whole("data-port", values["data-port"], 65535),
    log: (message) => console.log(message),
  });
  const domains = Object.keys(emulator.state.domains).length;
  console.log(`mTLS Console AWS emulator listening on ${emulator.endpoint} (${domains} domain names, ready in ${Math.round(performance.now() - started)} ms${values.compat === "localstack" ? ", LocalStack compatibility mode" : ""})
Use it with:
  export AWS_ENDPOINT_URL=${emulator.endpoint}
  export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_REGION=us-east-1
  aws --endpoint-url ${emulator.endpoint} apigateway get-domain-names
Data plane (mTLS, by SNI): https://127.0.0.1:${emulator.dataPlanePort}, its CA at ${emulator.endpoint}/_emulator/ca.pem, e.g.
  curl --cacert ca.pem --cert client.pem --key client.key --resolve api.partners.example.com:${emulator.dataPlanePort}:127.0.0.1 https://api.partners.example.com:${emulator.dataPlanePort}/
Control endpoints: ${emulator.endpoint}/_emulator/health (reset, seed, requests, faults, clock, domains/NAME/status)`);
  const stop = () => void emulator.stop().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
} catch (error) {
  const e = error as NodeJS.ErrnoException;
  console.error(
    e.code === "EADDRINUSE"
      ? `Port ${values.port} is in use: stop what runs there or pass --port 0 for any free port.`
      : `The emulator could not start: ${e.message}`,
  );
  process.exit(1);
}
