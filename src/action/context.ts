import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { UsageError } from '../core/errors.js'
import type { ActionIO } from '../adapters/action-io.js'
import { validateInvocationName, type ArtifactStore } from '../adapters/artifacts.js'
import type { TimingsCache } from '../adapters/cache-store.js'
import { actionSource, flagOf, valueOf, type OptionSource } from '../options/source.js'

/** What the action's modes work through: the step's I/O, the run's artifacts, the cache. */
export interface ActionDeps {
  readonly io: ActionIO
  readonly artifacts: ArtifactStore
  readonly cache: TimingsCache
}

/** What every mode needs to know about the job it runs in. */
export interface JobContext {
  readonly workspace: string
  /** The working directory inside the workspace. */
  readonly root: string
  readonly temp: string
  readonly runId: string
  readonly attempt: number
  readonly eventName: string
  readonly event: Record<string, unknown>
  readonly repository: string
  /** The invocation name: artifacts, cache keys and the comment marker are scoped by it. */
  readonly name: string
}

/** The step's inputs as options (named by their input names in messages). */
export function inputsOf(io: ActionIO): OptionSource {
  return actionSource((name) => io.getInput(name))
}

/**
 * Triggers that run with a write token or secrets on behalf of someone else's code: running
 * a pull request's tests there hands them the token. Refused unless explicitly allowed.
 */
const PRIVILEGED_TRIGGERS = new Set(['pull_request_target', 'workflow_run', 'issue_comment'])

function eventPayload(io: ActionIO): Record<string, unknown> {
  const path = io.env.GITHUB_EVENT_PATH
  if (!path) return {}
  try {
    const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'))
    if (typeof parsed === 'object' && parsed !== null) return parsed as Record<string, unknown>
  } catch {
    io.warning(`cannot read the event payload at ${path}`)
  }
  return {}
}

export function jobContext(io: ActionIO): JobContext {
  const env = io.env
  const source = inputsOf(io)
  const workspace = env.GITHUB_WORKSPACE ?? process.cwd()
  const event = eventPayload(io)
  const eventName = env.GITHUB_EVENT_NAME ?? ''
  if (PRIVILEGED_TRIGGERS.has(eventName) && !flagOf(source, 'allow-privileged-trigger')) {
    throw new UsageError(
      `refusing to run on \`${eventName}\`: it runs with a write token on behalf of code that may come from a fork. Use \`pull_request\`, or set \`allow-privileged-trigger: true\` if you know this workflow never runs untrusted code.`,
    )
  }
  const attempt = Number(env.GITHUB_RUN_ATTEMPT ?? '1')
  let name: string
  try {
    name = validateInvocationName(valueOf(source, 'name'))
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error))
  }
  return {
    workspace,
    root: resolve(workspace, valueOf(source, 'working-directory')),
    temp: env.RUNNER_TEMP ?? resolve(workspace, '..', '_temp'),
    runId: env.GITHUB_RUN_ID ?? '0',
    attempt: Number.isInteger(attempt) && attempt >= 1 ? attempt : 1,
    eventName,
    event,
    repository: env.GITHUB_REPOSITORY ?? '',
    name,
  }
}

/** Where the timings store lives in the workspace while a job uses it (and what the cache saves). */
export const CACHED_STORE = '.shardwise/cache/timings.json'
