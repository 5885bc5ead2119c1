import { describe, expect, it } from "@jest/globals";
import { escapeHtml, html } from "./html";

describe("html", () => {
  it("escapes every interpolated value", () => {
    const name = `<script>alert("x")</script>' \`&`;
    expect(html`<td title="${name}">${name}</td>`.toString()).toBe(
      '<td title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&#39; &#96;&amp;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&#39; &#96;&amp;</td>',
    );
  });

  it("keeps nested html, joins lists and drops nullish or false values", () => {
    const items = ["<a>", "b"].map((item) => html`<li>${item}</li>`);
    expect(html`<ul>${items}</ul>${null}${undefined}${false}${0}`.toString()).toBe(
      "<ul><li>&lt;a&gt;</li><li>b</li></ul>0",
    );
  });

  it("does not trust strings that merely look like markup", () => {
    expect(escapeHtml("<b>bold</b>")).toBe("&lt;b&gt;bold&lt;/b&gt;");
    expect(html`${"<b>"}`.toString()).toBe("&lt;b&gt;");
  });
});
