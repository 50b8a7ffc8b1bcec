export const id = 148;
export const ids = [148,601];
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
/* harmony export */   planDigest: () => (/* binding */ planDigest),
/* harmony export */   readPlanFile: () => (/* binding */ readPlanFile)
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

/***/ 9263:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   fF: () => (/* binding */ updateStore),
/* harmony export */   uz: () => (/* binding */ readStore)
/* harmony export */ });
/* unused harmony export readStoreFile */
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8161);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7598);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(2807);
/* harmony import */ var _core_contracts_store_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2079);
/* harmony import */ var _json_file_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(2698);
/* harmony import */ var _output_file_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(6527);








async function readStoreFile(path) {
    try {
        return await (0,_json_file_js__WEBPACK_IMPORTED_MODULE_5__/* .readJsonFile */ .J)('--store', path, _core_contracts_store_js__WEBPACK_IMPORTED_MODULE_4__/* .readStoreDocument */ .ji);
    }
    catch (error) {
        if (!(error instanceof _json_file_js__WEBPACK_IMPORTED_MODULE_5__/* .JsonFileError */ .d))
            throw error;
        return error.problem === 'missing'
            ? { kind: 'missing' }
            : { kind: 'corrupt', reason: error.detail };
    }
}
/** Reads the store for planning and history: `undefined` (with a warning) when unusable. */
async function readStore(path, log) {
    const read = await readStoreFile(path);
    switch (read.kind) {
        case 'store':
            return read.store;
        case 'missing':
            return undefined;
        case 'newer':
            log.warning(`${path}: a timings store of version ${read.version}, written by a newer Shardwise; it is not read here, and not overwritten`);
            return undefined;
        case 'foreign':
            log.warning(`${path}: not a Shardwise timings store; it is not read, and not overwritten`);
            return undefined;
        case 'corrupt':
            log.warning(`${path}: corrupt timings store (${read.reason}); a new one is started`);
            return undefined;
    }
}
/**
 * Folds one run into the store: under the store's lock, `update` gets the store as it is now
 * (another run may have written it since we first read it) and returns the new one. Returns
 * whether the store was written; every reason it was not is a warning, never an error.
 */
async function updateStore(path, update, log, options = {}) {
    const target = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.realpath)(path).catch(() => path);
    let lock;
    try {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(target), { recursive: true });
        lock = await acquireLock(`${target}.lock`, options);
    }
    catch (error) {
        log.warning(`timings not saved to ${path}: ${(0,_core_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .describeError */ .Uc)(error)}`);
        return false;
    }
    try {
        const current = await readStoreFile(path);
        if (current.kind === 'newer') {
            log.warning(`timings not saved: ${path} is a store of version ${current.version}, written by a newer Shardwise; this one (version ${_core_contracts_store_js__WEBPACK_IMPORTED_MODULE_4__/* .STORE_VERSION */ .Bk}) leaves it as it is. Upgrade Shardwise, or give --store another file.`);
            return false;
        }
        if (current.kind === 'foreign') {
            log.warning(`timings not saved: ${path} is not a Shardwise timings store, and is left as it is; give --store another file`);
            return false;
        }
        await removeStaleTemporaries(target);
        const next = update(current.kind === 'store' ? current.store : undefined);
        await (0,_output_file_js__WEBPACK_IMPORTED_MODULE_6__/* .writeOutputFile */ .B)('--store', path, `${(0,_core_contracts_store_js__WEBPACK_IMPORTED_MODULE_4__/* .encodeStore */ .cL)(next, 2)}\n`);
        return true;
    }
    catch (error) {
        log.warning(`timings not saved to ${path}: ${(0,_core_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .describeError */ .Uc)(error)}`);
        return false;
    }
    finally {
        await lock.release();
    }
}
function isAlive(pid) {
    try {
        process.kill(pid, 0);
        return true;
    }
    catch (error) {
        // EPERM: it exists, under another user.
        return error.code === 'EPERM';
    }
}
const sleep = (ms) => new Promise((done) => setTimeout(done, ms));
/**
 * An exclusive lock: a file created with O_EXCL holding its owner. A lock whose owner died on
 * this host, or that is older than `staleLockMs`, is taken over (a `kill -9` leaves one).
 */
async function acquireLock(path, options) {
    const owner = {
        pid: process.pid,
        host: (0,node_os__WEBPACK_IMPORTED_MODULE_0__.hostname)(),
        token: (0,node_crypto__WEBPACK_IMPORTED_MODULE_3__.randomUUID)(),
        since: new Date().toISOString(),
    };
    const deadline = Date.now() + (options.lockTimeoutMs ?? 60_000);
    const staleMs = options.staleLockMs ?? 10 * 60_000;
    for (let attempt = 0;; attempt++) {
        try {
            const handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.open)(path, 'wx');
            try {
                await handle.writeFile(`${JSON.stringify(owner)}\n`);
            }
            finally {
                await handle.close();
            }
            return {
                release: async () => {
                    // Only our own lock: a run that took over a lock it judged stale has its own.
                    const now = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(path, 'utf8').catch(() => '');
                    if (now.includes(owner.token))
                        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(path, { force: true });
                },
            };
        }
        catch (error) {
            if (error.code !== 'EEXIST')
                throw error;
        }
        const holder = await readLockOwner(path);
        if (holder.stale(staleMs)) {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(path, { force: true });
            continue;
        }
        if (Date.now() > deadline) {
            throw new Error(`${path} is held by ${holder.describe()}; if no Shardwise is running, remove it`);
        }
        await sleep(Math.min(500, 20 * 2 ** Math.min(attempt, 5)) * (0.5 + Math.random()));
    }
}
async function readLockOwner(path) {
    let owner = {};
    let ageMs = 0;
    try {
        ageMs = Date.now() - (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.stat)(path)).mtimeMs;
        owner = JSON.parse(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(path, 'utf8'));
    }
    catch {
        // Gone already, or being written: judged by its age alone.
    }
    const pid = typeof owner.pid === 'number' ? owner.pid : undefined;
    return {
        stale: (ms) => ageMs > ms ||
            (pid !== undefined && owner.host === (0,node_os__WEBPACK_IMPORTED_MODULE_0__.hostname)() && pid !== process.pid && !isAlive(pid)),
        describe: () => pid === undefined
            ? 'another run'
            : `process ${pid} on ${String(owner.host)} since ${String(owner.since)}`,
    };
}
/**
 * Temporary files of writes that never finished (`timings.json.<pid>.tmp` of a process killed
 * mid-write): removed once their process is gone, or after an hour whatever the pid says.
 */
async function removeStaleTemporaries(target) {
    const dir = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(target);
    const prefix = `${(0,node_path__WEBPACK_IMPORTED_MODULE_2__.basename)(target)}.`;
    let names;
    try {
        names = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readdir)(dir);
    }
    catch {
        return;
    }
    for (const name of names) {
        if (!name.startsWith(prefix))
            continue;
        const pid = /^(\d+)\.tmp$/.exec(name.slice(prefix.length))?.[1];
        if (pid === undefined || Number(pid) === process.pid)
            continue;
        const path = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, name);
        const old = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.stat)(path)
            .then((info) => Date.now() - info.mtimeMs > 60 * 60_000)
            .catch(() => false);
        if (old || !isAlive(Number(pid)))
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(path, { force: true }).catch(() => undefined);
    }
}
//# sourceMappingURL=store-file.js.map

