// Preloaded into a measured child process (`node --import ./bench/usage-on-exit.mjs …`): on exit
// it writes the process's own resource usage (CPU time, peak RSS) as JSON to the file named by
// SHARDWISE_BENCH_USAGE, so that the benchmark needs no external `time` tool.
import { writeFileSync } from 'node:fs'

const target = process.env.SHARDWISE_BENCH_USAGE
if (target) {
  process.on('exit', () => {
    writeFileSync(target, JSON.stringify(process.resourceUsage()))
  })
}
