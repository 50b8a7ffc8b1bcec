import type { Granularity, Plan, PlannedShard, SplitFile } from './contracts/plan.js'
import { modelLowerBound, type CostModel } from './cost-model.js'
import { MIN_ESTIMATE_SECONDS, estimateDurations, type EstimateBasis } from './estimate.js'
import { fileOfId, isTestId } from './ids.js'
import {
  lowerBound,
  lowerBoundOfSeconds,
  partitionSeconds,
  partitionUnits,
  type Unit,
} from './partition.js'
import { sum } from './stats.js'
import { alignModel, type TimingModel } from './timings.js'

// The plan's shape, and its decoding from JSON, is its contract: contracts/plan.ts.
export type { Granularity, Plan, PlannedShard, SplitFile } from './contracts/plan.js'

/** How many estimated items a plan names (the count is always exact). */
export const MAX_LISTED_ESTIMATES = 500

/** GitHub's matrix limit, and so the most shards a plan may have. */
export const MAX_SHARDS = 256

export type ShardCountRequest =
  | { readonly kind: 'fixed'; readonly count: number }
  | { readonly kind: 'auto'; readonly targetSeconds: number; readonly maxShards: number }

export interface PlanRequest {
  /** Ids to plan (file or test ids, normalised); `undefined` plans what the timings hold. */
  readonly items: readonly string[] | undefined
  readonly model: TimingModel
  readonly shards: ShardCountRequest
  readonly granularity: Granularity
  /** Start-up every shard pays before its first test (install, runner boot). */
  readonly shardOverheadSeconds: number
  /**
   * The per-shard terms of the cost model, where they are known (learned or estimated);
   * without it, `shardOverheadSeconds` is the start-up and files run one at a time.
   */
  readonly costModel?: CostModel
  /** File sizes in bytes for estimating new files. */
  readonly sizes?: ReadonlyMap<string, number>
  /** Whether the runner can run single tests of a file (needed to split a file). */
  readonly canSplitFiles?: boolean
  /** What an item with nothing to learn from costs (default `DEFAULT_SECONDS`). */
  readonly defaultItemSeconds?: number
}

interface PlanUnit extends Unit {
  /** The items the unit runs, sorted. */
  readonly members: readonly string[]
  readonly file: string
  readonly estimated: boolean
}

interface Candidate {
  readonly splitFiles: readonly SplitFile[]
  readonly shardCount: number
  readonly loads: readonly number[]
  /** Each shard's items, sorted; listed only for the candidate chosen. */
  readonly items: () => string[][]
  /** Each shard's longest unit (a file, a chunk or a test), in seconds. */
  readonly longest: () => number[]
  readonly totalSeconds: number
  readonly makespan: number
  readonly lowerBound: number
  readonly fileLowerBound: number
}

/**
 * The seconds of every planned item: its timings, or an estimate. Looked up rather than copied
 * into a map of its own, since a plan may hold a million items and nearly all are timed.
 */
class Prices {
  /** The items without usable timings, and what each estimate was learned from. */
  readonly estimated = new Map<string, EstimateBasis>()
  private readonly estimates = new Map<string, number>()
  /** The seconds of the i-th item priced, once pricing is done. */
  readonly ofItem: Float64Array

  constructor(
    private readonly model: TimingModel,
    itemCount: number,
  ) {
    this.ofItem = new Float64Array(itemCount)
  }

  /** The seconds of a planned item. */
  of(id: string): number {
    return this.estimates.get(id) ?? this.timed(id) ?? 0
  }

  timed(id: string): number | undefined {
    // File ids never hold `::` and test ids always do, so the maps cannot both answer.
    const known = this.model.files.get(id) ?? this.model.tests.get(id)
    return known !== undefined && known > 0 ? known : undefined
  }

  estimate(id: string, seconds: number, basis: EstimateBasis): void {
    this.estimates.set(id, seconds)
    this.estimated.set(id, basis)
  }
}

