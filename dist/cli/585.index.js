export const id = 585;
export const ids = [585];
export const modules = {

/***/ 2698:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J: () => (/* binding */ readJsonFile),
/* harmony export */   d: () => (/* binding */ JsonFileError)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var _core_contracts_schema_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9687);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2807);



/**
 * Why a JSON file could not be used. It is a `UsageError` naming the flag and the file, for
 * callers that stop; callers that degrade (a shard result counted as missing, a fresh timings
 * store) read `problem` and `detail` and warn instead.
 */
class JsonFileError extends _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .eb {
    flag;
    path;
    problem;
    detail;
    constructor(flag, path, problem, 
    /** What went wrong, without the flag and path. */
    detail) {
        super(`${flag} ${path}: ${detail}`);
        this.flag = flag;
        this.path = path;
        this.problem = problem;
        this.detail = detail;
    }
}
/**
 * Reads `path` (given by `flag`) and decodes its JSON with `decode`: a file that cannot be
 * read, is not JSON or does not decode is a `JsonFileError` naming the flag, the file and,
 * for a decode error, the field and what it must be. Any other error of `decode` is a bug and
 * passes through.
 */
async function readJsonFile(flag, path, decode, options = {}) {
    const text = await readText(flag, path, options.maxBytes);
    let data;
    try {
        data = JSON.parse(text);
    }
    catch (error) {
        throw new JsonFileError(flag, path, 'not-json', `not valid JSON (${(0,_core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .describeError */ .Uc)(error)})`);
    }
    try {
        return decode(data);
    }
    catch (error) {
        if (error instanceof _core_contracts_schema_js__WEBPACK_IMPORTED_MODULE_1__/* .DecodeError */ .Xc)
            throw new JsonFileError(flag, path, 'invalid', error.message);
        throw error;
    }
}
async function readText(flag, path, maxBytes) {
    const cannotRead = (error) => new JsonFileError(flag, path, error.code === 'ENOENT' ? 'missing' : 'unreadable', `cannot read it (${(0,_core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .describeError */ .Uc)(error)})`);
    let handle;
    try {
        handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.open)(path, 'r');
    }
    catch (error) {
        throw cannotRead(error);
    }
    try {
        // The size of what was opened, so a file swapped after a check cannot slip past it.
        if (maxBytes !== undefined && (await handle.stat()).size > maxBytes)
            throw new JsonFileError(flag, path, 'too-large', `larger than ${maxBytes} bytes`);
        return await handle.readFile('utf8');
    }
    catch (error) {
        if (error instanceof JsonFileError)
            throw error;
        throw cannotRead(error);
    }
    finally {
        await handle.close();
    }
}
//# sourceMappingURL=json-file.js.map

/***/ }),

/***/ 8601:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ planDigest),
/* harmony export */   w: () => (/* binding */ readPlanFile)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var _core_contracts_plan_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8479);
/* harmony import */ var _core_json_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8314);
/* harmony import */ var _json_file_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2698);




/**
 * The plan file (`--plan`, the plan artifact) and its digest. The digest is here rather than
 * beside the plan's contract because the core is pure (no `node:crypto`).
 */
function sha256(text) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(text).digest('hex');
}
/**
 * The digest of a plan's canonical JSON (sorted keys, as `encodePlan` writes it): shard
 * results name the plan they ran, and combine ignores results of another plan.
 */
function planDigest(plan) {
    return sha256((0,_core_contracts_plan_js__WEBPACK_IMPORTED_MODULE_1__/* .encodePlan */ .El)(plan));
}
/**
 * Reads and decodes a plan file written by `shardwise plan --output` or the action (or by
 * hand, in the documented minimal shape). The digest is of the file's own content, not of
 * the decoded plan with its defaults: the shards that ran it computed it the same way.
 */
async function readPlanFile(path, flag = '--plan') {
    return (0,_json_file_js__WEBPACK_IMPORTED_MODULE_2__/* .readJsonFile */ .J)(flag, path, (data) => ({
        plan: (0,_core_contracts_plan_js__WEBPACK_IMPORTED_MODULE_1__/* .decodePlan */ .sb)(data),
        digest: sha256((0,_core_json_js__WEBPACK_IMPORTED_MODULE_3__/* .stableStringify */ .J)(data)),
    }));
}
//# sourceMappingURL=plan-file.js.map

/***/ }),

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
function timers() {
    const all = [];
    return {
        later: (ms, fire) => {
            const timer = longTimeout(ms, fire);
            all.push(timer);
            return timer;
        },
        clearAll: () => {
            for (const timer of all)
                timer.clear();
        },
    };
}
/** Stops the process group: SIGTERM, then SIGKILL after the grace. */
function stopGroup(run, why) {
    const { group } = run;
    if (run.stopped || group === undefined)
        return;
    // After the command's own exit, only its leftovers are stopped: the outcome stands.
    if (run.exit === undefined)
        run.stopped = why;
    killGroup(group, 'SIGTERM');
    run.timers.later(run.killGraceMs, () => killGroup(group, 'SIGKILL'));
}
/** Hands the output on as it comes; both pipes pause while its reader is behind. */
function streamOutput(run, options) {
    const { stdout, stderr } = run.child;
    const afterChunk = () => {
        if (run.paused)
            return;
        const wait = options.outputReady?.();
        if (wait === undefined)
            return;
        run.paused = true;
        stdout.pause();
        stderr.pause();
        const resume = () => {
            run.paused = false;
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
}
/**
 * After the command's own exit: its pipes stay open as long as anything it started holds
 * them; after a grace for late output, those processes are stopped, and if something outside
 * the group still holds the pipes, we stop reading them.
 */
function afterExit(run, exitGraceMs) {
    const { group } = run;
    const { later } = run.timers;
    if (group === undefined)
        return;
    later(exitGraceMs, () => {
        if (groupAlive(group)) {
            run.strays = true;
            killGroup(group, 'SIGTERM');
            later(Math.min(run.killGraceMs, 1000), () => killGroup(group, 'SIGKILL'));
        }
        const abandon = () => {
            // Output already read is kept; a reader that is behind still gets what is in the pipe.
            if (run.paused)
                return void later(exitGraceMs, abandon);
            run.child.stdout.destroy();
            run.child.stderr.destroy();
        };
        later(exitGraceMs + Math.min(run.killGraceMs, 1000), abandon);
    });
}
function spawnErrorText(file, error) {
    return error.code === 'ENOENT'
        ? `command not found: ${file}`
        : error.code === 'E2BIG'
            ? 'the argument list is too long for the operating system (E2BIG)'
            : (0,_core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .describeError */ .Uc)(error);
}
/** Watches a started command to its end: timeout, interrupt, output, exit and leftovers. */
function supervise(child, file, options, elapsed) {
    const run = {
        child,
        group: child.pid,
        timers: timers(),
        killGraceMs: options.killGraceMs ?? 5000,
        stopped: undefined,
        exit: undefined,
        paused: false,
        strays: false,
    };
    const timeout = options.timeoutMs === undefined
        ? undefined
        : run.timers.later(options.timeoutMs, () => stopGroup(run, 'timeout'));
    const onAbort = () => stopGroup(run, 'interrupted');
    options.signal?.addEventListener('abort', onAbort, { once: true });
    if (options.signal?.aborted === true)
        onAbort();
    streamOutput(run, options);
    let spawnError;
    child.on('error', (error) => (spawnError = spawnErrorText(file, error)));
    // The command's own exit decides the outcome.
    child.on('exit', (code, signal) => {
        run.exit = { code, signal, seconds: elapsed() };
        timeout?.clear();
        afterExit(run, options.exitGraceMs ?? 2000);
    });
    return new Promise((resolve) => {
        child.on('close', (code, signal) => {
            run.timers.clearAll();
            options.signal?.removeEventListener('abort', onAbort);
            // Whatever the child left behind in its group goes too.
            if (run.group !== undefined)
                killGroup(run.group, 'SIGKILL');
            const { exit } = run;
            resolve({
                exitCode: exit ? exit.code : code,
                signal: exit ? exit.signal : signal,
                wallSeconds: exit ? exit.seconds : elapsed(),
                stopped: run.stopped,
                spawnError,
                ...(run.strays ? { strays: true } : {}),
            });
        });
    });
}
function notStarted(spawnError, wallSeconds) {
    return { exitCode: null, signal: null, wallSeconds, stopped: undefined, spawnError };
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
    if (file === undefined)
        return Promise.resolve(notStarted('empty command', 0));
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
        return Promise.resolve(notStarted((0,_core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .describeError */ .Uc)(error), elapsed()));
    }
    return supervise(child, file, options, elapsed);
}
//# sourceMappingURL=process.js.map

/***/ }),

/***/ 9750:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Ir: () => (/* binding */ RUNNERS),
  NE: () => (/* binding */ resolveRunner)
});

// UNUSED EXPORTS: runnerFromWords

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./node_modules/tinyglobby/dist/index.mjs + 1 modules
var dist = __webpack_require__(3382);
// EXTERNAL MODULE: ./build/core/ids.js
var core_ids = __webpack_require__(8628);
;// CONCATENATED MODULE: ./build/adapters/runners/args.js
/**
 * Helpers every runner adapter uses to build arguments: file paths that cannot be read as
 * options, literal regular expressions, and invocations kept under the OS argument limit.
 */
/**
 * The most bytes of arguments one invocation gets. Linux allows 2 MiB for argv and the
 * environment together (and 128 KiB per single string); staying far below leaves room for a
 * large environment.
 */
const MAX_ARGUMENT_BYTES = 256 * 1024;
/** Splits items into chunks whose argument bytes stay under the limit. */
function chunkByArgumentBytes(items, fixedBytes, perItem) {
    const chunks = [];
    let current = [];
    let bytes = fixedBytes;
    for (const item of items) {
        const size = perItem(item) + 1;
        if (current.length > 0 && bytes + size > MAX_ARGUMENT_BYTES) {
            chunks.push(current);
            current = [];
            bytes = fixedBytes;
        }
        current.push(item);
        bytes += size;
    }
    if (current.length > 0)
        chunks.push(current);
    return chunks;
}
/**
 * A file path as an argument: relative paths get `./` so that a file named `-rf.test.js`,
 * `--require=x.js` or pytest's `@argsfile` is never read as an option.
 */
function pathArgument(path) {
    return path.startsWith('/') || path.startsWith('./') || path.startsWith('../')
        ? path
        : `./${path}`;
}
function argumentBytes(args) {
    let total = 0;
    for (const arg of args)
        total += Buffer.byteLength(arg) + 1;
    return total;
}
/** Escapes a string for use as a literal inside a regular expression. */
function escapeRegExp(text) {
    return text.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
}
//# sourceMappingURL=args.js.map
// EXTERNAL MODULE: ./build/core/errors.js
var errors = __webpack_require__(2807);
// EXTERNAL MODULE: ./build/core/formats/junit.js
var junit = __webpack_require__(8821);
// EXTERNAL MODULE: ./build/adapters/timings-files.js + 2 modules
var timings_files = __webpack_require__(3365);
;// CONCATENATED MODULE: ./build/adapters/runners/junit-outcomes.js




/**
 * Reads the outcomes of JUnit reports. A missing report means the runner never got to write
 * it (it crashed, or was killed): no outcomes, so every planned item shows up as missing. A
 * truncated report keeps its complete test cases.
 */
async function readJunitOutcomes(paths, roots) {
    const tests = [];
    const fileFailures = [];
    const problems = [];
    for (const path of paths) {
        try {
            await (0,promises_.access)(path);
        }
        catch {
            problems.push(`${path}: the runner wrote no report`);
            continue;
        }
        const onCase = (testCase) => {
            // pytest writes a strict xfail mark's unexpected pass as a skip; pytest itself fails it.
            if (testCase.expectation === 'xpass-strict') {
                tests.push({
                    id: testCase.id,
                    file: testCase.file,
                    status: 'failed',
                    seconds: testCase.seconds,
                    message: 'XPASS(strict): the test passed although marked xfail(strict=True)',
                });
                return;
            }
            tests.push({
                id: testCase.id,
                file: testCase.file,
                status: testCase.status === 'passed'
                    ? 'passed'
                    : testCase.status === 'skipped'
                        ? testCase.expectation === 'xfail'
                            ? 'xfailed'
                            : 'skipped'
                        : 'failed',
                seconds: testCase.seconds,
                message: testCase.message,
            });
        };
        const parser = new junit/* JunitParser */.Ed(path, { roots, onCase });
        try {
            await (0,timings_files/* streamJunit */.b)(path, parser);
            const summary = parser.end();
            if (summary.partial)
                problems.push(summary.partial);
        }
        catch (error) {
            // Not JUnit, or unreadable (a directory, no permission, gone since): the cases read so
            // far stand and the rest show up as missing. Throwing would lose the whole shard result.
            problems.push(error instanceof junit/* JunitError */.Zh
                ? error.message
                : `${path}: cannot read the report (${(0,errors/* describeError */.Uc)(error)})`);
        }
    }
    return { tests, fileFailures, problems };
}
//# sourceMappingURL=junit-outcomes.js.map
;// CONCATENATED MODULE: ./build/adapters/runners/generic.js





/** A signature (modification time and size) of each file the globs match. */
async function snapshot(globs, root) {
    const out = new Map();
    if (globs.length === 0)
        return out;
    for (const path of await (0,dist/* glob */.TI)([...globs], {
        cwd: root,
        absolute: true,
        followSymbolicLinks: false,
    })) {
        const info = await (0,promises_.lstat)(path);
        if (info.isFile())
            out.set(path, `${info.mtimeMs}:${info.size}`);
    }
    return out;
}
/** The JUnit files each invocation found before it started. */
const before = new WeakMap();
/**
 * The JUnit files the invocation wrote or changed (compared with the snapshot taken before it
 * started), keeping only cases of its own files — another shard running beside it may write to
 * the same place.
 */
async function junitOutcomes(files, input, earlier) {
    const globs = input.junitGlobs ?? [];
    const after = await snapshot(globs, input.cwd);
    const written = [...after]
        .filter(([path, signature]) => earlier.get(path) !== signature)
        .map(([path]) => path);
    const read = await readJunitOutcomes(written.sort(), [input.cwd]);
    const own = new Set(files.map((f) => f.normalize('NFC')));
    const tests = read.tests.filter((t) => own.has(t.file));
    const foreign = read.tests.length - tests.length;
    const problems = [...read.problems];
    if (foreign > 0)
        problems.push(`${foreign} JUnit test cases belong to files this invocation did not run; ignored`);
    if (written.length === 0)
        problems.push(`the command wrote no JUnit report matching ${globs.join(', ')}`);
    return { tests, fileFailures: read.fileFailures.filter((f) => own.has(f.file)), problems };
}
/** Without JUnit files, the exit status stands for every file of the invocation. */
function exitOutcomes(files, exit) {
    const status = exit.exitCode === 0 ? 'passed' : 'failed';
    const tests = files.map((file) => ({
        id: file,
        file,
        status,
        seconds: undefined,
        message: status === 'failed' ? `the command exited with ${String(exit.exitCode)}` : undefined,
    }));
    return { tests, fileFailures: [], problems: [] };
}
/**
 * Any other command: the shard's files are appended as `./` paths (or replace a `{files}`
 * argument). What passed and failed comes from the JUnit files given with `--junit`; with none,
 * the command's exit status stands for every file it ran.
 */
const generic = {
    name: 'generic',
    selectsTests: false,
    itemsArePaths: true,
    invocations({ command, items }) {
        const files = [...new Set(items.map(core_ids/* fileOfId */.Hy))];
        const placeholder = command.indexOf('{files}');
        const head = placeholder < 0 ? command : command.slice(0, placeholder);
        const tail = placeholder < 0 ? [] : command.slice(placeholder + 1);
        const chunks = chunkByArgumentBytes(files, argumentBytes([...head, ...tail]), (f) => Buffer.byteLength(f) + 2);
        return chunks.map((chunk) => ({
            argv: [...head, ...chunk.map(pathArgument), ...tail],
            items: chunk,
        }));
    },
    async beforeInvocation(invocation, input) {
        before.set(invocation, await snapshot(input.junitGlobs ?? [], input.cwd));
    },
    readOutcomes(invocation, input, exit) {
        const files = [...new Set((invocation.items ?? input.items).map(core_ids/* fileOfId */.Hy))];
        if ((input.junitGlobs ?? []).length === 0)
            return Promise.resolve(exitOutcomes(files, exit));
        return junitOutcomes(files, input, before.get(invocation) ?? new Map());
    },
};
//# sourceMappingURL=generic.js.map
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
;// CONCATENATED MODULE: ./build/adapters/runners/roots.js

/**
 * The working directory and, when it differs, its real path: runners report real paths (a
 * symlinked checkout), and both must be stripped to get repo-relative ids.
 */
function rootsOf(cwd) {
    try {
        const real = (0,external_node_fs_.realpathSync)(cwd);
        return real === cwd ? [cwd] : [cwd, real];
    }
    catch {
        return [cwd];
    }
}
const progress = new Map();
const MAX_TRACKED = 64;
const MAX_READ = 16 * 1024 * 1024;
/**
 * Lines of a growing report that match, for live progress; 0 while it does not exist yet.
 * Each call reads only what was appended since the last (at most 16 MiB), so a report of
 * any size costs no more than its growth.
 */
