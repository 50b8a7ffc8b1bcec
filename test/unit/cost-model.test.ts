import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  fitRun,
  predictShardSeconds,
  type FileObservation,
  type ShardObservation,
} from '../../src/core/cost-model.js'
import type { ShardResult } from '../../src/core/shard-result.js'
import {
  COST_MODEL,
  measureRun,
  mergeRun,
  observeShard,
  runTime,
  storeCostModel,
  type TimingStore,
} from '../../src/core/store.js'
import { makePlan, makeResult } from '../support/results.js'

const NOW = '2026-12-01T00:00:00.000Z'
const RECORDED = join(import.meta.dirname, '../fixtures/recorded')

function recorded(suite: string): ShardResult[] {
  return [1, 2, 3, 4].map(
    (i) =>
      JSON.parse(readFileSync(join(RECORDED, suite, `shard-${i}.json`), 'utf8')) as ShardResult,
  )
}

/** Files run one after another on one worker, each `gap` after the previous one ended. */
function serial(
  costs: readonly (readonly [string, number, number])[],
  gap = 0,
  firstExtra = 0,
): FileObservation[] {
  let at = 0
  return costs.map(([file, seconds, testSeconds], i) => {
    const measured = seconds + (i === 0 ? firstExtra : 0)
    const observation = { file, seconds: measured, start: at, testSeconds }
    at += measured + gap
    return observation
  })
}

describe('fitRun on recorded runs of the fixture suites', () => {
  it.each(['jest-ts', 'vitest-jsdom'])(
    'reproduces each shard of a recorded %s run within a tenth of its wall time',
    (suite) => {
      const observations = recorded(suite).map(observeShard)
      const fit = fitRun(observations, undefined)
      const model = {
        startupSeconds: fit.startupSeconds ?? 0,
        warmupSeconds: fit.warmupSeconds ?? 0,
        workers: fit.workers ?? 1,
      }
      expect(model.startupSeconds).toBeGreaterThan(0)
      for (const observation of observations) {
        const predicted = predictShardSeconds(
          model,
          observation.files.map((f) => fit.fileCosts.get(f.file) ?? 0),
        )
        expect(
          Math.abs(predicted - observation.wallSeconds) / observation.wallSeconds,
        ).toBeLessThan(0.1)
      }
    },
  )

  it('learns most of a recorded Jest file’s cost outside its tests', () => {
    const results = recorded('jest-ts')
    const fit = fitRun(results.map(observeShard), undefined)
    const testSeconds = results.reduce((t, r) => t + r.testSeconds, 0)
    const fileSeconds = [...fit.fileCosts.values()].reduce((t, c) => t + c, 0)
    // Imports and hooks cost more than the test bodies in this suite, as in real ones.
    expect(fileSeconds).toBeGreaterThan(1.5 * testSeconds)
  })
})

