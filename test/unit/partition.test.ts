import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { compareUnits, lowerBound, partitionUnits, type Unit } from '../../src/core/partition.js'

const unitsArbitrary = fc.uniqueArray(
  fc.record({
    id: fc.string({ minLength: 1, maxLength: 12 }),
    seconds: fc.double({ min: 0.001, max: 1000, noNaN: true }),
  }),
  { selector: (u) => u.id, minLength: 0, maxLength: 200 },
)

function ids(shards: readonly (readonly Unit[])[]): string[][] {
  return shards.map((s) => s.map((u) => u.id))
}

describe('partitionUnits', () => {
  it('puts every unit in exactly one shard', () => {
    fc.assert(
      fc.property(unitsArbitrary, fc.integer({ min: 1, max: 40 }), (units, k) => {
        const { shards } = partitionUnits(units, k)
        expect(shards).toHaveLength(k)
        const placed = shards
          .flat()
          .map((u) => u.id)
          .sort()
        expect(placed).toEqual(units.map((u) => u.id).sort())
      }),
    )
  })

  it('leaves no shard empty when there are at least as many units as shards', () => {
    fc.assert(
      fc.property(unitsArbitrary, fc.integer({ min: 1, max: 40 }), (units, k) => {
        fc.pre(units.length >= k)
        const { shards } = partitionUnits(units, k)
        for (const shard of shards) expect(shard.length).toBeGreaterThan(0)
      }),
    )
  })

  it('keeps the spread between the longest and shortest shard within the largest unit', () => {
    fc.assert(
      fc.property(unitsArbitrary, fc.integer({ min: 1, max: 40 }), (units, k) => {
        fc.pre(units.length >= k)
        const { loads } = partitionUnits(units, k)
        const largest = Math.max(...units.map((u) => u.seconds))
        expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(largest * (1 + 1e-9))
      }),
    )
  })

  it('gives the same shards whatever the input order', () => {
    fc.assert(
      fc.property(
        unitsArbitrary.chain((units) =>
          fc.tuple(
            fc.constant(units),
            fc.shuffledSubarray(units, { minLength: units.length, maxLength: units.length }),
          ),
        ),
        fc.integer({ min: 1, max: 16 }),
        ([units, shuffled], k) => {
          expect(ids(partitionUnits(shuffled, k).shards)).toEqual(
            ids(partitionUnits(units, k).shards),
          )
        },
      ),
    )
  })

  it('places items longest first (ties by id) on the least loaded shard, as LPT does, on its radix path too', () => {
    // A plain LPT written out: (seconds desc, id) order, the shard with the least load, then
    // the fewest units, then the lowest index. Tied and odd times exercise both sort paths.
    const seconds = fc.oneof(
      fc.constantFrom(0, -0, 1, 2.5, 1e-9, 1e9, 0.001, 0.002, 3),
      fc.double({ min: 0, max: 1e6, noNaN: true }),
      fc.double({ min: -5, max: 5, noNaN: true }),
      fc.constant(Infinity),
    )
    const units = fc.uniqueArray(fc.record({ id: fc.string({ maxLength: 6 }), seconds }), {
      selector: (u) => u.id,
      maxLength: 120,
    })
    const reference = (list: readonly Unit[], k: number): string[][] => {
      const shards: Unit[][] = Array.from({ length: k }, () => [])
      const loads = new Array<number>(k).fill(0)
      for (const unit of [...list].sort(compareUnits)) {
        let target = 0
        for (let i = 1; i < k; i++) {
          const [a, b] = [loads[i] ?? 0, loads[target] ?? 0]
          const fewer = (shards[i]?.length ?? 0) < (shards[target]?.length ?? 0)
          if (a < b || (a === b && fewer)) target = i
        }
        shards[target]?.push(unit)
        loads[target] = (loads[target] ?? 0) + unit.seconds
      }
      return ids(shards)
    }
    fc.assert(
      fc.property(units, fc.integer({ min: 1, max: 12 }), (list, k) => {
        const lpt = partitionUnits(list, k, { improvementRounds: 0 })
        expect(ids(lpt.shards)).toEqual(reference(list, k))
      }),
      { numRuns: 500 },
    )
  })

  it('never does worse than plain LPT and never beats the lower bound', () => {
    fc.assert(
      fc.property(unitsArbitrary, fc.integer({ min: 1, max: 20 }), (units, k) => {
        fc.pre(units.length > 0)
        const improved = Math.max(...partitionUnits(units, k).loads)
        const lpt = Math.max(...partitionUnits(units, k, { improvementRounds: 0 }).loads)
        expect(improved).toBeLessThanOrEqual(lpt * (1 + 1e-9))
        expect(improved).toBeGreaterThanOrEqual(lowerBound(units, k) * (1 - 1e-9))
      }),
    )
  })

  it('finds the perfect split that LPT misses', () => {
    // LPT gives {3,2,2} and {3,2}: 7 and 5. The optimum is {3,3} and {2,2,2}: 6 and 6.
    const units = [3, 3, 2, 2, 2].map((seconds, i) => ({ id: `u${i}`, seconds }))
    const lpt = partitionUnits(units, 2, { improvementRounds: 0 })
    const improved = partitionUnits(units, 2)
    expect(Math.max(...lpt.loads)).toBe(7)
    expect(Math.max(...improved.loads)).toBe(6)
  })

  it('gives ties to the shard with fewer units so equal loads spread their tests', () => {
    const units = [
      { id: 'big', seconds: 4 },
      { id: 'a', seconds: 1 },
      { id: 'b', seconds: 1 },
      { id: 'c', seconds: 1 },
      { id: 'd', seconds: 1 },
    ]
    const { shards, loads } = partitionUnits(units, 2)
    expect(loads).toEqual([4, 4])
    expect(ids(shards)).toEqual([['big'], ['a', 'b', 'c', 'd']])
  })

  it('rejects a shard count that is not a whole number of at least one', () => {
    expect(() => partitionUnits([], 0)).toThrow(RangeError)
    expect(() => partitionUnits([], 1.5)).toThrow(RangeError)
  })
})

describe('lowerBound', () => {
  it('is the larger of the average load and the longest unit', () => {
    expect(
      lowerBound(
        [
          { id: 'a', seconds: 10 },
          { id: 'b', seconds: 2 },
        ],
        2,
      ),
    ).toBe(10)
    expect(
      lowerBound(
        [
          { id: 'a', seconds: 3 },
          { id: 'b', seconds: 3 },
          { id: 'c', seconds: 4 },
        ],
        2,
      ),
    ).toBe(5)
  })
})
