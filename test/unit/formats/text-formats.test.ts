import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  TimingsFormatError,
  parseCypressSplit,
  parseFlatMap,
  parseFlatMapText,
  parseGoTestJson,
  parseJestJson,
  parseParallelTestsLog,
  parseStoreJson,
} from '../../../src/core/formats/text-formats.js'
import { plainRun, readFixture } from '../../support/timings.js'

function json(name: string): Record<string, unknown> {
  return JSON.parse(readFixture(`text/${name}`)) as Record<string, unknown>
}

describe('pytest-split and Knapsack flat maps (THREATS F3, F4)', () => {
  it('keeps good entries, makes 0 s entries untimed and counts every invalid value', () => {
    const parsed = parseFlatMap('poisoned.test_durations', json('poisoned.test_durations'), {})
    expect(parsed.format).toBe('pytest-split')
    expect(parsed.runs).toHaveLength(1)
    const run = parsed.runs[0]
    if (!run) throw new Error('no run')
    expect(run.source).toBe('poisoned.test_durations')
    expect(run.format).toBe('pytest-split')
    expect(plainRun(run)).toEqual({
      files: [],
      tests: [
        ['tests/test_a.py::test_good', 1.5],
        ['tests/test_b.py::test_good[x-1]', 2.25],
        ['tests/test_b.py::test_good[y 2]', 0.75],
      ],
      untimed: [
        'tests/test_a.py::test_nan_string',
        'tests/test_a.py::test_negative',
        'tests/test_a.py::test_null',
        'tests/test_a.py::test_string',
        'tests/test_a.py::test_zero',
        'tests/test_b.py::test_huge',
        'tests/test_b.py::test_nested',
      ],
    })
    expect(parsed.warnings).toEqual([
      'poisoned.test_durations: 1 entries of 0 s treated as unknown',
      'poisoned.test_durations: 6 entries ignored (duration not a number of seconds from 0 to 6 h)',
    ])
  })

  it('calls a map without "::" ids a Knapsack report and normalises its paths', () => {
    const parsed = parseFlatMap('knapsack.json', json('knapsack_rspec_report.json'), {})
    expect(parsed.format).toBe('knapsack')
    expect(parsed.warnings).toEqual([])
    expect(parsed.runs.map(plainRun)).toEqual([
      {
        files: [
          ['spec/features/login_spec.rb', 40],
          ['spec/models/post_spec.rb', 3.25],
          ['spec/models/user_spec.rb', 12.5],
        ],
        tests: [],
        untimed: [],
      },
    ])
  })

  it('keeps __proto__, constructor and prototype keys as plain ids without touching Object.prototype', () => {
    const data = json('proto-keys.json')
    expect(Object.keys(data)).toContain('__proto__')
    const parsed = parseFlatMap('proto.json', data, {})
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain('polluted')
    expect(typeof ({} as { hasOwnProperty: unknown }).hasOwnProperty).toBe('function')
    expect(parsed.runs.map(plainRun)).toEqual([
      {
        files: [
          ['constructor', 2],
          ['hasOwnProperty', 5],
          ['prototype', 3],
          ['spec/a_spec.rb', 4],
        ],
        tests: [],
        untimed: ['__proto__'],
      },
    ])
    expect(parsed.warnings).toEqual([
      'proto.json: 1 entries ignored (duration not a number of seconds from 0 to 6 h)',
    ])
  })

  it('adds up entries that normalise to one id', () => {
    const parsed = parseFlatMap(
      'dup.json',
      { './a_spec.rb': 1, a_spec: 5, 'a_spec.rb': 2, 'C:\\w\\a_spec.rb': 4 },
      { roots: ['C:\\w'] },
    )
    expect(parsed.runs[0]?.files.get('a_spec.rb')).toBe(7)
    expect(parsed.runs[0]?.files.get('a_spec')).toBe(5)
  })

  it('gives no run when no entry is usable', () => {
    const parsed = parseFlatMap('bad.json', { a: 'x' }, {})
    expect(parsed.runs).toEqual([
      expect.objectContaining({ files: new Map(), tests: new Map(), untimed: new Set(['a']) }),
    ])
    expect(parseFlatMap('empty.json', {}, {}).runs).toEqual([])
  })

  it('stores only finite durations from 0 to six hours, whatever the values (fast-check)', () => {
    const value = fc.oneof(
      fc.double(),
      fc.string(),
      fc.constant(null),
      fc.boolean(),
      fc.dictionary(fc.string(), fc.integer(), { maxKeys: 2 }),
      fc.array(fc.integer(), { maxLength: 2 }),
    )
    fc.assert(
      fc.property(fc.dictionary(fc.string({ minLength: 1 }), value, { maxKeys: 30 }), (data) => {
        const parsed = parseFlatMap('random.json', data, {})
        for (const run of parsed.runs) {
          for (const seconds of [...run.files.values(), ...run.tests.values()]) {
            expect(seconds).toBeGreaterThan(0)
            expect(seconds).toBeLessThanOrEqual(21600)
          }
        }
        expect(({} as Record<string, unknown>).polluted).toBeUndefined()
      }),
      { numRuns: 300 },
    )
  })
})

