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

/**
 * The observations of every id, kept as one number per id until an id is seen twice: most ids
 * are seen once, and a million one-element lists cost more than the timings they hold. The
 * first run's map is used as it is until a second run adds to it (one run is the usual case).
 */
class Observations {
  /** The first observation of each id: a run's own map, or `owned` once something was added. */
  private first: ReadonlyMap<string, number>
  private owned: Map<string, number> | undefined
  private readonly repeated = new Map<string, number[]>()

  constructor() {
    const map = new Map<string, number>()
    this.owned = map
    this.first = map
  }

  addAll(values: ReadonlyMap<string, number>): void {
    if (this.first.size === 0 && values.size > 0) {
      this.first = values
      this.owned = undefined
      return
    }
    for (const [id, seconds] of values) this.add(id, seconds)
  }

  add(id: string, seconds: number): void {
    const first = this.first.get(id)
    if (first === undefined) {
      this.own().set(id, seconds)
      return
    }
    const list = this.repeated.get(id)
    if (list) list.push(seconds)
    else this.repeated.set(id, [first, seconds])
  }

  /** One duration per id (`robustSeconds` of its observations), in the order ids were first seen. */
  fold(): ReadonlyMap<string, number> {
    if (this.repeated.size === 0) return this.first
    const folded = this.own()
    for (const [id, values] of this.repeated) folded.set(id, robustSeconds(values))
    return folded
  }

  private own(): Map<string, number> {
    if (!this.owned) {
      this.owned = new Map(this.first)
      this.first = this.owned
    }
    return this.owned
  }
}

/** Builds the timing model. The result does not depend on the order of `runs`. */
export function buildTimingModel(runs: readonly TimingRun[]): TimingModel {
  const fileObservations = new Observations()
  const testObservations = new Observations()
  const setupObservations = new Observations()
  const seenUntimed = new Set<string>()
  for (const run of runs) {
    for (const id of run.untimed) seenUntimed.add(id)
    const testSums = new Map<string, number>()
    testObservations.addAll(run.tests)
    for (const [id, seconds] of run.tests) {
      const file = fileOfId(id)
      testSums.set(file, (testSums.get(file) ?? 0) + seconds)
    }
    fileObservations.addAll(run.files)
    for (const [file, tests] of testSums) {
      const seconds = run.files.get(file)
      if (seconds !== undefined) setupObservations.add(file, Math.max(0, seconds - tests))
    }
    for (const [file, seconds] of testSums) {
      if (!run.files.has(file)) fileObservations.add(file, seconds)
    }
  }
  const tests = testObservations.fold()
  const files = fileObservations.fold()
  const untimed = new Set([...seenUntimed].filter((id) => !tests.has(id) && !files.has(id)))
  // Each file's tests sorted, the files in the order of their first test id: what grouping the
  // sorted list of every test id gives, without sorting a million ids as one list.
  const grouped = new Map<string, string[]>()
  const addTest = (id: string) => {
    const file = fileOfId(id)
    const list = grouped.get(file)
    if (list) list.push(id)
    else grouped.set(file, [id])
  }
  for (const id of tests.keys()) addTest(id)
  for (const id of untimed) if (isTestId(id)) addTest(id)
  const lists = [...grouped.values()]
  for (const list of lists) list.sort(byCodeUnits)
  lists.sort((a, b) => byCodeUnits(a[0] ?? '', b[0] ?? ''))
  const testsByFile = new Map<string, string[]>()
  for (const list of lists) testsByFile.set(fileOfId(list[0] ?? ''), list)
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
    setupByFile: setupObservations.fold(),
    untimed,
    runCount: runs.length,
    ...(costModel ? { costModel } : {}),
  }
}

/** The order of `Array.prototype.sort` without a comparator, for strings. */
function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
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
