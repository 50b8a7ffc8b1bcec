import { describe, expect, it } from 'vitest'
import {
  DEFAULT_SECONDS,
  MIN_ESTIMATE_SECONDS,
  PRIOR_WEIGHT,
  estimateDurations,
} from '../../src/core/estimate.js'

const known = new Map([
  ['api/a.test.ts', 10],
  ['api/b.test.ts', 12],
  ['api/c.test.ts', 14],
  ['ui/a.test.ts', 1],
  ['ui/b.test.ts', 2],
  ['ui/c.test.ts', 3],
  ['ui/d.test.ts', 200], // a new ui/ file may be such a giant: its expected time counts it
])
const everything = 242 / 7

describe('estimateDurations', () => {
  it('estimates a new file by the mean of its own directory, shrunk toward the mean of everything', () => {
    const out = estimateDurations({ known, unknown: ['api/new.test.ts', 'ui/new.test.ts'] })
    // A directory of n files counts n times its own mean and PRIOR_WEIGHT times its parent's.
    expect(PRIOR_WEIGHT).toBe(2)
    expect(out.get('api/new.test.ts')?.basis).toBe('directory')
    expect(out.get('api/new.test.ts')?.seconds).toBeCloseTo((36 + 2 * everything) / 5, 9)
    // The expected time of a new ui/ file, not a typical one: the 200 s giant counts.
    expect(out.get('ui/new.test.ts')?.seconds).toBeCloseTo((206 + 2 * everything) / 6, 9)
  })

  it('trusts a large directory almost alone', () => {
    const big = new Map<string, number>([['other/slow.test.ts', 500]])
    for (let i = 0; i < 98; i++) big.set(`fast/${i}.test.ts`, 2)
    const out = estimateDurations({ known: big, unknown: ['fast/new.test.ts'] })
    const seconds = out.get('fast/new.test.ts')?.seconds ?? NaN
    expect(seconds).toBeCloseTo((98 * 2 + 2 * (696 / 99)) / 100, 9)
    expect(seconds).toBeLessThan(2.2)
  })

  it('falls back to the parent directory and then to everything when a directory has no history', () => {
    const out = estimateDurations({
      known,
      unknown: ['other/new.test.ts', 'api/deep/x/new.test.ts'],
    })
    expect(out.get('other/new.test.ts')?.basis).toBe('directory')
    expect(out.get('other/new.test.ts')?.seconds).toBeCloseTo(everything, 9)
    expect(out.get('api/deep/x/new.test.ts')?.seconds).toBeCloseTo((36 + 2 * everything) / 5, 9)
  })

  it('is right on aggregate: new files estimated from a directory sum to what its files took', () => {
    // Three files in five take 1 s, two take 9 s: the median, 1 s, would under-fill every shard
    // that holds new files; the mean, 4.2 s, is what a new file takes on average.
    const dir = new Map<string, number>()
    for (let i = 0; i < 50; i++) dir.set(`d/${i}.test.ts`, i % 5 < 3 ? 1 : 9)
    const out = estimateDurations({ known: dir, unknown: ['d/new.test.ts'] })
    expect(out.get('d/new.test.ts')?.seconds).toBeCloseTo(4.2, 9)
  })

  it('gives the same estimates whatever the order of the known items', () => {
    // (0.1 + 0.2) + 0.3 and 0.1 + (0.2 + 0.3) differ in the last bit when added naively.
    const entries: [string, number][] = [
      ['a/x', 0.1],
      ['a/y', 0.2],
      ['a/z', 0.3],
      ['b/x', 1e-17],
    ]
    const forward = estimateDurations({ known: new Map(entries), unknown: ['a/new', 'c/new'] })
    const backward = estimateDurations({
      known: new Map([...entries].reverse()),
      unknown: ['a/new', 'c/new'],
    })
    expect(backward).toEqual(forward)
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
    expect(out.get('api/a.test.ts::y')?.basis).toBe('same-file')
    expect(out.get('api/a.test.ts::y')?.seconds).toBeCloseTo(0.4, 9)
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
