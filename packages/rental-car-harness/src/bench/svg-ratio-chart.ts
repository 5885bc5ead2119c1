/**
 * @module
 * A small SVG bar chart of throughput ratios against their targets: one bar per path (linkpay ÷
 * its baseline), a mark at the target and a dashed mark where the quick mode fails (half the target
 * unless the ratio names its own bound). Plain text that diffs well in git, like svg-line-chart.
 */
import type { Ratio } from "./quick-ratios";

const WIDTH = 1000;
const ROW = 34;
const MARGIN = { top: 48, right: 40, bottom: 62, left: 420 };

function escapeXml(text: string): string {
  return text.replace(
    /[&<>"]/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c] ?? c,
  );
}

/** Renders `ratios` (all "higher is better") as an SVG document. */
export function renderRatioChart(input: {
  readonly title: string;
  readonly ratios: readonly Ratio[];
}): string {
  const { ratios } = input;
  const height = MARGIN.top + ratios.length * ROW + MARGIN.bottom;
  const plotW = WIDTH - MARGIN.left - MARGIN.right;
  const xMax = Math.max(1.2, ...ratios.map((ratio) => Math.ceil(ratio.value * 5) / 5));
  const sx = (x: number) => MARGIN.left + (x / xMax) * plotW;
  const bottom = MARGIN.top + ratios.length * ROW;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="${WIDTH}" height="${height}" fill="#fff"/>`,
    `<text x="16" y="24" font-size="15" font-weight="bold">${escapeXml(input.title)}</text>`,
  ];
  for (let x = 0; x <= xMax + 1e-9; x += 0.2) {
    parts.push(
      `<line x1="${sx(x).toFixed(1)}" x2="${sx(x).toFixed(1)}" y1="${MARGIN.top}" y2="${bottom}" stroke="#e5e7eb"/>`,
      `<text x="${sx(x).toFixed(1)}" y="${bottom + 16}" text-anchor="middle">${x.toFixed(1)}×</text>`,
    );
  }
  ratios.forEach((ratio, index) => {
    const top = MARGIN.top + index * ROW + 6;
    const met = ratio.value >= ratio.target;
    parts.push(
      `<text x="${MARGIN.left - 10}" y="${top + 15}" text-anchor="end">${escapeXml(ratio.path)}</text>`,
      `<rect x="${MARGIN.left}" y="${top}" width="${(sx(ratio.value) - MARGIN.left).toFixed(1)}" height="${ROW - 12}" fill="${met ? "#0b6e4f" : "#d68910"}"/>`,
      `<text x="${(sx(ratio.value) + 6).toFixed(1)}" y="${top + 15}">${ratio.value.toFixed(2)}×</text>`,
      `<line x1="${sx(ratio.target).toFixed(1)}" x2="${sx(ratio.target).toFixed(1)}" y1="${top - 3}" y2="${top + ROW - 9}" stroke="#111" stroke-width="2"/>`,
      `<line x1="${sx(ratio.bound ?? ratio.target / 2).toFixed(1)}" x2="${sx(ratio.bound ?? ratio.target / 2).toFixed(1)}" y1="${top - 3}" y2="${top + ROW - 9}" stroke="#c0392b" stroke-dasharray="3 2"/>`,
    );
  });
  parts.push(
    `<text x="${MARGIN.left}" y="${height - 26}">bar: linkpay ÷ baseline (green: target met) · black mark: the target</text>`,
    `<text x="${MARGIN.left}" y="${height - 8}">red dashed mark: where the quick mode fails (half the target unless stated)</text>`,
    "</svg>",
    "",
  );
  return parts.join("\n");
}
