/**
 * A week of synthetic traffic through the data plane's own pipeline
 * (../dataplane/serve.ts, without sockets, at past times): partner clients
 * of several CAs call api.partners.example.com, one whose certificate
 * expires in 9 days, one that is refused. The partners stage logs the
 * client certificate fields; the IoT stage has no access log and billing's
 * log lacks them, so the demo shows both notices and their fix.
 */
import { RECOMMENDED_FORMAT } from "../../lib/model/access-log-format";
import { issue, makeKeys } from "../../lib/pki/generate";
import { pkcs8Pem } from "../dataplane/local-ca";
import { serveRequest } from "../dataplane/serve";
import type { Context } from "../http";
import { ACCOUNT_ID, stageKey } from "../state";
import type { DemoPki } from "./demo-pki";
import { DAY, DEMO_REGION } from "./helpers";

function logTo(ctx: Context, restApiId: string, stage: string, group: string, format: string) {
  const s = ctx.state.stages[stageKey(DEMO_REGION, restApiId, stage)];
  if (!s) return;
  s.accessLogSettings = {
    destinationArn: `arn:aws:logs:${DEMO_REGION}:${ACCOUNT_ID}:log-group:${group}`,
    format,
  };
}

export async function demoTraffic(
  ctx: Context,
  now: number,
  pki: DemoPki,
  apis: { partners: string; billing: string },
) {
  logTo(ctx, apis.partners, "prod", "/aws/apigateway/partners-api/access", RECOMMENDED_FORMAT);
  logTo(
    ctx,
    apis.billing,
    "prod",
    "/aws/apigateway/billing-api/access",
    '$context.identity.sourceIp - - [$context.requestTime] "$context.httpMethod $context.path" $context.status $context.requestId',
  );
  const keys = await makeKeys({ ec: "P-256" }, "demo-client");
  const at = (days: number) => new Date(now + days * DAY);
  const client = (subject: string, issuer: (typeof pki)[keyof DemoPki], notAfterDays = 300) =>
    issue({ subject, issuer, ca: false, keys, notBefore: at(-60), notAfter: at(notAfterDays) });
  const stranger = await issue({ subject: "CN=Unknown Partner CA, O=Nobody" });
  const callers = [
    {
      cert: await client("CN=orders-gateway.acme.example, O=Acme Corp", pki.acmeIssuing),
      perDay: 40,
    },
    {
      cert: await client("CN=billing-sync.acme.example, O=Acme Corp", pki.acmeIssuing, 9),
      perDay: 12,
    },
    { cert: await client("CN=reports.acme.example, O=Acme Corp", pki.acmeIssuing), perDay: 3 },
    { cert: await client("CN=sensor-0017, OU=Fleet, O=Globex", pki.globexDevices), perDay: 24 },
    { cert: await client("CN=sensor-0042, OU=Fleet, O=Globex", pki.globexDevices), perDay: 18 },
    {
      cert: await client("CN=legacy-batch.initech.example, O=Initech", pki.initechLegacy),
      perDay: 2,
    },
    { cert: await client("CN=curious-client, O=Nobody", stranger), perDay: 1 },
  ];
  const keyPem = await pkcs8Pem(keys);
  for (const { cert } of callers) {
    const name = /CN=([^,.]+)/.exec(cert.subject)![1]!;
    ctx.root.demoClients[name] = `${cert.pem}\n${keyPem}`;
  }
  for (const { cert, perDay } of callers) {
    const total = perDay * 7;
    for (let i = 0; i < total; i++) {
      await serveRequest(ctx, {
        host: "api.partners.example.com",
        method: i % 5 === 0 ? "POST" : "GET",
        path: `/orders/${1000 + i}`,
        clientChain: [cert.pem],
        sourceIp: `198.51.100.${(i % 200) + 1}`,
        // Spread over the last 7 days, the newest a few minutes ago.
        at: now - 5 * 60_000 - Math.floor(((i + 0.5) / total) * 7 * DAY),
        verdictMs: DAY,
      });
    }
  }
}