function countMatchingLines(path, pattern) {
    if (path === undefined)
        return 0;
    const key = `${pattern.source}\u0000${path}`;
    let state = progress.get(key);
    let fd;
    try {
        fd = (0,external_node_fs_.openSync)(path, 'r');
        const size = (0,external_node_fs_.fstatSync)(fd).size;
        if (!state || size < state.offset) {
            state = { offset: 0, count: 0, tail: '' };
            if (progress.size >= MAX_TRACKED)
                progress.delete(progress.keys().next().value ?? '');
        }
        progress.set(key, state);
        const length = Math.min(size - state.offset, MAX_READ);
        if (length > 0) {
            const buffer = Buffer.alloc(length);
            const read = (0,external_node_fs_.readSync)(fd, buffer, 0, length, state.offset);
            state.offset += read;
            const text = state.tail + buffer.toString('latin1', 0, read);
            const end = text.lastIndexOf('\n');
            state.count += text.slice(0, end + 1).match(pattern)?.length ?? 0;
            // A line is counted once it is complete; an endless one is not kept whole.
            state.tail = text.slice(end + 1).slice(-64 * 1024);
        }
        return state.count;
    }
    catch {
        return state?.count ?? 0;
    }
    finally {
        if (fd !== undefined)
            (0,external_node_fs_.closeSync)(fd);
    }
}
//# sourceMappingURL=roots.js.map
// EXTERNAL MODULE: ./build/core/duration.js
var duration = __webpack_require__(1420);
;// CONCATENATED MODULE: ./build/core/outcomes.js
/**
 * What a runner said about each test in one invocation, whatever its report format. The
 * parsers in outcomes/ (one file per format) turn the runners' own machine-readable reports
 * (Jest/Vitest JSON, Mocha JSON, Playwright JSON, `go test -json`, node:test events) into this
 * one shape; JUnit comes through `JunitParser`'s `onCase`. Each runner adapter chooses its own.
 */
const MAX_MESSAGE_CHARS = 2000;
//# sourceMappingURL=outcomes.js.map
;// CONCATENATED MODULE: ./build/core/outcomes/values.js


function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/** A failure message, capped; an array of lines is joined. */
function message(value) {
    if (typeof value === 'string' && value !== '')
        return value.slice(0, MAX_MESSAGE_CHARS);
    if (Array.isArray(value))
        return message(value.filter((v) => typeof v === 'string').join('\n'));
    return undefined;
}
/** Milliseconds as accepted seconds. */
function seconds(ms) {
    return typeof ms === 'number' ? (0,duration/* acceptSeconds */.Sb)(ms / 1000) : undefined;
}
//# sourceMappingURL=values.js.map
;// CONCATENATED MODULE: ./build/core/outcomes/go.js



/** Kept of one line of a test's output, for the failure message. */
const MAX_OUTPUT_LINE = 1000;
/** Kept lines of output per test or package: the end of the output explains a failure. */
const OUTPUT_LINES = 40;
/**
 * `go test -json` events, fed one line at a time (a verbose suite's report can outgrow a
 * string, so it is read as a stream). Ids are `<package>::<TopLevelTest>`; a subtest's result is folded
 * into its parent (a failing subtest fails the parent, and `-run` selects by parent). A
 * package that fails without any test failing (a build error, a panic in init) is a file
 * failure; so is one whose build failed, which Go up to 1.23 reports only as a plain
 * `FAIL\t<package> [build failed]` line among the events (1.24 adds `build-output` and
 * `build-fail` events). A test that started but never ended in a failed package (a crash, an
 * `os.Exit`, the `-timeout` panic) failed. A package that ran no test at all (no test files,
 * or none left by `-run`) answers for itself as one skipped outcome whose id is the package.
 * Every end event is kept, so `-count=N` runs fold like repeats (failed if any run failed).
 * Memory holds the outcomes and the last lines of output of tests still running or failed,
 * never the report.
 */
function goOutcomeParser() {
    const state = emptyState();
    return { line: (raw) => readLine(state, raw), end: () => endOutcomes(state) };
}
function emptyState() {
    return {
        tests: [],
        files: [],
        packageFailed: new Map(),
        packageEnded: new Set(),
        packagesWithTests: new Set(),
        running: new Map(),
        output: new Map(),
        buildOutput: new Map(),
    };
}
function remember(store, key, line) {
    // Progress lines explain nothing.
    if (/^=== (?:RUN|PAUSE|CONT|NAME)\b/.test(line))
        return;
    const lines = store.get(key) ?? [];
    lines.push(line.length > MAX_OUTPUT_LINE ? `${line.slice(0, MAX_OUTPUT_LINE)}…\n` : line);
    if (lines.length > OUTPUT_LINES)
        lines.shift();
    store.set(key, lines);
}
function importPath(value) {
    return value.replace(/ \[.*\]$/, '');
}
function readLine(state, raw) {
    const line = raw.replace(/\r$/, '');
    if (!line.startsWith('{')) {
        // go 1.19–1.23 print a package that does not build as plain text on stdout.
        const failed = /^FAIL\t(\S+) \[(build failed|setup failed)\]$/.exec(line);
        if (failed?.[1] !== undefined)
            state.packageFailed.set(failed[1], `${failed[2] ?? 'failed'}: the compiler's messages are in the shard's output`);
        return;
    }
    let event;
    try {
        event = JSON.parse(line);
    }
    catch {
        return;
    }
    if (!isObject(event) || typeof event.Action !== 'string')
        return;
    if (event.Action === 'build-output' || event.Action === 'build-fail') {
        if (typeof event.ImportPath === 'string' && typeof event.Output === 'string')
            remember(state.buildOutput, importPath(event.ImportPath), event.Output);
        return;
    }
    if (typeof event.Package !== 'string')
        return;
    const pkg = event.Package;
    const test = typeof event.Test === 'string' ? event.Test : undefined;
    const top = test?.split('/')[0];
    const id = top === undefined ? undefined : (0,core_ids/* joinTestId */.e0)(pkg, [], top);
    if (event.Action === 'output' && typeof event.Output === 'string') {
        remember(state.output, id ?? pkg, event.Output);
        return;
    }
    if (test === undefined || id === undefined) {
        readPackageEvent(state, event, pkg);
        return;
    }
    state.packagesWithTests.add(pkg);
    // A subtest's result is folded into its parent's.
    if (test === top)
        readTestEvent(state, event, pkg, id);
}
/** A package's own event: its failure, its end, and its test binary's time. */
function readPackageEvent(state, event, pkg) {
    if (event.Action === 'fail') {
        const failedBuild = typeof event.FailedBuild === 'string' ? importPath(event.FailedBuild) : undefined;
        state.packageFailed.set(pkg, failedBuild === undefined
            ? (state.output.get(pkg) ?? []).join('')
            : `build failed\n${(state.buildOutput.get(failedBuild) ?? []).join('')}`);
    }
    if (event.Action === 'pass' || event.Action === 'fail' || event.Action === 'skip')
        state.packageEnded.add(pkg);
    // The package's test binary, start to end: what the package costs to test.
    const elapsed = (0,duration/* acceptSeconds */.Sb)(event.Elapsed);
    if ((event.Action === 'pass' || event.Action === 'fail') &&
        elapsed !== undefined &&
        elapsed > 0) {
        const ended = typeof event.Time === 'string' ? Date.parse(event.Time) : Number.NaN;
        state.files.push({
            file: pkg,
            seconds: elapsed,
            ...(Number.isFinite(ended) ? { startMs: ended - elapsed * 1000 } : {}),
        });
    }
}
/** A top-level test's start or end. */
function readTestEvent(state, event, pkg, id) {
    if (event.Action === 'run') {
        state.running.set(id, pkg);
        return;
    }
    if (event.Action !== 'pass' && event.Action !== 'fail' && event.Action !== 'skip')
        return;
    state.running.delete(id);
    const status = event.Action === 'pass' ? 'passed' : event.Action === 'fail' ? 'failed' : 'skipped';
    state.tests.push({
        id,
        file: pkg,
        status,
        seconds: (0,duration/* acceptSeconds */.Sb)(event.Elapsed),
        message: status === 'failed' ? message((state.output.get(id) ?? []).join('')) : undefined,
    });
    // A finished test's output is done with (a -count run starts it afresh).
    state.output.delete(id);
}
/**
 * The outcomes once the report has ended: tests still running in a failed package failed,
 * a failed package with no failed test is a file failure, a package that ran no test skipped.
 */
function endOutcomes(state) {
    const ended = [...state.tests];
    for (const [id, pkg] of state.running) {
        if (!state.packageFailed.has(pkg))
            continue;
        const tail = (state.output.get(id) ?? state.output.get(pkg) ?? []).join('');
        ended.push({
            id,
            file: pkg,
            status: 'failed',
            seconds: undefined,
            message: message(`the test never finished: the test binary ended while it ran\n${tail}`),
        });
    }
    const fileFailures = [];
    const failedFiles = new Set(ended.filter((t) => t.status === 'failed').map((t) => t.file));
    for (const [pkg, text] of state.packageFailed) {
        if (failedFiles.has(pkg))
            continue;
        fileFailures.push({ file: pkg, message: message(`${pkg}: ${text}`) ?? 'the package failed' });
    }
    for (const pkg of state.packageEnded) {
        if (state.packagesWithTests.has(pkg) || state.packageFailed.has(pkg))
            continue;
        ended.push({ id: pkg, file: pkg, status: 'skipped', seconds: undefined, message: undefined });
    }
    return { tests: ended, fileFailures, files: state.files };
}
//# sourceMappingURL=go.js.map
// EXTERNAL MODULE: external "node:string_decoder"
var external_node_string_decoder_ = __webpack_require__(6193);
;// CONCATENATED MODULE: ./build/adapters/read-lines.js


/**
 * Calls `onLine` for each line of a file (without its `\n`), reading it as a stream: memory
 * holds one line at a time whatever the file's size. A line longer than `maxLineChars` is
 * passed cut to that length (its rest is skipped), so one endless line cannot exhaust memory.
 */
async function forEachLine(path, onLine, maxLineChars = 4 * 1024 * 1024) {
    const decoder = new external_node_string_decoder_.StringDecoder('utf8');
    // An object, not two lets: the closure below changes both.
    const state = { pending: '', skipping: false };
    const take = (text) => {
        let from = 0;
        for (let end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', from)) {
            const piece = text.slice(from, end);
            if (!state.skipping)
                onLine(state.pending === '' ? piece : (state.pending + piece).slice(0, maxLineChars));
            state.pending = '';
            state.skipping = false;
            from = end + 1;
        }
        if (state.skipping)
            return;
        state.pending += text.slice(from);
        if (state.pending.length > maxLineChars) {
            onLine(state.pending.slice(0, maxLineChars));
            state.pending = '';
            state.skipping = true;
        }
    };
    for await (const chunk of (0,external_node_fs_.createReadStream)(path))
        take(decoder.write(chunk));
    take(decoder.end());
    if (state.pending !== '' && !state.skipping)
        onLine(state.pending);
}
//# sourceMappingURL=read-lines.js.map
;// CONCATENATED MODULE: ./build/adapters/runners/go.js







/** `go test` flags that take a value as the next word (`-run X`; `-run=X` is one word). */
const VALUE_FLAGS = new Set([
    // build flags
    'asmflags',
    'buildmode',
    'compiler',
    'C',
    'gccgoflags',
    'gcflags',
    'installsuffix',
    'ldflags',
    'mod',
    'modfile',
    'overlay',
    'p',
    'pgo',
    'pkgdir',
    'tags',
    'toolexec',
    // test flags
    'bench',
    'benchtime',
    'blockprofile',
    'blockprofilerate',
    'count',
    'covermode',
    'coverpkg',
    'coverprofile',
    'cpu',
    'cpuprofile',
    'exec',
    'fuzz',
    'fuzzminimizetime',
    'fuzztime',
    'list',
    'memprofile',
    'memprofilerate',
    'mutexprofile',
    'mutexprofilefraction',
    'o',
    'outputdir',
    'parallel',
    'run',
    'shuffle',
    'skip',
    'timeout',
    'trace',
    'vet',
]);
/** Build flags that change which files and packages exist: `go list` must see them too. */
const LIST_FLAGS = new Set(['tags', 'mod', 'modfile', 'overlay', 'race', 'msan', 'asan']);
function base(word) {
    return word.slice(word.lastIndexOf('/') + 1);
}
/** Splits `go test [flags] [packages] [flags] [-args …]` into its parts. */
function parseGoCommand(command) {
    const at = command.findIndex((word, i) => base(word) === 'go' && command[i + 1] === 'test');
    if (at < 0)
        return undefined;
    const flags = [];
    const patterns = [];
    const words = command.slice(at + 2);
    let binaryArgs = [];
    for (let i = 0; i < words.length; i++) {
        const word = words[i] ?? '';
        if (word === '-args' || word === '--args') {
            binaryArgs = words.slice(i);
            break;
        }
        if (!word.startsWith('-') || word === '-') {
            patterns.push(word);
            continue;
        }
        const name = word.replace(/^--?/, '');
        const next = words[i + 1];
        if (!name.includes('=') && VALUE_FLAGS.has(name) && next !== undefined) {
            flags.push([word, next]);
            i++;
        }
        else {
            flags.push([word]);
        }
    }
    return { head: command.slice(0, at + 1), flags, patterns, binaryArgs };
}
function flagName(flag) {
    return (flag[0] ?? '').replace(/^--?/, '').replace(/=.*$/s, '');
}
/**
 * Replaces Go's string, rune and comment contents with spaces (keeping line breaks), so that a
 * `func TestX` inside a comment or a raw string is not taken for a test.
 */
function codeOnly(source) {
    let out = '';
    let i = 0;
    /** Where the literal or comment starting at `i` ends (exclusive), or -1 for plain code. */
    const literalEnd = (c, next) => {
        if (c === '/' && next === '/') {
            const end = source.indexOf('\n', i);
            return end < 0 ? source.length : end;
        }
        if (c === '/' && next === '*') {
            const end = source.indexOf('*/', i + 2);
            return end < 0 ? source.length : end + 2;
        }
        if (c === '`') {
            const end = source.indexOf('`', i + 1);
            return end < 0 ? source.length : end + 1;
        }
        if (c === '"' || c === "'") {
            let end = i + 1;
            while (end < source.length && source[end] !== c && source[end] !== '\n') {
                end += source[end] === '\\' ? 2 : 1;
            }
            return Math.min(source.length, end + 1);
        }
        return -1;
    };
    while (i < source.length) {
        const c = source[i] ?? '';
        const end = literalEnd(c, source[i + 1]);
        if (end < 0) {
            out += c;
            i++;
            continue;
        }
        out += source.slice(i, end).replace(/[^\n]/g, ' ');
        i = end;
    }
    return out;
}
/** Go's rule: `Test`, or `Test` followed by anything but a lower-case letter (`TestX`, `Test_x`). */
function isTestName(name, prefix) {
    if (!name.startsWith(prefix))
        return false;
    const rest = name.slice(prefix.length);
    return rest === '' || !/^\p{Ll}/u.test(rest);
}
const FUNC = /(?:^|[\s;}])func[ \t]+([\p{L}_][\p{L}\p{N}_]*)[ \t]*([[(])/gu;
const ANY_FUNC = /(?:^|[\s;}])func\b/gu;
const OUTPUT_COMMENT = /^[ \t]*\/\/[ \t]*(?:unordered )?output:/im;
/**
 * The top-level tests `go test` runs from one test file: `TestX`, fuzz targets (their seed
 * corpus runs as a test) and examples with an output comment. A function with the name of a
 * test but the wrong signature fails the build, so names alone decide.
 */
function goTestNames(source) {
    const code = codeOnly(source);
    const starts = [];
    for (const match of code.matchAll(ANY_FUNC))
        starts.push(match.index);
    const names = [];
    for (const match of code.matchAll(FUNC)) {
        const name = match[1] ?? '';
        if (match[2] === '[')
            continue; // generic: not a test (and a build error if named like one)
        const from = match.index;
        const to = starts.find((s) => s > from + 1) ?? source.length;
        if (name === 'TestMain') {
            // TestMain(m *testing.M) sets up the package; TestMain(t *testing.T) is a test.
            const params = code.slice(from, code.indexOf(')', from) + 1);
            if (/\*\s*(?:[\p{L}_][\p{L}\p{N}_]*\s*\.\s*)?M\s*\)/u.test(params))
                continue;
        }
        if (isTestName(name, 'Test') || isTestName(name, 'Fuzz'))
            names.push(name);
        else if (isTestName(name, 'Example') && OUTPUT_COMMENT.test(source.slice(from, to)))
            names.push(name);
    }
    return names;
}
/** `go list -json` prints one indented object after another: split at the top-level `}`. */
function listedPackages(stdout) {
    const out = [];
    for (const chunk of stdout.split(/^}\r?$/m)) {
        const text = chunk.trim();
        if (!text.startsWith('{'))
            continue;
        try {
            out.push(JSON.parse(`${text}\n}`));
        }
        catch {
            // Not a package object: ignore.
        }
    }
    return out;
}
function strings(value) {
    return Array.isArray(value) ? value.filter((v) => typeof v === 'string') : [];
}
/**
 * The items of a Go module: `<package>::<TopLevelTest>` for each test of a package, found in
 * its test files; a package whose tests cannot be read (or that does not load) is an item
 * whole, so that `go test` reports on it. Packages without test files are left out: `go test`
 * has nothing to run there.
 */
