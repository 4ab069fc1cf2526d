/**
 * What the main thread's long tasks are made of, from a Chromium trace (Playwright's
 * `browser.startTracing`): every top-level task over a threshold on the page's main thread, with the
 * trace events inside it (script, layout, paint, GC, GPU waits…) and the JavaScript functions the
 * CPU sampler saw most often in it. Used by `npm run bench:browser -- --trace` and when profiling
 * by hand; the tests never depend on it.
 */

/** The categories the attribution needs: tasks, timeline events, user timing marks and CPU samples. */
export const TRACE_CATEGORIES = [
  "toplevel",
  "devtools.timeline",
  "disabled-by-default-devtools.timeline",
  "blink.user_timing",
  "v8",
  "v8.execute",
  "disabled-by-default-v8.cpu_profiler",
  "disabled-by-default-v8.gc",
  "gpu",
];

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  id?: string;
  args?: Record<string, unknown>;
}

interface ProfileNode {
  id: number;
  parent?: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}

/**
 * Trace events in which the main thread waits for the GPU process to start WebGL up, whatever the
 * page does: creating a GL context (the map's canvas, the canvas MapLibre draws label glyphs on),
 * the context's extension and version queries, and reading a shader program's link status and
 * uniform blocks right after compiling it (the first time a kind of layer is drawn). With software
 * rendering (SwiftShader) each costs 50–700 ms on a loaded machine; with a GPU, a few milliseconds.
 * Waits under any other call (a canvas resize, a pixel read-back…) are not in this list and count
 * as the page's own work.
 */
export const WEBGL_STARTUP_EVENTS = [
  "GpuChannelHost::CreateViewCommandBuffer",
  "GLES2Implementation::GetRequestableExtensionsCHROMIUM()",
  "GLES2::GetString",
  "GLES2Implementation::GetProgramiv",
  "GLES2::GetUniformBlockIndex",
];

export interface LongTaskReport {
  /** Start in milliseconds after the first user-timing mark named `origin` (or the trace start). */
  start: number;
  /** Start and end on the trace clock (microseconds), to compare with marks (see findMark). */
  startTs: number;
  endTs: number;
  duration: number;
  /** Milliseconds of the task spent in WEBGL_STARTUP_EVENTS (outermost ones only). */
  webglStartup: number;
  /** Those milliseconds by event name. */
  webglCalls: { name: string; milliseconds: number }[];
  /** Trace events inside the task by name, total milliseconds (nested events counted in each). */
  events: { name: string; milliseconds: number }[];
  /** JavaScript functions (self time) seen by the CPU sampler, milliseconds. */
  selfTime: { frame: string; milliseconds: number }[];
  /** Inclusive: each function's time with what it called (a frame counted once per sample), milliseconds. */
  totalTime: { frame: string; milliseconds: number }[];
  /** Bottom-up: the outermost application frame of each sample's stack, milliseconds. */
  stacks: { frame: string; milliseconds: number }[];
}

function describeFrame(node: ProfileNode | undefined): string {
  if (!node) return "?";
  const { functionName, url, lineNumber, columnNumber } = node.callFrame;
  const file = url ? url.split("/").pop() : "";
  return `${functionName || "(anonymous)"}${file ? ` ${file}:${lineNumber + 1}:${columnNumber + 1}` : ""}`;
}

/**
 * Attributes the long tasks of a trace.
 * @param trace - the trace JSON (`{ traceEvents }` or an array)
 * @param options - threshold in ms, the mark used as time zero, and a frame filter for `stacks`
 * @returns one report per long task, in time order
 */
