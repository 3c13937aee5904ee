/**
 * Access control (AUTH_MODE=local): pages need a session, every server
 * action checks the session and the role itself, sign-in is rate-limited.
 */
import { readdirSync, readFileSync } from "node:fs";
import { request as newRequest } from "@playwright/test";
import { ListObjectsV2Command, GetObjectCommand } from "@aws-sdk/client-s3";
import { expect, needs, test } from "../aws";
import { bundle, issue } from "../../lib/pki/generate";
import { seedMtlsDomain, unique } from "../../test-support/seed";
import { buildActions, callAction, signInApi, signInUi, TEST_USERS } from "./helpers";

/** Every module of server actions under lib/actions/ (a "use server" file). */
const ACTION_FILES = readdirSync("lib/actions").filter(
  (f) =>
    f.endsWith(".ts") && /^\s*["']use server["']/.test(readFileSync(`lib/actions/${f}`, "utf8")),
);

test("every page without a session redirects to sign-in; the health endpoint answers", async ({
  page,
  request,
}) => {
  for (const path of [
    "/",
    "/inspect",
    "/domains/api.partners.example.com?region=us-east-1",
    "/domains/new?region=us-east-1",
    "/?region=eu-west-1",
    "/sessions",
  ]) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
    expect(new URL(page.url()).searchParams.get("callbackUrl")).toBe(path);
    await expect(page.getByRole("heading", { name: "Sign in to mTLS Console" })).toBeVisible();
    await expect(page.getByText("api.partners.example.com")).toHaveCount(0);
  }
  // The sign-in page tells a stranger nothing about the backend: no endpoint, no emulator, no gaps.
  const signin = await (await request.get("/signin")).text();
  for (const told of ["127.0.0.1:46", "emulator", "LocalStack", "Demo mode", "AWS_PROFILE"])
    expect(signin, told).not.toContain(told);
  const health = await request.get("/api/health");
  expect(health.status()).toBe(200);
  expect(await health.json()).toEqual({ status: "ok" });
  // Readiness too, for a load balancer: which checks pass, no bucket, account or message.
  const ready = await request.get("/api/ready");
  expect(ready.status()).toBe(200);
  const body = await ready.json();
  expect(body).toMatchObject({
    status: "ready",
    checks: { "aws-identity": true, "store-reachable": true, "store-writable": true },
  });
  expect(JSON.stringify(body)).not.toMatch(/\d{12}|mtls-console-audit/);
  // The exports want a session: nothing of the domains leaves without one.
  for (const path of [
    "/api/export/overview?format=csv",
    "/api/export/audit?domain=api.partners.example.com&format=json",
  ]) {
    const exported = await request.get(path, { maxRedirects: 0 });
    expect([401, 307]).toContain(exported.status());
    expect(await exported.text()).not.toContain("api.partners.example.com,");
  }
});

test("every server action refuses without a session, refuses a viewer's change, and lets an operator through", async ({
  baseURL,
  aws,
}) => {
  const actions = buildActions();
  // Every file under lib/actions/ is in the build: a new action cannot dodge this test.
  expect(new Set(actions.map((a) => a.file.replace("lib/actions/", "")))).toEqual(
    new Set(ACTION_FILES),
  );
  const anonymous = await newRequest.newContext({ baseURL });
  const viewer = await newRequest.newContext({ baseURL });
  const operator = await newRequest.newContext({ baseURL });
  await signInApi(viewer, "viewer");
  await signInApi(operator, "operator");
  // A domain that exists: refusals are recorded only for those.
  const seeded = await seedMtlsDomain(aws, {
    versions: [bundle(await issue({ subject: "CN=Matrix Root" }))],
    prefix: "matrix",
  });
  const input = { domainName: seeded.domainName };
  for (const action of actions) {
    const source = readFileSync(action.file, "utf8");
    const permission = /permission:\s*"(read|change)"/.exec(source)?.[1];
    expect(permission, `${action.file} declares its permission`).toBeDefined();
    const none = await callAction(anonymous, action, input);
    expect([action.name, none.ok, none.code]).toEqual([action.name, false, "unauthenticated"]);
    const asViewer = await callAction(viewer, action, input);
    if (permission === "change")
      expect([action.name, asViewer.code]).toEqual([action.name, "forbidden"]);
    else expect(["unauthenticated", "forbidden"], action.name).not.toContain(asViewer.code);
    const asOperator = await callAction(operator, action, input);
    expect(["unauthenticated", "forbidden"], action.name).not.toContain(asOperator.code);
  }
  // A viewer's refused attempts are in the audit trail, read back through S3; calls without a session only in the server log.
  const listed = await aws.s3.send(
    new ListObjectsV2Command({
      Bucket: "mtls-console-audit",
      Prefix: `mtls-console/refusals/us-east-1/${input.domainName}/`,
    }),
  );
  const events = await Promise.all(
    (listed.Contents ?? []).map(async (o) =>
      JSON.parse(
        await (
          await aws.s3.send(new GetObjectCommand({ Bucket: "mtls-console-audit", Key: o.Key! }))
        ).Body!.transformToString(),
      ),
    ),
  );
  const refused = events.filter((e) => e.result === "refused");
  const changeActions = actions.filter((a) =>
    /permission:\s*"change"/.test(readFileSync(a.file, "utf8")),
  );
  expect(refused.filter((e) => e.user === "(no session)")).toHaveLength(0);
  expect(refused.filter((e) => e.user === TEST_USERS.viewer.username)).toHaveLength(
    changeActions.length,
  );
  // A refusal naming a domain that does not exist is only logged: nobody can fill the trail with them.
  const ghost = `${unique("ghost")}.test.example`;
  expect((await callAction(viewer, changeActions[0]!, { domainName: ghost })).code).toBe(
    "forbidden",
  );
  const ghosts = await aws.s3.send(
    new ListObjectsV2Command({
      Bucket: "mtls-console-audit",
      Prefix: `mtls-console/refusals/us-east-1/${ghost}/`,
    }),
  );
  expect(ghosts.KeyCount ?? 0).toBe(0);
  await Promise.all([anonymous.dispose(), viewer.dispose(), operator.dispose()]);
});

