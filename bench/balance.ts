/** Section 1: shard balance on the real-world datasets, Shardwise against common splitters. */
import { lowerBound, partitionUnits } from '../src/core/partition.js'
import { planShards, type Granularity, type Plan } from '../src/core/plan.js'
import { fileOfId } from '../src/core/ids.js'
import type { Dataset } from './datasets.js'
import { fixed, mean, table, total, type Column } from './lib.js'
import {
  contiguousCountSplit,
  hashModSplit,
  jestShaSplit,
  makespanOf,
  pairBound,
} from './splitters.js'

export const SHARD_COUNTS = [2, 4, 8, 16, 32] as const

export const METHODS = [
  'shardwiseFile',
  'shardwiseAuto',
  'lpt',
  'hashMod',
  'jestSha1',
  'contiguous',
] as const
export type Method = (typeof METHODS)[number]

const METHOD_LABELS: Record<Method, string> = {
  shardwiseFile: 'Shardwise file',
  shardwiseAuto: 'Shardwise auto',
  lpt: 'plain LPT',
  hashMod: 'FNV-1a hash mod k',
  jestSha1: 'Jest sha1 sort+chunk',
  contiguous: 'contiguous by count',
}

export interface BalanceCase {
  readonly dataset: string
  readonly shards: number
  readonly files: number
  readonly tests: number
  /** max(total/k, longest file), seconds. */
  readonly fileLowerBoundSeconds: number
  /** max(total/k, longest single test + its file's setup), seconds: the bound if any file could be split. */
  readonly testLowerBoundSeconds: number
  /** max(file bound, k-th + (k+1)-th longest file), seconds: no file-level split can beat it. */
  readonly filePairBoundSeconds: number
  readonly makespanSeconds: Record<Method, number>
  /** makespan / file-level lower bound. */
  readonly ratio: Record<Method, number>
  readonly autoRatioToTestBound: number
  readonly autoSplitFiles: number
  readonly autoTotalSeconds: number
  /** What the auto plan itself predicts; `makespanSeconds.shardwiseAuto` re-evaluates it. */
  readonly autoPredictedSeconds: number
  readonly shardwiseFilePredictedSeconds: number
  readonly planMs: { readonly file: number; readonly auto: number }
  /** Contract problems found in the Shardwise plans (items missing, duplicated, empty shards). */
  readonly problems: readonly string[]
}

export interface BalanceResult {
  readonly datasets: readonly {
    readonly name: string
    readonly file: string
    readonly format: string
    readonly files: number
    readonly tests: number
    readonly untimedIds: number
    readonly totalSeconds: number
    readonly longestFileSeconds: number
    readonly warnings: number
    readonly loadMs: number
  }[]
  readonly cases: readonly BalanceCase[]
  readonly summary: {
    readonly cases: number
    readonly shardwiseFileWithin1Percent: number
    readonly lptWithin1Percent: number
    readonly shardwiseFileWithin01Percent: number
    readonly lptWithin01Percent: number
    readonly shardwiseFileWithin1PercentOfPairBound: number
    readonly lptWithin1PercentOfPairBound: number
    readonly shardwiseFileBetterThanLpt: number
    readonly shardwiseFileWorseThanLpt: number
    readonly meanRatio: Record<Method, number>
    readonly maxRatio: Record<Method, number>
    readonly meanAutoRatioToTestBound: number
  }
}

function plan(dataset: Dataset, k: number, granularity: Granularity): { plan: Plan; ms: number } {
  const started = performance.now()
  const result = planShards({
    items: undefined,
    model: dataset.model,
    shards: { kind: 'fixed', count: k },
    granularity,
    shardOverheadSeconds: 0,
  })
  return { plan: result, ms: performance.now() - started }
}

