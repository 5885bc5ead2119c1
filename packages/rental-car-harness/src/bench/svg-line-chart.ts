/**
 * @module
 * A small SVG line chart: a few series over numeric or labelled x values, axes with ticks, a
 * legend. Enough for the benchmark report, and plain text that diffs well in git.
 */

/** One line. */
export interface Series {
  readonly name: string;
  readonly points: readonly (readonly [number, number])[];
}

/** What to draw. */
export interface LineChart {
  readonly title: string;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly series: readonly Series[];
  /** Labels for x positions (drawn instead of numbers), e.g. percentile names. */
  readonly xTicks?: readonly { readonly at: number; readonly label: string }[] | undefined;
  /** Start the y axis at zero (default true). */
  readonly yFromZero?: boolean | undefined;
}

const WIDTH = 1000;
const HEIGHT = 400;
const MARGIN = { top: 40, right: 380, bottom: 56, left: 72 };
const COLOURS = ["#0b6e4f", "#2c6fbb", "#d68910", "#c0392b", "#8e44ad", "#5d6d7e"];

function escapeXml(text: string): string {
  return text.replace(
    /[&<>"]/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c] ?? c,
  );
}

function niceStep(range: number, count: number): number {
  const rough = range / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  const fraction = rough / power;
  return (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * power;
}

function format(value: number): string {
  return Math.abs(value) >= 1000 ? value.toLocaleString("en-US") : String(Number(value.toFixed(2)));
}

/** Renders the chart as an SVG document. */
export function renderLineChart(chart: LineChart): string {
  const all = chart.series.flatMap((series) => series.points);
  const xs = all.map(([x]) => x);
  const ys = all.map(([, y]) => y);
  const xMin = Math.min(...xs);
  const xMax = Math.max(...xs, xMin + 1);
  const yStep = niceStep(
    Math.max(...ys) - (chart.yFromZero === false ? Math.min(...ys) : 0) || 1,
    5,
  );
  const yMin = chart.yFromZero === false ? Math.floor(Math.min(...ys) / yStep) * yStep : 0;
  const yMax = Math.ceil(Math.max(...ys) / yStep) * yStep || yStep;
  const plotW = WIDTH - MARGIN.left - MARGIN.right;
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const sx = (x: number) => MARGIN.left + ((x - xMin) / (xMax - xMin)) * plotW;
  const sy = (y: number) => MARGIN.top + plotH - ((y - yMin) / (yMax - yMin)) * plotH;

  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" font-family="sans-serif" font-size="12">`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#fff"/>`,
    `<text x="${MARGIN.left}" y="24" font-size="15" font-weight="bold">${escapeXml(chart.title)}</text>`,
  ];
  for (let y = yMin; y <= yMax + yStep / 2; y += yStep) {
    parts.push(
      `<line x1="${MARGIN.left}" x2="${MARGIN.left + plotW}" y1="${sy(y).toFixed(1)}" y2="${sy(y).toFixed(1)}" stroke="#e5e7eb"/>`,
      `<text x="${MARGIN.left - 8}" y="${(sy(y) + 4).toFixed(1)}" text-anchor="end">${format(y)}</text>`,
    );
  }
  const xTicks =
    chart.xTicks ??
    Array.from({ length: 6 }, (_, index) => {
      const at = xMin + ((xMax - xMin) * index) / 5;
      return { at, label: format(Math.round(at)) };
    });
  for (const tick of xTicks) {
    parts.push(
      `<line x1="${sx(tick.at).toFixed(1)}" x2="${sx(tick.at).toFixed(1)}" y1="${MARGIN.top + plotH}" y2="${MARGIN.top + plotH + 5}" stroke="#6b7280"/>`,
      `<text x="${sx(tick.at).toFixed(1)}" y="${MARGIN.top + plotH + 20}" text-anchor="middle">${escapeXml(tick.label)}</text>`,
    );
  }
  parts.push(
    `<line x1="${MARGIN.left}" x2="${MARGIN.left + plotW}" y1="${MARGIN.top + plotH}" y2="${MARGIN.top + plotH}" stroke="#6b7280"/>`,
    `<line x1="${MARGIN.left}" x2="${MARGIN.left}" y1="${MARGIN.top}" y2="${MARGIN.top + plotH}" stroke="#6b7280"/>`,
    `<text x="${MARGIN.left + plotW / 2}" y="${HEIGHT - 12}" text-anchor="middle">${escapeXml(chart.xLabel)}</text>`,
    `<text transform="translate(18 ${MARGIN.top + plotH / 2}) rotate(-90)" text-anchor="middle">${escapeXml(chart.yLabel)}</text>`,
  );
  chart.series.forEach((series, index) => {
    const colour = COLOURS[index % COLOURS.length];
    const path = series.points
      .map(([x, y], i) => `${i === 0 ? "M" : "L"}${sx(x).toFixed(1)},${sy(y).toFixed(1)}`)
      .join(" ");
    parts.push(`<path d="${path}" fill="none" stroke="${colour}" stroke-width="2"/>`);
    for (const [x, y] of series.points.length <= 20 ? series.points : []) {
      parts.push(
        `<circle cx="${sx(x).toFixed(1)}" cy="${sy(y).toFixed(1)}" r="3" fill="${colour}"/>`,
      );
    }
    const ly = MARGIN.top + 10 + index * 20;
    parts.push(
      `<line x1="${WIDTH - MARGIN.right + 16}" x2="${WIDTH - MARGIN.right + 36}" y1="${ly}" y2="${ly}" stroke="${colour}" stroke-width="2"/>`,
      `<text x="${WIDTH - MARGIN.right + 42}" y="${ly + 4}">${escapeXml(series.name)}</text>`,
    );
  });
  parts.push("</svg>");
  return `${parts.join("\n")}\n`;
}
