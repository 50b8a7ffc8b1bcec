import type { Granularity, Plan, PlannedShard } from './contracts/plan.js'
import { modelLowerBound, type CostModel } from './cost-model.js'
import type { EstimateBasis } from './estimate.js'
import { fileOfId, isTestId } from './ids.js'
import { groupByFile, itemsFromModel, sortedUnique } from './plan/items.js'
import { chooseShardCount, layoutAt, type Layout } from './plan/layout.js'
import { priceItems, type Prices } from './plan/prices.js'
import type { UnitContext } from './plan/units.js'
import { sum } from './stats.js'
import { alignModel, type TimingModel } from './timings.js'

/*
 * Planning in named steps: the items to plan (plan/items.ts), their prices (plan/prices.ts),
 * the units dealt to shards (plan/units.ts), the layout at a shard count and the choice of the
 * shard count (plan/layout.ts); this module puts them together into a plan.
 */

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

/** The items to plan, their files, and the timings aligned to the files. */
interface PlanItems {
  /** The planned ids, sorted, each once. */
  readonly items: readonly string[]
  /** Their files, sorted, each once. */
  readonly itemFiles: readonly string[]
  readonly model: TimingModel
  readonly matchedBySuffix: number
  /** Timed files that are not planned (counted only when the items were given). */
  readonly staleFiles: number
}

/**
 * The items to plan: those given, or what the timings hold. At file granularity test ids
 * collapse into their files; a file listed whole stays whole (its tests are not planned apart).
 */
function planItems(request: PlanRequest): PlanItems {
  const initial = request.items
    ? sortedUnique(request.items)
    : itemsFromModel(request.model, request.granularity)
  const hasTestIds = initial.some(isTestId)
  const itemFiles = hasTestIds ? sortedUnique(initial.map(fileOfId)) : initial
  // Timings of files that are not planned only matter when the items were given.
  const itemFileSet = request.items !== undefined ? new Set(itemFiles) : undefined
  const { model, matchedBySuffix } = itemFileSet
    ? alignModel(request.model, itemFileSet)
    : { model: request.model, matchedBySuffix: 0 }
  let items: readonly string[] = itemFiles
  if (request.granularity !== 'file' && hasTestIds) {
    const wholeFiles = new Set(initial.filter((id) => !isTestId(id)))
    items = initial.filter((id) => !isTestId(id) || !wholeFiles.has(fileOfId(id)))
  }
  let staleFiles = 0
  if (itemFileSet) for (const file of model.files.keys()) if (!itemFileSet.has(file)) staleFiles++
  return { items, itemFiles, model, matchedBySuffix, staleFiles }
}

/** How many items each estimate basis priced. */
function estimateCounts(prices: Prices): Record<EstimateBasis, number> {
  const estimates: Record<EstimateBasis, number> = {
    'same-file': 0,
    directory: 0,
    size: 0,
    default: 0,
  }
  for (const basis of prices.estimated.values()) estimates[basis]++
  return estimates
}

/** The layout at the requested shard count, or the count `auto` chooses; notes say why. */
function chooseLayout(
  request: PlanRequest,
  context: UnitContext,
  unitCount: number,
  notes: string[],
): Layout {
  const { shards } = request
  const itemCount = context.items.length
  if (shards.kind === 'fixed') {
    if (unitCount < shards.count && itemCount > 0) {
      notes.push(
        `only ${unitCount} items for ${shards.count} shards: ${shards.count - unitCount} shards are empty`,
      )
    }
    return layoutAt(context, shards.count)
  }
  const workers = request.costModel?.workers ?? 1
  const layout = chooseShardCount(context, {
    targetSeconds: shards.targetSeconds,
    maxCount: Math.max(1, Math.min(shards.maxShards, MAX_SHARDS, Math.max(1, itemCount))),
    overheadSeconds: request.shardOverheadSeconds,
    workers,
  })
  const wall = layout.makespan / workers + request.shardOverheadSeconds
  if (wall > shards.targetSeconds) {
    notes.push(
      `no shard count up to ${Math.min(shards.maxShards, MAX_SHARDS)} reaches the target of ${shards.targetSeconds} s; ${layout.shardCount} shards get the best reachable ${wall.toFixed(1)} s`,
    )
  }
  return layout
}