function parseListed(stdout) {
    const items = [];
    for (const pkg of listedPackages(stdout)) {
        if (typeof pkg.ImportPath !== 'string' || pkg.ImportPath === '')
            continue;
        const files = [...strings(pkg.TestGoFiles), ...strings(pkg.XTestGoFiles)];
        const broken = pkg.Error !== undefined || strings(pkg.DepsErrors).length > 0;
        if (files.length === 0 && !broken)
            continue;
        if (broken || typeof pkg.Dir !== 'string') {
            items.push(pkg.ImportPath);
            continue;
        }
        const dir = pkg.Dir;
        let names = [];
        for (const file of files) {
            try {
                names.push(...goTestNames((0,external_node_fs_.readFileSync)((0,external_node_path_.isAbsolute)(file) ? file : (0,external_node_path_.join)(dir, file), 'utf8')));
            }
            catch {
                names = undefined;
                break;
            }
        }
        if (names === undefined || names.length === 0)
            items.push(pkg.ImportPath);
        else
            for (const name of new Set(names))
                items.push(`${pkg.ImportPath}::${name}`);
    }
    return items;
}
/**
 * `go test`: items are packages (import paths) or `<package>::<TopLevelTest>` for top-level
 * tests, run with an anchored `-run` per package (one pattern over several packages would
 * also run a same-named test of another package). Package patterns in the user's command
 * (`./...`) are dropped: the plan names the packages. `-json` events arrive on stdout: they are
 * saved as the report and shown as the plain test output they carry.
 */
const goTest = {
    name: 'go',
    selectsTests: true,
    itemsArePaths: false,
    invocations({ command, items, reportDir }) {
        const parsed = parseGoCommand(command);
        const head = parsed ? [...parsed.head, 'test', ...parsed.flags.flat()] : [...command];
        const tail = parsed ? parsed.binaryArgs : [];
        const wholePackages = [...new Set(items.filter((i) => (0,core_ids/* splitTestId */.Wf)(i) === undefined))].sort();
        const testsByPackage = new Map();
        for (const item of items) {
            const parts = (0,core_ids/* splitTestId */.Wf)(item);
            if (!parts || wholePackages.includes(parts.file))
                continue;
            const list = testsByPackage.get(parts.file) ?? [];
            list.push(parts.rest);
            testsByPackage.set(parts.file, list);
        }
        // Go replays cached passes with no real duration (and no re-run for --repeat or a retry):
        // unless the user chose a -count, every run is a real one.
        const counted = head.some((word) => /^--?count(=|$)/.test(word));
        const fixed = [...head, ...(counted ? [] : ['-count=1']), '-json'];
        const out = [];
        let n = 0;
        for (const chunk of chunkByArgumentBytes(wholePackages, argumentBytes([...fixed, ...tail]), (p) => Buffer.byteLength(p))) {
            out.push({
                argv: [...fixed, ...chunk, ...tail],
                stdoutReport: (0,external_node_path_.join)(reportDir, `go-${n++}.jsonl`),
            });
        }
        for (const [pkg, tests] of [...testsByPackage].sort(([a], [b]) => (a < b ? -1 : 1))) {
            const pattern = `^(?:${[...new Set(tests)].sort().map(escapeRegExp).join('|')})$`;
            out.push({
                argv: [...fixed, '-run', pattern, pkg, ...tail],
                stdoutReport: (0,external_node_path_.join)(reportDir, `go-${n++}.jsonl`),
            });
        }
        return out;
    },
    finishedTests(invocation) {
        // Top-level tests only: a subtest's name holds a slash.
        return countMatchingLines(invocation.stdoutReport, /"Action":"(?:pass|fail)","Package":"[^"]*","Test":"[^"/]*"/g);
    },
    async readOutcomes(invocation) {
        if (invocation.stdoutReport === undefined)
            return { tests: [], fileFailures: [] };
        // Line by line: a verbose suite's report can outgrow what one string may hold (~512 MB).
        const parser = goOutcomeParser();
        try {
            await forEachLine(invocation.stdoutReport, (line) => parser.line(line));
        }
        catch {
            // What was read stands; the rest is missing and says so.
        }
        return parser.end();
    },
    list: {
        // `go list` loads packages without compiling them, so one that does not build is still
        // listed (and fails when its shard runs it, naming it), and the listing itself succeeds.
        argv: (command) => {
            const parsed = parseGoCommand(command);
            if (!parsed)
                return ['go', 'list', '-e', '-json', './...'];
            const buildFlags = parsed.flags.filter((flag) => LIST_FLAGS.has(flagName(flag))).flat();
            return [
                ...parsed.head,
                'list',
                '-e',
                '-json',
                ...buildFlags,
                ...(parsed.patterns.length > 0 ? parsed.patterns : ['./...']),
            ];
        },
        parse: (stdout) => parseListed(stdout),
    },
    display: (chunk) => {
        let out = '';
        for (const line of chunk.split('\n')) {
            if (!line.startsWith('{')) {
                if (line !== '')
                    out += `${line}\n`;
                continue;
            }
            try {
                const event = JSON.parse(line);
                if ((event.Action === 'output' || event.Action === 'build-output') &&
                    typeof event.Output === 'string')
                    out += event.Output;
            }
            catch {
                out += `${line}\n`;
            }
        }
        return out;
    },
};
//# sourceMappingURL=go.js.map
;// CONCATENATED MODULE: ./build/core/outcomes/jest.js



/**
 * Jest `--json` and Vitest's `json` reporter (the same shape): `testResults[]` per file with
 * `assertionResults[]` per test. A file whose suite failed to run has `status: "failed"` and a
 * `message` but no assertions; so does one whose tests passed while a hook around them failed
 * (Jest's `afterAll`, Vitest's `beforeAll`, which marks the tests skipped). Jest colours its
 * messages when colour is forced (`FORCE_COLOR`, `--colors`): the escape codes are dropped.
 */
function parseJestOutcomes(data, options = {}) {
    const tests = [];
    const fileFailures = [];
    const files = [];
    // CSI sequences (colours, cursor moves) and OSC sequences (hyperlinks).
    // eslint-disable-next-line no-control-regex
    const escapes = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)/g;
    const plain = (value) => typeof value === 'string'
        ? value.replace(escapes, '')
        : Array.isArray(value)
            ? value.map((v) => (typeof v === 'string' ? v.replace(escapes, '') : v))
            : value;
    const results = isObject(data) && Array.isArray(data.testResults) ? data.testResults : [];
    for (const result of results) {
        if (!isObject(result) || typeof result.name !== 'string')
            continue;
        const file = (0,core_ids/* normalizeFileId */.Xo)(result.name, options);
        if (options.fileTimes === true) {
            const start = result.startTime;
            const end = result.endTime;
            // A file that failed to run has both set to the same moment: no timing.
            if (typeof start === 'number' && typeof end === 'number' && end > start) {
                const seconds = (0,duration/* acceptSeconds */.Sb)((end - start) / 1000);
                if (seconds !== undefined && seconds > 0)
                    files.push({ file, seconds, startMs: start });
            }
        }
        const assertions = Array.isArray(result.assertionResults)
            ? result.assertionResults
            : [];
        for (const assertion of assertions) {
            if (!isObject(assertion) || typeof assertion.title !== 'string')
                continue;
            const scopes = Array.isArray(assertion.ancestorTitles)
                ? assertion.ancestorTitles.filter((t) => typeof t === 'string')
                : [];
            const status = assertion.status === 'passed'
                ? 'passed'
                : assertion.status === 'failed'
                    ? 'failed'
                    : 'skipped';
            tests.push({
                id: (0,core_ids/* joinTestId */.e0)(file, scopes, assertion.title),
                file,
                status,
                seconds: seconds(assertion.duration),
                message: status === 'failed' ? message(plain(assertion.failureMessages)) : undefined,
            });
        }
        if (result.status === 'failed' &&
            !assertions.some((a) => isObject(a) && a.status === 'failed')) {
            fileFailures.push({
                file,
                message: message(plain(result.message)) ?? 'the test file failed to run',
            });
        }
    }
    return { tests, fileFailures, ...(options.fileTimes === true ? { files } : {}) };
}
//# sourceMappingURL=jest.js.map
// EXTERNAL MODULE: ./build/core/shard-result.js
var shard_result = __webpack_require__(1970);
;// CONCATENATED MODULE: ./build/adapters/runners/jest.js







/**
 * A pattern matching exactly these tests' full names: the describe titles and the test title
 * joined by spaces, as Jest's and Vitest's `-t` see them. A `::` inside a title is
 * indistinguishable in the id from a scope boundary, so each boundary matches either.
 */
function fullNamePattern(ids) {
    const names = ids
        .map((id) => (0,core_ids/* splitTestId */.Wf)(id)?.rest)
        .filter((rest) => rest !== undefined);
    if (names.length === 0)
        return undefined;
    return `^(?:${[...new Set(names)].sort().map(alternative).join('|')})$`;
}
function alternative(rest) {
    return rest.split('::').map(escapeRegExp).join('(?: |::)');
}
/**
 * One argument may hold at most 128 KiB on Linux (MAX_ARG_STRLEN): many tests of one file are
 * selected by several patterns, one invocation each.
 */
const MAX_PATTERN_BYTES = 64 * 1024;
function patternGroups(ids) {
    const groups = [];
    let current = [];
    let bytes = 0;
    for (const id of ids) {
        const size = Buffer.byteLength(alternative((0,core_ids/* splitTestId */.Wf)(id)?.rest ?? '')) + 1;
        if (current.length > 0 && bytes + size > MAX_PATTERN_BYTES) {
            groups.push(current);
            current = [];
            bytes = 0;
        }
        current.push(id);
        bytes += size;
    }
    if (current.length > 0)
        groups.push(current);
    return groups;
}
/** The items and report of each invocation built here, for reading its outcomes back. */
const asked = new WeakMap();
/**
 * Groups items into invocations: whole files together (chunked below the OS argument limit),
 * and, for each file with only some tests selected, one invocation per anchored `-t` pattern
 * (of that file only, so that a pattern cannot pick up a same-named test in another file).
 */
function jestLikeInvocations(input, fixed, reportPath, files, testNameFlag, 
/** Variables an invocation needs besides its arguments (where a reporter writes). */
envFor) {
    const wholeFiles = [...new Set(input.items.filter((i) => (0,core_ids/* splitTestId */.Wf)(i) === undefined))].sort();
    const whole = new Set(wholeFiles);
    const testsByFile = new Map();
    for (const item of input.items) {
        const file = (0,core_ids/* fileOfId */.Hy)(item);
        if ((0,core_ids/* splitTestId */.Wf)(item) === undefined || whole.has(file))
            continue;
        const list = testsByFile.get(file) ?? [];
        list.push(item);
        testsByFile.set(file, list);
    }
    const out = [];
    let n = 0;
    const add = (argv, report, value) => {
        const invocation = envFor ? { argv, env: envFor(report) } : { argv };
        asked.set(invocation, { ...value, report });
        out.push(invocation);
    };
    const base = argumentBytes([...fixed(reportPath(0)), ...files.before]);
    for (const chunk of chunkByArgumentBytes(wholeFiles, base, (f) => Buffer.byteLength(files.file(f)))) {
        const report = reportPath(n++);
        add([...fixed(report), ...files.before, ...chunk.map(files.file)], report, {
            wholeFiles: new Set(chunk),
            testsByFile: new Map(),
        });
    }
    for (const [file, ids] of [...testsByFile].sort(([a], [b]) => (a < b ? -1 : 1))) {
        for (const group of patternGroups([...new Set(ids)].sort())) {
            const pattern = fullNamePattern(group);
            const report = reportPath(n++);
            add([
                ...fixed(report),
                ...(pattern ? [testNameFlag, pattern] : []),
                ...files.before,
                files.file(file),
            ], report, { wholeFiles: new Set(), testsByFile: new Map([[file, group]]) });
        }
    }
    return out;
}
/** Reads a Jest-shaped JSON report, keeping only what the invocation asked for. */
async function readJestLikeReport(runner, invocation, input, reportFromArgv) {
    const known = asked.get(invocation);
    const report = known?.report ?? reportFromArgv();
    if (report === undefined)
        return { tests: [], fileFailures: [], problems: [] };
    let data;
    try {
        data = JSON.parse(await (0,promises_.readFile)(report, 'utf8'));
    }
    catch {
        // No report (the runner crashed or never started): every asked item stays missing.
        return { tests: [], fileFailures: [], problems: [] };
    }
    const outcomes = parseJestOutcomes(data, {
        roots: rootsOf(input.cwd),
        fileTimes: runner === 'jest',
    });
    return keepAsked(runner, outcomes, known ?? askedOf(input.items, report));
}
function askedOf(items, report) {
    const wholeFiles = new Set(items.filter((i) => (0,core_ids/* splitTestId */.Wf)(i) === undefined));
    const testsByFile = new Map();
    for (const item of items) {
        if ((0,core_ids/* splitTestId */.Wf)(item) === undefined || wholeFiles.has((0,core_ids/* fileOfId */.Hy)(item)))
            continue;
        testsByFile.set((0,core_ids/* fileOfId */.Hy)(item), [...(testsByFile.get((0,core_ids/* fileOfId */.Hy)(item)) ?? []), item]);
    }
    return { wholeFiles, testsByFile, report };
}
/**
 * Keeps the outcomes of what was asked. A `-t` pattern makes the runner report every other test
 * of the file as skipped, and Vitest's file filters also run any file whose path merely contains
 * a requested one: neither is a result of this shard (the other shard that owns such a file
 * reports it), and counting them would add skipped attempts and duplicate tests.
 */
function keepAsked(runner, outcomes, spelled) {
    // Items may carry a file's on-disk spelling (NFD); outcomes are normalised to NFC.
    const nfc = (text) => text.normalize('NFC');
    const what = {
        wholeFiles: new Set([...spelled.wholeFiles].map(nfc)),
        testsByFile: new Map([...spelled.testsByFile].map(([file, ids]) => [nfc(file), ids.map(nfc)])),
        report: spelled.report,
    };
    const isAsked = (file) => what.wholeFiles.has(file) || what.testsByFile.has(file);
    const extraFiles = new Set();
    const tests = outcomes.tests.filter((test) => {
        if (what.wholeFiles.has(test.file))
            return true;
        const ids = what.testsByFile.get(test.file);
        if (ids)
            return ids.some((id) => (0,shard_result/* covers */.hU)(id, test.id));
        extraFiles.add(test.file);
        return false;
    });
    const fileFailures = outcomes.fileFailures.filter((failure) => {
        if (isAsked(failure.file))
            return true;
        extraFiles.add(failure.file);
        return false;
    });
    const problems = extraFiles.size === 0
        ? []
        : [
            `${runner} also ran ${extraFiles.size} ${extraFiles.size === 1 ? 'file' : 'files'} this shard did not ask for (results ignored): ${[
                ...extraFiles,
            ]
                .sort()
                .slice(0, 5)
                .map((f) => JSON.stringify(f))
                .join(', ')}${extraFiles.size > 5 ? ', …' : ''}`,
        ];
    const files = outcomes.files?.filter((timing) => isAsked(timing.file));
    return { tests, fileFailures, problems, ...(files ? { files } : {}) };
}
/**
 * Paths from a runner's listing, relative to `cwd`: a JSON array of paths (or of `{file}`
 * objects) on a line of its own, or else one absolute path per line. JSON keeps names with
 * newlines whole; lines around it (`npm test` prints its own header) are ignored.
 */
function parseListedPaths(stdout, cwd) {
    const roots = rootsOf(cwd);
    const toRelative = (path) => {
        for (const root of roots) {
            const rel = (0,external_node_path_.relative)(root, path);
            if (rel !== '' && rel !== '..' && !rel.startsWith('../') && !(0,external_node_path_.isAbsolute)(rel))
                return rel;
        }
        return undefined;
    };
    const fromJson = jsonPaths(stdout);
    const paths = fromJson ??
        stdout
            .split('\n')
            .map((line) => line.replace(/\r$/, ''))
            .filter((line) => line.startsWith('/'));
    const out = [];
    for (const path of paths) {
        const rel = (0,external_node_path_.isAbsolute)(path) ? toRelative(path) : (0,core_ids/* normalizeFileId */.Xo)(path);
        if (rel !== undefined)
            out.push(rel);
    }
    return [...new Set(out)];
}
/** The first JSON array of paths in the output (it may span lines, as Vitest prints it). */
function jsonPaths(stdout) {
    const lines = stdout.split('\n');
    for (let i = 0; i < lines.length; i++) {
        if (!(lines[i] ?? '').trimStart().startsWith('['))
            continue;
        // Try the shortest run of lines from here that parses: one line (Jest), or until the
        // closing bracket (Vitest's indented output).
        for (let j = i; j < lines.length; j++) {
            if (!(lines[j] ?? '').trimEnd().endsWith(']'))
                continue;
            let data;
            try {
                data = JSON.parse(lines.slice(i, j + 1).join('\n'));
            }
            catch {
                continue;
            }
            if (!Array.isArray(data))
                break;
            const paths = [];
            for (const entry of data) {
                if (typeof entry === 'string')
                    paths.push(entry);
                else if (typeof entry === 'object' &&
                    entry !== null &&
                    typeof entry.file === 'string')
                    paths.push(entry.file);
            }
            return paths;
        }
    }
    return undefined;
}
/**
 * Jest: files go after `--runTestsByPath`, which makes Jest take them as literal paths (as
 * plain arguments they are regular expressions, and `[id].test.tsx` matches nothing), each
 * `./`-prefixed so that `-rf.test.js` is not an option. Results come from Jest's own `--json`
 * output. Single tests (planned at test granularity, or retried after failing) run with an
 * anchored, escaped `-t` pattern over their full names; Jest applies it case-insensitively and
 * full names can coincide, so only the outcomes of the asked ids count.
 */
const jest = {
    name: 'jest',
    selectsTests: true,
    itemsArePaths: true,
    listsFilesCheaply: true,
    invocations(input) {
        return jestLikeInvocations(input, (report) => [...input.command, '--json', `--outputFile=${report}`], (n) => (0,external_node_path_.join)(input.reportDir, `jest-${n}.json`), { before: ['--runTestsByPath'], file: pathArgument }, '-t');
    },
    readOutcomes(invocation, input) {
        return readJestLikeReport('jest', invocation, input, () => invocation.argv.findLast((a) => a.startsWith('--outputFile='))?.slice('--outputFile='.length));
    },
    list: {
        // `--json` prints one JSON array: a path with a newline in it stays one path.
        argv: (command) => [...command, '--listTests', '--json'],
        parse: parseListedPaths,
    },
};
//# sourceMappingURL=jest.js.map
;// CONCATENATED MODULE: ./build/core/outcomes/mocha.js



