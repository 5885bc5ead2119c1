/**
 * @module
 * `npm run docs:check`: the doc check outside jest, for whoever is editing the docs.
 */
import { formatDiagnostic } from "./check-blocks";
import { checkDocs } from "./check-docs";

const report = checkDocs();
for (const problem of report.markerProblems) {
  console.error(`${problem.file}:${problem.line} ${problem.message}`);
}
for (const diagnostic of report.diagnostics) console.error(formatDiagnostic(diagnostic));
const checked = report.blocks.length - report.fragments.length;
console.log(
  `doc blocks: ${checked} checked, ${report.fragments.length} fragments, ` +
    `${report.diagnostics.length + report.markerProblems.length} problems`,
);
if (report.diagnostics.length > 0 || report.markerProblems.length > 0) process.exitCode = 1;