describe('fitRun', () => {
  it('sets the first file’s warm-up apart instead of charging it to that file', () => {
    // Four shards; every file costs 0.5 s (0.1 s of tests); the first file of each shard
    // also pays 2 s of compiler warm-up; the process starts in 1 s.
    const shards: ShardObservation[] = [0, 1, 2, 3].map((s) => {
      const files = serial(
        Array.from({ length: 5 }, (_, i) => [`s${s}/f${i}.test.ts`, 0.5, 0.1] as const),
        0,
        2,
      )
      return { wallSeconds: 1 + 2 + 5 * 0.5, files }
    })
    const fit = fitRun(shards, undefined)
    expect(fit.warmupSeconds).toBeCloseTo(2, 6)
    expect(fit.startupSeconds).toBeCloseTo(1, 6)
    expect(fit.fileCosts.get('s0/f0.test.ts')).toBeCloseTo(0.5, 6)
    expect(fit.fileCosts.get('s0/f3.test.ts')).toBeCloseTo(0.5, 6)
  })

  it('gives the time between files to the file that follows (Jest times a file after its environment is built)', () => {
    // Each file spends 0.3 s building its environment before the runner's clock starts.
    const shards: ShardObservation[] = [0, 1].map((s) => ({
      wallSeconds: 0.8 + 0.3 + 4 * 0.2 + 3 * 0.3,
      files: serial(
        Array.from({ length: 4 }, (_, i) => [`s${s}/f${i}.js`, 0.2, 0.05] as const),
        0.3,
      ),
    }))
    const fit = fitRun(shards, undefined)
    for (const cost of fit.fileCosts.values()) expect(cost).toBeCloseTo(0.5, 6)
    expect(fit.startupSeconds).toBeCloseTo(0.8, 6)
  })

  it('learns how many files a runner runs at once from overlapping files', () => {
    // Two workers, each running four 1 s files back to back, after 1.5 s of start-up.
    const files: FileObservation[] = []
    for (const worker of [0, 1])
      for (let i = 0; i < 4; i++)
        files.push({ file: `w${worker}/f${i}.js`, seconds: 1, start: i, testSeconds: 0.5 })
    const fit = fitRun([{ wallSeconds: 5.5, files }], undefined)
    expect(fit.workers).toBeCloseTo(2, 6)
    expect(fit.startupSeconds).toBeCloseTo(1.5, 6)
    const model = {
      startupSeconds: fit.startupSeconds ?? 0,
      warmupSeconds: fit.warmupSeconds ?? 0,
      workers: fit.workers ?? 1,
    }
    expect(predictShardSeconds(model, [...fit.fileCosts.values()])).toBeCloseTo(5.5, 6)
  })

  it('fits start-up and a per-file overhead across shards when the runner times only tests', () => {
    // wall = 2 s start-up + 0.4 s per file + its tests, for shards of 3, 5 and 9 files.
    const shards: ShardObservation[] = [3, 5, 9].map((count, s) => {
      const files = Array.from({ length: count }, (_, i) => ({
        file: `s${s}/f${i}.js`,
        seconds: undefined,
        start: undefined,
        testSeconds: 0.1 * (i + 1),
      }))
      const tests = files.reduce((t, f) => t + f.testSeconds, 0)
      return { wallSeconds: 2 + 0.4 * count + tests, files }
    })
    const fit = fitRun(shards, undefined)
    expect(fit.startupSeconds).toBeCloseTo(2, 6)
    expect(fit.fileCosts.get('s0/f0.js')).toBeCloseTo(0.5, 6)
    expect(fit.fileCosts.get('s2/f8.js')).toBeCloseTo(1.3, 6)
  })

  it('keeps each shard’s total when one shard cannot separate start-up from files', () => {
    const fit = fitRun(
      [
        {
          wallSeconds: 10,
          files: [{ file: 'a.js', seconds: undefined, start: undefined, testSeconds: 4 }],
        },
      ],
      { startupSeconds: 3, warmupSeconds: 0, workers: 1 },
    )
    expect(fit.fileCosts.get('a.js')).toBeCloseTo(7, 6)
  })

  it('never learns a negative or non-finite cost (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            wall: fc.double({ min: 0, max: 100, noNaN: true }),
            files: fc.array(
              fc.record({
                seconds: fc.option(fc.double({ min: 0, max: 50, noNaN: true }), { nil: undefined }),
                start: fc.option(fc.double({ min: 0, max: 50, noNaN: true }), { nil: undefined }),
                tests: fc.double({ min: 0, max: 50, noNaN: true }),
              }),
              { maxLength: 6 },
            ),
          }),
          { maxLength: 5 },
        ),
        (raw) => {
          const shards = raw.map((s, i) => ({
            wallSeconds: s.wall,
            files: s.files.map((f, j) => ({
              file: `s${i}/f${j}.js`,
              seconds: f.seconds,
              start: f.start,
              testSeconds: f.tests,
            })),
          }))
          const fit = fitRun(shards, undefined)
          for (const cost of fit.fileCosts.values()) {
            expect(Number.isFinite(cost)).toBe(true)
            expect(cost).toBeGreaterThan(0)
          }
          for (const term of [fit.startupSeconds, fit.warmupSeconds, fit.workers]) {
            if (term !== undefined) {
              expect(Number.isFinite(term)).toBe(true)
              expect(term).toBeGreaterThanOrEqual(0)
            }
          }
        },
      ),
    )
  })
})