/**
 * Mocha's `json` reporter: `tests[]`, `failures[]`, `pending[]` with `file` and `fullTitle`. A
 * failing hook (`"before all" hook for "x"`) is in `failures[]` only, and the tests it stopped
 * are in no list: it fails its file, so that the file counts as failed and a retry runs it
 * again, even when other tests of the file passed.
 */
function parseMochaOutcomes(data, options = {}) {
    const tests = [];
    if (!isObject(data))
        return { tests, fileFailures: [] };
    const key = (t) => `${String(t.file)}\u0000${String(t.fullTitle)}`;
    const list = (name) => Array.isArray(data[name]) ? data[name].filter(isObject) : [];
    const failed = new Set(list('failures').map(key));
    const pending = new Set(list('pending').map(key));
    const reported = new Set();
    for (const t of list('tests')) {
        if (typeof t.fullTitle !== 'string' || typeof t.title !== 'string')
            continue;
        reported.add(key(t));
        // A test from a root hook file or a programmatic suite may have no file: no id to give it.
        if (typeof t.file !== 'string')
            continue;
        const file = (0,core_ids/* normalizeFileId */.Xo)(t.file, options);
        const scope = t.fullTitle.endsWith(t.title) ? t.fullTitle.slice(0, -t.title.length).trim() : '';
        const status = failed.has(key(t))
            ? 'failed'
            : pending.has(key(t))
                ? 'skipped'
                : 'passed';
        const error = isObject(t.err) ? t.err : undefined;
        tests.push({
            id: (0,core_ids/* joinTestId */.e0)(file, scope === '' ? [] : [scope], t.title),
            file,
            status,
            seconds: seconds(t.duration),
            message: status === 'failed' ? message(error?.message) : undefined,
        });
    }
    const fileFailures = [];
    for (const t of list('failures')) {
        // Outside any file (a root hook, an uncaught error between files): the exit code says it.
        if (reported.has(key(t)) || typeof t.file !== 'string')
            continue;
        const error = isObject(t.err) ? message(t.err.message) : undefined;
        const title = typeof t.fullTitle === 'string' ? t.fullTitle : 'a hook';
        fileFailures.push({
            file: (0,core_ids/* normalizeFileId */.Xo)(t.file, options),
            message: (error === undefined ? title : `${title}: ${error}`).slice(0, MAX_MESSAGE_CHARS),
        });
    }
    return { tests, fileFailures };
}
//# sourceMappingURL=mocha.js.map
;// CONCATENATED MODULE: ./build/adapters/runners/mocha.js







/** Reads `--config`, `--package` and `--spec` from the user's Mocha command. */
function commandConfig(command) {
    const kept = [];
    let config = null;
    let pkg = null;
    for (let i = 0; i < command.length; i++) {
        const word = command[i] ?? '';
        const [name, inline] = word.startsWith('--') ? splitOption(word) : [word, undefined];
        const takesValue = name === '--config' || name === '--package' || name === '--spec';
        const value = takesValue ? (inline ?? command[++i]) : undefined;
        if (name === '--config')
            config = value ?? null;
        else if (name === '--package')
            pkg = value ?? null;
        else if (name === '--no-config')
            config = false;
        else if (name === '--no-package')
            pkg = false;
        else if (name !== '--spec')
            kept.push(word);
    }
    return { command: kept, config, package: pkg };
}
function splitOption(word) {
    const eq = word.indexOf('=');
    return eq < 0 ? [word, undefined] : [word.slice(0, eq), word.slice(eq + 1)];
}
/**
 * A Mocha configuration file that is the project's own (`.mocharc.*` and package.json's
 * `mocha`, loaded by the running Mocha's own `loadRc`/`loadPkgRc`) without `spec`: Mocha runs
 * a configured `spec` *in addition to* the files on the command line (mochajs/mocha#5412), so
 * with it every shard would run the whole suite. Mocha passes it with `--no-package`, so the
 * package.json options are merged in here, under the rc file's as Mocha would (array options
 * concatenated, others taken from the rc file).
 */
function configSource(choice) {
    return `'use strict'
// Written by Shardwise for one shard: the project's Mocha configuration without \`spec\`.
const { existsSync, readFileSync, realpathSync } = require('node:fs')
const { createRequire } = require('node:module')
const { dirname, join } = require('node:path')

const CONFIG = ${JSON.stringify(choice.config)}
const PACKAGE = ${JSON.stringify(choice.package)}

function isMocha(dir) {
  try {
    return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).name === 'mocha'
  } catch {
    return false
  }
}

// The Mocha that is running (its entry is process.argv[1]), else the project's.
function mochaRoot() {
  try {
    let dir = dirname(realpathSync(process.argv[1]))
    while (dirname(dir) !== dir) {
      if (isMocha(dir)) return dir
      dir = dirname(dir)
    }
  } catch {}
  return dirname(createRequire(join(process.cwd(), 'package.json')).resolve('mocha/package.json'))
}

const root = mochaRoot()
const options = require(['options.cjs', 'options.js']
  .map((name) => join(root, 'lib', 'cli', name))
  .find((path) => existsSync(path)))

function withoutSpec(config) {
  const out = Object.assign({}, config || {})
  delete out.spec
  delete out._
  return out
}

const rc = CONFIG === false ? {} : withoutSpec(options.loadRc(CONFIG === null ? {} : { config: CONFIG }))
const pkg = PACKAGE === false ? {} : withoutSpec(options.loadPkgRc(PACKAGE === null ? {} : { package: PACKAGE }))
const merged = Object.assign({}, pkg)
for (const [key, value] of Object.entries(rc)) {
  merged[key] =
    Array.isArray(value) || Array.isArray(pkg[key])
      ? [].concat(value, key in pkg ? pkg[key] : [])
      : value
}
module.exports = merged
`;
}
/**
 * Mocha: files as `./` paths (Mocha takes a path that exists literally, and reads only the
 * others as globs), results from Mocha's `json` reporter written to a file. The project's
 * configuration is passed on without its `spec` (see `configSource`). A retry of single tests
 * uses an anchored, escaped `--grep` on the full title.
 */
const mocha = {
    name: 'mocha',
    selectsTests: false,
    itemsArePaths: true,
    invocations({ command, items, reportDir }) {
        const choice = commandConfig(command);
        const config = (0,external_node_path_.join)(reportDir, 'mocharc.cjs');
        (0,external_node_fs_.writeFileSync)(config, configSource(choice));
        const files = [...new Set(items.map(core_ids/* fileOfId */.Hy))].sort();
        const tests = items.filter((i) => (0,core_ids/* splitTestId */.Wf)(i) !== undefined);
        const titles = tests.map((id) => ((0,core_ids/* splitTestId */.Wf)(id)?.rest ?? '').split('::').join(' '));
        const grep = tests.length > 0 && tests.length === items.length
            ? ['--grep', `^(?:${[...new Set(titles)].map(escapeRegExp).join('|')})$`]
            : [];
        const fixed = (n) => [
            ...choice.command,
            '--config',
            config,
            '--no-package',
            '--reporter',
            'json',
            '--reporter-option',
            `output=${(0,external_node_path_.join)(reportDir, `mocha-${n}.json`)}`,
            ...grep,
        ];
        const chunks = chunkByArgumentBytes(files, argumentBytes(fixed(0)), (f) => Buffer.byteLength(pathArgument(f)));
        return chunks.map((chunk, n) => ({ argv: [...fixed(n), ...chunk.map(pathArgument)] }));
    },
    async readOutcomes(invocation, { cwd }) {
        const option = invocation.argv.findLast((a) => a.startsWith('output='))?.slice('output='.length);
        if (option === undefined)
            return { tests: [], fileFailures: [] };
        let text;
        try {
            text = await (0,promises_.readFile)(option, 'utf8');
        }
        catch {
            // No report: Mocha stopped before running (a file that throws at import stops the
            // whole run); every item of the invocation shows as missing.
            return { tests: [], fileFailures: [] };
        }
        try {
            return parseMochaOutcomes(JSON.parse(text), { roots: rootsOf(cwd) });
        }
        catch {
            return { tests: [], fileFailures: [] };
        }
    },
};
//# sourceMappingURL=mocha.js.map
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(3136);
;// CONCATENATED MODULE: ./build/adapters/runners/reporter-path.js



/**
 * The path of one of Shardwise's reporters (`<name>.<extension>`), which runners load by path
 * at run time: `dist/reporters/` in the bundle, `src/reporters/` when run from source.
 */
function bundledReporterPath(name, extension = 'mjs') {
    // Built from parts at run time: a literal path would be taken over by the bundler, which
    // rewrites it into a copy that the runner can no longer load as a reporter.
    const file = [name, extension].join('.');
    const here = (0,external_node_path_.dirname)((0,external_node_url_.fileURLToPath)(import.meta.url));
    const candidates = [
        (0,external_node_path_.join)(here, '..', 'reporters', file), // dist/cli/index.js → dist/reporters
        (0,external_node_path_.join)(here, 'reporters', file), // dist/index.js → dist/reporters
        (0,external_node_path_.join)(here, '..', '..', 'reporters', file), // src/adapters/runners → src/reporters
    ];
    const found = candidates.find((path) => (0,external_node_fs_.existsSync)(path));
    if (found === undefined) {
        throw new Error(`Shardwise's reporter reporters/${file} is missing from the installation`);
    }
    return found;
}
//# sourceMappingURL=reporter-path.js.map
;// CONCATENATED MODULE: ./build/core/outcomes/node-test.js


/**
 * Events written by Shardwise's node:test reporter, one JSON object per line:
 * `{"type":"test","file","path":["describe",…,"name"],"status","ms","message"}` and
 * `{"type":"file-error","file","message"}`.
 */
function parseNodeTestOutcomes(text, options = {}) {
    const tests = [];
    const fileFailures = [];
    const files = [];
    for (const line of text.split('\n')) {
        if (line.trim() === '')
            continue;
        let event;
        try {
            event = JSON.parse(line);
        }
        catch {
            continue;
        }
        if (!isObject(event) || typeof event.file !== 'string')
            continue;
        const file = (0,core_ids/* normalizeFileId */.Xo)(event.file, options);
        if (event.type === 'file-error') {
            fileFailures.push({ file, message: message(event.message) ?? 'the test file failed to run' });
            continue;
        }
        if (event.type === 'file') {
            const time = seconds(event.ms);
            if (time !== undefined && time > 0)
                files.push({
                    file,
                    seconds: time,
                    ...(typeof event.startMs === 'number' && Number.isFinite(event.startMs)
                        ? { startMs: event.startMs }
                        : {}),
                });
            continue;
        }
        if (event.type !== 'test' || !Array.isArray(event.path))
            continue;
        const path = event.path.filter((p) => typeof p === 'string');
        const name = path[path.length - 1];
        if (name === undefined)
            continue;
        const status = event.status === 'passed' ? 'passed' : event.status === 'failed' ? 'failed' : 'skipped';
        tests.push({
            id: (0,core_ids/* joinTestId */.e0)(file, path.slice(0, -1), name),
            file,
            status,
            seconds: seconds(event.ms),
            message: status === 'failed' ? message(event.message) : undefined,
        });
    }
    return { tests, fileFailures, files };
}
//# sourceMappingURL=node-test.js.map
;// CONCATENATED MODULE: ./build/adapters/runners/node-test.js









/** Where the node:test reporter is (`dist/reporters/node-test.mjs` in the bundle). */
function nodeReporterPath() {
    return bundledReporterPath('node-test');
}
/** Characters that node ≥ 21's `--test` glob matching reads as pattern syntax. */
const GLOB_SYNTAX = /[*?[\](){}]/;
/**
 * A file path as a pattern that node ≥ 21's `--test` matches only against that file. Node
 * reads every positional argument as a glob (minimatch with backslashes as path separators, so
 * a backslash cannot escape): each pattern character goes into a one-character class. Brace
 * expansion runs before classes are read, and still expands `[{]a,b[}]` at its comma, so a
 * comma between braces becomes `[+--]` (`+`, `,` or `-`): the one place the pattern can match
 * more than the file, and only a sibling that differs from it by exactly that character.
 */
function nodeGlobLiteral(path) {
    let out = '';
    for (const char of path)
        out += GLOB_SYNTAX.test(char) ? `[${char}]` : char;
    return path.includes('{') && path.includes('}') ? out.replace(/,/g, '[+--]') : out;
}
const majorCache = new Map();
/**
 * The major version of the node that `command` runs: its first word when that is a node
 * binary, else the `node` on the PATH (`npm test`, `npx …` scripts run that one).
 */
function nodeMajor(command) {
    const first = command[0] ?? 'node';
    const binary = /^node(?:js)?(?:\.exe)?$/.test((0,external_node_path_.basename)(first)) ? first : 'node';
    if (!majorCache.has(binary)) {
        const result = (0,external_node_child_process_.spawnSync)(binary, ['--version'], { encoding: 'utf8', timeout: 10_000 });
        const match = /^v(\d+)\./.exec(typeof result.stdout === 'string' ? result.stdout : '');
        majorCache.set(binary, match ? Number(match[1]) : undefined);
    }
    return majorCache.get(binary);
}
/**
 * node's test runner: `node --test` with the files as `./` paths. It cannot run one test of a
 * file by id, so a retry runs the failing tests' files again. Results come from Shardwise's
 * own reporter (node 20's JUnit reporter records no file); the human-readable `spec` reporter
 * still prints to the terminal. Node 21 and later read the file arguments as globs, so a name
 * with glob syntax (`[id].test.js`) is passed as a pattern that matches only itself; node 20
 * takes them literally.
 */
