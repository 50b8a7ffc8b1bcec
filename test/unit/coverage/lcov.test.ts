import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { LcovParser } from '../../../src/core/coverage/lcov.js'
import { renderLcov } from '../../../src/core/coverage/render.js'
import { parseLcov } from '../../support/coverage.js'
import { file, linesOf, modelArbitrary, plain } from '../../support/coverage-data.js'

describe('parseLcov', () => {
  it('reads SF/DA/BRDA/FN/FNDA records, with `-` as not taken', () => {
    const parsed = parseLcov(
      [
        'TN:',
        'SF:src/a.js',
        'FN:1,main',
        'FN:5,9,helper', // lcov 2: start, end, name
        'FNDA:3,main',
        'FNDA:0,helper',
        'FNF:2',
        'FNH:1',
        'BRDA:2,0,0,3',
        'BRDA:2,0,1,-',
        'BRF:2',
        'BRH:1',
        'DA:1,3',
        'DA:2,3',
        'DA:6,0,abcdef', // a checksum
        'LF:3',
        'LH:2',
        'end_of_record',
      ].join('\n'),
      { roots: [] },
    )
    expect(parsed.warnings).toEqual([])
    expect(plain(parsed.files)).toEqual(
      plain(
        new Map([
          [
            'src/a.js',
            file(
              { 1: 3, 2: 3, 6: 0 },
              [
                [2, '0', '0', 3],
                [2, '0', '1', 0],
              ],
              [
                ['main', 1, 3],
                ['helper', 5, 0],
              ],
            ),
          ],
        ]),
      ),
    )
  })

  it('keeps the good records of a malformed report and names each bad line (THREATS E4)', () => {
    const parsed = parseLcov(
      [
        'TN:',
        'SF:src/a.js',
        'DA:1,1',
        'DA:x,2',
        'DA:3,-1',
        'DA:4,abc',
        'BRDA:1,0,0,-1',
        'FNDA:1,ghost',
        'garbage',
        'end_of_record',
        'SF:src/b.js',
        'DA:1,5',
        '',
      ].join('\r\n'), // CRLF throughout, and no end_of_record for b.js
      { roots: [], source: 'shard-1/lcov.info' },
    )
    expect(linesOf(parsed, 'src/a.js')).toEqual([[1, 1]])
    expect(linesOf(parsed, 'src/b.js')).toEqual([[1, 5]])
    expect(parsed.files.get('src/a.js')!.branches.size).toBe(0)
    expect(parsed.warnings).toEqual([
      'shard-1/lcov.info:4: DA line number "x" is not valid; skipped',
      'shard-1/lcov.info:5: DA count "-1" is negative; skipped',
      'shard-1/lcov.info:6: DA count "abc" is not a whole number; skipped',
      'shard-1/lcov.info:7: BRDA taken "-1" is negative; skipped',
      'shard-1/lcov.info:9: "garbage" is not an lcov line; ignored',
      'shard-1/lcov.info:2: FNDA for 1 function(s) with no FN line ("ghost"); skipped',
      'shard-1/lcov.info:11: the record for "src/b.js" has no end_of_record (truncated?); kept what it holds',
    ])
  })

  it('gives an empty result with a warning for an empty report', () => {
    const parsed = parseLcov('', { roots: [], source: 'empty.info' })
    expect(parsed.files.size).toBe(0)
    expect(parsed.warnings).toEqual(['empty.info: the lcov report is empty'])
  })

  it('sums a file repeated within one report, as lcov does', () => {
    const parsed = parseLcov(
      'SF:a.js\nDA:1,1\nend_of_record\nSF:./a.js\nDA:1,2\nDA:2,0\nend_of_record\n',
      {
        roots: [],
      },
    )
    expect(linesOf(parsed, 'a.js')).toEqual([
      [1, 3],
      [2, 0],
    ])
  })

  it('caps the number of warnings from one report', () => {
    const bad = Array.from({ length: 500 }, () => 'DA:1,x').join('\n')
    const parsed = parseLcov(`SF:a.js\n${bad}\nend_of_record\n`, { roots: [], source: 'big.info' })
    expect(parsed.warnings).toHaveLength(51)
    expect(parsed.warnings.at(-1)).toBe('big.info: 450 more problems like the above')
  })

  it('parses the same whatever the chunk boundaries', () => {
    const text =
      'TN:\r\nSF:src/a.js\r\nFN:1,main\r\nFNDA:2,main\r\nBRDA:1,0,0,1\r\nDA:1,2\r\nDA:2,0\r\nend_of_record\r\nSF:b.js\r\nDA:3,1\r\nend_of_record\r\n'
    const whole = parseLcov(text, { roots: [] })
    fc.assert(
      fc.property(fc.array(fc.nat({ max: text.length }), { maxLength: 8 }), (cuts) => {
        const parser = new LcovParser({ roots: [] })
        let at = 0
        for (const cut of [...cuts].sort((a, b) => a - b)) {
          parser.write(text.slice(at, cut))
          at = cut
        }
        parser.write(text.slice(at))
        expect(plain(parser.end().files)).toEqual(plain(whole.files))
      }),
    )
  })

  it('round-trips lcov → model → lcov exactly for canonical text', () => {
    const canonical = [
      'TN:',
      'SF:lib/x.js',
      'FN:1,main',
      'FN:4,(anonymous_1)',
      'FNDA:2,main',
      'FNDA:0,(anonymous_1)',
      'FNF:2',
      'FNH:1',
      'BRDA:2,0,0,2',
      'BRDA:2,0,1,0',
      'BRF:2',
      'BRH:1',
      'DA:1,2',
      'DA:2,2',
      'DA:4,0',
      'LF:3',
      'LH:2',
      'end_of_record',
      'TN:',
      'SF:src/a b.ts',
      'FNF:0',
      'FNH:0',
      'BRF:0',
      'BRH:0',
      'DA:9,1',
      'LF:1',
      'LH:1',
      'end_of_record',
      '',
    ].join('\n')
    expect(renderLcov(parseLcov(canonical, { roots: [] }).files)).toBe(canonical)
  })

  it('round-trips any model through lcov', () => {
    fc.assert(
      fc.property(modelArbitrary, (model) => {
        const text = renderLcov(model)
        const parsed = parseLcov(text, { roots: [] })
        expect(parsed.warnings.filter((w) => !w.includes('empty'))).toEqual([])
        expect(plain(parsed.files)).toEqual(plain(model))
        expect(renderLcov(parsed.files)).toBe(text)
      }),
    )
  })
})
