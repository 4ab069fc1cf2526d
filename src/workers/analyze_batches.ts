/**
 * The worker's analysis, batch by batch so that a cancel is seen within one batch: the domain's
 * CoverageAnalyzer builds its indexes once and is applied to successive batches; its area lists only grow and
 * are filled in point order either way, so the joined batches are the analysis of one `analyzeCoverage` call
 * (the test compares them).
 */
import { createCoverageAnalyzer, type AdminArea, type CoverageAnalysis, type CoverageFeature, type Point } from "../domain/index.ts";

/**
 * Analyses points against coverage, calling `between` after the indexes are built and after each batch.
 * @param points - the points
 * @param coverage - the coverage in force
 * @param admin - the admin areas
 * @param options - `batch`: points per batch; `between(done)`: awaited with the points analysed so far (it may throw to stop)
 * @returns the same analysis as analyzeCoverage(points, coverage, admin)
 */
export async function analyzeInBatches(
  points: readonly Point[],
  coverage: readonly CoverageFeature[],
  admin: readonly AdminArea[],
  options: { batch: number; between: (done: number) => Promise<void> },
): Promise<CoverageAnalysis> {
  const analyzer = createCoverageAnalyzer(coverage, admin);
  await options.between(0);
  const batches: CoverageAnalysis[] = [];
  for (let start = 0; start < points.length || batches.length === 0; start += options.batch) {
    batches.push(analyzer.analyze(points.slice(start, start + options.batch)));
    if (start + options.batch < points.length) await options.between(start + options.batch);
  }
  if (batches.length === 1) return batches[0];
  const last = batches[batches.length - 1];
  const masks = new Uint32Array(points.length * last.words);
  const provinceOf = new Int32Array(points.length);
  const communeOf = new Int32Array(points.length);
  let offset = 0;
  for (const batch of batches) {
    masks.set(batch.masks, offset * last.words);
    provinceOf.set(batch.provinceOf, offset);
    communeOf.set(batch.communeOf, offset);
    offset += batch.provinceOf.length;
  }
  // The area lists are the analyzer's own, grown by every batch: the last batch's are complete.
  return { layers: last.layers, words: last.words, masks, provinces: last.provinces, communes: last.communes, provinceOf, communeOf };
}
