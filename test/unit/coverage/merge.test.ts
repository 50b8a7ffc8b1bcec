import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { CoverageMerger, mergeCoverageModels } from '../../../src/core/coverage/merge.js'
import type { CoverageModel } from '../../../src/core/coverage/model.js'
import { renderLcov } from '../../../src/core/coverage/render.js'
import { summarizeCoverage } from '../../../src/core/coverage/summary.js'
import { mergeCoverage } from '../../support/coverage.js'
import { file, linesOf, modelArbitrary, plain } from '../../support/coverage-data.js'

describe('mergeCoverage (THREATS E3)', () => {
  it('is commutative', () => {
    fc.assert(
      fc.property(modelArbitrary, modelArbitrary, (a, b) => {
        expect(plain(mergeCoverage(a, b))).toEqual(plain(mergeCoverage(b, a)))
        expect(renderLcov(mergeCoverage(a, b))).toBe(renderLcov(mergeCoverage(b, a)))
      }),
    )
  })

  it('is associative', () => {
    fc.assert(
      fc.property(modelArbitrary, modelArbitrary, modelArbitrary, (a, b, c) => {
        expect(plain(mergeCoverage(mergeCoverage(a, b), c))).toEqual(
          plain(mergeCoverage(a, mergeCoverage(b, c))),
        )
      }),
    )
  })

  it('never decreases coverage when a shard is added', () => {
    fc.assert(
      fc.property(modelArbitrary, modelArbitrary, (a, shard) => {
        const merged = mergeCoverage(a, shard)
        const before = summarizeCoverage(a).total
        const after = summarizeCoverage(merged).total
        for (const kind of ['lines', 'branches', 'functions'] as const) {
          expect(after[kind].found).toBeGreaterThanOrEqual(before[kind].found)
          expect(after[kind].hit).toBeGreaterThanOrEqual(before[kind].hit)
        }
        for (const [path, f] of a) {
          const m = merged.get(path)!
          for (const [line, hits] of f.lines) expect(m.lines.get(line)).toBeGreaterThanOrEqual(hits)
          for (const [key, outcome] of f.branches) {
            expect(m.branches.get(key)!.taken).toBeGreaterThanOrEqual(outcome.taken)
          }
          for (const [name, fn] of f.functions) {
            expect(m.functions.get(name)!.hits).toBeGreaterThanOrEqual(fn.hits)
          }
        }
      }),
    )
  })

  it('sums hits per line, branch and function and keeps files present in one shard only', () => {
    const a = new Map([
      ['src/x.js', file({ 1: 1, 2: 0 }, [[1, '0', '0', 1]], [['main', 1, 1]])],
      ['src/only-a.js', file({ 5: 2 })],
    ])
    const b = new Map([
      [
        'src/x.js',
        file(
          { 2: 3, 3: 0 },
          [
            [1, '0', '0', 2],
            [1, '0', '1', 0],
          ],
          [['main', 1, 4]],
        ),
      ],
      ['src/only-b.js', file({ 7: 0 })],
    ])
    expect(plain(mergeCoverage(a, b))).toEqual(
      plain(
        new Map([
          [
            'src/x.js',
            file(
              { 1: 1, 2: 3, 3: 0 },
              [
                [1, '0', '0', 3],
                [1, '0', '1', 0],
              ],
              [['main', 1, 5]],
            ),
          ],
          ['src/only-a.js', file({ 5: 2 })],
          ['src/only-b.js', file({ 7: 0 })],
        ]),
      ),
    )
  })

  it('mergeCoverageModels equals the pairwise merge, leaves its inputs unchanged and sorts files', () => {
    fc.assert(
      fc.property(fc.array(modelArbitrary, { maxLength: 6 }), (models) => {
        const before = models.map(plain)
        const merged = mergeCoverageModels(models)
        const folded = models.reduce<CoverageModel>((acc, m) => mergeCoverage(acc, m), new Map())
        expect(plain(merged.files)).toEqual(plain(folded))
        expect(models.map(plain)).toEqual(before)
        const keys = [...merged.files.keys()]
        expect(keys).toEqual([...keys].sort())
      }),
    )
  })

  it('CoverageMerger merges shard by shard, and a result already taken does not change afterwards', () => {
    const merger = new CoverageMerger()
    merger.add(new Map([['a.js', file({ 1: 1 })]]))
    merger.add(new Map([['a.js', file({ 1: 2 })]]))
    const first = merger.result()
    merger.add(new Map([['a.js', file({ 1: 4 })]]))
    expect(linesOf(first, 'a.js')).toEqual([[1, 3]])
    expect(linesOf(merger.result(), 'a.js')).toEqual([[1, 7]])
  })

  it('flags a file measured with different instrumented lines in different shards, and still unions them', () => {
    const merged = mergeCoverageModels([
      new Map([['src/x.js', file({ 1: 1, 2: 1 })]]),
      new Map([['src/x.js', file({ 1: 1, 2: 0, 3: 0 })]]),
    ])
    expect(linesOf(merged, 'src/x.js')).toEqual([
      [1, 2],
      [2, 1],
      [3, 0],
    ])
    expect(merged.warnings).toHaveLength(1)
    expect(merged.warnings[0]).toMatch(/"src\/x\.js" \(2 vs 3\)/)
  })

  it('saturates huge counts instead of losing precision', () => {
    const big = new Map([['a.js', file({ 1: Number.MAX_SAFE_INTEGER - 1 })]])
    expect(mergeCoverage(big, big).get('a.js')!.lines.get(1)).toBe(Number.MAX_SAFE_INTEGER)
  })
})
