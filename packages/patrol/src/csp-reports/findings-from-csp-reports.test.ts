import { describe, expect, it } from "@jest/globals";
import { findingsFromCspReports, type ReportedViolation } from ".";

function violation(overrides: Partial<ReportedViolation> = {}): ReportedViolation {
  return {
    documentUrl: "https://shop.example/book",
    blockedUrl: "https://skimmer.example/collect.js",
    directive: "script-src-elem",
    disposition: "enforce",
    fingerprint: "f".repeat(64),
    count: 3,
    firstSeenAt: new Date("2026-12-05T09:00:00Z"),
    lastSeenAt: new Date("2026-12-05T10:00:00Z"),
    ...overrides,
  };
}

const severityOf = (overrides: Partial<ReportedViolation>) =>
  findingsFromCspReports({ violations: [violation(overrides)] })[0]?.severity;

describe("findingsFromCspReports", () => {
  it("makes an injected script a critical finding on its page, naming page, directive, URL and count", () => {
    expect(findingsFromCspReports({ violations: [violation()] })).toEqual([
      {
        severity: "critical",
        code: "CSP_VIOLATION_REPORTED",
        where: "/book",
        subject: "https://skimmer.example/collect.js script-src-elem",
        message: expect.stringMatching(
          /^Shoppers' browsers on https:\/\/shop\.example\/book reported https:\/\/skimmer\.example\/collect\.js under script-src-elem 3 times .*it was blocked: .*injected skimmer\.$/,
        ),
        after: {
          count: 3,
          disposition: "enforce",
          firstSeenAt: "2026-12-05T09:00:00.000Z",
          lastSeenAt: "2026-12-05T10:00:00.000Z",
        },
      },
    ]);
  });

  it.each([
    "script-src",
    "script-src-elem",
    "script-src-attr",
    "form-action",
    "connect-src",
    "frame-src",
    "worker-src",
    "Script-Src-Elem",
  ])("is critical for %s", (directive) => {
    expect(severityOf({ directive })).toBe("critical");
  });

  it.each(["style-src", "style-src-elem", "img-src", "font-src", "media-src", "manifest-src"])(
    "is a warning for %s",
    (directive) => {
      expect(severityOf({ directive })).toBe("warning");
    },
  );

  it("is critical for default-src only when what it blocked looks like a script", () => {
    expect(severityOf({ directive: "default-src" })).toBe("critical");
    expect(severityOf({ directive: "default-src", blockedUrl: "eval" })).toBe("critical");
    expect(severityOf({ directive: "default-src", blockedUrl: "inline" })).toBe("critical");
    expect(severityOf({ directive: "default-src", blockedUrl: "https://cdn.example/a.mjs" })).toBe(
      "critical",
    );
    expect(severityOf({ directive: "default-src", blockedUrl: "https://cdn.example/a.png" })).toBe(
      "warning",
    );
  });

  it("says when a report-only policy let it run, and counts once as once", () => {
    const [finding] = findingsFromCspReports({
      violations: [
        violation({ disposition: "report", count: 1, sourceFile: "https://x.example/" }),
      ],
    });
    expect(finding?.message).toContain("script-src-elem once");
    expect(finding?.message).toContain("it ran (the policy only reports)");
    expect(finding?.after).toMatchObject({
      disposition: "report",
      sourceFile: "https://x.example/",
    });
  });

  it("places findings where the caller says", () => {
    const [finding] = findingsFromCspReports({
      violations: [violation()],
      where: (reported) => `reports:${new URL(reported.documentUrl).pathname}`,
    });
    expect(finding?.where).toBe("reports:/book");
  });
});
