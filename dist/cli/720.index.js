export const id = 720;
export const ids = [720];
export const modules = {

/***/ 2720:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runCommand: () => (/* binding */ runCommand)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(2807);
/* harmony import */ var _adapters_log_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(4707);
/* harmony import */ var _adapters_plan_file_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8601);
/* harmony import */ var _modes_plan_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6316);
/* harmony import */ var _modes_run_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2282);
/* harmony import */ var _options_run_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6276);
/* harmony import */ var _options_source_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(7372);
/* harmony import */ var _options_values_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(8739);
/* harmony import */ var _args_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(9376);
/* harmony import */ var _plan_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(3846);
/* harmony import */ var _usage_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(3534);













/** `--shard I` or `I/N`, else the CI's own parallel-job variables. */
function shardToRun(raw, env) {
    if (raw !== undefined) {
        const shard = (0,_options_values_js__WEBPACK_IMPORTED_MODULE_7__/* .parseShardNumber */ .Ke)('--shard', raw, { fallback: false });
        if (shard.kind === 'shard')
            return shard;
    }
    const fromCi = (0,_options_values_js__WEBPACK_IMPORTED_MODULE_7__/* .shardFromCiVariables */ .If)(env);
    if (fromCi !== undefined)
        return fromCi;
    throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_11__/* .UsageError */ .eb('`--shard I[/N]` is required (or run inside GitLab, CircleCI or Buildkite parallel jobs).');
}
/** The plan of `--plan`, or — with `--shard I/N` — the plan computed here from the plan options. */
async function planToRun(parsed, io, shard, log) {
    const planPath = parsed.str('plan');
    if (planPath !== undefined) {
        const loaded = await (0,_adapters_plan_file_js__WEBPACK_IMPORTED_MODULE_2__/* .readPlanFile */ .w)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(io.cwd, planPath));
        if (shard.count !== undefined && shard.count !== loaded.plan.shards.length) {
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_11__/* .UsageError */ .eb(`\`--shard ${shard.index}/${shard.count}\`: the plan ${planPath} has ${loaded.plan.shards.length} shards.`);
        }
        return loaded;
    }
    if (shard.count === undefined)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_11__/* .UsageError */ .eb('without `--plan`, `--shard` must be I/N so the plan can be computed here.');
    const options = (0,_plan_js__WEBPACK_IMPORTED_MODULE_9__/* .planOptions */ .S)(parsed, io, (0,_options_source_js__WEBPACK_IMPORTED_MODULE_6__/* .withFallbacks */ .It)(parsed.source, { shards: String(shard.count) }));
    const plan = await (0,_modes_plan_js__WEBPACK_IMPORTED_MODULE_3__/* .planMode */ .l)({ ...options, shards: { kind: 'fixed', count: shard.count } }, { log, readStdin: io.readStdin });
    return { plan, digest: (0,_adapters_plan_file_js__WEBPACK_IMPORTED_MODULE_2__/* .planDigest */ .G)(plan) };
}
async function resultsDirectory(parsed, io, shard) {
    const resultsDir = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(io.cwd, parsed.str('results-dir') ?? `.shardwise/results/shard-${shard.index}`);
    try {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)(resultsDir, { recursive: true });
    }
    catch (error) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_11__/* .UsageError */ .eb(`--results-dir ${resultsDir}: cannot use it as a directory (${(0,_core_errors_js__WEBPACK_IMPORTED_MODULE_11__/* .describeError */ .Uc)(error)})`);
    }
    return resultsDir;
}
async function runCommand(args, io) {
    const parsed = (0,_args_js__WEBPACK_IMPORTED_MODULE_8__/* .parseCommandArgs */ .Qx)(args, {
        ..._args_js__WEBPACK_IMPORTED_MODULE_8__/* .PLAN_FLAGS */ .C9,
        ..._args_js__WEBPACK_IMPORTED_MODULE_8__/* .RUN_FLAGS */ .WB,
        plan: { type: 'string' },
        shard: { type: 'string' },
        'results-dir': { type: 'string' },
        'items-from': { type: 'string' },
    });
    if (parsed.flag('help')) {
        io.stdout.write(`${_usage_js__WEBPACK_IMPORTED_MODULE_10__/* .RUN_USAGE */ .W3}\n`);
        return 0;
    }
    const command = (0,_args_js__WEBPACK_IMPORTED_MODULE_8__/* .requireCommand */ .rr)(parsed, 'shardwise run --plan plan.json --shard 1 -- npx jest');
    const shard = shardToRun(parsed.str('shard'), io.env);
    const log = (0,_adapters_log_js__WEBPACK_IMPORTED_MODULE_12__/* .stderrLog */ .b)(io.stderr);
    const loaded = await planToRun(parsed, io, shard, log);
    const root = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(io.cwd, (0,_options_source_js__WEBPACK_IMPORTED_MODULE_6__/* .valueOf */ .RP)(parsed.source, 'working-directory'));
    const resultsDir = await resultsDirectory(parsed, io, shard);
    const outcome = await (0,_modes_run_js__WEBPACK_IMPORTED_MODULE_4__/* .runMode */ .r)({
        plan: loaded.plan,
        planDigest: loaded.digest,
        shardIndex: shard.index,
        command,
        ...(0,_options_run_js__WEBPACK_IMPORTED_MODULE_5__/* .runSettings */ .n)(parsed.source),
        resultsDir,
        root,
        attempt: /^\d+$/.test(io.env.GITHUB_RUN_ATTEMPT ?? '')
            ? Number(io.env.GITHUB_RUN_ATTEMPT)
            : 1,
        env: io.env,
        ...(io.signal ? { signal: io.signal } : {}),
    }, {
        log,
        stdout: (text) => io.stdout.write(text),
        stderr: (text) => io.stderr.write(text),
        ready: () => (0,_args_js__WEBPACK_IMPORTED_MODULE_8__/* .outputReady */ .BD)(io),
        progress: (text) => io.stderr.write(`[shardwise] ${text}\n`),
        now: () => new Date(),
    });
    const { result } = outcome;
    const { counts } = result;
    io.stderr.write(`[shardwise] shard ${shard.index}/${loaded.plan.shards.length} ${result.status}: ${counts.passed} passed, ${counts.failed} failed, ${counts.flaky} flaky, ${counts.skipped} skipped, ${result.missing.length} missing in ${result.wallSeconds.toFixed(1)} s; result: ${outcome.resultFile}\n`);
    return outcome.exitCode;
}
//# sourceMappingURL=run.js.map

/***/ })

};