test("a viewer sees everything and can change nothing; an operator can", async ({ page }) => {
  needs("demo-data");
  await signInUi(page, "viewer");
  await page.goto("/domains/api.partners.example.com?region=us-east-1");
  await expect(
    page.getByText("Your role (viewer) can see everything here but change nothing").first(),
  ).toBeVisible();
  await expect(page.getByRole("button", { name: "Disable mutual TLS…" })).toBeDisabled();
  await expect(
    page.getByRole("button", { name: /Roll back to this version/ }).first(),
  ).toBeDisabled();
  await expect(page.getByRole("button", { name: "Disable the default endpoint" })).toHaveCount(0);
  await expect(page.getByTestId("certificate-subject").first()).toBeVisible();
});

test("sign-in attempts are rate-limited per user name", async ({ page }) => {
  const user = TEST_USERS.limited;
  await page.goto("/signin");
  for (let i = 0; i < 5; i++) {
    await page.getByLabel("User name").fill(user.username);
    await page.getByLabel("Password").fill(`wrong-${i}`);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(
      page.getByRole("alert").filter({ hasText: "The user name or password is not right." }),
    ).toBeVisible();
  }
  // Now even the right password is refused for a while.
  await page.getByLabel("User name").fill(user.username);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(
    page.getByRole("alert").filter({ hasText: "Too many failed attempts" }),
  ).toBeVisible();
  await expect(page).toHaveURL(/\/signin/);
});

test("sessions are http-only, SameSite cookies with an expiry; sign-out ends them", async ({
  page,
  context,
}) => {
  await signInUi(page, "operator");
  const cookie = (await context.cookies()).find((c) => c.name.includes("session-token"));
  expect(cookie).toBeDefined();
  expect(cookie!.httpOnly).toBe(true);
  expect(cookie!.sameSite).toBe("Lax");
  expect(cookie!.expires).toBeGreaterThan(Date.now() / 1000);
  expect(cookie!.expires).toBeLessThan(Date.now() / 1000 + 9 * 3600);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  await page.goto("/");
  await expect(page).toHaveURL(/\/signin/);
});

test("security headers on every page, and server actions from another origin are refused", async ({
  request,
}) => {
  const res = await request.get("/signin");
  const headers = res.headers();
  expect(headers["content-security-policy"]).toMatch(
    /script-src 'self' 'nonce-[^']+' 'strict-dynamic'/,
  );
  expect(headers["content-security-policy"]).not.toMatch(/script-src[^;]*unsafe-inline/);
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  const action = buildActions()[0]!;
  const cross = await request.post(action.page, {
    headers: {
      "Next-Action": action.id,
      "Content-Type": "text/plain;charset=UTF-8",
      Origin: "https://evil.example",
    },
    data: "[{}]",
  });
  expect(cross.status()).toBeGreaterThanOrEqual(400);
});