/***/ }),

/***/ 115:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Px: () => (/* binding */ applyFallback),
/* harmony export */   m: () => (/* binding */ testCount),
/* harmony export */   tg: () => (/* binding */ fallbackItems),
/* harmony export */   yu: () => (/* binding */ combineResults)
/* harmony export */ });
/* unused harmony exports flakeRate, believeResult */
/* harmony import */ var _ids_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8628);
/* harmony import */ var _shard_result_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1970);


function isQuarantined(id, quarantine, today) {
    return quarantine.some((q) => q.until >= today && (q.id === id || id.startsWith(`${q.id}::`) || id.startsWith(`${q.id}[`)));
}
/** Flake rate from the outcome history a store keeps per test (`p`, `f`, `k` per run). */
function flakeRate(outcomes) {
    if (outcomes === undefined || outcomes.length === 0)
        return undefined;
    let flaky = 0;
    for (const c of outcomes)
        if (c === 'k')
            flaky++;
    return flaky / outcomes.length;
}
/** A test's verdict from its attempts alone (see `verdictOf`). */
function verdictOfAttempts(attempts) {
    return (0,_shard_result_js__WEBPACK_IMPORTED_MODULE_1__/* .verdictOf */ .Vj)(attempts.map((a) => a.status));
}
/** Calls `visit` with each id of the sorted list that starts with `prefix`. */
function withPrefix(sorted, prefix, visit) {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((sorted[mid] ?? '') < prefix)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (let i = lo; i < sorted.length; i++) {
        const id = sorted[i] ?? '';
        if (!id.startsWith(prefix))
            return;
        visit(id);
    }
}
/**
 * What combine believes of a shard result. The result was written where the pull request's
 * code ran, so nothing it says about itself counts on its own: every planned item is matched
 * against the test records (`covers`: a file by its tests, a test by itself, its parametrised
 * cases and nested scopes) or a failure of its file; each record's verdict is recomputed from
 * its attempts, never read; counts, missing items and the status are recomputed from the
 * records and the process facts (exit code, signal, whether it finished). The status the
 * result gives itself can only make it worse — `--fail-on-flaky` is a policy of the shard's
 * run, recorded nowhere else — never better.
 */
function believeResult(items, result, noTestsExitCode) {
    const ids = Object.keys(result.tests).sort();
    const present = new Set(ids);
    const planned = new Set();
    const answered = new Set();
    for (const item of items) {
        const visit = (id) => {
            if (!(0,_shard_result_js__WEBPACK_IMPORTED_MODULE_1__/* .covers */ .hU)(item, id))
                return;
            planned.add(id);
            answered.add(item);
        };
        if (present.has(item))
            visit(item);
        withPrefix(ids, `${item}::`, visit);
        if ((0,_ids_js__WEBPACK_IMPORTED_MODULE_0__/* .isTestId */ .Cw)(item))
            withPrefix(ids, `${item}[`, visit);
    }
    const counts = (0,_shard_result_js__WEBPACK_IMPORTED_MODULE_1__/* .emptyCounts */ .W1)();
    const records = [];
    for (const id of ids) {
        const claimed = result.tests[id];
        if (!planned.has(id) || claimed === undefined)
            continue;
        const verdict = verdictOfAttempts(claimed.attempts);
        counts[verdict] += claimed.cases ?? 1;
        records.push([
            id,
            {
                file: (0,_ids_js__WEBPACK_IMPORTED_MODULE_0__/* .fileOfId */ .Hy)(id),
                verdict,
                attempts: claimed.attempts.map((a) => ({ status: a.status, seconds: a.seconds })),
                ...(claimed.message !== undefined && verdict !== 'passed'
                    ? { message: claimed.message }
                    : {}),
                ...(claimed.cases !== undefined && claimed.cases > 1 ? { cases: claimed.cases } : {}),
            },
        ]);
    }
    const files = new Set(items.map(_ids_js__WEBPACK_IMPORTED_MODULE_0__/* .fileOfId */ .Hy));
    const fileFailures = result.fileFailures
        .filter((f) => files.has(f.file))
        .map((f) => ({ file: f.file, message: f.message }));
    const failedFiles = new Set(fileFailures.map((f) => f.file));
    const claimedMissing = new Set(result.missing);
    const missing = items.filter((item) => claimedMissing.has(item) || (!answered.has(item) && !failedFiles.has((0,_ids_js__WEBPACK_IMPORTED_MODULE_0__/* .fileOfId */ .Hy)(item))));
    const testsFailed = counts.failed > 0;
    const exit = result.exitCode;
    const noTestsRan = exit !== null &&
        exit === noTestsExitCode?.(result.runner) &&
        records.length > 0 &&
        records.every(([, r]) => r.verdict === 'skipped');
    // A death by signal is never explained by the tests; a non-zero exit code is, when a test
    // failed (and may then be excused by quarantine).
    const died = result.signal !== null
        ? `the runner was stopped by ${result.signal}`
        : exit === null && items.length > 0
            ? 'the runner reported no exit code'
            : undefined;
    const exitFailed = exit !== null && exit !== 0 && !noTestsRan;
    let status;
    if (!result.complete || result.status === 'incomplete')
        status = 'incomplete';
    else if (result.status === 'error')
        status = 'error';
    else if (testsFailed ||
        missing.length > 0 ||
        fileFailures.length > 0 ||
        died !== undefined ||
        exitFailed ||
        result.status === 'failed')
        status = 'failed';
    else
        status = items.length === 0 ? 'empty' : 'passed';
    const runnerError = died ??
        (exitFailed && !testsFailed && missing.length === 0 && fileFailures.length === 0
            ? `the runner exited with ${String(exit)} although no test failed`
            : undefined);
    return {
        result: {
            ...result,
            items: [...items],
            tests: Object.fromEntries(records),
            counts,
            missing,
            fileFailures,
            status,
            reason: result.reason ?? runnerError,
        },
        runnerError,
        unplannedTests: ids.filter((id) => !planned.has(id)),
        unplannedFiles: [
            ...new Set(result.fileFailures.filter((f) => !files.has(f.file)).map((f) => f.file)),
        ].sort(),
    };
}
/** A short list of untrusted ids for a message: at most five, each cut to 200 characters. */
function listIds(ids) {
    const shown = ids.slice(0, 5).map((id) => (id.length > 200 ? `${id.slice(0, 200)}…` : id));
    return `${shown.join(', ')}${ids.length > 5 ? ', …' : ''}`;
}
/**
 * Combines the shard results of one run. Contract: the verdict is `passed` only when every
 * planned shard reported complete, every planned item has a result exactly once, and no
 * un-quarantined test failed.
 */
