/**
 * Section 4: plans with new items. A seeded 10 % of each dataset's items loses its timings; the
 * rest is the history. Each plan is then scored with the TRUE durations of every item, as
 * makespan / lower bound, at several shard counts and seeds:
 *
 * - Shardwise: `planShards` end to end, with its own estimates for the hidden items;
 * - mean fill / median fill: every hidden item priced at the mean / median of the known items,
 *   planned by the same LPT + local search (`partitionUnits`);
 * - oracle: every item at its true time.
 *
 * Items are files (every dataset) and, for the pytest-split datasets, single tests planned at
 * test granularity. A second hiding rule, whole directories at a time until 10 % is hidden,
 * checks the case where the new items are alike (a new feature's directory of tests).
 */
import { estimateDurations, type EstimateBasis } from '../src/core/estimate.js'
import { fileOfId } from '../src/core/ids.js'
import { lowerBound, partitionUnits, type Unit } from '../src/core/partition.js'
import { planShards, type Granularity } from '../src/core/plan.js'
import { buildTimingModel } from '../src/core/timings.js'
import type { TimingRun } from '../src/core/types.js'
import type { Dataset } from './datasets.js'
import { fixed, mean, median, mulberry32, table } from './lib.js'
import { makespanOf } from './splitters.js'

export const METHODS = ['oracle', 'shardwise', 'mean', 'median'] as const
export type Method = (typeof METHODS)[number]

const LABELS: Record<Method, string> = {
  oracle: 'oracle',
  shardwise: 'Shardwise',
  mean: 'mean fill',
  median: 'median fill',
}

export const SEEDS = Array.from({ length: 10 }, (_, i) => i + 1)
export const SHARD_COUNTS = [4, 8, 16, 32] as const
const HIDDEN_SHARE = 0.1

type Level = 'file' | 'test'
type Hiding = 'random' | 'directory'

export interface EstimatorCase {
  readonly dataset: string
  readonly level: Level
  readonly hiding: Hiding
  readonly seed: number
  readonly shards: number
  readonly items: number
  readonly hidden: number
  /** True makespan / max(true total / k, longest true item). */
  readonly ratio: Record<Method, number>
  /** Sum of the estimates of the hidden items / their true sum (1 = right on aggregate). */
  readonly estimateToTruth: Record<'shardwise' | 'mean' | 'median', number>
  readonly basis: Record<EstimateBasis, number>
  readonly problems: readonly string[]
}

function byId(a: Unit, b: Unit): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

function directoryOf(id: string): string {
  const file = fileOfId(id)
  const slash = file.lastIndexOf('/')
  if (slash >= 0) return file.slice(0, slash)
  const dot = file.lastIndexOf('.') // Java classes: the package
  return dot >= 0 ? file.slice(0, dot) : ''
}

/** The hidden ids: a seeded shuffle's first 10 %, or whole directories in a seeded order. */
function hide(units: readonly Unit[], seed: number, hiding: Hiding): Set<string> {
  const random = mulberry32(seed * 7919 + (hiding === 'random' ? 0 : 1))
  const want = Math.max(1, Math.round(units.length * HIDDEN_SHARE))
  if (hiding === 'random') {
    const order = units.map((u) => ({ id: u.id, key: random() })).sort((a, b) => a.key - b.key)
    return new Set(order.slice(0, want).map((o) => o.id))
  }
  const byDirectory = new Map<string, string[]>()
  for (const unit of units) {
    const dir = directoryOf(unit.id)
    const list = byDirectory.get(dir)
    if (list) list.push(unit.id)
    else byDirectory.set(dir, [unit.id])
  }
  const order = [...byDirectory.keys()]
    .sort()
    .map((dir) => ({ dir, key: random() }))
    .sort((a, b) => a.key - b.key)
  const hidden = new Set<string>()
  for (const { dir } of order) {
    if (hidden.size >= want) break
    // A directory larger than what is still wanted contributes its first ids only.
    for (const id of byDirectory.get(dir) ?? []) if (hidden.size < want) hidden.add(id)
  }
  return hidden
}

