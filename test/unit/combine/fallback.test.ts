import { describe, expect, it } from 'vitest'
import { combineResults, type CombineInput } from '../../../src/core/combine.js'
import { applyFallback, fallbackItems } from '../../../src/core/combine/fallback.js'
import { makePlan, makeResult } from '../../support/results.js'

/** The serial fallback: what it runs again, and how its result folds into the verdict. */

const NOW = '2026-11-22T10:00:00.000Z'
const plan = makePlan([['a.test.js', 'b.test.js'], ['c.test.js', 'd.test.js'], ['e.test.js']])
const DIGEST = 'plan-digest'

function input(results: CombineInput['results']): CombineInput {
  return {
    plan,
    planDigest: DIGEST,
    results,
    quarantine: [],
    history: undefined,
    now: NOW,
    flakyThreshold: 0.1,
  }
}

const shard2 = makeResult(plan, DIGEST, 2, { 'c.test.js::x': {}, 'd.test.js::y': {} })
const shard3 = makeResult(plan, DIGEST, 3, { 'e.test.js::z': {} })

describe('serial fallback', () => {
  it('turns a test that passes on its own into flaky and fills in a missing shard', () => {
    const failing = makeResult(plan, DIGEST, 1, {
      'a.test.js::x': { verdict: 'failed' },
      'b.test.js::y': {},
    })
    const combined = combineResults(
      input([failing, shard3].map((result, i) => ({ source: `s${i}`, result }))),
    )
    const items = fallbackItems(combined, false)
    expect(items).toEqual([
      { id: 'a.test.js', why: 'failed in shard 1' },
      { id: 'c.test.js', why: 'its shard reported no result for it' },
      { id: 'd.test.js', why: 'its shard reported no result for it' },
    ])
    const fallbackPlan = makePlan([items.map((i) => i.id)])
    const rerun = makeResult(fallbackPlan, 'f', 1, {
      'a.test.js::x': {},
      'c.test.js::x': {},
      'd.test.js::y': {},
    })
    const after = applyFallback(combined, rerun, [], NOW)
    expect(after.verdict).toBe('passed')
    expect(after.tests.find((t) => t.id === 'a.test.js::x')?.verdict).toBe('flaky')
    expect(after.unaccounted).toEqual([])
    expect(after.problems.every((p) => p.resolved === true)).toBe(true)
  })

  it('keeps the run failed when the test fails again on its own', () => {
    const failing = makeResult(plan, DIGEST, 1, {
      'a.test.js::x': { verdict: 'failed' },
      'b.test.js::y': {},
    })
    const combined = combineResults(
      input([failing, shard2, shard3].map((result, i) => ({ source: `s${i}`, result }))),
    )
    const rerun = makeResult(makePlan([['a.test.js']]), 'f', 1, {
      'a.test.js::x': { verdict: 'failed' },
    })
    expect(applyFallback(combined, rerun, [], NOW).verdict).toBe('failed')
  })
})

describe('serial fallback with a runner error of its own', () => {
  it('does not excuse the failed shard when the fallback exited non-zero with every test passing', () => {
    const failing = makeResult(plan, DIGEST, 1, {
      'a.test.js::x': { verdict: 'failed' },
      'b.test.js::y': {},
    })
    const combined = combineResults(
      input([failing, shard2, shard3].map((result, i) => ({ source: `s${i}`, result }))),
    )
    const rerun = {
      ...makeResult(makePlan([['a.test.js']]), 'f', 1, { 'a.test.js::x': {} }),
      status: 'failed' as const,
      reason: 'the runner exited with 7 although no test failed',
    }
    expect(applyFallback(combined, rerun, [], NOW).verdict).toBe('failed')
  })
})