export function attributeLongTasks(
  trace: unknown,
  options: { threshold?: number; origin?: string; appFrame?: (frame: string) => boolean } = {},
): LongTaskReport[] {
  const threshold = (options.threshold ?? 50) * 1000;
  const events: TraceEvent[] = Array.isArray(trace) ? (trace as TraceEvent[]) : ((trace as { traceEvents: TraceEvent[] }).traceEvents ?? []);
  const threadNames = new Map<string, string>();
  for (const event of events)
    if (event.ph === "M" && event.name === "thread_name") threadNames.set(`${event.pid}:${event.tid}`, String((event.args as { name?: string })?.name));
  // The renderer main thread with the most task time is the page's.
  const taskTime = new Map<string, number>();
  for (const event of events) {
    if (event.ph !== "X" || event.name !== "RunTask") continue;
    const key = `${event.pid}:${event.tid}`;
    if (threadNames.get(key) !== "CrRendererMain") continue;
    taskTime.set(key, (taskTime.get(key) ?? 0) + (event.dur ?? 0));
  }
  const main = [...taskTime.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (!main) return [];
  const onMain = events.filter((event) => `${event.pid}:${event.tid}` === main);
  const originMark = options.origin
    ? (onMain.find((event) => event.name === options.origin) ?? events.find((event) => event.name === options.origin))
    : undefined;
  const origin = originMark?.ts ?? Math.min(...onMain.filter((event) => event.ts > 0).map((event) => event.ts));

  // CPU samples of the main thread's isolate: ProfileChunk events carry nodes, samples and time deltas.
  const nodes = new Map<number, ProfileNode>();
  const samples: { ts: number; node: number }[] = [];
  const [mainPid] = main.split(":").map(Number);
  const profileIds = new Set(
    events.filter((event) => event.name === "Profile" && event.pid === mainPid && `${event.pid}:${event.tid}` === main).map((event) => event.id),
  );
  let clock = 0;
  for (const event of events) {
    if (event.name === "Profile" && profileIds.has(event.id)) clock = Number((event.args as { data?: { startTime?: number } })?.data?.startTime ?? 0);
    if (event.name !== "ProfileChunk" || !profileIds.has(event.id)) continue;
    const data = (event.args as { data?: { cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] }; timeDeltas?: number[] } }).data;
    for (const node of data?.cpuProfile?.nodes ?? []) nodes.set(node.id, node);
    const ids = data?.cpuProfile?.samples ?? [];
    const deltas = data?.timeDeltas ?? [];
    for (let k = 0; k < ids.length; k++) {
      clock += deltas[k] ?? 0;
      samples.push({ ts: clock, node: ids[k] });
    }
  }
  samples.sort((a, b) => a.ts - b.ts);
  const sampleInterval = samples.length > 1 ? Math.max(1, (samples[samples.length - 1].ts - samples[0].ts) / (samples.length - 1)) : 100;
  const appFrame = options.appFrame ?? ((frame: string) => !frame.startsWith("(") && frame.includes(".js:"));

  const tasks = onMain.filter((event) => event.ph === "X" && event.name === "RunTask" && (event.dur ?? 0) >= threshold).sort((a, b) => a.ts - b.ts);
  return tasks.map((task) => {
    const end = task.ts + (task.dur ?? 0);
    const byName = new Map<string, number>();
    for (const event of onMain) {
      if (event.ph !== "X" || event === task || event.ts < task.ts || event.ts >= end) continue;
      let name = event.name;
      const data = (event.args as { data?: { functionName?: string; url?: string; type?: string } })?.data;
      if (name === "FunctionCall" && data) name = `FunctionCall ${data.functionName || "(anonymous)"} ${(data.url ?? "").split("/").pop()}`;
      if (name === "EventDispatch" && data?.type) name = `EventDispatch ${data.type}`;
      byName.set(name, (byName.get(name) ?? 0) + (event.dur ?? 0) / 1000);
    }
    const self = new Map<string, number>();
    const total = new Map<string, number>();
    const outer = new Map<string, number>();
    for (const sample of samples) {
      if (sample.ts < task.ts || sample.ts >= end) continue;
      const node = nodes.get(sample.node);
      const frame = describeFrame(node);
      self.set(frame, (self.get(frame) ?? 0) + sampleInterval / 1000);
      // Walk to the root; keep the outermost two application frames.
      const chain: string[] = [];
      for (let current = node; current; current = current.parent !== undefined ? nodes.get(current.parent) : undefined) chain.push(describeFrame(current));
      for (const name of new Set(chain)) total.set(name, (total.get(name) ?? 0) + sampleInterval / 1000);
      const app = chain.filter(appFrame);
      const key = app.length > 0 ? app.slice(-3).reverse().join(" → ") : frame;
      outer.set(key, (outer.get(key) ?? 0) + sampleInterval / 1000);
    }
    // WebGL start-up waits: outermost matching events only, so nested ones are not counted twice.
    const startup = onMain
      .filter((event) => event.ph === "X" && WEBGL_STARTUP_EVENTS.includes(event.name) && event.ts >= task.ts && event.ts < end)
      .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
    const calls = new Map<string, number>();
    let covered = -Infinity;
    let webglStartup = 0;
    for (const event of startup) {
      const eventEnd = event.ts + (event.dur ?? 0);
      if (eventEnd <= covered) continue;
      const counted = (eventEnd - Math.max(event.ts, covered)) / 1000;
      webglStartup += counted;
      calls.set(event.name, (calls.get(event.name) ?? 0) + counted);
      covered = eventEnd;
    }
    const top = (map: Map<string, number>, count: number) =>
      [...map.entries()]
        .sort((a, b) => b[1] - a[1])
        .slice(0, count)
        .map(([name, milliseconds]) => ({ name, milliseconds: Math.round(milliseconds) }));
    return {
      start: Math.round((task.ts - origin) / 1000),
      startTs: task.ts,
      endTs: end,
      duration: Math.round((task.dur ?? 0) / 1000),
      webglStartup: Math.round(webglStartup),
      webglCalls: top(calls, 5),
      events: top(byName, 12),
      selfTime: top(self, 10).map(({ name, milliseconds }) => ({ frame: name, milliseconds })),
      totalTime: top(total, 80)
        .filter(({ name }) => appFrame(name))
        .slice(0, 30)
        .map(({ name, milliseconds }) => ({ frame: name, milliseconds })),
      stacks: top(outer, 8).map(({ name, milliseconds }) => ({ frame: name, milliseconds })),
    };
  });
}

