import { describe, expect, it } from "vitest";
import { packRecords, unpackRecords } from "./packed-records";

describe("records sent as columns", () => {
  it("unpack to the records, keys they lack left out, and name each key once", () => {
    const records = [
      { versionId: "a", size: 1, isLatest: true, metadata: { uploadedBy: "x" }, analysed: true },
      { versionId: "b", size: 0, isLatest: false, metadata: {} },
      { versionId: "c", size: 2, isLatest: false, metadata: {}, summarising: true },
    ];
    const packed = packRecords(records);
    expect(unpackRecords(packed)).toEqual(records);
    const text = JSON.stringify(packed);
    expect(text.match(/versionId/g)).toHaveLength(1);
    expect(text.length).toBeLessThan(JSON.stringify(records).length);
    expect(unpackRecords(packRecords([]))).toEqual([]);
  });
});
