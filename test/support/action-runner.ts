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

export interface Annotation {
  readonly level: 'error' | 'warning' | 'notice'
  readonly message: string
  /** `file`, `line`, `title`, … */
  readonly properties: Readonly<Record<string, string>>
}

const unescapeData = (value: string) =>
  value.replace(/%0D/gi, '\r').replace(/%0A/gi, '\n').replace(/%25/g, '%')
const unescapeProperty = (value: string) =>
  unescapeData(value).replace(/%3A/gi, ':').replace(/%2C/gi, ',')

/** The `::error …::`, `::warning …::` and `::notice …::` workflow commands of a step's stdout. */
export function parseAnnotations(stdout: string): Annotation[] {
  const annotations: Annotation[] = []
  for (const line of stdout.split(/\r?\n/)) {
    const match = /^::(error|warning|notice)(?: ([^:]*))?::(.*)$/.exec(line)
    if (!match) continue
    const properties: Record<string, string> = {}
    for (const pair of (match[2] ?? '').split(',')) {
      const eq = pair.indexOf('=')
      if (eq > 0) properties[pair.slice(0, eq).trim()] = unescapeProperty(pair.slice(eq + 1))
    }
    annotations.push({
      level: match[1] as Annotation['level'],
      message: unescapeData(match[3] ?? ''),
      properties,
    })
  }
  return annotations
}

/**
 * `INPUT_*` variables as the runner sets them: every input given, plus action.yml's defaults for
 * the rest (name upper-cased, spaces → `_`, dashes kept). `${{ … }}` in a default is evaluated
 * from `expressions` (e.g. `{ 'github.token': … }`); an unknown one throws.
 */
export async function inputEnv(
  inputs: Readonly<Record<string, string>>,
  options: { actionYml?: string | false; expressions?: Readonly<Record<string, string>> } = {},
): Promise<Record<string, string>> {
  const declared =
    options.actionYml === false
      ? {}
      : (
          parse(
            await readFile(options.actionYml ?? join(REPO_ROOT, 'action.yml'), 'utf8'),
          ) as ActionYaml
        ).inputs
  const env: Record<string, string> = {}
  const name = (input: string) => `INPUT_${input.replace(/ /g, '_').toUpperCase()}`
  for (const [input, spec] of Object.entries(declared)) {
    const value =
      inputs[input] ??
      (spec.default ?? '').replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, expression: string) => {
        const known = options.expressions?.[expression]
        if (known === undefined) {
          throw new Error(
            `action.yml: the default of \`${input}\` uses \`${expression}\`, which the local runner cannot evaluate`,
          )
        }
        return known
      })
    env[name(input)] = value
  }
  for (const [input, value] of Object.entries(inputs)) env[name(input)] = value
  return env
}

/**
 * `${{ … }}` values a step's environment implies (for action.yml defaults). `github.token` is
 * `GITHUB_TOKEN` when the environment has one, else empty: the runner's token is not in a
 * step's environment, so pass it explicitly (simulated jobs do).
 */
export function expressionsFromEnv(env: Readonly<Record<string, string>>): Record<string, string> {
  const pick: Record<string, string | undefined> = {
    'github.token': env.GITHUB_TOKEN ?? '',
    'github.workspace': env.GITHUB_WORKSPACE,
    'github.repository': env.GITHUB_REPOSITORY,
    'github.run_id': env.GITHUB_RUN_ID,
    'github.run_attempt': env.GITHUB_RUN_ATTEMPT,
    'github.sha': env.GITHUB_SHA,
    'github.ref': env.GITHUB_REF,
    'github.event_name': env.GITHUB_EVENT_NAME,
    'github.server_url': env.GITHUB_SERVER_URL,
    'github.api_url': env.GITHUB_API_URL,
    'github.job': env.GITHUB_JOB,
    'runner.temp': env.RUNNER_TEMP,
    'runner.os': env.RUNNER_OS,
  }
  return Object.fromEntries(
    Object.entries(pick).filter((entry): entry is [string, string] => entry[1] !== undefined),
  )
}

export interface SpawnResult {
  readonly code: number | null
  readonly signal: NodeJS.Signals | null
  readonly stdout: string
  readonly stderr: string
}

/**
 * Runs `node <entry>` with async `spawn`, as the runner does (a synchronous spawn would deadlock
 * against fakes served by this process).
 */
export async function spawnNode(options: {
  node?: string
  entry: string
  args?: readonly string[]
  env: Readonly<Record<string, string>>
  cwd: string
  timeoutMs?: number
}): Promise<SpawnResult> {
  const child = spawn(options.node ?? process.execPath, [options.entry, ...(options.args ?? [])], {
    cwd: options.cwd,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()))
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()))
  const timer =
    options.timeoutMs === undefined
      ? undefined
      : setTimeout(() => child.kill('SIGKILL'), options.timeoutMs)
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((done, fail) => {
    child.once('error', fail)
    child.once('close', (c, s) => done([c, s]))
  })
  clearTimeout(timer)
  return { code, signal, stdout, stderr }
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
 * For a whole simulated job (runtime token, artifact/cache/REST fakes, event payload) see
 * test/support/actions-runtime/environment.ts.
 */
export async function runAction(options: {
  node?: string
  inputs: Record<string, string>
  workspace: string
  env?: Record<string, string>
}): Promise<ActionRun> {
  const temp = await mkdtemp(join(tmpdir(), 'shardwise-runner-'))
  const outputFile = join(temp, 'output')
  const summaryFile = join(temp, 'summary')
  await writeFile(outputFile, '')
  await writeFile(summaryFile, '')
  const base: Record<string, string> = {
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
  const env = {
    ...base,
    ...(await inputEnv(options.inputs, { expressions: expressionsFromEnv(base) })),
  }
  const { code, stdout, stderr } = await spawnNode({
    ...(options.node === undefined ? {} : { node: options.node }),
    entry: join(REPO_ROOT, 'dist/index.js'),
    env,
    cwd: options.workspace,
  })
  return {
    code,
    stdout,
    stderr,
    outputs: parseGithubOutput(await readFile(outputFile, 'utf8')),
    summary: await readFile(summaryFile, 'utf8'),
  }
}
