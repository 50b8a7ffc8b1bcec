import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { renderCobertura } from '../../../src/core/coverage/render.js'
import { summarizeCoverage } from '../../../src/core/coverage/summary.js'
import { parseCobertura } from '../../support/coverage.js'
import { byKey, consistentModelArbitrary, file, linesOf } from '../../support/coverage-data.js'

describe('renderCobertura', () => {
  it('re-parses to the same line, branch and function totals', () => {
    fc.assert(
      fc.property(consistentModelArbitrary, (model) => {
        const reparsed = parseCobertura(renderCobertura(model), { roots: [] })
        expect(reparsed.warnings).toEqual([])
        expect([...reparsed.files.keys()]).toEqual([...model.keys()].sort())
        const expected = summarizeCoverage(model)
        const actual = summarizeCoverage(reparsed.files)
        expect(actual.total).toEqual(expected.total)
        for (const [path, f] of model)
          expect(linesOf(reparsed, path)).toEqual([...f.lines].sort(byKey))
      }),
    )
  })

  it('escapes attributes, groups packages by directory and is deterministic', () => {
    const model = new Map([
      ['src/z.js', file({ 1: 1 })],
      ['src/a&b<"c\'>.js', file({ 2: 0 }, [], [['x<y>&"z"', 2, 0]])],
      ['top.js', file({ 1: 1 })],
    ])
    const xml = renderCobertura(model, {
      sources: ['/home/runner/work/r/r'],
      timestampMs: 1700000000000,
    })
    expect(xml).toContain('filename="src/a&amp;b&lt;&quot;c&apos;&gt;.js"')
    expect(xml).toContain('<method name="x&lt;y&gt;&amp;&quot;z&quot;"')
    expect(xml).toContain('<source>/home/runner/work/r/r</source>')
    expect(xml).toContain('timestamp="1700000000000"')
    expect([...xml.matchAll(/<package name="([^"]*)"/g)].map((m) => m[1])).toEqual(['.', 'src'])
    expect(xml).toBe(
      renderCobertura(new Map([...model].reverse()), {
        sources: ['/home/runner/work/r/r'],
        timestampMs: 1700000000000,
      }),
    )
    const reparsed = parseCobertura(xml, { roots: ['/home/runner/work/r/r'] })
    expect([...reparsed.files.keys()]).toEqual(['src/a&b<"c\'>.js', 'src/z.js', 'top.js'])
  })

  it('replaces characters XML cannot carry', () => {
    const xml = renderCobertura(new Map([['a\u0001b\ud800.js', file({ 1: 1 })]]))
    expect(xml).toContain('filename="a\ufffdb\ufffd.js"')
  })
})
