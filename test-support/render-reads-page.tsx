/**
 * For lib/aws/render-reads.test.ts: a page rendered by React's own server renderer
 * (Flight, as Next.js renders pages) whose sections read through the
 * console's SDK clients, pointed at the emulator the test started
 * (ENDPOINT). Run with the react-server condition. Prints one JSON line:
 * what each section saw and the emulator's request counts at each step.
 */
import { createElement, type ReactNode } from "react";
import { Writable } from "node:stream";
import { ListObjectsV2Command, PutObjectCommand } from "@aws-sdk/client-s3";
// @ts-expect-error Next.js's own copy of React's server renderer ships without types.
import { renderToPipeableStream } from "next/dist/compiled/react-server-dom-turbopack/server.node.js";
import { endpointClients } from "./clients";
import { inRequest } from "../lib/aws/request-log";
import { freshReads } from "../lib/aws/shared-reads";

const endpoint = process.env.ENDPOINT!;
const bucket = process.env.BUCKET!;
const { s3 } = endpointClients(endpoint);
/** Another client (as another region's or account's would be): its reads are its own. */
const other = endpointClients(endpoint).s3;
const seen: Record<string, unknown> = {};

async function counts(): Promise<number> {
  const res = await fetch(`${endpoint}/_emulator/requests`);
  return ((await res.json()) as { counts: Record<string, number> }).counts.ListObjectsV2 ?? 0;
}
const keys = async (client = s3, prefix?: string) =>
  (
    (await client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix }))).Contents ?? []
  ).map((o) => o.Key);
/** Refuses the next listing (AWS answers AccessDenied). */
const refuseNext = () =>
  fetch(`${endpoint}/_emulator/faults`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ operation: "ListObjectsV2", kind: "accessDenied", count: 1 }),
  });
const after = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One section of the page: what it read (or AWS's refusal) and the count of listings sent so far. */
function section(name: string, read: () => Promise<unknown>, wait: number) {
  async function Section(): Promise<ReactNode> {
    await after(wait);
    const answer = await read().catch((error: Error) => `refused: ${error.name}`);
    seen[name] = { answer, sent: await counts() };
    return createElement("p", null, name);
  }
  return createElement(Section, { key: name });
}

function Page() {
  return createElement("main", null, [
    section(
      "first",
      async () => {
        const answer = await s3.send(new ListObjectsV2Command({ Bucket: bucket }));
        const listed = answer.Contents!.map((o) => o.Key);
        // The section changes its answer: later sections must not see that.
        answer.Contents!.push({ Key: "changed by the first section" });
        return listed;
      },
      0,
    ),
    section("again", () => keys(), 50),
    section("in an action", () => inRequest({ requestId: "action" }, () => keys()), 100),
    section("fresh", () => freshReads(() => keys()), 150),
    section(
      "after a write",
      async () => {
        await s3.send(new PutObjectCommand({ Bucket: bucket, Key: "b", Body: "b" }));
        return keys();
      },
      200,
    ),
    section("again after the write", () => keys(), 250),
    section("another client", () => keys(other), 300),
    section(
      "refused",
      async () => {
        await refuseNext();
        return keys(s3, "a");
      },
      350,
    ),
    // AWS's refusal is not kept: the same read later in the render is sent again.
    section("after the refusal", () => keys(s3, "a"), 400),
    // Kept five seconds at most: past that, sent again.
    section("over five seconds later", () => keys(), 5_300),
  ]);
}

let html = "";
renderToPipeableStream(createElement(Page), {}, {}).pipe(
  new Writable({
    write(chunk, _encoding, done) {
      html += chunk;
      done();
    },
    final(done) {
      void (async () => {
        // The render is over: work that goes on after it reads afresh.
        await after(20);
        seen["after the render"] = { answer: await keys(), sent: await counts() };
        console.log(JSON.stringify({ seen, rendered: html.includes("over five seconds later") }));
        done();
      })();
    },
  }),
);
