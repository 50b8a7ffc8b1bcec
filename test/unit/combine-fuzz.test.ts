import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { combineResults, type QuarantineEntry, type SourcedResult } from '../../src/core/combine.js'
import { DecodeError } from '../../src/core/contracts/schema.js'
import { decodeShardResult } from '../../src/core/contracts/shard-result.js'
import { fileOfId } from '../../src/core/ids.js'
import type { Plan } from '../../src/core/plan.js'
import {
  covers,
  type AttemptRecord,
  type ShardResult,
  type TestVerdict,
} from '../../src/core/shard-result.js'
import { makePlan, makeResult, type TestSpec } from '../support/results.js'

/**
 * THREATS A15/B9/B10/G12: shard results are written by the pull request's code, so combine
 * must never be talked into a pass. Genuine results of a generated plan are mutated field by
 * field — tests dropped, verdicts, attempts, status, counts, exit code, completeness, items,
 * attempt numbers and shard indices flipped, foreign and look-alike ids added — and, whatever
 * the mutation, a run where some planned item has no passing record never passes.
 */

const NOW = '2026-11-22T10:00:00.000Z'
const DIGEST = 'plan-digest'
const VERDICTS: readonly TestVerdict[] = ['passed', 'failed', 'flaky', 'skipped']

interface Case {
  readonly plan: Plan
  readonly results: SourcedResult[]
  readonly quarantine: QuarantineEntry[]
}

/** One planned item and the test ids its genuine run reports, each with a verdict. */
const itemArbitrary = (n: number) =>
  fc
    .record({
      kind: fc.constantFrom('file', 'test', 'scope', 'param'),
      tests: fc.array(
        fc.constantFrom<TestVerdict>('passed', 'passed', 'passed', 'failed', 'flaky', 'skipped'),
        { minLength: 1, maxLength: 3 },
      ),
      quarantined: fc.boolean(),
    })
    .map(({ kind, tests, quarantined }) => {
      const file = `t/f${n}.test.js`
      const item = kind === 'file' ? file : kind === 'scope' ? `${file}::T` : `${file}::t`
      const ids = tests.map((_, j) =>
        kind === 'file'
          ? `${file}::c${j}`
          : kind === 'scope'
            ? `${item}::c${j}`
            : kind === 'param'
              ? `${item}[${j}]`
              : j === 0
                ? item
                : `${item}[${j}]`,
      )
      return {
        item,
        records: ids.map((id, j) => ({ id, verdict: tests[j] ?? 'passed' })),
        quarantined,
      }
    })

const caseArbitrary: fc.Arbitrary<Case> = fc
  .integer({ min: 1, max: 4 })
  .chain((shardCount) =>
    fc.record({
      shardCount: fc.constant(shardCount),
      items: fc
        .integer({ min: 0, max: 7 })
        .chain((count) =>
          fc.tuple(
            ...Array.from({ length: count }, (_, n) =>
              fc.tuple(itemArbitrary(n), fc.integer({ min: 0, max: shardCount - 1 })),
            ),
          ),
        ),
      earlierAttempt: fc.array(fc.boolean(), { minLength: shardCount, maxLength: shardCount }),
    }),
  )
  .map(({ shardCount, items, earlierAttempt }) => {
    const shards: string[][] = Array.from({ length: shardCount }, () => [])
    for (const [spec, shard] of items) shards[shard]?.push(spec.item)
    const plan = makePlan(shards.map((s) => s.sort()))
    const results: SourcedResult[] = []
    const quarantine: QuarantineEntry[] = []
    for (const [i, planned] of plan.shards.entries()) {
      const tests: Record<string, TestSpec> = {}
      for (const [spec] of items) {
        if (!planned.items.includes(spec.item)) continue
        for (const record of spec.records) {
          tests[record.id] = { verdict: record.verdict }
          if (record.verdict === 'failed' && spec.quarantined)
            quarantine.push({ id: record.id, until: '2999-12-31', reason: 'known' })
        }
      }
      const genuine = makeResult(plan, DIGEST, planned.index, tests)
      const empty = planned.items.length === 0
      const result: ShardResult = empty
        ? { ...genuine, status: 'empty', exitCode: null, wallSeconds: 0, testSeconds: 0 }
        : genuine
      if (earlierAttempt[i] === true) {
        // An earlier attempt where everything failed, superseded by the genuine one.
        const failing = Object.fromEntries(
          Object.keys(tests).map((id) => [id, { verdict: 'failed' as const }]),
        )
        results.push({
          source: `shard-${planned.index}-a1`,
          result: makeResult(plan, DIGEST, planned.index, failing),
        })
        results.push({ source: `shard-${planned.index}-a2`, result: { ...result, attempt: 2 } })
      } else {
        results.push({ source: `shard-${planned.index}`, result })
      }
    }
    return { plan, results, quarantine }
  })

