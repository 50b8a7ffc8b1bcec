/**
 * Section 6: what `shardwise run` adds to a shard beyond the runner itself, and the example
 * suite's wall time serially versus sharded with --parallel 2. Real processes: the bundled CLI
 * (bin/shardwise.js) and node's test runner on examples/demo.
 */
import { spawnSync } from 'node:child_process'
import { cp, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { fixed, median, table } from './lib.js'

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)))
const BIN = join(ROOT, 'bin/shardwise.js')

async function demoFiles(): Promise<string[]> {
  const dir = join(ROOT, 'examples/demo/tests')
  const entries = await readdir(dir, { recursive: true })
  return entries
    .map(String)
    .filter((name) => name.endsWith('.test.js'))
    .map((name) => `examples/demo/tests/${name}`)
    .sort()
}

function wall(argv: string[], env: NodeJS.ProcessEnv, cwd = ROOT): number {
  const started = performance.now()
  const result = spawnSync(argv[0] ?? '', argv.slice(1), { cwd, env, stdio: 'ignore' })
  if (result.status !== 0) throw new Error(`${argv.join(' ')} exited with ${String(result.status)}`)
  return (performance.now() - started) / 1000
}

export async function runOverhead(print: (text: string) => void): Promise<Record<string, unknown>> {
  const files = await demoFiles()
  const temp = await mkdtemp(join(tmpdir(), 'shardwise-bench-run-'))
  try {
    // One shard holding every file: the runner alone versus the runner under `shardwise run`.
    const plan = {
      version: 1,
      shards: [{ index: 1, items: files, predictedSeconds: 1 }],
      shardCount: 1,
    }
    const planFile = join(temp, 'plan.json')
    await writeFile(planFile, JSON.stringify(plan))
    const fast = { ...process.env, SHARDWISE_DEMO_SPEED: '0.1' }
    const direct: number[] = []
    const wrapped: number[] = []
    for (let i = 0; i < 7; i++) {
      direct.push(wall([process.execPath, '--test', ...files.map((f) => `./${f}`)], fast))
      wrapped.push(
        wall(
          [
            process.execPath,
            BIN,
            'run',
            '--plan',
            planFile,
            '--shard',
            '1',
            '--results-dir',
            join(temp, `r${i}`),
            '--',
            process.execPath,
            '--test',
          ],
          fast,
        ),
      )
    }
    const overhead = median(wrapped) - median(direct)

    // The example suite at full speed: one node --test process, then shardwise test.
    // In a copy of the examples, so the repository's own .shardwise/ is left alone.
    const workspace = join(temp, 'workspace')
    await cp(join(ROOT, 'examples'), join(workspace, 'examples'), { recursive: true })
    const env = { ...process.env }
    const serial = wall([process.execPath, '--test', ...files.map((f) => `./${f}`)], env)
    const testArgs = (shards: number, parallel: number) => [
      process.execPath,
      BIN,
      'test',
      '--shards',
      String(shards),
      '--parallel',
      String(parallel),
      'examples/demo/tests/**/*.test.js',
      '--',
      process.execPath,
      '--test',
    ]
    // A first run records timings; the measured runs plan with them (as a user's second run would).
    wall(testArgs(2, 2), env, workspace)
    const sharded2 = wall(testArgs(2, 2), env, workspace)
    const sharded4 = wall(testArgs(4, 2), env, workspace)
    const oneAtATime = wall(testArgs(2, 1), env, workspace)

    print(
      table(
        [
          { title: 'measurement', align: 'left' },
          { title: 'seconds', align: 'right' },
        ],
        [
          ['node --test on all demo files, ×0.1 speed (median of 7)', fixed(median(direct), 3)],
          [
            'shardwise run (bundled CLI) on the same files (median of 7)',
            fixed(median(wrapped), 3),
          ],
          ['overhead of shardwise run per shard', fixed(overhead, 3)],
          ['demo suite, one node --test process (serial)', fixed(serial, 2)],
          ['shardwise test --shards 2 --parallel 1', fixed(oneAtATime, 2)],
          ['shardwise test --shards 2 --parallel 2', fixed(sharded2, 2)],
          ['shardwise test --shards 4 --parallel 2', fixed(sharded4, 2)],
        ],
      ),
    )
    return {
      directMedian: median(direct),
      wrappedMedian: median(wrapped),
      overhead,
      serial,
      oneAtATime,
      sharded2,
      sharded4,
    }
  } finally {
    await rm(temp, { recursive: true, force: true })
  }
}
