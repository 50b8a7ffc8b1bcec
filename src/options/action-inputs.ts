// Generated from action.yml by `npm run docs`; do not edit (`npm run docs-check` fails on drift).
// The inputs as action.yml declares them: the CLI's defaults and the action's, from one source.
export const ACTION_INPUTS: Readonly<
  Record<string, { readonly description: string; readonly default: string }>
> = {
  mode: {
    description:
      'What this step does: `plan` (split the tests and output the matrix), `run` (run one shard, or the serial fallback), or `combine` (verdict, timings, coverage and report). Required.',
    default: '',
  },
  name: {
    description:
      '(all) A name for this use of Shardwise in the workflow run: artifacts, the cache key and the pull-request comment are scoped by it. Give each use its own name when one workflow shards several suites.',
    default: 'shardwise',
  },
  'working-directory': {
    description:
      "(all) The project's directory, inside the workspace: globs, ids and the command are relative to it, and the runner lists its tests there. Check the action out beside it, not inside it (the reusable workflow uses `project`).",
    default: '.',
  },
  command: {
    description:
      '(plan, run) The test command, e.g. `npx jest` or `python -m pytest`. Split into words like a shell would quote it, but never run through a shell. In `plan`, with no `tests` glob, the runner lists its own tests.',
    default: '',
  },
  runner: {
    description:
      '(plan, run) `auto` (detected from the command), `jest`, `vitest`, `playwright`, `mocha`, `node`, `pytest`, `go` or `generic`.',
    default: 'auto',
  },
  tests: {
    description:
      "(plan) Globs of test files to plan, one per line. When empty, the items in `items-from`, the runner's own list (with `command`) or the timings are planned.",
    default: '',
  },
  'items-from': {
    description:
      '(plan) A file listing the ids to plan, one per line (test files, or test ids such as `tests/test_x.py::test_y`).',
    default: '',
  },
  timings: {
    description:
      '(plan) Extra timing files or directories, one per line: JUnit XML, pytest-split `.test_durations`, Knapsack JSON, parallel_tests logs, cypress-split JSON, Jest `--json`, `go test -json`. The history saved by `combine` is restored from the cache on top.',
    default: '',
  },
  cache: {
    description: '(plan) Restore the timing history from the Actions cache.',
    default: 'true',
  },
  shards: {
    description:
      '(plan) The number of shards, 1 to 256, or `auto` to use the fewest shards that reach `target-seconds`.',
    default: '4',
  },
  'target-seconds': {
    description:
      '(plan) With `shards: auto`, the wall time a shard should take, start-up included.',
    default: '',
  },
  'max-shards': {
    description:
      "(plan) With `shards: auto`, the most shards to use (at most 256, GitHub's matrix limit).",
    default: '256',
  },
  'shard-overhead-seconds': {
    description:
      '(plan) The start-up every shard pays besides its test files, in seconds; used for predictions and by `shards: auto`. Empty: the runner start-up and warm-up the timing history learned (0 without history).',
    default: '',
  },
  granularity: {
    description:
      "(plan) `file` plans whole files; `test` plans single tests; `auto` splits only the files that alone would exceed a shard's share (pytest and go test can run single tests).",
    default: 'file',
  },
  'plan-file': {
    description: '(plan) Where to write the plan JSON, relative to `RUNNER_TEMP`.',
    default: 'shardwise-plan.json',
  },
  shard: {
    description:
      '(run) The shard to run: its 1-based number (`matrix.shard` in a matrix job), or `fallback` for the serial re-run of failed tests and missing shards.',
    default: '',
  },
  retries: {
    description:
      '(run) Run failed tests again up to this many times; a test that fails and then passes is flaky.',
    default: '0',
  },
  repeat: {
    description: '(run) Run every test this many times, to hunt flaky tests.',
    default: '1',
  },
  'fail-on-flaky': {
    description: '(run) Fail the shard when a test is flaky.',
    default: 'false',
  },
  'fail-on-test-failure': {
    description:
      '(run) Fail the step when tests fail (the combine job decides the verdict either way).',
    default: 'true',
  },
  'timeout-seconds': {
    description:
      "(run) Stop the tests after this many seconds and keep a partial result. Set it below the job's `timeout-minutes`.",
    default: '',
  },
  junit: {
    description:
      '(run) Globs of JUnit reports the command writes (needed for the `generic` runner), one per line.',
    default: '',
  },
  coverage: {
    description:
      '(run) Globs of coverage files to collect (lcov, Istanbul JSON, Cobertura XML, Go cover profiles), one per line.',
    default: '',
  },
  'fallback-max-items': {
    description:
      '(run) With `shard: fallback`: run at most this many items again; more failures look systemic and are not re-run.',
    default: '50',
  },
  'coverage-threshold': {
    description:
      '(combine) Fail when the merged line coverage of all shards is below this percentage.',
    default: '',
  },
  'base-ref': {
    description:
      '(combine) With coverage: also report the coverage of the lines changed since this git ref.',
    default: '',
  },
  'flaky-threshold': {
    description:
      '(combine) List tests that were flaky in at least this share (0–1) of recent runs.',
    default: '0.1',
  },
  quarantine: {
    description:
      '(combine) A checked-in JSON list of known-flaky tests with expiry dates (`{"version":1,"tests":[{"id","until","reason"}]}`); they report without failing the build.',
    default: 'shardwise.quarantine.json',
  },
  'save-timings': {
    description:
      '(combine) Save the merged timings to the cache: `auto` (only after push, schedule, workflow_dispatch or merge_group runs), `always`, or `never`.',
    default: 'auto',
  },
  comment: {
    description: '(combine) Post or update one comment with the report on the pull request.',
    default: 'true',
  },
  'comment-author': {
    description: '(combine) The login that posts the comment; only its comments are ever updated.',
    default: 'github-actions[bot]',
  },
  'github-token': {
    description:
      '(combine) The token for the pull-request comment. A read-only token (fork pull requests) leaves the report in the job summary.',
    default: '${{ github.token }}',
  },
  'allow-privileged-trigger': {
    description:
      '(all) Allow `pull_request_target`, `workflow_run` and `issue_comment`, which run with a write token. Only for workflows that never run untrusted code.',
    default: 'false',
  },
}