/** Checks the plan contract against the dataset's files; returns the problems found. */
function checkPlan(p: Plan, dataset: Dataset, label: string): string[] {
  const problems: string[] = []
  const seen = new Map<string, number>()
  for (const shard of p.shards) for (const id of shard.items) seen.set(id, (seen.get(id) ?? 0) + 1)
  const duplicated = [...seen].filter(([, n]) => n > 1).length
  if (duplicated > 0) problems.push(`${label}: ${duplicated} items in more than one shard`)
  if (p.granularity === 'file') {
    const missing = dataset.fileUnits.filter((u) => !seen.has(u.id)).length
    if (missing > 0) problems.push(`${label}: ${missing} files in no shard`)
  }
  const empty = p.shards.filter((s) => s.items.length === 0).length
  if (empty > 0 && dataset.fileUnits.length >= p.shards.length)
    problems.push(`${label}: ${empty} empty shards`)
  return problems
}

/** The bound for a planner that may split any file down to single tests. */
function testBound(dataset: Dataset, k: number): number {
  const { model } = dataset
  let longest = 0
  for (const unit of dataset.fileUnits) {
    const tests = model.testsByFile.get(unit.id)
    const timed = tests
      ?.map((id) => model.tests.get(id))
      .filter((s): s is number => s !== undefined)
    const atom =
      timed && timed.length > 0 && (tests?.length ?? 0) > 1
        ? Math.max(...timed) + (model.setupByFile.get(unit.id) ?? 0)
        : unit.seconds
    longest = Math.max(longest, atom)
  }
  return Math.max(total(dataset.fileUnits.map((u) => u.seconds)) / k, longest)
}

/**
 * The auto plan's makespan with the observed durations: a file whose every test sits in one
 * shard costs its observed file time (which includes its setup and its 0 s tests); the tests of
 * a split file cost their observed times plus the file's setup once per shard.
 */
function evaluateAuto(p: Plan, dataset: Dataset): number {
  const { model } = dataset
  let longest = 0
  for (const shard of p.shards) {
    const byFile = new Map<string, string[]>()
    for (const id of shard.items) {
      const file = fileOfId(id)
      const list = byFile.get(file)
      if (list) list.push(id)
      else byFile.set(file, [id])
    }
    let load = 0
    for (const [file, ids] of byFile) {
      const all = model.testsByFile.get(file)?.length ?? 0
      const whole = ids.includes(file) || ids.length >= all
      if (whole) load += model.files.get(file) ?? NaN
      else
        load +=
          total(ids.map((id) => model.tests.get(id) ?? 0)) + (model.setupByFile.get(file) ?? 0)
    }
    if (!(load <= longest)) longest = load
  }
  return longest
}

