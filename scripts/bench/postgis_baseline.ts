/**
 * `npm run bench -- --postgis [--points N] [--towers N]`: the CLI end to end against PostGIS on the same inputs
 * (issue 14). A private PostgreSQL cluster is made in a temporary directory and listens only on a free loopback
 * port and a socket in that directory; it is stopped and removed at the end, also on an error or Ctrl-C.
 *
 * PostGIS: COPY of the coverage as hex EWKB (made from the GeoJSON beforehand, not timed: the fastest load PostGIS
 * has, which favours the baseline) and of the points CSV as it is (points built in SQL, timed), GiST indexes and
 * ANALYZE, then the points covered by no coverage at 4G or better (`analyze --min-tech 4G`). The CLI: `analyze`
 * with the same files, as a user runs it (`npm run cli`: its own process, start-up, reading, checks, indexes, output).
 * Both lists of uncovered ids are compared (the points the CLI rejects, outside Vietnam, are left out of the
 * PostGIS list first). Wall seconds, and CPU seconds of every process involved (the server's backends included).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { chownSync, copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parsePointsCsv } from "../../src/domain/parse/parse_points_csv.ts";
import { writeWorkload } from "./generate_workload.ts";

/** Where PostgreSQL's programs are, or null (then the baseline is skipped). */
export function findPostgres(): { bin: string; version: string } | null {
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((version) => existsSync(join(root, version, "bin", "initdb")) && existsSync(`/usr/share/postgresql/${version}/extension/postgis.control`))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length === 0 ? null : { bin: join(root, versions[0], "bin"), version: versions[0] };
}

/** The figures of one comparison. */
export interface PostgisComparison {
  points: number;
  towersPerCarrier: number;
  postgres: string;
  postgis: string;
  seconds: { load: number; index: number; query: number; total: number };
  cpuSeconds: { postgis: number; cli: number };
  cli: { seconds: number; peakRssMB: number };
  uncovered: { cli: number; postgis: number; rejectedByCli: number; differing: number };
  ratio: { wall: number; cpu: number };
}

async function freePort(): Promise<number> {
  return await new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Hex EWKB (little endian, SRID 4326) of a polygon. */
function polygonEwkb(rings: number[][][]): string {
  let size = 1 + 4 + 4 + 4;
  for (const ring of rings) size += 4 + 16 * ring.length;
  const buffer = Buffer.alloc(size);
  let at = 0;
  buffer.writeUInt8(1, at);
  buffer.writeUInt32LE(0x20000003, at + 1);
  buffer.writeUInt32LE(4326, at + 5);
  buffer.writeUInt32LE(rings.length, at + 9);
  at += 13;
  for (const ring of rings) {
    buffer.writeUInt32LE(ring.length, at);
    at += 4;
    for (const [lon, lat] of ring) {
      buffer.writeDoubleLE(lon, at);
      buffer.writeDoubleLE(lat, at + 8);
      at += 16;
    }
  }
  return buffer.toString("hex");
}

/** CPU seconds of a process and of its children that have ended (Linux /proc). */
function processCpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  // Fields 14–17 of stat (utime, stime, cutime, cstime) are 11–14 here, counted from the state.
  const ticks = Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
  return ticks / 100;
}

/**
 * Runs the comparison.
 * @param options - the workload's size and a line logger
 * @returns the figures, or null when PostgreSQL with PostGIS is not installed (said in one line)
 */
