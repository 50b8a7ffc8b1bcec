import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { combineResults } from '../../src/core/combine.js'
import {
  DEFAULT_BUDGET,
  codeSpan,
  renderReportMarkdown,
  suggestShardCount,
  timingSentences,
} from '../../src/core/report.js'
import { runTime } from '../../src/core/store.js'
import { makePlan, makeResult, type TestSpec } from '../support/results.js'

const NOW = '2026-11-22T10:00:00.000Z'

/** Cells of a GFM table row: split on pipes that are not escaped. */
function cells(row: string): number {
  return row.replace(/\\\|/g, '').split('|').length
}

function report(tests: Record<string, TestSpec>[], budget = DEFAULT_BUDGET): string {
  const plan = makePlan(
    tests.map((t) => [...new Set(Object.keys(t).map((id) => id.split('::')[0] ?? id))]),
  )
  const results = tests.map((t, i) => ({
    source: `s${i}`,
    result: makeResult(plan, 'd', i + 1, t),
  }))
  const combined = combineResults({
    plan,
    planDigest: 'd',
    results,
    quarantine: [],
    history: undefined,
    now: NOW,
    flakyThreshold: 0.1,
  })
  return renderReportMarkdown(
    {
      combined,
      plan,
      coverage: undefined,
      fallback: undefined,
      unknownItems: 0,
      fullReportHint: 'report.json',
      time: runTime(results.map((r) => r.result)),
    },
    budget,
  )
}

/** The text with every inline code span removed (a run of n backticks up to the next run of exactly n). */
function stripCodeSpans(text: string): string {
  let out = ''
  let i = 0
  while (i < text.length) {
    if (text[i] !== '`') {
      out += text.charAt(i)
      i++
      continue
    }
    let n = 0
    while (text[i + n] === '`') n++
    const fence = '`'.repeat(n)
    let j = i + n
    let close = -1
    while (j < text.length) {
      const at = text.indexOf(fence, j)
      if (at < 0) break
      let m = 0
      while (text[at + m] === '`') m++
      if (m === n) {
        close = at
        break
      }
      j = at + m
    }
    if (close < 0) {
      out += fence
      i += n
      continue
    }
    i = close + n
  }
  return out
}

describe('codeSpan', () => {
  it('keeps any name inside one code span that no backtick run can close', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', '`', '|', ' ', '@', '<', '\n', '#', 'é') }),
        (name) => {
          const span = codeSpan(name)
          const fence = /^`+/.exec(span)?.[0] ?? ''
          expect(span.endsWith(fence)).toBe(true)
          const inner = span.slice(fence.length, span.length - fence.length)
          expect(inner.includes(fence)).toBe(false)
          expect(inner).not.toMatch(/\n/)
          expect(cells(`| ${span} |`)).toBe(3)
        },
      ),
    )
  })

  it('caps very long names', () => {
    expect(codeSpan('x'.repeat(10_000)).length).toBeLessThan(210)
  })
})