/** Prices the items: their timings where they have some, estimates for the rest. */
function priceItems(
  ids: readonly string[],
  model: TimingModel,
  sizes: ReadonlyMap<string, number> | undefined,
  defaultSeconds: number | undefined,
): Prices {
  const prices = new Prices(model, ids.length)
  const unknown: string[] = []
  // Tests seen at 0 s or skipped inside a timed file share what the file's time leaves over
  // beyond its timed tests and setup (usually next to nothing: they ran below the clock's
  // resolution). New tests, never seen, are estimated like any unknown item.
  const untimedByFile = new Map<string, string[]>()
  ids.forEach((id, i) => {
    const timed = prices.timed(id)
    if (timed !== undefined) prices.ofItem[i] = timed
    else if (isTestId(id) && model.untimed.has(id) && model.files.has(fileOfId(id))) {
      const list = untimedByFile.get(fileOfId(id)) ?? []
      list.push(id)
      untimedByFile.set(fileOfId(id), list)
    } else unknown.push(id)
  })
  for (const [file, untimed] of untimedByFile) {
    const timedTests = sum(
      (model.testsByFile.get(file) ?? []).map((id) => model.tests.get(id) ?? 0),
    )
    const residual = (model.files.get(file) ?? 0) - timedTests - (model.setupByFile.get(file) ?? 0)
    const share = Math.max(MIN_ESTIMATE_SECONDS, residual / untimed.length)
    for (const id of untimed) prices.estimate(id, share, 'same-file')
  }
  if (unknown.length > 0) {
    const known = [model.files, model.tests]
    const estimates = estimateDurations({
      known,
      unknown,
      ...(sizes === undefined ? {} : { sizes }),
      ...(defaultSeconds === undefined ? {} : { defaultSeconds }),
    })
    for (const [id, estimate] of estimates) prices.estimate(id, estimate.seconds, estimate.basis)
  }
  if (prices.estimated.size > 0) ids.forEach((id, i) => (prices.ofItem[i] = prices.of(id)))
  return prices
}

/** The ids to plan when none were given: everything the timings know (unique, sorted). */
function itemsFromModel(model: TimingModel, granularity: Granularity): string[] {
  const files = [...model.files.keys()]
  const untimedFiles = new Set<string>()
  for (const id of model.untimed) {
    const file = fileOfId(id)
    if (!model.files.has(file)) untimedFiles.add(file)
  }
  files.push(...untimedFiles)
  if (granularity === 'file') return files.sort()
  const ids: string[] = []
  for (const file of files) {
    const tests = model.testsByFile.get(file)
    if (tests && tests.length > 0) for (const id of tests) ids.push(id)
    else ids.push(file)
  }
  return ids.sort()
}

/** The ids sorted, each once. */
function sortedUnique(ids: readonly string[]): string[] {
  const sorted = [...ids].sort()
  let kept = 0
  for (let i = 0; i < sorted.length; i++) {
    const id = sorted[i] ?? ''
    if (kept === 0 || id !== sorted[kept - 1]) sorted[kept++] = id
  }
  sorted.length = kept
  return sorted
}

function groupByFile(ids: readonly string[]): Map<string, string[]> {
  const byFile = new Map<string, string[]>()
  for (const id of ids) {
    const file = fileOfId(id)
    const list = byFile.get(file)
    if (list) list.push(id)
    else byFile.set(file, [id])
  }
  return byFile
}

/**
 * Splits one file's tests into `parts` chunks of near-equal time (LPT), each a unit that pays
 * the file's setup once.
 */
function chunkFile(
  file: string,
  tests: readonly string[],
  parts: number,
  prices: Prices,
  setup: number,
  estimated: boolean,
): PlanUnit[] {
  const units = tests.map((id) => ({ id, seconds: prices.of(id) }))
  const partition = partitionUnits(units, Math.min(parts, units.length))
  return partition.shards
    .filter((chunk) => chunk.length > 0)
    .map((chunk, index) => {
      const members = chunk.map((u) => u.id).sort()
      return {
        id: `${file}::#${index + 1}`,
        seconds: setup + sum(chunk.map((u) => u.seconds)),
        members,
        file,
        estimated,
      }
    })
}

