/**
 * The console's own safety (AUTH_MODE=local): no header skips sign-in,
 * redirects stay home, throttling holds under a burst, sessions end, a
 * demoted user loses rights at once, callers without a session cannot fill
 * the audit bucket.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { request as newRequest, type APIRequestContext } from "@playwright/test";
import { ListObjectsV2Command } from "@aws-sdk/client-s3";
import { encode } from "next-auth/jwt";
import { SECRET, USERS_FILE } from "../../playwright.config";
import { expect, needs, test } from "../aws";
import { buildActions, callAction, signInApi, signInUi, TEST_USERS } from "./helpers";

const PAGES = [
  "/",
  "/inspect",
  "/domains/api.partners.example.com?region=us-east-1",
  "/?region=eu-west-1",
  "/domains/nope.example.com",
  "/domains/new?region=us-east-1",
  "/sessions",
  "/api/export/overview?format=csv",
  "/api/export/overview?format=json&q=partners",
  "/api/export/audit?domain=api.partners.example.com&region=us-east-1&format=json",
];
/** What must never reach a caller without a session: domain names, ARNs, certificates, page headings. */
const LEAKS = [
  "api.partners.example.com",
  "arn:aws:",
  "BEGIN CERTIFICATE",
  "Custom domain names",
  "Inspect certificates",
  "New mTLS custom domain name",
  "Server certificate (ACM)",
  "Everyone signed in to this dashboard",
  "truststore",
];
const SUBREQUEST = [
  "middleware",
  "src/middleware",
  "pages/_middleware",
  "middleware:middleware:middleware:middleware:middleware",
  "src/middleware:src/middleware:src/middleware:src/middleware:src/middleware",
  "proxy",
  "proxy:proxy:proxy:proxy:proxy",
  "src/proxy:src/proxy:src/proxy:src/proxy:src/proxy",
];
const HEADER_SETS: Record<string, string>[] = [
  {},
  { "Next-Action": "x" },
  { "Next-Action": "7f".repeat(21) },
  { RSC: "1" },
  { RSC: "1", "Next-Router-Prefetch": "1" },
  {
    RSC: "1",
    "Next-Router-State-Tree": encodeURIComponent(
      JSON.stringify(["", { children: ["__PAGE__", {}] }, null, null, true]),
    ),
  },
  ...SUBREQUEST.map((value) => ({ "x-middleware-subrequest": value })),
  ...SUBREQUEST.map((value) => ({
    "x-middleware-subrequest": value,
    "Next-Action": "x",
    RSC: "1",
  })),
];

async function expectNoContent(res: Awaited<ReturnType<APIRequestContext["get"]>>, what: string) {
  const status = res.status();
  let body = await res.text();
  if (status >= 300 && status < 400) {
    const location = res.headers().location ?? "";
    expect(location, what).toMatch(/^(http:\/\/127\.0\.0\.1:\d+)?\/signin\?callbackUrl=/);
    // A redirect's body is its own location (the URL asked for): that is not content.
    body = body.replaceAll(location, "");
  } else expect([401, 403, 404, 405, 500], `${what}: status ${status}`).toContain(status);
  for (const leak of LEAKS) expect(body.includes(leak), `${what} leaks "${leak}"`).toBe(false);
}

test("no request without a session gets any content, whatever headers or method it carries", async ({
  baseURL,
}) => {
  const anonymous = await newRequest.newContext({ baseURL });
  const action = buildActions().find((a) => a.name === "checkClientCertificate")!;
  let probes = 0;
  for (const path of PAGES) {
    for (const headers of HEADER_SETS) {
      const what = `GET ${path} ${JSON.stringify(headers)}`;
      await expectNoContent(await anonymous.get(path, { headers, maxRedirects: 0 }), what);
      probes++;
    }
    // POSTs as Next.js's server actions: a made-up id, and a real action's id.
    for (const id of ["x", "7f".repeat(21), action.id]) {
      const res = await anonymous.post(path, {
        headers: {
          "Next-Action": id,
          "Content-Type": "text/plain;charset=UTF-8",
          Accept: "text/x-component",
        },
        data: JSON.stringify([
          { domainName: "api.partners.example.com", region: "us-east-1", clientPem: "x" },
        ]),
        maxRedirects: 0,
      });
      const body = await res.text();
      for (const leak of [
        "arn:aws:",
        "BEGIN CERTIFICATE",
        "Custom domain names",
        "Inspect certificates",
      ]) {
        expect(body.includes(leak), `POST ${path} Next-Action ${id} leaks "${leak}"`).toBe(false);
      }
      probes++;
    }
  }
  expect(probes).toBe(PAGES.length * (HEADER_SETS.length + 3));
  await anonymous.dispose();
});

