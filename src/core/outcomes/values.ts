import { acceptSeconds } from '../duration.js'
import { MAX_MESSAGE_CHARS } from '../outcomes.js'

// Values read from the runners' JSON reports, shared by the parsers of this folder.

export type JsonObject = Record<string, unknown>

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** A failure message, capped; an array of lines is joined. */
export function message(value: unknown): string | undefined {
  if (typeof value === 'string' && value !== '') return value.slice(0, MAX_MESSAGE_CHARS)
  if (Array.isArray(value)) return message(value.filter((v) => typeof v === 'string').join('\n'))
  return undefined
}

/** Milliseconds as accepted seconds. */
export function seconds(ms: unknown): number | undefined {
  return typeof ms === 'number' ? acceptSeconds(ms / 1000) : undefined
}
