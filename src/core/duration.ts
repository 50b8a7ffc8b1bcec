/** Six hours: GitHub's hosted job limit, and so the longest duration a real test can have. */
export const MAX_DURATION_SECONDS = 6 * 60 * 60

const DECIMAL = /^\d+(?:\.\d+)?(?:[eE][+-]?\d+)?$/

/**
 * Parses a duration written as decimal seconds. JUnit writers disagree on formatting, so the
 * grammar is strict: a thousands separator (`1,234.5`) is accepted only in its unambiguous
 * form (groups of three before a dot, no leading zero); without the dot `1,234` may as well be
 * a decimal comma (1.234 s). Anything else (`0,160`, `80us`, `NaN`, `-1`, `0x10`, `+3`) is
 * `undefined` — unknown, never a guess. Values above six hours are `undefined` too.
 */
export function parseSeconds(text: string | undefined): number | undefined {
  if (text === undefined) return undefined
  let trimmed = text.trim()
  if (/^[1-9]\d{0,2}(?:,\d{3})+\.\d+$/.test(trimmed)) trimmed = trimmed.replace(/,/g, '')
  if (!DECIMAL.test(trimmed)) return undefined
  return acceptSeconds(Number(trimmed))
}

/** Accepts a numeric duration only when it is finite and within [0, 6 h]. */
export function acceptSeconds(value: unknown): number | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value)) return undefined
  if (value < 0 || value > MAX_DURATION_SECONDS) return undefined
  return value
}
