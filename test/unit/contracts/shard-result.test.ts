import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DecodeError } from '../../../src/core/contracts/schema.js'
import {
  decodeShardResult,
  encodeShardResult,
  type ShardResult,
} from '../../../src/core/contracts/shard-result.js'
import { makePlan, makeResult, type TestSpec } from '../../support/results.js'

const RECORDED = join(import.meta.dirname, '../../fixtures/recorded')
const plan = makePlan([['a.test.js', 'b.test.js']])
const genuine = makeResult(plan, 'digest', 1, {
  'a.test.js::x': {},
  'b.test.js::y': { verdict: 'failed' },
})

/** `genuine` as JSON, with `change` applied to a copy. */
function mutated(change: (r: Record<string, unknown>) => void): unknown {
  const data = JSON.parse(JSON.stringify(genuine)) as Record<string, unknown>
  change(data)
  return data
}

function failure(data: unknown): string {
  try {
    decodeShardResult(data)
  } catch (error) {
    if (error instanceof DecodeError) return error.message
    throw error
  }
  throw new Error('decoded without an error')
}

const PREFIX = 'not a valid Shardwise shard result: '

describe('the shard result contract', () => {
  it('decodes what `run` writes, unchanged', () => {
    expect(decodeShardResult(JSON.parse(encodeShardResult(genuine)))).toEqual(genuine)
  })

  it('reads results a real run wrote before expected failures were counted (no xfailed, xpassed)', () => {
    const data = JSON.parse(readFileSync(join(RECORDED, 'jest-ts', 'shard-1.json'), 'utf8')) as {
      counts: Record<string, number>
    }
    expect(data.counts).not.toHaveProperty('xfailed')
    const result = decodeShardResult(data)
    expect(result.counts).toStrictEqual({ ...data.counts, xfailed: 0, xpassed: 0 })
    expect(Object.keys(result.tests)).toHaveLength(15)
  })

  it('reads a result of an older version without per-file timing, and a null reason as none', () => {
    const result = decodeShardResult(
      mutated((r) => {
        delete r.timing
        r.reason = null
      }),
    )
    expect(result).not.toHaveProperty('timing')
    expect(result.reason).toBeUndefined()
  })

  it('accepts every verdict and status, expected failures and passes included', () => {
    const result = decodeShardResult(
      mutated((r) => {
        r.tests = {
          'a.test.js::x': {
            file: 'a.test.js',
            verdict: 'xfailed',
            attempts: [{ status: 'xfailed' }],
          },
          'a.test.js::y': {
            file: 'a.test.js',
            verdict: 'xpassed',
            attempts: [{ status: 'xpassed', seconds: 1 }],
          },
          'a.test.js::z': {
            file: 'a.test.js',
            verdict: 'flaky',
            attempts: [{ status: 'failed' }, { status: 'passed' }],
          },
          'a.test.js::s': {
            file: 'a.test.js',
            verdict: 'skipped',
            attempts: [{ status: 'skipped' }],
            cases: 3,
          },
        }
      }),
    )
    expect(Object.values(result.tests).map((t) => t.verdict)).toEqual([
      'xfailed',
      'xpassed',
      'flaky',
      'skipped',
    ])
    expect(result.tests['a.test.js::x']?.attempts).toStrictEqual([
      { status: 'xfailed', seconds: undefined },
    ])
    expect(result.tests['a.test.js::s']?.cases).toBe(3)
  })

  it('F3/E5: keeps tests named __proto__, constructor and prototype as tests, polluting nothing', () => {
    const text = JSON.stringify(genuine).replace(
      '"tests":{',
      '"tests":{"__proto__":{"file":"__proto__","verdict":"passed","attempts":[{"status":"passed"}],"polluted":"yes"},"constructor":{"file":"constructor","verdict":"passed","attempts":[{"status":"passed"}]},',
    )
    const result = decodeShardResult(JSON.parse(text))
    expect(Object.keys(result.tests)).toContain('__proto__')
    expect(Object.keys(result.tests)).toContain('constructor')
    expect(Object.hasOwn(result.tests, '__proto__')).toBe(true)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(
      failure(
        JSON.parse(JSON.stringify(genuine).replace('"tests":{', '"tests":{"__proto__":"x",')),
      ),
    ).toBe(`${PREFIX}\`tests.__proto__\` must be an object; got \`"x"\``)
  })

  it('B1: refuses artifact files that are not files of the artifact', () => {
    for (const name of [
      '../../../../etc/passwd',
      '/etc/passwd',
      'coverage/../../x',
      'coverage/001-a/b',
      'coverage\\001-a',
      'coverage/1-lcov.info',
      'junit/001-ok.xml',
    ]) {
      expect(failure(mutated((r) => (r.artifacts = { junit: [], coverage: [name] })))).toBe(
        `${PREFIX}\`artifacts.coverage[0]\` must be a file of the artifact, \`coverage/NNN-name\`; got \`${JSON.stringify(name)}\``,
      )
    }
    const named = decodeShardResult(
      mutated(
        (r) =>
          (r.artifacts = { junit: ['junit/001-report.xml'], coverage: ['coverage/002-lcov.info'] }),
      ),
    )
    expect(named.artifacts).toStrictEqual({
      junit: ['junit/001-report.xml'],
      coverage: ['coverage/002-lcov.info'],
    })
  })

  const cases: [string, (r: Record<string, unknown>) => void, string][] = [
    ['another tool', (r) => (r.tool = 'jest'), '`tool` must be `"shardwise"`; got `"jest"`'],
    ['another kind', (r) => (r.kind = 'plan'), '`kind` must be `"shard-result"`; got `"plan"`'],
    [
      'a newer version',
      (r) => (r.version = 2),
      '`version` must be `1` (this Shardwise reads shard results of version 1); got `2`',
    ],
    [
      'a shard index that is not whole',
      (r) => (r.shard = { index: 1.5, count: 2 }),
      '`shard.index` must be a whole number; got `1.5`',
    ],
    ['attempt 0', (r) => (r.attempt = 0), '`attempt` must be a whole number ≥ 1; got `0`'],
    ['items that are not ids', (r) => (r.items = [1]), '`items[0]` must be text; got `1`'],
    [
      'no missing list',
      (r) => delete r.missing,
      '`missing` must be a list of test ids; got nothing',
    ],
    [
      'an unknown verdict',
      (r) =>
        (r.tests = {
          'a.test.js::x': { file: 'a.test.js', verdict: 'great', attempts: [{ status: 'passed' }] },
        }),
      '`tests["a.test.js::x"].verdict` must be one of `passed`, `failed`, `flaky`, `skipped`, `xfailed`, `xpassed`; got `"great"`',
    ],
    [
      'a record without attempts (a claim with no evidence)',
      (r) => (r.tests = { 'a.test.js::x': { file: 'a.test.js', verdict: 'passed', attempts: [] } }),
      '`tests["a.test.js::x"].attempts` must be a list of at least one attempt; got an empty list',
    ],
    [
      'an unknown attempt status',
      (r) =>
        (r.tests = {
          'a.test.js::x': { file: 'a.test.js', verdict: 'passed', attempts: [{ status: 'ok' }] },
        }),
      '`tests["a.test.js::x"].attempts[0].status` must be one of `passed`, `failed`, `skipped`, `xfailed`, `xpassed`; got `"ok"`',
    ],
    [
      'negative attempt seconds',
      (r) =>
        (r.tests = {
          'a.test.js::x': {
            file: 'a.test.js',
            verdict: 'passed',
            attempts: [{ status: 'passed', seconds: -1 }],
          },
        }),
      '`tests["a.test.js::x"].attempts[0].seconds` must be a number ≥ 0; got `-1`',
    ],
    [
      'no cases',
      (r) =>
        (r.tests = {
          'a.test.js::x': {
            file: 'a.test.js',
            verdict: 'passed',
            attempts: [{ status: 'passed' }],
            cases: 0,
          },
        }),
      '`tests["a.test.js::x"].cases` must be a whole number from 1 to 100000; got `0`',
    ],
    [
      'too many cases',
      (r) =>
        (r.tests = {
          'a.test.js::x': {
            file: 'a.test.js',
            verdict: 'passed',
            attempts: [{ status: 'passed' }],
            cases: 100_001,
          },
        }),
      '`tests["a.test.js::x"].cases` must be a whole number from 1 to 100000; got `100001`',
    ],
    [
      'a message that is not text',
      (r) =>
        (r.tests = {
          'a.test.js::x': {
            file: 'a.test.js',
            verdict: 'failed',
            attempts: [{ status: 'failed' }],
            message: {},
          },
        }),
      '`tests["a.test.js::x"].message` must be text; got an object',
    ],
    [
      'an unknown status',
      (r) => (r.status = 'great'),
      '`status` must be one of `passed`, `failed`, `empty`, `incomplete`, `error`; got `"great"`',
    ],
    [
      'completeness that is not a boolean',
      (r) => (r.complete = 'yes'),
      '`complete` must be true or false; got `"yes"`',
    ],
    [
      'a fractional exit code',
      (r) => (r.exitCode = 1.5),
      '`exitCode` must be a whole number or null; got `1.5`',
    ],
    [
      'negative wall time',
      (r) => (r.wallSeconds = -3),
      '`wallSeconds` must be a number ≥ 0; got `-3`',
    ],
    [
      'a file timed at more than six hours',
      (r) => (r.timing = { laterAttemptsSeconds: 0, files: { 'a.test.js': { seconds: 21_601 } } }),
      '`timing.files["a.test.js"].seconds` must be a number of seconds from 0 to 21600 (six hours); got `21601`',
    ],
    [
      'a file started before its attempt',
      (r) =>
        (r.timing = { laterAttemptsSeconds: 0, files: { 'a.test.js': { seconds: 1, start: -1 } } }),
      '`timing.files["a.test.js"].start` must be a number of seconds from 0 to 21600 (six hours); got `-1`',
    ],
    [
      'later attempts longer than a job',
      (r) => (r.timing = { laterAttemptsSeconds: 1e9, files: {} }),
      '`timing.laterAttemptsSeconds` must be a number of seconds from 0 to 21600 (six hours); got `1000000000`',
    ],
    [
      'timing files that are a list',
      (r) => (r.timing = { laterAttemptsSeconds: 0, files: [] }),
      '`timing.files` must be an object; got an empty list',
    ],
    [
      'a file failure without its message',
      (r) => (r.fileFailures = [{ file: 'x' }]),
      '`fileFailures[0].message` must be text; got nothing',
    ],
    ['no counts', (r) => delete r.counts, '`counts` must be an object; got nothing'],
    [
      'a negative count',
      (r) => (r.counts = { passed: 1, failed: -1, flaky: 0, skipped: 0 }),
      '`counts.failed` must be a whole number ≥ 0; got `-1`',
    ],
    ['no artifacts', (r) => delete r.artifacts, '`artifacts` must be an object; got nothing'],
    [
      'a command that is not a list',
      (r) => (r.command = 'npx jest'),
      '`command` must be a list; got `"npx jest"`',
    ],
  ]
  for (const [what, change, message] of cases) {
    it(`refuses ${what}, naming the field and what it must be`, () => {
      expect(failure(mutated(change))).toBe(`${PREFIX}${message}`)
    })
  }

  it('refuses what is not a JSON object', () => {
    expect(failure([])).toBe(
      `${PREFIX}it must be a Shardwise shard result (an object); got an empty list`,
    )
    expect(failure('shard')).toBe(
      `${PREFIX}it must be a Shardwise shard result (an object); got \`"shard"\``,
    )
  })

  it('gives back the same result and the same bytes after encode and decode (property)', () => {
    const spec: fc.Arbitrary<TestSpec> = fc.record(
      {
        verdict: fc.constantFrom('passed', 'failed', 'flaky', 'skipped', 'xfailed', 'xpassed'),
        seconds: fc.double({ min: 0, max: 3600, noNaN: true }),
        message: fc.string({ maxLength: 20 }),
      },
      { requiredKeys: [] },
    )
    const tests = fc.dictionary(fc.stringMatching(/^[a-z_]{1,8}\.test\.js::[^\n]{1,12}$/), spec, {
      maxKeys: 8,
    })
    const overrides = fc.record(
      {
        attempt: fc.integer({ min: 1, max: 9 }),
        exitCode: fc.option(fc.integer({ min: 0, max: 255 })),
        signal: fc.option(fc.constantFrom('SIGKILL', 'SIGTERM')),
        complete: fc.boolean(),
        reason: fc.string({ maxLength: 20 }),
        status: fc.constantFrom('passed', 'failed', 'empty', 'incomplete', 'error'),
      },
      { requiredKeys: [] },
    )
    fc.assert(
      fc.property(tests, overrides, (records, override) => {
        const result: ShardResult = makeResult(plan, 'digest', 1, records, override)
        const text = encodeShardResult(result)
        const again = decodeShardResult(JSON.parse(text))
        expect(again).toEqual(result)
        expect(encodeShardResult(again)).toBe(text)
      }),
    )
  })
})
