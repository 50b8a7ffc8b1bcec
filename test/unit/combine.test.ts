import { describe, expect, it } from 'vitest'
import { combineResults, type CombineInput } from '../../src/core/combine.js'
import type { ShardResult } from '../../src/core/shard-result.js'
import { makePlan, makeResult } from '../support/results.js'

const NOW = '2026-11-22T10:00:00.000Z'
const plan = makePlan([['a.test.js', 'b.test.js'], ['c.test.js', 'd.test.js'], ['e.test.js']])
const DIGEST = 'plan-digest'

function input(
  results: CombineInput['results'],
  overrides: Partial<CombineInput> = {},
): CombineInput {
  return {
    plan,
    planDigest: DIGEST,
    results,
    quarantine: [],
    history: undefined,
    now: NOW,
    flakyThreshold: 0.1,
    ...overrides,
  }
}

const shard1 = makeResult(plan, DIGEST, 1, { 'a.test.js::x': {}, 'b.test.js::y': {} })
const shard2 = makeResult(plan, DIGEST, 2, { 'c.test.js::x': {}, 'd.test.js::y': {} })
const shard3 = makeResult(plan, DIGEST, 3, { 'e.test.js::z': {} })

describe('combineResults', () => {
  it('passes when every planned shard reported every test once', () => {
    const combined = combineResults(
      input([shard1, shard2, shard3].map((result, i) => ({ source: `s${i}`, result }))),
    )
    expect(combined.verdict).toBe('passed')
    expect(combined.counts.passed).toBe(5)
    expect(combined.problems).toEqual([])
  })

  it('fails a run with a missing shard and names its items', () => {
    const combined = combineResults(
      input([shard1, shard3].map((result, i) => ({ source: `s${i}`, result }))),
    )
    expect(combined.verdict).toBe('failed')
    expect(combined.problems.map((p) => p.kind)).toEqual(['missing-shard'])
    expect(combined.unaccounted).toEqual(['c.test.js', 'd.test.js'])
  })

  it('takes the newest attempt of a re-run shard', () => {
    const failedFirst = makeResult(plan, DIGEST, 2, {
      'c.test.js::x': { verdict: 'failed' },
      'd.test.js::y': {},
    })
    const rerun = { ...shard2, attempt: 2 }
    const combined = combineResults(
      input([
        { source: 's1', result: shard1 },
        { source: 'a1', result: failedFirst },
        { source: 'a2', result: rerun },
        { source: 's3', result: shard3 },
      ]),
    )
    expect(combined.verdict).toBe('passed')
    expect(combined.shards[1]).toMatchObject({ attempt: 2, attempts: 2, state: 'passed' })
  })

  it('fails on a test reported by two shards', () => {
    const duplicate = makeResult(plan, DIGEST, 3, { 'e.test.js::z': {}, 'a.test.js::x': {} })
    const combined = combineResults(
      input([shard1, shard2, duplicate].map((result, i) => ({ source: `s${i}`, result }))),
    )
    expect(combined.verdict).toBe('failed')
    expect(combined.problems.map((p) => p.message)).toContain(
      'a.test.js::x ran in shard 1 and shard 3',
    )
  })

  it('ignores results of another plan and then misses that shard', () => {
    const foreign = { ...shard3, planDigest: 'other' }
    const combined = combineResults(
      input([shard1, shard2, foreign].map((result, i) => ({ source: `s${i}`, result }))),
    )
    expect(combined.problems.map((p) => p.kind).sort()).toEqual(['foreign-result', 'missing-shard'])
    expect(combined.verdict).toBe('failed')
  })

  it('never passes an incomplete shard', () => {
    const killed = {
      ...shard2,
      complete: false,
      status: 'incomplete' as const,
      reason: 'timed out after 60 s',
      missing: ['d.test.js'],
    }
    const combined = combineResults(
      input([shard1, killed, shard3].map((result, i) => ({ source: `s${i}`, result }))),
    )
    expect(combined.verdict).toBe('failed')
    expect(combined.shards[1]?.state).toBe('incomplete')
    expect(combined.unaccounted).toEqual(['d.test.js'])
  })

  it('lets a quarantined failure report without failing the build, until it expires', () => {
    const failing = makeResult(plan, DIGEST, 3, { 'e.test.js::z': { verdict: 'failed' } })
    const results = [shard1, shard2, failing].map((result, i) => ({ source: `s${i}`, result }))
    const active = combineResults(
      input(results, {
        quarantine: [{ id: 'e.test.js::z', until: '2026-12-01', reason: 'flaky network' }],
      }),
    )
    expect(active.verdict).toBe('passed')
    expect(active.quarantined.map((t) => t.id)).toEqual(['e.test.js::z'])
    const expired = combineResults(
      input(results, { quarantine: [{ id: 'e.test.js::z', until: '2026-11-01', reason: 'old' }] }),
    )
    expect(expired.verdict).toBe('failed')
    expect(expired.expiredQuarantine).toHaveLength(1)
  })

  it('lists flaky tests from this run and from history above the threshold', () => {
    const flakyShard = makeResult(plan, DIGEST, 3, { 'e.test.js::z': { verdict: 'flaky' } })
    const history = {
      version: 1 as const,
      tool: 'shardwise' as const,
      updatedAt: NOW,
      runs: 10,
      files: {},
      tests: {
        'a.test.js::x': { seconds: 1, runs: 10, lastSeen: NOW, outcomes: 'ppppkppppk' },
        'b.test.js::y': { seconds: 1, runs: 10, lastSeen: NOW, outcomes: 'pppppppppk' },
      },
      shardSetupSeconds: undefined,
    }
    const combined = combineResults(
      input(
        [shard1, shard2, flakyShard].map((result, i) => ({ source: `s${i}`, result })),
        { history, flakyThreshold: 0.15 },
      ),
    )
    expect(combined.verdict).toBe('passed')
    expect(combined.flaky).toEqual([
      { id: 'a.test.js::x', source: 'history', rate: 0.2 },
      { id: 'e.test.js::z', source: 'run', rate: undefined },
    ])
  })

  it('fails a shard whose runner failed although no test did', () => {
    const crashed = {
      ...shard3,
      status: 'failed' as const,
      reason: 'the runner exited with 1 although no test failed',
    }
    const combined = combineResults(
      input([shard1, shard2, crashed].map((result, i) => ({ source: `s${i}`, result }))),
    )
    expect(combined.verdict).toBe('failed')
    expect(combined.problems.map((p) => p.kind)).toEqual(['runner-error'])
  })
})

