import { describe, expect, it } from 'vitest'
import { parseIstanbulJson } from '../../support/coverage.js'
import { file, formatError, linesOf, plain } from '../../support/coverage-data.js'

describe('parseIstanbulJson', () => {
  const entry = {
    path: '/home/runner/work/r/r/src/math.js',
    statementMap: {
      '0': { start: { line: 2, column: 2 }, end: { line: 4, column: 3 } },
      '1': { start: { line: 3, column: 4 }, end: { line: 3, column: 16 } },
      '2': { start: { line: 3, column: 20 }, end: { line: 3, column: 30 } },
      '3': { start: { line: 5, column: 2 }, end: { line: 5, column: 10 } },
    },
    s: { '0': 4, '1': 1, '2': 3, '3': 0 },
    fnMap: {
      '0': {
        name: 'add',
        decl: { start: { line: 1, column: 9 } },
        loc: { start: { line: 1 } },
        line: 1,
      },
      '1': { name: 'add', loc: { start: { line: 7, column: 0 } }, line: 7 },
      '2': { name: '', line: 9 },
    },
    f: { '0': 4, '1': 0, '2': 1 },
    branchMap: {
      '0': {
        loc: { start: { line: 2, column: 2 } },
        type: 'if',
        locations: [{ start: { line: 2 } }, { start: {} }],
        line: 2,
      },
    },
    b: { '0': [1, 3] },
  }

  it('derives lines from statement start lines with the largest count per line, like istanbul', () => {
    const parsed = parseIstanbulJson(JSON.stringify({ [entry.path]: entry }), {
      roots: ['/home/runner/work/r/r'],
    })
    expect(parsed.warnings).toEqual([])
    expect(plain(parsed.files)).toEqual(
      plain(
        new Map([
          [
            'src/math.js',
            file(
              { 2: 4, 3: 3, 5: 0 },
              [
                [2, '0', '0', 1],
                [2, '0', '1', 3],
              ],
              [
                ['add', 1, 4],
                ['add (line 7)', 7, 0],
                ['(anonymous_2)', 9, 1],
              ],
            ),
          ],
        ]),
      ),
    )
  })

  it('reads the older {data: …} wrapping', () => {
    const parsed = parseIstanbulJson(
      JSON.stringify({ 'src/math.js': { data: { ...entry, path: 'src/math.js' } } }),
      {
        roots: [],
      },
    )
    expect(linesOf(parsed, 'src/math.js')).toEqual([
      [2, 4],
      [3, 3],
      [5, 0],
    ])
  })

  it('skips malformed entries with a warning and keeps the rest (THREATS E4)', () => {
    const parsed = parseIstanbulJson(
      JSON.stringify({
        'good.js': entry,
        'no-maps.js': { path: 'no-maps.js', s: { '0': 1 } },
        'not-object.js': 42,
        'bad-counts.js': {
          statementMap: { '0': { start: { line: 1 } }, '1': { start: { line: 2 } }, '2': {} },
          s: { '0': -1, '1': 2, '2': 1, '3': 1 },
          fnMap: {},
          f: { '0': 1 },
          branchMap: {},
          b: { '0': 'x' },
        },
      }),
      { roots: ['/home/runner/work/r/r'], source: 'coverage-final.json' },
    )
    expect([...parsed.files.keys()]).toEqual(['bad-counts.js', 'src/math.js'])
    expect(linesOf(parsed, 'bad-counts.js')).toEqual([[2, 2]])
    expect(parsed.warnings).toEqual([
      'coverage-final.json: "no-maps.js": no statementMap and s objects (not Istanbul file coverage); skipped',
      'coverage-final.json: "not-object.js": expected an object, got 42; skipped',
      'coverage-final.json: "bad-counts.js": 5 statement, function or branch entries are malformed (missing location or a count that is not a whole number ≥ 0); skipped',
    ])
  })

  it('rejects text that is not a JSON object', () => {
    expect(
      formatError(() => parseIstanbulJson('{"a": ', { roots: [], source: 'c.json' })).message,
    ).toMatch(/^c\.json: not valid JSON/)
    expect(
      formatError(() => parseIstanbulJson('[1, 2]', { roots: [], source: 'c.json' })).message,
    ).toBe('c.json: expected an Istanbul coverage object keyed by file, got an array')
  })

  it('accepts an empty coverage-final.json', () => {
    expect(parseIstanbulJson('{}', { roots: [] }).files.size).toBe(0)
  })
})
