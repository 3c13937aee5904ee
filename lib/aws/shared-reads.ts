/**
 * Reads shared while they are in flight. When a read is asked for while
 * the same read (same client, operation and input) is already on its way,
 * the second caller waits for that answer instead of sending another: fifty
 * people opening one domain page at once send its reads about once, and a
 * page whose sections ask for the same thing at the same moment sends it
 * once. Nothing is kept after the answer arrives (the next read is sent),
 * except for the rest of a page render (./render-reads.ts): a read the
 * render already made is answered again from its first answer, up to five
 * seconds after it arrived, which a write moves past like any other.
 *
 * A joined answer is at most one request old (within a render, five
 * seconds old at most). It is never older than a
 * write this process has started: every write (any operation that is not a
 * read) moves a generation on when it starts and when it ends (one counter
 * for the whole process, on globalThis: Next.js bundles route handlers,
 * pages and instrumentation apart), and a read joins only a read sent in
 * the same generation. S3 GetObject's body, a stream one caller can read,
 * is read whole by the request that was sent (up to 2 MB; a bigger object
 * is not shared) and each caller gets its own copy of the bytes behind the
 * same `transformToByteArray` / `transformToString`.
 *
 * Only the reads listed below are shared, and never in a server action
 * (their reads decide a change, so each is sent afresh), under a change's
 * deadline, with the caller's own abort signal, or inside `freshReads`
 * (the audit chain's check, which compares a listing with an object read
 * after it, and a session's sign-out check). Each caller that joins gets
 * its own copy of the answer, or AWS's error when AWS answered with one (a
 * throttle is everyone's); when the shared request got no answer (its
 * sender's deadline, a broken connection) or its answer cannot be copied,
 * each caller that joined sends its own, within what is left of its
 * deadline, so no caller fails for another's slow or broken connection.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { DeadlineExceeded, inDeadlineScope } from "./deadline";
import { currentRequest } from "./request-log";
import { keptIn, renderReads } from "./render-reads";

interface Command {
  input?: unknown;
  /** The operation's schema: [kind, namespace, operation name, …] (survives minifying). */
  schema?: unknown;
}

type Send = (command: never, options?: { abortSignal?: AbortSignal }) => Promise<unknown>;

/** Operations that read and never change anything: everything else moves the generation on. */
const READ = /^(Get|List|Describe|Head)[A-Z]/;
/** The reads that may be shared, used by pages: plain answers, or GetObject's body read whole. */
const SHARED = new Set([
  "DescribeCertificate",
  "DescribeLogGroups",
  "GetApi",
  "GetApiMappings",
  "GetApis",
  "GetAuthorizers",
  "GetBasePathMappings",
  "GetBucketVersioning",
  "GetCallerIdentity",
  "GetDomainName",
  "GetDomainNames",
  "GetObject",
  "GetResources",
  "GetRestApi",
  "GetRestApis",
  "GetStage",
  "GetStages",
  "HeadBucket",
  "HeadObject",
  "ListCertificates",
  "ListObjectVersions",
  "ListObjectsV2",
  "ListRegions",
  "ListRoutingRules",
]);

const shared = globalThis as unknown as {
  __mtlsConsoleReadGeneration?: { value: number };
  __mtlsConsoleFreshReads?: AsyncLocalStorage<true>;
};
const generation = (shared.__mtlsConsoleReadGeneration ??= { value: 0 });
const fresh = (shared.__mtlsConsoleFreshReads ??= new AsyncLocalStorage<true>());

/** The write generation now: an answer is shared only within one. */
export const readGeneration = () => generation.value;

/** Whether sharing is off here: a server action, a change's deadline, `freshReads`. */
export const sendsOwnReads = () => !!(currentRequest() || inDeadlineScope() || fresh.getStore());

/** Runs `fn` with every read it makes sent afresh, none joined. */
export function freshReads<T>(fn: () => Promise<T>): Promise<T> {
  return fresh.run(true, fn);
}

interface InFlight {
  /** Callers waiting for this answer besides the one that sent it. */
  joiners: number;
  /** Kept for the rest of a page render (./render-reads.ts): later callers in it join too. */
  kept: boolean;
  /** When the answer arrived (an error is never kept). */
  answeredAt?: number;
  /** Makes a joiner's own copy of the answer as it arrived (NO_COPY: send your own). */
  forJoiners: Promise<() => unknown>;
}

/** The largest GetObject body read whole to be shared. */
const BUFFERED_MAX = 2_000_000;

interface ObjectOutput {
  Body?: { transformToByteArray?: () => Promise<Uint8Array> };
  ContentLength?: number;
}

/** The bytes behind each body read whole here (any other body is a stream: not copied). */
const readBodies = new WeakMap<object, Uint8Array>();

/** A body read whole, with the two ways the console reads one. */
function bodyOf(bytes: Uint8Array): object {
  const body = {
    transformToByteArray: async () => bytes.slice(),
    // As the SDK's own body does: Buffer's decoding where it knows the encoding (a BOM kept).
    transformToString: async (encoding = "utf-8") =>
      Buffer.isEncoding(encoding)
        ? Buffer.from(bytes).toString(encoding)
        : new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes),
  };
  readBodies.set(body, bytes);
  return body;
}