function combineResults(input) {
    const { plan } = input;
    const problems = [];
    const today = input.now.slice(0, 10);
    // The newest attempt of each shard of this plan wins; results of other plans are named.
    const byShard = new Map();
    for (const sourced of input.results) {
        const { result } = sourced;
        if (result.planDigest !== input.planDigest) {
            problems.push({
                kind: 'foreign-result',
                message: `${sourced.source}: shard ${result.shard.index} result belongs to another plan (digest ${result.planDigest.slice(0, 12)}…); ignored`,
            });
            continue;
        }
        if (result.shard.index < 1 || result.shard.index > plan.shards.length) {
            problems.push({
                kind: 'foreign-result',
                message: `${sourced.source}: shard ${result.shard.index} is not in the plan; ignored`,
            });
            continue;
        }
        const list = byShard.get(result.shard.index) ?? [];
        list.push(sourced);
        byShard.set(result.shard.index, list);
    }
    const shards = [];
    const chosen = [];
    const sources = [];
    const unplanned = [];
    const unaccounted = [];
    for (const planned of plan.shards) {
        const candidates = (byShard.get(planned.index) ?? []).sort((a, b) => b.result.attempt - a.result.attempt || (a.source < b.source ? -1 : 1));
        const newest = candidates[0]?.result;
        if (!newest) {
            if (planned.items.length === 0) {
                shards.push(summary(planned.index, 'empty', undefined, 0, planned.predictedSeconds, undefined));
                continue;
            }
            problems.push({
                kind: 'missing-shard',
                message: `shard ${planned.index} reported no result (${planned.items.length} planned items)`,
            });
            unaccounted.push(...planned.items);
            shards.push(summary(planned.index, 'missing', undefined, 0, planned.predictedSeconds, 'no result'));
            continue;
        }
        if (candidates.length > 1 && candidates[1]?.result.attempt === newest.attempt) {
            problems.push({
                kind: 'duplicate-test',
                message: `shard ${planned.index} has two results for attempt ${newest.attempt} (${candidates[0]?.source}, ${candidates[1].source}); using the first`,
            });
        }
        if (!sameItems(newest.items, planned.items)) {
            problems.push({
                kind: 'plan-mismatch',
                message: `shard ${planned.index} ran ${newest.items.length} items, but the plan lists ${planned.items.length} different ones`,
            });
            unaccounted.push(...planned.items);
            shards.push(summary(planned.index, 'error', believeResult(planned.items, newest).result, candidates.length, planned.predictedSeconds, 'items differ from the plan'));
            continue;
        }
        const source = candidates[0]?.source ?? '';
        const belief = believeResult(planned.items, newest, input.noTestsExitCode);
        const believed = belief.result;
        if (belief.unplannedTests.length > 0)
            unplanned.push({ index: planned.index, source, ids: belief.unplannedTests });
        if (belief.unplannedFiles.length > 0) {
            problems.push({
                kind: 'foreign-result',
                message: `${source}: shard ${planned.index} reported failures of files the plan did not give it: ${listIds(belief.unplannedFiles)}; ignored`,
            });
        }
        chosen.push(believed);
        sources.push(source);
        const state = believed.status;
        const reason = believed.reason;
        if (state === 'incomplete') {
            problems.push({
                kind: 'incomplete-shard',
                message: `shard ${planned.index} did not finish: ${reason ?? 'incomplete'}`,
            });
        }
        unaccounted.push(...believed.missing);
        for (const failure of believed.fileFailures) {
            problems.push({
                kind: 'file-failure',
                message: `shard ${planned.index}: ${failure.file}: ${firstLine(failure.message)}`,
                file: failure.file,
            });
        }
        const runnerError = belief.runnerError ??
            (state === 'failed' &&
                believed.counts.failed === 0 &&
                believed.fileFailures.length === 0 &&
                believed.missing.length === 0
                ? reason
                : undefined);
        if (state === 'failed' && runnerError)
            problems.push({ kind: 'runner-error', message: `shard ${planned.index}: ${runnerError}` });
        shards.push(summary(planned.index, state, believed, candidates.length, planned.predictedSeconds, reason));
    }
    problems.push(...strayTests(plan, unplanned, chosen));
    const missingTests = [...new Set(unaccounted)].sort();
    const fromIncomplete = new Set(chosen.filter((r) => r.status === 'incomplete').flatMap((r) => r.missing));
    const explicitMissing = missingTests.filter((item) => !fromIncomplete.has(item) &&
        !plan.shards.some((s) => byShard.get(s.index) === undefined && s.items.includes(item)));
    if (explicitMissing.length > 0) {
        problems.push({
            kind: 'missing-test',
            message: `${explicitMissing.length} planned ${explicitMissing.length === 1 ? 'item has' : 'items have'} no result: ${explicitMissing.slice(0, 5).join(', ')}${explicitMissing.length > 5 ? ', …' : ''}`,
        });
    }
    // Every test once: the same id from two shards means a plan or runner bug, not a pass.
    const tests = [];
    const seen = new Map();
    for (const result of chosen) {
        for (const [id, record] of Object.entries(result.tests)) {
            const first = seen.get(id);
            if (first !== undefined) {
                problems.push({
                    kind: 'duplicate-test',
                    message: `${id} ran in shard ${first} and shard ${result.shard.index}`,
                });
                continue;
            }
            seen.set(id, result.shard.index);
            tests.push(toCombined(id, result.shard.index, record));
        }
    }
    tests.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const quarantined = tests.filter((t) => (t.verdict === 'failed' || t.verdict === 'flaky') &&
        isQuarantined(t.id, input.quarantine, today));
    const quarantinedIds = new Set(quarantined.map((t) => t.id));
    const failed = tests.filter((t) => t.verdict === 'failed' && !quarantinedIds.has(t.id));
    const flaky = tests
        .filter((t) => t.verdict === 'flaky')
        .map((t) => ({ id: t.id, source: 'run', rate: undefined }));
    const flakyIds = new Set(flaky.map((f) => f.id));
    if (input.history) {
        for (const [id, entry] of Object.entries(input.history.tests)) {
            const rate = flakeRate(entry.outcomes);
            if (rate !== undefined && rate >= input.flakyThreshold && rate > 0 && !flakyIds.has(id)) {
                flaky.push({ id, source: 'history', rate });
            }
        }
    }
    flaky.sort((a, b) => (a.id < b.id ? -1 : 1));
    const expiredQuarantine = input.quarantine.filter((q) => q.until < today);
    const counts = (0,_shard_result_js__WEBPACK_IMPORTED_MODULE_1__/* .emptyCounts */ .W1)();
    for (const test of tests)
        counts[test.verdict] += test.cases ?? 1;
    const wallSeconds = chosen.reduce((m, r) => Math.max(m, r.wallSeconds), 0);
    const serialSeconds = chosen.reduce((t, r) => t + r.wallSeconds, 0);
    const verdict = decide(problems, failed, chosen, quarantinedIds, new Set());
    return {
        verdict,
        shards,
        tests,
        failed,
        flaky,
        quarantined,
        expiredQuarantine,
        problems,
        unaccounted: missingTests,
        counts,
        wallSeconds,
        serialSeconds,
        results: chosen,
        sources,
    };
}
/**
 * Names the tests a shard reported that the plan did not give it. A test another shard owns
 * ran twice (a plan or runner bug: never a pass); any other is ignored.
 */
