import { describe, expect, it } from 'vitest'
import { detectSyntax, parseTimingsText } from '../../../src/core/formats/detect.js'
import { JunitError } from '../../../src/core/formats/junit.js'
import { TimingsFormatError } from '../../../src/core/formats/text-formats.js'
import type { FormatName } from '../../../src/core/types.js'
import { makePlan } from '../../support/results.js'
import { onlyRun, plainRun, readFixture } from '../../support/timings.js'

function formatError(run: () => unknown): string {
  try {
    run()
  } catch (error) {
    expect(error).toBeInstanceOf(TimingsFormatError)
    return (error as TimingsFormatError).message
  }
  throw new Error('expected a TimingsFormatError')
}

describe('detectSyntax', () => {
  it.each([
    ['<testsuites/>', 'xml'],
    ['\uFEFF  \n<?xml?>', 'xml'],
    ['{"a":1}', 'json'],
    ['\n\t[1]', 'json'],
    ['\uFEFF{', 'json'],
    ['spec/a_spec.rb:1', 'lines'],
    ['# example.com/x', 'lines'],
    ['', 'lines'],
  ])('%j is %s', (head, syntax) => {
    expect(detectSyntax(head)).toBe(syntax)
  })
})

describe('parseTimingsText: the format comes from the content, never the name', () => {
  it.each<[string, FormatName]>([
    ['junit/jest-junit.xml', 'junit'],
    ['junit/surefire.xml', 'junit'],
    ['text/poisoned.test_durations', 'pytest-split'],
    ['text/knapsack_rspec_report.json', 'knapsack'],
    ['text/proto-keys.json', 'knapsack'],
    ['text/store-v1.json', 'shardwise'],
    ['text/timings.json', 'cypress-split'],
    ['text/jest-results.json', 'jest-json'],
    ['text/go-test.jsonl', 'go-test-json'],
    ['text/parallel_runtime_rspec.log', 'parallel-tests'],
  ])('%s is %s', (name, format) => {
    const parsed = parseTimingsText('renamed.txt', readFixture(name))
    expect(parsed.format).toBe(format)
    expect(parsed.runs.length).toBeGreaterThan(0)
    for (const run of parsed.runs) {
      expect(run.format).toBe(format)
      expect(run.source).toBe('renamed.txt')
    }
  })

  it('reads a store without "tool" by its version and sections', () => {
    const parsed = parseTimingsText('s.json', '{"version":1,"tests":{"a.py::t":{"seconds":2}}}')
    expect(parsed.format).toBe('shardwise')
    expect(parsed.runs[0]?.tests.get('a.py::t')).toBe(2)
  })

  it('rejects a store of an unknown version instead of reading it as something else', () => {
    expect(
      formatError(() =>
        parseTimingsText('.shardwise/timings.json', readFixture('text/store-v999.json')),
      ),
    ).toBe(
      '.shardwise/timings.json: timings store version 999 is not supported (this Shardwise reads version 1)',
    )
    expect(
      formatError(() => parseTimingsText('t.json', '{"version":999,"files":{"a":{"seconds":1}}}')),
    ).toMatch(/version 999/)
  })

  it('reads a flat map whose values are mostly numbers, counting the nested objects among them', () => {
    const parsed = parseTimingsText('d.test_durations', readFixture('text/poisoned.test_durations'))
    expect(parsed.format).toBe('pytest-split')
    expect(parsed.runs[0]?.tests.size).toBe(3)
    expect(parsed.runs[0]?.untimed.has('tests/test_b.py::test_nested')).toBe(true)
    expect(parsed.warnings).toContain(
      'd.test_durations: 6 entries ignored (duration not a number of seconds from 0 to 6 h)',
    )
  })

  it('leaves Object.prototype alone when a flat map has a __proto__ key', () => {
    const parsed = parseTimingsText(
      'p.json',
      '{"__proto__":{"polluted":"yes"},"a_spec.rb":1,"constructor":2}',
    )
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(plainRun(onlyRun(parsed))).toEqual({
      files: [
        ['a_spec.rb', 1],
        ['constructor', 2],
      ],
      tests: [],
      untimed: ['__proto__'],
    })
  })

  it('keeps reading a flat map of only strings and nulls as a flat map with nothing usable', () => {
    const parsed = parseTimingsText('s.json', '{"a.rb":"1.5","b.rb":null}')
    expect(parsed.format).toBe('knapsack')
    expect(parsed.runs[0]?.files.size).toBe(0)
    expect(parsed.warnings).toEqual([
      's.json: 2 entries ignored (duration not a number of seconds from 0 to 6 h)',
    ])
  })

  it('recognises a Shardwise plan given as timings and says what it is', () => {
    const full = JSON.stringify(makePlan([['a.test.js', 'b.test.js'], ['c.test.js']]))
    const minimal = '{"version":1,"shards":[{"index":1,"items":["a.test.js"]}]}'
    for (const text of [full, minimal]) {
      expect(formatError(() => parseTimingsText('plan.json', text))).toBe(
        'plan.json: a Shardwise plan (what `shardwise plan` writes), not timings; give --timings the timings store (.shardwise/timings.json) or the test reports',
      )
    }
  })

  it('reads {} as a Knapsack report with no timings', () => {
    expect(parseTimingsText('k.json', '{}')).toEqual({
      format: 'knapsack',
      runs: [],
      warnings: ['k.json: no timings in the file'],
    })
  })

  it('rejects a JSON object of no known format, listing the supported ones', () => {
    for (const text of [
      '{"name":"pkg","scripts":{"test":"jest"}}',
      '{"a":[1,2],"b":{"c":1}}',
      '{"a":{"x":1},"b":{"y":2},"c":3}',
    ]) {
      expect(formatError(() => parseTimingsText('package.json', text))).toMatch(
        /^package\.json: a JSON object of no known timings format \(Shardwise timings, JUnit XML, pytest-split/,
      )
    }
  })

  it('rejects a JSON array and a bare JSON value', () => {
    expect(formatError(() => parseTimingsText('a.json', '[1,2]'))).toBe(
      'a.json: expected a JSON object, got an array',
    )
  })

  it.each([
    ['truncated', '{"files":{"a":1'],
    ['trailing comma', '{"a.py::t": 1,}'],
    ['two objects', '{"a":1}\n{"b":2}'],
  ])('rejects %s JSON, naming the file', (_, text) => {
    expect(formatError(() => parseTimingsText('cache/timings.json', text))).toMatch(
      /^cache\/timings\.json: not valid JSON \(/,
    )
  })

  it.each(['', '   \n\t', '\uFEFF', '\uFEFF\n'])('rejects the empty file %j', (text) => {
    expect(formatError(() => parseTimingsText('e.json', text))).toBe('e.json: the file is empty')
  })

  it('strips a UTF-8 BOM before JSON', () => {
    const parsed = parseTimingsText('bom.json', '\uFEFF{"spec/a_spec.rb": 2}')
    expect(parsed.runs[0]?.files.get('spec/a_spec.rb')).toBe(2)
  })

  it('reads go test -json whether it starts with an event, build output or is one event', () => {
    const events = [
      '{"Action":"pass","Package":"example.com/a","Test":"TestX","Elapsed":1}',
      '{"Action":"pass","Package":"example.com/a","Elapsed":2}',
    ]
    const buildFirst = [
      '# example.com/b',
      'b/b.go:1:1: expected package',
      ...events,
      'FAIL\texample.com/b [build failed]',
    ].join('\n')
    for (const text of [events.join('\n'), buildFirst, `${events.join('\r\n')}\r\n`]) {
      const parsed = parseTimingsText('go.json', text)
      expect(parsed.format).toBe('go-test-json')
      expect(Object.fromEntries(parsed.runs[0]?.tests ?? [])).toEqual({ 'example.com/a::TestX': 1 })
      expect(Object.fromEntries(parsed.runs[0]?.files ?? [])).toEqual({ 'example.com/a': 2 })
    }
    expect(parseTimingsText('one.json', events[1] ?? '').format).toBe('go-test-json')
  })

  it('passes JUnit errors through as JunitError', () => {
    expect(() => parseTimingsText('x.xml', readFixture('junit/billion-laughs.xml'))).toThrow(
      JunitError,
    )
  })

  it('gives no run for a JUnit report with no test cases', () => {
    expect(parseTimingsText('e.xml', '<testsuites/>')).toEqual({
      format: 'junit',
      runs: [],
      warnings: [],
    })
  })

  it('rejects binary garbage as a log with no "path:seconds" line', () => {
    const garbage = String.fromCharCode(
      0x89,
      0x50,
      0x4e,
      0x47,
      0x0d,
      0x0a,
      0x1a,
      0x0a,
      0x00,
      0xff,
      0xfe,
      0x01,
      0x3a,
      0x7f,
    )
    expect(formatError(() => parseTimingsText('image.log', garbage))).toMatch(
      /^image\.log: no line has the form "path:seconds"/,
    )
  })

  it('applies the roots to every format', () => {
    const roots = { roots: ['/ci/w'] }
    expect([
      ...(parseTimingsText('a', '{"/ci/w/t/a.py::x": 1}', roots).runs[0]?.tests.keys() ?? []),
    ]).toEqual(['t/a.py::x'])
    expect([
      ...(parseTimingsText('b', '/ci/w/spec/a_spec.rb:1', roots).runs[0]?.files.keys() ?? []),
    ]).toEqual(['spec/a_spec.rb'])
    expect([
      ...(parseTimingsText(
        'c',
        '<testsuite name="/ci/w/a.test.ts" time="1"/>',
        roots,
      ).runs[0]?.files.keys() ?? []),
    ]).toEqual(['a.test.ts'])
    expect([
      ...(parseTimingsText(
        'd',
        '{"durations":[{"spec":"/ci/w/e2e/a.cy.ts","duration":1000}]}',
        roots,
      ).runs[0]?.files.keys() ?? []),
    ]).toEqual(['e2e/a.cy.ts'])
  })
})
