// Workflow policy rules (THREATS.md B.2/B.3): each takes a parsed workflow (or its text) and
// returns what it found wrong, one message per finding; an empty list means the rule holds.
// zizmor cannot be installed here (PyPI), so its key audits are replicated as these rules.
import { parse } from 'yaml'

export type Rec = Record<string, unknown>

export interface Workflow {
  readonly file: string
  readonly text: string
  readonly doc: Rec
}

export function workflow(file: string, text: string): Workflow {
  const doc: unknown = parse(text)
  return { file, text, doc: asRec(doc) }
}

export function asRec(value: unknown): Rec {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Rec) : {}
}

function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? (value as unknown[]) : []
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined
}

export function jobs(wf: Workflow): [string, Rec][] {
  return Object.entries(asRec(wf.doc.jobs)).map(([id, job]) => [id, asRec(job)])
}

export function steps(job: Rec): Rec[] {
  return asList(job.steps).map(asRec)
}

function withOf(step: Rec): Rec {
  return asRec(step.with)
}

/** `owner/repo[/path]` of a `uses:` value, without the ref. */
function actionOf(step: Rec): string {
  return (str(step.uses) ?? '').split('@')[0] ?? ''
}

const isCheckout = (step: Rec): boolean => actionOf(step) === 'actions/checkout'
const isLocal = (uses: string): boolean => uses.startsWith('./')
const SHA_PIN = /^[^@\s]+@[0-9a-f]{40}$/

/** Every `uses:` of a job or a step, with where it is. */
function allUses(wf: Workflow): { where: string; uses: string }[] {
  const out: { where: string; uses: string }[] = []
  for (const [id, job] of jobs(wf)) {
    const jobUses = str(job.uses)
    if (jobUses !== undefined) out.push({ where: `jobs.${id}`, uses: jobUses })
    steps(job).forEach((step, i) => {
      const uses = str(step.uses)
      if (uses !== undefined) out.push({ where: `jobs.${id}.steps[${i}]`, uses })
    })
  }
  return out
}

