// Measures how long each demo test file takes under `node --test` and writes the result as a
// parallel_tests runtime log (`path:seconds` per line), one of the formats `shardwise plan`
// reads. Run from the repository root: node examples/demo/record-timings.mjs
import { spawnSync } from 'node:child_process'
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'

const root = 'examples/demo/tests'
const files = readdirSync(root, { recursive: true })
  .map(String)
  .filter((name) => name.endsWith('.test.js'))
  .map((name) => join(root, name))
  .sort()
const lines = []
for (const file of files) {
  const started = process.hrtime.bigint()
  const result = spawnSync(process.execPath, ['--test', file], { stdio: 'ignore' })
  const seconds = Number(process.hrtime.bigint() - started) / 1e9
  if (result.status !== 0) throw new Error(`${file} failed (exit ${result.status})`)
  lines.push(`${relative('.', file)}:${seconds.toFixed(3)}`)
}
mkdirSync('examples/demo/timings', { recursive: true })
writeFileSync('examples/demo/timings/parallel_runtime.log', `${lines.join('\n')}\n`)
process.stdout.write(`${lines.join('\n')}\n`)