type Json = Record<string, unknown>
type Mutation = (results: Json[], pick: number, other: number) => void

const record = (result: Json, pick: number): [string, Json] | undefined => {
  const tests = result.tests as Record<string, Json>
  const ids = Object.keys(tests)
  const id = ids[pick % Math.max(1, ids.length)]
  return id === undefined ? undefined : [id, tests[id] as Json]
}

const MUTATIONS: Record<string, Mutation> = {
  'drop a test': (r, p, o) => {
    const target = r[p % r.length]
    const found = target && record(target, o)
    if (target && found) Reflect.deleteProperty(target.tests as Json, found[0])
  },
  'drop every test and zero the counts': (r, p) => {
    const target = r[p % r.length]
    if (!target) return
    target.tests = {}
    target.counts = { passed: 0, failed: 0, flaky: 0, skipped: 0 }
    target.missing = []
  },
  'flip a verdict': (r, p, o) => {
    const found = r[p % r.length] && record(r[p % r.length] as Json, o)
    if (found) found[1].verdict = VERDICTS[o % VERDICTS.length]
  },
  'flip an attempt': (r, p, o) => {
    const found = r[p % r.length] && record(r[p % r.length] as Json, o)
    const attempts = found?.[1].attempts as Json[] | undefined
    const attempt = attempts?.[o % Math.max(1, attempts.length)]
    if (attempt) attempt.status = ['passed', 'failed', 'skipped'][o % 3]
  },
  'empty the attempts': (r, p, o) => {
    const found = r[p % r.length] && record(r[p % r.length] as Json, o)
    if (found) found[1].attempts = []
  },
  'say passed everywhere': (r, p) => {
    const target = r[p % r.length]
    if (!target) return
    target.status = 'passed'
    target.exitCode = 0
    target.missing = []
    target.fileFailures = []
    target.reason = undefined
    for (const t of Object.values(target.tests as Record<string, Json>)) t.verdict = 'passed'
  },
  'flip the status': (r, p, o) => {
    const target = r[p % r.length]
    if (target) target.status = ['passed', 'failed', 'empty', 'incomplete', 'error'][o % 5]
  },
  'flip the counts': (r, p, o) => {
    const target = r[p % r.length]
    if (target) target.counts = { passed: o, failed: 0, flaky: 0, skipped: o % 3 }
  },
  'flip the exit code': (r, p, o) => {
    const target = r[p % r.length]
    if (target) target.exitCode = [0, 1, 2, 5, null, 137][o % 6]
  },
  'add a signal': (r, p, o) => {
    const target = r[p % r.length]
    if (target) target.signal = ['SIGKILL', 'SIGTERM', null][o % 3]
  },
  'flip complete': (r, p) => {
    const target = r[p % r.length]
    if (target) target.complete = target.complete !== true
  },
  'drop an item': (r, p, o) => {
    const target = r[p % r.length]
    const items = target?.items as string[] | undefined
    if (items && items.length > 0) items.splice(o % items.length, 1)
  },
  'add an item': (r, p) => {
    const target = r[p % r.length]
    if (target) (target.items as string[]).push('t/other.test.js')
  },
  "take another shard's items": (r, p, o) => {
    const target = r[p % r.length]
    const source = r[o % r.length]
    if (target && source) target.items = [...(source.items as string[])]
  },
  'renumber the attempt': (r, p, o) => {
    const target = r[p % r.length]
    if (target) target.attempt = 1 + (o % 4)
  },
  'add a newer attempt with no tests': (r, p, o) => {
    const target = r[p % r.length]
    if (!target) return
    r.push({
      ...structuredClone(target),
      attempt: (target.attempt as number) + 1 + (o % 2),
      tests: {},
      counts: { passed: 0, failed: 0, flaky: 0, skipped: 0 },
      status: o % 2 === 0 ? 'passed' : 'empty',
      exitCode: 0,
    })
  },
  'add passing records for unplanned ids': (r, p, o) => {
    const target = r[p % r.length]
    if (!target) return
    const tests = target.tests as Record<string, Json>
    const near = Object.keys(tests)[o % Math.max(1, Object.keys(tests).length)] ?? 't/f0.test.js'
    for (const id of ['t/elsewhere.test.js::x', `${near}x`, `${near}.js::y`, '__proto__']) {
      Object.defineProperty(tests, id, {
        value: { file: fileOfId(id), verdict: 'passed', attempts: [{ status: 'passed' }] },
        enumerable: true,
        configurable: true,
        writable: true,
      })
    }
  },
  'replace every record with unplanned ids': (r, p) => {
    const target = r[p % r.length]
    if (!target) return
    target.tests = Object.fromEntries(
      Object.keys(target.tests as Json).map((id) => [
        `${id}_`,
        { file: fileOfId(id), verdict: 'passed', attempts: [{ status: 'passed', seconds: 1 }] },
      ]),
    )
  },
  'rename a record to a look-alike': (r, p, o) => {
    const target = r[p % r.length]
    const found = target && record(target, o)
    if (!target || !found) return
    const tests = target.tests as Record<string, Json>
    Reflect.deleteProperty(tests, found[0])
    const file = fileOfId(found[0])
    const renamed = [`${found[0]}x`, `${file}x${found[0].slice(file.length)}`, `${found[0]}[9]`][
      o % 3
    ]
    if (renamed !== undefined) tests[renamed] = found[1]
  },
  'move a record to another shard': (r, p, o) => {
    const from = r[p % r.length]
    const to = r[o % r.length]
    const found = from && record(from, o)
    if (!from || !to || !found) return
    Reflect.deleteProperty(from.tests as Json, found[0])
    ;(to.tests as Json)[found[0]] = found[1]
  },
  'forge a passing attempt': (r, p, o) => {
    const found = r[p % r.length] && record(r[p % r.length] as Json, o)
    if (found) {
      found[1].attempts = [{ status: 'passed', seconds: 1 }]
      found[1].verdict = 'passed'
    }
  },
  'clear the missing list': (r, p) => {
    const target = r[p % r.length]
    if (target) target.missing = []
  },
  'add a file failure': (r, p, o) => {
    const target = r[p % r.length]
    const items = (target?.items as string[] | undefined) ?? []
    const file = o % 2 === 0 && items.length > 0 ? fileOfId(items[0] ?? '') : 't/other.test.js'
    if (target) (target.fileFailures as Json[]).push({ file, message: 'SyntaxError' })
  },
  'clear the file failures': (r, p) => {
    const target = r[p % r.length]
    if (target) target.fileFailures = []
  },
  'change the shard index': (r, p, o) => {
    const target = r[p % r.length]
    if (target) target.shard = { ...(target.shard as Json), index: 1 + (o % 4) }
  },
  'change the plan digest': (r, p) => {
    const target = r[p % r.length]
    if (target) target.planDigest = 'another-plan'
  },
  'delete a result': (r, p) => {
    r.splice(p % Math.max(1, r.length), 1)
  },
  'duplicate a result': (r, p) => {
    const target = r[p % r.length]
    if (target) r.push(structuredClone(target))
  },
  'change the reason': (r, p, o) => {
    const target = r[p % r.length]
    if (target) target.reason = o % 2 === 0 ? undefined : 'all good'
  },
  'skip everything': (r, p) => {
    const target = r[p % r.length]
    if (!target) return
    for (const t of Object.values(target.tests as Record<string, Json>)) {
      t.verdict = 'skipped'
      t.attempts = [{ status: 'skipped' }]
    }
  },
}

