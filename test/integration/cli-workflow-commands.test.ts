import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../support/cli.js'
import { writePlan } from '../support/results.js'
import { runnerCommands } from '../support/workflow-commands.js'

/**
 * A13: whatever the CLI prints from untrusted sources — artifact directory names, test names,
 * the test command's own output — reaches the job log when it runs in a `run:` step, and must
 * never be a workflow command there.
 */

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'shardwise-commands-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('A13 workflow commands printed by the CLI', () => {
  it('defuses commands in the names of artifact directories that combine reports', async () => {
    const root = await mkdtemp(join(dir, 'combine-'))
    const planFile = join(root, 'plan.json')
    await writePlan(planFile, [['a.test.js']])
    const results = join(root, 'results')
    const names = [
      'shard-1\n::error file=a.js::forged',
      'shard-2\r::add-mask::secret',
      'shard-3 ##[warning]forged',
      'shard-4\n\u3000::warning::forged',
    ]
    for (const name of names) {
      await mkdir(join(results, name), { recursive: true })
      await writeFile(join(results, name, 'shard-result.json'), '{"not": "a result"')
    }
    const result = await runCli([
      'combine',
      '--plan',
      planFile,
      '--results-dir',
      results,
      '--no-store',
    ])
    expect(result.code).toBe(1)
    // Every directory is named, and none of the names acts as a command.
    for (const word of ['file=a.js', 'add-mask', '##', 'forged'])
      expect(result.stderr.replace(/\u200b/g, '')).toContain(word)
    expect(runnerCommands(result.stderr)).toEqual([])
    expect(runnerCommands(result.stdout)).toEqual([])
  })

  it("defuses commands in the test command's output, whichever line end or white space precedes them", async () => {
    const root = await mkdtemp(join(dir, 'run-'))
    await writeFile(join(root, 'a.test.js'), '')
    const planFile = join(root, 'plan.json')
    await writePlan(planFile, [['a.test.js']])
    const script = [
      "process.stdout.write('progress\\r::add-mask::x\\n')",
      "process.stdout.write('\\u000b::error::v\\n\\f::error::f\\n\\u00a0::error::nbsp\\n')",
      "process.stdout.write('text ##[error]anywhere\\n')",
      // Split across writes, on both streams.
      "process.stderr.write('\\u3000:')",
      "setTimeout(() => process.stderr.write(':warning::late\\n'), 20)",
    ].join(';')
    const result = await runCli(
      [
        'run',
        '--plan',
        planFile,
        '--shard',
        '1',
        '--results-dir',
        join(root, 'result'),
        '--',
        process.execPath,
        '-e',
        script,
      ],
      { cwd: root },
    )
    expect(result.code, result.stderr).toBe(0)
    expect(result.stdout.replace(/\u200b/g, '')).toContain('##[error]anywhere')
    expect(runnerCommands(result.stdout)).toEqual([])
    expect(runnerCommands(result.stderr)).toEqual([])
  })

  it('keeps a plan name holding ##[ exact in JSON, without it acting as a command', async () => {
    const root = await mkdtemp(join(dir, 'plan-'))
    const id = 'tests/##[error]x.test.js'
    const result = await runCli(
      ['plan', '--shards', '1', '--items-from', '-', '--format', 'json'],
      {
        cwd: root,
        stdin: `${id}\n`,
      },
    )
    expect(result.code, result.stderr).toBe(0)
    expect(runnerCommands(result.stdout)).toEqual([])
    const plan = JSON.parse(result.stdout) as { shards: { items: string[] }[] }
    expect(plan.shards[0]?.items).toEqual([id])
  })
})
