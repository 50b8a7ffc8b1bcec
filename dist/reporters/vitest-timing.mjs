// Shardwise's timing reporter for Vitest (`vitest run --reporter=<this file>`): writes, for each
// test file, the wall time Vitest spent on it — loading the environment (jsdom), preparing the
// runner, importing and collecting the file, its setup files, then its tests and hooks — to the
// JSON file named by SHARDWISE_VITEST_TIMING. Vitest's own JSON reporter spans only the tests,
// which on real suites is a small part of a file's cost. Plain JavaScript importing only node
// built-ins, because Vitest loads it by path from dist/. Works with Vitest 1 to 4: `onFinished`
// up to 3, `onTestRunEnd` from 3 on (both write the same thing).
import { writeFileSync } from 'node:fs'

function number(value) {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : 0
}

/** One file's entry from Vitest's runner task of the file. */
function entry(task) {
  if (!task || typeof task.filepath !== 'string') return undefined
  const before =
    number(task.environmentLoad) +
    number(task.prepareDuration) +
    number(task.collectDuration) +
    number(task.setupDuration)
  const ms = before + number(task.result?.duration)
  // The run's start is stamped after collection: the file itself started that much earlier.
  const started = task.result?.startTime
  return {
    file: task.filepath,
    ms,
    ...(typeof started === 'number' && Number.isFinite(started)
      ? { startMs: started - before }
      : {}),
  }
}

function write(entries) {
  const destination = process.env.SHARDWISE_VITEST_TIMING
  if (!destination) return
  const files = entries.filter((e) => e !== undefined && e.ms > 0)
  writeFileSync(destination, `${JSON.stringify({ version: 1, files })}\n`)
}

export default class ShardwiseVitestTiming {
  onFinished(files) {
    if (Array.isArray(files)) write(files.map(entry))
  }

  onTestRunEnd(modules) {
    if (!Array.isArray(modules)) return
    write(
      modules.map((module) => {
        // The runner task carries the start time; the public diagnostic() the durations.
        const fromTask = entry(module.task)
        if (fromTask) return fromTask
        const d = typeof module.diagnostic === 'function' ? module.diagnostic() : undefined
        if (!d || typeof module.moduleId !== 'string') return undefined
        const ms =
          number(d.environmentSetupDuration) +
          number(d.prepareDuration) +
          number(d.collectDuration) +
          number(d.setupDuration) +
          number(d.duration)
        return { file: module.moduleId, ms }
      }),
    )
  }
}
