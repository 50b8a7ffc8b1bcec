import type { Granularity, Plan, PlannedShard, SplitFile } from './contracts/plan.js'
import { modelLowerBound, type CostModel } from './cost-model.js'
import { MIN_ESTIMATE_SECONDS, estimateDurations, type EstimateBasis } from './estimate.js'
import { fileOfId, isTestId } from './ids.js'
import { lowerBound, partitionUnits, type Unit } from './partition.js'
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
  readonly members: readonly string[]
  readonly file: string
  readonly estimated: boolean
}

interface Candidate {
  readonly units: readonly PlanUnit[]
  readonly splitFiles: readonly SplitFile[]
  readonly shardCount: number
  readonly loads: readonly number[]
  readonly shards: readonly (readonly PlanUnit[])[]
  readonly makespan: number
  readonly lowerBound: number
  readonly fileLowerBound: number
}

/** Seconds per item with history, estimates for the rest. */
function priceItems(
  ids: readonly string[],
  model: TimingModel,
  sizes: ReadonlyMap<string, number> | undefined,
  defaultSeconds: number | undefined,
): { seconds: Map<string, number>; estimated: Map<string, EstimateBasis> } {
  const seconds = new Map<string, number>()
  const unknown: string[] = []
  // Tests seen at 0 s or skipped inside a timed file share what the file's time leaves over
  // beyond its timed tests and setup (usually next to nothing: they ran below the clock's
  // resolution). New tests, never seen, are estimated like any unknown item.
  const untimedByFile = new Map<string, string[]>()
  for (const id of ids) {
    const known = isTestId(id) ? model.tests.get(id) : model.files.get(id)
    if (known !== undefined && known > 0) seconds.set(id, known)
    else if (isTestId(id) && model.untimed.has(id) && model.files.has(fileOfId(id))) {
      const list = untimedByFile.get(fileOfId(id)) ?? []
      list.push(id)
      untimedByFile.set(fileOfId(id), list)
    } else unknown.push(id)
  }
  const estimated = new Map<string, EstimateBasis>()
  for (const [file, untimed] of untimedByFile) {
    const timedTests = sum(
      (model.testsByFile.get(file) ?? []).map((id) => model.tests.get(id) ?? 0),
    )
    const residual = (model.files.get(file) ?? 0) - timedTests - (model.setupByFile.get(file) ?? 0)
    const share = Math.max(MIN_ESTIMATE_SECONDS, residual / untimed.length)
    for (const id of untimed) {
      seconds.set(id, share)
      estimated.set(id, 'same-file')
    }
  }
  if (unknown.length === 0) return { seconds, estimated }
  const known = new Map<string, number>()
  for (const [id, s] of model.files) known.set(id, s)
  for (const [id, s] of model.tests) known.set(id, s)
  const estimates = estimateDurations({
    known,
    unknown,
    ...(sizes === undefined ? {} : { sizes }),
    ...(defaultSeconds === undefined ? {} : { defaultSeconds }),
  })
  for (const [id, estimate] of estimates) {
    seconds.set(id, estimate.seconds)
    estimated.set(id, estimate.basis)
  }
  return { seconds, estimated }
}

/** The ids to plan when none were given: everything the timings know. */
function itemsFromModel(model: TimingModel, granularity: Granularity): string[] {
  const files = new Set([...model.files.keys(), ...[...model.untimed].map(fileOfId)])
  if (granularity === 'file') return [...files]
  const ids: string[] = []
  for (const file of files) {
    const tests = model.testsByFile.get(file)
    if (tests && tests.length > 0) ids.push(...tests)
    else ids.push(file)
  }
  return ids
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
  seconds: ReadonlyMap<string, number>,
  setup: number,
  estimated: boolean,
): PlanUnit[] {
  const units = tests.map((id) => ({ id, seconds: seconds.get(id) ?? 0 }))
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
  readonly byFile: ReadonlyMap<string, readonly string[]>
  readonly seconds: ReadonlyMap<string, number>
  readonly estimated: ReadonlyMap<string, EstimateBasis>
  readonly model: TimingModel
  readonly granularity: Granularity
  readonly canSplitFiles: boolean
}

/**
 * A file's time: its own observation if it has one (setup and untimed tests included), else
 * the sum of its tests and its setup. New tests, unknown to the timings, add their estimates.
 */
function fileSeconds(context: UnitContext, file: string, ids: readonly string[]): number {
  const own = context.seconds.get(file)
  if (own !== undefined) return own
  const timed = context.model.files.get(file)
  const isNew = (id: string) => !context.model.tests.has(id) && !context.model.untimed.has(id)
  if (timed !== undefined && timed > 0)
    return timed + sum(ids.filter(isNew).map((id) => context.seconds.get(id) ?? 0))
  return (
    sum(ids.map((id) => context.seconds.get(id) ?? 0)) + (context.model.setupByFile.get(file) ?? 0)
  )
}

/** Builds the units for a shard count: whole files, single tests, or chunks of split files. */
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
    estimated: ids.some((id) => context.estimated.has(id)),
  })
  if (context.granularity === 'test') {
    for (const [file, ids] of context.byFile) {
      for (const id of ids) {
        units.push({
          id,
          seconds: context.seconds.get(id) ?? 0,
          members: [id],
          file,
          estimated: context.estimated.has(id),
        })
      }
    }
    return { units, splitFiles }
  }
  const fileUnits = [...context.byFile].map(([file, ids]) => ({
    file,
    ids,
    unit: whole(file, ids),
  }))
  if (context.granularity === 'file' || !context.canSplitFiles || shardCount === 1) {
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
        ? f.ids.reduce((m, id) => Math.max(m, context.seconds.get(id) ?? 0), 0) +
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
        context.seconds,
        context.model.setupByFile.get(f.file) ?? 0,
        f.unit.estimated,
      ),
    )
  }
  return { units, splitFiles }
}

