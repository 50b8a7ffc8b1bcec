import { describe, expect, it } from 'vitest'
import {
  DecodeError,
  contract,
  lenientRecord,
  list,
  maybe,
  number,
  object,
  optional,
  record,
  text,
  withDefault,
} from '../../../src/core/contracts/schema.js'

/** The message a decode fails with (the test fails if it does not fail). */
function failure(decode: () => unknown): string {
  try {
    decode()
  } catch (error) {
    if (error instanceof DecodeError) return error.message
    throw error
  }
  throw new Error('decoded without an error')
}

const thing = contract(
  'thing',
  object({
    name: text(),
    parts: list(object({ size: number({ min: 0, whole: true }) })),
    tags: withDefault(list(text()), []),
    note: optional(text()),
    reason: maybe(text()),
    byId: withDefault(record(number()), {}),
  }),
)

describe('the schema kit', () => {
  it('names the field by its path in the document, and the whole document as "it"', () => {
    expect(failure(() => thing.decode([]))).toBe(
      'not a valid thing: it must be an object; got an empty list',
    )
    expect(failure(() => thing.decode({ name: 'x', parts: [{ size: 1 }, { size: 2.5 }] }))).toBe(
      'not a valid thing: `parts[1].size` must be a whole number ≥ 0; got `2.5`',
    )
    expect(
      failure(() => thing.decode({ name: 'x', parts: [], byId: { 'a.test.js::x': 'no' } })),
    ).toBe('not a valid thing: `byId["a.test.js::x"]` must be a number; got `"no"`')
    expect(failure(() => thing.decode({ parts: [] }))).toBe(
      'not a valid thing: `name` must be text; got nothing',
    )
  })

  it('shows a long string cut, and a list or object by its kind, never whole', () => {
    const long = 'x'.repeat(500)
    expect(failure(() => thing.decode({ name: 'x', parts: long }))).toBe(
      `not a valid thing: \`parts\` must be a list; got \`"${'x'.repeat(80)}…"\``,
    )
    expect(failure(() => thing.decode({ name: { a: 1 }, parts: [] }))).toMatch(/got an object$/)
    expect(failure(() => thing.decode({ name: [1, 2], parts: [] }))).toMatch(/got a list of 2$/)
  })

  it('fills defaults, leaves an absent optional key out and keeps a maybe key as undefined', () => {
    const decoded = thing.decode({ name: 'x', parts: [] })
    expect(decoded).toStrictEqual({ name: 'x', parts: [], tags: [], reason: undefined, byId: {} })
    expect(Object.keys(decoded)).toEqual(['name', 'parts', 'tags', 'reason', 'byId'])
    expect(thing.decode({ name: 'x', parts: [], note: 'n' }).note).toBe('n')
  })

  it('carries no field outside the shape', () => {
    const decoded = thing.decode({ name: 'x', parts: [{ size: 1, extra: true }], extra: 'y' })
    expect(decoded).not.toHaveProperty('extra')
    expect(decoded.parts[0]).toStrictEqual({ size: 1 })
  })

  it('refuses NaN and infinities that a cast would let through', () => {
    for (const bad of [Number.NaN, Infinity, -Infinity]) {
      expect(failure(() => thing.decode({ name: 'x', parts: [{ size: bad }] }))).toMatch(
        /`parts\[0\]\.size` must be a whole number ≥ 0/,
      )
    }
  })

  it('F3/E5: keeps __proto__, constructor and prototype as own keys of a record, polluting nothing', () => {
    const data = JSON.parse(
      '{"name": "x", "parts": [], "byId": {"__proto__": 1, "constructor": 2, "prototype": 3, "polluted": 4}}',
    ) as unknown
    const decoded = thing.decode(data)
    expect(Object.keys(decoded.byId).sort()).toEqual([
      '__proto__',
      'constructor',
      'polluted',
      'prototype',
    ])
    expect(decoded.byId.__proto__).toBe(1)
    expect(Object.getPrototypeOf(decoded.byId)).toBeNull()
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(
      failure(() =>
        thing.decode(JSON.parse('{"name": "x", "parts": [], "byId": {"__proto__": {}}}')),
      ),
    ).toBe('not a valid thing: `byId.__proto__` must be a number; got an object')
  })

  it('drops only the entries of a lenient record that do not decode', () => {
    const lenient = lenientRecord(object({ seconds: number({ min: 0 }) }))
    const decoded = lenient.read(
      { good: { seconds: 1 }, negative: { seconds: -1 }, broken: 'x', constructor: { seconds: 2 } },
      undefined,
    )
    expect(Object.entries(decoded)).toStrictEqual([
      ['good', { seconds: 1 }],
      ['constructor', { seconds: 2 }],
    ])
  })

  it('encodes with the keys sorted at every level, whatever order they were built in', () => {
    expect(
      thing.encode({
        reason: undefined,
        parts: [{ size: 1 }],
        name: 'x',
        tags: ['b', 'a'],
        byId: { b: 2, a: 1 },
      }),
    ).toBe('{"byId":{"a":1,"b":2},"name":"x","parts":[{"size":1}],"tags":["b","a"]}')
  })

  it('passes through an error that is not a decode error (a bug, not bad data)', () => {
    const buggy = contract(
      'thing',
      object({
        name: {
          expected: 'text',
          read: () => {
            throw new TypeError('bug')
          },
        },
      }),
    )
    expect(() => buggy.decode({ name: 'x' })).toThrow(TypeError)
  })
})
