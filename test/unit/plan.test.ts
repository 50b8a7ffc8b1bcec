import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { planShards, type Granularity, type PlanRequest } from '../../src/core/plan.js'
import { planMatrix } from '../../src/core/render-plan.js'
import { buildTimingModel } from '../../src/core/timings.js'
import type { TimingRun } from '../../src/core/types.js'

function run(
  files: Record<string, number>,
  tests: Record<string, number> = {},
  untimed: string[] = [],
): TimingRun {
  return {
    source: 'test',
    format: 'shardwise',
    files: new Map(Object.entries(files)),
    tests: new Map(Object.entries(tests)),
    untimed: new Set(untimed),
  }
}

function request(overrides: Partial<PlanRequest> & Pick<PlanRequest, 'model'>): PlanRequest {
  return {
    items: undefined,
    shards: { kind: 'fixed', count: 4 },
    granularity: 'file',
    shardOverheadSeconds: 0,
    ...overrides,
  }
}

const suiteArbitrary = fc
  .uniqueArray(
    fc.record({
      file: fc
        .constantFrom('a', 'b', 'c/d', 'c/e', 'f/g/h')
        .chain((dir) => fc.stringMatching(/^[a-z]{1,6}$/).map((name) => `${dir}/${name}.test.ts`)),
      tests: fc.array(fc.double({ min: 0.001, max: 60, noNaN: true }), {
        minLength: 1,
        maxLength: 8,
      }),
    }),
    { selector: (f) => f.file, minLength: 1, maxLength: 40 },
  )
  .map((files) => {
    const tests: Record<string, number> = {}
    for (const f of files) f.tests.forEach((s, i) => (tests[`${f.file}::t${i}`] = s))
    return { files: files.map((f) => f.file), tests }
  })

