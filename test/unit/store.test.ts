import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { ShardResult, TestRecord } from '../../src/core/shard-result.js'
import {
  MAX_STEP_RATIO,
  emptyStore,
  measureRun,
  mergeRun,
  smooth,
  storeFromJson,
} from '../../src/core/store.js'

const NOW = '2026-11-22T00:00:00.000Z'

function result(index: number, tests: Record<string, number>, complete = true): ShardResult {
  const records: Record<string, TestRecord> = {}
  for (const [id, seconds] of Object.entries(tests)) {
    records[id] = {
      file: id.split('::')[0] ?? id,
      verdict: 'passed',
      attempts: [{ status: 'passed', seconds }],
    }
  }
  return {
    version: 1,
    tool: 'shardwise',
    kind: 'shard-result',
    planDigest: 'x',
    shard: { index, count: 2 },
    attempt: 1,
    runner: 'node',
    command: [],
    items: [],
    status: complete ? 'passed' : 'incomplete',
    complete,
    reason: undefined,
    exitCode: 0,
    signal: null,
    startedAt: NOW,
    wallSeconds: 10,
    setupSeconds: 2,
    testSeconds: 8,
    tests: records,
    missing: [],
    fileFailures: [],
    counts: {
      passed: Object.keys(tests).length,
      failed: 0,
      flaky: 0,
      skipped: 0,
      xfailed: 0,
      xpassed: 0,
    },
    workspace: '/w',
    artifacts: { junit: [], coverage: [] },
  }
}

describe('smooth', () => {
  it('averages the first runs plainly, then moves by a fraction of the change', () => {
    let entry = smooth(undefined, 10, NOW)
    entry = smooth(entry, 20, NOW)
    expect(entry.seconds).toBe(15)
    entry = smooth(entry, 15, NOW)
    expect(entry.seconds).toBe(15)
    entry = smooth(entry, 25, NOW)
    expect(entry.seconds).toBeCloseTo(18, 9)
  })

  it('caps how far one slow run can pull an estimate', () => {
    const steady = { seconds: 1, runs: 10, lastSeen: NOW }
    const after = smooth(steady, 3600, NOW)
    expect(after.seconds).toBeLessThanOrEqual(1 + 0.3 * (MAX_STEP_RATIO - 1) + 1e-9)
  })
})

describe('mergeRun', () => {
  it('takes only complete shards and the first attempt of each test', () => {
    // No per-file timing from this runner and one shard: the start-up the plan assumed (2 s)
    // stays the shard's, the rest of its 10 s is the file's (its tests and its overhead).
    const measured = measureRun(
      [result(1, { 'a.js::x': 2, 'a.js::y': 3 }), result(2, { 'b.js::z': 100 }, false)],
      { startupSeconds: 2, warmupSeconds: 0, workers: 1 },
    )
    expect([...measured.tests]).toEqual([
      ['a.js::x', 2],
      ['a.js::y', 3],
    ])
    expect(measured.files.get('a.js')).toBe(8)
    expect(measured.files.has('b.js')).toBe(false)
  })

  it('gives the same store whatever the order of the shards', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.dictionary(
            fc.constantFrom('a.js::1', 'a.js::2', 'b.js::1', 'c.js::9'),
            fc.double({ min: 0.01, max: 50, noNaN: true }),
          ),
          { minLength: 1, maxLength: 5 },
        ),
        (shards) => {
          const results = shards.map((tests, i) => result(i + 1, tests))
          const forward = mergeRun(emptyStore(NOW), measureRun(results), NOW)
          const backward = mergeRun(emptyStore(NOW), measureRun([...results].reverse()), NOW)
          expect(JSON.stringify(backward)).toBe(JSON.stringify(forward))
        },
      ),
    )
  })

  it('keeps a test named __proto__ harmlessly and reads back what it wrote', () => {
    const store = mergeRun(
      emptyStore(NOW),
      measureRun([result(1, { '__proto__::x': 1, 'constructor.js::y': 2 })]),
      NOW,
    )
    expect(({} as Record<string, unknown>).x).toBeUndefined()
    const again = storeFromJson(JSON.parse(JSON.stringify(store)))
    expect(again?.tests['constructor.js::y']?.seconds).toBe(2)
    expect(again?.runs).toBe(1)
  })

  it('rejects a store of another version', () => {
    expect(storeFromJson({ version: 999, tool: 'shardwise' })).toBeUndefined()
  })
})