describe('flat maps read without JSON.parse', () => {
  // Keys that normalise, collide, need escapes, look like array indices or like a store.
  const key = fc.oneof(
    fc.constantFrom(
      'a',
      './a',
      'b/c.py',
      'b/c.py::t',
      'b\\c.py',
      '"q"',
      'é',
      '12',
      '007',
      '__proto__',
    ),
    fc.constantFrom('version', 'files', 'tests', 'x::y[1]', 'tab\there', 'line\nbreak'),
    fc.string({ maxLength: 5 }),
  )
  const value = fc.oneof(
    fc.constantFrom(0, -0, 1, 0.5, 1e-7, 2e5, 21600, 21601, -3),
    fc.double({ min: 0, max: 100, noNaN: true }),
  )
  const space = fc.constantFrom('', ' ', '\n  ', '\t', '\r\n')
  const text = fc
    .tuple(fc.array(fc.tuple(key, value, space, fc.boolean()), { maxLength: 12 }), space)
    .map(([entries, end]) => {
      const body = entries.map(([k, v, ws, escape]) => {
        const quoted = escape
          ? `"${Array.from({ length: k.length }, (_, at) => `\\u${k.charCodeAt(at).toString(16).padStart(4, '0')}`).join('')}"`
          : JSON.stringify(k)
        return `${ws}${quoted}${ws}:${ws}${JSON.stringify(v)}`
      })
      return `${end}{${body.join(',')}${end}}${end}`
    })

  it('gives what JSON.parse and parseFlatMap give, or leaves the file to them (fast-check)', () => {
    fc.assert(
      fc.property(text, (raw) => {
        const fast = parseFlatMapText('t.json', raw, { roots: ['/w'] })
        if (!fast) return
        const slow = parseFlatMap('t.json', JSON.parse(raw) as Record<string, unknown>, {
          roots: ['/w'],
        })
        expect(fast).toEqual(slow)
        const ids = (p: typeof fast) =>
          p.runs.map((r) => [[...r.files.keys()], [...r.tests.keys()], [...r.untimed]])
        expect(ids(fast)).toEqual(ids(slow))
      }),
      { numRuns: 3000 },
    )
  })

  it('reads each number as the same double JSON.parse gives (fast-check)', () => {
    const decimal = fc
      .tuple(fc.double({ min: 0, max: 21600, noNaN: true }), fc.integer({ min: 0, max: 18 }))
      .map(([x, digits]) => x.toFixed(digits))
    const written = fc.oneof(decimal, fc.double({ min: 0, max: 3e4, noNaN: true }).map(String))
    fc.assert(
      fc.property(written, fc.boolean(), (number, negative) => {
        const raw = `{"a.py": ${negative ? '-' : ''}${number}}`
        const want = (JSON.parse(raw) as Record<string, number>)['a.py']
        const got = parseFlatMapText('t.json', raw, {})
        const slow = parseFlatMap('t.json', JSON.parse(raw) as Record<string, unknown>, {})
        expect(got).toEqual(slow)
        // (Durations past the longest accepted are dropped by both.)
        if (slow.runs[0]?.files.has('a.py')) expect(got?.runs[0]?.files.get('a.py')).toBe(want)
      }),
      { numRuns: 20000 },
    )
  })

  it('reads an ordinary pytest-split file itself and leaves anything else to JSON.parse', () => {
    const file = '{\n  "t/a.py::x": 1.5,\n  "t/a.py::y": 0.25\n}\n'
    expect(parseFlatMapText('d', file, {})?.runs[0]?.tests).toEqual(
      new Map([
        ['t/a.py::x', 1.5],
        ['t/a.py::y', 0.25],
      ]),
    )
    for (const other of [
      '{"a": 1, "a": 2}', // a key twice: JSON keeps the last value
      '{"a": 1, "./a": 2}', // two spellings of one id, summed in JSON's order
      '{"2": 1, "1": 1}', // JSON orders index-like keys first
      '{"version": 1, "files": 2}', // a broken store
      '{"a": "1"}',
      '{"a": 1,}',
      '{"a": 1} x',
      '{"a\tb": 1}', // a raw tab inside a key
      '{"a\\x": 1}', // no such escape
      '{"a\\u12G4": 1}',
      '{"a": 01}',
      '{"a": 1.}',
      '{"a": .5}',
      '{"a": 1e}',
      '{"a": +1}',
      '{"a": 1\u00a0}', // white space JSON does not have
      '{}',
      '[1]',
    ]) {
      expect(parseFlatMapText('d', other, {})).toBeUndefined()
    }
  })
})

