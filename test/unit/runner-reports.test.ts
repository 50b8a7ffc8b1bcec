import fc from 'fast-check'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { playwrightFileFilter } from '../../src/adapters/runners/playwright.js'
import { parseMochaOutcomes } from '../../src/core/outcomes/mocha.js'
import { parseNodeTestOutcomes } from '../../src/core/outcomes/node-test.js'
import { parsePlaywrightOutcomes } from '../../src/core/outcomes/playwright.js'

/**
 * How Playwright 1.65 turns a positional argument into a file filter (lib/common/index.js:
 * `parseLocationArg`, then `forceRegExp`, tested against each test file's absolute path).
 */
function playwrightMatcher(argument: string): (path: string) => boolean {
  const location = /^(.*?):(\d+):?(\d+)?$/.exec(argument)
  const file = location ? (location[1] ?? '') : argument
  const literal = /^\/(.*)\/([gi]*)$/.exec(file)
  const re = literal ? new RegExp(literal[1] ?? '', literal[2]) : new RegExp(file, 'gi')
  return (path) => {
    re.lastIndex = 0
    return re.test(path)
  }
}

const nameCharacter = fc.constantFrom(
  ...'aAzZ09 .-_+*?()[]{}|^$\\\'"`;&!~%#@:,=\n\tüß日本😀'.split(''),
  '\u2028',
)
const fileName = fc
  .array(nameCharacter, { minLength: 1, maxLength: 24 })
  .map((chars) => chars.join(''))
  .filter((name) => name !== '.' && name !== '..')

describe('playwrightFileFilter', () => {
  const cwd = '/work/repo'

  it('selects exactly its own file, whatever the name', () => {
    fc.assert(
      fc.property(fileName, fileName, (name, other) => {
        const file = `tests/${name}.spec.ts`
        const matches = playwrightMatcher(playwrightFileFilter(cwd, file))
        expect(matches(resolve(cwd, file))).toBe(true)
        if (other !== name) expect(matches(resolve(cwd, `tests/${other}.spec.ts`))).toBe(false)
        expect(matches(resolve(cwd, `tests/x${name}.spec.ts`))).toBe(false)
        expect(matches(resolve(cwd, `tests/${name}.spec.ts.bak`))).toBe(false)
        expect(matches(`/elsewhere${resolve(cwd, file)}`)).toBe(false)
      }),
    )
  })

  it('tells apart names that differ only in case', () => {
    const matches = playwrightMatcher(playwrightFileFilter(cwd, 'tests/Case.spec.ts'))
    expect(matches('/work/repo/tests/Case.spec.ts')).toBe(true)
    expect(matches('/work/repo/tests/case.spec.ts')).toBe(false)
  })
})

describe('parsePlaywrightOutcomes', () => {
  const test = (status: string, results: string[], expectedStatus = 'passed') => ({
    status,
    expectedStatus,
    projectName: '',
    results: results.map((s) => ({ status: s, duration: 10, error: { message: `${s}!` } })),
  })
  const report = {
    config: { rootDir: '/work/repo/tests' },
    suites: [
      {
        title: 'sub/a.spec.ts',
        file: 'sub/a.spec.ts',
        specs: [
          { title: 'plain', file: 'sub/a.spec.ts', tests: [test('expected', ['passed'])] },
          { title: 'broken', file: 'sub/a.spec.ts', tests: [test('unexpected', ['failed'])] },
        ],
        suites: [
          {
            title: 'group',
            file: 'sub/a.spec.ts',
            specs: [
              {
                title: 'marked to fail',
                file: 'sub/a.spec.ts',
                tests: [test('expected', ['failed'], 'failed')],
              },
              {
                title: 'passed on retry',
                file: 'sub/a.spec.ts',
                tests: [test('flaky', ['failed', 'passed'])],
              },
              { title: 'skipped', file: 'sub/a.spec.ts', tests: [test('skipped', ['skipped'])] },
            ],
          },
        ],
      },
    ],
    errors: [{ message: 'Error: boom', location: { file: '/work/repo/tests/b.spec.ts' } }],
  }

  it('names files from the repository root, not from the test directory', () => {
    const outcomes = parsePlaywrightOutcomes(report, { roots: ['/work/repo'] })
    expect(outcomes.tests.map((t) => t.id)).toEqual([
      'tests/sub/a.spec.ts::plain',
      'tests/sub/a.spec.ts::broken',
      'tests/sub/a.spec.ts::group::marked to fail',
      'tests/sub/a.spec.ts::group::passed on retry',
      'tests/sub/a.spec.ts::group::skipped',
    ])
    expect(outcomes.fileFailures).toEqual([{ file: 'tests/b.spec.ts', message: 'Error: boom' }])
  })

  it("takes Playwright's own verdict: an expected failure passed, a failure then a pass passed", () => {
    const outcomes = parsePlaywrightOutcomes(report, { roots: ['/work/repo'] })
    expect(outcomes.tests.map((t) => [t.id.split('::').pop(), t.status])).toEqual([
      ['plain', 'passed'],
      ['broken', 'failed'],
      ['marked to fail', 'passed'],
      ['passed on retry', 'passed'],
      ['skipped', 'skipped'],
    ])
    expect(outcomes.tests[1]?.message).toBe('failed!')
    expect(outcomes.tests[3]?.seconds).toBe(0.02)
  })
})

describe('parseMochaOutcomes', () => {
  it('fails the file of a failing hook, which stopped tests that are in no list', () => {
    const file = '/work/repo/test/a.test.js'
    const outcomes = parseMochaOutcomes(
      {
        tests: [{ title: 'fine', fullTitle: 'ok fine', file, duration: 3, err: {} }],
        failures: [
          {
            title: '"before all" hook for "never"',
            fullTitle: 'hooks "before all" hook for "never"',
            file,
            err: { message: 'before boom' },
          },
        ],
        pending: [],
      },
      { roots: ['/work/repo'] },
    )
    expect(outcomes.tests).toEqual([
      {
        id: 'test/a.test.js::ok::fine',
        file: 'test/a.test.js',
        status: 'passed',
        seconds: 0.003,
        message: undefined,
      },
    ])
    expect(outcomes.fileFailures).toEqual([
      { file: 'test/a.test.js', message: 'hooks "before all" hook for "never": before boom' },
    ])
  })
})

describe('parseNodeTestOutcomes', () => {
  it('reads tests with their describe path and files that failed outside any test', () => {
    const lines = [
      {
        type: 'test',
        file: '/r/t/a.test.js',
        path: ['d', 'e', 't'],
        status: 'failed',
        ms: 5,
        message: 'no',
      },
      { type: 'file-error', file: '/r/t/b.test.js', message: 'test failed: Error: boom' },
    ]
    const outcomes = parseNodeTestOutcomes(lines.map((l) => JSON.stringify(l)).join('\n'), {
      roots: ['/r'],
    })
    expect(outcomes.tests).toEqual([
      {
        id: 't/a.test.js::d::e::t',
        file: 't/a.test.js',
        status: 'failed',
        seconds: 0.005,
        message: 'no',
      },
    ])
    expect(outcomes.fileFailures).toEqual([
      { file: 't/b.test.js', message: 'test failed: Error: boom' },
    ])
  })
})
