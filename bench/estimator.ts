/**
 * Section 4: how well new (unknown) files are estimated. A deterministic 20% of each dataset's
 * files is held out, estimated from the rest, and the estimates are compared with the truth,
 * then planned into 8 shards and the plan is scored with the true durations.
 */
import { estimateDurations, type EstimateBasis } from '../src/core/estimate.js'
import { lowerBound, partitionUnits, type Unit } from '../src/core/partition.js'
import { planShards } from '../src/core/plan.js'
import { buildTimingModel } from '../src/core/timings.js'
import type { Dataset } from './datasets.js'
import { fixed, fnv1a, mean, median, table } from './lib.js'
import { makespanOf } from './splitters.js'

export const ESTIMATORS = ['shardwise', 'mean', 'median'] as const
export type Estimator = (typeof ESTIMATORS)[number]

export interface EstimatorCase {
  readonly dataset: string
  readonly files: number
  readonly heldOut: number
  readonly heldOutSeconds: number
  /** Median over held-out files of |log2(estimate / actual)|. */
  readonly medianAbsLog2Error: Record<Estimator, number>
  /** Median of log2(estimate / actual): > 0 over-estimates. */
  readonly medianLog2Bias: Record<Estimator, number>
  /** Share of held-out files estimated within a factor of 2. */
  readonly within2x: Record<Estimator, number>
  readonly shardwiseBasis: Record<EstimateBasis, number>
  readonly shards: number
  /** True makespan / true file-level lower bound when the held-out files were planned with estimates. */
  readonly ratio: Record<Estimator | 'oracle', number>
  readonly problems: readonly string[]
}

const SHARDS = 8
const MIN_FILES = 100

const FOLDS = 5

/** About one file in five, chosen by a salted hash of its path: the same split on every run. */
function foldOf(file: string): number {
  return fnv1a(`holdout:${file}`) % FOLDS
}

/** Evaluates the estimators with the files of one fold held out. */
function evaluateFold(dataset: Dataset, fold: number): EstimatorCase {
  const isHeldOut = (file: string) => foldOf(file) === fold
  const units = dataset.fileUnits
  const truth = new Map(units.map((u) => [u.id, u.seconds]))
  const heldOut = units.filter((u) => isHeldOut(u.id))
  const known = new Map(units.filter((u) => !isHeldOut(u.id)).map((u) => [u.id, u.seconds]))
  const knownSeconds = [...known.values()]
  const shardwise = estimateDurations({ known, unknown: heldOut.map((u) => u.id) })
  const basis: Record<EstimateBasis, number> = { 'same-file': 0, directory: 0, size: 0, default: 0 }
  for (const e of shardwise.values()) basis[e.basis]++
  const flatMean = mean(knownSeconds)
  const flatMedian = median(knownSeconds)
  const estimateOf: Record<Estimator, (id: string) => number> = {
    shardwise: (id) => shardwise.get(id)?.seconds ?? NaN,
    mean: () => flatMean,
    median: () => flatMedian,
  }
  const log2Errors = (e: Estimator) =>
    heldOut.map((u) => Math.log2(estimateOf[e](u.id) / u.seconds))
  const perEstimator = <T>(f: (e: Estimator) => T) =>
    Object.fromEntries(ESTIMATORS.map((e) => [e, f(e)])) as Record<Estimator, T>

  // Plan with the estimates, score with the truth.
  const bound = lowerBound(units, SHARDS)
  const problems: string[] = []
  const model = buildTimingModel([
    { source: 'known', format: 'shardwise', files: known, tests: new Map(), untimed: new Set() },
  ])
  const plan = planShards({
    items: units.map((u) => u.id),
    model,
    shards: { kind: 'fixed', count: SHARDS },
    granularity: 'file',
    shardOverheadSeconds: 0,
  })
  if (plan.unknownItems !== heldOut.length) {
    problems.push(`the plan estimated ${plan.unknownItems} items, ${heldOut.length} were held out`)
  }
  const planned = makespanOf(
    plan.shards.map((s) => s.items.map((id) => ({ id, seconds: 0 }))),
    truth,
  )
  const withEstimates = (e: Estimator): number => {
    const priced: Unit[] = units.map((u) =>
      isHeldOut(u.id) ? { id: u.id, seconds: estimateOf[e](u.id) } : u,
    )
    return makespanOf(partitionUnits(priced, SHARDS).shards, truth)
  }
  const sameAsDirect = withEstimates('shardwise')
  if (Math.abs(sameAsDirect - planned) > 1e-6 * planned) {
    problems.push(
      `planShards gives ${fixed(planned, 2)} s, partitionUnits over estimateDurations ${fixed(sameAsDirect, 2)} s`,
    )
  }
  return {
    dataset: dataset.name,
    files: units.length,
    heldOut: heldOut.length,
    heldOutSeconds: heldOut.reduce((a, u) => a + u.seconds, 0),
    medianAbsLog2Error: perEstimator((e) => median(log2Errors(e).map(Math.abs))),
    medianLog2Bias: perEstimator((e) => median(log2Errors(e))),
    within2x: perEstimator(
      (e) => log2Errors(e).filter((x) => Math.abs(x) <= 1).length / heldOut.length,
    ),
    shardwiseBasis: basis,
    shards: SHARDS,
    ratio: {
      oracle: makespanOf(partitionUnits(units, SHARDS).shards) / bound,
      shardwise: planned / bound,
      mean: withEstimates('mean') / bound,
      median: withEstimates('median') / bound,
    },
    problems,
  }
}