describe('measureRun and mergeRun', () => {
  const plan = makePlan([['a.test.js', 'b.test.js'], ['c.test.js']])

  it('costs a file split over two shards once, less the setup the second part paid again', () => {
    const split = makePlan([['a.test.js::x'], ['a.test.js::y']])
    const base = makeResult(split, 'd', 1, { 'a.test.js::x': { seconds: 1 } })
    const other = makeResult(split, 'd', 2, { 'a.test.js::y': { seconds: 2 } })
    const results = [
      { ...base, timing: { laterAttemptsSeconds: 0, files: { 'a.test.js': { seconds: 1.5 } } } },
      { ...other, timing: { laterAttemptsSeconds: 0, files: { 'a.test.js': { seconds: 2.5 } } } },
    ]
    // Each part paid 0.5 s of setup: the whole file costs 1 + 2 + 0.5.
    expect(measureRun(results).files.get('a.test.js')).toBeCloseTo(3.5, 6)
  })

  it('replaces the file entries of a store from before per-file costs instead of averaging them', () => {
    // A store as versions before per-file costs wrote it: no `costModel`.
    const old: TimingStore = {
      version: 1,
      tool: 'shardwise',
      updatedAt: NOW,
      tests: {},
      runs: 5,
      files: { 'a.test.js': { seconds: 0.2, runs: 5, lastSeen: NOW, lastRun: 5 } },
      shardSetupSeconds: { seconds: 9, runs: 5, lastSeen: NOW },
    }
    const results = [makeResult(plan, 'd', 1, { 'a.test.js::x': { seconds: 0.2 } })]
    const next = mergeRun(old, measureRun(results), NOW)
    expect(next.costModel).toBe(COST_MODEL)
    expect(next.files['a.test.js']?.runs).toBe(1)
    // makeResult's shard: 2 s outside its files.
    expect(next.shardSetupSeconds?.seconds).toBeCloseTo(2, 6)
    expect(storeCostModel(next)?.startupSeconds).toBeCloseTo(2, 6)
  })
})

describe('runTime', () => {
  it('estimates one job as the files’ costs plus one start-up, not the sum of the shards', () => {
    const plan = makePlan([['a.test.js'], ['b.test.js'], ['c.test.js']])
    const results = [
      makeResult(plan, 'd', 1, { 'a.test.js::x': { seconds: 3 } }),
      makeResult(plan, 'd', 2, { 'b.test.js::x': { seconds: 3 } }),
      makeResult(plan, 'd', 3, { 'c.test.js::x': { seconds: 3 } }),
    ]
    const time = runTime(results)
    // Each shard: 2 s start-up + 3 s of its file. One job: 2 + 9, not 3 × 5.
    expect(time?.makespanSeconds).toBeCloseTo(5, 6)
    expect(time?.serialSeconds).toBeCloseTo(11, 6)
    expect(time?.serialBasis).toBe('estimated')
    expect(time?.lowerBoundSeconds).toBeCloseTo(5, 6)
  })

  it('takes a one-shard run as a measured serial time', () => {
    const plan = makePlan([['a.test.js', 'b.test.js']])
    const time = runTime([
      makeResult(plan, 'd', 1, { 'a.test.js::x': { seconds: 3 }, 'b.test.js::y': { seconds: 1 } }),
    ])
    expect(time?.serialBasis).toBe('measured')
    expect(time?.serialSeconds).toBeCloseTo(6, 6)
  })
})
