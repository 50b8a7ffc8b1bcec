import { describe, expect, it } from 'vitest'
import { decodeQuarantine, encodeQuarantine } from '../../../src/core/contracts/quarantine.js'
import { DecodeError } from '../../../src/core/contracts/schema.js'

function failure(data: unknown): string {
  try {
    decodeQuarantine(data)
  } catch (error) {
    if (error instanceof DecodeError) return error.message
    throw error
  }
  throw new Error('decoded without an error')
}

const PREFIX = 'not a valid Shardwise quarantine list: '

describe('the quarantine contract', () => {
  it('decodes a list, a missing reason as empty and a missing version as 1, and encodes it back', () => {
    const list = decodeQuarantine({
      tests: [
        { id: 'a.test.js::x', until: '2026-12-01', reason: 'flaky network' },
        { id: 'b.test.js', until: '2027-01-31' },
      ],
    })
    expect(list).toStrictEqual({
      version: 1,
      tests: [
        { id: 'a.test.js::x', until: '2026-12-01', reason: 'flaky network' },
        { id: 'b.test.js', until: '2027-01-31', reason: '' },
      ],
    })
    expect(decodeQuarantine(JSON.parse(encodeQuarantine(list)))).toStrictEqual(list)
    expect(encodeQuarantine(list)).toBe(
      '{"tests":[{"id":"a.test.js::x","reason":"flaky network","until":"2026-12-01"},{"id":"b.test.js","reason":"","until":"2027-01-31"}],"version":1}',
    )
  })

  const cases: [string, unknown, string][] = [
    [
      'a list instead of an object',
      [],
      'it must be an object, {"version": 1, "tests": [{"id", "until", "reason"}]}; got an empty list',
    ],
    [
      'no tests',
      { version: 1 },
      '`tests` must be a list of {"id", "until", "reason"}; got nothing',
    ],
    ['a newer version', { version: 2, tests: [] }, '`version` must be `1`; got `2`'],
    [
      'an entry without an expiry date',
      { tests: [{ id: 'a.test.js' }] },
      '`tests[0].until` must be a date as YYYY-MM-DD (an expiry date keeps quarantine temporary); got nothing',
    ],
    [
      'a date in another format',
      {
        tests: [
          { id: 'a', until: '2026-12-01' },
          { id: 'b', until: '01/12/2026' },
        ],
      },
      '`tests[1].until` must be a date as YYYY-MM-DD (an expiry date keeps quarantine temporary); got `"01/12/2026"`',
    ],
    [
      'an empty id',
      { tests: [{ id: '', until: '2026-12-01' }] },
      '`tests[0].id` must be a test id (non-empty text); got `""`',
    ],
    [
      'a reason that is not text',
      { tests: [{ id: 'a', until: '2026-12-01', reason: 5 }] },
      '`tests[0].reason` must be text; got `5`',
    ],
  ]
  for (const [what, data, message] of cases) {
    it(`refuses ${what}, naming the field and what it must be`, () => {
      expect(failure(data)).toBe(`${PREFIX}${message}`)
    })
  }
})
