/**
 * Records of one shape sent to the browser as columns: each key once, each
 * record as its values in that order (null for a key it does not have), so
 * fifty versions do not spell "certificateCount" fifty times. For records
 * whose values are never null.
 */
export interface PackedRecords<T> {
  keys: string[];
  rows: unknown[][];
  /** Only to carry T to unpackRecords. */
  readonly shape?: T;
}

export function packRecords<T extends object>(records: T[]): PackedRecords<T> {
  const keys = [...new Set(records.flatMap((r) => Object.keys(r)))];
  return {
    keys,
    rows: records.map((r) => keys.map((k) => (r as Record<string, unknown>)[k] ?? null)),
  };
}

export function unpackRecords<T extends object>(packed: PackedRecords<T>): T[] {
  return packed.rows.map((values) => {
    const record: Record<string, unknown> = {};
    packed.keys.forEach((k, i) => {
      if (values[i] !== null && values[i] !== undefined) record[k] = values[i];
    });
    return record as T;
  });
}
