import { describe, expect, it } from 'vitest'
import { alignModel, buildTimingModel } from '../../src/core/timings.js'
import type { TimingRun } from '../../src/core/types.js'

function run(files: Record<string, number>, tests: Record<string, number> = {}): TimingRun {
  return {
    source: 's',
    format: 'junit',
    files: new Map(Object.entries(files)),
    tests: new Map(Object.entries(tests)),
    untimed: new Set(),
  }
}

describe('buildTimingModel', () => {
  it('lets the median of three runs ignore one outlier', () => {
    const model = buildTimingModel([run({ 'a.ts': 10 }), run({ 'a.ts': 11 }), run({ 'a.ts': 33 })])
    expect(model.files.get('a.ts')).toBe(11)
  })

  it('times a file by the sum of its tests when a run has no file-level time', () => {
    const model = buildTimingModel([run({}, { 'a.py::x': 1, 'a.py::y': 2 })])
    expect(model.files.get('a.py')).toBe(3)
    expect(model.testsByFile.get('a.py')).toEqual(['a.py::x', 'a.py::y'])
  })

  it('derives a file’s setup from a run that times both the file and its tests', () => {
    const model = buildTimingModel([run({ 'a.ts': 5 }, { 'a.ts::x': 1, 'a.ts::y': 2 })])
    expect(model.files.get('a.ts')).toBe(5)
    expect(model.setupByFile.get('a.ts')).toBe(2)
  })

  it('keeps ids seen only without a duration as untimed', () => {
    const skipped: TimingRun = {
      ...run({}, { 'a.ts::x': 1 }),
      untimed: new Set(['a.ts::skipped', 'b.ts']),
    }
    const model = buildTimingModel([skipped])
    expect([...model.untimed].sort()).toEqual(['a.ts::skipped', 'b.ts'])
    expect(model.testsByFile.get('a.ts')).toEqual(['a.ts::skipped', 'a.ts::x'])
  })
})

describe('alignModel', () => {
  it('renames a timed file to the one discovered file whose path it ends with, tests included', () => {
    const model = buildTimingModel([run({}, { '/abs/repo/tests/a.py::t': 2 })])
    const aligned = alignModel(model, new Set(['tests/a.py']))
    expect(aligned.matchedBySuffix).toBe(1)
    expect(aligned.model.tests.get('tests/a.py::t')).toBe(2)
  })

  it('leaves ambiguous matches alone', () => {
    const model = buildTimingModel([run({ 'a.py': 2 })])
    const aligned = alignModel(model, new Set(['x/a.py', 'y/a.py']))
    expect(aligned.matchedBySuffix).toBe(0)
  })
})
