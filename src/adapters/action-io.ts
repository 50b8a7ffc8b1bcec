import * as core from '@actions/core'
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { neutraliseWorkflowCommands } from '../core/log-guard.js'
import { ACTION_INPUTS } from '../options/action-inputs.js'
import type { Log } from './log.js'

/** The small port the action's modes use instead of `@actions/core` directly. */
export interface ActionIO extends Log {
  /** The input's value; when the step sets it empty or not at all, action.yml's default. */
  getInput(name: string): string
  setOutput(name: string, value: string | number): void
  setFailed(message: string): void
  /** An error annotation (escaped by the toolkit: names cannot inject workflow commands). */
  error(message: string, title: string): void
  /** Appends Markdown to the job summary. */
  summary(markdown: string): Promise<void>
  env: NodeJS.ProcessEnv
}

export const ACTION_MODES = ['plan', 'run', 'combine'] as const
export type ActionMode = (typeof ACTION_MODES)[number]

/** An input as action.yml declares it. */
export interface InputSpec {
  /** The default; `''` when there is none or when only the runner can evaluate it. */
  readonly default: string
  /** The default is a `${{ }}` expression (`${{ github.token }}`): the runner fills it in. */
  readonly evaluated: boolean
  /** The modes that read it: the description's `(plan, run)` prefix; `(all)` or none is every mode. */
  readonly modes: readonly ActionMode[]
}

/** The modes a description names in its leading `(…)`, e.g. `(plan, run)`. */
export function modesOf(description: string): readonly ActionMode[] {
  const match = /^\(([a-z, ]+)\)/.exec(description)
  if (!match || match[1] === 'all') return ACTION_MODES
  const named = (match[1] ?? '').split(',').map((m) => m.trim())
  const unknown = named.filter((m) => !(ACTION_MODES as readonly string[]).includes(m))
  if (unknown.length > 0)
    throw new Error(`action.yml: an input's description names unknown modes: ${unknown.join(', ')}`)
  return ACTION_MODES.filter((m) => named.includes(m))
}

/** action.yml's `inputs` mapping (name → `{ description, default }`) as specs. */
export function inputSpecs(declared: Readonly<Record<string, unknown>>): Map<string, InputSpec> {
  const specs = new Map<string, InputSpec>()
  for (const [name, raw] of Object.entries(declared)) {
    const input = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {}
    const value = input.default
    const text =
      typeof value === 'string'
        ? value
        : typeof value === 'number' || typeof value === 'boolean'
          ? String(value)
          : ''
    const evaluated = text.includes('${{')
    specs.set(name, {
      default: evaluated ? '' : text,
      evaluated,
      modes: modesOf(typeof input.description === 'string' ? input.description : ''),
    })
  }
  return specs
}

/** action.yml's inputs, from the module `npm run docs` generates from it. */
export function actionInputs(): Map<string, InputSpec> {
  return inputSpecs(ACTION_INPUTS)
}

/**
 * The inputs given a value other than their default that `mode` never reads: they would do
 * nothing, so the user hears about it.
 */
export function inputsIgnoredBy(
  mode: ActionMode,
  specs: ReadonlyMap<string, InputSpec>,
  io: Pick<ActionIO, 'getInput'>,
): { name: string; modes: readonly ActionMode[] }[] {
  const ignored: { name: string; modes: readonly ActionMode[] }[] = []
  for (const [name, spec] of specs) {
    if (spec.modes.includes(mode) || spec.evaluated) continue
    if (io.getInput(name) !== spec.default) ignored.push({ name, modes: spec.modes })
  }
  return ignored
}

/**
 * The directory of the action this code runs from — the one holding action.yml: the parent of
 * dist/ for the bundle, the repository when running from source — or `undefined`.
 */
export function actionDirectory(from: string = fileURLToPath(import.meta.url)): string | undefined {
  let dir = dirname(from)
  for (let depth = 0; depth < 3; depth++) {
    if (existsSync(join(dir, 'action.yml'))) return dir
    dir = dirname(dir)
  }
  return undefined
}

export function actionsCoreIO(inputs: ReadonlyMap<string, InputSpec>): ActionIO {
  return {
    // The runner sets every input, but a step environment without some of them (an older
    // runner, a hand-made invocation) must still get the declared default, never "off".
    getInput: (name) => {
      const value = core.getInput(name)
      return value !== '' ? value : (inputs.get(name)?.default ?? '')
    },
    setOutput: (name, value) => core.setOutput(name, value),
    setFailed: (message) => core.setFailed(message),
    // `core.info` prints as it is; warnings and errors are escaped by the toolkit.
    info: (message) => core.info(neutraliseWorkflowCommands(message)),
    warning: (message) => core.warning(message),
    notice: (message) => core.notice(message),
    error: (message, title) => core.error(message, { title }),
    summary: async (markdown) => {
      await core.summary.addRaw(markdown, true).write()
    },
    env: process.env,
  }
}