/** Contexts whose values can come from outside the workflow's own text (A1–A3). */
const UNTRUSTED_IN_SCRIPT =
  /\b(?:matrix|needs|inputs|steps|github\.event|github\.head_ref)\b|\bgithub\s*\[\s*['"](?:event|head_ref)/

/** A1/A2: no `${{ }}` of matrix, needs, inputs, step outputs or event data inside `run:` (or github-script). */
export function templateInScripts(wf: Workflow): string[] {
  const out: string[] = []
  for (const [id, job] of jobs(wf)) {
    steps(job).forEach((step, i) => {
      const scripts: [string, unknown][] = [
        ['run', step.run],
        ['with.script', withOf(step).script],
      ]
      for (const [key, script] of scripts) {
        if (typeof script !== 'string') continue
        for (const match of script.matchAll(/\$\{\{([\s\S]*?)\}\}/g)) {
          if (UNTRUSTED_IN_SCRIPT.test(match[1] ?? ''))
            out.push(`${wf.file}: jobs.${id}.steps[${i}].${key} expands \`${match[0]}\``)
        }
      }
    })
  }
  return out
}

export type PermissionMap = Record<string, string>

/**
 * A5: `permissions: {}` at the top; every job states its own map; no write scope but
 * `pull-requests`, and that only in the jobs allowed it; never `actions: write`. With
 * `expected`, every job's map must be exactly the one given.
 */
export function permissions(
  wf: Workflow,
  opts: { mayWritePullRequests: readonly string[]; expected?: Record<string, PermissionMap> },
): string[] {
  const out: string[] = []
  const top = wf.doc.permissions
  if (typeof top !== 'object' || top === null || Object.keys(top).length !== 0)
    out.push(`${wf.file}: top-level permissions must be {} (got ${JSON.stringify(top)})`)
  for (const [id, job] of jobs(wf)) {
    const raw = job.permissions
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      out.push(`${wf.file}: jobs.${id} has no permissions map (got ${JSON.stringify(raw)})`)
      continue
    }
    const map = raw as Rec
    for (const [scope, level] of Object.entries(map)) {
      if (level !== 'write') continue
      if (scope === 'actions') out.push(`${wf.file}: jobs.${id} has actions: write`)
      else if (scope !== 'pull-requests') out.push(`${wf.file}: jobs.${id} has ${scope}: write`)
      else if (!opts.mayWritePullRequests.includes(id))
        out.push(`${wf.file}: jobs.${id} has pull-requests: write`)
    }
    const expected = opts.expected?.[id]
    if (opts.expected && expected === undefined)
      out.push(`${wf.file}: jobs.${id} is not a job the policy knows`)
    if (expected && JSON.stringify(sortKeys(map)) !== JSON.stringify(sortKeys(expected)))
      out.push(
        `${wf.file}: jobs.${id} permissions ${JSON.stringify(map)} != ${JSON.stringify(expected)}`,
      )
  }
  return out
}

function sortKeys(map: Rec): Rec {
  return Object.fromEntries(Object.entries(map).sort(([a], [b]) => (a < b ? -1 : 1)))
}

/** A9: every actions/checkout has `persist-credentials: false`. */
export function checkoutCredentials(wf: Workflow): string[] {
  const out: string[] = []
  for (const [id, job] of jobs(wf)) {
    steps(job).forEach((step, i) => {
      if (isCheckout(step) && withOf(step)['persist-credentials'] !== false)
        out.push(`${wf.file}: jobs.${id}.steps[${i}] checks out with persisted credentials`)
    })
  }
  return out
}

/** A10: every `uses:` is a local path or pinned by a full 40-hex commit SHA. */
export function pinnedUses(wf: Workflow): string[] {
  return allUses(wf)
    .filter(({ uses }) => !isLocal(uses) && !SHA_PIN.test(uses))
    .map(({ where, uses }) => `${wf.file}: ${where} uses ${uses}, not pinned by a commit SHA`)
}

/**
 * A10 (ref-version-mismatch's cousin): a SHA pin says what it is in a trailing comment —
 * `# vX.Y.Z` for an action, `# pin to a release commit` for the placeholder in examples.
 */
export function pinComments(wf: Workflow, accept: RegExp = /^v\d+\.\d+\.\d+$/): string[] {
  const out: string[] = []
  wf.text.split('\n').forEach((line, i) => {
    const m = /^\s*(?:-\s+)?uses:\s*(\S+)(?:\s+#\s*(.*?))?\s*$/.exec(line)
    if (!m || isLocal(m[1] ?? '')) return
    if (!accept.test(m[2] ?? ''))
      out.push(`${wf.file}:${i + 1}: ${m[1] ?? ''} has no version comment matching ${accept}`)
  })
  return out
}

/** The same action is pinned to one commit everywhere. */
export function pinsAgree(wfs: readonly Workflow[]): string[] {
  const seen = new Map<string, Set<string>>()
  for (const wf of wfs) {
    for (const { uses } of allUses(wf)) {
      const [action = '', ref = ''] = uses.split('@')
      if (isLocal(uses)) continue
      seen.set(action, (seen.get(action) ?? new Set()).add(ref))
    }
  }
  return [...seen]
    .filter(([, refs]) => refs.size > 1)
    .map(([action, refs]) => `${action} is pinned to ${[...refs].join(', ')}`)
}

/** H1/H3/H6: the matrix job does not fail fast, has no outputs, and is skipped on an empty plan. */
export function shardJob(wf: Workflow): string[] {
  const out: string[] = []
  const matrixJobs = jobs(wf).filter(([, job]) => asRec(job.strategy).matrix !== undefined)
  if (matrixJobs.length === 0) out.push(`${wf.file}: no matrix job`)
  for (const [id, job] of matrixJobs) {
    const strategy = asRec(job.strategy)
    if (strategy['fail-fast'] !== false)
      out.push(`${wf.file}: jobs.${id} does not set fail-fast: false`)
    if (job.outputs !== undefined) out.push(`${wf.file}: jobs.${id} has outputs (last writer wins)`)
    if (!/needs\.plan\.outputs\.shard-count\s*!=\s*'0'/.test(str(job.if) ?? ''))
      out.push(`${wf.file}: jobs.${id} runs on an empty plan (if: ${String(job.if)})`)
    if (
      !/^\$\{\{\s*fromJSON\(needs\.plan\.outputs\.matrix\)\s*\}\}$/.test(str(strategy.matrix) ?? '')
    )
      out.push(`${wf.file}: jobs.${id} matrix is not fromJSON(needs.plan.outputs.matrix)`)
  }
  return out
}

const PROJECT_CODE =
  /\binputs\.(?:command|setup)\b|\$\{?(?:SHARDWISE_)?(?:SETUP|TEST_COMMAND|COMMAND)\b/
const SETUP_ACTIONS = /^actions\/setup-/

/**
 * J4/A15: a job holding any write scope runs no project code — no `run:` step at all, no
 * `mode: run`, no setup-* action, no test command handed to the action, no checkout of the
 * repository under test (only of Shardwise, by `repository:`) — and its `if:` starts from
 * `!cancelled()` so that a failed shard cannot skip it into a green check.
 */
export function privilegedJobs(wf: Workflow): string[] {
  const out: string[] = []
  for (const [id, job] of jobs(wf)) {
    const perms = asRec(job.permissions)
    if (!Object.values(perms).includes('write')) continue
    if (job.uses !== undefined) continue // a call: the called workflow is checked itself
    const cond = str(job.if) ?? ''
    if (!/!\s*cancelled\(\)/.test(cond)) out.push(`${wf.file}: jobs.${id} if: lacks !cancelled()`)
    steps(job).forEach((step, i) => {
      const where = `${wf.file}: jobs.${id}.steps[${i}]`
      const run = str(step.run)
      if (run !== undefined)
        out.push(
          PROJECT_CODE.test(run) || PROJECT_CODE.test(JSON.stringify(step.env ?? {}))
            ? `${where} runs the project's setup or test command`
            : `${where} has a run: step in a privileged job`,
        )
      const w = withOf(step)
      if (w.mode === 'run') out.push(`${where} runs tests (mode: run)`)
      if (w.command !== undefined) out.push(`${where} hands the test command to the action`)
      if (SETUP_ACTIONS.test(actionOf(step)))
        out.push(`${where} sets up a toolchain (${actionOf(step)})`)
      if (isCheckout(step) && w.repository === undefined)
        out.push(`${where} checks out the repository under test`)
    })
  }
  return out
}

/**
 * C2: caches are restored only in the `plan` job (the action's `mode: plan`, actions/cache);
 * the setup-* actions' own caches are off everywhere.
 */
export function cacheRestores(wf: Workflow, planJob = 'plan'): string[] {
  const out: string[] = []
  for (const [id, job] of jobs(wf)) {
    steps(job).forEach((step, i) => {
      const where = `${wf.file}: jobs.${id}.steps[${i}]`
      const action = actionOf(step)
      const w = withOf(step)
      if (id !== planJob && (w.mode === 'plan' || action.startsWith('actions/cache')))
        out.push(`${where} restores a cache outside the ${planJob} job`)
      if (action === 'actions/setup-go' && w.cache !== false)
        out.push(`${where} setup-go without cache: false`)
      if (
        action === 'actions/setup-node' &&
        (w['package-manager-cache'] !== false || w.cache !== undefined)
      )
        out.push(`${where} setup-node with a package-manager cache`)
      if (action === 'actions/setup-python' && w.cache !== undefined)
        out.push(`${where} setup-python with a cache`)
    })
  }
  return out
}

/** B12: artifact downloads only from this run: no `run-id`, no `github-token`, no merge-multiple. */
export function downloads(wf: Workflow): string[] {
  const out: string[] = []
  for (const [id, job] of jobs(wf)) {
    steps(job).forEach((step, i) => {
      if (actionOf(step) !== 'actions/download-artifact') return
      const w = withOf(step)
      for (const key of ['run-id', 'github-token', 'repository'])
        if (w[key] !== undefined)
          out.push(`${wf.file}: jobs.${id}.steps[${i}] downloads with ${key}`)
      if (w['merge-multiple'] === true || w['merge-multiple'] === 'true')
        out.push(`${wf.file}: jobs.${id}.steps[${i}] downloads with merge-multiple`)
    })
  }
  return out
}

/** A7: no `secrets: inherit`, no `toJSON(secrets)`. */
export function secrets(wf: Workflow): string[] {
  const out: string[] = []
  for (const [id, job] of jobs(wf))
    if (job.secrets === 'inherit') out.push(`${wf.file}: jobs.${id} has secrets: inherit`)
  if (/toJSON\(\s*secrets\s*\)/i.test(wf.text)) out.push(`${wf.file}: toJSON(secrets)`)
  return out
}

/**
 * G11/H7: every job that runs steps has `timeout-minutes` (a job that calls a reusable
 * workflow cannot have one: the called workflow's jobs carry their own).
 */
export function timeouts(wf: Workflow): string[] {
  return jobs(wf)
    .filter(([, job]) => job.uses === undefined && job['timeout-minutes'] === undefined)
    .map(([id]) => `${wf.file}: jobs.${id} has no timeout-minutes`)
}

/**
 * A16: every `if:` is one line, and an `if:` that uses `${{ }}` is wholly one expression
 * (`if: |` or `${{ a }} && b` is a non-empty string, always true).
 */
export function singleLineIfs(wf: Workflow): string[] {
  const out: string[] = []
  const check = (where: string, cond: unknown): void => {
    if (typeof cond !== 'string') return
    const text = cond
    if (text.includes('\n')) out.push(`${where} if: spans lines`)
    else if (text.includes('${{') && !/^\$\{\{[^]*\}\}$/.test(text.trim()))
      out.push(`${where} if: is text around an expression (always true)`)
  }
  for (const [id, job] of jobs(wf)) {
    check(`${wf.file}: jobs.${id}`, job.if)
    steps(job).forEach((step, i) => check(`${wf.file}: jobs.${id}.steps[${i}]`, step.if))
  }
  wf.text.split('\n').forEach((line, i) => {
    if (/^\s*(?:-\s+)?if:\s*[|>]/.test(line)) out.push(`${wf.file}:${i + 1}: if: is a block scalar`)
  })
  return out
}

/** H10: no `concurrency` keyed on `github.workflow` (in a called workflow it is the caller's). */
export function concurrency(wf: Workflow): string[] {
  const out: string[] = []
  const check = (where: string, value: unknown): void => {
    if (value !== undefined && /github\.workflow\b/.test(JSON.stringify(value)))
      out.push(`${where} concurrency uses github.workflow`)
  }
  check(`${wf.file}: top level`, wf.doc.concurrency)
  for (const [id, job] of jobs(wf)) check(`${wf.file}: jobs.${id}`, job.concurrency)
  return out
}

/**
 * The `uses: ./` pitfall: inside a called workflow `./` is the caller's checkout. Every local
 * action must be a Shardwise checkout made earlier in the same job — `repository:` and `ref:`
 * from the workflow's inputs, into that very path.
 */
export function localActions(wf: Workflow): string[] {
  const out: string[] = []
  for (const [id, job] of jobs(wf)) {
    const checkedOut = new Set<string>()
    steps(job).forEach((step, i) => {
      const w = withOf(step)
      if (
        isCheckout(step) &&
        /inputs\.shardwise-repository/.test(str(w.repository) ?? '') &&
        /inputs\.shardwise-ref/.test(str(w.ref) ?? '') &&
        typeof w.path === 'string'
      )
        checkedOut.add(w.path.replace(/^\.\//, '').replace(/\/$/, ''))
      const uses = str(step.uses)
      if (uses === undefined || !isLocal(uses)) return
      const path = uses.slice(2).replace(/\/$/, '')
      if (path === '' || !checkedOut.has(path))
        out.push(
          `${wf.file}: jobs.${id}.steps[${i}] uses ${uses}, which is not a Shardwise checkout in this job`,
        )
    })
  }
  return out
}

/** A `workflow_call` input as the called workflow declares it. */
export interface CallInput {
  readonly type: 'string' | 'number' | 'boolean'
  readonly required: boolean
  readonly default: unknown
}

/** The `on.workflow_call.inputs` of a reusable workflow. */
export function callInputs(wf: Workflow): Map<string, CallInput> {
  const declared = asRec(asRec(asRec(wf.doc.on).workflow_call).inputs)
  const out = new Map<string, CallInput>()
  for (const [name, raw] of Object.entries(declared)) {
    const input = asRec(raw)
    const type = input.type
    if (type !== 'string' && type !== 'number' && type !== 'boolean')
      throw new Error(`${wf.file}: input ${name} has no type string, number or boolean`)
    out.set(name, { type, required: input.required === true, default: input.default })
  }
  return out
}

/** A value a workflow fills in at run time (`${{ github.sha }}`): its type is not known here. */
const isExpression = (value: unknown): boolean =>
  typeof value === 'string' && /^\s*\$\{\{[\s\S]*\}\}\s*$/.test(value)

/**
 * What GitHub checks when a job calls a reusable workflow, and actionlint does not: every input
 * given is declared, its YAML scalar has the declared type (`'300'` for a string, `300` for a
 * number, `true` for a boolean; an expression may be anything), and every required input is
 * given.
 */
export function callerInputs(
  where: string,
  given: unknown,
  declared: ReadonlyMap<string, CallInput>,
): string[] {
  const out: string[] = []
  const values = asRec(given)
  for (const [name, value] of Object.entries(values)) {
    const input = declared.get(name)
    if (!input) {
      out.push(`${where}: \`${name}\` is not an input of the called workflow`)
      continue
    }
    if (isExpression(value)) continue
    if (typeof value !== input.type)
      out.push(
        `${where}: \`${name}\` is declared \`type: ${input.type}\` but given ${value === null ? 'nothing' : `the ${typeof value} ${JSON.stringify(value)}`}`,
      )
  }
  for (const [name, input] of declared)
    if (input.required && !(name in values))
      out.push(`${where}: the required input \`${name}\` is missing`)
  return out
}

/** The ```yaml fenced blocks of a Markdown text, parsed, with their line numbers. */
export function markdownYamlBlocks(file: string, text: string): { where: string; doc: unknown }[] {
  const out: { where: string; doc: unknown }[] = []
  for (const match of text.matchAll(/^```ya?ml\n([\s\S]*?)^```$/gm)) {
    const line = text.slice(0, match.index).split('\n').length
    out.push({ where: `${file}:${line}`, doc: parse(match[1] ?? '') as unknown })
  }
  return out
}

/** Every mapping in a parsed YAML document whose `uses:` matches, with its `with:`. */
export function usesOf(doc: unknown, pattern: RegExp): { uses: string; with: unknown }[] {
  const out: { uses: string; with: unknown }[] = []
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit)
    else if (typeof node === 'object' && node !== null) {
      const rec = node as Rec
      if (typeof rec.uses === 'string' && pattern.test(rec.uses))
        out.push({ uses: rec.uses, with: rec.with })
      Object.values(rec).forEach(visit)
    }
  }
  visit(doc)
  return out
}

/**
 * Item 1 of the layout: in every job that has the project on disk, the project is checked out
 * into its own directory beside Shardwise's, and every step that runs project code or hands the
 * action the project (setup, `mode: plan`/`run`) works in that directory — so the user's test
 * runner, listing its own tests, never sees a file of Shardwise's.
 */
export function projectBesideShardwise(wf: Workflow): string[] {
  const out: string[] = []
  for (const [id, job] of jobs(wf)) {
    let project: string | undefined
    let shardwise: string | undefined
    steps(job).forEach((step, i) => {
      const where = `${wf.file}: jobs.${id}.steps[${i}]`
      const w = withOf(step)
      const path = typeof w.path === 'string' ? w.path.replace(/^\.\//, '').replace(/\/$/, '') : ''
      if (isCheckout(step)) {
        if (w.repository === undefined) project = path
        else shardwise = path
        return
      }
      const usesProject =
        (step.run !== undefined && PROJECT_CODE.test(JSON.stringify(step))) ||
        (isLocal(str(step.uses) ?? '') && (w.mode === 'plan' || w.mode === 'run'))
      if (!usesProject) return
      const dir = str(step.run !== undefined ? step['working-directory'] : w['working-directory'])
      if (project === undefined) out.push(`${where} works on a project that is not checked out`)
      else if (project === '' || shardwise === undefined)
        out.push(`${where}: the project is checked out at the workspace root, around Shardwise`)
      else if (
        project === shardwise ||
        `${shardwise}/`.startsWith(`${project}/`) ||
        `${project}/`.startsWith(`${shardwise}/`)
      )
        out.push(`${where}: the project (${project}) and Shardwise (${shardwise}) overlap`)
      else if ((dir ?? '').replace(/^\.\//, '').replace(/\/$/, '') !== project)
        out.push(
          `${where} works in \`${dir ?? '.'}\`, not in the project's directory \`${project}\``,
        )
    })
  }
  return out
}
