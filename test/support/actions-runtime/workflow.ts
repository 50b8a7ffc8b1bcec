/**
 * Runs a reusable workflow's jobs the way GitHub lays them out, against the local Actions
 * runtime: each job (each matrix entry) starts from an empty workspace at the same path, its
 * steps run in order with their `if:`, `env:`, `with:` and `working-directory` evaluated from
 * the workflow file itself, and:
 *
 * - `actions/checkout` without `repository` fetches the project (a git repository) into its
 *   `path`; with `repository` (Shardwise's own checkout) it places Shardwise there;
 * - `actions/setup-*` are recorded and skipped (the machine's toolchains are used);
 * - `uses: ./dir` runs that action's `runs.main` with the Node of its `runs.using`, `INPUT_*`
 *   for every input (action.yml's defaults for the rest) and the job's runtime credentials;
 * - `run:` runs in bash (`-eo pipefail`) without the runtime credentials, as the runner does.
 *
 * The caller's `with:` is checked as GitHub checks a call (declared inputs, declared types,
 * required inputs) before anything runs. Anything the workflow uses beyond this throws.
 */
import { execFile, spawn } from 'node:child_process'
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { join, relative, resolve, sep } from 'node:path'
import { promisify } from 'node:util'
import { parse } from 'yaml'
import {
  asRec,
  callInputs,
  callerInputs,
  jobs,
  steps,
  type Rec,
  type Workflow,
} from '../../policy/rules.js'
import { parseAnnotations, parseGithubOutput, type Annotation } from '../action-runner.js'
import { runAction, type SimulatedJob, type SimulatedRun, type StepResult } from './environment.js'
import {
  asText,
  condition,
  interpolate,
  type ExpressionContext,
  type Value,
} from './expressions.js'

const exec = promisify(execFile)

export type Outcome = 'success' | 'failure' | 'skipped'

export interface ShellResult {
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
  readonly outputs: Record<string, string>
  readonly annotations: Annotation[]
}

export interface StepRecord {
  readonly name: string
  readonly id: string | undefined
  readonly kind: 'checkout' | 'toolchain' | 'run' | 'action'
  readonly outcome: Outcome
  /** The action's step result (`uses: ./…`) or the shell's (`run:`). */
  readonly result: StepResult | ShellResult | undefined
  /** What a checkout placed, and where (relative to the workspace). */
  readonly placed?: { readonly what: 'project' | 'shardwise'; readonly path: string }
  /** Wall time of the step, for the figures a test prints (never asserted). */
  readonly ms?: number
}

export interface JobRecord {
  readonly id: string
  readonly matrix: Readonly<Record<string, Value>> | undefined
  readonly result: Outcome
  readonly steps: readonly StepRecord[]
  readonly outputs: Readonly<Record<string, string>>
  /** Every file under the workspace when the job ended, relative, `/`-separated. */
  readonly workspaceFiles: readonly string[]
  /** The simulated job (its RUNNER_TEMP outlives it). */
  readonly job: SimulatedJob | undefined
}

export interface WorkflowRunResult {
  readonly jobs: readonly JobRecord[]
  readonly outputs: Readonly<Record<string, string>>
}

export interface WorkflowRunOptions {
  readonly workflow: Workflow
  /** The calling job's `with:`, as YAML typed it. */
  readonly with: Readonly<Record<string, unknown>>
  readonly run: SimulatedRun
  /** The repository under test: what a checkout without `repository:` fetches. */
  readonly project: string
  /** Puts Shardwise where a checkout with `repository:` points. */
  readonly placeShardwise: (dest: string) => Promise<void>
  /** The Node binary for an action's `runs.using` (`node24`). */
  readonly node: (using: string) => string
  /** Added to every step's environment. */
  readonly env?: Readonly<Record<string, string>>
  /** Run only these jobs (the others count as never run). */
  readonly only?: readonly string[]
  readonly timeoutMs?: number
}