function strayTests(plan, unplanned, chosen) {
    const problems = [];
    const sorted = [...new Set(unplanned.flatMap((u) => u.ids))].sort();
    const present = new Set(sorted);
    const owner = new Map();
    for (const shard of plan.shards) {
        for (const item of shard.items) {
            const visit = (id) => {
                if ((0,_shard_result_js__WEBPACK_IMPORTED_MODULE_1__/* .covers */ .hU)(item, id) && !owner.has(id))
                    owner.set(id, shard.index);
            };
            if (present.has(item))
                visit(item);
            withPrefix(sorted, `${item}::`, visit);
            if ((0,_ids_js__WEBPACK_IMPORTED_MODULE_0__/* .isTestId */ .Cw)(item))
                withPrefix(sorted, `${item}[`, visit);
        }
    }
    const reported = new Map(chosen.map((r) => [r.shard.index, r.tests]));
    for (const { index, source, ids } of unplanned) {
        const foreign = [];
        for (const id of ids) {
            const home = owner.get(id);
            if (home === undefined) {
                foreign.push(id);
                continue;
            }
            const tests = reported.get(home);
            problems.push({
                kind: 'duplicate-test',
                message: tests !== undefined && Object.hasOwn(tests, id)
                    ? `${id} ran in shard ${home} and shard ${index}`
                    : `${id} ran in shard ${index}, but the plan gives it to shard ${home}`,
            });
        }
        if (foreign.length > 0) {
            problems.push({
                kind: 'foreign-result',
                message: `${source}: shard ${index} reported ${foreign.length} ${foreign.length === 1 ? 'test' : 'tests'} the plan did not give it: ${listIds(foreign)}; ignored`,
            });
        }
    }
    return problems;
}
/** Passed only with no blocking problem, no failed test, and every shard passed or explained. */
function decide(problems, failed, results, quarantined, rerun) {
    const blocking = problems.some((p) => p.kind !== 'foreign-result' && p.resolved !== true);
    const shardsOk = results.every((r) => r.status === 'passed' ||
        r.status === 'empty' ||
        rerun.has(r.shard.index) ||
        (r.status === 'failed' && failureQuarantined(r, quarantined)));
    return failed.length === 0 && !blocking && shardsOk ? 'passed' : 'failed';
}
/**
 * The items a serial fallback should run: the failed tests (or their files, where the runner
 * cannot select tests) and everything that went unrun. Everything here comes from the plan —
 * `combineResults` keeps no test the plan did not give a shard — and an id that would resolve
 * outside the repository is never run.
 */
function fallbackItems(combined, selectsTests) {
    const out = new Map();
    for (const test of combined.failed)
        out.set(selectsTests ? test.id : (0,_ids_js__WEBPACK_IMPORTED_MODULE_0__/* .fileOfId */ .Hy)(test.id), `failed in shard ${test.shard}`);
    for (const item of combined.unaccounted)
        if (!out.has(item))
            out.set(item, 'its shard reported no result for it');
    for (const problem of combined.problems) {
        if (problem.kind !== 'file-failure' || problem.file === undefined)
            continue;
        const shard = /^shard (\d+):/.exec(problem.message)?.[1] ?? '?';
        if (!out.has(problem.file))
            out.set(problem.file, `failed to run in shard ${shard}`);
    }
    return [...out]
        .filter(([id]) => !(0,_ids_js__WEBPACK_IMPORTED_MODULE_0__/* .isOutsideRoot */ .CW)(id))
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([id, why]) => ({ id, why }));
}
/**
 * Folds the serial fallback's result into the combined verdict: a test that failed in its
 * shard and passes on its own is flaky; tests of missing shards get their results; problems
 * whose items all ran in the fallback are marked resolved.
 */
function applyFallback(combined, fallback, quarantine, now, noTestsExitCode) {
    const today = now.slice(0, 10);
    // The fallback's result is untrusted too (it ran the pull request's code): it is believed
    // only for what a fallback of this run may run, and only as far as its records show.
    const allowed = new Set([...fallbackItems(combined, true), ...fallbackItems(combined, false)].map((i) => i.id));
    const ran = believeResult(fallback.items.filter((item) => allowed.has(item)), fallback, noTestsExitCode).result;
    const rerunTests = new Map(Object.entries(ran.tests));
    const tests = new Map(combined.tests.map((t) => [t.id, t]));
    for (const [id, record] of rerunTests) {
        const before = tests.get(id);
        const verdict = before === undefined
            ? record.verdict
            : before.verdict === 'failed'
                ? record.verdict === 'passed' || record.verdict === 'flaky'
                    ? 'flaky'
                    : 'failed'
                : before.verdict;
        tests.set(id, {
            id,
            shard: before?.shard ?? 0,
            verdict,
            seconds: before?.seconds ?? record.attempts[0]?.seconds,
            message: verdict === 'failed' ? (record.message ?? before?.message) : undefined,
        });
    }
    const all = [...tests.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const ids = all.map((t) => t.id);
    const stillUnaccounted = combined.unaccounted.filter((item) => ran.missing.includes(item) || !ids.some((id) => (0,_shard_result_js__WEBPACK_IMPORTED_MODULE_1__/* .covers */ .hU)(item, id)));
    const fallbackFiles = new Set(Object.values(ran.tests).map((t) => t.file));
    const problems = combined.problems.map((p) => {
        if (p.kind === 'missing-shard' || p.kind === 'incomplete-shard' || p.kind === 'missing-test') {
            return stillUnaccounted.length === 0 ? { ...p, resolved: true } : p;
        }
        if (p.kind === 'file-failure') {
            return p.file !== undefined && fallbackFiles.has(p.file) ? { ...p, resolved: true } : p;
        }
        return p;
    });
    const quarantinedList = all.filter((t) => (t.verdict === 'failed' || t.verdict === 'flaky') && isQuarantined(t.id, quarantine, today));
    const quarantinedIds = new Set(quarantinedList.map((t) => t.id));
    const failed = all.filter((t) => t.verdict === 'failed' && !quarantinedIds.has(t.id));
    const runFlaky = all
        .filter((t) => t.verdict === 'flaky')
        .map((t) => ({ id: t.id, source: 'run', rate: undefined }));
    const runFlakyIds = new Set(runFlaky.map((f) => f.id));
    const flaky = [
        ...runFlaky,
        ...combined.flaky.filter((f) => f.source === 'history' && !runFlakyIds.has(f.id)),
    ].sort((a, b) => (a.id < b.id ? -1 : 1));
    const counts = (0,_shard_result_js__WEBPACK_IMPORTED_MODULE_1__/* .emptyCounts */ .W1)();
    for (const test of all)
        counts[test.verdict] += test.cases ?? 1;
    const rerunShards = new Set(combined.shards.filter((s) => s.state !== 'passed' && s.state !== 'empty').map((s) => s.index));
    // The fallback excuses its shards only when it ran cleanly itself: complete, no file that
    // failed to load, no runner error of its own (exit code with every test passing).
    const fallbackOk = (ran.status === 'passed' || ran.status === 'failed') &&
        ran.fileFailures.length === 0 &&
        ran.reason === undefined;
    return {
        ...combined,
        tests: all,
        failed,
        flaky,
        quarantined: quarantinedList,
        problems,
        unaccounted: stillUnaccounted,
        counts,
        verdict: decide(problems, failed, combined.results, quarantinedIds, fallbackOk ? rerunShards : new Set()),
    };
}
/**
 * Whether a failed shard failed only because of quarantined tests. Any other cause — a file
 * that failed to run, a missing result, a runner error, a flaky test under --fail-on-flaky —
 * still fails the run.
 */
function failureQuarantined(result, quarantined) {
    if (result.fileFailures.length > 0 || result.missing.length > 0 || result.reason !== undefined)
        return false;
    const failing = Object.entries(result.tests).filter(([, t]) => t.verdict === 'failed');
    return failing.length > 0 && failing.every(([id]) => quarantined.has(id));
}
/** Tests a result reports, counting each test the runner reported under a shared id. */
function testCount(result) {
    let count = 0;
    for (const record of Object.values(result.tests))
        count += record.cases ?? 1;
    return count;
}
function toCombined(id, shard, record) {
    const first = record.attempts[0];
    return {
        id,
        shard,
        verdict: record.verdict,
        seconds: first?.seconds,
        message: record.message,
        ...(record.cases !== undefined && record.cases > 1 ? { cases: record.cases } : {}),
    };
}
function summary(index, state, result, attempts, predictedSeconds, reason) {
    return {
        index,
        state,
        attempt: result?.attempt,
        attempts,
        tests: result ? testCount(result) : 0,
        failed: result?.counts.failed ?? 0,
        flaky: result?.counts.flaky ?? 0,
        predictedSeconds,
        wallSeconds: result?.wallSeconds,
        setupSeconds: result?.setupSeconds,
        reason,
    };
}
function sameItems(a, b) {
    if (a.length !== b.length)
        return false;
    const sortedA = [...a].sort();
    const sortedB = [...b].sort();
    return sortedA.every((item, i) => item === sortedB[i]);
}
function firstLine(text) {
    return text.split('\n', 1)[0] ?? '';
}
//# sourceMappingURL=combine.js.map

/***/ }),