function evaluate(
  dataset: Dataset,
  level: Level,
  units: readonly Unit[],
  hiding: Hiding,
  seed: number,
): EstimatorCase[] {
  const truth = new Map(units.map((u) => [u.id, u.seconds]))
  const hidden = hide(units, seed, hiding)
  const known = new Map(units.filter((u) => !hidden.has(u.id)).map((u) => [u.id, u.seconds]))
  const hiddenIds = [...hidden].sort()
  const trueHidden = hiddenIds.reduce((a, id) => a + (truth.get(id) ?? 0), 0)
  const knownSeconds = [...known.values()]
  const flatMean = mean(knownSeconds)
  const flatMedian = median(knownSeconds)
  const estimates = estimateDurations({ known, unknown: hiddenIds })
  const basis: Record<EstimateBasis, number> = { 'same-file': 0, directory: 0, size: 0, default: 0 }
  let estimatedTotal = 0
  for (const e of estimates.values()) {
    basis[e.basis]++
    estimatedTotal += e.seconds
  }
  const run: TimingRun = {
    source: 'known',
    format: 'shardwise',
    files: level === 'file' ? known : new Map(),
    tests: level === 'test' ? known : new Map(),
    untimed: new Set(),
  }
  const model = buildTimingModel([run])
  const granularity: Granularity = level
  const priced = (price: (id: string) => number): Unit[] =>
    units.map((u) => (hidden.has(u.id) ? { id: u.id, seconds: price(u.id) } : u))
  const withPrices = (price: (id: string) => number, k: number) =>
    makespanOf(partitionUnits(priced(price), k).shards, truth)

  return SHARD_COUNTS.map((k) => {
    const problems: string[] = []
    const plan = planShards({
      items: units.map((u) => u.id),
      model,
      shards: { kind: 'fixed', count: k },
      granularity,
      shardOverheadSeconds: 0,
    })
    if (plan.unknownItems !== hidden.size) {
      problems.push(`the plan estimated ${plan.unknownItems} items, ${hidden.size} were hidden`)
    }
    const planned = makespanOf(
      plan.shards.map((s) => s.items.map((id) => ({ id, seconds: 0 }))),
      truth,
    )
    const bound = lowerBound(units, k)
    return {
      dataset: dataset.name,
      level,
      hiding,
      seed,
      shards: k,
      items: units.length,
      hidden: hidden.size,
      ratio: {
        oracle: makespanOf(partitionUnits(units, k).shards) / bound,
        shardwise: planned / bound,
        mean: withPrices(() => flatMean, k) / bound,
        median: withPrices(() => flatMedian, k) / bound,
      },
      estimateToTruth: {
        shardwise: estimatedTotal / trueHidden,
        mean: (flatMean * hidden.size) / trueHidden,
        median: (flatMedian * hidden.size) / trueHidden,
      },
      basis,
      problems,
    }
  })
}

function unitsAt(dataset: Dataset, level: Level): Unit[] {
  if (level === 'file') return [...dataset.fileUnits]
  return [...dataset.model.tests]
    .filter(([, seconds]) => seconds > 0)
    .map(([id, seconds]) => ({ id, seconds }))
    .sort(byId)
}

interface Summary {
  readonly label: string
  readonly cases: readonly EstimatorCase[]
}

function wins(cases: readonly EstimatorCase[], a: Method, b: Method): string {
  let better = 0
  let worse = 0
  for (const c of cases) {
    if (c.ratio[a] < c.ratio[b] - 1e-9) better++
    else if (c.ratio[a] > c.ratio[b] + 1e-9) worse++
  }
  return `${better}/${cases.length - better - worse}/${worse}`
}

function summaryRow(s: Summary, oneDataset: boolean): string[] {
  const avg = (f: (c: EstimatorCase) => number) => fixed(mean(s.cases.map(f)), 4)
  // Ratios of sums: their geometric mean, so that 2× and ½× average to 1.
  const geo = (f: (c: EstimatorCase) => number) =>
    fixed(Math.exp(mean(s.cases.map((c) => Math.log(f(c))))), 2)
  const first = s.cases[0]
  return [
    s.label,
    oneDataset && first ? `${first.items}` : '',
    oneDataset && first ? `${first.hidden}` : '',
    ...METHODS.map((m) => avg((c) => c.ratio[m])),
    wins(s.cases, 'shardwise', 'mean'),
    wins(s.cases, 'shardwise', 'median'),
    geo((c) => c.estimateToTruth.shardwise),
    geo((c) => c.estimateToTruth.mean),
    geo((c) => c.estimateToTruth.median),
  ]
}