export async function runPostgisBaseline(options: {
  points: number;
  towersPerCarrier: number;
  log: (line: string) => void;
}): Promise<PostgisComparison | null> {
  const postgres = findPostgres();
  if (postgres === null) {
    options.log("PostgreSQL with PostGIS is not installed (no /usr/lib/postgresql/*/bin/initdb with a postgis extension): the PostGIS baseline is skipped.");
    return null;
  }
  const asRoot = process.getuid?.() === 0;
  // initdb refuses to run as root: the cluster belongs to the postgres account then.
  const run = (program: string, args: string[], input?: string): string => {
    const [file, list] = asRoot ? ["runuser", ["-u", "postgres", "--", join(postgres.bin, program), ...args]] : [join(postgres.bin, program), args];
    return execFileSync(file, list, { encoding: "utf8", input, stdio: ["pipe", "pipe", "pipe"], maxBuffer: 256 * 1024 * 1024 });
  };
  const directory = mkdtempSync(join(tmpdir(), "lom-song-postgis-"));
  const data = join(directory, "data");
  let started = false;
  let workloadDirectory: string | null = null;
  const cleanUp = (): void => {
    if (started) {
      try {
        run("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
      } catch {
        // Already stopped.
      }
      started = false;
    }
    rmSync(directory, { recursive: true, force: true });
    if (workloadDirectory) rmSync(workloadDirectory, { recursive: true, force: true });
  };
  const onSignal = (): void => {
    cleanUp();
    process.exit(130);
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  try {
    options.log(`workload: ${options.points} points, 3 × ${options.towersPerCarrier} discs`);
    const files = writeWorkload({ points: options.points, towersPerCarrier: options.towersPerCarrier });
    workloadDirectory = files.directory;
    // The inputs PostgreSQL reads (server-side COPY), in its directory.
    const pointsCsv = join(directory, "points.csv");
    copyFileSync(files.pointsPath, pointsCsv);
    const coverageTsv = join(directory, "coverage.tsv");
    const lines: string[] = [];
    for (const feature of files.workload.coverage.features) {
      lines.push(`${String(feature.properties?.carrier)}\t4\t${polygonEwkb(feature.geometry.coordinates)}`);
    }
    writeFileSync(coverageTsv, lines.join("\n") + "\n");
    const uncoveredTxt = join(directory, "pg_uncovered.txt");
    if (asRoot) execFileSync("chown", ["-R", "postgres:postgres", directory]);
    else chownSync(directory, process.getuid?.() ?? 0, process.getgid?.() ?? 0);

    const port = await freePort();
    options.log(`PostgreSQL ${postgres.version}: private cluster in ${directory}, 127.0.0.1:${port}`);
    run("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"]);
    run("pg_ctl", ["-D", data, "-l", join(directory, "server.log"), "-w", "-o", `-k ${directory} -p ${port} -c listen_addresses=127.0.0.1`, "start"]);
    started = true;
    const postmasterPid = Number(readFileSync(join(data, "postmaster.pid"), "utf8").split("\n")[0]);
    const sql = (statements: string): string =>
      run("psql", ["-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", "-h", directory, "-p", String(port), "-U", "postgres", "-d", "postgres", "-c", statements]);
    sql("CREATE EXTENSION postgis");
    const postgis = sql("SELECT postgis_lib_version()").trim();

    const cpuStart = processCpuSeconds(postmasterPid);
    let start = performance.now();
    sql(`CREATE TABLE coverage (carrier text, technology int, geom geometry(Polygon, 4326));
      COPY coverage FROM '${coverageTsv}';
      CREATE TABLE points_raw (id text, name text, kind text, lon float8, lat float8);
      COPY points_raw FROM '${pointsCsv}' (FORMAT csv, HEADER true);
      CREATE TABLE points AS SELECT id, ST_SetSRID(ST_MakePoint(lon, lat), 4326)::geometry(Point, 4326) AS geom FROM points_raw;`);
    const load = (performance.now() - start) / 1000;
    start = performance.now();
    sql(`CREATE INDEX coverage_geom ON coverage USING gist (geom);
      CREATE INDEX points_geom ON points USING gist (geom);
      ANALYZE coverage; ANALYZE points;`);
    const index = (performance.now() - start) / 1000;
    start = performance.now();
    sql(`COPY (SELECT p.id FROM points p WHERE NOT EXISTS (
        SELECT 1 FROM coverage c WHERE c.technology >= 4 AND ST_Intersects(c.geom, p.geom))) TO '${uncoveredTxt}';`);
    const query = (performance.now() - start) / 1000;
    // The postmaster adds a backend's CPU to its own children's total when it reaps it, just after psql disconnects.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const postgisCpu = processCpuSeconds(postmasterPid) - cpuStart;
    const postgisIds = readFileSync(uncoveredTxt, "utf8")
      .split("\n")
      .filter((line) => line.length > 0);
    options.log(`PostGIS: load ${load.toFixed(2)} s, index ${index.toFixed(2)} s, query ${query.toFixed(2)} s; ${postgisIds.length} uncovered`);
    run("pg_ctl", ["-D", data, "-m", "fast", "-w", "stop"]);
    started = false;

    // The CLI, end to end, on the same files, as `npm run cli` starts it: from its bundle, built here beforehand if
    // the sources changed since the last build (a one-off half second that a user pays once per change).
    execFileSync(process.execPath, ["scripts/cli_launcher.mjs", "--help"], { stdio: "ignore" });
    const uncoveredCsv = join(files.directory, "uncovered.csv");
    const timeFile = join(files.directory, "time.txt");
    const cli = spawnSync(
      "/usr/bin/time",
      [
        "-f",
        "%e %U %S %M",
        "-o",
        timeFile,
        process.execPath,
        "scripts/cli_launcher.mjs",
        "analyze",
        "--points",
        files.pointsPath,
        "--coverage",
        files.coveragePath,
        "--min-tech",
        "4G",
        "--out",
        uncoveredCsv,
        "--quiet",
      ],
      { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] },
    );
    if (cli.status !== 0) throw new Error(`analyze failed (${cli.status}): ${cli.stderr}`);
    const [wall, user, system, rssKb] = readFileSync(timeFile, "utf8").trim().split("\n").at(-1)!.split(" ").map(Number);
    const cliIds = readFileSync(uncoveredCsv, "utf8")
      .replace(/^\uFEFF/, "")
      .split(/\r?\n/)
      .slice(1)
      .filter((line) => line.length > 0)
      .map((line) => line.slice(0, line.indexOf(",")));
    options.log(`CLI: ${wall.toFixed(2)} s wall, ${(user + system).toFixed(2)} s CPU, ${cliIds.length} uncovered`);

    // The points the CLI rejects (outside Vietnam) are not in its list; PostGIS has no such check.
    const accepted = new Set(parsePointsCsv(new Uint8Array(readFileSync(files.pointsPath)), { file: "points.csv" }).items.map((point) => point.id));
    const postgisAccepted = postgisIds.filter((id) => accepted.has(id));
    const cliSet = new Set(cliIds);
    const postgisSet = new Set(postgisAccepted);
    let differing = 0;
    for (const id of cliSet) if (!postgisSet.has(id)) differing++;
    for (const id of postgisSet) if (!cliSet.has(id)) differing++;
    const total = load + index + query;
    return {
      points: options.points,
      towersPerCarrier: options.towersPerCarrier,
      postgres: postgres.version,
      postgis,
      seconds: { load, index, query, total },
      cpuSeconds: { postgis: postgisCpu, cli: user + system },
      cli: { seconds: wall, peakRssMB: Math.round(rssKb / 1024) },
      uncovered: { cli: cliIds.length, postgis: postgisIds.length, rejectedByCli: options.points - accepted.size, differing },
      ratio: { wall: total / wall, cpu: postgisCpu / (user + system) },
    };
  } finally {
    process.removeListener("SIGINT", onSignal);
    process.removeListener("SIGTERM", onSignal);
    cleanUp();
  }
}

/** The comparison as a few lines. */
export function formatPostgisComparison(result: PostgisComparison): string {
  const s = result.seconds;
  return [
    `PostGIS baseline (PostgreSQL ${result.postgres}, PostGIS ${result.postgis}): ${result.points} points, 3 × ${result.towersPerCarrier} discs`,
    `  PostGIS: load ${s.load.toFixed(2)} s + GiST indexes ${s.index.toFixed(2)} s + query ${s.query.toFixed(2)} s = ${s.total.toFixed(2)} s wall, ${result.cpuSeconds.postgis.toFixed(2)} s CPU (server)`,
    `  CLI analyze, end to end: ${result.cli.seconds.toFixed(2)} s wall, ${result.cpuSeconds.cli.toFixed(2)} s CPU, peak ${result.cli.peakRssMB} MB`,
    `  uncovered: CLI ${result.uncovered.cli}, PostGIS ${result.uncovered.postgis} (${result.uncovered.rejectedByCli} points rejected by the CLI as outside Vietnam left out); differing ids: ${result.uncovered.differing}`,
    `  ratio PostGIS / CLI: ${result.ratio.wall.toFixed(1)}× wall, ${result.ratio.cpu.toFixed(1)}× CPU`,
  ].join("\n");
}
