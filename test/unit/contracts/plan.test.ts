import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { decodePlan, encodePlan, type Plan } from '../../../src/core/contracts/plan.js'
import { DecodeError } from '../../../src/core/contracts/schema.js'
import { makePlan } from '../../support/results.js'

const RECORDED = join(import.meta.dirname, '../../fixtures/recorded')

function failure(data: unknown): string {
  try {
    decodePlan(data)
  } catch (error) {
    if (error instanceof DecodeError) return error.message
    throw error
  }
  throw new Error('decoded without an error')
}

/** A plan as JSON text would carry it. */
const json = (value: unknown): unknown => JSON.parse(JSON.stringify(value))

describe('the plan contract', () => {
  it('decodes the documented minimal plan to a full plan with defaults worked out from its shards', () => {
    const plan = decodePlan({
      version: 1,
      shards: [{ index: 1, items: ['a.test.js', 'b.test.js'] }],
    })
    expect(plan).toStrictEqual({
      version: 1,
      shards: [{ index: 1, items: ['a.test.js', 'b.test.js'], predictedSeconds: 0 }],
      granularity: 'file',
      itemCount: 2,
      totalSeconds: 0,
      lowerBoundSeconds: 0,
      fileLowerBoundSeconds: 0,
      predictedMakespanSeconds: 0,
      shardOverheadSeconds: 0,
      costModel: { startupSeconds: 0, warmupSeconds: 0, workers: 1 },
      unknownItems: 0,
      estimatedItems: [],
      estimates: { 'same-file': 0, directory: 0, size: 0, default: 0 },
      timings: { runs: 0, matchedItems: 0, matchedBySuffix: 0, staleFiles: 0 },
      splitFiles: [],
      notes: [],
    })
  })

  it('works the bounds and the granularity out of the shards of a plan that lacks them', () => {
    const plan = decodePlan({
      version: 1,
      shards: [
        { index: 1, items: ['a.py::t1', 'a.py::t2'], predictedSeconds: 6 },
        { index: 2, items: ['b.py::t'], predictedSeconds: 2 },
      ],
    })
    expect(plan.granularity).toBe('test')
    expect(plan.totalSeconds).toBe(8)
    expect(plan.lowerBoundSeconds).toBe(4)
    expect(plan.fileLowerBoundSeconds).toBe(4)
    expect(plan.predictedMakespanSeconds).toBe(6)
    expect(plan.itemCount).toBe(3)
  })

  it('takes an older plan without a cost model: its shard overhead is the start-up', () => {
    const plan = decodePlan({ version: 1, shards: [], shardOverheadSeconds: 4.5 })
    expect(plan.costModel).toStrictEqual({ startupSeconds: 4.5, warmupSeconds: 0, workers: 1 })
  })

  it('takes an older plan that stores its shard count when the count agrees, and keeps no copy of it', () => {
    const plan = decodePlan({
      version: 1,
      shards: [
        { index: 1, items: ['a'] },
        { index: 2, items: ['b'] },
      ],
      shardCount: 2,
    })
    expect(plan.shards).toHaveLength(2)
    expect(plan).not.toHaveProperty('shardCount')
    expect(encodePlan(plan)).not.toMatch(/shardCount/)
  })

  it('reads the plan a real run wrote (recorded), and writes it back with the same content', () => {
    for (const suite of ['jest-ts', 'vitest-jsdom']) {
      const data = JSON.parse(readFileSync(join(RECORDED, suite, 'plan.json'), 'utf8')) as Record<
        string,
        unknown
      >
      const plan = decodePlan(data)
      expect(plan.shards).toHaveLength(4)
      const { shardCount, ...rest } = data
      expect(shardCount).toBe(4)
      expect(JSON.parse(encodePlan(plan))).toStrictEqual(rest)
    }
  })

  const cases: [string, unknown, string][] = [
    [
      'a list',
      [],
      'it must be a Shardwise plan, {"version": 1, "shards": [{"index": 1, "items": […]}]}; got an empty list',
    ],
    [
      'JSON null',
      null,
      'it must be a Shardwise plan, {"version": 1, "shards": [{"index": 1, "items": […]}]}; got `null`',
    ],
    [
      'timings, not a plan',
      { 'tests/a.py::t': 1.5 },
      '`version` must be `1` (the version of a Shardwise plan); got nothing',
    ],
    [
      'a newer version',
      { version: 2, shards: [] },
      '`version` must be `1` (the version of a Shardwise plan); got `2`',
    ],
    ['no shards', { version: 1 }, '`shards` must be a list of shards; got nothing'],
    [
      'shards out of order',
      {
        version: 1,
        shards: [
          { index: 1, items: [] },
          { index: 3, items: [] },
        ],
      },
      '`shards[1].index` must be 2 (shards are numbered 1, 2, … in order); got `3`',
    ],
    [
      'a shard without items',
      { version: 1, shards: [{ index: 1 }] },
      '`shards[0].items` must be a list of test ids; got nothing',
    ],
    [
      'an empty test id',
      { version: 1, shards: [{ index: 1, items: ['a', ''] }] },
      '`shards[0].items[1]` must be a test id (non-empty text); got `""`',
    ],
    [
      'a test id that is not text',
      { version: 1, shards: [{ index: 1, items: [7] }] },
      '`shards[0].items[0]` must be a test id (non-empty text); got `7`',
    ],
    [
      'a negative prediction',
      { version: 1, shards: [{ index: 1, items: ['a'], predictedSeconds: -1 }] },
      '`shards[0].predictedSeconds` must be a number ≥ 0; got `-1`',
    ],
    [
      'a shard count that disagrees',
      { version: 1, shards: [{ index: 1, items: ['a'] }], shardCount: 3 },
      '`shardCount` must be 1, the number of shards listed; got `3`',
    ],
    [
      'an unknown granularity',
      { version: 1, shards: [], granularity: 'line' },
      '`granularity` must be one of `file`, `test`, `auto`; got `"line"`',
    ],
    [
      'a cost model with too few workers',
      { version: 1, shards: [], costModel: { startupSeconds: 1, warmupSeconds: 0, workers: 0 } },
      '`costModel.workers` must be a number ≥ 0.5; got `0`',
    ],
    [
      'a cost model without its warm-up',
      { version: 1, shards: [], costModel: { startupSeconds: 1, workers: 1 } },
      '`costModel.warmupSeconds` must be a number ≥ 0; got nothing',
    ],
    [
      'an estimate that is text',
      { version: 1, shards: [], estimates: { size: '3' } },
      '`estimates.size` must be a number ≥ 0; got `"3"`',
    ],
    [
      'a split file without parts',
      { version: 1, shards: [], splitFiles: [{ file: 'a', seconds: 1 }] },
      '`splitFiles[0].parts` must be a number; got nothing',
    ],
    [
      'notes that are not a list',
      { version: 1, shards: [], notes: 'hi' },
      '`notes` must be a list; got `"hi"`',
    ],
    [
      'a fractional item count',
      { version: 1, shards: [], itemCount: 1.5 },
      '`itemCount` must be a whole number ≥ 0; got `1.5`',
    ],
  ]
  for (const [what, data, message] of cases) {
    it(`refuses ${what}, naming the field and what it must be`, () => {
      expect(failure(data)).toBe(`not a valid Shardwise plan: ${message}`)
    })
  }

  it('gives back the same plan and the same bytes after encode and decode (property)', () => {
    const id = fc.stringMatching(/^[a-z]{1,6}(\/[a-z]{1,6})?\.test\.js(::[a-z]{1,4})?$/)
    const seconds = fc.double({ min: 0, max: 1e5, noNaN: true, noDefaultInfinity: true })
    const planArbitrary = fc
      .array(fc.tuple(fc.uniqueArray(id, { maxLength: 6 }), seconds), { maxLength: 6 })
      .chain((shards) =>
        fc.record({
          shards: fc.constant(shards),
          overhead: seconds,
          workers: fc.double({ min: 0.5, max: 64, noNaN: true }),
          notes: fc.array(fc.string(), { maxLength: 3 }),
        }),
      )
      .map(({ shards, overhead, workers, notes }): Plan => ({
        ...makePlan(shards.map(([items]) => items)),
        shards: shards.map(([items, predicted], i) => ({
          index: i + 1,
          items,
          predictedSeconds: predicted,
        })),
        predictedMakespanSeconds: Math.max(0, ...shards.map(([, predicted]) => predicted)),
        shardOverheadSeconds: overhead,
        costModel: { startupSeconds: overhead, warmupSeconds: 0, workers },
        notes,
      }))
    fc.assert(
      fc.property(planArbitrary, (plan) => {
        const text = encodePlan(plan)
        const again = decodePlan(json(JSON.parse(text)))
        expect(again).toStrictEqual(plan)
        expect(encodePlan(again)).toBe(text)
      }),
    )
  })
})