test("callback URLs keep a signed-in browser on the app's origin", async ({ page, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const hostile = [
    "/\\evil.example",
    "/%5Cevil.example",
    "/%09/evil.example",
    "//evil.example",
    "https://evil.example",
    "/.//evil.example",
  ];
  // Signing in from a hostile link: the sign-in form sends the browser home.
  await page.goto(`/signin?callbackUrl=${encodeURIComponent("/%5Cevil.example")}`);
  await page.getByLabel("User name").fill(TEST_USERS.viewer.username);
  await page.getByLabel("Password").fill(TEST_USERS.viewer.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("user-menu")).toBeVisible();
  expect(new URL(page.url()).origin).toBe(origin);
  // Already signed in: the sign-in page redirects at once, and only home.
  for (const raw of hostile) {
    for (const encoded of [raw, encodeURIComponent(raw)]) {
      // What the server answers: a redirect whose target is on the app's origin.
      const body = await (await page.request.get(`/signin?callbackUrl=${encoded}`)).text();
      const target = /NEXT_REDIRECT;replace;([^;]+);30\d/.exec(body)?.[1];
      expect(target, raw).toBeDefined();
      expect(new URL(target!).origin, raw).toBe(origin);
      // What the browser does with it.
      await page
        .goto(`/signin?callbackUrl=${encoded}`, { waitUntil: "commit" })
        .catch(() => undefined);
      await expect(page.getByTestId("user-menu")).toBeVisible();
      await expect.poll(() => new URL(page.url()).pathname, { message: raw }).not.toBe("/signin");
      expect(new URL(page.url()).origin, raw).toBe(origin);
    }
  }
  // Auth.js's own redirect callback: a sign-out to another site goes home.
  const csrf = (await (await page.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const res = await page.request.post("/api/auth/signout", {
    form: { csrfToken: csrf.csrfToken, callbackUrl: "https://evil.example/", json: "true" },
    maxRedirects: 0,
  });
  const target = ((await res.json()) as { url: string }).url;
  expect(new URL(target).origin).toBe(origin);
});

async function wrongPassword(context: APIRequestContext, username: string): Promise<string> {
  const { csrfToken } = (await (await context.get("/api/auth/csrf")).json()) as {
    csrfToken: string;
  };
  const res = await context.post("/api/auth/callback/credentials", {
    form: { csrfToken, username, password: "wrong-password", json: "true" },
    maxRedirects: 0,
  });
  return new URL(((await res.json()) as { url: string }).url).searchParams.get("error") ?? "";
}

test("eight wrong passwords lock the name; then the right one is refused too", async ({
  baseURL,
}) => {
  const context = await newRequest.newContext({ baseURL });
  const user = TEST_USERS.locked;
  const errors: string[] = [];
  for (let i = 0; i < 8; i++) errors.push(await wrongPassword(context, user.username));
  expect(errors.slice(0, 5)).toEqual(Array(5).fill("CredentialsSignin"));
  for (const e of errors.slice(5)) expect(e).toMatch(/^locked:name:\d+$/);
  const { csrfToken } = (await (await context.get("/api/auth/csrf")).json()) as {
    csrfToken: string;
  };
  const right = await context.post("/api/auth/callback/credentials", {
    form: { csrfToken, username: user.username, password: user.password, json: "true" },
    maxRedirects: 0,
  });
  expect(((await right.json()) as { url: string }).url).toContain("error=locked");
  expect(
    ((await (await context.get("/api/auth/session")).json()) as { user?: unknown }).user,
  ).toBeUndefined();
  await context.dispose();
});

test("fifty parallel wrong passwords get no more tries than the limit", async ({
  baseURL,
  aws,
}) => {
  const name = `burst-${Date.now()}`;
  const contexts = await Promise.all(
    Array.from({ length: 50 }, () => newRequest.newContext({ baseURL })),
  );
  const errors = await Promise.all(contexts.map((c) => wrongPassword(c, name)));
  const verified = errors.filter((e) => e === "CredentialsSignin").length;
  expect(verified).toBeLessThanOrEqual(5);
  expect(errors.filter((e) => e.startsWith("locked:")).length).toBe(50 - verified);
  // What the server counted, read back from S3: no more failures than the limit.
  const hash = createHash("sha256").update(name.toLowerCase()).digest("hex").slice(0, 32);
  const listed = await aws.s3.send(
    new ListObjectsV2Command({
      Bucket: "mtls-console-audit",
      Prefix: `mtls-console/signin-attempts/name/${hash}/`,
    }),
  );
  expect(listed.KeyCount ?? 0).toBe(verified);
  await Promise.all(contexts.map((c) => c.dispose()));
});

test("with the console's store unreachable, a right password is told so, never 'wrong password'", async ({
  page,
  emulator,
}) => {
  needs("test-controls");
  await emulator("faults", {
    operation: "PutObject",
    kind: "error500",
    count: 60,
    pathContains: "signin-attempts",
  });
  try {
    const user = TEST_USERS.operator;
    await page.goto("/signin");
    await page.getByLabel("User name").fill(user.username);
    await page.getByLabel("Password").fill(user.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    const alert = page.getByRole("alert").filter({ hasText: "cannot reach its own store" });
    await expect(alert).toBeVisible();
    await expect(alert).not.toContainText("not right");
  } finally {
    await emulator("faults", undefined, "DELETE");
  }
  await signInUi(page, "operator");
});

test("bad input is refused plainly: a malformed path is a 404, an oversized action body a 413", async ({
  baseURL,
}) => {
  const context = await newRequest.newContext({ baseURL });
  await signInApi(context, "operator");
  expect((await context.get("/domains/%E0%A4%A")).status()).toBe(404);
  const action = buildActions()[0]!;
  const big = await context.post("/", {
    headers: { "next-action": action.id, "content-type": "text/plain;charset=UTF-8" },
    data: "x".repeat(3 * 1024 * 1024),
  });
  expect(big.status()).toBe(413);
  expect(((await big.json()) as { message: string }).message).toContain("at most");
  await context.dispose();
});

test("signing out ends the session on the server: a copied cookie stops working, and an operator can revoke another session", async ({
  browser,
  baseURL,
}) => {
  const first = await browser.newContext({ baseURL });
  const page = await first.newPage();
  await signInUi(page, "viewer");
  const copied = await first.cookies();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  // The cookie copied before sign-out, replayed elsewhere: no content, a sign-in page.
  const thief = await browser.newContext({ baseURL });
  await thief.addCookies(copied);
  const stolen = await thief.newPage();
  await stolen.goto("/");
  await expect(stolen).toHaveURL(/\/signin/);
  await expect(stolen.getByTestId("user-menu")).toHaveCount(0);

  // An operator ends a viewer's session from the sessions page.
  const viewer = await browser.newContext({ baseURL });
  const viewerPage = await viewer.newPage();
  await signInUi(viewerPage, "viewer");
  const operator = await browser.newContext({ baseURL });
  const operatorPage = await operator.newPage();
  await signInUi(operatorPage, "operator");
  await operatorPage.goto("/sessions");
  const row = operatorPage
    .getByTestId("session-row")
    .filter({ hasText: TEST_USERS.viewer.username })
    .first();
  await row.getByRole("button", { name: "End this session" }).click();
  await expect(operatorPage.getByRole("status").filter({ hasText: "ended" })).toBeVisible();
  await viewerPage.goto("/");
  await expect(viewerPage).toHaveURL(/\/signin/);
  // A viewer may not see the sessions.
  const other = await browser.newContext({ baseURL });
  const otherPage = await other.newPage();
  await signInUi(otherPage, "viewer");
  await otherPage.goto("/sessions");
  await expect(otherPage.getByText("Only operators")).toBeVisible();
  await Promise.all([first, thief, viewer, operator, other].map((c) => c.close()));
});

async function sessionCookie(username: string, signedInAgoMs: number): Promise<string> {
  return encode({
    token: {
      name: username,
      sub: username,
      role: "operator",
      signedInAt: Date.now() - signedInAgoMs,
      sid: crypto.randomUUID(),
    },
    secret: SECRET,
    maxAge: 8 * 3600,
  });
}

test("a session ends 8 hours after sign-in, however recently it was used", async ({
  browser,
  baseURL,
}) => {
  const action = buildActions().find((a) => a.name === "checkClientCertificate")!;
  for (const [label, ago, valid] of [
    ["fresh", 60_000, true],
    ["8 h 1 min old", 8 * 3600_000 + 60_000, false],
  ] as const) {
    const context = await browser.newContext({ baseURL });
    const host = new URL(baseURL!).hostname;
    await context.addCookies([
      {
        name: "next-auth.session-token",
        value: await sessionCookie(TEST_USERS.operator.username, ago),
        domain: host,
        path: "/",
        httpOnly: true,
        sameSite: "Lax",
      },
    ]);
    const page = await context.newPage();
    await page.goto("/");
    if (valid)
      await expect(page.getByTestId("user-menu"), label).toContainText(
        TEST_USERS.operator.username,
      );
    else await expect(page, label).toHaveURL(/\/signin\?callbackUrl=/);
    const result = await callAction(context.request, action, {
      domainName: "api.partners.example.com",
      region: "us-east-1",
      clientPem: "x",
    });
    if (valid) expect(result.code, label).not.toBe("unauthenticated");
    else expect(result.code, label).toBe("unauthenticated");
    await context.close();
  }
});

test("a local operator demoted in the users file is a viewer on the next request; a removed user is signed out", async ({
  baseURL,
  page,
}) => {
  const original = readFileSync(USERS_FILE, "utf8");
  const users = JSON.parse(original) as { users: { username: string; role: string }[] };
  const operator = await newRequest.newContext({ baseURL });
  try {
    await signInApi(operator, "operator2");
    const disable = buildActions().find((a) => a.name === "disableMutualTls")!;
    const input = {
      domainName: "nothing-here.test.example",
      confirmation: "x",
      expectedCurrentVersion: "",
    };
    expect((await callAction(operator, disable, input)).code).not.toBe("forbidden");
    const demoted = users.users.map((u) =>
      u.username === TEST_USERS.operator2.username ? { ...u, role: "viewer" } : u,
    );
    writeFileSync(USERS_FILE, JSON.stringify({ users: demoted }));
    expect((await callAction(operator, disable, input)).code).toBe("forbidden");
    await signInUi(page, "operator2");
    await expect(page.getByTestId("user-menu")).toContainText("viewer");
    writeFileSync(
      USERS_FILE,
      JSON.stringify({
        users: users.users.filter((u) => u.username !== TEST_USERS.operator2.username),
      }),
    );
    expect((await callAction(operator, disable, input)).code).toBe("unauthenticated");
    await page.goto("/");
    await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
  } finally {
    writeFileSync(USERS_FILE, original);
    await operator.dispose();
  }
});

test("1,000 action calls without a session write nothing to the audit bucket", async ({
  baseURL,
  aws,
}) => {
  const count = async () => {
    let total = 0;
    let token: string | undefined;
    do {
      const page = await aws.s3.send(
        new ListObjectsV2Command({ Bucket: "mtls-console-audit", ContinuationToken: token }),
      );
      total += page.KeyCount ?? 0;
      token = page.NextContinuationToken;
    } while (token);
    return total;
  };
  const before = await count();
  const anonymous = await newRequest.newContext({ baseURL });
  const changes = buildActions().filter((a) =>
    /permission:\s*"change"/.test(readFileSync(a.file, "utf8")),
  );
  for (let batch = 0; batch < 20; batch++) {
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        callAction(anonymous, changes[i % changes.length]!, {
          domainName: `flood-${batch}-${i}.example.com`,
          region: "us-east-1",
          expectedCurrentVersion: "",
        }),
      ),
    );
    for (const r of results) expect(r.code).toBe("unauthenticated");
  }
  expect(await count()).toBe(before);
  await anonymous.dispose();
});