/** Variables a `run:` step does not get (the runner gives them to node and container actions only). */
const RUNTIME_ONLY =
  /^ACTIONS_(?:RUNTIME_TOKEN|RUNTIME_URL|RESULTS_URL|CACHE_URL|CACHE_SERVICE_V2|ID_TOKEN_REQUEST_.*)$/

export async function runWorkflow(options: WorkflowRunOptions): Promise<WorkflowRunResult> {
  const { workflow, run } = options
  const github = githubContext(run)
  const declared = callInputs(workflow)
  const given: Record<string, Value> = {}
  for (const [name, value] of Object.entries(options.with))
    given[name] = interpolate(value, { values: { github } })
  const problems = callerInputs(`the call of ${workflow.file}`, given, declared)
  if (problems.length > 0)
    throw new Error(
      `the call does not match the inputs ${workflow.file} declares (GitHub refuses such a call):\n${problems.join('\n')}`,
    )
  const inputs: Record<string, Value> = {}
  for (const [name, input] of declared)
    inputs[name] = name in given ? (given[name] ?? null) : ((input.default ?? null) as Value)

  const records: JobRecord[] = []
  const results = new Map<string, { result: Outcome; outputs: Record<string, string> }>()
  for (const [id, job] of jobs(workflow)) {
    const needs = ([] as unknown[]).concat(job.needs ?? []).map(String)
    const needsContext: Record<string, Value> = {}
    for (const need of needs) {
      const done = results.get(need)
      if (!done) throw new Error(`jobs.${id} needs ${need}, which has not run before it`)
      needsContext[need] = { result: done.result, outputs: done.outputs }
    }
    const needResults = needs.map((n) => results.get(n)?.result)
    const jobContext: ExpressionContext = {
      values: { inputs, github, needs: needsContext },
      functions: {
        success: () => needResults.every((r) => r === 'success'),
        failure: () => needResults.some((r) => r === 'failure'),
        cancelled: () => false,
        always: () => true,
        fromJSON: (text) => JSON.parse(asText(text)) as Value,
      },
    }
    const wanted = options.only === undefined || options.only.includes(id)
    if (!wanted || !condition(job.if, jobContext, 'success()')) {
      records.push(skippedJob(id))
      results.set(id, { result: 'skipped', outputs: {} })
      continue
    }
    const strategy = asRec(job.strategy)
    const matrices: (Record<string, Value> | undefined)[] =
      strategy.matrix === undefined
        ? [undefined]
        : matrixOf(interpolate(strategy.matrix, jobContext))
    const outcomes: JobRecord[] = []
    for (const matrix of matrices) {
      outcomes.push(await runJob(id, job, matrix, { ...options, inputs, github, needsContext }))
    }
    records.push(...outcomes)
    const result: Outcome = outcomes.some((o) => o.result === 'failure')
      ? 'failure'
      : outcomes.length > 0 && outcomes.every((o) => o.result === 'skipped')
        ? 'skipped'
        : 'success'
    // A matrix job's outputs are whichever entry wrote last: the workflow under test has none.
    results.set(id, { result, outputs: outcomes.at(-1)?.outputs ?? {} })
  }

  const jobsContext: Record<string, Value> = {}
  for (const [id, done] of results) jobsContext[id] = { result: done.result, outputs: done.outputs }
  const outputs: Record<string, string> = {}
  const declaredOutputs = asRec(asRec(asRec(workflow.doc.on).workflow_call).outputs)
  for (const [name, output] of Object.entries(declaredOutputs))
    outputs[name] = asText(interpolate(asRec(output).value, { values: { jobs: jobsContext } }))
  return { jobs: records, outputs }
}

function skippedJob(id: string): JobRecord {
  return {
    id,
    matrix: undefined,
    result: 'skipped',
    steps: [],
    outputs: {},
    workspaceFiles: [],
    job: undefined,
  }
}

