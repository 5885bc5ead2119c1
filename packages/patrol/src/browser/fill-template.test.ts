import { describe, expect, it } from "@jest/globals";
import { fillTemplate } from "./fill-template";

const values = {
  run: "20261205T2141-ab12",
  email: "patrol+20261205T2141-ab12@example.com",
  now: new Date("2026-12-05T16:00:00Z"),
};

describe("fillTemplate", () => {
  it("fills the run, the e-mail and dates in Japan time", () => {
    // 16:00 UTC is 01:00 the next day in Japan.
    expect(fillTemplate("{date} {date+1} {date-6} {run} {email}", values)).toBe(
      "2026-12-06 2026-12-07 2026-11-30 20261205T2141-ab12 patrol+20261205T2141-ab12@example.com",
    );
  });

  it("leaves other braces as written", () => {
    expect(fillTemplate("{name} {date+x}", values)).toBe("{name} {date+x}");
  });
});
