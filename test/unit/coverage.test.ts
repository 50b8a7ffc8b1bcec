import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  CoberturaParser,
  CoverageMerger,
  CoverageFormatError,
  LcovParser,
  branchKey,
  checkThreshold,
  detectCoverageFormat,
  diffCoverage,
  formatPercent,
  locateCoveragePath,
  mergeCoverage,
  mergeCoverageModels,
  parseCobertura,
  parseCoverage,
  parseCoverageThreshold,
  parseGoCoverProfile,
  parseIstanbulJson,
  parseLcov,
  parseUnifiedDiff,
  renderCobertura,
  renderLcov,
  summarizeCoverage,
  type BranchCoverage,
  type CoverageModel,
  type FileCoverage,
  type FunctionCoverage,
} from '../../src/core/coverage.js'
import { UsageError } from '../../src/core/errors.js'

// ---------------------------------------------------------------------------------------------
// Helpers

function byKey<K extends string | number>(a: [K, unknown], b: [K, unknown]): number {
  return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0
}

/** A model as plain sorted data, so two models compare with `toEqual` whatever their map order. */
function plain(model: CoverageModel): unknown[] {
  return [...model].sort(byKey).map(([path, file]) => ({
    path,
    lines: [...file.lines].sort(byKey),
    branches: [...file.branches].sort(byKey),
    functions: [...file.functions].sort(byKey),
  }))
}

function file(
  lines: Record<number, number>,
  branches: readonly [number, string, string, number][] = [],
  functions: readonly [string, number, number][] = [],
): FileCoverage {
  return {
    lines: new Map(Object.entries(lines).map(([line, hits]) => [Number(line), hits])),
    branches: new Map(
      branches.map(([line, block, branch, taken]) => [
        branchKey(line, block, branch),
        { line, block, branch, taken },
      ]),
    ),
    functions: new Map(functions.map(([name, line, hits]) => [name, { line, hits }])),
  }
}

function linesOf(parsed: { readonly files: CoverageModel }, path: string): [number, number][] {
  const found = parsed.files.get(path)
  if (!found)
    throw new Error(`no coverage for ${path}; have ${[...parsed.files.keys()].join(', ')}`)
  return [...found.lines].sort(byKey)
}

function formatError(run: () => unknown): CoverageFormatError {
  try {
    run()
  } catch (error) {
    expect(error).toBeInstanceOf(CoverageFormatError)
    return error as CoverageFormatError
  }
  throw new Error('expected a CoverageFormatError, but the report parsed')
}

// ---------------------------------------------------------------------------------------------
// Arbitraries

/** Names that break plain-object maps (THREATS E5). */
const FILE_NAMES = [
  'src/a.js',
  'src/b c.ts',
  'lib/__proto__.js',
  'constructor.js',
  '__proto__',
  'hasOwnProperty',
  'toString',
  'café/ünï.py',
]
const FUNCTION_NAMES = ['main', 'constructor', '__proto__', '(anonymous_0)', 'valueOf', 'a b']

const countArbitrary = fc.oneof(
  { weight: 10, arbitrary: fc.nat({ max: 1000 }) },
  // Near the saturation point, where float addition would stop being associative.
  { weight: 1, arbitrary: fc.constantFrom(Number.MAX_SAFE_INTEGER - 1, Number.MAX_SAFE_INTEGER) },
)
const lineArbitrary = fc.integer({ min: 1, max: 40 })

const fileArbitrary = fc
  .record({
    lines: fc.array(fc.tuple(lineArbitrary, countArbitrary), { maxLength: 12 }),
    branches: fc.array(
      fc.tuple(
        lineArbitrary,
        fc.constantFrom('0', '1', 'e2'),
        fc.constantFrom('0', '1', '2'),
        countArbitrary,
      ),
      { maxLength: 6 },
    ),
    functions: fc.array(
      fc.tuple(fc.constantFrom(...FUNCTION_NAMES), lineArbitrary, countArbitrary),
      {
        maxLength: 4,
      },
    ),
  })
  .map(({ lines, branches, functions }): FileCoverage => ({
    lines: new Map(lines),
    branches: new Map(
      branches.map(([line, block, branch, taken]): [string, BranchCoverage] => [
        branchKey(line, block, branch),
        { line, block, branch, taken },
      ]),
    ),
    functions: new Map(
      functions.map(([name, line, hits]): [string, FunctionCoverage] => [name, { line, hits }]),
    ),
  }))