const COLUMNS = [
  { title: 'dataset', align: 'left' as const },
  { title: 'items (n)' },
  { title: 'hidden (n)' },
  ...METHODS.map((m) => ({ title: `${LABELS[m]} (×LB)` })),
  { title: 'SW vs mean better/tie/worse' },
  { title: 'SW vs median b/t/w' },
  { title: 'SW Σest/Σtrue' },
  { title: 'mean Σest/Σtrue' },
  { title: 'median Σest/Σtrue' },
]

export interface EstimatorResult {
  readonly seeds: readonly number[]
  readonly shardCounts: readonly number[]
  readonly hiddenShare: number
  readonly cases: readonly EstimatorCase[]
  readonly overall: Record<string, Record<Method, number>>
}

export function runEstimator(
  datasets: readonly Dataset[],
  print: (text: string) => void,
): EstimatorResult {
  const all: EstimatorCase[] = []
  const overall: Record<string, Record<Method, number>> = {}
  const scenarios: { level: Level; hiding: Hiding; title: string }[] = [
    { level: 'file', hiding: 'random', title: 'Files, 10 % hidden at random' },
    {
      level: 'test',
      hiding: 'random',
      title: 'Tests (pytest-split datasets), 10 % hidden at random',
    },
    { level: 'file', hiding: 'directory', title: 'Files, whole directories hidden (10 %)' },
    { level: 'test', hiding: 'directory', title: 'Tests, whole directories hidden (10 %)' },
  ]
  const summaries: Summary[] = []
  for (const scenario of scenarios) {
    const eligible = datasets.filter((d) =>
      scenario.level === 'file' ? d.fileUnits.length > 0 : d.format === 'pytest-split',
    )
    const perDataset: Summary[] = eligible.map((dataset) => {
      const units = unitsAt(dataset, scenario.level)
      const cases = SEEDS.flatMap((seed) =>
        evaluate(dataset, scenario.level, units, scenario.hiding, seed),
      )
      all.push(...cases)
      return { label: dataset.name, cases }
    })
    const pooled: Summary = {
      label: 'all datasets',
      cases: perDataset.flatMap((s) => s.cases),
    }
    summaries.push({ label: scenario.title, cases: pooled.cases })
    overall[`${scenario.level}/${scenario.hiding}`] = Object.fromEntries(
      METHODS.map((m) => [m, mean(pooled.cases.map((c) => c.ratio[m]))]),
    ) as Record<Method, number>
    if (scenario.hiding === 'random') {
      print(`\n${scenario.title}: ${SEEDS.length} seeds × k = ${SHARD_COUNTS.join(', ')}`)
      print(
        table(COLUMNS, [...perDataset.map((d) => summaryRow(d, true)), summaryRow(pooled, false)]),
      )
    }
  }
  print('\nOverall, every scenario (mean over datasets × seeds × shard counts):')
  print(
    table(
      [{ title: 'scenario', align: 'left' }, ...COLUMNS.slice(1)],
      summaries.map((row) => summaryRow(row, false)),
    ),
  )
  print(
    'Ratios are true makespan / max(true total / k, longest true item), averaged over seeds and k; the\n' +
      "known items keep their true times, the hidden ones get each method's estimate. better/tie/worse counts\n" +
      "the cases (dataset × seed × k) where Shardwise's ratio is lower / equal / higher. Σest/Σtrue is the sum\n" +
      "of the hidden items' estimates over their true sum (1 = right on aggregate), geometric mean over seeds.",
  )
  const problems = all.flatMap((c) =>
    c.problems.map(
      (p) => `${c.dataset} (${c.level}, ${c.hiding}, seed ${c.seed}, k=${c.shards}): ${p}`,
    ),
  )
  if (problems.length > 0) print(`Problems:\n  ${problems.join('\n  ')}`)
  return {
    seeds: SEEDS,
    shardCounts: [...SHARD_COUNTS],
    hiddenShare: HIDDEN_SHARE,
    cases: all,
    overall,
  }
}
