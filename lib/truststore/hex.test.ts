/** Hex as openssl prints it, at every length (across the chunk boundary too), with and without a separator. */
import { describe, expect, it } from "vitest";
import { toHex } from "./hex";

const reference = (bytes: Uint8Array, separator: string) =>
  Array.from(bytes, (b) => b.toString(16).padStart(2, "0").toUpperCase()).join(separator);

describe("toHex", () => {
  it.each([0, 1, 2, 20, 32, 4095, 4096, 4097, 9000])("%i bytes", (length) => {
    const bytes = crypto.getRandomValues(new Uint8Array(length));
    for (const separator of ["", ":", "::"])
      expect(toHex(bytes, separator)).toBe(reference(bytes, separator));
    expect(toHex(bytes.buffer)).toBe(reference(bytes, ""));
  });
});
