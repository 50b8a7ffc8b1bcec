/**
 * JSON with object keys sorted at every level, so that files crossing jobs (plan, shard
 * result, timings) are byte-identical for equal content and diff cleanly.
 */
export function stableStringify(value: unknown, indent = 0): string {
  return JSON.stringify(sortKeys(value), null, indent)
}

function sortKeys(value: unknown): unknown {
  // A plan lists up to millions of ids: a list of plain values is used as it is, not copied.
  if (Array.isArray(value)) return holdsObjects(value) ? value.map(sortKeys) : value
  if (value instanceof Map) return sortKeys(Object.fromEntries(value))
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>
    for (const key of Object.keys(value).sort()) {
      out[key] = sortKeys((value as Record<string, unknown>)[key])
    }
    return out
  }
  return value
}

function holdsObjects(list: readonly unknown[]): boolean {
  for (const item of list) if (typeof item === 'object' && item !== null) return true
  return false
}