/**
 * The trace-clock time (microseconds) of a user-timing mark (`performance.mark(name)`).
 * @param trace - the trace JSON
 * @param name - the mark name
 * @returns its time, or undefined when the trace has no such mark
 */
export function findMark(trace: unknown, name: string): number | undefined {
  const events: TraceEvent[] = Array.isArray(trace) ? (trace as TraceEvent[]) : ((trace as { traceEvents: TraceEvent[] }).traceEvents ?? []);
  return events.find((event) => event.name === name && event.cat.includes("user_timing"))?.ts;
}

/**
 * Formats the reports as indented text.
 * @param reports - the long tasks
 * @returns lines for the console
 */
export function formatLongTasks(reports: readonly LongTaskReport[]): string {
  const lines: string[] = [];
  for (const report of reports) {
    lines.push(
      `task at ${report.start} ms: ${report.duration} ms, of which WebGL start-up ${report.webglStartup} ms (${report.webglCalls.map((call) => `${call.name} ${call.milliseconds}`).join(", ")})`,
    );
    lines.push(`  events: ${report.events.map((event) => `${event.name} ${event.milliseconds}`).join("; ")}`);
    lines.push(`  self:   ${report.selfTime.map((entry) => `${entry.frame} ${entry.milliseconds}`).join("; ")}`);
    lines.push(`  total:  ${report.totalTime.map((entry) => `${entry.frame} ${entry.milliseconds}`).join("; ")}`);
    for (const stack of report.stacks) lines.push(`  stack:  ${stack.milliseconds} ms ${stack.frame}`);
  }
  return lines.join("\n");
}