const mutationArbitrary = fc.record({
  name: fc.constantFrom(...Object.keys(MUTATIONS)),
  pick: fc.nat(50),
  other: fc.nat(50),
})

function verdictOf(attempts: readonly AttemptRecord[]): TestVerdict | undefined {
  if (attempts.length === 0) return undefined
  const failed = attempts.some((a) => a.status === 'failed')
  const passed = attempts.some((a) => a.status === 'passed')
  return failed ? (passed ? 'flaky' : 'failed') : passed ? 'passed' : 'skipped'
}

/**
 * Why the run must not pass, judged straight from the plan and the (mutated) results, or
 * `undefined` when every planned item has a passing record: the newest result of each shard
 * finished with exit 0 and no signal, ran the planned items, and each planned item has a record
 * whose attempts passed (or were skipped, or passed on a retry — flaky), none of them failing
 * unless quarantined.
 */
function mustFail(c: Case, results: readonly ShardResult[]): string | undefined {
  const quarantined = (id: string) => c.quarantine.some((q) => covers(q.id, id))
  for (const planned of c.plan.shards) {
    const candidates = results
      .filter((r) => r.planDigest === DIGEST && r.shard.index === planned.index)
      .sort((a, b) => b.attempt - a.attempt)
    const newest = candidates[0]
    if (newest === undefined) {
      if (planned.items.length > 0) return `shard ${planned.index} has no result`
      continue
    }
    if (candidates[1]?.attempt === newest.attempt) return `shard ${planned.index} is ambiguous`
    if ([...newest.items].sort().join('\n') !== [...planned.items].sort().join('\n'))
      return `shard ${planned.index} ran other items`
    if (!newest.complete || newest.signal !== null) return `shard ${planned.index} did not finish`
    const files = new Set(planned.items.map(fileOfId))
    // A non-zero exit is explained only by a failing planned test (which must be quarantined).
    const failing = Object.entries(newest.tests).some(
      ([id, r]) =>
        verdictOf(r.attempts) === 'failed' && planned.items.some((item) => covers(item, id)),
    )
    if (
      newest.exitCode !== 0 &&
      !(planned.items.length === 0 && newest.exitCode === null) &&
      !(failing && newest.exitCode !== null)
    )
      return `shard ${planned.index} exited with ${String(newest.exitCode)}`
    if (newest.fileFailures.some((f) => files.has(f.file)))
      return `shard ${planned.index} has a file failure`
    for (const item of planned.items) {
      const records = Object.entries(newest.tests).filter(([id]) => covers(item, id))
      const verdicts = records.map(([id, r]) => ({ id, verdict: verdictOf(r.attempts) }))
      const allowed = (v: { id: string; verdict: TestVerdict | undefined }) =>
        v.verdict !== undefined && (v.verdict !== 'failed' || quarantined(v.id))
      if (!verdicts.some(allowed)) return `${item} has no passing record`
      if (verdicts.some((v) => v.verdict === 'failed' && !quarantined(v.id)))
        return `${item} failed`
    }
  }
  return undefined
}

