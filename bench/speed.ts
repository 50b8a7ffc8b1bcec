/** Section 2: planning speed on large synthetic suites. */
import { lowerBound, partitionUnits } from '../src/core/partition.js'
import { planShards, type Granularity } from '../src/core/plan.js'
import { buildTimingModel, type TimingModel } from '../src/core/timings.js'
import type { TimingRun } from '../src/core/types.js'
import { fixed, logNormalFrom, median, mulberry32, normalFrom, table } from './lib.js'

export interface SpeedCase {
  readonly label: string
  readonly items: number
  readonly files: number
  readonly shards: number
  readonly granularity: Granularity
  readonly modelMs: number
  readonly planMs: {
    readonly median: number
    readonly min: number
    readonly max: number
    readonly runs: readonly number[]
  }
  /** Plain LPT (partitionUnits, 0 improvement rounds) over the same file units, for scale. */
  readonly lptMs: number
  readonly predictedMakespanSeconds: number
  readonly lowerBoundSeconds: number
  readonly fileLowerBoundSeconds: number
  readonly ratio: number
  readonly ratioToFileBound: number
  readonly splitFiles: number
}

const RUNS = 5

function fileId(n: number): string {
  return `pkg${n % 300}/dir${n % 37}/test_${n}.py`
}

interface Suite {
  readonly items: string[]
  readonly run: TimingRun
  readonly files: number
}

/** `count` files, each with a log-normal duration (median 1 s, a long right tail). */
function fileSuite(count: number, seed: number): Suite {
  const duration = logNormalFrom(mulberry32(seed), 0, 1.2)
  const files = new Map<string, number>()
  const items: string[] = []
  for (let n = 0; n < count; n++) {
    const id = fileId(n)
    items.push(id)
    files.set(id, Math.round(duration() * 1000) / 1000 || 0.001)
  }
  return {
    items,
    files: count,
    run: { source: 'synthetic', format: 'shardwise', files, tests: new Map(), untimed: new Set() },
  }
}

/**
 * `count` tests grouped into files of ~20 tests (the count per file is itself log-normal, so a
 * few files hold hundreds of tests and exceed a shard's share), each test log-normal.
 */
function testSuite(count: number, seed: number): Suite {
  const uniform = mulberry32(seed)
  const duration = logNormalFrom(uniform, -3, 1.2) // median 0.05 s
  const normal = normalFrom(uniform)
  const tests = new Map<string, number>()
  const items: string[] = []
  let f = 0
  let n = 0
  while (n < count) {
    const size = Math.max(
      1,
      Math.min(count - n, Math.round(Math.exp(Math.log(20) - 0.5 + normal()))),
    )
    const file = fileId(f)
    for (let i = 0; i < size; i++, n++) {
      const id = `${file}::test_${n}`
      items.push(id)
      tests.set(id, Math.round(duration() * 1e4) / 1e4 || 0.0001)
    }
    f++
  }
  return {
    items,
    files: f,
    run: { source: 'synthetic', format: 'shardwise', files: new Map(), tests, untimed: new Set() },
  }
}

function gc(): void {
  ;(globalThis as { gc?: () => void }).gc?.()
}

function measure(label: string, suite: Suite, shards: number, granularity: Granularity): SpeedCase {
  gc()
  let started = performance.now()
  const model: TimingModel = buildTimingModel([suite.run])
  const modelMs = performance.now() - started
  const runs: number[] = []
  let last: ReturnType<typeof planShards> | undefined
  for (let r = 0; r < RUNS; r++) {
    gc()
    started = performance.now()
    last = planShards({
      items: suite.items,
      model,
      shards: { kind: 'fixed', count: shards },
      granularity,
      shardOverheadSeconds: 0,
    })
    runs.push(performance.now() - started)
  }
  const plan = last!
  const fileUnits = [...model.files].map(([id, seconds]) => ({ id, seconds }))
  gc()
  started = performance.now()
  partitionUnits(fileUnits, shards, { improvementRounds: 0 })
  const lptMs = performance.now() - started
  return {
    label,
    items: suite.items.length,
    files: suite.files,
    shards,
    granularity,
    modelMs,
    planMs: { median: median(runs), min: Math.min(...runs), max: Math.max(...runs), runs },
    lptMs,
    predictedMakespanSeconds: plan.predictedMakespanSeconds,
    lowerBoundSeconds: plan.lowerBoundSeconds,
    fileLowerBoundSeconds: lowerBound(fileUnits, shards),
    ratio: plan.predictedMakespanSeconds / plan.lowerBoundSeconds,
    ratioToFileBound: plan.predictedMakespanSeconds / lowerBound(fileUnits, shards),
    splitFiles: plan.splitFiles.length,
  }
}

export function runSpeed(print: (text: string) => void): SpeedCase[] {
  const big = fileSuite(100_000, 1)
  const bigTests = testSuite(100_000, 2)
  const small = fileSuite(10_000, 3)
  const smallTests = testSuite(10_000, 4)
  const cases = [
    measure('100k files → 256 shards', big, 256, 'file'),
    measure('100k tests (~20/file) → 256 shards', bigTests, 256, 'auto'),
    measure('10k files → 32 shards', small, 32, 'file'),
    measure('10k tests (~20/file) → 32 shards', smallTests, 32, 'auto'),
  ]
  print(
    table(
      [
        { title: 'case', align: 'left' },
        { title: 'granularity', align: 'left' },
        { title: 'files (n)' },
        { title: 'model (ms)' },
        { title: `plan median of ${RUNS} (ms)` },
        { title: 'plan min–max (ms)' },
        { title: 'plain LPT (ms)' },
        { title: 'makespan (s)' },
        { title: 'makespan/own LB (×)' },
        { title: 'makespan/file LB (×)' },
        { title: 'split files (n)' },
      ],
      cases.map((c) => [
        c.label,
        c.granularity,
        String(c.files),
        fixed(c.modelMs, 0),
        fixed(c.planMs.median, 0),
        `${fixed(c.planMs.min, 0)}–${fixed(c.planMs.max, 0)}`,
        fixed(c.lptMs, 0),
        fixed(c.predictedMakespanSeconds, 2),
        fixed(c.ratio, 5),
        fixed(c.ratioToFileBound, 5),
        String(c.splitFiles),
      ]),
    ),
  )
  print(
    'model = buildTimingModel over one synthetic run; plan = planShards with the items given explicitly\n' +
      '(so id alignment and pricing run too); plain LPT = partitionUnits over the file units alone, for scale.\n' +
      '"own LB" is the planner\'s bound over the units it planned (split files count as their parts).',
  )
  return cases
}
