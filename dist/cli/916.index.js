export const id = 916;
export const ids = [916];
export const modules = {

/***/ 7916:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   combineCommand: () => (/* binding */ combineCommand)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(2807);
/* harmony import */ var _adapters_log_js__WEBPACK_IMPORTED_MODULE_13__ = __webpack_require__(4707);
/* harmony import */ var _adapters_plan_file_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8601);
/* harmony import */ var _modes_combine_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1567);
/* harmony import */ var _adapters_coverage_report_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(27);
/* harmony import */ var _options_combine_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(2864);
/* harmony import */ var _options_run_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(6276);
/* harmony import */ var _options_runner_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(1295);
/* harmony import */ var _options_source_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(7372);
/* harmony import */ var _options_values_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(8739);
/* harmony import */ var _args_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(9376);
/* harmony import */ var _usage_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(3534);














const COMBINE_FLAGS = {
    'results-dir': { type: 'string' },
    plan: { type: 'string' },
    store: { type: 'string' },
    'no-store': { type: 'boolean' },
    quarantine: { type: 'string' },
    'flaky-threshold': { type: 'string' },
    'coverage-threshold': { type: 'string' },
    'base-ref': { type: 'string' },
    fallback: { type: 'string' },
    'fallback-max-items': { type: 'string' },
    runner: { type: 'string' },
    'report-md': { type: 'string' },
    'report-json': { type: 'string' },
    root: { type: 'string' },
};
/** The files and settings of a command line: paths resolved against the working directory. */
async function combineOptions(parsed, io) {
    const resultsDir = parsed.str('results-dir');
    const planPath = parsed.str('plan');
    if (resultsDir === undefined)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_12__/* .UsageError */ .eb('`--results-dir <dir>` is required: where the shard results are.');
    if (planPath === undefined)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_12__/* .UsageError */ .eb('`--plan <file>` is required: the plan the shards ran.');
    const root = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(io.cwd, (0,_options_source_js__WEBPACK_IMPORTED_MODULE_8__/* .valueOf */ .RP)(parsed.source, 'working-directory'));
    const settings = (0,_options_combine_js__WEBPACK_IMPORTED_MODULE_5__/* .combineSettings */ .J)(parsed.source);
    const { plan, digest } = await (0,_adapters_plan_file_js__WEBPACK_IMPORTED_MODULE_2__/* .readPlanFile */ .w)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(io.cwd, planPath));
    // The default list is used when present; a list named on the command line must be there.
    const defaultQuarantine = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(root, (0,_options_source_js__WEBPACK_IMPORTED_MODULE_8__/* .actionDefault */ .QT)('quarantine'));
    const reportMd = parsed.str('report-md');
    const reportJson = parsed.str('report-json');
    return {
        plan,
        planDigest: digest,
        resultsDir: (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(io.cwd, resultsDir),
        storePath: parsed.flag('no-store')
            ? undefined
            : (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(io.cwd, parsed.str('store') ?? (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(root, '.shardwise/timings.json')),
        quarantinePath: settings.quarantine !== undefined
            ? (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(io.cwd, settings.quarantine)
            : (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(defaultQuarantine)
                ? defaultQuarantine
                : undefined,
        flakyThreshold: settings.flakyThreshold,
        coverageThreshold: settings.coverageThreshold,
        baseRef: settings.baseRef,
        fallback: (0,_options_values_js__WEBPACK_IMPORTED_MODULE_9__/* .parseChoice */ .HU)('--fallback', parsed.str('fallback') ?? 'none', [
            'none',
            'serial',
        ]),
        command: parsed.command,
        runner: (0,_options_runner_js__WEBPACK_IMPORTED_MODULE_7__/* .runnerSetting */ .j)(parsed.source),
        fallbackMaxItems: (0,_options_run_js__WEBPACK_IMPORTED_MODULE_6__/* .fallbackMaxItems */ .d)(parsed.source),
        reportMarkdown: reportMd === undefined ? undefined : (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(io.cwd, reportMd),
        reportJson: reportJson === undefined ? undefined : (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(io.cwd, reportJson),
        root,
        env: io.env,
        ...(io.signal ? { signal: io.signal } : {}),
    };
}
async function combineCommand(args, io) {
    const parsed = (0,_args_js__WEBPACK_IMPORTED_MODULE_10__/* .parseCommandArgs */ .Qx)(args, COMBINE_FLAGS);
    if (parsed.flag('help')) {
        io.stdout.write(`${_usage_js__WEBPACK_IMPORTED_MODULE_11__/* .COMBINE_USAGE */ .AO}\n`);
        return 0;
    }
    const { baseRef, ...options } = await combineOptions(parsed, io);
    const log = (0,_adapters_log_js__WEBPACK_IMPORTED_MODULE_13__/* .stderrLog */ .b)(io.stderr);
    const outcome = await (0,_modes_combine_js__WEBPACK_IMPORTED_MODULE_3__/* .combineMode */ .p)({
        ...options,
        coverage: (shards) => (0,_adapters_coverage_report_js__WEBPACK_IMPORTED_MODULE_4__/* .coverageReport */ .T)(shards, {
            root: options.root,
            threshold: options.coverageThreshold,
            baseRef,
            log,
        }),
    }, {
        log,
        out: (t) => io.stderr.write(t),
        err: (t) => io.stderr.write(t),
        ready: () => (0,_args_js__WEBPACK_IMPORTED_MODULE_10__/* .outputReady */ .BD)(io),
        now: () => new Date(),
    });
    if (options.reportMarkdown === undefined)
        io.stdout.write(outcome.markdown);
    const c = outcome.combined;
    io.stderr.write(`shardwise: ${c.verdict}: ${c.counts.passed} passed, ${c.failed.length} failed, ${c.counts.flaky} flaky, ${c.quarantined.length} quarantined, ${c.unaccounted.length} unaccounted\n`);
    return outcome.exitCode;
}
//# sourceMappingURL=combine.js.map

/***/ })

};
