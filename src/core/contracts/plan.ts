import { isTestId } from '../ids.js'
import {
  at,
  contract,
  fail,
  list,
  literal,
  map,
  number,
  object,
  oneOf,
  optional,
  text,
  withDefault,
  type Infer,
} from './schema.js'

/**
 * The plan: the contract between the plan job and every shard job (DESIGN.md). The documented
 * minimum is `{"version":1,"shards":[{"index":1,"items":["…"]}]}`; every other field has a
 * default worked out from the shards, and a field that is present must have its type. The
 * shard count is the length of the shard list, stored nowhere else; plans written before
 * that carry a `shardCount` too, which must then agree.
 */

export const GRANULARITIES = ['file', 'test', 'auto'] as const
export type Granularity = (typeof GRANULARITIES)[number]

const seconds = number({ min: 0 })
const count = number({ min: 0, whole: true })
/** A counter that is 0 when absent. */
const counter = withDefault(seconds, 0)

const estimatesSchema = withDefault(
  object(
    { 'same-file': counter, directory: counter, size: counter, default: counter },
    'an object of same-file, directory, size, default',
  ),
  { 'same-file': 0, directory: 0, size: 0, default: 0 },
)

const timingsSchema = withDefault(
  object(
    {
      runs: counter,
      matchedItems: counter,
      matchedBySuffix: counter,
      /** Timed files that match no planned item (deleted, renamed or filtered out). */
      staleFiles: counter,
    },
    'an object of runs, matchedItems, matchedBySuffix, staleFiles',
  ),
  { runs: 0, matchedItems: 0, matchedBySuffix: 0, staleFiles: 0 },
)

const shardSchema = object({
  /** 1-based, as users and CI matrices count shards. */
  index: number({ whole: true }),
  /** Ids in a stable (sorted) order. */
  items: list(text('a test id (non-empty text)', 1), 'a list of test ids'),
  /** The shard's predicted wall time: start-up and warm-up included (0 for an empty shard). */
  predictedSeconds: withDefault(seconds, 0),
})
export type PlannedShard = Infer<typeof shardSchema>

const splitFileSchema = object(
  { file: text(), parts: number(), seconds: number() },
  '{"file", "parts", "seconds"}',
)
export type SplitFile = Infer<typeof splitFileSchema>

/** Start-up, warm-up and workers: what every shard pays besides its files (cost-model.ts). */
const costModelSchema = object({
  startupSeconds: seconds,
  warmupSeconds: seconds,
  workers: number({ min: 0.5 }),
})

const shardsSchema = map(list(shardSchema, 'a list of shards'), (shards, path) => {
  shards.forEach((shard, i) => {
    if (shard.index !== i + 1)
      fail(at(at(path, i), 'index'), `${i + 1} (shards are numbered 1, 2, … in order)`, shard.index)
  })
  return shards
})

const fields = object(
  {
    version: literal(1, '`1` (the version of a Shardwise plan)'),
    shards: shardsSchema,
    shardCount: optional(count),
    granularity: optional(oneOf(GRANULARITIES)),
    itemCount: optional(count),
    /** The sum of every file's (or test's) cost: the work, without any start-up. */
    totalSeconds: optional(seconds),
    /** No split into this many shards can make its longest shard shorter, under the cost model. */
    lowerBoundSeconds: optional(seconds),
    /** The bound if no file were split: what file-level splitting can reach at best. */
    fileLowerBoundSeconds: optional(seconds),
    /** The longest shard's predicted wall time (start-up included). */
    predictedMakespanSeconds: optional(seconds),
    /** What every non-empty shard pays besides its files: start-up plus warm-up. */
    shardOverheadSeconds: withDefault(seconds, 0),
    /** The cost model behind the predictions. */
    costModel: optional(costModelSchema),
    unknownItems: withDefault(count, 0),
    /** The items without timings (sorted; at most MAX_LISTED_ESTIMATES of them). */
    estimatedItems: withDefault(list(text()), []),
    /** How many unknown items were estimated on each basis. */
    estimates: estimatesSchema,
    timings: timingsSchema,
    splitFiles: withDefault(list(splitFileSchema), []),
    notes: withDefault(list(text()), []),
  },
  'a Shardwise plan, {"version": 1, "shards": [{"index": 1, "items": […]}]}',
)

const planSchema = map(fields, ({ shardCount, ...plan }, path) => {
  const { shards } = plan
  if (shardCount !== undefined && shardCount !== shards.length)
    fail(at(path, 'shardCount'), `${shards.length}, the number of shards listed`, shardCount)
  const items = shards.flatMap((s) => s.items)
  const total = shards.reduce((t, s) => t + s.predictedSeconds, 0)
  // Without item times, the bound is what an even split of the predicted total reaches.
  const lowerBound = plan.lowerBoundSeconds ?? total / Math.max(1, shards.length)
  return {
    ...plan,
    granularity: plan.granularity ?? (items.some(isTestId) ? 'test' : 'file'),
    itemCount: plan.itemCount ?? items.length,
    totalSeconds: plan.totalSeconds ?? total,
    lowerBoundSeconds: lowerBound,
    fileLowerBoundSeconds: plan.fileLowerBoundSeconds ?? lowerBound,
    predictedMakespanSeconds:
      plan.predictedMakespanSeconds ?? shards.reduce((m, s) => Math.max(m, s.predictedSeconds), 0),
    // Plans written before the cost model had only the per-shard overhead: the start-up.
    costModel: plan.costModel ?? {
      startupSeconds: plan.shardOverheadSeconds,
      warmupSeconds: 0,
      workers: 1,
    },
  }
})

export type Plan = Readonly<Infer<typeof planSchema>>

export const planContract = contract('Shardwise plan', planSchema)

/** A plan from JSON with every field filled in, or a `DecodeError` naming the first bad field. */
export const decodePlan = planContract.decode
export const encodePlan = planContract.encode