describe('Shardwise timings store (THREATS F2)', () => {
  it('reads version 1: per-file and per-test seconds; 0 s entries are known tests of unknown cost, invalid ones are counted', () => {
    const parsed = parseStoreJson('store.json', json('store-v1.json'), {})
    expect(parsed.format).toBe('shardwise')
    expect(parsed.runs.map(plainRun)).toEqual([
      {
        files: [['src/a.test.ts', 4]],
        tests: [['src/a.test.ts::adds', 1.5]],
        untimed: ['src/a.test.ts::subtracts', 'src/b.test.ts', 'src/c.test.ts'],
      },
    ])
    // The store keeps the outcome history of tests that ran in no measurable time: no warning
    // on every run for those.
    expect(parsed.warnings).toEqual([
      'store.json: 2 entries ignored (duration not a number of seconds from 0 to 6 h)',
    ])
  })

  it.each([999, 0, 2, '1', null, undefined])(
    'rejects version %j, naming the file and the version',
    (version) => {
      const data: Record<string, unknown> = { tool: 'shardwise', files: {} }
      if (version !== undefined) data.version = version
      expect(() => parseStoreJson('.shardwise/timings.json', data, {})).toThrow(TimingsFormatError)
      expect(() => parseStoreJson('.shardwise/timings.json', data, {})).toThrow(
        `.shardwise/timings.json: timings store version ${JSON.stringify(version)} is not supported (this Shardwise reads version 1)`,
      )
    },
  )

  it('rejects the fixture with version 999', () => {
    expect(() => parseStoreJson('store-v999.json', json('store-v999.json'), {})).toThrow(
      /version 999 is not supported/,
    )
  })

  it('rejects a "files" section that is not an object', () => {
    expect(() => parseStoreJson('s.json', { version: 1, files: [1, 2] }, {})).toThrow(
      's.json: "files" is not an object',
    )
    expect(() => parseStoreJson('s.json', { version: 1, tests: 'x' }, {})).toThrow(
      's.json: "tests" is not an object',
    )
  })
})

