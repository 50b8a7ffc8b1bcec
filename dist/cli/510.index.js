export const id = 510;
export const ids = [510];
export const modules = {

/***/ 6510:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  testCommand: () => (/* binding */ testCommand)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./build/core/plan.js + 6 modules
var core_plan = __webpack_require__(3641);
// EXTERNAL MODULE: ./build/adapters/log.js
var log = __webpack_require__(4707);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./build/core/errors.js
var errors = __webpack_require__(2807);
// EXTERNAL MODULE: ./build/core/ids.js
var ids = __webpack_require__(8628);
// EXTERNAL MODULE: ./build/core/contracts/plan.js
var contracts_plan = __webpack_require__(8479);
// EXTERNAL MODULE: ./build/core/render-plan.js
var render_plan = __webpack_require__(9462);
// EXTERNAL MODULE: ./build/core/shard-result.js
var shard_result = __webpack_require__(1970);
// EXTERNAL MODULE: ./build/core/combine.js + 5 modules
var combine = __webpack_require__(7962);
// EXTERNAL MODULE: ./build/core/store.js
var core_store = __webpack_require__(1363);
// EXTERNAL MODULE: ./build/adapters/runners/index.js + 20 modules
var runners = __webpack_require__(9750);
;// CONCATENATED MODULE: ./build/adapters/runners/typical.js
/**
 * What a run costs before anything is measured, per runner: the process start-up and a test
 * file of median size. Only for the very first plan of a suite — one run later every file has
 * its own measured cost and the start-up is learned. Rough figures from small real suites on a
 * two-core machine: Jest and Vitest boot in about a second and spend a few tenths of a second
 * per file on its environment, imports and collection; node:test starts one process per file;
 * pytest shares one process; go compiles a test binary per package. Where the runner listed its
 * tests, the listing's own time replaces the start-up here.
 */
const TYPICAL_COSTS = {
    jest: { startupSeconds: 1, fileSeconds: 0.4 },
    vitest: { startupSeconds: 1.5, fileSeconds: 0.4 },
    playwright: { startupSeconds: 2, fileSeconds: 1.5 },
    mocha: { startupSeconds: 0.3, fileSeconds: 0.05 },
    node: { startupSeconds: 0.1, fileSeconds: 0.15 },
    pytest: { startupSeconds: 0.5, fileSeconds: 0.1 },
    go: { startupSeconds: 0.5, fileSeconds: 2 },
    generic: { startupSeconds: 0.5, fileSeconds: 1 },
};
//# sourceMappingURL=typical.js.map
// EXTERNAL MODULE: ./build/adapters/process.js
var adapters_process = __webpack_require__(7288);
;// CONCATENATED MODULE: ./build/adapters/runners/list.js




const GLOBS_HINT = "give test globs before `--` (for example 'test/**/*.test.ts') to plan without it";
/**
 * Why a listing failed, for people: the command, the runner's own one-line reason and the way
 * out. A runner too old to list (Vitest before 2.1 has no `list --filesOnly`) says so in one
 * line; otherwise the runner's last lines follow (pytest prints collection errors to stdout,
 * Jest to stderr), without stack frames.
 */
function listingFailure(argv, exitCode, stdout, stderr) {
    const lines = `${stderr}\n${stdout}`
        .split('\n')
        .map((line) => line.replace(/\r$/, '').trimEnd())
        .filter((line) => line.trim() !== '' && !/^\s+at\s/.test(line) && !/^Node\.js v\d/.test(line));
    const command = `\`${argv.join(' ')}\``;
    // The runner's own message (`CACError: Unknown option …`), not the source line a crash prints
    // above it.
    const said = (line) => /^\s*[\w.]*(?:Error|Exception|error)\b:?/.test(line);
    const unknowns = lines.filter((line) => /unknown (?:option|command|argument)/i.test(line));
    const unknown = unknowns.find(said) ?? unknowns[0];
    if (unknown !== undefined) {
        return `${command} failed: ${unknown.trim()} — this version of the runner cannot list its tests; ${GLOBS_HINT}`;
    }
    const reason = lines.find(said) ?? lines.at(-1);
    const tail = [stdout.trim().slice(-1500), stderr.trim().slice(-1500)]
        .filter((t) => t !== '')
        .join('\n')
        .split('\n')
        .filter((line) => !/^\s+at\s/.test(line))
        .slice(-20)
        .join('\n');
    return `${command} failed (exit ${String(exitCode)})${reason === undefined ? '' : `: ${reason.trim()}`}; fix the runner's configuration, or ${GLOBS_HINT}${tail === '' ? '' : `\n${tail}`}`;
}
/** Asks the runner which tests it would run, so the plan matches its own configuration. */
async function listItems(options, runner, command, log) {
    return (await listItemsTimed(options, runner, command, log)).items;
}
/** `listItems`, and how long the listing took (a first measure of the runner's start-up). */
async function listItemsTimed(options, runner, command, log) {
    const adapter = runners/* RUNNERS */.Ir[runner];
    if (!adapter.list) {
        throw new errors/* UsageError */.eb(`the ${runner} runner cannot list its tests: give test globs before \`--\` (for example 'test/**/*.test.js')`);
    }
    const argv = adapter.list.argv(command);
    let stdout = '';
    let stderr = '';
    const result = await (0,adapters_process/* runProcess */.R3)(argv, {
        cwd: options.root,
        env: (0,adapters_process/* childEnvironment */.Qc)(options.env, {}, adapter.list.dropEnv),
        onStdout: (chunk) => (stdout += chunk.toString('utf8')),
        onStderr: (chunk) => (stderr += chunk.toString('utf8')),
        ...(options.signal ? { signal: options.signal } : {}),
    });
    if (result.spawnError !== undefined)
        throw new errors/* UsageError */.eb(`cannot list the tests with \`${argv.join(' ')}\`: ${result.spawnError}`);
    if (result.exitCode !== 0)
        throw new errors/* UsageError */.eb(listingFailure(argv, result.exitCode, stdout, stderr));
    const items = adapter.list
        .parse(stdout, options.root)
        .map((id) => (0,ids/* normalizeId */.XB)(id, { roots: [options.root] }));
    if (items.length === 0)
        throw new errors/* UsageError */.eb(`\`${argv.join(' ')}\` listed no tests`);
    log.info(`${runner} lists ${items.length} ${items.length === 1 ? 'item' : 'items'}`);
    return { items, seconds: result.wallSeconds };
}
//# sourceMappingURL=list.js.map
// EXTERNAL MODULE: ./build/modes/plan.js
var modes_plan = __webpack_require__(6316);
// EXTERNAL MODULE: ./build/adapters/store-file.js
var store_file = __webpack_require__(9263);
// EXTERNAL MODULE: ./build/modes/combine.js + 4 modules
var modes_combine = __webpack_require__(1567);
// EXTERNAL MODULE: ./build/adapters/coverage-report.js + 15 modules
var coverage_report = __webpack_require__(27);
// EXTERNAL MODULE: ./build/adapters/plan-file.js
var plan_file = __webpack_require__(8601);
// EXTERNAL MODULE: ./build/modes/run.js + 5 modules
var modes_run = __webpack_require__(2282);
;// CONCATENATED MODULE: ./build/modes/test.js



















const STORE_FILE = 'timings.json';
/**
 * Creates `.shardwise/` with a `.gitignore` of `*` the first time, so that timings, plans and
 * run reports never show up as changes to commit (nothing in it is meant for version control:
 * the Actions cache carries the history on CI).
 */
async function ensureStateDir(dir) {
    await (0,promises_.mkdir)(dir, { recursive: true });
    const ignore = (0,external_node_path_.join)(dir, '.gitignore');
    if (!(0,external_node_fs_.existsSync)(ignore))
        await (0,promises_.writeFile)(ignore, '# Written by Shardwise: local timings and run reports.\n*\n');
}
function seconds(value) {
    return value >= 120 ? `${(value / 60).toFixed(1)} min` : `${value.toFixed(1)} s`;
}
/**
 * The terminal summary. Every figure is one that was measured or is labelled as an estimate:
 * the longest shard is what a CI run with one job per shard would take; the wall time here
 * is what this machine took running `parallel` shards at a time; one job's time is measured
 * only when the run had one shard, else estimated from the files' measured costs plus one
 * start-up (never the sum of the shards, which pays the start-up once per shard).
 */
function summarize(plan, results, wallSeconds, parallel, time) {
    const lines = ['', 'shard  status      tests  predicted     actual'];
    for (const result of results) {
        const predicted = plan.shards[result.shard.index - 1]?.predictedSeconds ?? 0;
        const tests = (0,combine/* testCount */.m)(result);
        lines.push(`${String(result.shard.index).padStart(5)}  ${result.status.padEnd(10)} ${String(tests).padStart(6)}  ${seconds(predicted).padStart(9)}  ${seconds(result.wallSeconds).padStart(9)}`);
    }
    const totals = (0,shard_result/* emptyCounts */.W1)();
    for (const result of results)
        for (const key of shard_result/* TEST_VERDICTS */.SW)
            totals[key] += result.counts[key] ?? 0;
    lines.push('');
    const estimate = plan.timings.runs === 0 ? ' (estimated: no timing history yet)' : '';
    if (time) {
        lines.push(`longest shard ${seconds(time.makespanSeconds)} (predicted ${seconds(plan.predictedMakespanSeconds)}${estimate}): the wall time with one job per shard`);
        if (results.length > parallel) {
            lines.push(`wall time here ${seconds(wallSeconds)}, running ${results.length} shards ${parallel} at a time (--parallel ${parallel})`);
        }
        if (time.shards > 1) {
            lines.push(`one job (every file in one shard) would take ${time.serialBasis === 'measured' ? '' : 'about '}${seconds(time.serialSeconds)} (${time.serialBasis === 'measured' ? 'measured' : `estimated: the files' measured costs plus one ${seconds(time.overheadSeconds)} start-up`}): ${(time.serialSeconds / Math.max(time.makespanSeconds, 0.001)).toFixed(2)}× faster with ${time.shards} shards`);
        }
    }
    lines.push(`tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.flaky} flaky, ${totals.skipped} skipped${totals.xfailed > 0 ? `, ${totals.xfailed} xfailed` : ''}${totals.xpassed > 0 ? `, ${totals.xpassed} xpassed` : ''}`);
    const flaky = results.flatMap((r) => Object.entries(r.tests)
        .filter(([, t]) => t.verdict === 'flaky')
        .map(([id]) => id));
    const failed = results.flatMap((r) => Object.entries(r.tests)
        .filter(([, t]) => t.verdict === 'failed')
        .map(([id]) => id));
    const missing = results.flatMap((r) => r.missing);
    const broken = results.flatMap((r) => r.fileFailures.map((f) => `${f.file}: ${f.message.split('\n')[0] ?? ''}`));
    for (const [label, list] of [
        ['flaky (failed, then passed on retry)', flaky],
        ['failed', failed],
        ['files that failed to run', broken],
        ['planned but never reported', missing],
    ]) {
        if (list.length === 0)
            continue;
        lines.push(`${label}:`);
        for (const id of list.slice(0, 50))
            lines.push(`  ${JSON.stringify(id).slice(1, -1)}`);
        if (list.length > 50)
            lines.push(`  … and ${list.length - 50} more`);
    }
    return lines.join('\n');
}
/** Runs `count` tasks with at most `parallel` at once, keeping results in task order. */
async function pool(count, parallel, task) {
    const results = new Array(count);
    let next = 0;
    const worker = async () => {
        while (next < count) {
            const index = next++;
            results[index] = await task(index);
        }
    };
    await Promise.all(Array.from({ length: Math.min(parallel, count) }, worker));
    return results;
}
/** Prefixes each complete line with a label; keeps partial lines until they complete. */
function lineWriter(label, write) {
    let pending = '';
    return {
        push: (text) => {
            pending += text;
            const end = pending.lastIndexOf('\n');
            if (end < 0)
                return;
            write(pending
                .slice(0, end)
                .split('\n')
                .map((line) => `${label}${line}\n`)
                .join(''));
            pending = pending.slice(end + 1);
        },
        flush: () => {
            if (pending !== '')
                write(`${label}${pending}\n`);
            pending = '';
        },
    };
}
/**
 * Asks the runner for its tests when no glob is given; with globs, asks a runner that lists
 * cheaply which files it would run (globs may catch helper modules). The runner's own list
 * travels in memory: a file name may hold a newline. The listing's time is a first measure of
 * the runner's start-up, for a suite with no history yet.
 */
async function listSuite(options, resolved, log) {
    const listOptions = {
        root: options.root,
        env: options.env,
        ...(options.signal ? { signal: options.signal } : {}),
    };
    if (options.patterns.length === 0 && options.itemsFrom === undefined)
        return listItemsTimed(listOptions, resolved.runner, resolved.command, log);
    if (options.patterns.length === 0 || runners/* RUNNERS */.Ir[resolved.runner].listsFilesCheaply !== true)
        return undefined;
    try {
        const own = await listItemsTimed(listOptions, resolved.runner, resolved.command, log);
        return {
            items: [],
            seconds: own.seconds,
            runnerFiles: { runner: resolved.runner, files: new Set(own.items.map(ids/* fileOfId */.Hy)) },
        };
    }
    catch (error) {
        log.info(`the globs were not checked against ${resolved.runner}'s own list: ${(0,errors/* describeError */.Uc)(error).split('\n')[0] ?? ''}`);
        return undefined;
    }
}
/** Plans the run from the store's timings (and any given), writing the plan to the run directory. */
async function planRun(options, resolved, listed, store, runDir, log) {
    const timings = store.found ? [store.path, ...options.timings] : [...options.timings];
    if (!store.found && options.timings.length === 0)
        log.notice(`no timings yet in ${store.path}: this run's predictions are estimates, and it records what it measures`);
    const typical = TYPICAL_COSTS[resolved.runner];
    const plan = await (0,modes_plan/* planMode */.l)({
        shards: options.shards,
        shardOverheadSeconds: options.shardOverheadSeconds,
        priorCostModel: store.learned ?? {
            startupSeconds: listed?.seconds ?? typical.startupSeconds,
            warmupSeconds: 0,
            workers: 1,
        },
        defaultItemSeconds: typical.fileSeconds,
        granularity: runners/* RUNNERS */.Ir[resolved.runner].selectsTests ? options.granularity : 'file',
        timings,
        patterns: options.patterns,
        itemsFrom: options.itemsFrom,
        ...(listed && listed.items.length > 0 ? { items: listed.items } : {}),
        ...(listed?.runnerFiles ? { runnerFiles: listed.runnerFiles } : {}),
        root: options.root,
        roots: [],
    }, { log, readStdin: () => Promise.resolve('') });
    await (0,promises_.writeFile)((0,external_node_path_.join)(runDir, 'plan.json'), `${(0,contracts_plan/* encodePlan */.El)(plan, 2)}\n`);
    return plan;
}
/** Runs one shard of the plan as a local process, its output lines labelled by shard. */
async function runShard(options, deps, run, index) {
    const shardCount = run.plan.shards.length;
    const label = shardCount > 1 && run.parallel > 1 ? `[${index}/${shardCount}] ` : '';
    const stdout = lineWriter(label, deps.out);
    const stderr = lineWriter(label, deps.err);
    try {
        const outcome = await (0,modes_run/* runMode */.r)({
            plan: run.plan,
            planDigest: run.digest,
            shardIndex: index,
            command: options.command,
            runner: run.runner,
            retries: options.retries,
            repeat: options.repeat,
            failOnFlaky: options.failOnFlaky,
            timeoutSeconds: options.timeoutSeconds,
            resultsDir: (0,external_node_path_.join)(run.runDir, `shard-${index}`),
            junitGlobs: options.junitGlobs,
            coverageGlobs: options.coverageGlobs,
            root: options.root,
            attempt: 1,
            env: options.env,
            ...(options.signal ? { signal: options.signal } : {}),
        }, {
            log: {
                info: (m) => stderr.push(`${m}\n`),
                warning: (m) => stderr.push(`warning: ${m}\n`),
                notice: (m) => stderr.push(`notice: ${m}\n`),
            },
            stdout: stdout.push,
            stderr: stderr.push,
            ...(deps.ready ? { ready: deps.ready } : {}),
            progress: (m) => stderr.push(`${m}\n`),
            now: deps.now,
        });
        return outcome.result;
    }
    finally {
        stdout.flush();
        stderr.flush();
    }
}
/** The same combine as in CI: completeness, timings into the store, coverage, the report. */
async function combineRun(options, deps, run) {
    const { log } = deps;
    const { runDir } = run;
    const quarantine = (0,external_node_path_.join)(options.root, 'shardwise.quarantine.json');
    const combined = await (0,modes_combine/* combineMode */.p)({
        plan: run.plan,
        planDigest: run.digest,
        resultsDir: runDir,
        storePath: run.storePath,
        quarantinePath: (0,external_node_fs_.existsSync)(quarantine) ? quarantine : undefined,
        flakyThreshold: 0.1,
        coverageThreshold: options.coverageThreshold,
        fallback: 'none',
        command: options.command,
        runner: run.runner,
        fallbackMaxItems: 0,
        reportMarkdown: (0,external_node_path_.join)(runDir, 'report.md'),
        reportJson: (0,external_node_path_.join)(runDir, 'report.json'),
        root: options.root,
        env: options.env,
        coverage: (shards) => (0,coverage_report/* coverageReport */.T)(shards, {
            root: options.root,
            threshold: options.coverageThreshold,
            baseRef: undefined,
            outDir: (0,external_node_path_.join)(runDir, 'coverage'),
            log,
        }),
    }, { log, out: deps.err, err: deps.err, now: deps.now });
    if (combined.coverage) {
        deps.err(`coverage: ${combined.coverage.percent.toFixed(2)}% of lines across all shards (merged lcov and Cobertura in ${(0,external_node_path_.join)(runDir, 'coverage')})\n`);
    }
    deps.err(`report: ${(0,external_node_path_.join)(runDir, 'report.md')}; timings saved to ${run.storePath}\n`);
    return combined.exitCode;
}
/**
 * The local all-in-one: plans (asking the runner for its tests when no glob is given), runs
 * every shard as local processes, at most `parallel` at once, prints a summary and saves what
 * it measured to `.shardwise/timings.json`, so the next run balances better.
 */
async function testMode(options, deps) {
    const { log } = deps;
    const started = process.hrtime.bigint();
    const resolved = await (0,runners/* resolveRunner */.NE)(options.command, options.root, options.runner);
    const storePath = (0,external_node_path_.join)(options.stateDir, STORE_FILE);
    const store = await (0,store_file/* readStore */.uz)(storePath, log);
    const listed = await listSuite(options, resolved, log);
    // Only now, with something to run: a listing that fails leaves no empty run directory.
    await ensureStateDir(options.stateDir);
    const stamp = deps.now().toISOString().replace(/[:.]/g, '-');
    const runDir = (0,external_node_path_.join)(options.stateDir, 'runs', stamp);
    await (0,promises_.mkdir)(runDir, { recursive: true });
    if (listed && listed.items.length > 0)
        await (0,promises_.writeFile)((0,external_node_path_.join)(runDir, 'items.json'), `${JSON.stringify(listed.items, null, 2)}\n`);
    const plan = await planRun(options, resolved, listed, { path: storePath, found: store !== undefined, learned: (0,core_store/* storeCostModel */.Qp)(store) }, runDir, log);
    deps.err(`${(0,render_plan/* renderPlanTable */.Qi)(plan)}\n\n`);
    const digest = (0,plan_file/* planDigest */.G)(plan);
    const shardCount = plan.shards.length;
    const parallel = Math.max(1, Math.min(options.parallel, shardCount));
    deps.err(`running ${shardCount} shards with ${resolved.runner}, ${parallel} at a time\n`);
    const run = { plan, digest, runner: resolved.runner, runDir, parallel, storePath };
    const results = await pool(shardCount, parallel, (i) => runShard(options, deps, run, i + 1));
    const wallSeconds = Number(process.hrtime.bigint() - started) / 1e9;
    const summary = summarize(plan, results, wallSeconds, parallel, (0,core_store/* runTime */.Ft)(results, plan.costModel));
    deps.err(`${summary}\n`);
    const exitCode = await combineRun(options, deps, run);
    return { plan, results, exitCode, runDir, summary };
}
//# sourceMappingURL=test.js.map
// EXTERNAL MODULE: ./build/options/combine.js
var options_combine = __webpack_require__(2864);
// EXTERNAL MODULE: ./build/options/run.js
var run = __webpack_require__(6276);
// EXTERNAL MODULE: ./build/options/values.js
var values = __webpack_require__(8739);
// EXTERNAL MODULE: ./build/cli/args.js
var cli_args = __webpack_require__(9376);
// EXTERNAL MODULE: ./build/cli/plan.js + 1 modules
var cli_plan = __webpack_require__(3846);
// EXTERNAL MODULE: ./build/cli/usage.js
var usage = __webpack_require__(3534);
;// CONCATENATED MODULE: ./build/cli/test.js












/** `--items-from -` for `test`: standard input kept in a file the planner reads. */
async function stdinToFile(io) {
    const dir = await (0,promises_.mkdtemp)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'shardwise-items-'));
    const path = (0,external_node_path_.join)(dir, 'items.txt');
    await (0,promises_.writeFile)(path, await io.readStdin());
    return path;
}
async function testCommand(args, io) {
    const parsed = (0,cli_args/* parseCommandArgs */.Qx)(args, {
        ...cli_args/* PLAN_FLAGS */.C9,
        ...cli_args/* RUN_FLAGS */.WB,
        parallel: { type: 'string' },
        'items-from': { type: 'string' },
        'coverage-threshold': { type: 'string' },
    });
    if (parsed.flag('help')) {
        io.stdout.write(`${usage/* TEST_USAGE */.JK}\n`);
        return 0;
    }
    const threshold = (0,options_combine/* coverageThreshold */.e)(parsed.source);
    const command = (0,cli_args/* requireCommand */.rr)(parsed, 'shardwise test --shards 4 -- npx jest');
    const plan = (0,cli_plan/* planOptions */.S)(parsed, io);
    const parallelRaw = parsed.str('parallel');
    const root = plan.root;
    const outcome = await testMode({
        shards: plan.shards,
        parallel: parallelRaw === undefined
            ? core_plan/* MAX_SHARDS */.hH
            : (0,values/* parseWholeNumber */.oA)('--parallel', parallelRaw, 1, core_plan/* MAX_SHARDS */.hH),
        granularity: plan.granularity,
        shardOverheadSeconds: plan.shardOverheadSeconds,
        patterns: plan.patterns,
        itemsFrom: plan.itemsFrom === '-' ? await stdinToFile(io) : plan.itemsFrom,
        timings: plan.timings,
        command,
        ...(0,run/* runSettings */.n)(parsed.source),
        root,
        stateDir: (0,external_node_path_.resolve)(root, '.shardwise'),
        coverageThreshold: threshold,
        env: io.env,
        ...(io.signal ? { signal: io.signal } : {}),
    }, {
        log: (0,log/* stderrLog */.b)(io.stderr),
        out: (text) => io.stdout.write(text),
        err: (text) => io.stderr.write(text),
        ready: () => (0,cli_args/* outputReady */.BD)(io),
        now: () => new Date(),
    });
    return outcome.exitCode;
}
//# sourceMappingURL=test.js.map

/***/ })

};
