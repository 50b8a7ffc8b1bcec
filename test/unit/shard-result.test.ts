import { describe, expect, it } from 'vitest'
import type { Outcomes, TestOutcome } from '../../src/core/outcomes.js'
import {
  covers,
  judgeAttempts,
  retryItems,
  type AttemptOutcome,
} from '../../src/core/shard-result.js'

function outcome(id: string, status: TestOutcome['status'], seconds = 1): TestOutcome {
  return {
    id,
    file: id.split('::')[0] ?? id,
    status,
    seconds,
    message: status === 'failed' ? `${id} broke` : undefined,
  }
}

function attempt(
  tests: TestOutcome[],
  fileFailures: Outcomes['fileFailures'] = [],
  exitCode = 0,
): AttemptOutcome {
  return { outcomes: { tests, fileFailures }, exitCode, signal: null }
}

describe('judgeAttempts', () => {
  it('calls a test that failed and then passed flaky, and one that never passed failed', () => {
    const judgement = judgeAttempts(
      ['a.test.js', 'b.test.js'],
      [
        attempt(
          [
            outcome('a.test.js::x', 'failed'),
            outcome('a.test.js::y', 'passed'),
            outcome('b.test.js::z', 'failed'),
          ],
          [],
          1,
        ),
        attempt([outcome('a.test.js::x', 'passed'), outcome('b.test.js::z', 'failed')], [], 1),
      ],
    )
    expect(judgement.tests.get('a.test.js::x')?.verdict).toBe('flaky')
    expect(judgement.tests.get('a.test.js::y')?.verdict).toBe('passed')
    expect(judgement.tests.get('b.test.js::z')).toMatchObject({
      verdict: 'failed',
      message: 'b.test.js::z broke',
    })
    expect(judgement.tests.get('a.test.js::x')?.attempts.map((a) => a.status)).toEqual([
      'failed',
      'passed',
    ])
    expect(judgement.counts).toEqual({
      passed: 1,
      failed: 1,
      flaky: 1,
      skipped: 0,
      xfailed: 0,
      xpassed: 0,
    })
    expect(judgement.missing).toEqual([])
  })

  it('treats a parametrised test reported twice under one id as failed when any case failed', () => {
    const judgement = judgeAttempts(
      ['t.py'],
      [attempt([outcome('t.py::p', 'passed'), outcome('t.py::p', 'failed')])],
    )
    expect(judgement.tests.get('t.py::p')?.verdict).toBe('failed')
    expect(judgement.tests.get('t.py::p')?.attempts).toEqual([{ status: 'failed', seconds: 2 }])
  })

  it('names planned items that no result covers as missing', () => {
    const judgement = judgeAttempts(
      ['a.py', 'b.py', 'c.py::test_x', 'c.py::test_y', 'd.py::T'],
      [
        attempt([
          outcome('a.py::t', 'passed'),
          outcome('c.py::test_x[1]', 'passed'),
          outcome('d.py::T::t', 'passed'),
        ]),
      ],
    )
    expect(judgement.missing).toEqual(['b.py', 'c.py::test_y'])
  })

  it('lets a file failure answer for the file’s items until a later attempt reports its tests', () => {
    const broken = judgeAttempts(
      ['a.js'],
      [attempt([], [{ file: 'a.js', message: 'SyntaxError' }], 1)],
    )
    expect(broken.missing).toEqual([])
    expect(broken.fileFailures).toEqual([{ file: 'a.js', message: 'SyntaxError' }])
    const healed = judgeAttempts(
      ['a.js'],
      [
        attempt([], [{ file: 'a.js', message: 'SyntaxError' }], 1),
        attempt([outcome('a.js::t', 'passed')]),
      ],
    )
    expect(healed.fileFailures).toEqual([])
    // It did not pass the first time: flaky, with the earlier crash as its message.
    expect(healed.tests.get('a.js::t')).toMatchObject({
      verdict: 'flaky',
      message: expect.stringMatching(/SyntaxError/) as unknown,
    })
  })

  it('records the crash before a pass as a failed attempt, so the attempts alone say flaky', () => {
    const healed = judgeAttempts(
      ['a.js'],
      [
        attempt([], [{ file: 'a.js', message: 'SyntaxError' }], 1),
        attempt([outcome('a.js::t', 'passed', 2)]),
      ],
    )
    expect(healed.tests.get('a.js::t')?.attempts).toEqual([
      { status: 'failed', seconds: undefined },
      { status: 'passed', seconds: 2 },
    ])
  })

  it('calls a test flaky when its file reported nothing in an earlier attempt and passed later', () => {
    const judgement = judgeAttempts(
      ['a.js', 'b.js'],
      [
        { ...attempt([outcome('b.js::t', 'passed')], [], 1), items: ['a.js', 'b.js'] },
        { ...attempt([outcome('a.js::t', 'passed')]), items: ['a.js'] },
      ],
    )
    expect(judgement.tests.get('a.js::t')?.verdict).toBe('flaky')
    expect(judgement.tests.get('b.js::t')?.verdict).toBe('passed')
    expect(judgement.missing).toEqual([])
  })
})

describe('retryItems', () => {
  const judgement = judgeAttempts(
    ['a.py', 'b.py'],
    [
      attempt(
        [outcome('a.py::t1', 'failed'), outcome('a.py::t2', 'passed')],
        [{ file: 'b.py', message: 'ImportError' }],
        1,
      ),
    ],
  )

  it('re-runs single failed tests where the runner selects tests, and whole broken files', () => {
    expect(retryItems(['a.py', 'b.py'], judgement, true)).toEqual(['a.py::t1', 'b.py'])
  })

  it('re-runs the failed tests’ files where the runner cannot select tests', () => {
    expect(retryItems(['a.py', 'b.py'], judgement, false)).toEqual(['a.py', 'b.py'])
  })
})

describe('covers', () => {
  it('matches files, exact ids, parametrised cases and nested scopes, and nothing else', () => {
    expect(covers('a.py', 'a.py::t')).toBe(true)
    expect(covers('a.py::t', 'a.py::t[1]')).toBe(true)
    expect(covers('a.py::T', 'a.py::T::t')).toBe(true)
    expect(covers('a.py::t', 'a.py::t2')).toBe(false)
    expect(covers('a.py', 'a.pyx::t')).toBe(false)
  })
})
