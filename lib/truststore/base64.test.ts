/**
 * Strict base64: Node's fast path (Buffer, which skips what is not base64
 * and takes the URL-safe alphabet) refuses exactly what the strict
 * alphabet-and-padding rule refuses, and decodes the same bytes.
 */
import { describe, expect, it } from "vitest";
import { strictFromBase64 } from "./base64";

const STRICT = /^[A-Za-z0-9+/]*={0,2}$/;
const reference = (text: string) =>
  text.length % 4 === 0 && STRICT.test(text) ? Buffer.from(text, "base64") : null;

describe("strictFromBase64", () => {
  it.each([
    ["TWFu", "Man"],
    ["TWE=", "Ma"],
    ["TQ==", "M"],
    ["", ""],
  ])("decodes %j", (text, plain) => {
    expect(Buffer.from(strictFromBase64(text)!).toString()).toBe(plain);
  });

  it.each(["TW-u", "TW_u", "TQ=A", "T===", "TW u", "TWF\n", "TWé=", "TWF", "TQ==TQ==", "===="])(
    "refuses %j",
    (text) => expect(strictFromBase64(text)).toBeNull(),
  );

  it("agrees with the strict rule on 100,000 random strings", () => {
    const alphabet = "ABCab019+/=-_ !.é\n\t*";
    for (let i = 0; i < 100_000; i++) {
      let text = "";
      const length = Math.floor(Math.random() * 13);
      for (let j = 0; j < length; j++)
        text += alphabet[Math.floor(Math.random() * (Math.random() < 0.8 ? 10 : alphabet.length))];
      const ours = strictFromBase64(text);
      const expected = reference(text);
      expect(ours === null, text).toBe(expected === null);
      if (ours && expected) expect(Buffer.from(ours).equals(expected), text).toBe(true);
    }
  });
});