interface UnitContext {
  /** The planned ids, sorted. */
  readonly items: readonly string[]
  /** The planned ids by file (in the order of `items`); empty at file granularity. */
  readonly byFile: ReadonlyMap<string, readonly string[]>
  readonly prices: Prices
  readonly model: TimingModel
  readonly granularity: Granularity
  readonly canSplitFiles: boolean
}

/**
 * A file's time: its own observation if it has one (setup and untimed tests included), else
 * the sum of its tests and its setup. New tests, unknown to the timings, add their estimates.
 */
function fileSeconds(context: UnitContext, file: string, ids: readonly string[]): number {
  // A file planned whole is an item itself, and the only one of its file.
  if (ids[0] === file) return context.prices.of(file)
  const timed = context.model.files.get(file)
  const isNew = (id: string) => !context.model.tests.has(id) && !context.model.untimed.has(id)
  if (timed !== undefined && timed > 0)
    return timed + sum(ids.filter(isNew).map((id) => context.prices.of(id)))
  return sum(ids.map((id) => context.prices.of(id))) + (context.model.setupByFile.get(file) ?? 0)
}

/** Builds the units at auto granularity: whole files, or chunks of the files split. */
function buildUnits(
  context: UnitContext,
  shardCount: number,
): { units: PlanUnit[]; splitFiles: SplitFile[] } {
  const units: PlanUnit[] = []
  const splitFiles: SplitFile[] = []
  const whole = (file: string, ids: readonly string[]): PlanUnit => ({
    id: file,
    seconds: fileSeconds(context, file, ids),
    // A file planned whole runs what was asked: the file, or exactly its listed tests.
    members: [...ids].sort(),
    file,
    estimated: ids.some((id) => context.prices.estimated.has(id)),
  })
  const fileUnits = [...context.byFile].map(([file, ids]) => ({
    file,
    ids,
    unit: whole(file, ids),
  }))
  if (!context.canSplitFiles || shardCount === 1) {
    return { units: fileUnits.map((f) => f.unit), splitFiles }
  }
  // auto: split only the files that alone would exceed the target shard time.
  const splittable = (f: (typeof fileUnits)[number]) => f.ids.length > 1 && !f.ids.includes(f.file)
  let target = 0
  for (let pass = 0; pass < 3; pass++) {
    const total = sum(fileUnits.map((f) => f.unit.seconds))
    const extraSetup = sum(
      splitFiles.map((s) => (s.parts - 1) * (context.model.setupByFile.get(s.file) ?? 0)),
    )
    let unsplittable = 0
    for (const f of fileUnits) {
      const longest = splittable(f)
        ? f.ids.reduce((m, id) => Math.max(m, context.prices.of(id)), 0) +
          (context.model.setupByFile.get(f.file) ?? 0)
        : f.unit.seconds
      unsplittable = Math.max(unsplittable, longest)
    }
    const next = Math.max((total + extraSetup) / shardCount, unsplittable)
    if (next === target) break
    target = next
    splitFiles.length = 0
    for (const f of fileUnits) {
      if (!splittable(f) || f.unit.seconds <= target * 1.0001) continue
      const setup = context.model.setupByFile.get(f.file) ?? 0
      const body = f.unit.seconds - setup
      const room = Math.max(target - setup, target / 2)
      const parts = Math.min(f.ids.length, shardCount, Math.ceil(body / room))
      if (parts > 1) splitFiles.push({ file: f.file, parts, seconds: f.unit.seconds })
    }
  }
  // Fewer units than shards would leave shards empty: split the longest parts further.
  const partsOf = new Map(splitFiles.map((s) => [s.file, s.parts]))
  let unitCount = fileUnits.length + sum(splitFiles.map((s) => s.parts - 1))
  while (unitCount < shardCount) {
    let pick: (typeof fileUnits)[number] | undefined
    let pickSize = 0
    for (const f of fileUnits) {
      const parts = partsOf.get(f.file) ?? 1
      if (!splittable(f) || parts >= f.ids.length) continue
      const size = f.unit.seconds / parts
      if (size > pickSize) {
        pick = f
        pickSize = size
      }
    }
    if (!pick) break
    partsOf.set(pick.file, (partsOf.get(pick.file) ?? 1) + 1)
    unitCount++
  }
  splitFiles.length = 0
  for (const f of fileUnits) {
    const parts = partsOf.get(f.file)
    if (parts !== undefined && parts > 1)
      splitFiles.push({ file: f.file, parts, seconds: f.unit.seconds })
  }
  const split = new Map(splitFiles.map((s) => [s.file, s.parts]))
  for (const f of fileUnits) {
    const parts = split.get(f.file)
    if (parts === undefined) {
      units.push(f.unit)
      continue
    }
    units.push(
      ...chunkFile(
        f.file,
        f.ids,
        parts,
        context.prices,
        context.model.setupByFile.get(f.file) ?? 0,
        f.unit.estimated,
      ),
    )
  }
  return { units, splitFiles }
}

