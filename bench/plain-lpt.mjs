// The yardstick for the planner's speed: a plain, dependency-free LPT split as anyone would
// write it. Reads a flat `{ "<id>": seconds }` timings file, sorts longest first (ties by id),
// gives each item to the least loaded shard (a binary heap), and writes a plan of the same
// shape and size as `shardwise plan --format json` (shards with sorted items, 2-space JSON).
//
// Usage: node bench/plain-lpt.mjs <timings.json> <shards> <out.json>
import { readFileSync, writeFileSync } from 'node:fs'

const [path, shardArg, out] = process.argv.slice(2)
if (path === undefined || shardArg === undefined || out === undefined) {
  process.stderr.write('usage: node bench/plain-lpt.mjs <timings.json> <shards> <out.json>\n')
  process.exit(2)
}
const k = Number(shardArg)
const timings = JSON.parse(readFileSync(path, 'utf8'))
const items = Object.entries(timings).filter(([, s]) => typeof s === 'number' && s > 0)
items.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))

const loads = new Float64Array(k)
const heap = Array.from({ length: k }, (_, i) => i)
const less = (a, b) => loads[a] < loads[b] || (loads[a] === loads[b] && a < b)
const shards = Array.from({ length: k }, () => [])
for (const [id, seconds] of items) {
  const top = heap[0]
  shards[top].push(id)
  loads[top] += seconds
  // sift the grown shard down
  let i = 0
  for (;;) {
    const l = 2 * i + 1
    const r = l + 1
    let m = i
    if (l < k && less(heap[l], heap[m])) m = l
    if (r < k && less(heap[r], heap[m])) m = r
    if (m === i) break
    ;[heap[i], heap[m]] = [heap[m], heap[i]]
    i = m
  }
}

let total = 0
for (const [, s] of items) total += s
const makespan = Math.max(...loads)
const plan = {
  itemCount: items.length,
  predictedMakespanSeconds: Math.round(makespan * 1000) / 1000,
  shardCount: k,
  shards: shards.map((ids, i) => ({
    index: i + 1,
    items: ids.sort(),
    predictedSeconds: Math.round(loads[i] * 1000) / 1000,
  })),
  totalSeconds: Math.round(total * 1000) / 1000,
  version: 1,
}
writeFileSync(out, `${JSON.stringify(plan, null, 2)}\n`)