const nodeTest = {
    name: 'node',
    selectsTests: false,
    itemsArePaths: true,
    invocations({ command, items, reportDir }) {
        const files = [...new Set(items.map(core_ids/* fileOfId */.Hy))];
        const globbing = files.some((f) => GLOB_SYNTAX.test(f)) && (nodeMajor(command) ?? 24) >= 21;
        const argument = (f) => (globbing ? nodeGlobLiteral(pathArgument(f)) : pathArgument(f));
        // A URL, not a path: node imports the reporter as a module specifier, where `#`, `?` or
        // `%` in a path would be read as URL syntax.
        const reporter = (0,external_node_url_.pathToFileURL)(nodeReporterPath()).href;
        // Node reads everything after its first positional argument as the script's own
        // arguments, so our flags go right after `--test`; file arguments of the user's command
        // are dropped (they would run in every shard: the shard's files are the plan's).
        const at = command.indexOf('--test');
        const head = at < 0 ? [...command, '--test'] : command.slice(0, at + 1);
        const userFlags = at < 0 ? [] : command.slice(at + 1).filter((word) => word.startsWith('-'));
        const fixed = (n) => [
            ...head,
            ...userFlags,
            '--test-reporter=spec',
            '--test-reporter-destination=stdout',
            `--test-reporter=${reporter}`,
            `--test-reporter-destination=${(0,external_node_path_.join)(reportDir, `node-${n}.jsonl`)}`,
        ];
        const chunks = chunkByArgumentBytes(files, argumentBytes(fixed(0)), (f) => Buffer.byteLength(argument(f)));
        return chunks.map((chunk, n) => ({ argv: [...fixed(n), ...chunk.map(argument)] }));
    },
    finishedTests(invocation) {
        const destination = invocation.argv
            .filter((a) => a.startsWith('--test-reporter-destination='))
            .pop();
        return countMatchingLines(destination?.slice('--test-reporter-destination='.length), /^\{"type":"test"/gm);
    },
    async readOutcomes(invocation, { cwd }) {
        const destination = invocation.argv
            .filter((a) => a.startsWith('--test-reporter-destination='))
            .pop();
        const path = destination?.slice('--test-reporter-destination='.length);
        let text = '';
        try {
            text = path === undefined ? '' : await (0,promises_.readFile)(path, 'utf8');
        }
        catch {
            // No report: the runner died before writing one; every item will show as missing.
        }
        return parseNodeTestOutcomes(text, { roots: rootsOf(cwd) });
    },
};
//# sourceMappingURL=node-test.js.map
;// CONCATENATED MODULE: ./build/core/outcomes/playwright.js


/**
 * Playwright's `json` reporter: nested `suites[]` (file, then describe blocks) with `specs[]`,
 * each spec's `tests[]` (one per project) and their `results[]` (one per try). Files are named
 * relative to `config.rootDir` (the test directory), so they are resolved against it before
 * being made relative to the roots. A test's outcome is Playwright's own verdict: one marked
 * `test.fail()` that fails passed, one that passed on Playwright's retry passed. A test with no
 * result (`--list`, or not reached) is skipped.
 */
function parsePlaywrightOutcomes(data, options = {}) {
    const tests = [];
    const fileFailures = [];
    const roots = isObject(data) && Array.isArray(data.suites) ? data.suites : [];
    const rootDir = isObject(data) && isObject(data.config) && typeof data.config.rootDir === 'string'
        ? data.config.rootDir.replace(/[\\/]+$/, '')
        : undefined;
    const fileIdOf = (path) => (0,core_ids/* normalizeFileId */.Xo)(rootDir !== undefined && !isAbsolute(path) ? `${rootDir}/${path}` : path, {
        roots: [...(options.roots ?? []), ...(rootDir !== undefined ? [rootDir] : [])],
    });
    for (const root of roots)
        walkSuite(root, undefined, [], fileIdOf, tests);
    const errors = isObject(data) && Array.isArray(data.errors) ? data.errors.filter(isObject) : [];
    for (const error of errors) {
        const location = isObject(error.location) && typeof error.location.file === 'string'
            ? error.location.file
            : undefined;
        if (location)
            fileFailures.push({
                file: fileIdOf(location),
                message: message(error.message) ?? 'error',
            });
    }
    return { tests, fileFailures };
}
function isAbsolute(path) {
    return /^(?:\/|[A-Za-z]:[\\/]|\\\\)/.test(path);
}
/** A test's outcome from Playwright's own verdict (`expected`, `unexpected`, `flaky`, `skipped`). */
function outcomeOf(test, results) {
    const last = results[results.length - 1];
    if (!last)
        return 'skipped';
    switch (test.status) {
        case 'expected':
            return last.status === 'skipped' ? 'skipped' : 'passed';
        case 'flaky':
            return 'passed';
        case 'unexpected':
            return 'failed';
        case 'skipped':
            return 'skipped';
        default:
            // Reports without `status`: a result is as expected when it has the expected status.
            if (last.status === 'skipped')
                return 'skipped';
            return last.status === (test.expectedStatus ?? 'passed') ? 'passed' : 'failed';
    }
}
/** A suite (a file, then describe blocks) and everything under it, depth first. */
function walkSuite(suite, file, scopes, fileIdOf, tests) {
    if (!isObject(suite))
        return;
    const suiteFile = typeof suite.file === 'string' ? suite.file : undefined;
    const here = file ?? suiteFile;
    const title = typeof suite.title === 'string' ? suite.title : '';
    const nextScopes = file === undefined ? scopes : title === '' ? scopes : [...scopes, title];
    for (const spec of Array.isArray(suite.specs) ? suite.specs : []) {
        if (!isObject(spec) || typeof spec.title !== 'string')
            continue;
        const specFile = typeof spec.file === 'string' ? spec.file : here;
        if (specFile === undefined)
            continue;
        const fileId = fileIdOf(specFile);
        for (const test of Array.isArray(spec.tests) ? spec.tests : []) {
            if (isObject(test))
                tests.push(testOutcome(test, fileId, nextScopes, spec.title));
        }
    }
    for (const child of Array.isArray(suite.suites) ? suite.suites : []) {
        walkSuite(child, here, nextScopes, fileIdOf, tests);
    }
}
/** One test of a spec (one per project), over all its tries. */
function testOutcome(test, fileId, scopes, title) {
    const project = typeof test.projectName === 'string' && test.projectName !== '' ? [test.projectName] : [];
    const results = Array.isArray(test.results) ? test.results.filter(isObject) : [];
    const status = outcomeOf(test, results);
    const last = results[results.length - 1];
    const errors = last && Array.isArray(last.errors) ? last.errors.filter(isObject) : [];
    const error = last && isObject(last.error) ? last.error : errors[0];
    return {
        id: (0,core_ids/* joinTestId */.e0)(fileId, [...project, ...scopes], title),
        file: fileId,
        status,
        seconds: seconds(results.reduce((total, r) => total + (typeof r.duration === 'number' ? r.duration : 0), 0)),
        message: status === 'failed' ? (message(error?.message) ?? 'the test failed') : undefined,
    };
}
//# sourceMappingURL=playwright.js.map
;// CONCATENATED MODULE: ./build/adapters/runners/playwright.js







/**
 * Regular-expression source matching `text` literally. Every ASCII character but letters and
 * digits is escaped, line terminators as `\uXXXX`, so that the source holds no character
 * that Playwright's `/…/` argument syntax (which is `.`-based) cannot carry.
 */
function literalSource(text) {
    let out = '';
    for (const char of text) {
        const code = char.codePointAt(0) ?? 0;
        if (/[A-Za-z0-9]/.test(char) || (code > 0x7f && code !== 0x2028 && code !== 0x2029)) {
            out += char;
        }
        else if (code < 0x20 || code === 0x7f || code === 0x2028 || code === 0x2029) {
            out += `\\u${code.toString(16).padStart(4, '0')}`;
        }
        else {
            out += `\\${char}`;
        }
    }
    return out;
}
/** The absolute paths Playwright may see for a file: from `cwd` and from its real path. */
function absolutePaths(cwd, file) {
    const plain = (0,external_node_path_.resolve)(cwd, file);
    let real = plain;
    try {
        real = (0,external_node_path_.resolve)((0,external_node_fs_.realpathSync)(cwd), file);
    }
    catch {
        // The directory is gone: the plain path is all there is.
    }
    return real === plain ? [plain] : [plain, real];
}
/**
 * Playwright's file filter for exactly one file. Playwright reads each positional argument as
 * a regular expression tested against the absolute path of every test file, by default with
 * the flags `gi` (so `A.spec.ts` would also select `a.spec.ts`) and unanchored (`a.spec.ts`
 * would also select `data.spec.ts`). The `/source/` form sets the flags: none here, and the
 * source is anchored at both ends. It never ends in `:<digits>`, which Playwright would read
 * as a line number.
 */
function playwrightFileFilter(cwd, file) {
    const paths = absolutePaths(cwd, file).map(literalSource);
    return `/^(?:${paths.join('|')})$/`;
}
/**
 * Playwright Test: each file goes as an exact, anchored, case-sensitive pattern of its absolute
 * path (see `playwrightFileFilter`). Results come from the `json` reporter (beside the `list`
 * reporter for the terminal), written where `PLAYWRIGHT_JSON_OUTPUT_FILE` says (Playwright ≥
 * 1.46; older versions read `PLAYWRIGHT_JSON_OUTPUT_NAME` as the path).
 */
const playwright = {
    name: 'playwright',
    selectsTests: false,
    itemsArePaths: true,
    invocations({ command, items, reportDir, cwd }) {
        const files = [...new Set(items.map(core_ids/* fileOfId */.Hy))].sort();
        const tests = items.filter((i) => (0,core_ids/* splitTestId */.Wf)(i) !== undefined);
        const titles = tests.map((id) => ((0,core_ids/* splitTestId */.Wf)(id)?.rest ?? '').split('::').pop() ?? '');
        const grep = tests.length > 0 && tests.length === items.length
            ? ['--grep', `(?:${[...new Set(titles)].map(escapeRegExp).join('|')})$`]
            : [];
        const fixed = [...command, '--reporter=list,json', ...grep];
        const chunks = chunkByArgumentBytes(files, argumentBytes(fixed), (f) => Buffer.byteLength(playwrightFileFilter(cwd, f)));
        return chunks.map((chunk, n) => ({
            argv: [...fixed, ...chunk.map((f) => playwrightFileFilter(cwd, f))],
            env: {
                PLAYWRIGHT_JSON_OUTPUT_FILE: (0,external_node_path_.join)(reportDir, `playwright-${n}.json`),
                PLAYWRIGHT_JSON_OUTPUT_NAME: (0,external_node_path_.join)(reportDir, `playwright-${n}.json`),
            },
        }));
    },
    async readOutcomes(invocation, { cwd }) {
        const output = invocation.env?.PLAYWRIGHT_JSON_OUTPUT_FILE;
        if (output === undefined)
            return { tests: [], fileFailures: [] };
        try {
            return parsePlaywrightOutcomes(JSON.parse(await (0,promises_.readFile)(output, 'utf8')), {
                roots: rootsOf(cwd),
            });
        }
        catch {
            // No report (Playwright was killed or could not start): every item shows as missing.
            return { tests: [], fileFailures: [] };
        }
    },
    list: {
        argv: (command) => [...command, '--list', '--reporter=json'],
        parse: (stdout, cwd) => {
            const outcomes = parsePlaywrightOutcomes(JSON.parse(stdout.slice(stdout.indexOf('{'))), {
                roots: rootsOf(cwd),
            });
            return [...new Set(outcomes.tests.map((t) => t.file))].sort();
        },
        // The report destinations of the real runs would swallow the listing's JSON.
        dropEnv: [
            'PLAYWRIGHT_JSON_OUTPUT_FILE',
            'PLAYWRIGHT_JSON_OUTPUT_NAME',
            'PLAYWRIGHT_JSON_OUTPUT_DIR',
        ],
    },
};
//# sourceMappingURL=playwright.js.map
;// CONCATENATED MODULE: ./build/adapters/runners/pytest.js








const JUNIT_FLAG = '--junitxml=';
/** Shardwise's plugin (src/reporters/shardwise_pytest.py): collection times, xfail and xpass. */
const PLUGIN = 'shardwise_pytest';
const PLUGIN_REPORT = 'SHARDWISE_PYTEST_REPORT';
/** What the plugin wrote; nothing (an older or broken run) leaves the JUnit report alone. */
async function readPluginReport(path) {
    if (path === undefined)
        return undefined;
    let data;
    try {
        data = JSON.parse(await (0,promises_.readFile)(path, 'utf8'));
    }
    catch {
        return undefined;
    }
    if (typeof data !== 'object' || data === null)
        return undefined;
    const record = data;
    const ids = (value) => new Set(Array.isArray(value)
        ? value.filter((v) => typeof v === 'string')
        : []);
    const secondsByFile = (value) => {
        const byFile = new Map();
        if (typeof value !== 'object' || value === null)
            return byFile;
        for (const [file, seconds] of Object.entries(value)) {
            const accepted = (0,duration/* acceptSeconds */.Sb)(seconds);
            if (accepted !== undefined)
                byFile.set((0,core_ids/* normalizeFileId */.Xo)(file), accepted);
        }
        return byFile;
    };
    return {
        collectSeconds: secondsByFile(record.collectSeconds),
        runSeconds: secondsByFile(record.runSeconds),
        xpassed: ids(record.xpassed),
        xfailed: ids(record.xfailed),
    };
}
/**
 * pytest's dotted name for a file, as its JUnit writer builds class names: `/` becomes `.` and
 * the `.py` goes (`tests/test_x.py` → `tests.test_x`).
 */
function dottedModule(file) {
    return file.replace(/\//g, '.').replace(/\.py$/, '');
}
/**
 * pytest (since 7.1) cuts every argument at its first `[`, where a node id's parameters begin,
 * so a path with a `[` in it cannot be given at all: pytest stops with a usage error ("file or
 * directory not found" up to 8, "path cannot contain [] parametrization" from 9).
 */
function selectable(item) {
    return !(0,core_ids/* fileOfId */.Hy)(item).includes('[');
}
/**
 * Rewrites one JUnit test case into the node id pytest itself uses. pytest's xunit1 JUnit has
 * `classname` = the node id with `/` → `.` and `.py` dropped, `name` = the last part, and
 * `file` = where the test function is *defined*. The generic reader gets the node id right for
 * the common case, but not when the function is defined in another module than the one that
 * collects it (a test class inheriting its tests from a base class in `base.py`), nor when the
 * module's name is not a Python identifier (`test_a b.py`, `test_ünï.py`, `-k_test.py`): there
 * it keeps the raw class name as one scope. The files this invocation ran tell which module the
 * class name starts with.
 */
function nodeIdOf(test, modules) {
    const prefix = `${test.file}::`;
    if (!test.id.startsWith(prefix))
        return test.id;
    const rest = test.id.slice(prefix.length);
    const at = rest.indexOf('::');
    if (at < 0)
        return test.id;
    const className = rest.slice(0, at);
    const name = rest.slice(at + 2);
    // The longest module first: `tests.test_x.TestY`, then `tests.test_x`, then `tests`.
    for (let end = className.length; end > 0; end = className.lastIndexOf('.', end - 1)) {
        const file = modules.get(className.slice(0, end));
        // The reader already took a class name equal to its own file's module as no scope.
        if (file === undefined || (end === className.length && file === test.file))
            continue;
        const classes = end === className.length ? [] : className.slice(end + 1).split('.');
        return (0,core_ids/* joinTestId */.e0)(file, classes, name);
    }
    return test.id;
}
/** pytest options that take no value: a word after one of them is an argument of its own. */
const FLAGS = new Set([
    '-v',
    '-vv',
    '-vvv',
    '-q',
    '-qq',
    '-x',
    '-s',
    '-l',
    '--verbose',
    '--quiet',
    '--exitfirst',
    '--showlocals',
    '--strict-markers',
    '--strict-config',
    '--strict',
    '--lf',
    '--last-failed',
    '--ff',
    '--failed-first',
    '--nf',
    '--new-first',
    '--sw',
    '--stepwise',
    '--no-header',
    '--no-summary',
    '--disable-warnings',
    '--runxfail',
    '--doctest-modules',
    '--pyargs',
    '--continue-on-collection-errors',
]);
/**
 * The user's command without the test paths it names (`python -m pytest -q tests/unit`): the
 * listing keeps them (they bound the suite), but a shard given `tests/unit` besides its own node
 * ids would run all of `tests/unit` again. A word counts as a path only when it exists, follows
 * the runner's name, a known flag, another argument or a value, and is not an `@argsfile`; a word
 * right after an unknown option may be that option's value (`--cov src`) and stays.
 */
function withoutPaths(command, cwd) {
    const at = command.findIndex((word) => /(?:^|\/)(?:pytest|py\.test)$/.test(word));
    if (at < 0)
        return [...command];
    const out = command.slice(0, at + 1);
    for (let i = at + 1; i < command.length; i++) {
        const word = command[i] ?? '';
        const previous = command[i - 1] ?? '';
        const mayBeValue = i > at + 1 && previous.startsWith('-') && !previous.includes('=') && !FLAGS.has(previous);
        if (!mayBeValue &&
            !word.startsWith('-') &&
            !word.startsWith('@') &&
            word !== '' &&
            (0,external_node_fs_.existsSync)((0,external_node_path_.resolve)(cwd, (0,core_ids/* fileOfId */.Hy)(word))))
            continue;
        out.push(word);
    }
    return out;
}
/** Turns what the JUnit reader found into pytest node ids, and collection errors into file failures. */
function pytestOutcomes(read, input, plugin) {
    const modules = new Map(input.items.map((item) => [dottedModule((0,core_ids/* fileOfId */.Hy)(item)), (0,core_ids/* fileOfId */.Hy)(item)]));
    const tests = [];
    const fileFailures = [...read.fileFailures];
    for (const test of read.tests) {
        // A collection report has an empty class name and the dotted module as its name. A module
        // skipped whole (`pytest.importorskip`) stays a skipped case of its file.
        if (test.id === `${test.file}::${dottedModule(test.file)}` &&
            test.status === 'failed' &&
            (test.message ?? '').startsWith('collection failure')) {
            fileFailures.push({
                file: test.file,
                message: 'collection failure: the module could not be imported (see the pytest output)',
            });
            continue;
        }
        const id = nodeIdOf(test, modules);
        const renamed = id === test.id ? test : { ...test, id, file: (0,core_ids/* fileOfId */.Hy)(id) };
        // pytest's own outcomes for xfail-marked tests: an expected failure is "xfailed", an
        // unexpected pass "xpassed" (its JUnit writer calls them skipped and passed).
        const status = plugin?.xpassed.has(id) === true && renamed.status === 'passed'
            ? 'xpassed'
            : plugin?.xfailed.has(id) === true && renamed.status === 'skipped'
                ? 'xfailed'
                : renamed.status;
        tests.push(status === renamed.status ? renamed : { ...renamed, status });
    }
    // A file's cost is what the run loop spent on its tests (from the plugin, where it ran:
    // pytest's own work per test included) or else the sum of its JUnit times (setup, call and
    // teardown; a module-scoped fixture's set-up lands on the module's first test), plus what
    // importing and collecting it took.
    const perFile = new Map();
    for (const test of tests) {
        if (test.seconds === undefined)
            continue;
        perFile.set(test.file, (perFile.get(test.file) ?? 0) + test.seconds);
    }
    const reported = new Set(tests.map((test) => test.file));
    for (const [file, seconds] of plugin?.runSeconds ?? []) {
        if (reported.has(file))
            perFile.set(file, seconds); // in place of the JUnit sum
    }
    for (const [file, seconds] of plugin?.collectSeconds ?? []) {
        if (perFile.has(file))
            perFile.set(file, (perFile.get(file) ?? 0) + seconds);
    }
    const files = [...perFile]
        .filter(([, seconds]) => seconds > 0)
        .map(([file, seconds]) => ({ file, seconds }));
    return { tests, fileFailures, files, problems: read.problems };
}
/**
 * Reads the lines of `pytest --collect-only` at verbosity -1: node ids, one a line, then a
 * blank line and the summary. A node id whose path holds a newline arrives over several lines:
 * they are joined back where the joined path exists and the pieces do not. At verbosity -2
 * (`-qq`) pytest prints `path: count` per file instead: those files are the items.
 */
function parseCollected(stdout, cwd) {
    const lines = stdout.split('\n').map((line) => line.replace(/\r$/, ''));
    const exists = (id) => {
        const file = (0,core_ids/* fileOfId */.Hy)(id);
        return file !== '' && (0,external_node_fs_.existsSync)((0,external_node_path_.resolve)(cwd, file));
    };
    const out = new Set();
    for (let i = 0; i < lines.length; i++) {
        const line = lines[i] ?? '';
        if (line.trim() === '') {
            if (out.size > 0)
                break;
            continue;
        }
        if (line.startsWith(' '))
            continue;
        if ((0,core_ids/* splitTestId */.Wf)(line) !== undefined && exists(line)) {
            out.add(line);
            continue;
        }
        // A path with newlines: join the following lines until the path exists (a few at most).
        let joined = line;
        let found;
        for (let j = i + 1; j < Math.min(lines.length, i + 8); j++) {
            joined += `\n${lines[j] ?? ''}`;
            if ((0,core_ids/* splitTestId */.Wf)(joined) !== undefined && exists(joined)) {
                found = joined;
                i = j;
                break;
            }
        }
        if (found !== undefined) {
            out.add(found);
            continue;
        }
        const perFile = /^(.+): \d+$/.exec(line);
        if (perFile?.[1] !== undefined && (0,external_node_fs_.existsSync)((0,external_node_path_.resolve)(cwd, perFile[1])))
            out.add(perFile[1]);
    }
    return [...out];
}
/**
 * pytest: items are node ids (`tests/test_x.py::TestY::test_z[param]`) or files, passed as
 * `./`-prefixed arguments (a file named `@x` would otherwise be read as an arguments file, one
 * named `-k_test.py` as an option). Results come from pytest's built-in JUnit writer in the
 * `xunit1` family, the one that records each test's file, mapped back to node ids.
 * `--continue-on-collection-errors` keeps one module that fails to import from hiding the
 * results of every other file in the shard: it is reported as a file failure instead.
 */
const pytest = {
    name: 'pytest',
    selectsTests: true,
    itemsArePaths: true,
    noTestsExitCode: 5,
    invocations({ command, items, reportDir, cwd }) {
        const own = withoutPaths(command, cwd);
        const fixed = (n) => [
            ...own,
            `${JUNIT_FLAG}${(0,external_node_path_.join)(reportDir, `pytest-${n}.xml`)}`,
            '-o',
            'junit_family=xunit1',
            '-p',
            'no:cacheprovider',
            '-p',
            PLUGIN,
            '--continue-on-collection-errors',
        ];
        // Our plugin is imported by name from its directory, ahead of the user's own path.
        const pluginDir = (0,external_node_path_.dirname)(bundledReporterPath(PLUGIN, 'py'));
        const pythonPath = [pluginDir, process.env.PYTHONPATH]
            .filter((p) => p !== undefined && p !== '')
            .join(external_node_path_.delimiter);
        const good = items.filter(selectable);
        // pytest rejects the whole command for one such path: run each such file alone, so that it
        // fails (never reported, so never a pass) without taking the others down with it.
        const bad = new Map();
        for (const item of items.filter((i) => !selectable(i))) {
            bad.set((0,core_ids/* fileOfId */.Hy)(item), [...(bad.get((0,core_ids/* fileOfId */.Hy)(item)) ?? []), item]);
        }
        const chunks = [
            ...chunkByArgumentBytes(good, argumentBytes(fixed(0)), (item) => Buffer.byteLength(item) + 2),
            ...bad.values(),
        ];
        return chunks.map((chunk, n) => ({
            argv: [...fixed(n), ...chunk.map(pathArgument)],
            env: { PYTHONPATH: pythonPath, [PLUGIN_REPORT]: (0,external_node_path_.join)(reportDir, `pytest-${n}.json`) },
        }));
    },
    async readOutcomes(invocation, input) {
        // Ours is the last one: a `--junitxml` in the user's command comes earlier and is overridden.
        const report = invocation.argv
            .filter((a) => a.startsWith(JUNIT_FLAG))
            .at(-1)
            ?.slice(JUNIT_FLAG.length);
        const read = await readJunitOutcomes(report === undefined ? [] : [report], [input.cwd]);
        return pytestOutcomes(read, input, await readPluginReport(invocation.env?.[PLUGIN_REPORT]));
    },
    list: {
        // `--verbosity=-1` after the user's words: a `-q` or `-v` there would change the format.
        argv: (command) => [...command, '--collect-only', '--verbosity=-1', '-p', 'no:cacheprovider'],
        parse: parseCollected,
    },
};
//# sourceMappingURL=pytest.js.map
;// CONCATENATED MODULE: ./build/adapters/runners/vitest.js








/** Where the timing reporter writes for an invocation whose JSON report is `report`. */
const TIMING_VARIABLE = 'SHARDWISE_VITEST_TIMING';
/**
 * Reads what Shardwise's timing reporter wrote: each file's environment, preparation,
 * collection, setup and test time. Unreadable or missing (an old Vitest, a crash): no timings,
 * and the cost model falls back to the tests' time plus a share of the shard's overhead.
 */
async function readTimings(invocation, cwd) {
    const path = invocation.env?.[TIMING_VARIABLE];
    if (path === undefined)
        return [];
    let data;
    try {
        data = JSON.parse(await (0,promises_.readFile)(path, 'utf8'));
    }
    catch {
        return [];
    }
    const files = data?.files;
    if (!Array.isArray(files))
        return [];
    const out = [];
    for (const entry of files) {
        if (typeof entry !== 'object' || entry === null)
            continue;
        const { file, ms, startMs } = entry;
        if (typeof file !== 'string' || typeof ms !== 'number')
            continue;
        const seconds = (0,duration/* acceptSeconds */.Sb)(ms / 1000);
        if (seconds === undefined || seconds <= 0)
            continue;
        out.push({
            file: (0,core_ids/* normalizeFileId */.Xo)(file, { roots: rootsOf(cwd) }),
            seconds,
            ...(typeof startMs === 'number' && Number.isFinite(startMs) ? { startMs } : {}),
        });
    }
    return out;
}
const VITEST = /(^|\/)vitest(\.m?js)?$/;
/** Vitest commands that would not run the tests once and exit. */
const NOT_RUN = new Set(['watch', 'dev']);
/**
 * The command in `run` mode: `vitest` → `vitest run`, `vitest watch` → `vitest run`, and a
 * package script (`npm test --`) gets `--run`.
 */
function runOnce(command) {
    const out = [...command];
    const at = out.findIndex((a) => VITEST.test(a));
    if (at < 0) {
        if (!out.includes('--run'))
            out.push('--run');
        return out;
    }
    const next = out[at + 1];
    if (next === 'run')
        return out;
    if (next !== undefined && NOT_RUN.has(next))
        out[at + 1] = 'run';
    else if (!out.includes('--run'))
        out.splice(at + 1, 0, 'run');
    return out;
}
/**
 * Vitest: `vitest run` (never watch mode) with absolute file paths under the real root (Vitest
 * globs real paths; a symlinked root would match nothing). Vitest's file filters are not exact:
 * a file runs when its path starts with a filter (`/r/a.test.ts` also selects `/r/a.test.tsx`)
 * or when its root-relative path, lower-cased, contains the filter's (`a.test.js` also selects
 * `ba.test.js` and `sub/a.test.js`), and no spelling of a path avoids that. So only the outcomes
 * of the asked files count, and any other file it ran is named in a warning: it cost time, and
 * if it failed Vitest exits non-zero. Results come from Vitest's `json` reporter (Jest's shape);
 * single tests run with an anchored `-t` over their full names.
 */
const vitest = {
    name: 'vitest',
    selectsTests: true,
    itemsArePaths: true,
    listsFilesCheaply: true,
    invocations(input) {
        const command = runOnce(input.command);
        const roots = rootsOf(input.cwd);
        const root = roots[roots.length - 1] ?? input.cwd;
        // A file URL: Vitest imports the reporter as a module, and `#` or `%` in a path would not
        // survive as a bare path.
        const timing = (0,external_node_url_.pathToFileURL)(bundledReporterPath('vitest-timing')).href;
        return jestLikeInvocations(input, (report) => [
            ...command,
            '--reporter=default',
            '--reporter=json',
            `--reporter=${timing}`,
            `--outputFile.json=${report}`,
        ], (n) => (0,external_node_path_.join)(input.reportDir, `vitest-${n}.json`), { before: [], file: (f) => (0,external_node_path_.resolve)(root, f) }, '-t', (report) => ({ [TIMING_VARIABLE]: report.replace(/\.json$/, '.timing.json') }));
    },
    async readOutcomes(invocation, input) {
        const outcomes = await readJestLikeReport('vitest', invocation, input, () => invocation.argv
            .findLast((a) => a.startsWith('--outputFile.json='))
            ?.slice('--outputFile.json='.length));
        // Only the files this invocation asked for (Vitest's filters may run others).
        const own = new Set([...outcomes.tests.map((t) => t.file), ...input.items.map(core_ids/* fileOfId */.Hy)]);
        const files = (await readTimings(invocation, input.cwd)).filter((t) => own.has(t.file));
        return { ...outcomes, files };
    },
    list: {
        // `--json` prints `[{"file": "/abs/path"}, …]`: names with spaces or newlines stay whole
        // (the plain listing is one root-relative name per line).
        argv: (command) => {
            const out = [...command];
            const at = out.findIndex((a) => VITEST.test(a));
            if (at < 0)
                return [...out, 'list', '--filesOnly', '--json'];
            const next = out[at + 1];
            if (next === 'run' || (next !== undefined && NOT_RUN.has(next)))
                out.splice(at + 1, 1);
            out.splice(at + 1, 0, 'list', '--filesOnly', '--json');
            return out;
        },
        parse: parseListedPaths,
    },
};
//# sourceMappingURL=vitest.js.map
;// CONCATENATED MODULE: ./build/adapters/runners/index.js










/**
 * Every runner, by name. A runner is one file in this folder implementing `RunnerAdapter`: how
 * it is invoked, how its outcomes are read (with a parser of its report format from
 * src/core/outcomes/), how it lists its tests, and its capabilities as flags; shared argument
 * helpers are in args.ts. Adding one means that file, its name in types.ts, an entry here and
 * in `runnerFromWords`, and its first-run costs in typical.ts: the modes need no change.
 */
const RUNNERS = {
    jest: jest,
    vitest: vitest,
    playwright: playwright,
    mocha: mocha,
    node: nodeTest,
    pytest: pytest,
    go: goTest,
    generic: generic,
};
function runners_base(token) {
    return token.slice(token.lastIndexOf('/') + 1).replace(/\.(?:c|m)?js$/, '');
}
/** Tells the runner from the words of a command (`npx jest --ci`, `python -m pytest`, `go test ./...`). */
function runnerFromWords(words) {
    const names = words.map(runners_base);
    if (names.includes('vitest'))
        return 'vitest';
    if (names.includes('jest'))
        return 'jest';
    if (names.includes('playwright') && names.includes('test'))
        return 'playwright';
    if (names.includes('mocha') || names.includes('_mocha'))
        return 'mocha';
    if (names.includes('pytest') || names.includes('py.test'))
        return 'pytest';
    const go = names.indexOf('go');
    if (go >= 0 && names[go + 1] === 'test')
        return 'go';
    if (names.some((n) => n === 'node' || n === 'nodejs') && words.includes('--test'))
        return 'node';
    return 'generic';
}
const PACKAGE_MANAGERS = new Set(['npm', 'pnpm', 'yarn']);
/**
 * Resolves the runner for a command. `npm test` / `npm run X` / `pnpm X` / `yarn X` are looked
 * up in package.json's scripts to find the runner behind them; npm needs `--` before the
 * arguments it should pass on.
 */
async function resolveRunner(command, cwd, forced) {
    const [first, ...rest] = command;
    let words = command;
    let extended = command;
    if (first !== undefined && PACKAGE_MANAGERS.has(runners_base(first))) {
        const script = rest[0] === 'run' || rest[0] === 'run-script' ? rest[1] : rest[0];
        if (script !== undefined) {
            try {
                const manifest = JSON.parse(await (0,promises_.readFile)((0,external_node_path_.join)(cwd, 'package.json'), 'utf8'));
                const text = manifest.scripts?.[script];
                if (typeof text === 'string')
                    words = text.split(/\s+/);
            }
            catch {
                // No package.json: the words of the command are all there is.
            }
            if (runners_base(first) === 'npm' && !rest.includes('--'))
                extended = [...command, '--'];
        }
    }
    const runner = forced === 'auto' ? runnerFromWords(words) : forced;
    return { runner, command: extended };
}
//# sourceMappingURL=index.js.map

/***/ }),

