/**
 * `npm run cli -- <command> [options]`: starts the CLI from one prebuilt JavaScript file instead of compiling its
 * TypeScript modules one by one at every start (tsx costs about a second of CPU before the first line, and the
 * coverage worker thread pays it again).
 *
 * The bundle (scripts/cli.ts and the coverage worker, built by esbuild with the npm packages left as imports) is kept
 * in node_modules/.lom-song-cli/ with the list of the source files it was built from, their sizes and times. It is
 * rebuilt when any of them changed, so an edited checkout never runs stale code; it is written under temporary names
 * and renamed, so two commands started together never read half a file. When it cannot be built or written
 * (a read-only checkout, a full disk, esbuild missing), the CLI runs through tsx as before: same code, slower start.
 *
 * The folder is two levels below the project, like scripts/cli/, so that `new URL("../../data/…", import.meta.url)`
 * and the worker's `new URL("./coverage_worker_boot.mjs", import.meta.url)` mean the same in the bundle.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const FOLDER = join(ROOT, "node_modules", ".lom-song-cli");
const MANIFEST = join(FOLDER, "inputs.json");
const ENTRIES = { cli: "scripts/cli.ts", coverage_worker_boot: "scripts/cli/coverage_worker.ts" };
/** Bumped when the way the bundle is built changes, so that old bundles are rebuilt. */
const FORMAT = 2;
/** Packages loaded only for some files (a TIFF, an old .xls), by import(): left out of the bundle. */
const EXTERNAL = ["geotiff", "xlsx", "@e965/xlsx"];

/** Whether the bundle on disk was built from the source files as they are now. */
function isFresh() {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(MANIFEST, "utf8"));
  } catch {
    return false;
  }
  if (manifest.format !== FORMAT || !Array.isArray(manifest.inputs)) return false;
  for (const [path, size, mtimeMs] of manifest.inputs) {
    try {
      const stat = statSync(join(ROOT, path));
      if (stat.size !== size || stat.mtimeMs !== mtimeMs) return false;
    } catch {
      return false;
    }
  }
  for (const name of Object.keys(ENTRIES)) {
    try {
      statSync(join(FOLDER, `${name}.mjs`));
    } catch {
      return false;
    }
  }
  return true;
}

/** Builds the bundle; true when it is in place. */
async function build() {
  let esbuild;
  try {
    esbuild = await import("esbuild");
  } catch {
    return false;
  }
  const temporary = `${FOLDER}.tmp-${process.pid}`;
  try {
    const result = await esbuild.build({
      absWorkingDir: ROOT,
      entryPoints: ENTRIES,
      outdir: temporary,
      outExtension: { ".js": ".mjs" },
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node20",
      // The npm packages too: resolving and loading their hundreds of module files cost about 0.4 s of every start.
      external: EXTERNAL,
      metafile: true,
      logLevel: "silent",
      // Packages still written as CommonJS are reached through require() in the bundle.
      banner: { js: 'import { createRequire as __lomSongRequire } from "node:module"; const require = __lomSongRequire(import.meta.url);' },
    });
    const inputs = Object.keys(result.metafile.inputs)
      .filter((path) => !path.startsWith("node_modules/"))
      .map((path) => {
        const stat = statSync(join(ROOT, path));
        return [path, stat.size, stat.mtimeMs];
      });
    writeFileSync(join(temporary, "inputs.json"), JSON.stringify({ format: FORMAT, inputs }));
    mkdirSync(FOLDER, { recursive: true });
    // File by file, the manifest last: a command that starts meanwhile sees either the old set or the new one.
    rmSync(MANIFEST, { force: true });
    for (const name of Object.keys(ENTRIES)) renameSync(join(temporary, `${name}.mjs`), join(FOLDER, `${name}.mjs`));
    renameSync(join(temporary, "inputs.json"), MANIFEST);
    return true;
  } catch {
    return false;
  } finally {
    rmSync(temporary, { recursive: true, force: true });
  }
}

if (isFresh() || (await build())) {
  await import(pathToFileURL(join(FOLDER, "cli.mjs")).href);
} else {
  // The same CLI through tsx: the worker thread registers tsx itself (scripts/cli/coverage_worker_boot.mjs).
  const { register } = await import("tsx/esm/api");
  register();
  await import(pathToFileURL(join(ROOT, "scripts", "cli.ts")).href);
}
