import { describe, expect, it } from "@jest/globals";
import { extractBlocks } from "./extract-blocks";

const fence = "```";

describe("extractBlocks", () => {
  it("finds ts and typescript blocks with their fence line, and nothing else", () => {
    const source = [
      "# Title", // 1
      "", // 2
      `${fence}ts`, // 3
      "const a = 1;", // 4
      fence, // 5
      `${fence}sh`, // 6
      "npm test", // 7
      fence, // 8
      "~~~typescript", // 9
      "const b = 2;", // 10
      "~~~", // 11
      "- a list item", // 12
      "", // 13
      `  ${fence}ts title="indented"`, // 14
      "  const c = 3;", // 15
      `  ${fence}`, // 16
    ].join("\n");
    const { blocks, problems } = extractBlocks("docs/x.md", source);
    expect(problems).toEqual([]);
    expect(blocks).toEqual([
      { file: "docs/x.md", line: 3, code: "const a = 1;\n", fragmentReason: undefined },
      { file: "docs/x.md", line: 9, code: "const b = 2;\n", fragmentReason: undefined },
      { file: "docs/x.md", line: 14, code: "const c = 3;\n", fragmentReason: undefined },
    ]);
  });

  it("reads a fragment marker on the line right before the fence, with its reason", () => {
    const source = [
      "<!-- fragment: continues the block above -->",
      `${fence}ts`,
      "app.use(x);",
      fence,
    ].join("\n");
    const { blocks, problems } = extractBlocks("README.md", source);
    expect(problems).toEqual([]);
    expect(blocks.map((block) => block.fragmentReason)).toEqual(["continues the block above"]);
  });

  it("reports a fragment without a reason, and still leaves the block out", () => {
    for (const marker of ["<!-- fragment -->", "<!-- fragment: -->", "<!--fragment:   -->"]) {
      const { blocks, problems } = extractBlocks(
        "README.md",
        `${marker}\n${fence}ts\nx;\n${fence}\n`,
      );
      expect(problems).toEqual([
        {
          file: "README.md",
          line: 1,
          message: expect.stringContaining("fragment without a reason"),
        },
      ]);
      expect(blocks.map((block) => block.fragmentReason)).toEqual([""]);
    }
  });

  it("reports a marker that is not right before a ts block", () => {
    const source = [
      "<!-- fragment: a blank line follows -->", // 1
      "", // 2
      `${fence}ts`, // 3
      "x;", // 4
      fence, // 5
      "<!-- fragment: a shell block follows -->", // 6
      `${fence}sh`, // 7
      "ls", // 8
      fence, // 9
    ].join("\n");
    const { blocks, problems } = extractBlocks("README.md", source);
    expect(problems.map((problem) => problem.line)).toEqual([1, 6]);
    expect(problems[0]?.message).toMatch(/not on the line right before a ```ts block/);
    expect(blocks.map((block) => block.fragmentReason)).toEqual([undefined]);
  });

  it("ignores other HTML comments", () => {
    const { blocks, problems } = extractBlocks(
      "README.md",
      `<!-- note -->\n${fence}ts\nx;\n${fence}\n`,
    );
    expect(problems).toEqual([]);
    expect(blocks.map((block) => block.fragmentReason)).toEqual([undefined]);
  });
});
