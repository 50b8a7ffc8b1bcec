import { describe, expect, it } from 'vitest'
import {
  parseFraction,
  parsePercent,
  parseShardCount,
  parseShardNumber,
  shardFromCiVariables,
} from '../../../src/options/values.js'

describe('one parser per kind of value', () => {
  it('reads a shard number as I or I/N, and `fallback` only where the caller has one', () => {
    expect(parseShardNumber('--shard', '2', { fallback: false })).toEqual({
      kind: 'shard',
      index: 2,
      count: undefined,
    })
    expect(parseShardNumber('--shard', ' 3/4 ', { fallback: false })).toEqual({
      kind: 'shard',
      index: 3,
      count: 4,
    })
    expect(parseShardNumber('shard', 'fallback', { fallback: true })).toEqual({ kind: 'fallback' })
    expect(() => parseShardNumber('--shard', 'fallback', { fallback: false })).toThrow(
      '`--shard` must be I or I/N with 1 ≤ I ≤ N ≤ 256; got `fallback`.',
    )
    for (const bad of ['0', '3/2', '1/0', '257', '1/257', '-1', '1.5', '', 'two'])
      expect(() => parseShardNumber('shard', bad, { fallback: true })).toThrow(
        `\`shard\` must be I or I/N with 1 ≤ I ≤ N ≤ 256, or \`fallback\`; got \`${bad}\`.`,
      )
  })

  it('reads the CI’s parallel-job variables, each with its own base, 1-based after', () => {
    expect(shardFromCiVariables({ CI_NODE_INDEX: '2', CI_NODE_TOTAL: '3' })).toEqual({
      index: 2,
      count: 3,
    })
    expect(shardFromCiVariables({ CIRCLE_NODE_INDEX: '0', CIRCLE_NODE_TOTAL: '4' })).toEqual({
      index: 1,
      count: 4,
    })
    expect(
      shardFromCiVariables({ BUILDKITE_PARALLEL_JOB: '4', BUILDKITE_PARALLEL_JOB_COUNT: '5' }),
    ).toEqual({ index: 5, count: 5 })
    expect(shardFromCiVariables({})).toBeUndefined()
    expect(shardFromCiVariables({ CI_NODE_INDEX: 'x', CI_NODE_TOTAL: '3' })).toBeUndefined()
    expect(() => shardFromCiVariables({ CI_NODE_INDEX: '5', CI_NODE_TOTAL: '3' })).toThrow(
      '`CI_NODE_INDEX/CI_NODE_TOTAL` must be I or I/N with 1 ≤ I ≤ N ≤ 256; got `5/3`.',
    )
  })

  it('reads a shard count, a percentage and a fraction strictly', () => {
    expect(parseShardCount('shards', 'auto')).toBe('auto')
    expect(parseShardCount('shards', '256')).toBe(256)
    expect(() => parseShardCount('shards', '0')).toThrow('`shards` must be a whole number')
    expect(parsePercent('p', '100')).toBe(100)
    expect(parsePercent('p', '33.34')).toBe(33.34)
    for (const bad of ['100.5', '-1', '1e2', 'abc'])
      expect(() => parsePercent('p', bad)).toThrow('`p` must be a percentage from 0 to 100')
    expect(parseFraction('f', '0')).toBe(0)
    expect(parseFraction('f', '1.0')).toBe(1)
    expect(parseFraction('f', '0.05')).toBe(0.05)
    for (const bad of ['1.1', '.5', '-0.1', 'half'])
      expect(() => parseFraction('f', bad)).toThrow('`f` must be a number from 0 to 1')
  })
})
