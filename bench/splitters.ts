/**
 * The splitters Shardwise is compared with, all at file granularity. Each returns the shard of
 * every unit as an array of shards; `loadsOf` evaluates any assignment with the given durations.
 */
import { createHash } from 'node:crypto'
import type { Unit } from '../src/core/partition.js'
import { fnv1a } from './lib.js'

export type Shards = readonly (readonly Unit[])[]

function empty(k: number): Unit[][] {
  return Array.from({ length: k }, () => [])
}

/** Each file goes to shard `fnv1a(path) mod k`: stable, blind to durations and to counts. */
export function hashModSplit(units: readonly Unit[], k: number): Shards {
  const shards = empty(k)
  for (const unit of units) shards[fnv1a(unit.id) % k]!.push(unit)
  return shards
}

/**
 * Jest's default `--shard`: files sorted by the SHA-1 of their (relative) path, cut into chunks
 * of `ceil(n / k)`, so with few files per shard the last shards can be empty.
 */
export function jestShaSplit(units: readonly Unit[], k: number): Shards {
  const hashed = units
    .map((unit) => ({ unit, hash: createHash('sha1').update(unit.id).digest('hex') }))
    .sort((a, b) => (a.hash < b.hash ? -1 : a.hash > b.hash ? 1 : 0))
  const size = Math.ceil(units.length / k)
  const shards = empty(k)
  hashed.forEach((h, i) => shards[Math.min(k - 1, Math.floor(i / size))]!.push(h.unit))
  return shards
}

/** Paths sorted alphabetically, cut into k contiguous chunks whose counts differ by at most one. */
export function contiguousCountSplit(units: readonly Unit[], k: number): Shards {
  const sorted = [...units].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  const shards = empty(k)
  const n = sorted.length
  for (let s = 0; s < k; s++) {
    const start = Math.floor((s * n) / k)
    const end = Math.floor(((s + 1) * n) / k)
    shards[s]!.push(...sorted.slice(start, end))
  }
  return shards
}

/** The longest shard's load, with each unit's seconds looked up in `truth` when given. */
export function makespanOf(
  shards: readonly (readonly { readonly id: string; readonly seconds: number }[])[],
  truth?: ReadonlyMap<string, number>,
): number {
  let longest = 0
  for (const shard of shards) {
    let load = 0
    for (const unit of shard) load += truth ? (truth.get(unit.id) ?? NaN) : unit.seconds
    if (!(load <= longest)) longest = load
  }
  return longest
}

/**
 * A stronger lower bound than `max(total/k, longest)`: of the k+1 longest items two must share a
 * shard, so the makespan is at least the sum of the k-th and (k+1)-th longest.
 */
export function pairBound(units: readonly Unit[], k: number): number {
  if (units.length <= k) return 0
  const sorted = units.map((u) => u.seconds).sort((a, b) => b - a)
  return sorted[k - 1]! + sorted[k]!
}