describe('renderReportMarkdown', () => {
  it('keeps table rows intact and mentions, HTML and links inert whatever the test names', () => {
    const hostile = {
      'a.test.js::@org/team please look': {
        verdict: 'failed' as const,
        message: '<img src=http://tracker/x> | `code` @someone #123',
      },
      'a.test.js::name with | pipe and ``` fences': { verdict: 'failed' as const },
      'a.test.js::<details><summary>x</summary>': { verdict: 'flaky' as const },
      'a.test.js::line\nbreak::set-output name=x::y': { verdict: 'failed' as const },
    }
    const text = report([hostile])
    for (const table of text.split('\n\n').filter((block) => block.startsWith('| '))) {
      const rows = table.split('\n').filter((l) => l.startsWith('|'))
      const width = cells(rows[0] ?? '')
      for (const row of rows) expect(cells(row)).toBe(width)
    }
    // Outside code spans nothing of the names remains.
    const outside = stripCodeSpans(text)
    expect(outside).not.toMatch(/@org|@someone|<img|<details>|#123/)
  })

  it('stays within the comment limit for a 20,000-test suite with many failures', () => {
    const shards: Record<string, TestSpec>[] = []
    for (let s = 0; s < 8; s++) {
      const tests: Record<string, TestSpec> = {}
      for (let t = 0; t < 2500; t++) {
        tests[`suite/file${s}_${t % 50}.test.js::describe block ${t}::does thing ${t} 🚀`] = {
          verdict: t % 10 === 0 ? 'failed' : 'passed',
          seconds: (t % 97) / 10,
          message: t % 10 === 0 ? 'AssertionError: '.repeat(40) : undefined,
        }
      }
      shards.push(tests)
    }
    const text = report(shards)
    expect(text.length).toBeLessThanOrEqual(DEFAULT_BUDGET)
    expect(text).toMatch(/tests failed/)
    expect(text).toMatch(/…and \d+ more \(see report\.json\)/)
    expect(text).toMatch(/\| 8 \|/)
  })

  it('draws the shards as a Mermaid gantt chart', () => {
    const text = report([{ 'a.js::t': { seconds: 5 } }, { 'b.js::t': { seconds: 3 } }])
    expect(text).toMatch(/```mermaid\ngantt\n/)
    expect(text).toMatch(/section Shard 1\n {2}start-up :done, s1a, 0, 2\n {2}tests :s1b, 2, 7/)
  })
})

describe('suggestShardCount', () => {
  it('stops adding shards once the longest file dominates', () => {
    const suggestion = suggestShardCount(1000, 100, 10)
    expect(suggestion.bestSeconds).toBe(110)
    // 10 shards: 1000/10 + 10 = 110 s; 9 would take 121.1 s, over 1.1 × 110.
    expect(suggestion.shards).toBe(10)
  })
})

describe('timing sentences', () => {
  /** A run of `shards` shards whose files and start-ups fast-check chooses. */
  const runs = fc.array(
    fc.record({
      startup: fc.double({ min: 0, max: 5, noNaN: true }),
      files: fc.array(fc.double({ min: 0.01, max: 20, noNaN: true }), {
        minLength: 1,
        maxLength: 5,
      }),
    }),
    { minLength: 2, maxLength: 6 },
  )

  function sentences(shards: { startup: number; files: number[] }[]): string[] {
    const plan = makePlan(shards.map((s, i) => s.files.map((_, j) => `s${i}/f${j}.test.js`)))
    const results = shards.map((s, i) => {
      const tests = Object.fromEntries(
        s.files.map((seconds, j) => [`s${i}/f${j}.test.js::t`, { seconds }]),
      )
      const base = makeResult(plan, 'd', i + 1, tests)
      const work = s.files.reduce((t, x) => t + x, 0)
      return { ...base, wallSeconds: s.startup + work }
    })
    const combined = combineResults({
      plan,
      planDigest: 'd',
      results: results.map((result, i) => ({ source: `s${i}`, result })),
      quarantine: [],
      history: undefined,
      now: NOW,
      flakyThreshold: 0.1,
    })
    return timingSentences({
      combined,
      plan,
      coverage: undefined,
      fallback: undefined,
      unknownItems: 0,
      time: runTime(results),
    })
  }

  const seconds = (text: string) => Number(/([\d.]+) s/.exec(text)?.[1])

  it('never claims a bound that a shard of the run finished below (property)', () => {
    fc.assert(
      fc.property(runs, (shards) => {
        const claim = sentences(shards).find((s) => s.startsWith('No split'))
        if (claim === undefined) return
        const bound = seconds(claim.replace(/^.*finish below /, ''))
        for (const shard of shards) {
          const wall = shard.startup + shard.files.reduce((t, x) => t + x, 0)
          // The report rounds to a tenth of a second.
          expect(wall).toBeGreaterThanOrEqual(bound - 0.05)
        }
      }),
    )
  })

  it('states balance and used runner time that agree with each other and with the shards (property)', () => {
    fc.assert(
      fc.property(runs, (shards) => {
        const balance = sentences(shards).find((s) => s.startsWith('Balance'))
        expect(balance).toBeDefined()
        const above = Number(/is (\d+)% above/.exec(balance ?? '')?.[1])
        const used = Number(/; (\d+)% of the runner time/.exec(balance ?? '')?.[1])
        const walls = shards.map((s) => s.startup + s.files.reduce((t, x) => t + x, 0))
        const longest = Math.max(...walls)
        const mean = walls.reduce((t, w) => t + w, 0) / walls.length
        expect(Math.abs(above - (longest / mean - 1) * 100)).toBeLessThanOrEqual(0.5)
        expect(Math.abs(used - (mean / longest) * 100)).toBeLessThanOrEqual(0.5)
      }),
    )
  })

  it('estimates one job from the files and one start-up, never from the sum of the shards', () => {
    const said = sentences([
      { startup: 2, files: [3] },
      { startup: 2, files: [3] },
      { startup: 2, files: [3] },
    ])
    expect(said[1]).toContain(
      'One job (every file in one shard) would take about 11.0 s (estimated',
    )
    expect(said[1]).toContain('3 shards ran 2.20× faster')
    // Perfectly balanced: every shard took the bound, so the claim is made.
    expect(said.at(-1)).toContain('could finish below 5.0 s')
  })
})
