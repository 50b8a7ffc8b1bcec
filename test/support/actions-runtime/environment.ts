/**
 * A local GitHub Actions runtime: the blob store (Azurite), the results service (Twirp, for
 * artifacts and caches) and the GitHub REST API on 127.0.0.1, plus simulated workflow runs and
 * jobs whose environment is what the runner gives a step (RUNTIME.md), and `runAction` to run a
 * bundled entry in such a job as the runner does.
 *
 *   const runtime = await startActionsRuntime()
 *   const run = runtime.newRun({ event: 'pull_request', prNumber: 7 })
 *   const job = await run.job('plan')
 *   const result = await runAction({ job, inputs: { mode: 'plan' } })
 *   await runtime.stop()
 */
import { randomBytes, randomUUID } from 'node:crypto'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  type Annotation,
  expressionsFromEnv,
  inputEnv,
  parseAnnotations,
  parseGithubOutput,
  REPO_ROOT,
  type SpawnResult,
  spawnNode,
} from '../action-runner.js'
import { type BlobStore, startBlobStore } from './azurite.js'
import { ACTIONS_BOT, type GitHubRestServer, startGitHubRest } from './github-rest.js'
import { runtimeToken, startTwirp, type TwirpServer } from './twirp.js'

export { runtimeToken } from './twirp.js'
export type { Annotation } from '../action-runner.js'

export const DEFAULT_ENTRY = join(REPO_ROOT, 'dist/index.js')

export type EventName =
  | 'pull_request'
  | 'pull_request_target'
  | 'push'
  | 'workflow_dispatch'
  | 'schedule'
  | 'merge_group'
  | 'issue_comment'
  | 'workflow_run'

export interface RuntimeOptions {
  /** `auto` (default): Azurite, else the in-process blob store with a log line. */
  readonly blob?: 'auto' | 'azurite' | 'in-process'
  /** Default `acme/widgets`. */
  readonly repository?: string
  /** Default `main`. */
  readonly defaultBranch?: string
  /** GITHUB_SERVER_URL; default `https://github.com` (other hosts count as GHES to the toolkit). */
  readonly serverUrl?: string
  readonly log?: (line: string) => void
}

export interface RunOptions {
  /** Default `pull_request`. */
  readonly event?: EventName
  /** push: the pushed branch (default: the default branch). PRs: the head branch (default `feature`). */
  readonly branch?: string
  /** PRs: the base branch (default: the default branch). */
  readonly baseBranch?: string
  /** PRs: default 7. */
  readonly prNumber?: number
  /** A PR from a fork: a read-only GITHUB_TOKEN (writes get 403). */
  readonly fork?: boolean
  /** GITHUB_RUN_ID; default a fresh one. */
  readonly runId?: number
  /** Default 1. */
  readonly runAttempt?: number
  /** GITHUB_WORKSPACE; default one path shared by all runs (cache versions depend on it). */
  readonly workspace?: string
  /** The merge commit (PRs) or pushed commit; default random. */
  readonly sha?: string
  /** Merged over the generated event payload. */
  readonly eventPayload?: Readonly<Record<string, unknown>>
  /** Read-only cache token; default for `pull_request_target`, `issue_comment` and fork `workflow_run`. */
  readonly cacheReadOnly?: boolean
  /** Read-only GITHUB_TOKEN; default for fork PRs. */
  readonly tokenReadOnly?: boolean
  /** GITHUB_ACTOR; default `octocat`. */
  readonly actor?: string
}

export interface SimulatedRun {
  /** GITHUB_RUN_ID */
  readonly id: number
  /** The workflow run backend id in the runtime token. */
  readonly backendId: string
  readonly attempt: number
  readonly event: EventName
  /** GITHUB_REF, e.g. `refs/pull/7/merge` */
  readonly ref: string
  readonly sha: string
  /** GITHUB_HEAD_REF / GITHUB_BASE_REF (empty outside PRs). */
  readonly headRef: string
  readonly baseRef: string
  readonly prNumber: number | undefined
  readonly fork: boolean
  readonly workspace: string
  readonly eventPayload: Readonly<Record<string, unknown>>
  /** A new job of this run: a new job backend id, temp dirs and GITHUB_TOKEN. */
  job(name?: string): Promise<SimulatedJob>
  /** The same run re-run: same ids and artifacts, `attempt + 1`. */
  rerun(): SimulatedRun
}

export interface JobFiles {
  readonly output: string
  readonly summary: string
  readonly env: string
  readonly path: string
  readonly state: string
  readonly event: string
}