/***/ 8670:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O8: () => (/* binding */ encodeShardResult),
/* harmony export */   SW: () => (/* binding */ TEST_VERDICTS),
/* harmony export */   y: () => (/* binding */ decodeShardResult)
/* harmony export */ });
/* unused harmony exports OUTCOME_STATUSES, SHARD_STATUSES, shardResultContract */
/* harmony import */ var _duration_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1420);
/* harmony import */ var _schema_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9687);


/**
 * The shard result: what one shard job ran and how it went (written by `run`, read by
 * `combine`). It crosses from the jobs that ran the pull request's code to the job that holds
 * a write token, so it is untrusted (THREATS B9, F3): every field is decoded here, numbers are
 * bounded, and the files it names must be files of its own artifact. Combine then believes
 * nothing it says about its own verdicts (`believeResult` in combine/belief.ts).
 */
const TEST_VERDICTS = ['passed', 'failed', 'flaky', 'skipped', 'xfailed', 'xpassed'];
const OUTCOME_STATUSES = [
    'passed',
    'failed',
    'skipped',
    'xfailed',
    'xpassed',
];
const SHARD_STATUSES = ['passed', 'failed', 'empty', 'incomplete', 'error'];
/** Six hours (a hosted job's limit): no real file or shard takes longer. */
const duration = (0,_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .number */ .ai)({ min: 0, max: _duration_js__WEBPACK_IMPORTED_MODULE_1__/* .MAX_DURATION_SECONDS */ .EF }, `a number of seconds from 0 to ${_duration_js__WEBPACK_IMPORTED_MODULE_1__/* .MAX_DURATION_SECONDS */ .EF} (six hours)`);
const seconds = (0,_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .number */ .ai)({ min: 0 });
const count = (0,_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .number */ .ai)({ min: 0, whole: true });
const attemptRecord = (0,_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ik)({
    status: (0,_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .oneOf */ .yL)(OUTCOME_STATUSES),
    seconds: (0,_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .maybe */ .no)(seconds),
});
const testRecord = (0,_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ik)({
    verdict: (0,_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .oneOf */ .yL)(TEST_VERDICTS),
    // A record without attempts is a claim with no evidence: a genuine one ran at least once.
    attempts: (0,_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .list */ .p_)(attemptRecord, 'a list of at least one attempt', 1),
    file: (0,_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .text */ .Qq)(),
    /**
     * How many tests the runner reported under this id (two tests of one file with the same
     * name share an id): they count as that many tests. Absent for one.
     */
    cases: (0,_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .optional */ .lq)((0,_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .number */ .ai)({ min: 1, max: 100_000, whole: true })),
    message: (0,_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .optional */ .lq)((0,_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .text */ .Qq)()),
});
/** The runner's own timing of one file in the first attempt. */
const fileTiming = (0,_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ik)({
    /** Wall seconds the runner spent on the file: environment, imports, collection, hooks, tests. */
    seconds: duration,
    /** When it started, in seconds after the attempt's first file started (where known). */
    start: (0,_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .optional */ .lq)(duration),
});
/** What the cost model learns from: the first attempt's time, per file where the runner says. */
const shardTiming = (0,_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ik)({
    /** Wall time of the later attempts (retries, repeats), left out of what is learned. */
    laterAttemptsSeconds: duration,
    files: (0,_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .record */ .g1)(fileTiming),
});
/** Files travel beside the result under names `run` gives them, and under no other name. */
const artifactFile = (kind) => (0,_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .matching */ .wC)(new RegExp(`^${kind}/\\d{3}-[^/\\\\]+$`), `a file of the artifact, \`${kind}/NNN-name\``);
const shardResultSchema = (0,_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ik)({
    version: (0,_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .eu)(1, '`1` (this Shardwise reads shard results of version 1)'),
    tool: (0,_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .eu)('shardwise'),
    kind: (0,_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .eu)('shard-result'),
    shard: (0,_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ik)({ index: (0,_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .number */ .ai)({ whole: true }), count: (0,_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .number */ .ai)({ whole: true }) }),
    planDigest: (0,_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .text */ .Qq)(),
    /** The CI attempt (`GITHUB_RUN_ATTEMPT`): combine keeps the newest attempt of each shard. */
    attempt: (0,_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .number */ .ai)({ min: 1, whole: true }),
    items: (0,_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .list */ .p_)((0,_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .text */ .Qq)(), 'a list of test ids'),
    /** Planned items no runner result covers: failures, never silent passes. */
    missing: (0,_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .list */ .p_)((0,_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .text */ .Qq)(), 'a list of test ids'),
    tests: (0,_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .record */ .g1)(testRecord),
    status: (0,_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .oneOf */ .yL)(SHARD_STATUSES),
    /** Whether the shard ran to the end (false when killed, timed out or crashed). */
    complete: (0,_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zM)(),
    exitCode: (0,_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .nullable */ .me)((0,_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .number */ .ai)({ whole: true })),
    signal: (0,_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .nullable */ .me)((0,_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .text */ .Qq)()),
    runner: (0,_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .text */ .Qq)(),
    wallSeconds: seconds,
    /** Time of the first attempt not spent in any test: runner start-up, transforms, setup. */
    setupSeconds: seconds,
    testSeconds: seconds,
    /** Per-file timing of the first attempt (absent in results of older versions). */
    timing: (0,_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .optional */ .lq)(shardTiming),
    reason: (0,_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .map */ .Tj)((0,_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .maybe */ .no)((0,_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .nullable */ .me)((0,_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .text */ .Qq)())), (reason) => reason ?? undefined),
    workspace: (0,_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .text */ .Qq)(),
    fileFailures: (0,_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .list */ .p_)((0,_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ik)({ file: (0,_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .text */ .Qq)(), message: (0,_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .text */ .Qq)() }, '{"file", "message"}')),
    counts: (0,_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ik)({
        passed: count,
        failed: count,
        flaky: count,
        skipped: count,
        // Results written before expected failures were told apart have no such counts.
        xfailed: (0,_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .withDefault */ .IQ)(count, 0),
        xpassed: (0,_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .withDefault */ .IQ)(count, 0),
    }),
    artifacts: (0,_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ik)({
        junit: (0,_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .list */ .p_)(artifactFile('junit')),
        coverage: (0,_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .list */ .p_)(artifactFile('coverage')),
    }),
    command: (0,_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .withDefault */ .IQ)((0,_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .list */ .p_)((0,_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .text */ .Qq)()), []),
    startedAt: (0,_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .withDefault */ .IQ)((0,_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .text */ .Qq)(), ''),
}, 'a Shardwise shard result (an object)');
const shardResultContract = (0,_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .contract */ .dz)('Shardwise shard result', shardResultSchema);
/** A shard result from untrusted JSON, or a `DecodeError` naming the first bad field. */
const decodeShardResult = shardResultContract.decode;
const encodeShardResult = shardResultContract.encode;
//# sourceMappingURL=shard-result.js.map

