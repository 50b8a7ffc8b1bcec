import { describe, expect, it } from 'vitest'
import { mergeCoverageModels } from '../../../src/core/coverage/merge.js'
import { locateCoveragePath } from '../../../src/core/coverage/paths.js'
import { renderCobertura, renderLcov } from '../../../src/core/coverage/render.js'
import { summarizeCoverage } from '../../../src/core/coverage/summary.js'
import { mergeCoverage, parseCobertura, parseIstanbulJson, parseLcov } from '../../support/coverage.js'
import { linesOf } from '../../support/coverage-data.js'

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