export function runBalance(
  datasets: readonly Dataset[],
  print: (text: string) => void,
): BalanceResult {
  const overview = datasets.map((d) => {
    const seconds = d.fileUnits.map((u) => u.seconds)
    return {
      name: d.name,
      file: d.file,
      format: d.format,
      files: d.fileUnits.length,
      tests: d.testCount,
      untimedIds: d.untimedCount,
      totalSeconds: total(seconds),
      longestFileSeconds: Math.max(...seconds),
      warnings: d.warnings,
      loadMs: d.loadMs,
    }
  })
  print(
    table(
      [
        { title: 'dataset', align: 'left' },
        { title: 'format', align: 'left' },
        { title: 'files (n)' },
        { title: 'tests (n)' },
        { title: 'untimed ids (n)' },
        { title: 'total (s)' },
        { title: 'longest file (s)' },
        { title: 'longest/total (%)' },
        { title: 'warnings (n)' },
        { title: 'load (ms)' },
      ],
      overview.map((o) => [
        o.name,
        o.format,
        String(o.files),
        String(o.tests),
        String(o.untimedIds),
        fixed(o.totalSeconds, 1),
        fixed(o.longestFileSeconds, 2),
        fixed((100 * o.longestFileSeconds) / o.totalSeconds, 1),
        String(o.warnings),
        fixed(o.loadMs, 1),
      ]),
    ),
  )
  print(
    '\nRatios are predicted makespan / file-level lower bound max(total/k, longest file); 1.000 is perfect.\n' +
      '"auto ×testLB" divides by max(total/k, longest single test + file setup) instead.',
  )

  const cases: BalanceCase[] = []
  for (const k of SHARD_COUNTS) {
    const rows: string[][] = []
    for (const dataset of datasets) {
      const units = dataset.fileUnits
      const truth = new Map(units.map((u) => [u.id, u.seconds]))
      const bound = lowerBound(units, k)
      const file = plan(dataset, k, 'file')
      const auto = plan(dataset, k, 'auto')
      const problems = [
        ...checkPlan(file.plan, dataset, 'file'),
        ...checkPlan(auto.plan, dataset, 'auto'),
      ]
      const fileShards = file.plan.shards.map((s) =>
        s.items.map((id) => ({ id, seconds: truth.get(id) ?? NaN })),
      )
      const autoEvaluated = evaluateAuto(auto.plan, dataset)
      const makespan: Record<Method, number> = {
        shardwiseFile: makespanOf(fileShards),
        shardwiseAuto: autoEvaluated,
        lpt: Math.max(...partitionUnits(units, k, { improvementRounds: 0 }).loads),
        hashMod: makespanOf(hashModSplit(units, k)),
        jestSha1: makespanOf(jestShaSplit(units, k)),
        contiguous: makespanOf(contiguousCountSplit(units, k)),
      }
      if (Math.abs(makespan.shardwiseFile - file.plan.predictedMakespanSeconds) > 0.002) {
        problems.push(
          `file: predicted makespan ${file.plan.predictedMakespanSeconds} s but its shards sum to ${fixed(makespan.shardwiseFile, 3)} s`,
        )
      }
      const ratio = Object.fromEntries(METHODS.map((m) => [m, makespan[m] / bound])) as Record<
        Method,
        number
      >
      const testLB = testBound(dataset, k)
      const c: BalanceCase = {
        dataset: dataset.name,
        shards: k,
        files: units.length,
        tests: dataset.testCount,
        fileLowerBoundSeconds: bound,
        testLowerBoundSeconds: testLB,
        filePairBoundSeconds: Math.max(bound, pairBound(units, k)),
        makespanSeconds: makespan,
        ratio,
        autoRatioToTestBound: makespan.shardwiseAuto / testLB,
        autoSplitFiles: auto.plan.splitFiles.length,
        autoTotalSeconds: auto.plan.totalSeconds,
        autoPredictedSeconds: auto.plan.predictedMakespanSeconds,
        shardwiseFilePredictedSeconds: file.plan.predictedMakespanSeconds,
        planMs: { file: file.ms, auto: auto.ms },
        problems,
      }
      cases.push(c)
      rows.push([
        dataset.name,
        fixed(bound, 1),
        fixed(ratio.shardwiseFile, 4),
        fixed(ratio.shardwiseAuto, 4),
        fixed(c.autoRatioToTestBound, 4),
        String(c.autoSplitFiles),
        fixed(ratio.lpt, 4),
        fixed(ratio.hashMod, 3),
        fixed(ratio.jestSha1, 3),
        fixed(ratio.contiguous, 3),
        fixed(file.ms + auto.ms, 1),
      ])
    }
    const columns: Column[] = [
      { title: `k=${k}  dataset`, align: 'left' },
      { title: 'file LB (s)' },
      { title: 'SW file (×LB)' },
      { title: 'SW auto (×LB)' },
      { title: 'auto (×testLB)' },
      { title: 'split files (n)' },
      { title: 'plain LPT (×LB)' },
      { title: 'hash mod k (×LB)' },
      { title: 'jest sha1 (×LB)' },
      { title: 'contiguous (×LB)' },
      { title: 'SW plan (ms)' },
    ]
    print(`\n${k} shards`)
    print(table(columns, rows))
  }

  const within = (m: Method, bound: (c: BalanceCase) => number, slack = 0.01) =>
    cases.filter((c) => c.makespanSeconds[m] <= bound(c) * (1 + slack)).length
  const meanRatio = Object.fromEntries(
    METHODS.map((m) => [m, mean(cases.map((c) => c.ratio[m]))]),
  ) as Record<Method, number>
  const maxRatio = Object.fromEntries(
    METHODS.map((m) => [m, Math.max(...cases.map((c) => c.ratio[m]))]),
  ) as Record<Method, number>
  const better = cases.filter(
    (c) => c.makespanSeconds.shardwiseFile < c.makespanSeconds.lpt * (1 - 1e-9),
  ).length
  const worse = cases.filter(
    (c) => c.makespanSeconds.shardwiseFile > c.makespanSeconds.lpt * (1 + 1e-9),
  ).length
  const fileBound = (c: BalanceCase) => c.fileLowerBoundSeconds
  const summary = {
    cases: cases.length,
    shardwiseFileWithin1Percent: within('shardwiseFile', fileBound),
    lptWithin1Percent: within('lpt', fileBound),
    shardwiseFileWithin01Percent: within('shardwiseFile', fileBound, 0.001),
    lptWithin01Percent: within('lpt', fileBound, 0.001),
    shardwiseFileWithin1PercentOfPairBound: within('shardwiseFile', (c) => c.filePairBoundSeconds),
    lptWithin1PercentOfPairBound: within('lpt', (c) => c.filePairBoundSeconds),
    shardwiseFileBetterThanLpt: better,
    shardwiseFileWorseThanLpt: worse,
    meanRatio,
    maxRatio,
    meanAutoRatioToTestBound: mean(cases.map((c) => c.autoRatioToTestBound)),
  }
  const n = summary.cases
  print(
    `\nSummary over ${n} (dataset, k) cases:\n` +
      `  within 1% of the file-level lower bound:   Shardwise file ${summary.shardwiseFileWithin1Percent}/${n}, plain LPT ${summary.lptWithin1Percent}/${n}\n` +
      `  within 0.1% of the file-level lower bound: Shardwise file ${summary.shardwiseFileWithin01Percent}/${n}, plain LPT ${summary.lptWithin01Percent}/${n}\n` +
      `  Shardwise file vs plain LPT: shorter makespan in ${better} cases, longer in ${worse}, equal in ${n - better - worse}\n` +
      `  mean Shardwise auto makespan / test-level bound: ${fixed(summary.meanAutoRatioToTestBound, 4)}`,
  )
  print(
    table(
      [
        { title: 'method', align: 'left' },
        { title: 'mean (×LB)' },
        { title: 'mean excess (% over LB)' },
        { title: 'worst (×LB)' },
      ],
      METHODS.map((m) => [
        METHOD_LABELS[m],
        fixed(meanRatio[m], 4),
        fixed(100 * (meanRatio[m] - 1), 3),
        fixed(maxRatio[m], 3),
      ]),
    ),
  )
  const notes: string[] = []
  for (const dataset of datasets) {
    const own = cases.filter((c) => c.dataset === dataset.name)
    const worst = Math.max(
      ...own.map((c) => c.autoPredictedSeconds / c.makespanSeconds.shardwiseAuto),
    )
    if (Math.abs(worst - 1) > 0.005) {
      const auto = own.find((c) => c.shards === 8)
      notes.push(
        `${dataset.name}: auto plans predict up to ${fixed(100 * (worst - 1), 1)}% more than the observed times give ` +
          `(auto prices the file at ${fixed(auto?.autoTotalSeconds ?? NaN, 1)} s in total vs ${fixed(total(dataset.fileUnits.map((u) => u.seconds)), 1)} s observed)`,
      )
    }
  }
  if (notes.length > 0)
    print(`Notes (the auto columns use the observed times):\n  ${notes.join('\n  ')}`)
  const problems = cases.flatMap((c) => c.problems.map((p) => `${c.dataset} k=${c.shards}: ${p}`))
  print(
    problems.length === 0
      ? 'Plan contract checks (every file once, no empty shard, predicted = recomputed): no problems found.'
      : `Plan contract problems:\n  ${problems.join('\n  ')}`,
  )
  return { datasets: overview, cases, summary }
}