/** GetObject's answer with its body read whole, or as it came when it is not to be shared. */
async function readWhole(output: unknown): Promise<unknown> {
  const { Body, ...rest } = output as ObjectOutput;
  if (typeof Body?.transformToByteArray !== "function") return output;
  if (rest.ContentLength === undefined || rest.ContentLength > BUFFERED_MAX) return output;
  return { ...rest, Body: bodyOf(await Body.transformToByteArray()) };
}

/** A joiner cannot have a copy: it sends its own. */
export const NO_COPY = Symbol("no copy");

interface AnsweredError {
  $metadata?: { httpStatusCode?: number };
}

/** The operation a command sends, from its schema (its class name is gone once minified). */
function operationOf(command: Command): string | undefined {
  const name = Array.isArray(command.schema) ? command.schema[2] : undefined;
  return typeof name === "string" ? name : undefined;
}

/** A caller's own copy of an answer; NO_COPY when it cannot have one (a stream, a function). */
function copy(value: unknown): unknown {
  const body = (value as ObjectOutput | null)?.Body;
  if (body !== undefined) {
    const bytes = readBodies.get(body);
    if (!bytes) return NO_COPY;
    const rest = copy({ ...(value as object), Body: undefined });
    return rest === NO_COPY ? NO_COPY : { ...(rest as object), Body: bodyOf(bytes) };
  }
  try {
    return structuredClone(value);
  } catch {
    return NO_COPY;
  }
}

/**
 * What callers that join get: each its own copy of the answer as it
 * arrived (taken now, before the first caller's code can change it), or
 * NO_COPY (send your own) when nobody is to join or it cannot be copied.
 */
export function copiesOf(value: unknown, wanted: boolean): () => unknown {
  if (!wanted) return () => NO_COPY;
  const snapshot = copy(value);
  return () => (snapshot === NO_COPY ? NO_COPY : copy(snapshot));
}

/** Each client's own number: a render keeps each client's reads apart (places, accounts). */
let clientCount = 0;

/**
 * `send` with reads shared while in flight (see above); writes move the
 * generation on. `deadlineMs`: a call's whole budget, which a caller that
 * joined keeps for sending its own when the shared request fails.
 */
export function sharingReads<S extends Send>(send: S, deadlineMs: number): S {
  const inFlight = new Map<string, InFlight>();
  const client = ++clientCount;
  const own = (command: Command, asked: number) => {
    const left = deadlineMs - (Date.now() - asked);
    if (left <= 0) return Promise.reject(new DeadlineExceeded());
    return send(command as never, { abortSignal: AbortSignal.timeout(left) });
  };
  const sharing = (command: Command, options?: { abortSignal?: AbortSignal }) => {
    const operation = operationOf(command) ?? "";
    if (!READ.test(operation)) {
      generation.value++;
      return send(command as never, options).finally(() => generation.value++);
    }
    if (!SHARED.has(operation) || options?.abortSignal || sendsOwnReads())
      return send(command as never, options);
    let key: string;
    try {
      key = `${generation.value} ${operation} ${JSON.stringify(command.input ?? {})}`;
    } catch {
      return send(command as never, options);
    }
    const render = renderReads<InFlight>(operation);
    const renderKey = `${client} ${key}`;
    const joined = inFlight.get(key) ?? keptIn(render, renderKey);
    if (joined) {
      joined.joiners++;
      const asked = Date.now();
      return joined.forJoiners.then(
        (make) => {
          const mine = make();
          return mine === NO_COPY ? own(command, asked) : mine;
        },
        (error: unknown) => {
          // AWS's answer (a throttle, a refusal) is everyone's answer; no
          // answer at all (the sender's deadline, its connection) is not.
          if ((error as AnsweredError).$metadata?.httpStatusCode !== undefined) throw error;
          return own(command, asked);
        },
      );
    }
    const sent = send(command as never, options);
    const answer = operation === "GetObject" ? sent.then(readWhole) : sent;
    const forget = () => {
      if (inFlight.get(key) === entry) inFlight.delete(key);
    };
    // Runs before the first caller's own code: the joiners' copy is taken
    // before that caller can change the answer.
    const forJoiners = answer.then(
      (value) => {
        forget();
        entry.answeredAt = Date.now();
        return copiesOf(value, entry.joiners > 0 || entry.kept);
      },
      (error: unknown) => {
        // Shared with the callers that joined while it was on its way, never kept.
        if (render?.get(renderKey) === entry) render.delete(renderKey);
        throw error;
      },
    );
    const entry: InFlight = { joiners: 0, kept: !!render, forJoiners: forJoiners.finally(forget) };
    entry.forJoiners.catch(() => {});
    inFlight.set(key, entry);
    render?.set(renderKey, entry);
    return answer;
  };
  return sharing as unknown as S;
}
