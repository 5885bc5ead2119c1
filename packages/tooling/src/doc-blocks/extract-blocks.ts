/**
 * @module
 * The TypeScript blocks of a Markdown file, found with markdown-it (so fences inside lists and
 * quotes, `~~~` fences and HTML comments follow CommonMark, not a regular expression), each with
 * its line and, when a fragment marker stands on the line right before its fence, that marker.
 *
 * The marker: `<!-- fragment: why this block cannot compile on its own -->`.
 */
import MarkdownIt from "markdown-it";

/** The languages (first word of a fence's info string) that are type-checked. */
export const CHECKED_LANGUAGES: ReadonlySet<string> = new Set(["ts", "typescript"]);

/** One ```ts block. */
export interface DocBlock {
  /** Repository-relative path of the Markdown file, `/`-separated. */
  readonly file: string;
  /** 1-based line of the opening fence in the Markdown file. */
  readonly line: number;
  /** The code between the fences. */
  readonly code: string;
  /** Set when the block is marked as a fragment: not checked, for the reason given. */
  readonly fragmentReason?: string | undefined;
}

/** A fragment marker that cannot be honoured. */
export interface MarkerProblem {
  readonly file: string;
  /** 1-based line of the marker. */
  readonly line: number;
  readonly message: string;
}

/** What a Markdown file holds. */
export interface ExtractedBlocks {
  readonly blocks: readonly DocBlock[];
  readonly problems: readonly MarkerProblem[];
}

const FRAGMENT_MARKER = /^<!--\s*fragment\b\s*:?([\s\S]*?)-->\s*$/;

// `html: true` so comments are html_block tokens rather than paragraph text.
const markdown = new MarkdownIt({ html: true });

/** The ```ts blocks of `source` (the text of `file`) and any misused fragment markers. */
export function extractBlocks(file: string, source: string): ExtractedBlocks {
  const blocks: DocBlock[] = [];
  const problems: MarkerProblem[] = [];
  const tokens = markdown.parse(source, {});
  tokens.forEach((token, index) => {
    const reason = markerReason(token);
    if (reason !== undefined && token.map) {
      const line = token.map[0] + 1;
      if (!isMarkerOf(token, tokens[index + 1])) {
        problems.push({
          file,
          line,
          message: "fragment marker not on the line right before a ```ts block",
        });
      } else if (reason === "") {
        problems.push({
          file,
          line,
          message:
            "fragment without a reason: write `<!-- fragment: why it cannot compile alone -->`",
        });
      }
    }
    if (isCheckedFence(token) && token.map) {
      const previous = tokens[index - 1];
      const fragmentReason =
        previous && isMarkerOf(previous, token) ? markerReason(previous) : undefined;
      blocks.push({ file, line: token.map[0] + 1, code: token.content, fragmentReason });
    }
  });
  return { blocks, problems };
}

/** The reason of a fragment marker ("" when it gives none), or undefined for any other token. */
function markerReason(token: MarkdownIt.Token): string | undefined {
  if (token.type !== "html_block") return undefined;
  const match = FRAGMENT_MARKER.exec(token.content.trim());
  return match ? (match[1] ?? "").replace(/\s+/g, " ").trim() : undefined;
}

/** Whether `marker` is a fragment marker on the line right before the ```ts fence `fence`. */
function isMarkerOf(marker: MarkdownIt.Token, fence: MarkdownIt.Token | undefined): boolean {
  return (
    markerReason(marker) !== undefined &&
    isCheckedFence(fence) &&
    marker.map !== null &&
    fence.map?.[0] === marker.map[1]
  );
}

function isCheckedFence(token: MarkdownIt.Token | undefined): token is MarkdownIt.Token {
  if (token?.type !== "fence") return false;
  const language = token.info.trim().split(/\s+/)[0] ?? "";
  return CHECKED_LANGUAGES.has(language.toLowerCase());
}
