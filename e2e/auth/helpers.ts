/**
 * Sign-in helpers for the auth project (AUTH_MODE=local), and a caller for
 * server actions over HTTP, the way the browser calls them.
 */
import { readFileSync } from "node:fs";
import type { APIRequestContext, Page } from "@playwright/test";
import { TEST_USERS } from "../../playwright.config";
import { expect } from "../aws";

export { TEST_USERS };
export type TestUser = keyof typeof TEST_USERS;

export async function signInUi(page: Page, who: TestUser) {
  const user = TEST_USERS[who];
  await page.goto("/signin");
  await page.getByLabel("User name").fill(user.username);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("user-menu")).toContainText(user.username);
}

/** Signs a request context in through Auth.js's own endpoints (cookies stay in the context). */
export async function signInApi(request: APIRequestContext, who: TestUser): Promise<void> {
  const user = TEST_USERS[who];
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as {
    csrfToken: string;
  };
  const res = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, username: user.username, password: user.password, json: "true" },
    maxRedirects: 0,
  });
  expect([200, 302]).toContain(res.status());
  const session = (await (await request.get("/api/auth/session")).json()) as {
    user?: { name?: string };
  };
  expect(session.user?.name).toBe(user.username);
}

interface ManifestEntry {
  filename?: string;
  exportedName?: string;
  workers: Record<string, unknown>;
}

/** Every server action of the build, by file under lib/actions/. */
export function buildActions(): { id: string; file: string; name: string; page: string }[] {
  const manifest = JSON.parse(
    readFileSync(".next/server/server-reference-manifest.json", "utf8"),
  ) as { node: Record<string, ManifestEntry> };
  return Object.entries(manifest.node)
    .filter(([, v]) => v.filename?.startsWith("lib/actions/"))
    .map(([id, v]) => {
      const worker = Object.keys(v.workers)[0] ?? "app/page";
      const page =
        worker
          .replace(/^app/, "")
          .replace(/\/page$/, "")
          .replace("[domain]", "x.example.com") || "/";
      return { id, file: v.filename!, name: v.exportedName!, page };
    });
}

/** Calls a server action over HTTP as React does, and returns its result object. */
export async function callAction<
  T = { ok: boolean; code?: string; message?: string; data?: unknown },
>(request: APIRequestContext, action: { id: string; page: string }, input: unknown): Promise<T> {
  const res = await request.post(action.page, {
    headers: {
      "Next-Action": action.id,
      "Content-Type": "text/plain;charset=UTF-8",
      Accept: "text/x-component",
    },
    // React's reply encoding: a string that starts with "$" is sent as "$$…" (a bare "$…" is a reference).
    data: JSON.stringify([input], (_key, value: unknown) =>
      typeof value === "string" && value.startsWith("$") ? `$${value}` : value,
    ),
    maxRedirects: 0,
  });
  const text = await res.text();
  const line = text.split("\n").find((l) => /^1:\{/.test(l));
  if (!line)
    throw new Error(`No action result in the response (${res.status()}): ${text.slice(0, 300)}`);
  return JSON.parse(line.slice(2)) as T;
}