describe('cypress-split timings', () => {
  it('converts ms to s and makes a spec listed twice a second observation run', () => {
    const parsed = parseCypressSplit('timings.json', json('timings.json'), {})
    expect(parsed.format).toBe('cypress-split')
    expect(parsed.runs.map(plainRun)).toEqual([
      {
        files: [
          ['cypress/e2e/home.cy.ts', 3.5],
          ['cypress/e2e/login.cy.ts', 12],
        ],
        tests: [],
        untimed: ['cypress/e2e/zero.cy.ts'],
      },
      { files: [['cypress/e2e/login.cy.ts', 14]], tests: [], untimed: [] },
    ])
    expect(parsed.warnings).toEqual([
      'timings.json: 1 entries of 0 s treated as unknown',
      'timings.json: 2 entries of "durations" lack a string "spec" and a number "duration" (first at index 3)',
    ])
  })

  it('opens as many runs as the most repeated spec needs', () => {
    const durations = [1000, 2000, 3000].flatMap((ms) => [
      { spec: 'a.cy.ts', duration: ms },
      { spec: 'b.cy.ts', duration: ms / 2 },
    ])
    durations.push({ spec: 'a.cy.ts', duration: 4000 })
    const parsed = parseCypressSplit('t.json', { durations }, {})
    expect(parsed.runs.map((r) => Object.fromEntries(r.files))).toEqual([
      { 'a.cy.ts': 1, 'b.cy.ts': 0.5 },
      { 'a.cy.ts': 2, 'b.cy.ts': 1 },
      { 'a.cy.ts': 3, 'b.cy.ts': 1.5 },
      { 'a.cy.ts': 4 },
    ])
  })

  it('makes one spec listed 40,000 times 40,000 observations, the n-th entry in the n-th run', () => {
    const durations: { spec: string; duration: number }[] = []
    for (let i = 0; i < 40_000; i++) {
      durations.push({ spec: './cypress/e2e/one.cy.ts', duration: 1000 + i })
      if (i % 10_000 === 0) durations.push({ spec: 'cypress/e2e/two.cy.ts', duration: 500 })
    }
    const parsed = parseCypressSplit('t.json', { durations }, {})
    expect(parsed.runs).toHaveLength(40_000)
    expect(parsed.runs.map((r) => r.files.get('cypress/e2e/one.cy.ts'))).toEqual(
      durations.filter((d) => d.spec.endsWith('one.cy.ts')).map((d) => d.duration / 1000),
    )
    expect(parsed.runs.slice(0, 5).map((r) => r.files.get('cypress/e2e/two.cy.ts'))).toEqual([
      0.5,
      0.5,
      0.5,
      0.5,
      undefined,
    ])
  })

  it('rejects "durations" that is not an array', () => {
    expect(() => parseCypressSplit('t.json', { durations: {} }, {})).toThrow(
      't.json: "durations" is not an array',
    )
  })
})

describe('Jest --json results', () => {
  it('reads file run times and test durations; pending, todo and 0 ms tests are untimed', () => {
    const parsed = parseJestJson('jest.json', json('jest-results.json'), {})
    expect(parsed.format).toBe('jest-json')
    expect(parsed.runs.map(plainRun)).toEqual([
      {
        files: [
          ['src/a.test.ts', 2.4],
          ['src/b.test.ts', 0.5],
        ],
        tests: [
          ['src/a.test.ts::math::add::adds', 1.2],
          ['src/a.test.ts::math::fails', 0.8],
        ],
        untimed: ['src/a.test.ts::later', 'src/a.test.ts::todo', 'src/b.test.ts::quick'],
      },
    ])
    expect(parsed.warnings).toEqual([
      'jest.json: 1 entries of 0 s treated as unknown',
      'jest.json: 1 malformed test results ignored',
    ])
  })

  it('strips caller-given roots from result file names', () => {
    const parsed = parseJestJson(
      'jest.json',
      {
        testResults: [
          {
            name: '/ci/checkout/src/x.test.ts',
            perfStats: { runtime: 1500 },
            assertionResults: [],
          },
        ],
      },
      { roots: ['/ci/checkout'] },
    )
    expect(Object.fromEntries(parsed.runs[0]?.files ?? [])).toEqual({ 'src/x.test.ts': 1.5 })
  })

  it('rejects "testResults" that is not an array', () => {
    expect(() => parseJestJson('j.json', { testResults: 'no' }, {})).toThrow(
      'j.json: "testResults" is not an array',
    )
  })
})

