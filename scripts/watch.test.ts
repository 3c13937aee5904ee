/**
 * `npm run watch` as a scheduler runs it: a real process against the
 * emulator's demo data, a webhook served by the test, an SNS topic on moto
 * (delivered to an SQS queue), and the exit codes.
 */
import { createServer } from "node:http";
import {
  CreateQueueCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SQSClient,
} from "@aws-sdk/client-sqs";
import { CreateTopicCommand, SubscribeCommand } from "@aws-sdk/client-sns";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runAwsCli } from "../test-support/cli-process";
import { startTestEmulator, type TestEmulator } from "../test-support/emulator";
import { MOTO_MISSING, motoClients, startMoto, type RunningMoto } from "../test-support/moto";

let demo: TestEmulator;
let empty: TestEmulator;

const watch = (endpoint: string | null, args: string[] = [], env: Record<string, string> = {}) =>
  runAwsCli("scripts/watch.ts", args, endpoint, env);

beforeAll(async () => {
  [demo, empty] = await Promise.all([startTestEmulator({ seed: true }), startTestEmulator()]);
});
afterAll(() => Promise.all([demo.stop(), empty.stop()]));

describe("watch", () => {
  it("finds the expiring ownership certificate, intermediate and client in the demo; exit 2 for the locked domain", async () => {
    const r = await watch(demo.endpoint, ["--json"]);
    expect(r.code).toBe(2);
    const report = JSON.parse(r.stdout) as {
      at: string;
      backend: { kind: string; endpoint: string };
      findings: { domain: string; kind: string; severity: string; message: string }[];
    };
    expect(report.backend).toEqual({ kind: "endpoint", endpoint: demo.endpoint });
    expect(report.at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    const find = (domain: string, kind: string, text: string) =>
      report.findings.find(
        (f) => f.domain === domain && f.kind === kind && f.message.includes(text),
      );
    expect(find("devices.iot.example.com", "ownership-certificate", "expires on")).toBeDefined();
    expect(
      find("api.partners.example.com", "truststore", "Acme Partner Issuing CA 1"),
    ).toBeDefined();
    expect(
      find("api.partners.example.com", "client", "CN=billing-sync.acme.example"),
    ).toBeDefined();
    expect(find("secure.example.com", "status", "PENDING_OWNERSHIP_VERIFICATION")).toMatchObject({
      severity: "error",
    });
  });

  it("with no AWS configuration at all, never watches the demo: exit 4 with the reason", async () => {
    const r = await watch(null);
    expect(r.code).toBe(4);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("no AWS configuration was found");
    // Asked for explicitly, the demo is watched.
    const demoWatch = await watch(null, ["--json"], {
      MTLS_CONSOLE_BACKEND: "embedded",
      EMULATOR_PORT: "0",
    });
    expect((JSON.parse(demoWatch.stdout) as { backend: { kind: string } }).backend.kind).toBe(
      "embedded",
    );
  });

  it("nothing to report: exit 0; a bad option: exit 3", async () => {
    const r = await watch(empty.endpoint);
    expect([r.code, r.stdout]).toEqual([0, expect.stringContaining("Nothing expires or breaks")]);
    const days = await watch(empty.endpoint, ["--days", "forever"]);
    expect([days.code, days.stderr]).toEqual([3, expect.stringContaining("Usage: npm run")]);
    expect((await watch(empty.endpoint, ["--frobnicate"])).code).toBe(3);
  });

  it("AWS not reached: the region is reported unreadable, exit 4", async () => {
    const r = await watch("http://127.0.0.1:1", ["--json"]);
    expect(r.code).toBe(4);
    expect((JSON.parse(r.stdout) as { findings: unknown[] }).findings).toEqual([
      expect.objectContaining({ kind: "unreadable", unreachable: true }),
    ]);
  });

  it("a webhook that cannot be reached: the report is printed, exit 4", async () => {
    const r = await watch(empty.endpoint, ["--notify", "http://127.0.0.1:1/hooks/mtls"]);
    expect(r.code).toBe(4);
    expect(r.stdout).toContain("Nothing expires or breaks");
    expect(r.stderr).toContain("not delivered to the webhook");
  });

  it("--notify posts one Slack- and Teams-compatible message", async () => {
    const bodies: string[] = [];
    const hook = createServer((req, res) => {
      let body = "";
      req.on("data", (c: Buffer) => (body += c.toString()));
      req.on("end", () => {
        bodies.push(body);
        res.writeHead(200).end("ok");
      });
    });
    await new Promise<void>((r) => hook.listen(0, "127.0.0.1", r));
    const url = `http://127.0.0.1:${(hook.address() as { port: number }).port}/hooks/mtls`;
    const r = await watch(demo.endpoint, ["--notify", url]);
    hook.close();
    expect(r.code).toBe(2);
    expect(bodies).toHaveLength(1);
    const message = JSON.parse(bodies[0]!) as { text: string };
    expect(Object.keys(message)).toEqual(["text"]);
    expect(message.text).toMatch(/^mTLS watch: 3 errors, \d+ warnings/);
    expect(message.text).toContain("devices.iot.example.com");
  });
});

let moto: RunningMoto | null = null;
describe("watch --sns-topic", () => {
  beforeAll(async () => {
    moto = await startMoto();
    if (!moto && process.env.CI) throw new Error(MOTO_MISSING);
  });
  afterAll(() => moto?.stop());

  it("publishes the report to the topic (moto delivers it to a subscribed queue)", async (ctx) => {
    if (!moto) return ctx.skip(MOTO_MISSING);
    const clients = motoClients(moto);
    const sqs = new SQSClient({
      region: "us-east-1",
      endpoint: moto.endpoint,
      credentials: { accessKeyId: "test", secretAccessKey: "test" },
    });
    const { TopicArn } = await clients.sns.send(new CreateTopicCommand({ Name: "mtls-watch" }));
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: "mtls-watch" }));
    const { Attributes } = await sqs.send(
      new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ["QueueArn"] }),
    );
    await clients.sns.send(
      new SubscribeCommand({ TopicArn, Protocol: "sqs", Endpoint: Attributes!.QueueArn }),
    );
    const r = await watch(demo.endpoint, ["--sns-topic", TopicArn!], {
      AWS_ENDPOINT_URL_SNS: moto.endpoint,
    });
    expect(r.code).toBe(2);
    const { Messages = [] } = await sqs.send(
      new ReceiveMessageCommand({ QueueUrl, WaitTimeSeconds: 2 }),
    );
    expect(Messages).toHaveLength(1);
    const envelope = JSON.parse(Messages[0]!.Body!) as { Subject: string; Message: string };
    expect(envelope.Subject).toMatch(/^mTLS watch: 3 errors/);
    expect(envelope.Message).toContain("secure.example.com");
  });
});