function evaluate(context: UnitContext, shardCount: number): Candidate {
  if (context.granularity !== 'auto') return evaluateItems(context, shardCount)
  const { units, splitFiles } = buildUnits(context, shardCount)
  const partition = partitionUnits(units, shardCount)
  const wholeFiles = (): Unit[] =>
    [...context.byFile].map(([file, ids]) => ({
      id: file,
      seconds: fileSeconds(context, file, ids),
    }))
  return {
    splitFiles,
    shardCount,
    loads: partition.loads,
    items: () => partition.shards.map((shard) => shard.flatMap((u) => u.members).sort()),
    longest: () =>
      partition.shards.map((shard) => shard.reduce((m, u) => Math.max(m, u.seconds), 0)),
    totalSeconds: totalOf(units),
    makespan: Math.max(0, ...partition.loads),
    lowerBound: lowerBound(units, shardCount),
    fileLowerBound: lowerBound(wholeFiles(), shardCount),
  }
}

/**
 * Every item its own unit: whole files at file granularity, single tests at test granularity.
 * Planned by index over the sorted items, without an object per item.
 */
function evaluateItems(context: UnitContext, shardCount: number): Candidate {
  const { items } = context
  const seconds = context.prices.ofItem
  const partition = partitionSeconds(seconds, shardCount)
  let loads = partition.loads
  let bound = lowerBoundOfSeconds(seconds, shardCount)
  const fileBound = bound
  if (context.granularity === 'test') {
    const setup = (file: string) => context.model.setupByFile.get(file) ?? 0
    // Single tests of one file in one shard pay the file's setup once per shard.
    loads = partition.shards.map((shard, i) => {
      const files = new Set(shard.map((item) => fileOfId(items[item] ?? '')))
      return (loads[i] ?? 0) + sum([...files].map(setup))
    })
    bound = testLowerBound(items, seconds, setup, shardCount)
  }
  return {
    splitFiles: [],
    shardCount,
    loads,
    items: () => {
      // One pass over the sorted items deals each to its shard: every list comes out sorted.
      const shardOf = new Int32Array(items.length)
      partition.shards.forEach((shard, s) => {
        for (const item of shard) shardOf[item] = s
      })
      const lists = partition.shards.map((): string[] => [])
      items.forEach((id, item) => lists[shardOf[item] ?? 0]?.push(id))
      return lists
    },
    longest: () =>
      partition.shards.map((shard) =>
        shard.reduce((m, item) => Math.max(m, seconds[item] ?? 0), 0),
      ),
    totalSeconds: sum(seconds),
    makespan: Math.max(0, ...loads),
    lowerBound: bound,
    fileLowerBound: fileBound,
  }
}