const modelArbitrary: fc.Arbitrary<CoverageModel> = fc
  .uniqueArray(fc.tuple(fc.constantFrom(...FILE_NAMES), fileArbitrary), {
    selector: ([path]) => path,
    maxLength: 5,
  })
  .map((entries) => new Map(entries))

/** Models whose branch outcomes sit on instrumented lines, as every real report's do. */
const consistentModelArbitrary = modelArbitrary.map(
  (model): CoverageModel =>
    new Map(
      [...model].map(([path, f]): [string, FileCoverage] => {
        const lines = new Map(f.lines)
        for (const outcome of f.branches.values()) {
          if (!lines.has(outcome.line)) lines.set(outcome.line, outcome.taken > 0 ? 1 : 0)
        }
        return [path, { ...f, lines }]
      }),
    ),
)

// ---------------------------------------------------------------------------------------------

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

describe('path normalisation (THREATS E1, E2)', () => {
  it('merges one file from three runner workspaces into one record with summed hits', () => {
    const linux = parseLcov(
      'TN:\nSF:/home/runner/work/r/r/src/app.js\nDA:1,1\nDA:2,0\nFN:1,main\nFNDA:1,main\nend_of_record\n',
      { roots: ['/home/runner/work/r/r'], source: 'shard-1/lcov.info' },
    )
    const mac = parseIstanbulJson(
      JSON.stringify({
        '/Users/runner/work/r/r/src/app.js': {
          path: '/Users/runner/work/r/r/src/app.js',
          statementMap: {
            '0': { start: { line: 1, column: 0 } },
            '1': { start: { line: 2, column: 0 } },
          },
          s: { '0': 2, '1': 3 },
          fnMap: { '0': { name: 'main', decl: { start: { line: 1, column: 9 } } } },
          f: { '0': 2 },
          branchMap: {},
          b: {},
        },
      }),
      { roots: ['/Users/runner/work/r/r'], source: 'shard-2/coverage-final.json' },
    )
    const windows = parseCobertura(
      [
        '<?xml version="1.0"?>',
        '<coverage><sources><source>D:\\a\\r\\r</source></sources><packages><package name="src"><classes>',
        '<class name="app.js" filename="src\\app.js"><methods/><lines>',
        '<line number="1" hits="4"/><line number="3" hits="0"/>',
        '</lines></class></classes></package></packages></coverage>',
      ].join('\r\n'),
      // Drive-letter case differs between the workspace and the report.
      { roots: ['d:\\a\\r\\r'], source: 'shard-3/coverage.xml' },
    )
    for (const shard of [linux, mac, windows]) {
      expect([...shard.files.keys()]).toEqual(['src/app.js'])
      expect(shard.warnings).toEqual([])
    }
    const merged = mergeCoverageModels([linux.files, mac.files, windows.files])
    expect([...merged.files.keys()]).toEqual(['src/app.js'])
    expect(linesOf(merged, 'src/app.js')).toEqual([
      [1, 7],
      [2, 3],
      [3, 0],
    ])
    expect(merged.files.get('src/app.js')!.functions.get('main')).toEqual({ line: 1, hits: 3 })
  })

  it('strips a workspace that is no known runner root only when the shard names it', () => {
    const report = 'SF:/srv/agent/_work/7/s/pkg/mod.py\nDA:1,1\nend_of_record\n'
    expect([...parseLcov(report, { roots: ['/srv/agent/_work/7/s'] }).files.keys()]).toEqual([
      'pkg/mod.py',
    ])
    const without = parseLcov(report, { roots: [] })
    expect(without.files.size).toBe(0)
    expect(without.outside).toEqual(['/srv/agent/_work/7/s/pkg/mod.py'])
  })

  it('prefers the longest root when one root contains another', () => {
    expect(locateCoveragePath('/w/repo/src/a.js', ['/w', '/w/repo'])).toEqual({
      kind: 'repo',
      path: 'src/a.js',
    })
  })

  it('applies NFC to macOS NFD names and keeps case', () => {
    const parsed = parseLcov(
      'SF:/Users/runner/work/r/r/Src/cafe\u0301.js\nDA:1,1\nend_of_record\n',
      {
        roots: [],
      },
    )
    expect([...parsed.files.keys()]).toEqual(['Src/caf\u00e9.js'])
  })

  it('reads file URLs', () => {
    expect(locateCoveragePath('file:///home/me/repo/src/a%20b.js', ['/home/me/repo'])).toEqual({
      kind: 'repo',
      path: 'src/a b.js',
    })
    expect(locateCoveragePath('file:///D:/a/r/r/src/x.ts', [])).toEqual({
      kind: 'repo',
      path: 'src/x.ts',
    })
  })

  it('excludes paths outside the repository from totals and counts them in a warning', () => {
    const lcov = parseLcov(
      [
        'SF:/etc/passwd',
        'DA:1,1',
        'end_of_record',
        'SF:../../x.js',
        'DA:1,1',
        'end_of_record',
        'SF:src/../../y.js',
        'DA:1,1',
        'end_of_record',
        'SF:C:\\Windows\\system.ini',
        'DA:1,1',
        'end_of_record',
        'SF:src/ok.js',
        'DA:1,0',
        'end_of_record',
      ].join('\n'),
      { roots: ['/home/runner/work/r/r'], source: 'lcov.info' },
    )
    expect([...lcov.files.keys()]).toEqual(['src/ok.js'])
    expect(lcov.outside).toEqual(['../../x.js', '../y.js', '/etc/passwd', 'C:/Windows/system.ini'])
    expect(summarizeCoverage(lcov.files).total.lines).toEqual({ found: 1, hit: 0 })
    expect(lcov.warnings).toEqual([
      expect.stringMatching(/^lcov\.info: 4 file\(s\) outside the repository are excluded/),
    ])

    const cobertura = parseCobertura(
      '<coverage><packages><package><classes><class filename="../../x"><lines><line number="1" hits="1"/></lines></class></classes></package></packages></coverage>',
      { roots: [] },
    )
    expect(cobertura.files.size).toBe(0)
    expect(cobertura.outside).toEqual(['../../x'])

    const istanbul = parseIstanbulJson(
      JSON.stringify({
        '/opt/other-project/app.js': {
          statementMap: { '0': { start: { line: 1 } } },
          s: { '0': 1 },
        },
      }),
      { roots: ['/home/runner/work/r/r'] },
    )
    expect(istanbul.files.size).toBe(0)
    expect(istanbul.outside).toEqual(['/opt/other-project/app.js'])
  })

  it('skips a path with a line break, which no lcov or XML output could carry', () => {
    const parsed = parseIstanbulJson(
      JSON.stringify({
        'a\nSF:/etc/passwd': { statementMap: { '0': { start: { line: 1 } } }, s: { '0': 1 } },
      }),
      { roots: [], source: 'c.json' },
    )
    expect(parsed.files.size).toBe(0)
    expect(parsed.warnings[0]).toMatch(/path is unusable/)
  })
})

