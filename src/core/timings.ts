import { fileOfId, isTestId, normalizeId } from './ids.js'
import type { CostModel } from './cost-model.js'
import { median, robustSeconds } from './stats.js'
import type { TimingRun } from './types.js'

/**
 * Every run's durations folded into one estimate per file and per test. A run that times a
 * file only through its tests contributes the sum of those tests as its file observation.
 */
export interface TimingModel {
  readonly files: ReadonlyMap<string, number>
  readonly tests: ReadonlyMap<string, number>
  /** The tests known for each file, sorted. */
  readonly testsByFile: ReadonlyMap<string, readonly string[]>
  /** Per-file setup (module loading, fixtures): file time minus its tests' time, where known. */
  readonly setupByFile: ReadonlyMap<string, number>
  /** Ids seen in some run but never with a usable duration (skipped, 0 s): estimated. */
  readonly untimed: ReadonlySet<string>
  readonly runCount: number
  /** The per-shard terms a Shardwise store learned, where a run carried them. */
  readonly costModel?: CostModel
}

function push(map: Map<string, number[]>, key: string, value: number): void {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}

function fold(observations: Map<string, number[]>): Map<string, number> {
  const out = new Map<string, number>()
  for (const [id, values] of observations) out.set(id, robustSeconds(values))
  return out
}

/** Builds the timing model. The result does not depend on the order of `runs`. */
export function buildTimingModel(runs: readonly TimingRun[]): TimingModel {
  const fileObservations = new Map<string, number[]>()
  const testObservations = new Map<string, number[]>()
  const setupObservations = new Map<string, number[]>()
  const seenUntimed = new Set<string>()
  for (const run of runs) {
    for (const id of run.untimed) seenUntimed.add(id)
    const testSums = new Map<string, number>()
    for (const [id, seconds] of run.tests) {
      push(testObservations, id, seconds)
      const file = fileOfId(id)
      testSums.set(file, (testSums.get(file) ?? 0) + seconds)
    }
    for (const [file, seconds] of run.files) {
      push(fileObservations, file, seconds)
      const tests = testSums.get(file)
      if (tests !== undefined) push(setupObservations, file, Math.max(0, seconds - tests))
    }
    for (const [file, seconds] of testSums) {
      if (!run.files.has(file)) push(fileObservations, file, seconds)
    }
  }
  const tests = fold(testObservations)
  const files = fold(fileObservations)
  const untimed = new Set([...seenUntimed].filter((id) => !tests.has(id) && !files.has(id)))
  const testsByFile = new Map<string, string[]>()
  for (const id of [...tests.keys(), ...[...untimed].filter(isTestId)].sort()) {
    const file = fileOfId(id)
    const list = testsByFile.get(file)
    if (list) list.push(id)
    else testsByFile.set(file, [id])
  }
  // Several stores (rare): each term their median.
  const models = runs.flatMap((run) => (run.costModel ? [run.costModel] : []))
  const costModel: CostModel | undefined =
    models.length === 0
      ? undefined
      : {
          startupSeconds: median(models.map((m) => m.startupSeconds)),
          warmupSeconds: median(models.map((m) => m.warmupSeconds)),
          workers: median(models.map((m) => m.workers)),
        }
  return {
    files,
    tests,
    testsByFile,
    setupByFile: fold(setupObservations),
    untimed,
    runCount: runs.length,
    ...(costModel ? { costModel } : {}),
  }
}

export interface Alignment {
  readonly model: TimingModel
  /** Timing files renamed to a discovered file because one path ends with the other. */
  readonly matchedBySuffix: number
}

function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1)
}

/**
 * Renames timing ids to the discovered files they stand for when the paths differ only by a
 * leading directory (timings written from a sub-directory, or absolute paths from a runner we
 * do not know). A rename happens only when exactly one discovered file fits.
 */
export function alignModel(model: TimingModel, itemFiles: ReadonlySet<string>): Alignment {
  const timedFiles = new Set([...model.files.keys(), ...[...model.untimed].map(fileOfId)])
  let unmatched = 0
  for (const file of timedFiles) if (!itemFiles.has(file)) unmatched++
  if (unmatched === 0) return { model, matchedBySuffix: 0 }
  const byBase = new Map<string, string[]>()
  for (const file of itemFiles) {
    const base = basename(file)
    const list = byBase.get(base)
    if (list) list.push(file)
    else byBase.set(base, [file])
  }
  const rename = new Map<string, string>()
  const taken = new Set<string>()
  for (const timed of model.files.keys()) {
    if (itemFiles.has(timed)) taken.add(timed)
  }
  for (const timed of [...timedFiles].sort()) {
    if (itemFiles.has(timed)) continue
    const fits = (byBase.get(basename(timed)) ?? []).filter(
      (file) => !taken.has(file) && (timed.endsWith(`/${file}`) || file.endsWith(`/${timed}`)),
    )
    if (fits.length === 1 && fits[0] !== undefined) {
      rename.set(timed, fits[0])
      taken.add(fits[0])
    }
  }
  if (rename.size === 0) return { model, matchedBySuffix: 0 }
  const renameId = (id: string): string => {
    if (!isTestId(id)) return rename.get(id) ?? id
    const file = fileOfId(id)
    const target = rename.get(file)
    return target === undefined ? id : normalizeId(target + id.slice(file.length))
  }
  const remap = <T>(map: ReadonlyMap<string, T>): Map<string, T> =>
    new Map([...map].map(([id, value]) => [renameId(id), value]))
  const testsByFile = new Map<string, string[]>()
  for (const [file, ids] of model.testsByFile) testsByFile.set(renameId(file), ids.map(renameId))
  return {
    model: {
      files: remap(model.files),
      tests: remap(model.tests),
      testsByFile,
      setupByFile: remap(model.setupByFile),
      untimed: new Set([...model.untimed].map(renameId)),
      runCount: model.runCount,
      ...(model.costModel ? { costModel: model.costModel } : {}),
    },
    matchedBySuffix: rename.size,
  }
}
