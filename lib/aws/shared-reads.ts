/**
 * Reads shared while they are in flight. When a read is asked for while
 * the same read (same client, operation and input) is already on its way,
 * the second caller waits for that answer instead of sending another: fifty
 * people opening one domain page at once send its reads about once, and a
 * page whose sections ask for the same thing at the same moment sends it
 * once. Nothing is kept after the answer arrives: the next read is sent.
 *
 * A shared answer is never older than a write this process has started:
 * every write (any operation that is not a read) moves a generation on when
 * it starts and when it ends, and a read joins only a read sent in the same
 * generation. Not shared at all: server actions (their reads decide a
 * change, so each is sent afresh), calls under a change's deadline or with
 * their own abort signal (each keeps its own budget), and S3 GetObject (its
 * body is a stream only one caller can read). Each caller that joins gets
 * its own copy of the answer, so no caller can change another's.
 */
import { inDeadlineScope } from "./deadline";
import { currentRequest } from "./request-log";

interface Command {
  input?: unknown;
  /** The operation's schema: [kind, namespace, operation name, …] (survives minifying). */
  schema?: unknown;
}

type Send = (command: never, options?: { abortSignal?: AbortSignal }) => Promise<unknown>;

const READ = /^(Get|List|Describe|Head)[A-Z]/;
/** Reads whose answer only one caller can consume. */
const UNSHARED = new Set(["GetObject"]);

let generation = 0;

interface InFlight {
  /** Callers waiting for this answer besides the one that sent it. */
  joiners: number;
  /** The answer as it arrived, for the joiners to copy. */
  forJoiners: Promise<unknown>;
}

/** The operation a command sends, from its schema (its class name is gone once minified). */
export function operationOf(command: Command): string | undefined {
  const name = Array.isArray(command.schema) ? command.schema[2] : undefined;
  return typeof name === "string" ? name : undefined;
}

function copy<T>(value: T): T {
  try {
    return structuredClone(value);
  } catch {
    return value;
  }
}

/** `send` with reads shared while in flight (see above); writes move the generation on. */
export function sharingReads<S extends Send>(send: S): S {
  const inFlight = new Map<string, InFlight>();
  const shared = (command: Command, options?: { abortSignal?: AbortSignal }) => {
    const operation = operationOf(command) ?? "";
    if (!READ.test(operation)) {
      generation++;
      return send(command as never, options).finally(() => generation++);
    }
    if (UNSHARED.has(operation) || options?.abortSignal || currentRequest() || inDeadlineScope())
      return send(command as never, options);
    let key: string;
    try {
      key = `${generation} ${operation} ${JSON.stringify(command.input ?? {})}`;
    } catch {
      return send(command as never, options);
    }
    const sent = inFlight.get(key);
    if (sent) {
      sent.joiners++;
      return sent.forJoiners.then(copy);
    }
    const answer = send(command as never, options);
    // Runs before the first caller's own code: the joiners' copy is taken
    // before that caller can change the answer.
    const entry: InFlight = {
      joiners: 0,
      forJoiners: answer.then(
        (value) => {
          inFlight.delete(key);
          return entry.joiners ? copy(value) : value;
        },
        (error: unknown) => {
          inFlight.delete(key);
          throw error;
        },
      ),
    };
    entry.forJoiners.catch(() => {});
    inFlight.set(key, entry);
    return answer;
  };
  return shared as unknown as S;
}