describe('parallel_tests runtime log', () => {
  it('splits on the last colon, keeps good lines and reports the bad ones with a line number', () => {
    const parsed = parseParallelTestsLog(
      'runtime.log',
      readFixture('text/parallel_runtime_rspec.log'),
      {},
    )
    expect(parsed.format).toBe('parallel-tests')
    expect(parsed.runs.map(plainRun)).toEqual([
      {
        files: [
          ['C:/ci/spec/windows_spec.rb', 1.5],
          ['spec/features/login_spec.rb', 40.125],
          ['spec/models/post_spec.rb', 3.25],
          ['spec/models/user_spec.rb', 12.5],
        ],
        tests: [],
        untimed: ['spec/zero_spec.rb'],
      },
    ])
    expect(parsed.warnings).toEqual([
      'runtime.log: 1 entries of 0 s treated as unknown',
      'runtime.log: 5 lines are not "path:seconds" and were ignored (first: line 4)',
    ])
  })

  it('strips roots from Windows paths and reads CRLF line ends', () => {
    const parsed = parseParallelTestsLog(
      'runtime.log',
      'C:\\ci\\spec\\a_spec.rb:1.5\r\nspec/b_spec.rb:2\r\n',
      { roots: ['C:\\ci'] },
    )
    expect(Object.fromEntries(parsed.runs[0]?.files ?? [])).toEqual({
      'spec/a_spec.rb': 1.5,
      'spec/b_spec.rb': 2,
    })
    expect(parsed.warnings).toEqual([])
  })

  it('reads the scientific notation Ruby writes for small floats', () => {
    const parsed = parseParallelTestsLog(
      'runtime.log',
      'spec/a_spec.rb:1.2e-05\nspec/b_spec.rb:3.0\n',
      {},
    )
    expect(Object.fromEntries(parsed.runs[0]?.files ?? [])).toEqual({
      'spec/a_spec.rb': 0.000012,
      'spec/b_spec.rb': 3,
    })
  })

  it.each(['0x10', '0b11', '0o7', 'Infinity', '-1', '1e309', '25000', 'NaN', '12s'])(
    'rejects the value %j instead of coercing it',
    (value) => {
      const parsed = parseParallelTestsLog(
        'runtime.log',
        `spec/good_spec.rb:1\nspec/x_spec.rb:${value}\n`,
        {},
      )
      expect(Object.fromEntries(parsed.runs[0]?.files ?? [])).toEqual({ 'spec/good_spec.rb': 1 })
      expect(parsed.warnings).toEqual([
        'runtime.log: 1 lines are not "path:seconds" and were ignored (first: line 2)',
      ])
    },
  )

  it('rejects a file in which no line is "path:seconds", naming the first line', () => {
    expect(() => parseParallelTestsLog('notes.txt', '\nhello world\nfoo: bar\n', {})).toThrow(
      TimingsFormatError,
    )
    expect(() => parseParallelTestsLog('notes.txt', '\nhello world\nfoo: bar\n', {})).toThrow(
      'notes.txt: no line has the form "path:seconds" (line 2)',
    )
  })

  it('rejects ":5" — a line with no path', () => {
    expect(() => parseParallelTestsLog('x.log', ':5\n', {})).toThrow(/line 1/)
  })
})

describe('go test -json', () => {
  it('times packages and top-level tests, ignores subtests and build output, makes skips untimed', () => {
    const parsed = parseGoTestJson('go.json', readFixture('text/go-test.jsonl'))
    expect(parsed.format).toBe('go-test-json')
    expect(parsed.runs.map(plainRun)).toEqual([
      {
        files: [['example.com/app/calc', 2.5]],
        tests: [
          ['example.com/app/calc::TestAdd', 0.5],
          ['example.com/app/calc::TestDiv', 1.75],
        ],
        untimed: ['example.com/app/calc::TestSkipped', 'example.com/app/util'],
      },
    ])
    expect(parsed.warnings).toEqual([
      'go.json: 1 entries of 0 s treated as unknown',
      'go.json: 3 lines are not go test events and were ignored',
    ])
  })

  it('rejects output with no go test event', () => {
    expect(() =>
      parseGoTestJson('go.json', 'ok  \texample.com/a\t0.1s\n{"Action":"pass"}\n'),
    ).toThrow('go.json: no "go test -json" events found')
  })

  it('does not normalise Go import paths as file paths beyond the usual', () => {
    const parsed = parseGoTestJson(
      'go.json',
      '{"Action":"pass","Package":"github.com/o/r/internal/x","Elapsed":1.25}',
    )
    expect([...(parsed.runs[0]?.files.keys() ?? [])]).toEqual(['github.com/o/r/internal/x'])
  })
})
