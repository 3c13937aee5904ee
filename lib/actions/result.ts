/**
 * The one result shape of every server action.
 */
export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; message: string; code?: string; fieldErrors?: Record<string, string[]>; details?: Record<string, unknown> };
