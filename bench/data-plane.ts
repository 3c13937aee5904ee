/**
 * The emulator's data plane: mTLS requests a second, each on a new TLS
 * connection (a full handshake with a client certificate, judged against a
 * 5-certificate truststore); and the "clients seen" Logs Insights query
 * over the demo's week of access logs.
 */
import { request } from "node:https";
import { GetQueryResultsCommand, StartQueryCommand } from "@aws-sdk/client-cloudwatch-logs";
import { startTestEmulator } from "../test-support/emulator";
import { fixed, table } from "./measure";

export async function benchDataPlane(): Promise<string> {
  const t = await startTestEmulator({ seed: true, dataPort: 0 });
  const port = t.emulator.dataPlanePort!;
  const ca = await (await fetch(`${t.endpoint}/_emulator/ca.pem`)).text();
  const pem = await (await fetch(`${t.endpoint}/_emulator/demo-clients/sensor-0017.pem`)).text();
  const once = () =>
    new Promise<number>((resolve, reject) => {
      const req = request(
        {
          host: "127.0.0.1",
          port,
          servername: "api.partners.example.com",
          path: "/orders/1",
          ca,
          cert: pem,
          key: pem,
          agent: false,
        },
        (res) => {
          res.resume();
          res.on("end", () => resolve(res.statusCode ?? 0));
        },
      );
      req.on("error", reject);
      req.end();
    });
  await once();
  const total = 200;
  const start = performance.now();
  for (let i = 0; i < total; i += 4) {
    const codes = await Promise.all([once(), once(), once(), once()]);
    if (codes.some((c) => c !== 200)) throw new Error(`expected 200, got ${codes.join(",")}`);
  }
  const rps = total / ((performance.now() - start) / 1000);

  const { logs } = t.clients();
  const now = Math.floor(Date.now() / 1000);
  const q0 = performance.now();
  const { queryId } = await logs.send(
    new StartQueryCommand({
      logGroupName: "/aws/apigateway/partners-api/access",
      startTime: now - 7 * 86_400,
      endTime: now,
      queryString:
        "fields clientCertSubjectDN | filter ispresent(clientCertSerialNumber) | stats count(*) as requests, max(@timestamp) as lastSeen by clientCertSubjectDN, clientCertIssuerDN, clientCertSerialNumber, clientCertNotAfter | sort requests desc",
    }),
  );
  const result = await logs.send(new GetQueryResultsCommand({ queryId }));
  const queryMs = performance.now() - q0;
  await t.stop();
  return table(
    ["measure", "value"],
    [
      ["mTLS requests, a new TLS handshake each (4 concurrent)", `${fixed(rps)} req/s`],
      [
        `clients seen query (${result.statistics?.recordsScanned} events, ${result.results?.length} clients)`,
        `${fixed(queryMs)} ms, ${fixed((result.statistics?.bytesScanned ?? 0) / 1024)} KB scanned`,
      ],
    ],
  );
}