describe('the verdict comes from the plan, not from what a shard result says of itself', () => {
  const all = (shard2: ShardResult) =>
    input([shard1, shard2, shard3].map((result, i) => ({ source: `s${i + 1}`, result })))

  it('B9: a result rewritten with no tests and zero counts fails the run, naming the items', () => {
    const emptied = {
      ...shard2,
      tests: {},
      counts: { passed: 0, failed: 0, flaky: 0, skipped: 0, xfailed: 0, xpassed: 0 },
    }
    const combined = combineResults(all(emptied))
    expect(combined.verdict).toBe('failed')
    expect(combined.unaccounted).toEqual(['c.test.js', 'd.test.js'])
    expect(combined.shards[1]).toMatchObject({ state: 'failed', tests: 0 })
  })

  it('B9: a result whose tests are all unplanned ids fails and names the ignored ids', () => {
    const elsewhere = makeResult(plan, DIGEST, 2, { 'z.test.js::x': {}, 'y.test.js::y': {} })
    const combined = combineResults(all(elsewhere))
    expect(combined.verdict).toBe('failed')
    expect(combined.unaccounted).toEqual(['c.test.js', 'd.test.js'])
    expect(combined.tests.map((t) => t.id)).not.toContain('z.test.js::x')
    expect(combined.problems.map((p) => p.message).join('\n')).toMatch(
      /2 tests the plan did not give it[^\n]*y\.test\.js::y, z\.test\.js::x; ignored/,
    )
  })

  it('B8: a newer attempt with no tests does not replace a failure with a pass', () => {
    const failedFirst = makeResult(plan, DIGEST, 2, {
      'c.test.js::x': { verdict: 'failed' },
      'd.test.js::y': {},
    })
    const blank = { ...makeResult(plan, DIGEST, 2, {}), attempt: 2 }
    const combined = combineResults(
      input([
        { source: 's1', result: shard1 },
        { source: 'a1', result: failedFirst },
        { source: 'a2', result: blank },
        { source: 's3', result: shard3 },
      ]),
    )
    expect(combined.verdict).toBe('failed')
    expect(combined.unaccounted).toEqual(['c.test.js', 'd.test.js'])
  })

  it('G12: "status": "empty" on a shard that has planned items is no pass', () => {
    const claimsEmpty = { ...makeResult(plan, DIGEST, 2, {}), status: 'empty' as const }
    const combined = combineResults(all(claimsEmpty))
    expect(combined.verdict).toBe('failed')
    expect(combined.shards[1]?.state).toBe('failed')
  })

  it('G12: a non-zero exit code under "status": "passed" fails the shard as a runner error', () => {
    const exited = { ...shard2, exitCode: 1 }
    const combined = combineResults(all(exited))
    expect(combined.verdict).toBe('failed')
    expect(combined.shards[1]?.state).toBe('failed')
    expect(combined.problems).toEqual([
      {
        kind: 'runner-error',
        message: 'shard 2: the runner exited with 1 although no test failed',
      },
    ])
  })

  it('G12: a runner killed by a signal or a shard that did not finish is no pass', () => {
    expect(combineResults(all({ ...shard2, signal: 'SIGKILL' })).verdict).toBe('failed')
    const unfinished = combineResults(all({ ...shard2, complete: false }))
    expect(unfinished.verdict).toBe('failed')
    expect(unfinished.shards[1]?.state).toBe('incomplete')
  })

  it('A15: attempts that failed under a verdict that says passed count as failed', () => {
    const lying = makeResult(plan, DIGEST, 2, { 'c.test.js::x': {}, 'd.test.js::y': {} })
    const record = lying.tests['c.test.js::x']
    const forged = {
      ...lying,
      tests: {
        ...lying.tests,
        'c.test.js::x': {
          ...record,
          file: 'c.test.js',
          verdict: 'passed' as const,
          attempts: [{ status: 'failed' as const, seconds: 1 }],
        },
      },
    }
    const combined = combineResults(all(forged))
    expect(combined.verdict).toBe('failed')
    expect(combined.failed.map((t) => t.id)).toEqual(['c.test.js::x'])
    expect(combined.shards[1]).toMatchObject({ state: 'failed', failed: 1 })
    expect(combined.counts).toMatchObject({ passed: 4, failed: 1 })
  })

  it('recomputes counts from the records, never from the result', () => {
    const inflated = {
      ...shard2,
      counts: { passed: 1000, failed: 0, flaky: 0, skipped: 0, xfailed: 0, xpassed: 0 },
    }
    const combined = combineResults(all(inflated))
    expect(combined.verdict).toBe('passed')
    expect(combined.counts.passed).toBe(5)
    expect(combined.results[1]?.counts).toEqual({
      passed: 2,
      failed: 0,
      flaky: 0,
      skipped: 0,
      xfailed: 0,
      xpassed: 0,
    })
  })

  it('covers a planned test by its parametrised cases and nested scopes, and nothing else', () => {
    const testPlan = makePlan([['a.py::t', 'a.py::T']])
    const covered = makeResult(testPlan, DIGEST, 1, { 'a.py::t[1]': {}, 'a.py::T::x': {} })
    expect(
      combineResults(input([{ source: 's', result: covered }], { plan: testPlan })).verdict,
    ).toBe('passed')
    // `a.py::tt` and `a.py::T2` only start with the planned ids' text.
    const lookalike = makeResult(testPlan, DIGEST, 1, { 'a.py::tt': {}, 'a.py::T2::x': {} })
    const combined = combineResults(input([{ source: 's', result: lookalike }], { plan: testPlan }))
    expect(combined.verdict).toBe('failed')
    expect(combined.unaccounted).toEqual(['a.py::T', 'a.py::t'])
  })

  it('keeps a pytest "no tests ran" exit a pass only where every planned test reported skipped', () => {
    const pyPlan = makePlan([['tests/test_a.py']])
    const skipped = makeResult(
      pyPlan,
      DIGEST,
      1,
      { 'tests/test_a.py::t': { verdict: 'skipped' } },
      { runner: 'pytest', exitCode: 5 },
    )
    const noTestsExitCode = (runner: string) => (runner === 'pytest' ? 5 : undefined)
    const results = [{ source: 's', result: skipped }]
    expect(combineResults(input(results, { plan: pyPlan, noTestsExitCode })).verdict).toBe('passed')
    expect(combineResults(input(results, { plan: pyPlan })).verdict).toBe('failed')
    const generic = { ...skipped, runner: 'generic' }
    expect(
      combineResults(input([{ source: 's', result: generic }], { plan: pyPlan, noTestsExitCode }))
        .verdict,
    ).toBe('failed')
  })
})
