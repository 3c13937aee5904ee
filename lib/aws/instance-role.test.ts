/**
 * An EC2 instance role is found as the SDK's chain finds it (IMDSv2 over
 * HTTP, here a local stand-in at AWS_EC2_METADATA_SERVICE_ENDPOINT), and
 * not found where nothing answers or instance metadata is switched off.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { instanceRoleAvailable } from "./instance-role";

let server: Server | undefined;
const saved = process.env.AWS_EC2_METADATA_SERVICE_ENDPOINT;
afterEach(async () => {
  if (saved === undefined) delete process.env.AWS_EC2_METADATA_SERVICE_ENDPOINT;
  else process.env.AWS_EC2_METADATA_SERVICE_ENDPOINT = saved;
  await new Promise((r) => (server ? server.close(r) : r(undefined)));
  server = undefined;
});

/** Instance metadata that hands out a role's credentials (IMDSv2: a token first). */
async function metadata(): Promise<{ endpoint: string; asked: string[] }> {
  const asked: string[] = [];
  server = createServer((req, res) => {
    asked.push(`${req.method} ${req.url}`);
    if (req.method === "PUT" && req.url === "/latest/api/token") return res.end("token-1");
    if (req.headers["x-aws-ec2-metadata-token"] !== "token-1") return res.writeHead(401).end();
    if (/\/iam\/security-credentials(-extended)?\/$/.test(req.url ?? ""))
      return res.end("console-role");
    if (/\/iam\/security-credentials(-extended)?\/console-role$/.test(req.url ?? ""))
      return res.end(
        JSON.stringify({
          Code: "Success",
          Type: "AWS-HMAC",
          AccessKeyId: "ASIAINSTANCEROLE",
          SecretAccessKey: "secret",
          Token: "session",
          Expiration: new Date(Date.now() + 3_600_000).toISOString(),
          LastUpdated: new Date().toISOString(),
        }),
      );
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => server!.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return { endpoint: `http://127.0.0.1:${port}`, asked };
}

describe("an instance role counts as AWS configuration", () => {
  it("is found on instance metadata, with a session token", async () => {
    const { endpoint, asked } = await metadata();
    process.env.AWS_EC2_METADATA_SERVICE_ENDPOINT = endpoint;
    expect(await instanceRoleAvailable()).toBe(true);
    expect(asked[0]).toBe("PUT /latest/api/token");
  });

  it("is absent where nothing answers, or when instance metadata is switched off", async () => {
    process.env.AWS_EC2_METADATA_SERVICE_ENDPOINT = "http://127.0.0.1:9"; // nothing listens
    expect(await instanceRoleAvailable()).toBe(false);
    const { endpoint, asked } = await metadata();
    process.env.AWS_EC2_METADATA_SERVICE_ENDPOINT = endpoint;
    expect(await instanceRoleAvailable({ AWS_EC2_METADATA_DISABLED: "true" })).toBe(false);
    expect(asked).toEqual([]);
  });
});
