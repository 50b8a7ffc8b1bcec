import { UsageError } from '../core/errors.js'
import { MAX_SHARDS, type Granularity, type ShardCountRequest } from '../core/plan.js'
import { given, listOf, valueOf, type OptionSource } from './source.js'
import {
  GRANULARITIES,
  parseChoice,
  parseNonNegativeSeconds,
  parsePositiveSeconds,
  parseShardCount,
  parseWholeNumber,
} from './values.js'

/** The planning options `plan`, `run` without a plan, `test` and the action's plan step share. */
export interface PlanSettings {
  readonly shards: ShardCountRequest
  /** Absent: what the timings history learned. */
  readonly shardOverheadSeconds: number | undefined
  readonly granularity: Granularity
  /** Timing files and directories as given (the caller resolves them). */
  readonly timings: readonly string[]
}

/**
 * The shard count: a number, or `auto` with the wall time to reach; `target-seconds` and
 * `max-shards` go with `auto` only, so a setting that would do nothing is refused.
 */
export function shardCountRequest(source: OptionSource): ShardCountRequest {
  const shards = parseShardCount(source.label('shards'), valueOf(source, 'shards'))
  const target = given(source, 'target-seconds')
  const maxShards = given(source, 'max-shards')
  if (shards === 'auto' && target === undefined) {
    throw new UsageError(
      `\`${source.setting('shards', 'auto')}\` needs \`${source.setting('target-seconds', '<S>')}\`: the wall time each shard should reach.`,
    )
  }
  if (shards !== 'auto' && (target !== undefined || maxShards !== undefined)) {
    throw new UsageError(
      `\`${source.label('target-seconds')}\` and \`${source.label('max-shards')}\` go with \`${source.setting('shards', 'auto')}\`.`,
    )
  }
  if (shards !== 'auto') return { kind: 'fixed', count: shards }
  return {
    kind: 'auto',
    targetSeconds: parsePositiveSeconds(source.label('target-seconds'), target ?? ''),
    maxShards: parseWholeNumber(
      source.label('max-shards'),
      valueOf(source, 'max-shards'),
      1,
      MAX_SHARDS,
    ),
  }
}

export function planSettings(source: OptionSource): PlanSettings {
  const overhead = given(source, 'shard-overhead-seconds')
  return {
    shards: shardCountRequest(source),
    shardOverheadSeconds:
      overhead === undefined
        ? undefined
        : parseNonNegativeSeconds(source.label('shard-overhead-seconds'), overhead),
    granularity: parseChoice(
      source.label('granularity'),
      valueOf(source, 'granularity'),
      GRANULARITIES,
    ),
    timings: listOf(source, 'timings'),
  }
}