/***/ }),

/***/ 1970:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   SW: () => (/* reexport safe */ _contracts_shard_result_js__WEBPACK_IMPORTED_MODULE_1__.SW),
/* harmony export */   Vj: () => (/* binding */ verdictOf),
/* harmony export */   W1: () => (/* binding */ emptyCounts),
/* harmony export */   cQ: () => (/* binding */ judgeAttempts),
/* harmony export */   hU: () => (/* binding */ covers),
/* harmony export */   nY: () => (/* binding */ retryItems)
/* harmony export */ });
/* harmony import */ var _ids_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8628);
/* harmony import */ var _contracts_shard_result_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8670);


/*
 * How one shard judges its attempts. The shard result's shape, and its decoding from
 * untrusted JSON, is its contract: contracts/shard-result.ts.
 */
/** Zero of every verdict. */
function emptyCounts() {
    return { passed: 0, failed: 0, flaky: 0, skipped: 0, xfailed: 0, xpassed: 0 };
}
/**
 * A test's verdict from its statuses across attempts (retries, repeats): failed and passed at
 * the same commit is flaky; failed and never passed is failed; otherwise its last outcome that
 * says something (a skip says nothing once the test ran).
 */
function verdictOf(statuses) {
    const failed = statuses.includes('failed');
    const passed = statuses.includes('passed') || statuses.includes('xpassed');
    if (failed)
        return passed ? 'flaky' : 'failed';
    const last = [...statuses].reverse().find((s) => s !== 'skipped');
    return last ?? 'skipped';
}
/**
 * Folds a test's occurrences within one attempt into one status: a parametrised test reported
 * twice under one id failed if any occurrence failed.
 */
function foldAttempt(tests, cases) {
    const byId = new Map();
    const seenHere = new Map();
    for (const test of tests) {
        seenHere.set(test.id, (seenHere.get(test.id) ?? 0) + 1);
        const seen = byId.get(test.id);
        if (!seen) {
            byId.set(test.id, test);
            continue;
        }
        const rank = (s) => s === 'failed' ? 3 : s === 'passed' || s === 'xpassed' ? 2 : s === 'xfailed' ? 1 : 0;
        const worse = rank(test.status) > rank(seen.status) ? test : seen;
        byId.set(test.id, {
            ...worse,
            seconds: seen.seconds === undefined && test.seconds === undefined
                ? undefined
                : (seen.seconds ?? 0) + (test.seconds ?? 0),
        });
    }
    for (const [id, count] of seenHere)
        cases.set(id, Math.max(cases.get(id) ?? 1, count));
    return byId;
}
/** Whether an outcome or file failure answers for a planned item. */
function covers(item, testId) {
    if (item === testId)
        return true;
    if (!(0,_ids_js__WEBPACK_IMPORTED_MODULE_0__/* .isTestId */ .Cw)(item))
        return (0,_ids_js__WEBPACK_IMPORTED_MODULE_0__/* .fileOfId */ .Hy)(testId) === item;
    // A planned test covers its parametrised cases (`t` → `t[1]`) and nested scopes (`T` → `T::t`).
    return testId.startsWith(`${item}::`) || testId.startsWith(`${item}[`);
}
function gatherAttempts(attempts) {
    const history = new Map();
    let fileFailures = new Map();
    // Files that crashed, or reported nothing, in an earlier attempt: a test of theirs that
    // passes later did not pass the first time — flaky, not passed.
    // Each troubled file remembers the tests that did report in that attempt: only the others
    // were kept from running.
    const troubled = new Map();
    const healed = new Map();
    const cases = new Map();
    for (const attempt of attempts) {
        const reported = new Map();
        for (const [id, outcome] of foldAttempt(attempt.outcomes.tests, cases)) {
            const list = history.get(id);
            if (list)
                list.push(outcome);
            else
                history.set(id, [outcome]);
            fileFailures.delete(outcome.file);
            const ids = reported.get(outcome.file) ?? new Set();
            ids.add(id);
            reported.set(outcome.file, ids);
            const trouble = troubled.get(outcome.file);
            if (trouble && !trouble.ran.has(id) && outcome.status === 'passed' && !healed.has(id)) {
                healed.set(id, trouble.why);
            }
        }
        const next = new Map(fileFailures);
        for (const failure of attempt.outcomes.fileFailures) {
            next.set(failure.file, failure);
            if (!troubled.has(failure.file)) {
                troubled.set(failure.file, {
                    why: `an earlier attempt failed to run the file: ${failure.message}`,
                    ran: reported.get(failure.file) ?? new Set(),
                });
            }
        }
        for (const item of attempt.items ?? []) {
            const file = (0,_ids_js__WEBPACK_IMPORTED_MODULE_0__/* .fileOfId */ .Hy)(item);
            if (!reported.has(file) && !next.has(file) && !troubled.has(file)) {
                troubled.set(file, {
                    why: 'an earlier attempt reported no result for the file',
                    ran: new Set(),
                });
            }
        }
        fileFailures = next;
    }
    return { history, fileFailures, healed, cases };
}
/** One record per test id, sorted, with its verdict across the attempts; and their counts. */
function recordsOf(gathered) {
    const { history, healed, cases } = gathered;
    const tests = new Map();
    const counts = emptyCounts();
    for (const id of [...history.keys()].sort()) {
        const runs = history.get(id) ?? [];
        const last = runs[runs.length - 1];
        if (!last)
            continue;
        // Passed and failed at the same commit, in retries or repeats: flaky. Never passed: failed.
        const verdict = verdictOf([
            ...(healed.has(id) ? ['failed'] : []),
            ...runs.map((r) => r.status),
        ]);
        const n = cases.get(id) ?? 1;
        counts[verdict] += n;
        const failure = [...runs].reverse().find((r) => r.status === 'failed')?.message ?? healed.get(id);
        // The attempt in which the test's file crashed or reported nothing counts as a failed
        // attempt of the test: combine recomputes every verdict from the attempts alone.
        const kept = healed.has(id) ? [{ status: 'failed', seconds: undefined }] : [];
        tests.set(id, {
            file: last.file,
            verdict,
            attempts: [...kept, ...runs.map((r) => ({ status: r.status, seconds: r.seconds }))],
            ...(failure !== undefined && verdict !== 'passed' ? { message: failure } : {}),
            ...(n > 1 ? { cases: n } : {}),
        });
    }
    return { tests, counts };
}
/** The planned items nothing answers for: no test record covers them, no file failure names them. */
function unansweredItems(items, tests, fileFailures) {
    const ids = [...tests.keys()]; // sorted
    const files = new Set([...tests.values()].map((t) => t.file));
    const answered = (item) => {
        if (fileFailures.has((0,_ids_js__WEBPACK_IMPORTED_MODULE_0__/* .fileOfId */ .Hy)(item)))
            return true;
        if (!(0,_ids_js__WEBPACK_IMPORTED_MODULE_0__/* .isTestId */ .Cw)(item))
            return files.has(item);
        // The ids that start with the item sit together in sorted order, from its insertion point.
        let lo = 0;
        let hi = ids.length;
        while (lo < hi) {
            const mid = (lo + hi) >> 1;
            if ((ids[mid] ?? '') < item)
                lo = mid + 1;
            else
                hi = mid;
        }
        for (let i = lo; i < ids.length && (ids[i] ?? '').startsWith(item); i++) {
            if (covers(item, ids[i] ?? ''))
                return true;
        }
        return false;
    };
    return items.filter((item) => !answered(item));
}
/**
 * Merges the attempts of a shard (the first run, then retries of what failed, or repeats) into
 * verdicts: a test that both failed and passed is *flaky*, one that failed and never passed is
 * *failed*. A file
 * failure (a crash before any test) fails every planned item of that file unless a retry
 * produced results for it. A planned item with no result at all is *missing*.
 */
function judgeAttempts(items, attempts) {
    const gathered = gatherAttempts(attempts);
    const { tests, counts } = recordsOf(gathered);
    return {
        tests,
        missing: unansweredItems(items, tests, gathered.fileFailures),
        fileFailures: [...gathered.fileFailures.values()],
        counts,
    };
}
/** The items a retry should run again: failed tests, or whole files where a file failed. */
function retryItems(items, judgement, selectsTests) {
    const failedFiles = new Set(judgement.fileFailures.map((f) => f.file));
    const out = new Set();
    for (const [id, record] of judgement.tests) {
        if (record.verdict !== 'failed')
            continue;
        if (failedFiles.has(record.file))
            continue;
        if (selectsTests)
            out.add(id);
        else
            out.add(record.file);
    }
    for (const item of items) {
        if (failedFiles.has((0,_ids_js__WEBPACK_IMPORTED_MODULE_0__/* .fileOfId */ .Hy)(item)))
            out.add((0,_ids_js__WEBPACK_IMPORTED_MODULE_0__/* .isTestId */ .Cw)(item) && selectsTests ? item : (0,_ids_js__WEBPACK_IMPORTED_MODULE_0__/* .fileOfId */ .Hy)(item));
    }
    // An item with no result at all (the runner died before reporting it) gets another chance too.
    for (const item of judgement.missing)
        out.add((0,_ids_js__WEBPACK_IMPORTED_MODULE_0__/* .isTestId */ .Cw)(item) && selectsTests ? item : (0,_ids_js__WEBPACK_IMPORTED_MODULE_0__/* .fileOfId */ .Hy)(item));
    return [...out].sort();
}
//# sourceMappingURL=shard-result.js.map

/***/ }),

/***/ 2282:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  r: () => (/* binding */ runMode)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./build/core/errors.js
var errors = __webpack_require__(2807);
// EXTERNAL MODULE: ./build/adapters/runners/index.js + 20 modules
var runners = __webpack_require__(9750);
// EXTERNAL MODULE: ./build/core/ids.js
var ids = __webpack_require__(8628);
// EXTERNAL MODULE: ./build/core/shard-result.js
var shard_result = __webpack_require__(1970);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:events"
var external_node_events_ = __webpack_require__(8474);
// EXTERNAL MODULE: external "node:string_decoder"
var external_node_string_decoder_ = __webpack_require__(6193);
// EXTERNAL MODULE: ./build/adapters/process.js
var adapters_process = __webpack_require__(7288);
;// CONCATENATED MODULE: ./build/modes/run/invoke.js





/** A display line longer than this is shown as it is rather than held for its end. */
const MAX_DISPLAY_LINE = 1024 * 1024;
/** Shows the runner's stdout, through the adapter's `display` (whole lines) where it has one. */
function displayWriter(display, write) {
    let pending = '';
    return {
        write(text) {
            if (!display)
                return write(text);
            pending += text;
            const end = pending.lastIndexOf('\n');
            if (end >= 0) {
                write(display(pending.slice(0, end + 1)));
                pending = pending.slice(end + 1);
            }
            if (pending.length > MAX_DISPLAY_LINE) {
                write(display(`${pending}\n`));
                pending = '';
            }
        },
        end() {
            if (pending !== '' && display)
                write(display(`${pending}\n`));
        },
    };
}
async function openReport(path) {
    const report = (0,external_node_fs_.createWriteStream)(path);
    let reportError;
    report.on('error', (error) => (reportError = error));
    await (0,external_node_events_.once)(report, 'open');
    return {
        write(chunk) {
            if (reportError === undefined)
                report.write(chunk);
        },
        ready() {
            return report.writableNeedDrain && reportError === undefined
                ? (0,external_node_events_.once)(report, 'drain').then(() => undefined, () => undefined)
                : undefined;
        },
        async close(log) {
            report.end();
            if (reportError === undefined)
                await (0,external_node_events_.once)(report, 'close').catch(() => undefined);
            if (reportError !== undefined)
                log.warning(`cannot save the runner's report ${path}: ${(0,errors/* describeError */.Uc)(reportError)}`);
        },
    };
}
/**
 * Runs one invocation, streaming output and saving stdout reports (go test -json) as they
 * come. Nothing is held whole: the report goes to a file stream, the output to `deps`, and
 * while either is behind, the test process waits.
 */
async function invoke(adapter, invocation, options, deps, shardEnv, timeoutMs) {
    const report = invocation.stdoutReport === undefined ? undefined : await openReport(invocation.stdoutReport);
    // Decoders keep a character split across chunks whole.
    const outText = new external_node_string_decoder_.StringDecoder('utf8');
    const errText = new external_node_string_decoder_.StringDecoder('utf8');
    const shown = displayWriter(adapter.display, deps.stdout);
    const result = await (0,adapters_process/* runProcess */.R3)(invocation.argv, {
        cwd: options.root,
        env: (0,adapters_process/* childEnvironment */.Qc)(options.env, { ...shardEnv, ...invocation.env }),
        onStdout: (chunk) => {
            report?.write(chunk);
            shown.write(outText.write(chunk));
        },
        onStderr: (chunk) => deps.stderr(errText.write(chunk)),
        outputReady: () => {
            const waits = [report?.ready(), deps.ready?.()].filter((w) => w !== undefined);
            return waits.length === 0 ? undefined : Promise.all(waits).then(() => undefined);
        },
        ...(timeoutMs === undefined ? {} : { timeoutMs }),
        ...(options.signal ? { signal: options.signal } : {}),
    });
    shown.write(outText.end());
    deps.stderr(errText.end());
    shown.end();
    await report?.close(deps.log);
    if (result.strays === true)
        deps.log.warning(`\`${invocation.argv[0] ?? ''}\` exited but left processes holding its output; they were stopped (its exit status ${String(result.exitCode)} stands)`);
    return result;
}
//# sourceMappingURL=invoke.js.map
;// CONCATENATED MODULE: ./build/modes/run/attempt.js






function noAttempts() {
    return {
        attempts: [],
        lastExit: undefined,
        firstWall: 0,
        laterWall: 0,
        fileTimings: [],
        stopped: undefined,
    };
}
/** Runs one invocation within the shard's time and reads its outcomes. */
async function runInvocation(run, invocation, input, soFar) {
    const { adapter, options, live } = run;
    const deadline = options.timeoutSeconds === undefined ? undefined : options.timeoutSeconds * 1000;
    const remaining = deadline === undefined ? undefined : Math.max(1, deadline - run.elapsed() * 1000);
    await adapter.beforeInvocation?.(invocation, input);
    live.current = invocation;
    const result = await invoke(adapter, invocation, options, run.deps, run.shardEnv, remaining);
    live.finishedBefore += adapter.finishedTests?.(invocation) ?? 0;
    live.current = undefined;
    soFar.lastExit = result;
    if (result.spawnError !== undefined) {
        throw new errors/* UsageError */.eb(`cannot start the test command \`${invocation.argv[0] ?? ''}\`: ${result.spawnError}`);
    }
    const outcomes = await adapter.readOutcomes(invocation, input, { exitCode: result.exitCode });
    for (const problem of outcomes.problems ?? [])
        run.deps.log.warning(problem);
    return { result, outcomes };
}
/** Runs `subset` once, every invocation it takes, and adds the attempt to `soFar`. */
async function runAttempt(run, subset, label, soFar) {
    const dir = (0,external_node_path_.join)(run.reportRoot, label);
    await (0,promises_.mkdir)(dir, { recursive: true });
    const spelled = subset.map((item) => {
        const file = (0,ids/* fileOfId */.Hy)(item);
        const disk = run.onDisk.get(file);
        return disk === undefined ? item : disk + item.slice(file.length);
    });
    const input = {
        command: run.command,
        items: spelled,
        reportDir: dir,
        cwd: run.options.root,
        junitGlobs: run.options.junitGlobs,
    };
    const started = run.elapsed();
    const tests = [];
    const fileFailures = [];
    const timings = [];
    let worstExit = 0;
    let signal = null;
    for (const invocation of run.adapter.invocations(input)) {
        const { result, outcomes } = await runInvocation(run, invocation, input, soFar);
        tests.push(...outcomes.tests);
        fileFailures.push(...outcomes.fileFailures);
        timings.push(...(outcomes.files ?? []));
        if (result.exitCode !== 0)
            worstExit = result.exitCode;
        if (result.signal !== null)
            signal = result.signal;
        if (result.stopped) {
            soFar.stopped = result.stopped;
            break;
        }
    }
    if (soFar.attempts.length === 0) {
        soFar.firstWall = run.elapsed() - started;
        soFar.fileTimings = timings;
    }
    else {
        soFar.laterWall += run.elapsed() - started;
    }
    soFar.attempts.push({
        items: subset,
        outcomes: { tests, fileFailures },
        exitCode: worstExit,
        signal,
    });
}
/**
 * Runs the shard's items: the first attempt, the repeats (`--repeat`), then retries of what
 * failed — single tests where the runner selects them, else their files — until nothing
 * failed, the retries are spent, or an attempt was stopped.
 */
