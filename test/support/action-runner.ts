import { spawn } from 'node:child_process'
import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parse } from 'yaml'

export const REPO_ROOT = resolve(import.meta.dirname, '../..')

interface ActionYaml {
  inputs: Record<string, { default?: string }>
}

/** Parses `name<<delimiter … delimiter` and `name=value` entries of a GITHUB_OUTPUT file. */
export function parseGithubOutput(text: string): Record<string, string> {
  const out: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? ''
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line)
    if (heredoc) {
      const [, name = '', delimiter = ''] = heredoc
      const value: string[] = []
      for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i] ?? '')
      out[name] = value.join('\n')
    } else if (line.includes('=')) {
      out[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1)
    }
  }
  return out
}

export interface ActionRun {
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
  readonly outputs: Record<string, string>
  readonly summary: string
}

/**
 * Runs the bundled action (`dist/index.js`) the way the Actions runner does: inputs as
 * `INPUT_*` with action.yml's defaults filled in, outputs through `GITHUB_OUTPUT`.
 */
export async function runAction(options: {
  node?: string
  inputs: Record<string, string>
  workspace: string
  env?: Record<string, string>
}): Promise<ActionRun> {
  const action = parse(await readFile(join(REPO_ROOT, 'action.yml'), 'utf8')) as ActionYaml
  const temp = await mkdtemp(join(tmpdir(), 'shardwise-runner-'))
  const outputFile = join(temp, 'output')
  const summaryFile = join(temp, 'summary')
  await writeFile(outputFile, '')
  await writeFile(summaryFile, '')
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? temp,
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: options.workspace,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    RUNNER_TEMP: temp,
    RUNNER_OS: 'Linux',
    ...options.env,
  }
  for (const [name, input] of Object.entries(action.inputs)) {
    const value = options.inputs[name] ?? input.default ?? ''
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value
  }
  const child = spawn(options.node ?? process.execPath, [join(REPO_ROOT, 'dist/index.js')], {
    cwd: options.workspace,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()))
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()))
  const code = await new Promise<number | null>((resolveExit) => child.on('close', resolveExit))
  return {
    code,
    stdout,
    stderr,
    outputs: parseGithubOutput(await readFile(outputFile, 'utf8')),
    summary: await readFile(summaryFile, 'utf8'),
  }
}