export interface SimulatedJob {
  readonly run: SimulatedRun
  /** GITHUB_JOB */
  readonly name: string
  readonly backendId: string
  /** ACTIONS_RUNTIME_TOKEN */
  readonly runtimeToken: string
  /** What `${{ github.token }}` gives; registered with the REST fake. */
  readonly githubToken: string
  readonly workspace: string
  /** RUNNER_TEMP */
  readonly temp: string
  readonly files: JobFiles
  /** The step environment (no INPUT_*). */
  readonly env: Readonly<Record<string, string>>
  /** Values for `${{ … }}` in action.yml defaults. */
  readonly expressions: Readonly<Record<string, string>>
}

export interface ActionsRuntime {
  readonly blob: BlobStore
  readonly twirp: TwirpServer
  readonly github: GitHubRestServer
  readonly repository: string
  readonly defaultBranch: string
  newRun(options?: RunOptions): SimulatedRun
  /** Stops every server and removes every temp dir it made. */
  stop(): Promise<void>
}

const hex = (bytes: number) => randomBytes(bytes).toString('hex')
let runCounter = 0

function eventPayload(
  event: EventName,
  context: {
    repository: string
    defaultBranch: string
    serverUrl: string
    apiUrl: string
    prNumber: number | undefined
    headRef: string
    baseRef: string
    fork: boolean
    sha: string
    ref: string
    actor: string
  },
): Record<string, unknown> {
  const [owner = '', name = ''] = context.repository.split('/')
  const user = (login: string) => ({ login, id: 583231, type: 'User' })
  const repo = (fullName: string, fork: boolean) => ({
    id: 1296269,
    name: fullName.split('/')[1] ?? name,
    full_name: fullName,
    owner: user(fullName.split('/')[0] ?? owner),
    private: false,
    fork,
    html_url: `${context.serverUrl}/${fullName}`,
    url: `${context.apiUrl}/repos/${fullName}`,
    default_branch: context.defaultBranch,
  })
  const repository = repo(context.repository, false)
  const sender = user(context.actor)
  if (event === 'pull_request' || event === 'pull_request_target') {
    const number = context.prNumber ?? 7
    const headRepo = context.fork ? `contributor/${name}` : context.repository
    return {
      action: 'synchronize',
      number,
      pull_request: {
        number,
        state: 'open',
        draft: false,
        locked: false,
        title: 'A change',
        html_url: `${context.serverUrl}/${context.repository}/pull/${String(number)}`,
        url: `${context.apiUrl}/repos/${context.repository}/pulls/${String(number)}`,
        user: user(context.fork ? 'contributor' : context.actor),
        author_association: context.fork ? 'CONTRIBUTOR' : 'MEMBER',
        head: {
          ref: context.headRef,
          sha: hex(20),
          label: `${headRepo.split('/')[0] ?? ''}:${context.headRef}`,
          repo: repo(headRepo, context.fork),
        },
        base: {
          ref: context.baseRef,
          sha: hex(20),
          label: `${owner}:${context.baseRef}`,
          repo: repository,
        },
        merge_commit_sha: context.sha,
      },
      repository,
      sender,
    }
  }
  if (event === 'push') {
    return {
      ref: context.ref,
      before: hex(20),
      after: context.sha,
      created: false,
      deleted: false,
      forced: false,
      head_commit: { id: context.sha, message: 'A change', timestamp: new Date().toISOString() },
      pusher: { name: context.actor },
      repository,
      sender,
    }
  }
  if (event === 'workflow_dispatch') return { inputs: {}, ref: context.ref, repository, sender }
  if (event === 'schedule') return { schedule: '0 3 * * *', repository }
  return { repository, sender }
}