/***/ 4148:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  combineMode: () => (/* binding */ combineMode)
});

// UNUSED EXPORTS: readQuarantine, readResults

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./build/core/errors.js
var errors = __webpack_require__(2807);
// EXTERNAL MODULE: ./build/core/combine.js
var combine = __webpack_require__(115);
// EXTERNAL MODULE: ./build/core/contracts/schema.js
var schema = __webpack_require__(9687);
;// CONCATENATED MODULE: ./build/core/contracts/quarantine.js

/**
 * The quarantine list (`--quarantine`, `shardwise.quarantine.json`), written by the team:
 * `{"version": 1, "tests": [{"id", "until": "YYYY-MM-DD", "reason"}]}`. A quarantined test
 * that fails is reported without failing the build, until its date passes.
 */
const entrySchema = (0,schema/* object */.Ik)({
    /** A test id, or a file or scope whose tests it covers. */
    id: (0,schema/* text */.Qq)('a test id (non-empty text)', 1),
    /** Last day (YYYY-MM-DD, inclusive) the entry applies. */
    until: (0,schema/* matching */.wC)(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD (an expiry date keeps quarantine temporary)'),
    reason: (0,schema/* withDefault */.IQ)((0,schema/* text */.Qq)(), ''),
});
const quarantineSchema = (0,schema/* object */.Ik)({
    // Lists written before the version was asked for have none.
    version: (0,schema/* withDefault */.IQ)((0,schema/* literal */.eu)(1), 1),
    tests: (0,schema/* list */.p_)(entrySchema, 'a list of {"id", "until", "reason"}'),
}, 'an object, {"version": 1, "tests": [{"id", "until", "reason"}]}');
const quarantineContract = (0,schema/* contract */.dz)('Shardwise quarantine list', quarantineSchema);
const decodeQuarantine = quarantineContract.decode;
const encodeQuarantine = quarantineContract.encode;
//# sourceMappingURL=quarantine.js.map
// EXTERNAL MODULE: ./build/core/contracts/shard-result.js
var shard_result = __webpack_require__(8670);
// EXTERNAL MODULE: ./build/core/json.js
var json = __webpack_require__(8314);
;// CONCATENATED MODULE: ./build/core/report.js
/** GitHub's comment limit is 65,536 characters; leave room for the marker and a footer. */
const DEFAULT_BUDGET = 60_000;
const NAME_LIMIT = 200;
const MESSAGE_LIMIT = 300;
/**
 * A name as an inline code span: white space collapsed, length capped, a backtick fence longer
 * than any backtick run inside, and (in table cells) `|` escaped.
 */
function codeSpan(name, inTable = true) {
    let text = name.replace(/\s+/g, ' ').trim();
    if (text.length > NAME_LIMIT)
        text = `${text.slice(0, NAME_LIMIT - 1)}…`;
    let longest = 0;
    for (const run of text.match(/`+/g) ?? [])
        longest = Math.max(longest, run.length);
    const fence = '`'.repeat(longest + 1);
    const padded = text.startsWith('`') || text.endsWith('`') || text === '' ? ` ${text} ` : text;
    const body = inTable ? padded.replace(/\|/g, '\\|') : padded;
    return `${fence}${body}${fence}`;
}
function formatSeconds(seconds) {
    if (seconds === undefined || !Number.isFinite(seconds))
        return '–';
    if (seconds >= 3600)
        return `${(seconds / 3600).toFixed(2)} h`;
    if (seconds >= 120)
        return `${(seconds / 60).toFixed(1)} min`;
    return `${seconds.toFixed(1)} s`;
}
const STATE_ICON = {
    passed: '✅',
    empty: '➖',
    failed: '❌',
    incomplete: '⚠️',
    missing: '❓',
    error: '❌',
};
/**
 * The shard count to use next time: the fewest shards whose predicted wall time is within 10%
 * of the best any count could reach (which the longest test file bounds), with each shard's
 * start-up included.
 */
function suggestShardCount(totalSeconds, longestItemSeconds, setupSeconds, maxShards = 256) {
    const wall = (k) => Math.max(totalSeconds / k, longestItemSeconds) + setupSeconds;
    const best = wall(maxShards);
    for (let k = 1; k <= maxShards; k++) {
        if (wall(k) <= best * 1.1)
            return { shards: k, wallSeconds: wall(k), bestSeconds: best };
    }
    return { shards: maxShards, wallSeconds: best, bestSeconds: best };
}
function testsTable(tests, limit, withMessage) {
    const lines = [
        withMessage ? '| test | shard | message |' : '| test | shard | time |',
        '| --- | ---: | --- |',
    ];
    for (const test of tests.slice(0, limit)) {
        const detail = withMessage
            ? test.message === undefined
                ? ''
                : codeSpan(test.message.length > MESSAGE_LIMIT
                    ? `${test.message.slice(0, MESSAGE_LIMIT)}…`
                    : test.message)
            : formatSeconds(test.seconds);
        lines.push(`| ${codeSpan(test.id)} | ${test.shard} | ${detail} |`);
    }
    return lines;
}
function more(count, limit, hint) {
    return count > limit ? [`…and ${count - limit} more${hint ? ` (see ${hint})` : ''}.`] : [];
}
/**
 * What the run took, in sentences each checkable against the shard table and the shard
 * results: the longest shard (the wall time on CI with one job per shard) against its
 * prediction; one job's time, measured or labelled as estimated, and the speed-up over it; the
 * balance (the longest shard against the average shard); and a bound claim only where the
 * bound of the model fitted to this run is below every shard that ran.
 */
function timingSentences(input) {
    const { plan, time } = input;
    if (!time)
        return [];
    const out = [];
    const estimated = plan.timings.runs === 0 ? ', estimated without timing history' : '';
    out.push(`Longest shard **${formatSeconds(time.makespanSeconds)}** — the wall time with one job per shard (predicted ${formatSeconds(plan.predictedMakespanSeconds)}${estimated}).`);
    const allComplete = input.combined.shards.every((s) => s.state === 'passed' || s.state === 'failed' || s.state === 'empty');
    if (time.shards > 1 && allComplete) {
        out.push(time.serialBasis === 'measured'
            ? `One job took ${formatSeconds(time.serialSeconds)}: ${(time.serialSeconds / time.makespanSeconds).toFixed(2)}× the longest shard.`
            : `One job would take about ${formatSeconds(time.serialSeconds)} (estimated: this run's file costs plus one ${formatSeconds(time.overheadSeconds)} start-up), so ${time.shards} shards ran ${(time.serialSeconds / Math.max(time.makespanSeconds, 0.001)).toFixed(2)}× faster.`);
    }
    if (time.shards > 1) {
        const above = time.makespanSeconds / Math.max(time.meanShardSeconds, 0.001) - 1;
        out.push(`Balance: the longest shard is ${(above * 100).toFixed(0)}% above the average shard (${formatSeconds(time.meanShardSeconds)}); ${((1 / (1 + above)) * 100).toFixed(0)}% of the runner time paid for was used.`);
    }
    const shortest = input.combined.shards
        .filter((s) => s.wallSeconds !== undefined && s.state !== 'empty')
        .reduce((m, s) => Math.min(m, s.wallSeconds ?? Infinity), Infinity);
    if (time.shards > 1 && time.lowerBoundSeconds > 0 && shortest >= time.lowerBoundSeconds) {
        out.push(`No split of these files into ${time.shards} shards could finish below ${formatSeconds(time.lowerBoundSeconds)} (start-up plus the longest file or an equal share of the work, as measured in this run).`);
    }
    return out;
}
/** Renders the report with tables cut to `rows` each. */
function renderWithRows(input, rows) {
    const { combined, plan } = input;
    const out = [];
    if (input.marker)
        out.push(input.marker);
    const ok = combined.verdict === 'passed';
    const coverageFailed = input.coverage !== undefined && !input.coverage.passed;
    const c = combined.counts;
    out.push(`## ${ok && !coverageFailed ? '✅' : '❌'} Shardwise: tests ${ok ? 'passed' : 'failed'}${ok && coverageFailed ? ', coverage below the threshold' : ''}`);
    out.push('');
    // pytest's expected failures and unexpected passes are outcomes of their own.
    const expected = [
        ...(c.xfailed > 0 ? [`**${c.xfailed}** xfailed`] : []),
        ...(c.xpassed > 0 ? [`**${c.xpassed}** xpassed`] : []),
    ];
    out.push(`**${c.passed}** passed, **${combined.failed.length}** failed, **${c.flaky}** flaky, **${c.skipped}** skipped, ${expected.map((e) => `${e}, `).join('')}**${combined.quarantined.length}** quarantined in ${plan.shards.length} shards.`);
    const timing = timingSentences(input);
    if (timing.length > 0) {
        out.push('');
        out.push(timing.join(' '));
    }
    if (combined.problems.length > 0) {
        out.push('');
        out.push('### Problems');
        for (const problem of combined.problems.slice(0, rows))
            out.push(`- ${codeSpan(problem.message, false)}`);
        out.push(...more(combined.problems.length, rows, input.fullReportHint));
    }
    if (input.fallback) {
        out.push('');
        const f = input.fallback;
        out.push(f.skipped
            ? `> [!WARNING]\n> Serial fallback skipped: ${f.skipped}`
            : `> [!NOTE]\n> Serial fallback ran ${f.items.length} items again in one process: ${f.passed} passed, ${f.failed} failed.`);
        if (!f.skipped && f.items.length > 0) {
            out.push('');
            out.push('| item | why |', '| --- | --- |');
            for (const item of f.items.slice(0, rows))
                out.push(`| ${codeSpan(item.id)} | ${item.why} |`);
            out.push(...more(f.items.length, rows, input.fullReportHint));
        }
    }
    out.push('');
    out.push('### Shards');
    out.push('');
    out.push('| shard | status | tests | failed | flaky | predicted | actual | attempts |');
    out.push('| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const shard of combined.shards.slice(0, Math.max(rows, 32))) {
        out.push(`| ${shard.index} | ${STATE_ICON[shard.state] ?? ''} ${shard.state} | ${shard.tests} | ${shard.failed} | ${shard.flaky} | ${formatSeconds(shard.predictedSeconds)} | ${formatSeconds(shard.wallSeconds)} | ${shard.attempts} |`);
    }
    out.push(...more(combined.shards.length, Math.max(rows, 32), input.fullReportHint));
    const timed = combined.shards.filter((s) => s.wallSeconds !== undefined);
    if (timed.length > 0 && timed.length <= 64) {
        out.push('');
        out.push('```mermaid');
        out.push('gantt');
        out.push('  title Shard wall time (seconds)');
        out.push('  dateFormat X');
        out.push('  axisFormat %s');
        for (const shard of timed) {
            // Outside the files: process start-up and reporting, where the runner timed its files.
            const setup = Math.max(0, Math.round(input.time?.startupByShard[shard.index] ?? 0));
            const total = Math.max(1, Math.round(shard.wallSeconds ?? 0));
            out.push(`  section Shard ${shard.index}`);
            if (setup > 0 && setup < total)
                out.push(`  start-up :done, s${shard.index}a, 0, ${setup}`);
            const tag = shard.state === 'passed' ? '' : 'crit, ';
            out.push(`  tests :${tag}s${shard.index}b, ${setup < total ? setup : 0}, ${total}`);
        }
        out.push('```');
    }
    if (combined.failed.length > 0) {
        out.push('');
        out.push(`### Failed tests (${combined.failed.length})`);
        out.push('');
        out.push(...testsTable(combined.failed, rows, true));
        out.push(...more(combined.failed.length, rows, input.fullReportHint));
    }
    if (combined.flaky.length > 0) {
        out.push('');
        out.push(`### Flaky tests (${combined.flaky.length})`);
        out.push('');
        out.push('| test | seen |', '| --- | --- |');
        for (const f of combined.flaky.slice(0, rows)) {
            out.push(`| ${codeSpan(f.id)} | ${f.source === 'run' ? 'failed, then passed on retry in this run' : `flaky in ${((f.rate ?? 0) * 100).toFixed(0)}% of recent runs`} |`);
        }
        out.push(...more(combined.flaky.length, rows, input.fullReportHint));
    }
    if (combined.quarantined.length > 0 || combined.expiredQuarantine.length > 0) {
        out.push('');
        out.push(`### Quarantined (${combined.quarantined.length})`);
        out.push('');
        out.push('These failed or flaked but do not fail the build.');
        out.push('');
        out.push(...testsTable(combined.quarantined, rows, true));
        out.push(...more(combined.quarantined.length, rows, input.fullReportHint));
        if (combined.expiredQuarantine.length > 0) {
            out.push('');
            out.push(`Expired quarantine entries (they apply no more): ${combined.expiredQuarantine
                .slice(0, rows)
                .map((q) => `${codeSpan(q.id, false)} (until ${q.until})`)
                .join(', ')}`);
        }
    }
    const slowest = [...combined.tests]
        .filter((t) => t.seconds !== undefined)
        .sort((a, b) => (b.seconds ?? 0) - (a.seconds ?? 0) || (a.id < b.id ? -1 : 1));
    if (slowest.length > 0) {
        out.push('');
        out.push('### Slowest tests');
        out.push('');
        out.push(...testsTable(slowest, Math.min(10, rows), false));
    }
    if (input.coverage) {
        const cov = input.coverage;
        out.push('');
        out.push('### Coverage');
        out.push('');
        out.push(`${cov.passed ? '✅' : '❌'} **${cov.percent.toFixed(2)}%** of lines (${cov.linesHit}/${cov.linesFound}) across all shards${cov.threshold === undefined ? '' : `; threshold ${cov.threshold}%`}.`);
        if (cov.diff)
            out.push(`Changed lines covered: **${cov.diff.percent.toFixed(2)}%** (${cov.diff.hit}/${cov.diff.found}).`);
    }
    const notes = [];
    if (input.unknownItems > 0) {
        const named = (input.estimatedItems ?? []).slice(0, Math.min(rows, 20));
        notes.push(`${input.unknownItems} planned items had no timing history and were estimated; their times are recorded now${named.length > 0
            ? `: ${named.map((id) => codeSpan(id, false)).join(', ')}${input.unknownItems > named.length ? ', …' : ''}`
            : ''}.`);
    }
    const time = input.time;
    if (time && time.workSeconds > 0) {
        const suggestion = suggestShardCount(time.workSeconds / Math.max(0.5, time.workers), plan.granularity === 'file' ? time.longestFileSeconds : 0, time.overheadSeconds);
        notes.push(`Suggested shard count for next time: **${suggestion.shards}** (about ${formatSeconds(suggestion.wallSeconds)} per shard including ${formatSeconds(time.overheadSeconds)} start-up; more shards cannot get below ${formatSeconds(suggestion.bestSeconds)}).`);
    }
    if (notes.length > 0) {
        out.push('');
        for (const note of notes)
            out.push(note);
    }
    out.push('');
    out.push(`<sub>Shardwise · plan ${plan.shards.length} shards, ${plan.itemCount} items, ${plan.granularity} granularity</sub>`);
    return `${out.join('\n')}\n`;
}
/**
 * Renders the Markdown report within `budget` characters: tables are cut to fewer rows until it
 * fits; the verdict, the counts and the shard table always stay.
 */
function renderReportMarkdown(input, budget = DEFAULT_BUDGET) {
    for (const rows of [50, 25, 10, 5, 2, 0]) {
        const text = renderWithRows(input, rows);
        if (text.length <= budget)
            return text;
    }
    const text = renderWithRows(input, 0);
    const notice = `\n…report cut at ${budget} characters${input.fullReportHint ? `; see ${input.fullReportHint}` : ''}.\n`;
    return `${text.slice(0, budget - notice.length)}${notice}`;
}
/** The machine-readable report: everything, untruncated. */
function reportJson(input) {
    const { combined, plan } = input;
    return {
        version: 1,
        tool: 'shardwise',
        kind: 'report',
        verdict: combined.verdict,
        counts: combined.counts,
        wallSeconds: combined.wallSeconds,
        /** The sum of the shards' wall times (each paying its own start-up): runner time used. */
        shardSecondsTotal: combined.serialSeconds,
        time: input.time ?? null,
        lowerBoundSeconds: plan.lowerBoundSeconds,
        predictedMakespanSeconds: plan.predictedMakespanSeconds,
        shards: combined.shards,
        problems: combined.problems,
        failed: combined.failed,
        flaky: combined.flaky,
        quarantined: combined.quarantined,
        expiredQuarantine: combined.expiredQuarantine,
        unaccounted: combined.unaccounted,
        coverage: input.coverage ?? null,
        fallback: input.fallback ?? null,
        tests: combined.tests,
    };
}
//# sourceMappingURL=report.js.map
// EXTERNAL MODULE: ./build/core/store.js
var core_store = __webpack_require__(1363);
// EXTERNAL MODULE: ./build/adapters/json-file.js
var json_file = __webpack_require__(2698);
// EXTERNAL MODULE: ./build/adapters/output-file.js
var output_file = __webpack_require__(6527);
// EXTERNAL MODULE: ./build/adapters/store-file.js
var store_file = __webpack_require__(9263);
// EXTERNAL MODULE: ./build/adapters/runners/index.js + 12 modules
var runners = __webpack_require__(6833);
// EXTERNAL MODULE: ./build/adapters/plan-file.js
var plan_file = __webpack_require__(8601);
// EXTERNAL MODULE: ./build/modes/run.js
var run = __webpack_require__(9226);
;// CONCATENATED MODULE: ./build/modes/combine.js
















const RESULT_FILE = 'shard-result.json';
const MAX_RESULT_BYTES = 256 * 1024 * 1024;
const MAX_DEPTH = 6;
/** Finds every shard result under `dir` (regular files only; links are not followed). */
async function findResults(dir) {
    const found = [];
    const walk = async (current, depth) => {
        let entries;
        try {
            entries = await (0,promises_.readdir)(current, { withFileTypes: true });
        }
        catch (error) {
            if (depth === 0)
                throw new errors/* UsageError */.eb(`--results-dir ${dir}: cannot read it (${(0,errors/* describeError */.Uc)(error)})`);
            return;
        }
        for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
            const full = (0,external_node_path_.join)(current, entry.name);
            if (entry.isDirectory() && depth < MAX_DEPTH)
                await walk(full, depth + 1);
            else if (entry.isFile() && entry.name === RESULT_FILE)
                found.push(full);
        }
    };
    await walk(dir, 0);
    return found;
}
async function readResults(dir, log) {
    const results = [];
    for (const path of await findResults(dir)) {
        const source = (0,external_node_path_.relative)(dir, path) || path;
        try {
            const result = await (0,json_file/* readJsonFile */.J)('--results-dir', path, shard_result/* decodeShardResult */.y, {
                maxBytes: MAX_RESULT_BYTES,
            });
            results.push({ source, result });
        }
        catch (error) {
            // A result that cannot be used counts as missing: its shard's items fail, never pass.
            if (!(error instanceof json_file/* JsonFileError */.d))
                throw error;
            log.warning(error.problem === 'invalid'
                ? `${source}: ${error.detail}; ignored`
                : `${source}: unreadable shard result (${error.detail}); ignored`);
        }
    }
    return results;
}
/** Reads the quarantine list: `{"version":1,"tests":[{"id","until":"YYYY-MM-DD","reason"}]}`. */
async function readQuarantine(path, log) {
    if (path === undefined)
        return [];
    const { tests } = await (0,json_file/* readJsonFile */.J)('--quarantine', path, decodeQuarantine);
    if (tests.length > 0)
        log.info(`quarantine: ${tests.length} entries from ${path}`);
    return tests;
}
/** The "no tests ran" exit code of a runner named in an (untrusted) shard result. */
function noTestsExitCode(runner) {
    return Object.hasOwn(runners/* RUNNERS */.Ir, runner) ? runners/* RUNNERS */.Ir[runner].noTestsExitCode : undefined;
}
/**
 * Combines the shard results in a directory: verdict, serial fallback, coverage, timings for
 * next time and the report. It never executes anything it reads; the fallback runs the
 * user's own command, given on the command line.
 */
async function combineMode(options, deps) {
    const { log } = deps;
    const now = deps.now().toISOString();
    const results = await readResults(options.resultsDir, log);
    const quarantine = await readQuarantine(options.quarantinePath, log);
    const store = options.storePath === undefined ? undefined : await (0,store_file/* readStore */.uz)(options.storePath, log);
    let combined = (0,combine/* combineResults */.yu)({
        plan: options.plan,
        planDigest: options.planDigest,
        results,
        quarantine,
        history: store,
        now,
        flakyThreshold: options.flakyThreshold,
        noTestsExitCode,
    });
    let fallback;
    if (options.fallbackResultsDir !== undefined) {
        const ran = (await readResults(options.fallbackResultsDir, log)).sort((a, b) => b.result.attempt - a.result.attempt)[0];
        if (ran && combined.verdict === 'failed') {
            const items = (0,combine/* fallbackItems */.tg)(combined, ran.result.items.some((i) => i.includes('::')));
            combined = (0,combine/* applyFallback */.Px)(combined, ran.result, quarantine, now, noTestsExitCode);
            const why = new Map(items.map((i) => [i.id, i.why]));
            fallback = {
                items: ran.result.items.map((id) => ({ id, why: why.get(id) ?? 'failed or unrun' })),
                passed: ran.result.counts.passed,
                failed: ran.result.counts.failed,
                skipped: undefined,
            };
        }
    }
    else if (options.fallback === 'serial' && combined.verdict === 'failed') {
        if (options.command.length === 0)
            throw new errors/* UsageError */.eb('`--fallback serial` needs the test command after `--`.');
        const resolved = await (0,runners/* resolveRunner */.NE)(options.command, options.root, options.runner);
        const items = (0,combine/* fallbackItems */.tg)(combined, runners/* RUNNERS */.Ir[resolved.runner].selectsTests);
        if (items.length === 0) {
            fallback = undefined;
        }
        else if (items.length > options.fallbackMaxItems) {
            fallback = {
                items,
                passed: 0,
                failed: 0,
                skipped: `${items.length} items failed or went unrun, more than the ${options.fallbackMaxItems} a serial re-run takes: this looks systemic, not flaky`,
            };
            log.warning(fallback.skipped ?? '');
        }
        else {
            log.info(`serial fallback: running ${items.length} items again in one process`);
            const plan = {
                ...options.plan,
                shards: [{ index: 1, items: items.map((i) => i.id), predictedSeconds: 0 }],
            };
            const outcome = await (0,run.runMode)({
                plan,
                planDigest: (0,plan_file.planDigest)(plan),
                shardIndex: 1,
                command: options.command,
                runner: resolved.runner,
                retries: 0,
                repeat: 1,
                failOnFlaky: false,
                timeoutSeconds: undefined,
                // Beside, not inside, the results: a later combine must not take it for a shard.
                resultsDir: await (0,promises_.mkdtemp)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'shardwise-fallback-')),
                junitGlobs: [],
                coverageGlobs: [],
                root: options.root,
                attempt: 1,
                env: options.env,
                ...(options.signal ? { signal: options.signal } : {}),
            }, {
                log,
                stdout: deps.out,
                stderr: deps.err,
                ...(deps.ready ? { ready: deps.ready } : {}),
                now: deps.now,
            });
            combined = (0,combine/* applyFallback */.Px)(combined, outcome.result, quarantine, now, noTestsExitCode);
            fallback = {
                items,
                passed: outcome.result.counts.passed,
                failed: outcome.result.counts.failed,
                skipped: undefined,
            };
        }
    }
    const coverage = options.coverage
        ? await options.coverage(combined.results.map((r, i) => {
            const source = combined.sources[i] ?? '';
            return {
                dir: (0,external_node_path_.join)(options.resultsDir, (0,external_node_path_.dirname)(source)),
                workspace: r.workspace,
                files: r.artifacts.coverage,
            };
        }))
        : undefined;
    if (options.storePath !== undefined) {
        const measured = (0,core_store/* measureRun */.uw)(combined.results, (0,core_store/* storeCostModel */.Qp)(store) ?? options.plan.costModel);
        if (measured.tests.size + measured.files.size + measured.outcomes.size > 0) {
            // Merged into the store as it is when we write (another run may have saved meanwhile);
            // a store that cannot be written is a warning, and the report follows regardless.
            const saved = await (0,store_file/* updateStore */.fF)(options.storePath, (current) => (0,core_store/* mergeRun */.CU)(current ?? (0,core_store/* emptyStore */.VL)(now), measured, now), log);
            if (saved)
                log.info(`timings: ${measured.tests.size} tests from ${combined.results.filter((r) => r.complete).length} complete shards merged into ${options.storePath}`);
        }
    }
    const input = {
        combined,
        plan: options.plan,
        time: (0,core_store/* runTime */.Ft)(combined.results, (0,core_store/* storeCostModel */.Qp)(store) ?? options.plan.costModel),
        coverage,
        fallback,
        unknownItems: options.plan.unknownItems,
        estimatedItems: Array.isArray(options.plan.estimatedItems) ? options.plan.estimatedItems : [],
        ...(options.reportJson ? { fullReportHint: options.reportHint ?? options.reportJson } : {}),
    };
    const markdown = renderReportMarkdown(input);
    if (options.reportMarkdown !== undefined)
        await (0,output_file/* writeOutputFile */.B)('--report-md', options.reportMarkdown, markdown);
    if (options.reportJson !== undefined)
        await (0,output_file/* writeOutputFile */.B)('--report-json', options.reportJson, `${(0,json/* stableStringify */.J)(reportJson(input), 2)}\n`);
    const coverageFailed = coverage !== undefined && !coverage.passed;
    const exitCode = combined.verdict === 'passed' && !coverageFailed ? 0 : 1;
    return { combined, markdown, exitCode, coverage, time: input.time };
}
//# sourceMappingURL=combine.js.map

/***/ })

};
