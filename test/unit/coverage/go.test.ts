import { describe, expect, it } from 'vitest'
import { parseGoCoverProfile } from '../../support/coverage.js'
import { formatError, linesOf } from '../../support/coverage-data.js'

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