async function runAttempts(run, runnable) {
    const { options, adapter } = run;
    const soFar = noAttempts();
    await runAttempt(run, runnable, 'attempt-1', soFar);
    for (let r = 2; r <= options.repeat && !soFar.stopped; r++)
        await runAttempt(run, runnable, `repeat-${r}`, soFar);
    for (let retry = 1; retry <= options.retries && !soFar.stopped; retry++) {
        const again = (0,shard_result/* retryItems */.nY)(runnable, (0,shard_result/* judgeAttempts */.cQ)(runnable, soFar.attempts), adapter.selectsTests);
        if (again.length === 0)
            break;
        run.deps.log.info(`retry ${retry}/${options.retries}: running ${again.length} failed ${again.length === 1 ? 'item' : 'items'} again`);
        await runAttempt(run, again, `retry-${retry}`, soFar);
    }
    return soFar;
}
//# sourceMappingURL=attempt.js.map
;// CONCATENATED MODULE: ./build/modes/run/planned-files.js



/**
 * The path of a file id as spelled on disk: the id itself, or — where the file system keeps a
 * name decomposed (NFD) — the entry whose NFC form is the id's.
 */
async function findOnDisk(root, id) {
    try {
        await (0,promises_.access)((0,external_node_path_.resolve)(root, id));
        return id;
    }
    catch {
        // Look for another Unicode spelling, one segment at a time.
    }
    let dir = root;
    const parts = [];
    for (const segment of id.split('/')) {
        let names;
        try {
            names = await (0,promises_.readdir)(dir);
        }
        catch {
            return undefined;
        }
        const name = names.find((n) => n === segment) ?? names.find((n) => n.normalize('NFC') === segment);
        if (name === undefined)
            return undefined;
        parts.push(name);
        dir = (0,external_node_path_.join)(dir, name);
    }
    return parts.join('/');
}
/**
 * A planned item outside the repository is refused: the plan came from somewhere else, and its
 * ids from timings, listings or results, none of which may point the runner elsewhere.
 */
function refuseOutside(items, root, log) {
    const outside = [...new Set(items.filter(ids/* isOutsideRoot */.CW).map(ids/* fileOfId */.Hy))].sort();
    if (outside.length === 0)
        return { inside: items, refused: [] };
    log.warning(`${outside.length} planned ${outside.length === 1 ? 'item resolves' : 'items resolve'} outside ${root} and ${outside.length === 1 ? 'is' : 'are'} not run: ${outside.slice(0, 5).join(', ')}`);
    return {
        inside: items.filter((item) => !(0,ids/* isOutsideRoot */.CW)(item)),
        refused: outside.map((file) => ({
            file,
            message: `refused: ${file} is outside the repository root`,
        })),
    };
}
/**
 * The items of a shard that can run. A planned file that is gone cannot: say so instead of
 * letting the runner ignore it. Ids are NFC; a file stored decomposed (as macOS writes names)
 * is found by its spelling on disk. Where items are not paths (Go's import paths), only the
 * root check applies.
 */
async function runnableItems(items, root, itemsArePaths, log) {
    const { inside, refused } = refuseOutside(items, root, log);
    const onDisk = new Map();
    if (!itemsArePaths)
        return { runnable: inside, onDisk, refused };
    const gone = new Set();
    for (const file of new Set(inside.map(ids/* fileOfId */.Hy))) {
        const found = await findOnDisk(root, file);
        if (found === undefined) {
            gone.add(file);
            refused.push({ file, message: `planned file not found: ${file}` });
        }
        else if (found !== file) {
            onDisk.set(file, found);
        }
    }
    if (gone.size === 0)
        return { runnable: inside, onDisk, refused };
    log.warning(`${gone.size} planned files are missing from ${root}: ${[...gone].slice(0, 5).join(', ')}`);
    return { runnable: inside.filter((item) => !gone.has((0,ids/* fileOfId */.Hy)(item))), onDisk, refused };
}
//# sourceMappingURL=planned-files.js.map
;// CONCATENATED MODULE: ./build/modes/run/progress.js
/** One progress line: tests done (where the runner reports them live), time spent and left. */
function progressLine(input, expectedTests) {
    const { adapter, live, runnable, predictedSeconds: predicted } = input;
    const spent = input.elapsed();
    const left = predicted - spent;
    const now = live.current && adapter.finishedTests ? adapter.finishedTests(live.current) : undefined;
    const done = now === undefined
        ? ''
        : `${live.finishedBefore + now}${expectedTests > 0 ? ` of ${expectedTests}` : ''} tests done, `;
    return `${input.label}: ${done}${runnable.length} items, ${spent.toFixed(0)} s elapsed, ${left > 0
        ? `about ${left.toFixed(0)} s left`
        : `${(-left).toFixed(0)} s over the predicted ${predicted.toFixed(0)} s`}`;
}
/** Reports progress every interval until stopped; nothing when nobody listens. */
function startProgress(input) {
    const { progress, progressIntervalMs } = input.deps;
    if (!progress)
        return { stop: () => undefined };
    const expectedTests = input.runnable.filter((item) => item.includes('::')).length;
    const timer = setInterval(() => {
        // Nothing in a timer may throw: it would kill the process and orphan the tests.
        try {
            progress(progressLine(input, expectedTests));
        }
        catch {
            // Progress is a courtesy; the run goes on.
        }
    }, progressIntervalMs ?? 10_000);
    timer.unref();
    return { stop: () => clearInterval(timer) };
}
//# sourceMappingURL=progress.js.map
// EXTERNAL MODULE: ./node_modules/tinyglobby/dist/index.mjs + 1 modules
var dist = __webpack_require__(3382);
// EXTERNAL MODULE: ./build/core/contracts/shard-result.js
var contracts_shard_result = __webpack_require__(8670);
;// CONCATENATED MODULE: ./build/modes/run/result.js






/** Files matching the globs that were written at or after `sinceMs` (this run's reports). */
async function freshMatches(globs, root, sinceMs) {
    if (globs.length === 0)
        return [];
    const out = [];
    for (const path of await (0,dist/* glob */.TI)([...globs], {
        cwd: root,
        absolute: true,
        followSymbolicLinks: false,
    })) {
        const info = await (0,promises_.lstat)(path);
        // File systems with coarse timestamps round down: allow a second of slack.
        if (info.isFile() && info.mtimeMs >= sinceMs - 1000)
            out.push(path);
    }
    return out.sort();
}
/** Copies this run's regular files matching the globs into `dir`, returning their names. */
async function collect(globs, root, dir, sinceMs) {
    const matches = await freshMatches(globs, root, sinceMs);
    if (matches.length === 0)
        return [];
    await (0,promises_.mkdir)(dir, { recursive: true });
    const names = [];
    for (const [i, path] of matches.entries()) {
        const name = `${String(i + 1).padStart(3, '0')}-${(0,external_node_path_.basename)(path)}`;
        await (0,promises_.copyFile)(path, (0,external_node_path_.join)(dir, name));
        names.push(`${(0,external_node_path_.basename)(dir)}/${name}`);
    }
    return names;
}
/** The verdict on the shard's attempts: its status, and the tests and files behind it. */
function judgeShard(facts, end) {
    const { options, adapter } = facts;
    const attempts = end.attempts.attempts;
    const judgement = (0,shard_result/* judgeAttempts */.cQ)(facts.items, attempts);
    const fileFailures = [...judgement.fileFailures, ...end.refused];
    const missing = judgement.missing.filter((item) => !end.refused.some((f) => f.file === (0,ids/* fileOfId */.Hy)(item)));
    const failed = judgement.counts.failed > 0 ||
        missing.length > 0 ||
        fileFailures.length > 0 ||
        (options.failOnFlaky && judgement.counts.flaky > 0);
    let status = end.status;
    let reason = end.reason;
    if (status === 'passed' && failed)
        status = 'failed';
    // A runner that exits non-zero with every test passing failed for a reason of its own
    // (a coverage threshold, leaked handles, a crash after the report): never a pass.
    const lastExit = attempts[attempts.length - 1]?.exitCode;
    // The exception: the runner's own "no tests ran" code (pytest's 5) when every planned
    // item reported skipped (a module skipped whole) — nothing is missing, nothing failed.
    const nothingRan = lastExit !== undefined &&
        lastExit !== null &&
        adapter.noTestsExitCode === lastExit &&
        judgement.tests.size > 0 &&
        [...judgement.tests.values()].every((t) => t.verdict === 'skipped');
    if (status === 'passed' && lastExit !== 0 && lastExit !== undefined && !nothingRan) {
        status = 'failed';
        reason = `the runner exited with ${String(lastExit)} although no test failed`;
    }
    return { judgement, fileFailures, missing, status, reason };
}
/**
 * Judges the shard's attempts, collects this run's JUnit and coverage files, and writes the
 * shard result to `shard-result.json` in the results directory.
 */
async function writeShardResult(facts, end) {
    const { options, startedAt } = facts;
    const { attempts, lastExit, firstWall, laterWall, fileTimings } = end.attempts;
    const { judgement, fileFailures, missing, status, reason } = judgeShard(facts, end);
    const firstTests = attempts[0]?.outcomes.tests ?? [];
    const testSeconds = firstTests.reduce((total, t) => total + (t.seconds ?? 0), 0);
    const since = startedAt.getTime();
    const artifacts = {
        junit: await collect(options.junitGlobs, options.root, (0,external_node_path_.join)(options.resultsDir, 'junit'), since),
        coverage: await collect(options.coverageGlobs, options.root, (0,external_node_path_.join)(options.resultsDir, 'coverage'), since),
    };
    const result = {
        version: 1,
        tool: 'shardwise',
        kind: 'shard-result',
        planDigest: options.planDigest,
        shard: { index: options.shardIndex, count: options.plan.shards.length },
        attempt: options.attempt,
        runner: facts.adapter.name,
        command: [...options.command],
        items: [...facts.items],
        status,
        complete: end.complete,
        reason,
        exitCode: lastExit?.exitCode ?? null,
        signal: lastExit?.signal ?? null,
        startedAt: startedAt.toISOString(),
        wallSeconds: round(facts.elapsed()),
        setupSeconds: round(Math.max(0, firstWall - testSeconds)),
        testSeconds: round(testSeconds),
        timing: timingRecord(fileTimings, laterWall),
        tests: Object.fromEntries(judgement.tests),
        missing,
        fileFailures,
        counts: judgement.counts,
        workspace: options.root,
        artifacts,
    };
    const resultFile = (0,external_node_path_.join)(options.resultsDir, 'shard-result.json');
    await (0,promises_.writeFile)(resultFile, `${(0,contracts_shard_result/* encodeShardResult */.O8)(result, 2)}\n`);
    const exitCode = status === 'passed' || status === 'empty' ? 0 : 1;
    return { result, resultFile, exitCode };
}
/**
 * The first attempt's per-file timing for the cost model: seconds per file (summed where one
 * file ran in several invocations) and each file's start relative to the first, when the
 * runner stamped every file.
 */
function timingRecord(timings, laterWall) {
    const files = Object.create(null);
    const starts = timings.every((t) => t.startMs !== undefined);
    const origin = timings.reduce((m, t) => Math.min(m, t.startMs ?? Infinity), Infinity);
    for (const timing of timings) {
        const seen = Object.hasOwn(files, timing.file) ? files[timing.file] : undefined;
        const start = starts && timing.startMs !== undefined && Number.isFinite(origin)
            ? round((timing.startMs - origin) / 1000)
            : undefined;
        files[timing.file] = {
            seconds: round((seen?.seconds ?? 0) + timing.seconds),
            ...(start === undefined ? {} : { start: Math.min(seen?.start ?? start, start) }),
        };
    }
    return { laterAttemptsSeconds: round(laterWall), files: { ...files } };
}
function round(seconds) {
    return Math.round(seconds * 1000) / 1000;
}
//# sourceMappingURL=result.js.map
;// CONCATENATED MODULE: ./build/modes/run.js









/**
 * Runs one shard of a plan: exactly its items, with retries of what failed, and writes the
 * shard result. A shard with no items never starts the runner (it would run the whole suite).
 * The steps: check the planned files (run/planned-files), run the attempts and decide the
 * retries (run/attempt), report progress meanwhile (run/progress), write the result
 * (run/result).
 */
async function runMode(options, deps) {
    const { plan, shardIndex } = options;
    const shard = plan.shards[shardIndex - 1];
    if (!shard) {
        throw new errors/* UsageError */.eb(`--shard ${shardIndex}: the plan has ${plan.shards.length} shards`);
    }
    const label = `shard ${shardIndex}/${plan.shards.length}`;
    const startedAt = deps.now();
    const started = process.hrtime.bigint();
    const elapsed = () => Number(process.hrtime.bigint() - started) / 1e9;
    await (0,promises_.mkdir)(options.resultsDir, { recursive: true });
    const resolved = await (0,runners/* resolveRunner */.NE)(options.command, options.root, options.runner);
    const adapter = runners/* RUNNERS */.Ir[resolved.runner];
    const items = [...shard.items];
    const facts = { options, adapter, items, startedAt, elapsed };
    if (items.length === 0) {
        deps.log.notice(`${label} has no tests in the plan; the runner is not started`);
        return writeShardResult(facts, {
            status: 'empty',
            complete: true,
            reason: undefined,
            attempts: noAttempts(),
            refused: [],
        });
    }
    const { runnable, onDisk, refused } = await runnableItems(items, options.root, adapter.itemsArePaths, deps.log);
    const run = {
        options,
        deps,
        adapter,
        command: resolved.command,
        shardEnv: {
            SHARDWISE_SHARD: String(shardIndex),
            SHARDWISE_SHARD_COUNT: String(plan.shards.length),
        },
        elapsed,
        onDisk,
        reportRoot: await (0,promises_.mkdtemp)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), `shardwise-${shardIndex}-`)),
        live: { finishedBefore: 0, current: undefined },
    };
    const progress = startProgress({
        adapter,
        deps,
        label,
        runnable,
        predictedSeconds: shard.predictedSeconds,
        elapsed,
        live: run.live,
    });
    let attempts;
    try {
        attempts = await runAttempts(run, runnable);
    }
    finally {
        progress.stop();
        await (0,promises_.rm)(run.reportRoot, { recursive: true, force: true });
    }
    return writeShardResult(facts, endOfRun(attempts, refused, options, label, deps.log));
}
/** How the run ended: complete, or partial after a timeout or an interrupt (said in a warning). */
function endOfRun(attempts, refused, options, label, log) {
    if (!attempts.stopped)
        return { status: 'passed', complete: true, reason: undefined, attempts, refused };
    const why = attempts.stopped === 'timeout'
        ? `timed out after ${String(options.timeoutSeconds)} s`
        : 'interrupted';
    log.warning(`${label} ${why}: the result is partial`);
    return { status: 'incomplete', complete: false, reason: why, attempts, refused };
}
//# sourceMappingURL=run.js.map

/***/ }),

/***/ 6276:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ fallbackMaxItems),
/* harmony export */   n: () => (/* binding */ runSettings)
/* harmony export */ });
/* harmony import */ var _runner_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1295);
/* harmony import */ var _source_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7372);
/* harmony import */ var _values_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8739);



function runSettings(source) {
    const timeout = (0,_source_js__WEBPACK_IMPORTED_MODULE_1__/* .given */ .gI)(source, 'timeout-seconds');
    return {
        runner: (0,_runner_js__WEBPACK_IMPORTED_MODULE_0__/* .runnerSetting */ .j)(source),
        retries: (0,_values_js__WEBPACK_IMPORTED_MODULE_2__/* .parseWholeNumber */ .oA)(source.label('retries'), (0,_source_js__WEBPACK_IMPORTED_MODULE_1__/* .valueOf */ .RP)(source, 'retries'), 0, 10),
        repeat: (0,_values_js__WEBPACK_IMPORTED_MODULE_2__/* .parseWholeNumber */ .oA)(source.label('repeat'), (0,_source_js__WEBPACK_IMPORTED_MODULE_1__/* .valueOf */ .RP)(source, 'repeat'), 1, 100),
        failOnFlaky: (0,_source_js__WEBPACK_IMPORTED_MODULE_1__/* .flagOf */ .iP)(source, 'fail-on-flaky'),
        timeoutSeconds: timeout === undefined
            ? undefined
            : (0,_values_js__WEBPACK_IMPORTED_MODULE_2__/* .parseTimeoutSeconds */ .yE)(source.label('timeout-seconds'), timeout),
        junitGlobs: (0,_source_js__WEBPACK_IMPORTED_MODULE_1__/* .listOf */ .c3)(source, 'junit'),
        coverageGlobs: (0,_source_js__WEBPACK_IMPORTED_MODULE_1__/* .listOf */ .c3)(source, 'coverage'),
    };
}
/** The most failed or unrun tests the serial fallback runs again: more look systemic. */
function fallbackMaxItems(source) {
    return (0,_values_js__WEBPACK_IMPORTED_MODULE_2__/* .parseWholeNumber */ .oA)(source.label('fallback-max-items'), (0,_source_js__WEBPACK_IMPORTED_MODULE_1__/* .valueOf */ .RP)(source, 'fallback-max-items'), 0, 100_000);
}
//# sourceMappingURL=run.js.map

/***/ }),

/***/ 1295:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   j: () => (/* binding */ runnerSetting)
/* harmony export */ });
/* unused harmony export RUNNER_CHOICES */
/* harmony import */ var _adapters_runners_types_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5032);
/* harmony import */ var _source_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7372);
/* harmony import */ var _values_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8739);



const RUNNER_CHOICES = ['auto', ..._adapters_runners_types_js__WEBPACK_IMPORTED_MODULE_2__/* .RUNNER_NAMES */ .k];
/** The runner of the test command: named, or `auto` (detected from the command). */
function runnerSetting(source) {
    return (0,_values_js__WEBPACK_IMPORTED_MODULE_1__/* .parseChoice */ .HU)(source.label('runner'), (0,_source_js__WEBPACK_IMPORTED_MODULE_0__/* .valueOf */ .RP)(source, 'runner'), RUNNER_CHOICES);
}
//# sourceMappingURL=runner.js.map

/***/ })

};