/**
 * The planned shards with their predicted wall times: what every shard pays, then its files,
 * some at once where the runner runs several workers (never less than its longest file).
 * Empty shards go last, so a matrix of the first non-empty shards covers everything.
 */
function plannedShards(
  layout: Layout,
  costModel: CostModel,
  longest: readonly number[],
): PlannedShard[] {
  const overhead = costModel.startupSeconds + costModel.warmupSeconds
  const wallOf = (count: number, load: number, i: number): number =>
    count === 0 ? 0 : overhead + Math.max(longest[i] ?? 0, load / costModel.workers)
  return layout
    .items()
    .map((shardItems, i) => ({
      shardItems,
      wall: wallOf(shardItems.length, layout.loads[i] ?? 0, i),
    }))
    .sort((a, b) => Number(a.shardItems.length === 0) - Number(b.shardItems.length === 0))
    .map(({ shardItems, wall }, i) => ({
      index: i + 1,
      items: shardItems,
      predictedSeconds: round(wall),
    }))
}

/** The least the longest shard of any split of these items can take, under the cost model. */
function planLowerBound(
  layout: Layout,
  costModel: CostModel,
  longest: readonly number[],
  itemCount: number,
): number {
  if (itemCount === 0) return 0
  const overhead = costModel.startupSeconds + costModel.warmupSeconds
  if (costModel.workers === 1) return overhead + layout.lowerBound
  return modelLowerBound(costModel, sum(layout.loads), Math.max(0, ...longest), layout.shardCount)
}

/**
 * Plans the shards.
 * Contract: every item appears in exactly one shard (a split file's tests spread over several);
 * no shard is empty when there are at least as many units as shards; the plan depends only on
 * the set of items and the timings, never on their order.
 */
export function planShards(request: PlanRequest): Plan {
  const notes: string[] = []
  const { items, itemFiles, model, matchedBySuffix, staleFiles } = planItems(request)
  const prices = priceItems(items, model, request.sizes, request.defaultItemSeconds)
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
  const layout = chooseLayout(request, context, unitCount, notes)
  const costModel: CostModel = request.costModel ?? {
    startupSeconds: request.shardOverheadSeconds,
    warmupSeconds: 0,
    workers: 1,
  }
  const overhead = costModel.startupSeconds + costModel.warmupSeconds
  // Each shard's longest unit bounds its time only where files run at once.
  const longest = costModel.workers === 1 ? [] : layout.longest()
  const shards = plannedShards(layout, costModel, longest)
  const { estimated } = prices
  return {
    version: 1,
    shards,
    granularity: request.granularity,
    itemCount: items.length,
    totalSeconds: round(layout.totalSeconds),
    lowerBoundSeconds: round(planLowerBound(layout, costModel, longest, items.length)),
    fileLowerBoundSeconds: round(items.length === 0 ? 0 : overhead + layout.fileLowerBound),
    predictedMakespanSeconds: round(shards.reduce((m, s) => Math.max(m, s.predictedSeconds), 0)),
    shardOverheadSeconds: round(overhead),
    costModel,
    unknownItems: estimated.size,
    estimatedItems: [...estimated.keys()].sort().slice(0, MAX_LISTED_ESTIMATES),
    estimates: estimateCounts(prices),
    timings: {
      runs: model.runCount,
      matchedItems: items.length - estimated.size,
      matchedBySuffix,
      staleFiles,
    },
    splitFiles: layout.splitFiles,
    notes,
  }
}

function round(seconds: number): number {
  return Math.round(seconds * 1000) / 1000
}