describe('planShards', () => {
  for (const granularity of ['file', 'test', 'auto'] as Granularity[]) {
    it(`plans every item exactly once at ${granularity} granularity, with no empty shard when items ≥ shards`, () => {
      fc.assert(
        fc.property(suiteArbitrary, fc.integer({ min: 1, max: 12 }), (suite, k) => {
          const model = buildTimingModel([run({}, suite.tests)])
          const plan = planShards(
            request({ model, granularity, shards: { kind: 'fixed', count: k } }),
          )
          const planned = plan.shards.flatMap((s) => s.items)
          const expected = granularity === 'file' ? suite.files : Object.keys(suite.tests)
          expect([...planned].sort()).toEqual([...expected].sort())
          expect(new Set(planned).size).toBe(planned.length)
          expect(plan.shards.map((s) => s.index)).toEqual(
            Array.from({ length: k }, (_, i) => i + 1),
          )
          if (planned.length >= k) {
            for (const shard of plan.shards) expect(shard.items.length).toBeGreaterThan(0)
          }
          expect(plan.predictedMakespanSeconds).toBeGreaterThanOrEqual(
            plan.lowerBoundSeconds - 0.002,
          )
        }),
      )
    })
  }

  it('gives the same plan whatever the order of items and timing runs', () => {
    fc.assert(
      fc.property(
        suiteArbitrary,
        fc.integer({ min: 1, max: 8 }),
        fc.constantFrom<Granularity>('file', 'test', 'auto'),
        fc.integer(),
        (suite, k, granularity, seed) => {
          const entries = Object.entries(suite.tests)
          const half = entries.length >> 1
          const runs = [
            run({}, Object.fromEntries(entries.slice(0, half))),
            run({}, Object.fromEntries(entries.slice(half))),
          ]
          const shuffle = <T>(list: T[]) =>
            list
              .map((value, i) => ({ value, key: Math.sin(seed + i * 7919) }))
              .sort((a, b) => a.key - b.key)
              .map((x) => x.value)
          const items = granularity === 'file' ? suite.files : Object.keys(suite.tests)
          const a = planShards(
            request({
              model: buildTimingModel(runs),
              items,
              granularity,
              shards: { kind: 'fixed', count: k },
            }),
          )
          const b = planShards(
            request({
              model: buildTimingModel(shuffle([...runs])),
              items: shuffle([...items]),
              granularity,
              shards: { kind: 'fixed', count: k },
            }),
          )
          expect(b).toEqual(a)
        },
      ),
    )
  })

  it('treats a file recorded at 0 s as unknown and estimates it from its directory', () => {
    const model = buildTimingModel([
      run({ 'a/1.ts': 10, 'a/2.ts': 12, 'a/3.ts': 14, 'b/1.ts': 100 }, {}, ['a/zero.ts']),
    ])
    const plan = planShards(
      request({
        model,
        items: ['a/1.ts', 'a/2.ts', 'a/3.ts', 'a/zero.ts', 'b/1.ts'],
        shards: { kind: 'fixed', count: 2 },
      }),
    )
    expect(plan.unknownItems).toBe(1)
    expect(plan.estimates.directory).toBe(1)
    // 10 + 12 + 14 + 20.8 (a/'s mean of 12 over 3 files, shrunk toward the mean of all, 34,
    // with weight 2: (36 + 2 × 34) / 5) + 100
    expect(plan.totalSeconds).toBeCloseTo(156.8, 6)
  })

  it('counts timed files that are no longer planned as stale and ignores them', () => {
    const model = buildTimingModel([run({ 'a.ts': 5, 'gone.ts': 500 })])
    const plan = planShards(
      request({ model, items: ['a.ts'], shards: { kind: 'fixed', count: 1 } }),
    )
    expect(plan.timings.staleFiles).toBe(1)
    expect(plan.totalSeconds).toBe(5)
  })

  it('matches timings written from another directory by path suffix', () => {
    const model = buildTimingModel([
      run({ 'backend/tests/test_a.py': 7, '/opt/ci/work/tests/test_b.py': 9 }),
    ])
    const plan = planShards(
      request({
        model,
        items: ['tests/test_a.py', 'tests/test_b.py'],
        shards: { kind: 'fixed', count: 1 },
      }),
    )
    expect(plan.timings.matchedBySuffix).toBe(2)
    expect(plan.unknownItems).toBe(0)
    expect(plan.totalSeconds).toBe(16)
  })

  it('splits only the file that alone exceeds a shard at auto granularity, paying its setup per part', () => {
    const tests: Record<string, number> = {}
    for (let i = 0; i < 10; i++) tests[`big.py::t${i}`] = 10
    const files: Record<string, number> = { 'big.py': 110 } // 100 s of tests + 10 s setup
    for (let i = 0; i < 6; i++) {
      tests[`small${i}.py::t`] = 5
    }
    const model = buildTimingModel([run(files, tests)])
    const filePlan = planShards(
      request({ model, shards: { kind: 'fixed', count: 4 }, granularity: 'file' }),
    )
    const autoPlan = planShards(
      request({ model, shards: { kind: 'fixed', count: 4 }, granularity: 'auto' }),
    )
    expect(filePlan.predictedMakespanSeconds).toBe(110)
    expect(autoPlan.splitFiles.map((s) => s.file)).toEqual(['big.py'])
    const parts = autoPlan.splitFiles[0]!.parts
    expect(parts).toBeGreaterThan(1)
    // Each part carries the 10 s setup: total = 100 + 10 × parts + 30.
    expect(autoPlan.totalSeconds).toBeCloseTo(130 + 10 * parts, 6)
    expect(autoPlan.predictedMakespanSeconds).toBeLessThan(filePlan.predictedMakespanSeconds)
    expect(autoPlan.fileLowerBoundSeconds).toBe(110)
    // The small files stay whole; the big file's tests each appear once.
    const planned = autoPlan.shards.flatMap((s) => s.items).sort()
    expect(planned).toEqual(Object.keys(tests).sort())
  })

  it('does not split files listed as whole files, and says why', () => {
    const model = buildTimingModel([run({}, { 'big.py::a': 50, 'big.py::b': 50, 'x.py::a': 1 })])
    const plan = planShards(
      request({
        model,
        items: ['big.py', 'x.py'],
        granularity: 'auto',
        shards: { kind: 'fixed', count: 2 },
      }),
    )
    expect(plan.shards.flatMap((s) => s.items).sort()).toEqual(['big.py', 'x.py'])
    expect(plan.notes.join('\n')).toMatch(/no test ids to split files by/)
  })

  it('chooses the smallest shard count that meets the target with --shards auto', () => {
    const files: Record<string, number> = {}
    for (let i = 0; i < 100; i++) files[`f${String(i).padStart(3, '0')}.ts`] = 6 // 600 s in all
    const model = buildTimingModel([run(files)])
    const plan = planShards(
      request({
        model,
        shards: { kind: 'auto', targetSeconds: 100, maxShards: 256 },
        shardOverheadSeconds: 10,
      }),
    )
    // 90 s of tests per shard: 600 / 90 → 7 shards (each ≤ 90 s: 15 files × 6 s). The
    // predicted shard time holds the start-up.
    expect(plan.shards.length).toBe(7)
    expect(plan.predictedMakespanSeconds).toBeLessThanOrEqual(100)
    expect(plan.shards.every((s) => s.predictedSeconds === 0 || s.predictedSeconds > 10)).toBe(true)
    const fewer = planShards(
      request({ model, shards: { kind: 'fixed', count: 6 }, shardOverheadSeconds: 10 }),
    )
    expect(fewer.predictedMakespanSeconds).toBeGreaterThan(100)
  })

  it('caps --shards auto at --max-shards and notes a target it cannot reach', () => {
    const model = buildTimingModel([run({ 'huge.ts': 500, 'a.ts': 10, 'b.ts': 10 })])
    const plan = planShards(
      request({ model, shards: { kind: 'auto', targetSeconds: 60, maxShards: 2 } }),
    )
    expect(plan.shards.length).toBe(2)
    expect(plan.notes.join('\n')).toMatch(/reaches the target/)
  })

  it('puts empty shards last when there are fewer items than shards, and the matrix skips them', () => {
    const model = buildTimingModel([run({ 'a.ts': 1, 'b.ts': 2, 'c.ts': 3 })])
    const plan = planShards(request({ model, shards: { kind: 'fixed', count: 5 } }))
    expect(plan.shards.map((s) => s.items.length)).toEqual([1, 1, 1, 0, 0])
    expect(plan.notes.join('\n')).toMatch(/only 3 items for 5 shards/)
    expect(planMatrix(plan)).toEqual({
      include: [
        { shard: 1, shards: 5 },
        { shard: 2, shards: 5 },
        { shard: 3, shards: 5 },
      ],
    })
  })

  it('keeps each shard’s items in sorted order', () => {
    const model = buildTimingModel([run({ 'z.ts': 1, 'a.ts': 1, 'm.ts': 1, 'b.ts': 1 })])
    const plan = planShards(request({ model, shards: { kind: 'fixed', count: 2 } }))
    for (const shard of plan.shards) expect([...shard.items]).toEqual([...shard.items].sort())
  })
})
