import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { RunBuilder } from '../../../src/core/formats/run-builder.js'
import { plainRun } from '../../support/timings.js'

describe('RunBuilder', () => {
  it('files ids by their shape: "::" makes a test, anything else a file', () => {
    const builder = new RunBuilder('src.json', 'knapsack')
    builder.add('spec/a_spec.rb', 2)
    builder.add('tests/a.py::test_x', 1)
    const run = builder.build()
    expect(run.source).toBe('src.json')
    expect(run.format).toBe('knapsack')
    expect(plainRun(run)).toEqual({
      files: [['spec/a_spec.rb', 2]],
      tests: [['tests/a.py::test_x', 1]],
      untimed: [],
    })
  })

  it('adds the durations of an id seen twice in one run, after normalising it', () => {
    const builder = new RunBuilder('r', 'pytest-split', { roots: ['/w'] })
    builder.add('./t/a.py::test[1]', 1.25)
    builder.add('/w/t/a.py::test[1]', 2)
    builder.add('t\\a.py::test[1]', 0.5)
    expect(plainRun(builder.build()).tests).toEqual([['t/a.py::test[1]', 3.75]])
  })

  it('counts 0 s and invalid durations, keeps their ids as untimed, and says so', () => {
    const builder = new RunBuilder('r.json', 'knapsack')
    for (const value of [
      0,
      -1,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      21600.5,
      '3',
      null,
      undefined,
      {},
      [],
    ]) {
      builder.add(`f${String(builder.size)}`, value)
    }
    expect(builder.zeroEntries).toBe(1)
    expect(builder.invalidEntries).toBe(9)
    expect(builder.size).toBe(10)
    expect(builder.warnings()).toEqual([
      'r.json: 1 entries of 0 s treated as unknown',
      'r.json: 9 entries ignored (duration not a number of seconds from 0 to 6 h)',
    ])
    const run = builder.build()
    expect(run.files.size + run.tests.size).toBe(0)
    expect(run.untimed.size).toBe(10)
  })

  it('says nothing when every entry is good', () => {
    const builder = new RunBuilder('r', 'knapsack')
    builder.add('a', 1)
    expect(builder.warnings()).toEqual([])
  })

  it('drops an id from untimed once it also has a duration', () => {
    const builder = new RunBuilder('r', 'junit')
    builder.addUntimed('a.test.ts::x')
    builder.addNormalized('a.test.ts::x', 0)
    builder.addNormalized('a.test.ts::x', 1.5)
    builder.addUntimed('a.test.ts::y')
    expect(builder.has('a.test.ts::x')).toBe(true)
    expect(builder.has('a.test.ts::y')).toBe(true)
    expect(builder.has('a.test.ts::z')).toBe(false)
    expect(plainRun(builder.build())).toEqual({
      files: [],
      tests: [['a.test.ts::x', 1.5]],
      untimed: ['a.test.ts::y'],
    })
  })

  it('has() looks at normalised ids only', () => {
    const builder = new RunBuilder('r', 'knapsack')
    builder.add('./a.rb', 1)
    expect(builder.has('a.rb')).toBe(true)
    expect(builder.has('./a.rb')).toBe(false)
  })

  it('keeps every stored duration positive and at most six hours, and every id in exactly one place', () => {
    const entry = fc.tuple(
      fc.constantFrom('a', 'b', './a', 'a::t', 'b::t', 'a::u'),
      fc.oneof(fc.double(), fc.constant(0), fc.string()),
    )
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 40 }), (entries) => {
        const builder = new RunBuilder('r', 'knapsack')
        for (const [id, value] of entries) builder.add(id, value)
        const run = builder.build()
        for (const seconds of [...run.files.values(), ...run.tests.values()]) {
          expect(seconds).toBeGreaterThan(0)
          expect(seconds).toBeLessThanOrEqual(21600 * entries.length)
        }
        const ids = [...run.files.keys(), ...run.tests.keys(), ...run.untimed]
        expect(new Set(ids).size).toBe(ids.length)
        expect(new Set(ids)).toEqual(new Set(entries.map(([id]) => id.replace(/^\.\//, ''))))
      }),
    )
  })
})
