import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { MAX_DURATION_SECONDS, acceptSeconds, parseSeconds } from '../../../src/core/duration.js'

describe('parseSeconds (THREATS D7: strict decimal-seconds grammar)', () => {
  it.each([
    ['0', 0],
    ['1', 1],
    ['0.5', 0.5],
    ['12.345', 12.345],
    ['007', 7],
    [' 2.5 ', 2.5],
    ['\t3\n', 3],
    ['1,234.5', 1234.5],
    ['14,029.255', 14029.255],
    ['1,000,000.5', undefined], // above six hours
    ['21600', 21600],
    ['21600.000', 21600],
    ['1.2e-05', 0.000012],
    ['1e3', 1000],
  ])('reads %j as %j', (text, expected) => {
    expect(parseSeconds(text)).toBe(expected)
  })

  it.each([
    '0,160', // decimal comma
    '1,234', // a German-locale 1.234 s as much as 1234 s: ambiguous
    '12,5',
    '1,23.5',
    '1,2345.5',
    '0,001.5',
    '80.803us',
    '46983', // milliseconds written as seconds: over six hours
    '21600.001',
    'NaN',
    'nan',
    'Infinity',
    '-Infinity',
    '-1',
    '-0',
    '1e309',
    '0x10',
    '0b11',
    '0o7',
    '+3',
    '',
    '   ',
    '.5',
    '5.',
    '1.2.3',
    '1 000',
    '١٢', // Arabic-Indic digits
    '12s',
    'PT5S',
  ])('treats %j as unknown', (text) => {
    expect(parseSeconds(text)).toBeUndefined()
  })

  it('treats a missing attribute as unknown', () => {
    expect(parseSeconds(undefined)).toBeUndefined()
  })

  it('never yields NaN, a negative or more than six hours, whatever the text', () => {
    const timeLike = fc.oneof(
      fc.string(),
      fc.stringMatching(/^[-+]?[\d.,eE]{0,12}(?:us|ms|s)?$/),
      fc.double().map(String),
      fc.integer().map(String),
    )
    fc.assert(
      fc.property(timeLike, (text) => {
        const seconds = parseSeconds(text)
        if (seconds === undefined) return
        expect(Number.isNaN(seconds)).toBe(false)
        expect(seconds).toBeGreaterThanOrEqual(0)
        expect(seconds).toBeLessThanOrEqual(MAX_DURATION_SECONDS)
      }),
      { numRuns: 2000 },
    )
  })

  it('reads back every plain decimal from 0 to six hours exactly as written', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_DURATION_SECONDS * 1000 }), (ms) => {
        const text = (ms / 1000).toFixed(3)
        expect(parseSeconds(text)).toBe(Number(text))
      }),
    )
  })
})

describe('acceptSeconds', () => {
  it('keeps finite numbers from 0 to six hours and nothing else', () => {
    expect(acceptSeconds(0)).toBe(0)
    expect(acceptSeconds(1.5)).toBe(1.5)
    expect(acceptSeconds(MAX_DURATION_SECONDS)).toBe(MAX_DURATION_SECONDS)
    expect(acceptSeconds(MAX_DURATION_SECONDS + 0.001)).toBeUndefined()
    expect(acceptSeconds(-0.001)).toBeUndefined()
    expect(acceptSeconds(Number.NaN)).toBeUndefined()
    expect(acceptSeconds(Number.POSITIVE_INFINITY)).toBeUndefined()
    expect(acceptSeconds(1e308)).toBeUndefined()
    expect(acceptSeconds('12')).toBeUndefined()
    expect(acceptSeconds(null)).toBeUndefined()
    expect(acceptSeconds({ seconds: 1 })).toBeUndefined()
    expect(acceptSeconds(12n)).toBeUndefined()
  })

  it('is six hours: the longest a hosted GitHub Actions job may run', () => {
    expect(MAX_DURATION_SECONDS).toBe(21600)
  })
})