/** At test granularity every file's setup is paid at least once, and with each of its tests. */
function testLowerBound(
  tests: readonly string[],
  seconds: ArrayLike<number>,
  setup: (file: string) => number,
  shardCount: number,
): number {
  const files = new Set(tests.map(fileOfId))
  const total = sum(Array.from(seconds)) + sum([...files].map(setup))
  let longest = 0
  tests.forEach((id, i) => {
    longest = Math.max(longest, (seconds[i] ?? 0) + setup(fileOfId(id)))
  })
  return Math.max(total / shardCount, longest)
}

/**
 * The smallest shard count whose predicted wall time (makespan + overhead) meets the target;
 * if none does, the smallest count that gets within 1% of the best reachable wall time.
 */
function chooseShardCount(
  context: UnitContext,
  request: Extract<ShardCountRequest, { kind: 'auto' }>,
  overhead: number,
  itemCount: number,
  workers: number,
): Candidate {
  const cap = Math.max(1, Math.min(request.maxShards, MAX_SHARDS, itemCount))
  const cache = new Map<number, Candidate>()
  const at = (k: number): Candidate => {
    let candidate = cache.get(k)
    if (!candidate) {
      candidate = evaluate(context, k)
      cache.set(k, candidate)
    }
    return candidate
  }
  const meets = (k: number) => at(k).makespan / workers + overhead <= request.targetSeconds
  if (meets(cap)) {
    // Makespan falls (nearly) monotonically with the shard count: binary search, then make
    // sure the count just below does not also meet the target.
    let lo = 1
    let hi = cap
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (meets(mid)) hi = mid
      else lo = mid + 1
    }
    while (lo > 1 && meets(lo - 1)) lo--
    return at(lo)
  }
  const best = at(cap).makespan
  let lo = 1
  let hi = cap
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (at(mid).makespan <= best * 1.01) hi = mid
    else lo = mid + 1
  }
  return at(lo)
}

/**
 * Plans the shards.
 * Contract: every item appears in exactly one shard (a split file's tests spread over several);
 * no shard is empty when there are at least as many units as shards; the plan depends only on
 * the set of items and the timings, never on their order.
 */