function matrixOf(value: Value): Record<string, Value>[] {
  const include = asRec(value).include
  if (!Array.isArray(include) || Object.keys(asRec(value)).length !== 1)
    throw new Error(
      `only a matrix of \`include\` entries is supported; got ${JSON.stringify(value)}`,
    )
  return include.map((entry) => asRec(entry) as Record<string, Value>)
}

function githubContext(run: SimulatedRun): Record<string, Value> {
  return {
    event_name: run.event,
    event: run.eventPayload as Record<string, Value>,
    run_id: String(run.id),
    run_attempt: String(run.attempt),
    sha: run.sha,
    ref: run.ref,
    head_ref: run.headRef,
    base_ref: run.baseRef,
    workspace: run.workspace,
  }
}

async function runJob(
  id: string,
  job: Rec,
  matrix: Record<string, Value> | undefined,
  context: WorkflowRunOptions & {
    inputs: Record<string, Value>
    github: Record<string, Value>
    needsContext: Record<string, Value>
  },
): Promise<JobRecord> {
  const { run } = context
  const workspace = run.workspace
  // Every job is a fresh machine: the same workspace path, nothing in it.
  await rm(workspace, { recursive: true, force: true })
  await mkdir(workspace, { recursive: true })
  const label = matrix ? `${id}-${Object.values(matrix).map(asText).join('-')}` : id
  const simulated = await run.job(label)
  const stepsContext: Record<string, Value> = {}
  const records: StepRecord[] = []
  let failed = false
  for (const [index, step] of steps(job).entries()) {
    const values = {
      inputs: context.inputs,
      github: { ...context.github, job: id, token: simulated.githubToken },
      needs: context.needsContext,
      matrix: matrix ?? {},
      steps: stepsContext,
      runner: { os: 'Linux', temp: simulated.temp },
      env: {},
    }
    const stepContext: ExpressionContext = {
      values,
      functions: {
        success: () => !failed,
        failure: () => failed,
        cancelled: () => false,
        always: () => true,
        fromJSON: (text) => JSON.parse(asText(text)) as Value,
      },
    }
    const name = typeof step.name === 'string' ? step.name : `step ${index + 1}`
    const stepId = typeof step.id === 'string' ? step.id : undefined
    const uses = typeof step.uses === 'string' ? step.uses : undefined
    const kind: StepRecord['kind'] =
      uses === undefined
        ? 'run'
        : uses.startsWith('actions/checkout@')
          ? 'checkout'
          : uses.startsWith('actions/setup-')
            ? 'toolchain'
            : 'action'
    if (!condition(step.if, stepContext, 'success()')) {
      records.push({ name, id: stepId, kind, outcome: 'skipped', result: undefined })
      continue
    }
    const started = Date.now()
    const withValues: Record<string, string> = {}
    for (const [key, value] of Object.entries(asRec(step.with)))
      withValues[key] = asText(interpolate(value, stepContext))
    let record: StepRecord
    if (kind === 'checkout') {
      const path = withValues.path ?? ''
      const dest = resolve(workspace, path)
      if (dest !== workspace && !dest.startsWith(workspace + sep))
        throw new Error(`${name}: actions/checkout refuses a path outside the workspace (${path})`)
      const what = (withValues.repository ?? '') === '' ? 'project' : 'shardwise'
      if (what === 'project') await fetchInto(context.project, dest)
      else await context.placeShardwise(dest)
      record = {
        name,
        id: stepId,
        kind,
        outcome: 'success',
        result: undefined,
        placed: { what, path },
      }
    } else if (kind === 'toolchain') {
      record = { name, id: stepId, kind, outcome: 'success', result: undefined }
    } else if (kind === 'action') {
      if (uses === undefined || !uses.startsWith('./'))
        throw new Error(`${name}: only local actions (uses: ./…) can run here; got ${String(uses)}`)
      const actionDir = resolve(workspace, uses)
      const actionYml = join(actionDir, 'action.yml')
      const runs = asRec(asRec(parse(await readFile(actionYml, 'utf8')) as unknown).runs)
      const result = await runAction({
        job: simulated,
        entry: join(actionDir, String(runs.main)),
        actionYml,
        inputs: withValues,
        node: context.node(String(runs.using)),
        cwd: workspace,
        ...(context.env ? { env: context.env } : {}),
        timeoutMs: context.timeoutMs ?? 180_000,
      })
      record = {
        name,
        id: stepId,
        kind,
        outcome: result.code === 0 ? 'success' : 'failure',
        result,
      }
    } else {
      const result = await shellStep(step, stepContext, simulated, workspace, context.env ?? {})
      record = {
        name,
        id: stepId,
        kind,
        outcome: result.code === 0 ? 'success' : 'failure',
        result,
      }
    }
    records.push({ ...record, ms: Date.now() - started })
    if (record.outcome === 'failure') failed = true
    if (stepId !== undefined) {
      stepsContext[stepId] = {
        outputs: record.result?.outputs ?? {},
        outcome: record.outcome,
        conclusion: record.outcome,
      }
    }
  }
  const outputs: Record<string, string> = {}
  for (const [name, value] of Object.entries(asRec(job.outputs)))
    outputs[name] = asText(
      interpolate(value, { values: { steps: stepsContext, matrix: matrix ?? {} } }),
    )
  return {
    id,
    matrix,
    result: failed ? 'failure' : 'success',
    steps: records,
    outputs,
    workspaceFiles: await filesUnder(workspace),
    job: simulated,
  }
}

