/**
 * @module
 * The checks the XSS tests rely on can fail: injected markup, event handlers, script URLs and a
 * weak CSP are all reported, so a payload that got through would not pass unnoticed.
 */
import { describe, expect, it } from "@jest/globals";
import { cspProblems, markupProblems } from "./html-checks";

describe("inert-page checks", () => {
  it("the inert-markup check itself catches injected markup (so the corpus can fail)", () => {
    expect(markupProblems("<p>ok</p><script>alert(1)</script>")).toContain("injected <script>");
    expect(markupProblems("<p><img src=x onerror=alert(1)></p>")).toEqual(
      expect.arrayContaining(["injected <img> from x", "event handler onerror on <img>"]),
    );
    expect(markupProblems('<a href="javascript:alert(1)">x</a>')).toEqual([
      "script URL in href of <a>",
    ]);
    expect(markupProblems('<input value=""><svg onload=alert(1)>">')).toContain("injected <svg>");
    expect(markupProblems('<a href="//evil.example">x</a>')).toHaveLength(1);
    expect(markupProblems('<p title="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;">x</p>')).toEqual(
      [],
    );
    expect(cspProblems("script-src 'self' 'unsafe-inline'")).toContain(
      "script-src allows 'unsafe-inline'",
    );
    expect(cspProblems(null)).toEqual(["no Content-Security-Policy header"]);
  });
});
