/** Terminal output of schools counted as schools and of pupils and households without signal (analyze). */
import type { ImportIssue, ImportReport, Language, SchoolWeightResult } from "../../src/domain/index.ts";
import { out as terminalOut } from "./terminal.ts";

/**
 * Adds cross-file issues (a school site whose parent_id names no school) to the report of the file they name.
 * @param reports - the import reports
 * @param issues - the issues, each naming its file
 */
export function attachIssues(reports: readonly ImportReport[], issues: readonly ImportIssue[]): void {
  for (const issue of issues) {
    const report = reports.find((candidate) => candidate.kind === "points" && candidate.file === issue.file);
    if (!report) continue;
    report.issues.push(issue);
    if (issue.severity === "warning") report.warnings++;
  }
}

/**
 * Prints the school counts (by main site, and as schools) and the pupils and households without signal.
 * @param result - the accumulated result
 * @param language - vi or en
 * @param quiet - only the headline lines
 */
export function printSchoolsAndWeights(result: SchoolWeightResult, language: Language, quiet: boolean): void {
  const vi = language === "vi";
  const n = (value: number) => new Intl.NumberFormat(vi ? "vi-VN" : "en-US", { maximumFractionDigits: 0 }).format(value);
  const out = (line: string) => terminalOut(line + "\n");
  const { schools, weights } = result;
  if (schools.schools > 0) {
    out(
      vi
        ? `Trường: ${n(schools.schools)}; điểm chính chưa có sóng: ${n(schools.mainUncovered)}; trường có điểm trường chưa có sóng: ${n(schools.withUncoveredSite)}; chưa có sóng ở điểm chính hoặc một điểm trường: ${n(schools.notFullyCovered)}; có sóng ở mọi điểm: ${n(schools.fullyCovered)}`
        : `Schools: ${n(schools.schools)}; main site uncovered: ${n(schools.mainUncovered)}; with an uncovered school site: ${n(schools.withUncoveredSite)}; main site or a school site uncovered: ${n(schools.notFullyCovered)}; covered at every site: ${n(schools.fullyCovered)}`,
    );
  }
  if (weights.pupils > 0 || weights.households > 0) {
    out(
      vi
        ? `Học sinh chưa có sóng: ${n(weights.pupilsUncovered)} / ${n(weights.pupils)}; số hộ chưa có sóng: ${n(weights.householdsUncovered)} / ${n(weights.households)}`
        : `Pupils without signal: ${n(weights.pupilsUncovered)} / ${n(weights.pupils)}; households without signal: ${n(weights.householdsUncovered)} / ${n(weights.households)}`,
    );
  }
  if (quiet) return;
  if (weights.byCarrier.length > 0 && (weights.pupils > 0 || weights.households > 0)) {
    out(`\n${vi ? "Theo nhà mạng (học sinh / số hộ nhà mạng đó chưa phủ)" : "By carrier (pupils / households that carrier does not cover)"}`);
    for (const entry of weights.byCarrier) out(`  ${entry.carrier.padEnd(14)} ${n(entry.pupilsUncovered).padStart(9)} / ${n(entry.householdsUncovered)}`);
  }
  const worst = [...weights.byCommune]
    .filter((area) => area.pupilsUncovered + area.householdsUncovered > 0)
    .sort((a, b) => b.pupilsUncovered - a.pupilsUncovered || b.householdsUncovered - a.householdsUncovered)
    .slice(0, 15);
  if (worst.length > 0) {
    out(
      `\n${vi ? "Xã có nhiều học sinh chưa có sóng nhất (học sinh / số hộ chưa có sóng)" : "Communes with the most pupils without signal (pupils / households without signal)"}`,
    );
    for (const area of worst) out(`  ${area.name.padEnd(24)} ${n(area.pupilsUncovered).padStart(7)} / ${n(area.householdsUncovered)}`);
  }
}