export function planShards(request: PlanRequest): Plan {
  const notes: string[] = []
  const providedItems = request.items !== undefined
  const initial = request.items
    ? sortedUnique(request.items)
    : itemsFromModel(request.model, request.granularity)
  const hasTestIds = initial.some(isTestId)
  const itemFiles = hasTestIds ? sortedUnique(initial.map(fileOfId)) : initial
  // Timings of files that are not planned only matter when the items were given.
  const itemFileSet = providedItems ? new Set(itemFiles) : undefined
  const { model, matchedBySuffix } = itemFileSet
    ? alignModel(request.model, itemFileSet)
    : { model: request.model, matchedBySuffix: 0 }

  // At file granularity test ids collapse into their files; a file listed whole stays whole.
  let items: readonly string[] = itemFiles
  if (request.granularity !== 'file' && hasTestIds) {
    const wholeFiles = new Set(initial.filter((id) => !isTestId(id)))
    items = initial.filter((id) => !isTestId(id) || !wholeFiles.has(fileOfId(id)))
  }

  const prices = priceItems(items, model, request.sizes, request.defaultItemSeconds)
  const { estimated } = prices
  const estimates: Record<EstimateBasis, number> = {
    'same-file': 0,
    directory: 0,
    size: 0,
    default: 0,
  }
  for (const basis of estimated.values()) estimates[basis]++
  const matchedItems = items.length - estimated.size
  let staleFiles = 0
  if (itemFileSet) for (const file of model.files.keys()) if (!itemFileSet.has(file)) staleFiles++

  const context: UnitContext = {
    items,
    byFile: request.granularity === 'file' ? new Map() : groupByFile(items),
    prices,
    model,
    granularity: request.granularity,
    canSplitFiles: request.canSplitFiles ?? true,
  }
  if (request.granularity !== 'file' && !items.some(isTestId)) {
    notes.push(
      `granularity ${request.granularity}: no test ids to split files by (the items are whole files); planned by file`,
    )
  }

  const unitCount = request.granularity === 'test' ? items.length : itemFiles.length
  let candidate: Candidate
  if (request.shards.kind === 'fixed') {
    candidate = evaluate(context, request.shards.count)
    if (unitCount < request.shards.count && items.length > 0) {
      notes.push(
        `only ${unitCount} items for ${request.shards.count} shards: ${request.shards.count - unitCount} shards are empty`,
      )
    }
  } else {
    const workers = request.costModel?.workers ?? 1
    candidate = chooseShardCount(
      context,
      request.shards,
      request.shardOverheadSeconds,
      Math.max(1, items.length),
      workers,
    )
    const wall = candidate.makespan / workers + request.shardOverheadSeconds
    if (wall > request.shards.targetSeconds) {
      notes.push(
        `no shard count up to ${Math.min(request.shards.maxShards, MAX_SHARDS)} reaches the target of ${request.shards.targetSeconds} s; ${candidate.shardCount} shards get the best reachable ${wall.toFixed(1)} s`,
      )
    }
  }

  // A shard's wall time: what every shard pays, then its files, some at once where the runner
  // runs several workers (never less than its longest file).
  const costModel: CostModel = request.costModel ?? {
    startupSeconds: request.shardOverheadSeconds,
    warmupSeconds: 0,
    workers: 1,
  }
  const overhead = costModel.startupSeconds + costModel.warmupSeconds
  const longest = costModel.workers === 1 ? [] : candidate.longest()
  const wallOf = (count: number, load: number, i: number): number =>
    count === 0 ? 0 : overhead + Math.max(longest[i] ?? 0, load / costModel.workers)

  // Empty shards go last, so a matrix of the first non-empty shards covers everything.
  const ordered = candidate
    .items()
    .map((shardItems, i) => ({
      shardItems,
      wall: wallOf(shardItems.length, candidate.loads[i] ?? 0, i),
    }))
    .sort((a, b) => Number(a.shardItems.length === 0) - Number(b.shardItems.length === 0))
  const shards: PlannedShard[] = ordered.map(({ shardItems, wall }, i) => ({
    index: i + 1,
    items: shardItems,
    predictedSeconds: round(wall),
  }))
  const lowerBound =
    items.length === 0
      ? 0
      : costModel.workers === 1
        ? overhead + candidate.lowerBound
        : modelLowerBound(
            costModel,
            sum(candidate.loads),
            Math.max(0, ...longest),
            candidate.shardCount,
          )
  return {
    version: 1,
    shards,
    granularity: request.granularity,
    itemCount: items.length,
    totalSeconds: round(candidate.totalSeconds),
    lowerBoundSeconds: round(lowerBound),
    fileLowerBoundSeconds: round(items.length === 0 ? 0 : overhead + candidate.fileLowerBound),
    predictedMakespanSeconds: round(shards.reduce((m, s) => Math.max(m, s.predictedSeconds), 0)),
    shardOverheadSeconds: round(overhead),
    costModel,
    unknownItems: estimated.size,
    estimatedItems: [...estimated.keys()].sort().slice(0, MAX_LISTED_ESTIMATES),
    estimates,
    timings: { runs: model.runCount, matchedItems, matchedBySuffix, staleFiles },
    splitFiles: candidate.splitFiles,
    notes,
  }
}

function totalOf(units: readonly Unit[]): number {
  let total = 0
  for (const unit of units) total += unit.seconds
  return total
}

function round(seconds: number): number {
  return Math.round(seconds * 1000) / 1000
}
