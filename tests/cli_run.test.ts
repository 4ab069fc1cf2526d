import { describe, expect, it } from "vitest";
import { runCliInProcess, runCliProcess } from "./support/cli_run.ts";

describe("the CLI test harness", () => {
  it("captures in-process what the real process prints, with the same exit codes", async () => {
    for (const args of [["--help"], ["analyze", "--lang", "en"], ["no-such-command", "--lang", "en"]]) {
      const inProcess = await runCliInProcess(args);
      const spawned = await runCliProcess(args);
      expect(inProcess).toEqual(spawned);
      expect(inProcess.stdout + inProcess.stderr).not.toBe("");
    }
  });

  it("restores the environment after a run", async () => {
    const before = process.env.LOM_SONG_WORKERS;
    await runCliInProcess(["--help"], { LOM_SONG_WORKERS: "1" });
    expect(process.env.LOM_SONG_WORKERS).toBe(before);
  });
});
