export const id = 288;
export const ids = [288];
export const modules = {

/***/ 7288:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Qc: () => (/* binding */ childEnvironment),
/* harmony export */   R3: () => (/* binding */ runProcess)
/* harmony export */ });
/* unused harmony exports isStrippedVariable, MAX_TIMER_MS */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2807);


/**
 * Variables a test process must not see: with them, code under test could write caches and
 * artifacts in the workflow's name (cache poisoning), mint OIDC tokens, or read the inputs and
 * token of the action that started it.
 */
const STRIPPED_EXACT = new Set([
    'ACTIONS_RUNTIME_TOKEN',
    'ACTIONS_RESULTS_URL',
    'ACTIONS_CACHE_URL',
    'ACTIONS_RUNTIME_URL',
    'ACTIONS_CACHE_SERVICE_V2',
    'GITHUB_TOKEN',
]);
const STRIPPED_PREFIXES = ['ACTIONS_ID_TOKEN_REQUEST_', 'INPUT_'];
function isStrippedVariable(name) {
    const upper = name.toUpperCase();
    return STRIPPED_EXACT.has(upper) || STRIPPED_PREFIXES.some((p) => upper.startsWith(p));
}
/** The environment for a test process: the parent's, minus credentials, plus `extra`. */
function childEnvironment(parent, extra = {}, drop = []) {
    const env = {};
    for (const [name, value] of Object.entries(parent)) {
        if (value !== undefined && !isStrippedVariable(name) && !drop.includes(name))
            env[name] = value;
    }
    return { ...env, ...extra };
}
/** The longest delay a Node timer takes: a longer one fires at once (TimeoutOverflowWarning). */
const MAX_TIMER_MS = 2 ** 31 - 1;
/** `setTimeout` for any delay: beyond MAX_TIMER_MS it waits in steps instead of firing at once. */
function longTimeout(ms, fire) {
    let timer;
    const arm = (left) => {
        timer = setTimeout(() => (left > MAX_TIMER_MS ? arm(left - MAX_TIMER_MS) : fire()), Math.min(Math.max(0, left), MAX_TIMER_MS));
    };
    arm(ms);
    return { clear: () => clearTimeout(timer) };
}
function killGroup(group, signal) {
    try {
        process.kill(-group, signal);
    }
    catch {
        // The group is empty.
    }
}
function groupAlive(group) {
    try {
        process.kill(-group, 0);
        return true;
    }
    catch {
        return false;
    }
}
/**
 * Runs a command without a shell, in its own process group so that a timeout or an interrupt
 * stops everything it started (test workers, browsers, servers), and streams its output as it
 * comes — never buffering it whole, and pausing the child while the output's reader is
 * behind. The command's end is its own exit: what it left running in the background is
 * given a short grace to finish its output, then stopped, and does not change the outcome.
 */
function runProcess(argv, options) {
    const [file, ...args] = argv;
    const started = process.hrtime.bigint();
    const elapsed = () => Number(process.hrtime.bigint() - started) / 1e9;
    if (file === undefined) {
        return Promise.resolve({
            exitCode: null,
            signal: null,
            wallSeconds: 0,
            stopped: undefined,
            spawnError: 'empty command',
        });
    }
    return new Promise((resolve) => {
        let stopped;
        let spawnError;
        let child;
        try {
            child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(file, args, {
                cwd: options.cwd,
                env: options.env,
                shell: false,
                detached: true,
                stdio: ['ignore', 'pipe', 'pipe'],
            });
        }
        catch (error) {
            resolve({
                exitCode: null,
                signal: null,
                wallSeconds: elapsed(),
                stopped: undefined,
                spawnError: (0,_core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .describeError */ .Uc)(error),
            });
            return;
        }
        const group = child.pid;
        const { stdout, stderr } = child;
        const timers = [];
        const later = (ms, fire) => {
            const timer = longTimeout(ms, fire);
            timers.push(timer);
            return timer;
        };
        const killGraceMs = options.killGraceMs ?? 5000;
        let exit;
        const stop = (why) => {
            if (stopped || group === undefined)
                return;
            // After the command's own exit, only its leftovers are stopped: the outcome stands.
            if (exit === undefined)
                stopped = why;
            killGroup(group, 'SIGTERM');
            later(killGraceMs, () => killGroup(group, 'SIGKILL'));
        };
        const timeout = options.timeoutMs === undefined ? undefined : later(options.timeoutMs, () => stop('timeout'));
        const onAbort = () => stop('interrupted');
        options.signal?.addEventListener('abort', onAbort, { once: true });
        if (options.signal?.aborted === true)
            onAbort();
        // Backpressure: both pipes pause while the reader of our output is behind.
        let paused = false;
        const afterChunk = () => {
            if (paused)
                return;
            const wait = options.outputReady?.();
            if (wait === undefined)
                return;
            paused = true;
            stdout.pause();
            stderr.pause();
            const resume = () => {
                paused = false;
                stdout.resume();
                stderr.resume();
            };
            wait.then(resume, resume);
        };
        const onStdout = options.onStdout ?? ((chunk) => process.stdout.write(chunk));
        const onStderr = options.onStderr ?? ((chunk) => process.stderr.write(chunk));
        stdout.on('data', (chunk) => {
            onStdout(chunk);
            afterChunk();
        });
        stderr.on('data', (chunk) => {
            onStderr(chunk);
            afterChunk();
        });
        child.on('error', (error) => {
            spawnError =
                error.code === 'ENOENT'
                    ? `command not found: ${file}`
                    : error.code === 'E2BIG'
                        ? 'the argument list is too long for the operating system (E2BIG)'
                        : (0,_core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .describeError */ .Uc)(error);
        });
        // The command's own exit decides the outcome. Its pipes stay open as long as anything it
        // started holds them; after a grace for late output, those processes are stopped, and if
        // something outside the group still holds the pipes, we stop reading them.
        let strays = false;
        const exitGraceMs = options.exitGraceMs ?? 2000;
        child.on('exit', (code, signal) => {
            exit = { code, signal, seconds: elapsed() };
            timeout?.clear();
            if (group === undefined)
                return;
            later(exitGraceMs, () => {
                if (groupAlive(group)) {
                    strays = true;
                    killGroup(group, 'SIGTERM');
                    later(Math.min(killGraceMs, 1000), () => killGroup(group, 'SIGKILL'));
                }
                const abandon = () => {
                    // Output already read is kept; a reader that is behind still gets what is in the pipe.
                    if (paused)
                        return void later(exitGraceMs, abandon);
                    stdout.destroy();
                    stderr.destroy();
                };
                later(exitGraceMs + Math.min(killGraceMs, 1000), abandon);
            });
        });
        child.on('close', (code, signal) => {
            for (const timer of timers)
                timer.clear();
            options.signal?.removeEventListener('abort', onAbort);
            // Whatever the child left behind in its group goes too.
            if (group !== undefined)
                killGroup(group, 'SIGKILL');
            resolve({
                exitCode: exit ? exit.code : code,
                signal: exit ? exit.signal : signal,
                wallSeconds: exit ? exit.seconds : elapsed(),
                stopped,
                spawnError,
                ...(strays ? { strays } : {}),
            });
        });
    });
}
//# sourceMappingURL=process.js.map

/***/ })

};