function evaluate(context: UnitContext, shardCount: number): Candidate {
  const { units, splitFiles } = buildUnits(context, shardCount)
  const partition = partitionUnits(units, shardCount)
  let loads = partition.loads
  if (context.granularity === 'test') {
    // Single tests of one file in one shard pay the file's setup once per shard.
    loads = partition.shards.map((shard, i) => {
      const files = new Set(shard.map((u) => u.file))
      return (loads[i] ?? 0) + sum([...files].map((f) => context.model.setupByFile.get(f) ?? 0))
    })
  }
  const wholeFiles = [...context.byFile].map(([file, ids]) => ({
    id: file,
    seconds: fileSeconds(context, file, ids),
  }))
  return {
    units,
    splitFiles,
    shardCount,
    loads,
    shards: partition.shards,
    makespan: Math.max(0, ...loads),
    lowerBound:
      context.granularity === 'test'
        ? testLowerBound(context, units, shardCount)
        : lowerBound(units, shardCount),
    fileLowerBound: lowerBound(context.granularity === 'test' ? units : wholeFiles, shardCount),
  }
}

/** At test granularity every file's setup is paid at least once, and with each of its tests. */
function testLowerBound(
  context: UnitContext,
  units: readonly PlanUnit[],
  shardCount: number,
): number {
  const setup = (file: string) => context.model.setupByFile.get(file) ?? 0
  const files = new Set(units.map((u) => u.file))
  const total = sum(units.map((u) => u.seconds)) + sum([...files].map(setup))
  let longest = 0
  for (const unit of units) longest = Math.max(longest, unit.seconds + setup(unit.file))
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
  workers: number,
  itemCount: number,
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
  const initial = [
    ...new Set(request.items ?? itemsFromModel(request.model, request.granularity)),
  ].sort()
  const itemFiles = new Set(initial.map(fileOfId))
  const { model, matchedBySuffix } = providedItems
    ? alignModel(request.model, itemFiles)
    : { model: request.model, matchedBySuffix: 0 }

  // At file granularity test ids collapse into their files; a file listed whole stays whole.
  const wholeFiles = new Set(initial.filter((id) => !isTestId(id)))
  const items =
    request.granularity === 'file'
      ? [...itemFiles].sort()
      : initial.filter((id) => !isTestId(id) || !wholeFiles.has(fileOfId(id)))

  const { seconds, estimated } = priceItems(items, model, request.sizes, request.defaultItemSeconds)
  const estimates: Record<EstimateBasis, number> = {
    'same-file': 0,
    directory: 0,
    size: 0,
    default: 0,
  }
  for (const basis of estimated.values()) estimates[basis]++
  const matchedItems = items.length - estimated.size
  const staleFiles = [...model.files.keys()].filter((file) => !itemFiles.has(file)).length

  const context: UnitContext = {
    byFile: groupByFile(items),
    seconds,
    estimated,
    model,
    granularity: request.granularity,
    canSplitFiles: request.canSplitFiles ?? true,
  }
  if (request.granularity !== 'file' && !items.some(isTestId)) {
    notes.push(
      `granularity ${request.granularity}: no test ids to split files by (the items are whole files); planned by file`,
    )
  }

  const unitCount = request.granularity === 'test' ? items.length : itemFiles.size
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
      workers,
      Math.max(1, items.length),
    )
    const wall = candidate.makespan / workers + request.shardOverheadSeconds
    if (wall > request.shards.targetSeconds) {
      notes.push(
        `no shard count up to ${Math.min(request.shards.maxShards, MAX_SHARDS)} reaches the target of ${request.shards.targetSeconds} s; ${candidate.shardCount} shards get the best reachable ${wall.toFixed(1)} s`,
      )
    }
  }

  // A shard's wall time: what every shard pays, then its files, some at once where the runner
  // runs several workers.
  const costModel: CostModel = request.costModel ?? {
    startupSeconds: request.shardOverheadSeconds,
    warmupSeconds: 0,
    workers: 1,
  }
  const overhead = costModel.startupSeconds + costModel.warmupSeconds
  const wallOf = (units: readonly PlanUnit[], load: number): number =>
    units.length === 0
      ? 0
      : overhead + units.reduce((m, u) => Math.max(m, u.seconds), load / costModel.workers)

  // Empty shards go last, so a matrix of the first non-empty shards covers everything.
  const ordered = candidate.shards
    .map((units, i) => ({ units, load: candidate.loads[i] ?? 0 }))
    .sort((a, b) => Number(a.units.length === 0) - Number(b.units.length === 0))
  const shards: PlannedShard[] = ordered.map(({ units, load }, i) => ({
    index: i + 1,
    items: units.flatMap((u) => u.members).sort(),
    predictedSeconds: round(wallOf(units, load)),
  }))
  const longestUnit = candidate.units.reduce((m, u) => Math.max(m, u.seconds), 0)
  const work = sum(candidate.loads)
  const lowerBound =
    items.length === 0
      ? 0
      : costModel.workers === 1
        ? overhead + candidate.lowerBound
        : modelLowerBound(costModel, work, longestUnit, candidate.shardCount)
  return {
    version: 1,
    shards,
    granularity: request.granularity,
    itemCount: items.length,
    totalSeconds: round(sum(candidate.units.map((u) => u.seconds))),
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

function round(seconds: number): number {
  return Math.round(seconds * 1000) / 1000
}
