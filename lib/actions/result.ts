/**
 * The one result shape of every server action.
 */
export type ActionResult<T> =
  /** warning: the change was made, but something about it needs the user's attention (e.g. not recorded). */
  | { ok: true; data: T; warning?: string }
  | {
      ok: false;
      message: string;
      code?: string;
      fieldErrors?: Record<string, string[]>;
      details?: Record<string, unknown>;
    };
