/**
 * Deadlines that hold, against the emulator through the real SDK: a call
 * with no answer ends by its deadline (retries included) as an unanswered
 * failure, a scope tightens it, and throttling fails fast in standard mode.
 */
import { GetDomainNamesCommand } from "@aws-sdk/client-api-gateway";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "../../test-support/emulator";
import { callBudgetMs, withDeadline } from "./deadline";
import { awsCall, type AwsFailure } from "./errors";

let t: TestEmulator;
beforeAll(async () => {
  t = await startTestEmulator();
});
afterEach(async () => {
  await t.control("faults", undefined, "DELETE");
});
afterAll(async () => t.stop());

const clients = (callDeadlineMs?: number, requestTimeoutMs?: number) =>
  t.clients("us-east-1", {
    ...(callDeadlineMs ? { callDeadlineMs } : {}),
    ...(requestTimeoutMs ? { requestTimeoutMs } : {}),
  });

async function failure(call: () => Promise<unknown>): Promise<{ error: AwsFailure; ms: number }> {
  const started = Date.now();
  try {
    await awsCall("list the domains", call);
  } catch (error) {
    return { error: error as AwsFailure, ms: Date.now() - started };
  }
  throw new Error("expected the call to fail");
}

describe("deadlines", () => {
  it("a call with no answer ends by its deadline, retries included, and says it was not answered", async () => {
    await t.control("faults", {
      operation: "GetDomainNames",
      kind: "latency",
      latencyMs: 20_000,
      count: 5,
    });
    const { apiGateway } = clients(1_500);
    const { error, ms } = await failure(() => apiGateway.send(new GetDomainNamesCommand({})));
    expect(ms).toBeGreaterThanOrEqual(1_400);
    expect(ms).toBeLessThan(3_000);
    expect(error.answered).toBe(false);
    expect(error.message).toContain("did not answer");
  });

  it("a deadline scope tightens every call inside it", async () => {
    await t.control("faults", {
      operation: "GetDomainNames",
      kind: "latency",
      latencyMs: 20_000,
      count: 5,
    });
    const { apiGateway } = clients();
    const { error, ms } = await withDeadline(
      () => Date.now() + 800,
      () => failure(() => apiGateway.send(new GetDomainNamesCommand({}))),
    );
    expect(ms).toBeLessThan(2_000);
    expect(error.answered).toBe(false);
    expect(callBudgetMs(25_000)).toBe(25_000);
  });

  it("a passed deadline sends nothing", async () => {
    const { apiGateway } = clients();
    const count = async () =>
      (await t.control<{ counts: Record<string, number> }>("requests")).counts;
    const before = JSON.stringify(await count());
    const { error } = await withDeadline(
      () => Date.now() - 1,
      () => failure(() => apiGateway.send(new GetDomainNamesCommand({}))),
    );
    expect(error.code).toBe("DeadlineExceeded");
    expect(JSON.stringify(await count())).toBe(before);
  });

  it("a throttled read fails fast with the throttling message: 3 tries, no client-side queue", async () => {
    await t.control("faults", {
      operation: "GetDomainNames",
      kind: "throttle",
      count: 30,
      retryAfterSeconds: 1,
    });
    const { apiGateway } = clients();
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        failure(() => apiGateway.send(new GetDomainNamesCommand({}))),
      ),
    );
    for (const { error, ms } of results) {
      expect(error.message).toContain("throttling");
      expect(ms).toBeLessThan(5_000);
    }
  });

  it("a call whose earlier try got no answer may have landed, whatever its last answer; plain refusals did not", async () => {
    // Try 1 outlasts its request timeout (no answer); tries 2 and 3 are answered with 500.
    await t.control("faults", {
      operation: "GetDomainNames",
      kind: "latency",
      latencyMs: 1_500,
      count: 1,
    });
    await t.control("faults", { operation: "GetDomainNames", kind: "error500", count: 2 });
    const { apiGateway } = clients(10_000, 500);
    const late = await failure(() => apiGateway.send(new GetDomainNamesCommand({})));
    expect(late.error.answered).toBe(true);
    expect(late.error.unansweredTries).toBe(1);
    expect(late.error.mayHaveLanded).toBe(true);

    await t.control("faults", { operation: "GetDomainNames", kind: "error503", count: 3 });
    const refused = await failure(() => apiGateway.send(new GetDomainNamesCommand({})));
    expect(refused.error.answered).toBe(true);
    expect(refused.error.unansweredTries).toBe(0);
    expect(refused.error.mayHaveLanded).toBe(false);
  });
});
