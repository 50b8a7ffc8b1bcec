import { describe, expect, it } from 'vitest'
import {
  DEFAULT_SECONDS,
  MIN_ESTIMATE_SECONDS,
  estimateDurations,
} from '../../src/core/estimate.js'

const known = new Map([
  ['api/a.test.ts', 10],
  ['api/b.test.ts', 12],
  ['api/c.test.ts', 14],
  ['ui/a.test.ts', 1],
  ['ui/b.test.ts', 2],
  ['ui/c.test.ts', 3],
  ['ui/d.test.ts', 200], // one giant drags the global mean up, not the median
])

describe('estimateDurations', () => {
  it('estimates a new file from the median of its own directory', () => {
    const out = estimateDurations({ known, unknown: ['api/new.test.ts', 'ui/new.test.ts'] })
    expect(out.get('api/new.test.ts')).toEqual({ seconds: 12, basis: 'directory' })
    expect(out.get('ui/new.test.ts')).toEqual({ seconds: 2.5, basis: 'directory' })
  })

  it('falls back to the parent directory and then to everything when a directory is too small', () => {
    const out = estimateDurations({
      known,
      unknown: ['other/new.test.ts', 'api/deep/x/new.test.ts'],
    })
    expect(out.get('other/new.test.ts')).toEqual({ seconds: 10, basis: 'directory' }) // global median
    expect(out.get('api/deep/x/new.test.ts')).toEqual({ seconds: 12, basis: 'directory' })
  })

  it('scales by file size within the directory’s range when sizes are known', () => {
    const sizes = new Map([
      ['api/a.test.ts', 1000],
      ['api/b.test.ts', 1200],
      ['api/c.test.ts', 1400],
      ['api/half.test.ts', 500],
      ['api/double.test.ts', 2400],
    ])
    const out = estimateDurations({
      known,
      unknown: ['api/half.test.ts', 'api/double.test.ts'],
      sizes,
    })
    // 0.01 s per byte; 500 bytes → 5 s, clamped to the directory's minimum of 10 s.
    expect(out.get('api/half.test.ts')).toEqual({ seconds: 10, basis: 'size' })
    expect(out.get('api/double.test.ts')).toEqual({ seconds: 14, basis: 'size' })
  })

  it('estimates an unknown test from the other tests of its file, even just one', () => {
    const tests = new Map([['api/a.test.ts::x', 0.4]])
    const out = estimateDurations({ known: tests, unknown: ['api/a.test.ts::y'] })
    expect(out.get('api/a.test.ts::y')).toEqual({ seconds: 0.4, basis: 'same-file' })
  })

  it('weights items by size when there is no history at all', () => {
    const sizes = new Map([
      ['a.ts', 100],
      ['b.ts', 300],
      ['c.ts', 200],
    ])
    const out = estimateDurations({
      known: new Map(),
      unknown: ['a.ts', 'b.ts', 'c.ts', 'd.ts'],
      sizes,
    })
    expect(out.get('c.ts')).toEqual({ seconds: DEFAULT_SECONDS, basis: 'default' })
    expect(out.get('b.ts')?.seconds).toBeCloseTo(1.5)
    expect(out.get('d.ts')).toEqual({ seconds: DEFAULT_SECONDS, basis: 'default' })
  })

  it('never estimates an item as free', () => {
    const out = estimateDurations({
      known: new Map([
        ['a/x', 1e-9],
        ['a/y', 1e-9],
        ['a/z', 1e-9],
      ]),
      unknown: ['a/new'],
    })
    expect(out.get('a/new')?.seconds).toBe(MIN_ESTIMATE_SECONDS)
  })
})