/** What actions/checkout does in the end: a repository fetched and checked out at `dest`. */
async function fetchInto(source: string, dest: string): Promise<void> {
  await mkdir(dest, { recursive: true })
  const git = (args: string[]) => exec('git', args, { cwd: dest })
  await git(['init', '-q'])
  await git(['fetch', '-q', source, 'HEAD'])
  await git(['checkout', '-q', '--detach', 'FETCH_HEAD'])
}

async function shellStep(
  step: Rec,
  context: ExpressionContext,
  job: SimulatedJob,
  workspace: string,
  extra: Readonly<Record<string, string>>,
): Promise<ShellResult> {
  if (step.shell !== undefined && step.shell !== 'bash')
    throw new Error(`only \`shell: bash\` is supported; got ${JSON.stringify(step.shell)}`)
  const stepDir = await mkdtemp(join(job.temp, 'run-step-'))
  const script = join(stepDir, 'script.sh')
  await writeFile(script, asText(interpolate(step.run, context)))
  const files = {
    GITHUB_OUTPUT: join(stepDir, 'set_output'),
    GITHUB_STEP_SUMMARY: join(stepDir, 'step_summary'),
    GITHUB_ENV: join(stepDir, 'set_env'),
    GITHUB_PATH: join(stepDir, 'add_path'),
    GITHUB_STATE: join(stepDir, 'save_state'),
  }
  for (const file of Object.values(files)) await writeFile(file, '')
  const env: Record<string, string> = {}
  for (const [name, value] of Object.entries(job.env))
    if (!RUNTIME_ONLY.test(name)) env[name] = value
  Object.assign(env, extra, files)
  for (const [name, value] of Object.entries(asRec(step.env)))
    env[name] = asText(interpolate(value, context))
  const directory = typeof step['working-directory'] === 'string' ? step['working-directory'] : '.'
  const child = spawn('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], {
    cwd: resolve(workspace, asText(interpolate(directory, context))),
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()))
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()))
  const code = await new Promise<number | null>((done) => {
    // A missing working directory is a spawn error, and a failed step, as on GitHub.
    child.once('error', (error) => {
      stderr += String(error)
      done(127)
    })
    child.once('close', (c) => done(c))
  })
  return {
    code,
    stdout,
    stderr,
    outputs: parseGithubOutput(await readFile(files.GITHUB_OUTPUT, 'utf8')),
    annotations: parseAnnotations(stdout),
  }
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  return entries
    .filter((e) => !e.isDirectory())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .filter((path) => !path.startsWith('.git/') && !path.includes('/.git/'))
    .sort()
}