export async function startActionsRuntime(options: RuntimeOptions = {}): Promise<ActionsRuntime> {
  const repository = options.repository ?? 'acme/widgets'
  const defaultBranch = options.defaultBranch ?? 'main'
  const serverUrl = options.serverUrl ?? 'https://github.com'
  const root = await mkdtemp(join(tmpdir(), 'shardwise-actions-'))
  const sharedWorkspace = join(root, 'work', repository.split('/')[1] ?? 'repo')
  await mkdir(sharedWorkspace, { recursive: true })
  const blob = await startBlobStore({
    mode: options.blob ?? 'auto',
    ...(options.log === undefined ? {} : { log: options.log }),
  })
  const twirp = await startTwirp({ blob, defaultRef: `refs/heads/${defaultBranch}` })
  const github = await startGitHubRest({ repository })
  let jobCounter = 0

  const newRun = (
    runOptions: RunOptions,
    ids?: { id: number; backendId: string },
  ): SimulatedRun => {
    const event = runOptions.event ?? 'pull_request'
    const isPr = event === 'pull_request' || event === 'pull_request_target'
    const prNumber = isPr ? (runOptions.prNumber ?? 7) : undefined
    const headRef = isPr ? (runOptions.branch ?? 'feature') : ''
    const baseRef = isPr ? (runOptions.baseBranch ?? defaultBranch) : ''
    const ref =
      event === 'pull_request'
        ? `refs/pull/${String(prNumber)}/merge`
        : event === 'push'
          ? `refs/heads/${runOptions.branch ?? defaultBranch}`
          : `refs/heads/${defaultBranch}`
    const fork = runOptions.fork ?? false
    const sha = runOptions.sha ?? hex(20)
    const id = ids?.id ?? runOptions.runId ?? 9_000_000_000 + ++runCounter
    const backendId = ids?.backendId ?? randomUUID()
    const attempt = runOptions.runAttempt ?? 1
    const workspace = runOptions.workspace ?? sharedWorkspace
    const actor = runOptions.actor ?? 'octocat'
    const payload = {
      ...eventPayload(event, {
        repository,
        defaultBranch,
        serverUrl,
        apiUrl: github.url,
        prNumber,
        headRef,
        baseRef,
        fork,
        sha,
        ref,
        actor,
      }),
      ...runOptions.eventPayload,
    }
    const cacheReadOnly =
      runOptions.cacheReadOnly ??
      (event === 'pull_request_target' ||
        event === 'issue_comment' ||
        (event === 'workflow_run' && fork))
    twirp.registerRun(backendId, {
      ref,
      ...(event === 'pull_request' ? { baseRef: `refs/heads/${baseRef}` } : {}),
      cacheReadOnly,
    })
    if (prNumber !== undefined) github.addIssue(prNumber)

    const run: SimulatedRun = {
      id,
      backendId,
      attempt,
      event,
      ref,
      sha,
      headRef,
      baseRef,
      prNumber,
      fork,
      workspace,
      eventPayload: payload,
      rerun: () => newRun({ ...runOptions, runAttempt: attempt + 1, sha }, { id, backendId }),
      async job(name = `job-${String(++jobCounter)}`) {
        const jobBackendId = randomUUID()
        const temp = await mkdtemp(join(root, `runner-temp-${name.replace(/[^\w.-]/g, '_')}-`))
        const commands = join(temp, '_runner_file_commands')
        await mkdir(commands)
        await mkdir(workspace, { recursive: true })
        const files: JobFiles = {
          output: join(commands, 'set_output'),
          summary: join(commands, 'step_summary'),
          env: join(commands, 'set_env'),
          path: join(commands, 'add_path'),
          state: join(commands, 'save_state'),
          event: join(temp, '_github_workflow', 'event.json'),
        }
        await mkdir(join(temp, '_github_workflow'))
        await writeFile(files.event, JSON.stringify(payload, null, 2))
        for (const file of [files.output, files.summary, files.env, files.path, files.state]) {
          await writeFile(file, '')
        }
        const token = runtimeToken({ runBackendId: backendId, jobBackendId })
        const githubToken = github.addToken({
          user: ACTIONS_BOT,
          readOnly: runOptions.tokenReadOnly ?? (isPr && fork),
        })
        const [owner = ''] = repository.split('/')
        const env: Record<string, string> = {
          PATH: process.env.PATH ?? '',
          HOME: process.env.HOME ?? temp,
          CI: 'true',
          GITHUB_ACTIONS: 'true',
          ACTIONS_RUNTIME_TOKEN: token,
          ACTIONS_RESULTS_URL: twirp.url,
          ACTIONS_CACHE_SERVICE_V2: 'true',
          GITHUB_SERVER_URL: serverUrl,
          GITHUB_API_URL: github.url,
          GITHUB_GRAPHQL_URL: `${github.url}/graphql`,
          GITHUB_WORKSPACE: workspace,
          RUNNER_TEMP: temp,
          RUNNER_TOOL_CACHE: join(root, 'toolcache'),
          RUNNER_OS: 'Linux',
          RUNNER_ARCH: 'X64',
          RUNNER_NAME: 'local-runner',
          RUNNER_ENVIRONMENT: 'github-hosted',
          GITHUB_OUTPUT: files.output,
          GITHUB_STEP_SUMMARY: files.summary,
          GITHUB_ENV: files.env,
          GITHUB_PATH: files.path,
          GITHUB_STATE: files.state,
          GITHUB_EVENT_NAME: event,
          GITHUB_EVENT_PATH: files.event,
          GITHUB_REPOSITORY: repository,
          GITHUB_REPOSITORY_OWNER: owner,
          GITHUB_RUN_ID: String(id),
          GITHUB_RUN_NUMBER: String(id % 10_000),
          GITHUB_RUN_ATTEMPT: String(attempt),
          GITHUB_SHA: sha,
          GITHUB_REF: ref,
          GITHUB_REF_NAME: ref
            .replace(/^refs\/(heads|tags)\//, '')
            .replace(/^refs\/pull\/(\d+)\/merge$/, '$1/merge'),
          GITHUB_REF_TYPE: 'branch',
          GITHUB_HEAD_REF: headRef,
          GITHUB_BASE_REF: baseRef,
          GITHUB_JOB: name,
          GITHUB_WORKFLOW: 'CI',
          GITHUB_ACTION: '__self',
          GITHUB_ACTOR: actor,
          GITHUB_TRIGGERING_ACTOR: actor,
        }
        const expressions: Record<string, string> = {
          'github.token': githubToken,
          'github.workspace': workspace,
          'github.repository': repository,
          'github.run_id': String(id),
          'github.run_attempt': String(attempt),
          'github.sha': sha,
          'github.ref': ref,
          'github.event_name': event,
          'github.server_url': serverUrl,
          'github.api_url': github.url,
          'github.job': name,
          'runner.temp': temp,
          'runner.os': 'Linux',
        }
        return {
          run,
          name,
          backendId: jobBackendId,
          runtimeToken: token,
          githubToken,
          workspace,
          temp,
          files,
          env,
          expressions,
        }
      },
    }
    return run
  }

  return {
    blob,
    twirp,
    github,
    repository,
    defaultBranch,
    newRun: (runOptions = {}) => newRun(runOptions),
    async stop() {
      await Promise.allSettled([twirp.stop(), github.stop()])
      await blob.stop()
      await rm(root, { recursive: true, force: true })
    },
  }
}

export interface StepResult extends SpawnResult {
  /** GITHUB_OUTPUT of this step, heredocs parsed. */
  readonly outputs: Record<string, string>
  /** GITHUB_STEP_SUMMARY of this step. */
  readonly summary: string
  /** GITHUB_ENV of this step (what later steps would see). */
  readonly exportedEnv: Record<string, string>
  /** GITHUB_STATE of this step. */
  readonly state: Record<string, string>
  /** `::error::`, `::warning::` and `::notice::` lines of stdout. */
  readonly annotations: Annotation[]
}

/**
 * Runs one step: `node <entry>` (default the bundle, dist/index.js) with async spawn, the job's
 * environment, `env` on top, and `INPUT_*` from `inputs` plus action.yml's defaults (`actionYml:
 * false` for a plain script). Like the runner, every step gets fresh GITHUB_OUTPUT,
 * GITHUB_STEP_SUMMARY, GITHUB_ENV, GITHUB_PATH and GITHUB_STATE files.
 */
export async function runAction(options: {
  job?: SimulatedJob
  env?: Readonly<Record<string, string>>
  entry?: string
  args?: readonly string[]
  inputs?: Readonly<Record<string, string>>
  node?: string
  cwd?: string
  actionYml?: string | false
  /** Inputs left out of the step environment altogether (no `INPUT_*`, not even the default). */
  omitInputs?: readonly string[]
  timeoutMs?: number
}): Promise<StepResult> {
  const base = { ...options.job?.env, ...options.env }
  const stepDir = await mkdtemp(join(options.job?.temp ?? tmpdir(), 'step-'))
  const files = {
    GITHUB_OUTPUT: join(stepDir, 'set_output'),
    GITHUB_STEP_SUMMARY: join(stepDir, 'step_summary'),
    GITHUB_ENV: join(stepDir, 'set_env'),
    GITHUB_PATH: join(stepDir, 'add_path'),
    GITHUB_STATE: join(stepDir, 'save_state'),
  }
  for (const file of Object.values(files)) await writeFile(file, '')
  const omitted = new Set(
    (options.omitInputs ?? []).map((input) => `INPUT_${input.replace(/ /g, '_').toUpperCase()}`),
  )
  const inputs = await inputEnv(options.inputs ?? {}, {
    ...(options.actionYml === undefined ? {} : { actionYml: options.actionYml }),
    expressions: options.job?.expressions ?? expressionsFromEnv(base),
  })
  const env: Record<string, string> = {
    ...base,
    ...files,
    ...Object.fromEntries(Object.entries(inputs).filter(([name]) => !omitted.has(name))),
  }
  const result = await spawnNode({
    ...(options.node === undefined ? {} : { node: options.node }),
    entry: options.entry ?? DEFAULT_ENTRY,
    ...(options.args === undefined ? {} : { args: options.args }),
    env,
    cwd: options.cwd ?? options.job?.workspace ?? base.GITHUB_WORKSPACE ?? process.cwd(),
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
  })
  const read = (file: string) => readFile(file, 'utf8')
  return {
    ...result,
    outputs: parseGithubOutput(await read(files.GITHUB_OUTPUT)),
    summary: await read(files.GITHUB_STEP_SUMMARY),
    exportedEnv: parseGithubOutput(await read(files.GITHUB_ENV)),
    state: parseGithubOutput(await read(files.GITHUB_STATE)),
    annotations: parseAnnotations(result.stdout),
  }
}
