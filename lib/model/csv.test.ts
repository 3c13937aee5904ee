import { describe, expect, it } from "vitest";
import { toCsv } from "./csv";

describe("CSV", () => {
  it("quotes what needs quoting and defuses formulas", () => {
    const csv = toCsv(
      ["name", "note"],
      [
        { name: "a.example.com", note: 'says "hi", twice\nthen stops' },
        { name: '=HYPERLINK("http://x")', note: "-2+3" },
        { name: "b.example.com", note: undefined },
      ],
    );
    expect(csv).toBe(
      'name,note\r\na.example.com,"says ""hi"", twice\nthen stops"\r\n"\'=HYPERLINK(""http://x"")",\'-2+3\r\nb.example.com,\r\n',
    );
  });
});