export interface EstimatorResult {
  /** Fold 0: the files whose salted hash is 0 mod 5 are held out. */
  readonly cases: readonly EstimatorCase[]
  /** Every fold in turn (each file held out once), for a less noisy average. */
  readonly allFolds: readonly EstimatorCase[]
}

export function runEstimator(
  datasets: readonly Dataset[],
  print: (text: string) => void,
): EstimatorResult {
  const eligible = datasets.filter((d) => d.fileUnits.length >= MIN_FILES)
  const cases = eligible.map((d) => evaluateFold(d, 0))
  const allFolds = eligible.flatMap((d) =>
    Array.from({ length: FOLDS }, (_, fold) => evaluateFold(d, fold)),
  )

  const rows = cases.map((c) => [
    c.dataset,
    String(c.files),
    String(c.heldOut),
    fixed(c.medianAbsLog2Error.shardwise, 2),
    fixed(c.medianAbsLog2Error.mean, 2),
    fixed(c.medianAbsLog2Error.median, 2),
    fixed(c.medianLog2Bias.shardwise, 2),
    fixed(c.medianLog2Bias.mean, 2),
    fixed(c.medianLog2Bias.median, 2),
    `${c.shardwiseBasis.directory}/${c.shardwiseBasis.default}`,
    fixed(c.ratio.oracle, 3),
    fixed(c.ratio.shardwise, 3),
    fixed(c.ratio.mean, 3),
    fixed(c.ratio.median, 3),
  ])
  const average = (list: readonly EstimatorCase[], label: string) => {
    const avg = (f: (c: EstimatorCase) => number) => fixed(mean(list.map(f)), 3)
    return [
      label,
      '',
      '',
      avg((c) => c.medianAbsLog2Error.shardwise),
      avg((c) => c.medianAbsLog2Error.mean),
      avg((c) => c.medianAbsLog2Error.median),
      avg((c) => c.medianLog2Bias.shardwise),
      avg((c) => c.medianLog2Bias.mean),
      avg((c) => c.medianLog2Bias.median),
      '',
      avg((c) => c.ratio.oracle),
      avg((c) => c.ratio.shardwise),
      avg((c) => c.ratio.mean),
      avg((c) => c.ratio.median),
    ]
  }
  rows.push(average(cases, 'mean over datasets'))
  rows.push(average(allFolds, `mean, all ${FOLDS} folds`))
  print(
    table(
      [
        { title: 'dataset', align: 'left' },
        { title: 'files (n)' },
        { title: 'held out (n)' },
        { title: 'SW |err| (log2)' },
        { title: 'mean |err| (log2)' },
        { title: 'median |err| (log2)' },
        { title: 'SW bias (log2)' },
        { title: 'mean bias (log2)' },
        { title: 'median bias (log2)' },
        { title: 'SW basis dir/default (n)' },
        { title: `true times k=${SHARDS} (×LB)` },
        { title: 'SW est. (×LB)' },
        { title: 'mean est. (×LB)' },
        { title: 'median est. (×LB)' },
      ],
      rows,
    ),
  )
  const wins = (other: Estimator) =>
    cases.filter((c) => c.medianAbsLog2Error.shardwise < c.medianAbsLog2Error[other]).length
  const balanceWins = (other: Estimator) =>
    cases.filter((c) => c.ratio.shardwise < c.ratio[other] - 1e-9).length
  const balanceLosses = (other: Estimator) =>
    cases.filter((c) => c.ratio.shardwise > c.ratio[other] + 1e-9).length
  print(
    '|err| = median over held-out files of |log2(estimate/actual)| (1.00 = off by 2×); bias = median of\n' +
      'log2(estimate/actual) (> 0 over-estimates). Balance columns: the held-out files are planned with their\n' +
      `estimates (known files with their true times), then the partition is scored with the true times against\n` +
      `max(total/${SHARDS}, longest file) of the true times.\n` +
      `Shardwise's estimator has the smaller error than the plain mean in ${wins('mean')}/${cases.length} datasets, than the plain median in ${wins('median')}/${cases.length};\n` +
      `with its estimates the plans are better balanced than with the mean in ${balanceWins('mean')}, worse in ${balanceLosses('mean')}; than with the median better in ${balanceWins('median')}, worse in ${balanceLosses('median')} (of ${cases.length}).`,
  )
  print(
    `The last row repeats the experiment with each of the ${FOLDS} hash folds held out in turn (every file is\n` +
      'estimated once) and averages over datasets and folds.',
  )
  const problems = allFolds.flatMap((c) => c.problems.map((p) => `${c.dataset}: ${p}`))
  if (problems.length > 0) print(`Problems:\n  ${problems.join('\n  ')}`)
  return { cases, allFolds }
}
