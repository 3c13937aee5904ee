/**
 * Backend detection over real HTTP: our emulator (both modes), moto_server,
 * a server nobody knows, nothing at all, and a port that fetch refuses.
 */
import { createServer, type Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "../../test-support/emulator";
import { MOTO_MISSING, startMoto, type RunningMoto } from "../../test-support/moto";
import { detectBackend, isAwsHost } from "./capabilities";

let full: TestEmulator;
let compat: TestEmulator;
let moto: RunningMoto | null;
let stranger: Server;
let strangerEndpoint: string;

beforeAll(async () => {
  [full, compat, moto] = await Promise.all([
    startTestEmulator(),
    startTestEmulator({ compat: "localstack" }),
    startMoto(),
  ]);
  if (!moto && process.env.CI) throw new Error(MOTO_MISSING);
  stranger = createServer((_req, res) => res.writeHead(404).end("nothing here"));
  await new Promise<void>((r) => stranger.listen(0, "127.0.0.1", r));
  strangerEndpoint = `http://127.0.0.1:${(stranger.address() as { port: number }).port}`;
});
afterAll(async () => {
  await Promise.all([full.stop(), compat.stop(), moto?.stop()]);
  stranger.close();
});

describe("which backend answers at an endpoint", () => {
  it("our emulator reports everything; in LocalStack mode it is LocalStack", async () => {
    expect(await detectBackend(full.endpoint)).toEqual({
      backend: "emulator",
      mtlsFields: true,
      updateDomainName: true,
      apigatewayv2: true,
    });
    expect(await detectBackend(compat.endpoint)).toEqual({
      backend: "localstack",
      mtlsFields: false,
      updateDomainName: false,
      apigatewayv2: false,
    });
  });

  it("moto_server is moto: no mTLS fields, no UpdateDomainName", async (ctx) => {
    if (!moto) {
      console.warn(`notice: ${MOTO_MISSING}; skipped`);
      return ctx.skip();
    }
    expect(await detectBackend(moto.endpoint)).toEqual({
      backend: "moto",
      mtlsFields: false,
      updateDomainName: false,
      apigatewayv2: true,
    });
  });

  it("an endpoint nobody knows is stated as unknown, never assumed complete", async () => {
    expect(await detectBackend(strangerEndpoint)).toEqual({
      backend: "unknown-endpoint",
      mtlsFields: "unknown",
      updateDomainName: "unknown",
      apigatewayv2: true,
    });
  });

  it("nothing listening: no answer (asked again later), not a guess", async () => {
    const gone = createServer();
    await new Promise<void>((r) => gone.listen(0, "127.0.0.1", r));
    const port = (gone.address() as { port: number }).port;
    await new Promise<void>((r) => gone.close(() => r()));
    expect(await detectBackend(`http://127.0.0.1:${port}`)).toBeNull();
  });

  it("a port that fetch refuses (5060, SIP) is probed all the same", async (ctx) => {
    const sip = await startTestEmulator({ port: 5060 }).catch(() => null);
    if (!sip) return ctx.skip("port 5060 is taken on this machine");
    try {
      await expect(fetch(`${sip.endpoint}/_emulator/health`)).rejects.toThrow();
      expect((await detectBackend(sip.endpoint))?.backend).toBe("emulator");
    } finally {
      await sip.stop();
    }
  });

  it("AWS's own host names are AWS, without a probe", () => {
    expect(isAwsHost("https://apigateway.eu-west-1.amazonaws.com")).toBe(true);
    expect(isAwsHost("https://vpce-0abc-xyz.execute-api.us-east-1.vpce.amazonaws.com")).toBe(true);
    expect(isAwsHost("https://apigateway.cn-north-1.amazonaws.com.cn")).toBe(true);
    expect(isAwsHost("http://amazonaws.com.evil.example")).toBe(false);
    expect(isAwsHost("http://localhost:4566")).toBe(false);
  });
});