describe('prototype-named files and functions (THREATS E5)', () => {
  it('keeps lib/__proto__.js, constructor.js and friends, and leaves Object.prototype untouched', () => {
    const prototypeBefore = Object.getOwnPropertyNames(Object.prototype).sort()
    const lcov = parseLcov(
      [
        'SF:lib/__proto__.js',
        'FN:1,__proto__',
        'FNDA:2,__proto__',
        'FN:2,constructor',
        'FNDA:0,constructor',
        'DA:1,2',
        'end_of_record',
        'SF:constructor.js',
        'DA:1,1',
        'end_of_record',
        'SF:hasOwnProperty',
        'DA:1,1',
        'end_of_record',
      ].join('\n'),
      { roots: [] },
    )
    const istanbul = parseIstanbulJson(
      `{"__proto__": {"path": "__proto__", "polluted": "yes", "statementMap": {"__proto__": {"start": {"line": 3}}, "constructor": {"start": {"line": 4}}}, "s": {"__proto__": 5, "constructor": 0}, "fnMap": {"__proto__": {"name": "constructor", "decl": {"start": {"line": 3}}}}, "f": {"__proto__": 1}, "branchMap": {"constructor": {"loc": {"start": {"line": 4}}}}, "b": {"constructor": [1, 0]}},
        "lib/__proto__.js": {"statementMap": {"0": {"start": {"line": 1}}}, "s": {"0": 3}}}`,
      { roots: [] },
    )
    expect(istanbul.warnings).toEqual([])
    const merged = mergeCoverage(lcov.files, istanbul.files)
    expect([...merged.keys()].sort()).toEqual([
      '__proto__',
      'constructor.js',
      'hasOwnProperty',
      'lib/__proto__.js',
    ])
    expect(linesOf({ files: merged }, 'lib/__proto__.js')).toEqual([[1, 5]])
    expect(linesOf({ files: merged }, '__proto__')).toEqual([
      [3, 5],
      [4, 0],
    ])
    expect(merged.get('lib/__proto__.js')!.functions.get('__proto__')).toEqual({ line: 1, hits: 2 })
    expect(merged.get('__proto__')!.functions.get('constructor')).toEqual({ line: 3, hits: 1 })
    const lcovText = renderLcov(merged)
    expect(lcovText).toContain('SF:lib/__proto__.js\n')
    expect(lcovText).toContain('SF:constructor.js\n')
    expect(renderCobertura(merged)).toContain('filename="__proto__"')
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeBefore)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})

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

describe('parseCobertura', () => {
  let server: Server
  let base = ''
  const requests: string[] = []

  beforeAll(async () => {
    server = createServer((request, response) => {
      requests.push(request.url ?? '')
      response.end('<!ENTITY leaked "canary-secret">')
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })

  afterAll(async () => {
    await new Promise<void>((resolve, reject) =>
      server.close((error) => {
        if (error) reject(error)
        else resolve()
      }),
    )
  })

  /** Proves the canary answers, so "no request" means the parser made none. */
  async function requestsBesidesSentinel(): Promise<string[]> {
    const reply = await fetch(`${base}/sentinel`)
    expect(await reply.text()).toContain('canary-secret')
    return requests.filter((path) => path !== '/sentinel')
  }

  const BODY =
    '<coverage line-rate="0.5"><sources><source>/home/runner/work/r/r/</source></sources><packages><package name="src"><classes>' +
    '<class name="a.py" filename="src/a.py"><methods><method name="run" signature="()V" hits="2"><lines><line number="3" hits="2"/></lines></method></methods>' +
    '<lines><line number="3" hits="2" branch="true" condition-coverage="50% (1/2)"><conditions><condition number="0" type="jump" coverage="50%"/></conditions></line>' +
    '<line number="4" hits="0"/></lines></class>' +
    '</classes></package></packages></coverage>'

  it('reads classes, lines, condition coverage and methods, relative to the <source> in the workspace', () => {
    const parsed = parseCobertura(`<?xml version="1.0" ?>\n${BODY}`, { roots: [] })
    expect(parsed.warnings).toEqual([])
    expect(plain(parsed.files)).toEqual(
      plain(
        new Map([
          [
            'src/a.py',
            file(
              { 3: 2, 4: 0 },
              [
                [3, '0', '0', 1],
                [3, '0', '1', 0],
              ],
              [['run', 3, 2]],
            ),
          ],
        ]),
      ),
    )
  })

  it('resolves file names against a <source> that is a subdirectory of the workspace', () => {
    const parsed = parseCobertura(
      '<coverage><sources><source>/ws/project/src</source></sources><packages><package><classes><class filename="pkg/m.py"><lines><line number="1" hits="1"/></lines></class></classes></package></packages></coverage>',
      { roots: ['/ws/project'] },
    )
    expect([...parsed.files.keys()]).toEqual(['src/pkg/m.py'])
  })

  it('takes file names as repo-relative, with a warning, when no <source> is inside the workspace', () => {
    const parsed = parseCobertura(
      '<coverage><sources><source>/somewhere/else</source></sources><packages><package><classes><class filename="m.py"><lines><line number="1" hits="1"/></lines></class></classes></package></packages></coverage>',
      { roots: ['/ws'], source: 'cov.xml' },
    )
    expect([...parsed.files.keys()]).toEqual(['m.py'])
    expect(parsed.warnings[0]).toMatch(/^cov\.xml: no <source> is inside the workspace/)
  })

  it('keeps the larger count when several classes of one report describe the same file', () => {
    const parsed = parseCobertura(
      '<coverage><packages><package><classes>' +
        '<class filename="A.java"><lines><line number="1" hits="3"/><line number="2" hits="0"/></lines></class>' +
        '<class filename="A.java"><lines><line number="2" hits="1"/><line number="9" hits="0"/></lines></class>' +
        '</classes></package></packages></coverage>',
      { roots: [] },
    )
    expect(linesOf(parsed, 'A.java')).toEqual([
      [1, 3],
      [2, 1],
      [9, 0],
    ])
  })

  it('rejects an internal DTD subset (XXE) without fetching anything (THREATS D1 via E4)', async () => {
    const xml = `<?xml version="1.0"?>\n<!DOCTYPE coverage [<!ENTITY xxe SYSTEM "${base}/xxe">]>\n<coverage><packages><package><classes><class filename="&xxe;"/></classes></package></packages></coverage>`
    const error = formatError(() =>
      parseCobertura(xml, { roots: [], source: 'shard-2/coverage.xml' }),
    )
    expect(error.message).toMatch(/^shard-2\/coverage\.xml: a DOCTYPE with an internal subset/)
    expect(error.message).not.toContain('canary-secret')
    expect(await requestsBesidesSentinel()).toEqual([])
  })

  it('rejects billion laughs at once', () => {
    const entities = ['<!ENTITY lol0 "lol">']
    for (let i = 1; i < 10; i++) entities.push(`<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`)
    const xml = `<?xml version="1.0"?><!DOCTYPE coverage [${entities.join('')}]><coverage>&lol9;</coverage>`
    formatError(() => parseCobertura(xml, { roots: [] }))
  })

  it('rejects a stray <!ENTITY> declaration', () => {
    formatError(() => parseCobertura('<!ENTITY x "y"><coverage/>', { roots: [] }))
  })

  it('accepts the external-only DOCTYPE that istanbul writes, and never fetches it', async () => {
    const xml = `<?xml version="1.0" ?>\n<!DOCTYPE coverage SYSTEM "${base}/coverage-04.dtd">\n${BODY}`
    const parsed = parseCobertura(xml, { roots: [] })
    expect([...parsed.files.keys()]).toEqual(['src/a.py'])
    expect(await requestsBesidesSentinel()).toEqual([])
  })

  it('never expands entities other than the predefined ones and character references', () => {
    const parsed = parseCobertura(
      '<coverage><packages><package><classes><class filename="a&amp;b&#x2F;c&#46;py&unknown;"><lines><line number="1" hits="1"/></lines></class></classes></package></packages></coverage>',
      { roots: [] },
    )
    expect([...parsed.files.keys()]).toEqual(['a&b/c.py&unknown;'])
  })

  it('keeps the complete classes of a truncated report, with a warning', () => {
    const cut = BODY.replace(
      '</classes>',
      '<class filename="src/b.py"><lines><line number="1" hits="1"/></lines></class></classes>',
    )
    const truncated = cut.slice(0, cut.indexOf('<class filename="src/b.py">') + 40)
    const parsed = parseCobertura(truncated, { roots: [], source: 'c.xml' })
    expect([...parsed.files.keys()]).toEqual(['src/a.py'])
    expect(parsed.warnings).toEqual([
      'c.xml: the document ends before </coverage> (truncated?); kept the 1 complete class(es)',
    ])
  })

  it('stops at mismatched tags and keeps what came before', () => {
    const broken = BODY.replace(
      '</classes>',
      '<class filename="src/b.py"><lines></class></classes>',
    )
    const parsed = parseCobertura(broken, { roots: [], source: 'c.xml' })
    expect([...parsed.files.keys()]).toEqual(['src/a.py'])
    expect(parsed.warnings[0]).toMatch(
      /^c\.xml: malformed XML at character \d+ \(<\/class> closes <lines>\); kept the 1 complete/,
    )
  })

  it('skips <line> elements with bad numbers and says how many', () => {
    const parsed = parseCobertura(
      '<coverage><packages><package><classes><class filename="a.py"><lines><line number="x" hits="1"/><line number="2" hits="-4"/><line number="3" hits="1"/></lines></class></classes></package></packages></coverage>',
      { roots: [], source: 'c.xml' },
    )
    expect(linesOf(parsed, 'a.py')).toEqual([[3, 1]])
    expect(parsed.warnings).toEqual([
      'c.xml: 2 <line> element(s) without a valid number or a whole hits count ≥ 0 were skipped',
    ])
  })

  it('rejects documents that are not Cobertura', () => {
    expect(
      formatError(() =>
        parseCobertura('<testsuites><testsuite/></testsuites>', { roots: [], source: 'j.xml' }),
      ).message,
    ).toMatch(/root element is <testsuites>/)
    formatError(() => parseCobertura('', { roots: [] }))
    formatError(() => parseCobertura('<html><body>502 Bad Gateway</body></html>', { roots: [] }))
  })

  it('parses the same whatever the chunk boundaries', () => {
    const text = `<?xml version="1.0" ?>\n<!DOCTYPE coverage SYSTEM "x.dtd">\n<!-- c -->${BODY.replace('<packages>', '<packages><![CDATA[ <junk> ]]>')}`
    const whole = parseCobertura(text, { roots: [] })
    fc.assert(
      fc.property(fc.array(fc.nat({ max: text.length }), { maxLength: 10 }), (cuts) => {
        const parser = new CoberturaParser({ roots: [] })
        let at = 0
        for (const cut of [...cuts].sort((a, b) => a - b)) {
          parser.write(text.slice(at, cut))
          at = cut
        }
        parser.write(text.slice(at))
        const parsed = parser.end()
        expect(parsed.warnings).toEqual([])
        expect(plain(parsed.files)).toEqual(plain(whole.files))
      }),
    )
  })
})

describe('parseGoCoverProfile', () => {
  const profile = [
    'mode: count',
    'example.com/m/calc/calc.go:3.24,4.11 1 1',
    'example.com/m/calc/calc.go:4.11,6.3 1 1',
    'example.com/m/calc/calc.go:7.2,7.10 1 0',
    'example.com/m/calc/calc.go:7.2,7.10 1 2',
    'example.com/m/calc/calc.go:9.1,9.1 0 0',
    'example.com/other/x.go:1.1,2.2 1 1',
    '_/home/runner/work/r/r/legacy/old.go:1.1,1.5 1 0',
    'not a block',
    'example.com/m/calc/calc.go:8.1,7.1 1 1',
    '',
  ].join('\n')

  it('maps blocks to lines, strips the module prefix and sums a repeated block', () => {
    const parsed = parseGoCoverProfile(profile, {
      roots: ['/home/runner/work/r/r'],
      goModule: 'example.com/m',
      source: 'cover.out',
    })
    expect([...parsed.files.keys()]).toEqual([
      'calc/calc.go',
      'example.com/other/x.go',
      'legacy/old.go',
    ])
    expect(linesOf(parsed, 'calc/calc.go')).toEqual([
      [3, 1],
      [4, 1],
      [5, 1],
      [6, 1],
      [7, 2],
    ])
    expect(parsed.warnings).toEqual([
      'cover.out:9: 2 line(s) are not "file:line.col,line.col statements count" blocks; skipped',
    ])
  })

  it('keeps import paths without a module', () => {
    const parsed = parseGoCoverProfile(profile, { roots: [] })
    expect([...parsed.files.keys()]).toContain('example.com/m/calc/calc.go')
  })

  it('OR-s a repeated block in set mode', () => {
    const parsed = parseGoCoverProfile('mode: set\nm/a.go:1.1,1.9 1 1\nm/a.go:1.1,1.9 1 1\n', {
      roots: [],
      goModule: 'm',
    })
    expect(linesOf(parsed, 'a.go')).toEqual([[1, 1]])
  })

  it('rejects a profile without a mode line', () => {
    expect(
      formatError(() => parseGoCoverProfile('a.go:1.1,1.2 1 1\n', { roots: [], source: 'p' }))
        .message,
    ).toBe('p:1: a Go cover profile starts with "mode: set|count|atomic"')
    formatError(() => parseGoCoverProfile('', { roots: [] }))
  })
})

describe('detectCoverageFormat', () => {
  it.each([
    ['TN:\nSF:a.js\n', 'lcov'],
    ['\uFEFFSF:a.js\r\nDA:1,1\r\n', 'lcov'],
    ['mode: atomic\nm/a.go:1.1,1.2 1 1', 'go'],
    ['{"/x/a.js": {"path": "/x/a.js", "statementMap": {', 'istanbul'],
    ['{}', 'istanbul'],
    [
      '<?xml version="1.0" ?>\n<!DOCTYPE coverage SYSTEM "http://cobertura.sourceforge.net/xml/coverage-04.dtd">\n<coverage lines-valid="1">',
      'cobertura',
    ],
    ['<?xml version="1.0"?><!-- Based on coverage-04.dtd --><coverage version="7.4">', 'cobertura'],
    ['<!DOCTYPE coverage [<!ENTITY a "', 'cobertura'],
    ['<coverage generated="1" clover="4.4.1"><project>', undefined],
    ['<testsuites><testsuite name="a">', undefined],
    ['{"version": 1, "files": {}}', undefined],
    ['{"numTotalTests": 3, "testResults": []}', undefined],
    ['{"numFailedTestSuites":0,"coverageMap":{"/r/a.js":{"statementMap":{}}}}', undefined],
    ['tests/test_a.py::test_x 0.5', undefined],
    ['', undefined],
  ])('%j → %s', (head, expected) => {
    expect(detectCoverageFormat(head)).toBe(expected)
  })

  it('parseCoverage dispatches on content and refuses unknown content', () => {
    expect(parseCoverage('SF:a.js\nDA:1,1\nend_of_record\n', { roots: [] }).format).toBe('lcov')
    expect(
      formatError(() => parseCoverage('hello', { roots: [], source: 'x.txt' })).message,
    ).toMatch(/^x\.txt: not a coverage report of a known format/)
    expect(formatError(() => parseCoverage(' \n', { roots: [], source: 'x.txt' })).message).toBe(
      'x.txt: the file is empty',
    )
  })
})

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

describe('summaries and the threshold', () => {
  const model = new Map([
    [
      'a.js',
      file(
        { 1: 1, 2: 0, 3: 5 },
        [
          [1, '0', '0', 1],
          [1, '0', '1', 0],
        ],
        [
          ['f', 1, 1],
          ['g', 2, 0],
        ],
      ),
    ],
    ['b.js', file({ 1: 0 })],
    ['empty.js', file({})],
  ])

  it('summarises per file and in total', () => {
    const { files, total } = summarizeCoverage(model)
    expect(files.get('a.js')).toEqual({
      lines: { found: 3, hit: 2 },
      branches: { found: 2, hit: 1 },
      functions: { found: 2, hit: 1 },
      percent: (2 * 100) / 3,
    })
    expect(files.get('empty.js')!.percent).toBeUndefined()
    expect(total).toEqual({
      lines: { found: 4, hit: 2 },
      branches: { found: 2, hit: 1 },
      functions: { found: 2, hit: 1 },
      percent: 50,
    })
  })

  it('fails just below the threshold without rounding up, and passes exactly at it', () => {
    const below = { ...summarizeCoverage(model).total, lines: { found: 10000, hit: 7999 } }
    const verdict = checkThreshold(below, 80)
    expect(verdict.kind).toBe('failed')
    expect(verdict.message).toBe(
      'Line coverage 79.99% (7999 of 10000 lines) is below the threshold of 80%.',
    )
    expect(checkThreshold({ ...below, lines: { found: 5, hit: 4 } }, 80).kind).toBe('passed')
    expect(checkThreshold({ ...below, lines: { found: 3, hit: 1 } }, 33.34).kind).toBe('failed')
    expect(formatPercent(79.9999)).toBe('79.99%')
  })

  it('reports no data as its own verdict rather than a pass', () => {
    const verdict = checkThreshold(summarizeCoverage(new Map()).total, 0)
    expect(verdict.kind).toBe('no-data')
  })

  it('parses --coverage-threshold strictly', () => {
    expect(parseCoverageThreshold('80')).toBe(80)
    expect(parseCoverageThreshold('72.5%')).toBe(72.5)
    for (const bad of ['abc', '-1', '101', '', '1e2', '0x10', 'NaN']) {
      expect(() => parseCoverageThreshold(bad)).toThrow(UsageError)
    }
    expect(() => parseCoverageThreshold('abc')).toThrow(
      '`--coverage-threshold` must be a number from 0 to 100; got `abc`.',
    )
  })
})

describe('parseUnifiedDiff and diffCoverage', () => {
  const diff = [
    'diff --git a/src/a.js b/src/a.js',
    'index 1111111..2222222 100644',
    '--- a/src/a.js',
    '+++ b/src/a.js',
    '@@ -2,0 +3,2 @@ function a() {',
    '+  one()',
    '+++counter',
    '@@ -10 +12 @@',
    '-old',
    '+new',
    '\\ No newline at end of file',
    'diff --git a/old name.js b/new name.js',
    'similarity index 90%',
    'rename from old name.js',
    'rename to new name.js',
    '--- a/old name.js\t',
    '+++ b/new name.js\t',
    '@@ -1 +1 @@',
    '-x',
    '+y',
    'diff --git a/gone.js b/gone.js',
    'deleted file mode 100644',
    '--- a/gone.js',
    '+++ /dev/null',
    '@@ -1,2 +0,0 @@',
    '-a',
    '-b',
    'diff --git "a/caf\\303\\251 \\"q\\".js" "b/caf\\303\\251 \\"q\\".js"',
    'new file mode 100644',
    '--- /dev/null',
    '+++ "b/caf\\303\\251 \\"q\\".js"',
    '@@ -0,0 +1,3 @@',
    '+a',
    '+b',
    '+c',
    'diff --git a/pure-rename.js b/renamed.js',
    'similarity index 100%',
    'rename from pure-rename.js',
    'rename to renamed.js',
    '',
  ].join('\n')

  it('finds the added lines per new path, through renames, deletions and quoted names', () => {
    const changed = parseUnifiedDiff(diff)
    expect([...changed].map(([path, lines]) => [path, [...lines].sort((a, b) => a - b)])).toEqual([
      ['src/a.js', [3, 4, 12]],
      ['new name.js', [1]],
      ['café "q".js', [1, 2, 3]],
    ])
  })

  it('follows context lines when the diff has context', () => {
    const changed = parseUnifiedDiff(
      ['--- a/x.js', '+++ b/x.js', '@@ -1,4 +1,5 @@', ' a', '-b', '+B', '+C', ' ', ' d', ''].join(
        '\n',
      ),
    )
    expect([...changed.get('x.js')!]).toEqual([2, 3])
  })

  it('counts the instrumented changed lines and how many ran', () => {
    const model = new Map([
      ['src/a.js', file({ 3: 1, 4: 0, 12: 2, 20: 0 })],
      ['café "q".js', file({ 2: 0 })],
    ])
    const result = diffCoverage(model, parseUnifiedDiff(diff))
    expect(result).toEqual({
      files: [
        { file: 'café "q".js', changedLines: 3, instrumented: 1, hit: 0, missedLines: [2] },
        { file: 'src/a.js', changedLines: 3, instrumented: 3, hit: 2, missedLines: [4] },
      ],
      total: { changedLines: 7, instrumented: 4, hit: 2, percent: 50 },
    })
    expect(diffCoverage(model, new Map()).total.percent).toBeUndefined()
  })
})