/** What `combine` reads: the JSON text of each result, decoded, the invalid ones ignored. */
function reread(results: readonly Json[]): SourcedResult[] {
  const out: SourcedResult[] = []
  for (const [i, raw] of results.entries()) {
    try {
      out.push({ source: `r${i}`, result: decodeShardResult(JSON.parse(JSON.stringify(raw))) })
    } catch (error) {
      if (!(error instanceof DecodeError)) throw error
    }
  }
  return out
}

function combine(c: Case, results: SourcedResult[]) {
  return combineResults({
    plan: c.plan,
    planDigest: DIGEST,
    results,
    quarantine: c.quarantine,
    history: undefined,
    now: NOW,
    flakyThreshold: 0.1,
  })
}

describe('combine under mutated shard results (fuzz)', () => {
  it('passes genuine results exactly when every failure is quarantined', () => {
    fc.assert(
      fc.property(caseArbitrary, (c) => {
        const combined = combine(c, reread(c.results.map((s) => s.result as unknown as Json)))
        expect(combined.verdict).toBe(
          mustFail(
            c,
            c.results.map((s) => s.result),
          ) === undefined
            ? 'passed'
            : 'failed',
        )
      }),
      { numRuns: 500 },
    )
  })

  it('A15/B9/B10/G12: never passes a run where a planned item lacks a passing record', () => {
    let passes = 0
    fc.assert(
      fc.property(
        caseArbitrary,
        fc.array(mutationArbitrary, { minLength: 1, maxLength: 4 }),
        (c, mutations) => {
          const raw = JSON.parse(JSON.stringify(c.results.map((s) => s.result))) as Json[]
          for (const m of mutations) MUTATIONS[m.name]?.(raw, m.pick, m.other)
          const results = reread(raw)
          const combined = combine(c, results)
          const why = mustFail(
            c,
            results.map((s) => s.result),
          )
          if (combined.verdict === 'passed') passes++
          if (why !== undefined) expect(combined.verdict, why).toBe('failed')
        },
      ),
      { numRuns: 2500 },
    )
    // Not vacuous: harmless mutations (a flipped count, a renamed unplanned id) still pass.
    expect(passes).toBeGreaterThan(50)
  })
})
