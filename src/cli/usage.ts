import { MAX_SHARDS } from '../core/plan.js'
import { RUNNER_NAMES } from '../adapters/runners/types.js'
import { actionDefault } from '../options/source.js'

/** The help texts of `shardwise` and its commands. */

export const USAGE = `Usage: shardwise <command> [options]

Commands:
  test      plan, run every shard locally, report and learn timings (the all-in-one)
  plan      split the tests into balanced shards from timing history
  run       run one shard of a plan with your test runner
  combine   combine the shard results: verdict, timings, coverage, flaky tests, report

Run 'shardwise <command> --help' for a command's options.
Exit codes: 0 ok, 1 tests failed, 2 usage or input error.`

const PLAN_FLAGS = `  --shards <N|auto>              shard count, 1–${MAX_SHARDS}, or auto (default ${actionDefault('shards')})
  --target-seconds <S>           with --shards auto: the wall time to reach per shard
  --max-shards <M>               with --shards auto: the most shards to use (default ${actionDefault('max-shards')})
  --shard-overhead-seconds <O>   start-up each shard pays besides its files (default:
                                 learned by the timings store, else 0)
  --timings <path>               timings file or directory; repeatable. Formats are detected:
                                 Shardwise store, JUnit XML, pytest-split .test_durations,
                                 Knapsack JSON, parallel_tests log, cypress-split JSON,
                                 Jest --json, go test -json
  --granularity <file|test|auto> plan whole files, single tests, or split only the files that
                                 alone exceed a shard's share (default ${actionDefault('granularity')})
  --root <dir>                   repository root for globs and ids (default: current directory)`

const RUN_FLAGS = `  --runner <name>                auto (default: from the command), ${RUNNER_NAMES.join(', ')}
  --retries <N>                  run failed tests again up to N times (default ${actionDefault('retries')}); a test that
                                 fails and then passes is flaky
  --repeat <N>                   run every test N times to hunt flaky tests (default ${actionDefault('repeat')})
  --fail-on-flaky                fail when a test is flaky (default: report, do not fail)
  --timeout <S>                  stop the shard after S seconds and keep a partial result
  --junit <glob>                 JUnit reports the command writes (generic runner); repeatable
  --coverage <glob>              coverage files to collect beside the result; repeatable`

export const PLAN_USAGE = `Usage: shardwise plan [options] [<glob>…]

Splits test files (matched by the globs, listed by --items-from, or else those in the
timings) into shards of near-equal predicted time.

Options:
${PLAN_FLAGS}
  --items-from <file|->          ids to plan, one per line (- for standard input)
  --format <table|json|matrix>   output on stdout (default: table on a terminal, else json)
  --output <file>                also write the plan JSON to this file
  -h, --help                     show this help`

export const RUN_USAGE = `Usage: shardwise run --plan plan.json --shard I [options] -- <test command…>
       shardwise run --shard I/N [plan options] [<glob>…] -- <test command…>

Runs exactly the tests of shard I with your runner and writes a shard result. Without
--plan, the plan is computed here from the plan options (every shard must pass the same
ones). Without --shard, GitLab (CI_NODE_INDEX/CI_NODE_TOTAL), CircleCI (CIRCLE_NODE_INDEX/
CIRCLE_NODE_TOTAL) and Buildkite (BUILDKITE_PARALLEL_JOB/…_COUNT) variables are used.

Options:
  --plan <file>                  the plan written by 'shardwise plan --output'
  --shard <I|I/N>                which shard (1-based)
  --results-dir <dir>            where the shard result goes (default .shardwise/results/shard-I)
${RUN_FLAGS}
${PLAN_FLAGS}
  -h, --help                     show this help`

export const TEST_USAGE = `Usage: shardwise test [options] [<glob>…] -- <test command…>

Plans the suite (asking the runner for its tests when no glob is given), runs every shard
as local processes, prints a summary and saves the timings it measured in .shardwise/, so
the next run balances better.

Options:
  --parallel <P>                 shards running at once (default: the shard count)
  --coverage-threshold <P>       fail when merged line coverage is below P percent
${RUN_FLAGS}
${PLAN_FLAGS}
  -h, --help                     show this help

Example: shardwise test --shards 4 --parallel 2 -- npx jest`

export const COMBINE_USAGE = `Usage: shardwise combine --results-dir DIR --plan plan.json [options] [-- <test command…>]

Reads every shard result under DIR, checks that each planned test ran exactly once (newest
attempt of each shard), merges timings into the store, merges coverage, flags flaky tests
and writes the report. Exit 0 when everything passed, 1 on failures or missing work.

Options:
  --results-dir <dir>            the shard results (each shard's results directory, any depth)
  --plan <file>                  the plan the shards ran
  --store <file>                 timings store to update (default .shardwise/timings.json)
  --no-store                     do not update any timings store
  --quarantine <file>            known-flaky tests that report without failing (default
                                 shardwise.quarantine.json when present)
  --flaky-threshold <0-1>        list tests flaky in at least this share of recent runs (${actionDefault('flaky-threshold')})
  --coverage-threshold <P>       fail when merged line coverage is below P percent
  --base-ref <ref>               with coverage: also report coverage of lines changed since ref
  --fallback <none|serial>       run failed tests and missing shards' tests again, serially,
                                 with the command after -- (default none)
  --fallback-max-items <N>       skip the fallback above N items: systemic (default ${actionDefault('fallback-max-items')})
  --runner <name>                runner of the fallback command (default: from the command)
  --report-md <file>             write the Markdown report here (default: print it)
  --report-json <file>           write the full JSON report here
  --root <dir>                   repository root (default: current directory)
  -h, --help                     show this help`
