import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 9896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 3339:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("module");

/***/ }),

/***/ 1421:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 8474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 1455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 8161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 6193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:string_decoder");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 6928:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");

/***/ }),

/***/ 7016:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("url");

/***/ }),

/***/ 4707:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   b: () => (/* binding */ stderrLog)
/* harmony export */ });
function stderrLog(stream = process.stderr) {
    return {
        info: (m) => void stream.write(`${m}\n`),
        warning: (m) => void stream.write(`warning: ${m}\n`),
        notice: (m) => void stream.write(`notice: ${m}\n`),
    };
}
//# sourceMappingURL=log.js.map

/***/ }),

/***/ 6527:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ writeOutputFile)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(1455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(6760);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(2807);




const MAX_LINKS = 40;
/** `/dev/stdout`, `/dev/fd/3`, `/proc/self/fd/1`: names of open files, not places to rename to. */
function isDescriptorPath(path) {
    return /^\/(?:dev\/(?:stdin|stdout|stderr|fd\/\d+)|proc\/[^/]+\/fd\/\d+)$/.test(path);
}
/** The descriptor of this process a path names (`/dev/stdout` → 1), if it names one. */
function ownDescriptor(path) {
    const named = { '/dev/stdin': 0, '/dev/stdout': 1, '/dev/stderr': 2 }[path];
    if (named !== undefined)
        return named;
    const match = /^\/(?:dev\/fd|proc\/(?:self|thread-self|(\d+))\/fd)\/(\d+)$/.exec(path);
    if (!match || (match[1] !== undefined && Number(match[1]) !== process.pid))
        return undefined;
    return Number(match[2]);
}
/** Writes all of `text` to an open descriptor, which stays open. */
async function writeToDescriptor(fd, text) {
    const data = Buffer.from(text);
    for (let done = 0; done < data.length;) {
        done += await new Promise((resolve, reject) => (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.write)(fd, data, done, data.length - done, null, (error, written) => error ? reject(error) : resolve(written)));
    }
}
/**
 * Follows `path` to what a write would really change: through symbolic links (to their final
 * target, which may not exist yet), and to a stream for devices and FIFOs.
 */
async function destination(flag, path) {
    let current = path;
    for (let hop = 0; hop <= MAX_LINKS; hop++) {
        if (isDescriptorPath(current))
            return { kind: 'stream', path, descriptor: ownDescriptor(current) };
        let info;
        try {
            info = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.lstat)(current);
        }
        catch (error) {
            if (error.code === 'ENOENT')
                return { kind: 'file', path: current, mode: undefined };
            throw error;
        }
        if (info.isSymbolicLink()) {
            const target = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readlink)(current);
            current = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.isAbsolute)(target) ? target : (0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(current), target);
            continue;
        }
        if (info.isFile())
            return { kind: 'file', path: current, mode: info.mode & 0o7777 };
        if (info.isCharacterDevice() || info.isFIFO())
            return { kind: 'stream', path };
        const what = info.isDirectory()
            ? 'a directory'
            : info.isBlockDevice()
                ? 'a block device'
                : info.isSocket()
                    ? 'a socket'
                    : 'not a regular file';
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .eb(`${flag} ${path}: ${current} is ${what}; give a file path`);
    }
    throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .eb(`${flag} ${path}: more than ${MAX_LINKS} symbolic links in a row (a loop?)`);
}
/**
 * Writes a file the user asked for (`--output`, `--store`, `--report-md`…). A regular file
 * is replaced through a temporary file and a rename, so that a reader never sees half a file
 * and an interrupted write leaves the old one; it keeps its permissions. A symbolic link is
 * written through to its target (the link stays). A device, FIFO or `/dev/stdout`-like path
 * is written to in place, never replaced. A path that cannot be written is the user's to
 * fix: a `UsageError` naming the flag, and no temporary file left behind.
 */
async function writeOutputFile(flag, path, text) {
    let target;
    try {
        target = await destination(flag, path);
    }
    catch (error) {
        if (error instanceof _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .eb)
            throw error;
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .eb(`${flag} ${path}: cannot write it (${(0,_core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .describeError */ .Uc)(error)})`);
    }
    if (target.kind === 'stream') {
        try {
            // Append: for /dev/stdout redirected to a file, truncating would wipe what came before.
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.writeFile)(target.path, text, { flag: node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_WRONLY | node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_APPEND });
        }
        catch (error) {
            // A socket (how Node and some CI agents connect a child's stdout) cannot be opened by
            // name; one of our own descriptors can still be written to.
            if (error.code === 'ENXIO' && target.descriptor !== undefined) {
                try {
                    await writeToDescriptor(target.descriptor, text);
                    return;
                }
                catch {
                    // Fall through to the first error, which names the path.
                }
            }
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .eb(`${flag} ${path}: cannot write it (${(0,_core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .describeError */ .Uc)(error)})`);
        }
        return;
    }
    const temporary = `${target.path}.${process.pid}.tmp`;
    try {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(target.path), { recursive: true });
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.writeFile)(temporary, text);
        if (target.mode !== undefined)
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.chmod)(temporary, target.mode);
        // Checked again just before the rename: what is there now is what gets replaced.
        const now = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.stat)(target.path).catch(() => undefined);
        if (now !== undefined && !now.isFile())
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .eb(`${flag} ${path}: ${target.path} is no longer a regular file`);
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rename)(temporary, target.path);
    }
    catch (error) {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(temporary, { force: true }).catch(() => undefined);
        if (error instanceof _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .eb)
            throw error;
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .eb(`${flag} ${path}: cannot write it (${(0,_core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .describeError */ .Uc)(error)})`);
    }
}
//# sourceMappingURL=output-file.js.map

/***/ }),

/***/ 5032:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   k: () => (/* binding */ RUNNER_NAMES)
/* harmony export */ });
const RUNNER_NAMES = [
    'jest',
    'vitest',
    'playwright',
    'mocha',
    'node',
    'pytest',
    'go',
    'generic',
];
//# sourceMappingURL=types.js.map

/***/ }),

/***/ 3365:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  I: () => (/* binding */ loadTimings),
  b: () => (/* binding */ streamJunit)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __nccwpck_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __nccwpck_require__(7975);
// EXTERNAL MODULE: ./build/core/errors.js
var errors = __nccwpck_require__(2807);
// EXTERNAL MODULE: ./build/core/formats/junit.js
var junit = __nccwpck_require__(8821);
// EXTERNAL MODULE: ./build/core/duration.js
var duration = __nccwpck_require__(1420);
// EXTERNAL MODULE: ./build/core/ids.js
var ids = __nccwpck_require__(8628);
// EXTERNAL MODULE: ./build/core/store.js
var store = __nccwpck_require__(1363);
// EXTERNAL MODULE: ./build/core/formats/run-builder.js
var run_builder = __nccwpck_require__(1626);
;// CONCATENATED MODULE: ./build/core/formats/text-formats.js




/**
 * Parsers for the timing formats that are small enough to read whole: every JSON format and
 * the line-based logs. JUnit XML streams instead (see junit.ts). Each parser validates every
 * entry, keeps the good ones and says what it dropped; it throws `TimingsFormatError` only
 * when the file as a whole is not of its format.
 */
class TimingsFormatError extends Error {
    name = 'TimingsFormatError';
}
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function finish(format, builders, extra = []) {
    const runs = builders.filter((b) => b.size > 0).map((b) => b.build());
    return { format, runs, warnings: [...builders.flatMap((b) => b.warnings()), ...extra] };
}
/** pytest-split `.test_durations` and Knapsack reports: `{ "<id>": seconds }`. */
function parseFlatMap(source, data, options, keys = Object.keys(data)) {
    const format = keys.some((k) => k.includes('::')) ? 'pytest-split' : 'knapsack';
    const builder = new run_builder/* RunBuilder */.r(source, format, options);
    for (const id of keys)
        builder.add(id, data[id]);
    return finish(format, [builder]);
}
/**
 * A reader of `{ "key": number, … }` in JSON's own grammar, by character codes: it allocates
 * nothing per character and no match objects, which on a million entries is most of the cost.
 * Each `read…` returns the position after what it read, or -1 where the text is anything else.
 */
class FlatMapScanner {
    text;
    constructor(text) {
        this.text = text;
    }
    /** JSON's white space only (space, tab, line feed, carriage return), not all of `\s`. */
    skipSpace(at) {
        let c = this.text.charCodeAt(at);
        while (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09)
            c = this.text.charCodeAt(++at);
        return at;
    }
    /** A string, quotes included: no raw control character, only JSON's escapes. */
    readString(at) {
        const text = this.text;
        if (text.charCodeAt(at) !== 0x22)
            return -1;
        for (let i = at + 1;;) {
            const c = text.charCodeAt(i);
            if (c === 0x22)
                return i + 1;
            if (!(c >= 0x20))
                return -1; // a control character, or the end of the text
            if (c !== 0x5c) {
                i++;
                continue;
            }
            const escaped = text.charCodeAt(i + 1);
            if (escaped === 0x75) {
                if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6)))
                    return -1;
                i += 6;
            }
            else if ('"\\/bfnrt'.includes(String.fromCharCode(escaped)))
                i += 2;
            else
                return -1;
        }
    }
    /** A number: `-`? (`0` | [1-9][0-9]*) (`.` [0-9]+)? ([eE] [+-]? [0-9]+)?. */
    readNumber(at) {
        const text = this.text;
        const digits = (from) => {
            let i = from;
            while (text.charCodeAt(i) >= 0x30 && text.charCodeAt(i) <= 0x39)
                i++;
            return i;
        };
        let i = text.charCodeAt(at) === 0x2d ? at + 1 : at;
        if (text.charCodeAt(i) === 0x30)
            i++;
        else if (text.charCodeAt(i) >= 0x31 && text.charCodeAt(i) <= 0x39)
            i = digits(i + 1);
        else
            return -1;
        if (text.charCodeAt(i) === 0x2e) {
            const end = digits(i + 1);
            if (end === i + 1)
                return -1;
            i = end;
        }
        if (text.charCodeAt(i) === 0x65 || text.charCodeAt(i) === 0x45) {
            const sign = text.charCodeAt(i + 1) === 0x2b || text.charCodeAt(i + 1) === 0x2d ? 1 : 0;
            const end = digits(i + 1 + sign);
            if (end === i + 1 + sign)
                return -1;
            i = end;
        }
        return i;
    }
    /**
     * The value of the number between `start` and `end` (as `readNumber` found it). Plain
     * decimals of up to 15 digits — every duration written by a timing tool — are computed
     * from their digits without a string per number: the integer of the digits divided by a
     * power of ten is exact on both sides, so the one rounding of the division gives the same
     * double `Number()` gives. Anything else goes through `Number()`.
     */
    numberAt(start, end) {
        const text = this.text;
        const negative = text.charCodeAt(start) === 0x2d;
        let digits = 0;
        let scale = 1;
        let count = 0;
        let fraction = false;
        for (let i = negative ? start + 1 : start; i < end; i++) {
            const c = text.charCodeAt(i);
            if (c === 0x2e) {
                fraction = true;
                continue;
            }
            if (c < 0x30 || c > 0x39)
                return Number(text.slice(start, end)); // an exponent
            digits = digits * 10 + (c - 0x30);
            if (fraction)
                scale *= 10;
            if (++count > 15)
                return Number(text.slice(start, end));
        }
        const value = digits / scale;
        return negative ? -value : value;
    }
}
/**
 * Reads a JSON object whose every value is a number — pytest-split and Knapsack files, up to
 * millions of ids — without building the object: `JSON.parse` would spend more time and memory
 * on a million-key object than planning spends on everything else. The result is what
 * `parseFlatMap` gives for `JSON.parse(text)`. `undefined` for any other text (another format,
 * a value that is not a number, a key given twice, bad JSON): parse it as JSON then.
 */
function parseFlatMapText(source, text, options) {
    const entries = scanFlatMap(text);
    if (!entries)
        return undefined;
    const { keys, values } = entries;
    // A Shardwise store of numbers only is not a flat map, but a broken store.
    if (keys.includes('version') && (keys.includes('files') || keys.includes('tests')))
        return undefined;
    // JSON objects list keys like "12" first, in numeric order; so that the ids arrive in the
    // same order, such rare files take the JSON path.
    if (keys.some(isIndexKey))
        return undefined;
    const format = keys.some((k) => k.includes('::')) ? 'pytest-split' : 'knapsack';
    const builder = new run_builder/* RunBuilder */.r(source, format, options);
    addAll(builder, keys, values);
    // A key given twice is one key to JSON (the last value wins) but two entries here; and ids
    // that meet only once normalised are summed in the order JSON gives them. Both are rare:
    // leave them to `parseFlatMap`.
    if (builder.distinctIds !== keys.length)
        return undefined;
    return finish(format, [builder]);
}
function addAll(builder, keys, values) {
    for (let i = 0; i < keys.length; i++)
        builder.add(keys[i] ?? '', values[i]);
}
/** The keys and values of a `{ "key": number, … }` text, or `undefined` for any other text. */
function scanFlatMap(text) {
    const scanner = new FlatMapScanner(text);
    let at = scanner.skipSpace(0);
    if (text.charCodeAt(at) !== 0x7b)
        return undefined;
    const keys = [];
    const values = [];
    // The quoted keys are decoded (escapes and all) a batch at a time as a JSON list of strings:
    // each becomes a string of its own rather than a slice of the text, which would keep the
    // whole file alive and compare slowly when the ids are sorted.
    let quoted = [];
    const decode = () => {
        for (const key of JSON.parse(`[${quoted.join(',')}]`))
            keys.push(key);
        quoted = [];
    };
    for (;;) {
        const keyStart = scanner.skipSpace(at + 1);
        const keyEnd = scanner.readString(keyStart);
        if (keyEnd < 0)
            return undefined;
        const colon = scanner.skipSpace(keyEnd);
        if (text.charCodeAt(colon) !== 0x3a)
            return undefined;
        const numberStart = scanner.skipSpace(colon + 1);
        const numberEnd = scanner.readNumber(numberStart);
        if (numberEnd < 0)
            return undefined;
        quoted.push(text.slice(keyStart, keyEnd));
        values.push(scanner.numberAt(numberStart, numberEnd));
        if (quoted.length === 1 << 16)
            decode();
        at = scanner.skipSpace(numberEnd);
        const next = text.charCodeAt(at);
        if (next === 0x7d)
            break;
        if (next !== 0x2c)
            return undefined;
    }
    decode();
    if (scanner.skipSpace(at + 1) !== text.length)
        return undefined;
    return { keys, values };
}
/** Whether JSON would order the key as an array index ("0" to "4294967294"). */
function isIndexKey(key) {
    const first = key.charCodeAt(0);
    return first >= 48 && first <= 57 && /^(?:0|[1-9]\d{0,9})$/.test(key) && Number(key) < 2 ** 32 - 1;
}
/**
 * cypress-split `{ "durations": [{ "spec", "duration" (ms) }] }`. A spec listed twice is two
 * observations of it (the file accumulates entries across runs), not one longer spec.
 */
function parseCypressSplit(source, data, options) {
    const entries = data.durations;
    if (!Array.isArray(entries))
        throw new TimingsFormatError(`${source}: "durations" is not an array`);
    const builders = [];
    // The n-th entry of a spec goes to the n-th run: counted, not searched for, so a file that
    // lists one spec 40,000 times parses in linear time.
    const seen = new Map();
    const normalized = new Map();
    const malformed = [];
    entries.forEach((entry, index) => {
        if (!isObject(entry) || typeof entry.spec !== 'string' || typeof entry.duration !== 'number') {
            malformed.push(index);
            return;
        }
        let id = normalized.get(entry.spec);
        if (id === undefined) {
            id = (0,ids/* normalizeFileId */.Xo)(entry.spec, options);
            normalized.set(entry.spec, id);
        }
        const occurrence = seen.get(id) ?? 0;
        seen.set(id, occurrence + 1);
        let builder = builders[occurrence];
        if (!builder) {
            builder = new run_builder/* RunBuilder */.r(source, 'cypress-split', options);
            builders.push(builder);
        }
        builder.addNormalized(id, entry.duration / 1000);
    });
    const extra = malformed.length > 0
        ? [
            `${source}: ${malformed.length} entries of "durations" lack a string "spec" and a number "duration" (first at index ${malformed[0]})`,
        ]
        : [];
    return finish('cypress-split', builders, extra);
}
/** Jest `--json` output: per-file run time and per-test durations (ms). */
function parseJestJson(source, data, options) {
    const results = data.testResults;
    if (!Array.isArray(results))
        throw new TimingsFormatError(`${source}: "testResults" is not an array`);
    const builder = new run_builder/* RunBuilder */.r(source, 'jest-json', options);
    let malformed = 0;
    for (const result of results) {
        if (!isObject(result) || typeof result.name !== 'string') {
            malformed++;
            continue;
        }
        const file = (0,ids/* normalizeFileId */.Xo)(result.name, options);
        const perf = isObject(result.perfStats) ? result.perfStats : undefined;
        const runtimeMs = typeof perf?.runtime === 'number'
            ? perf.runtime
            : typeof result.endTime === 'number' && typeof result.startTime === 'number'
                ? result.endTime - result.startTime
                : undefined;
        if (runtimeMs !== undefined)
            builder.addNormalized(file, runtimeMs / 1000);
        const assertions = Array.isArray(result.assertionResults)
            ? result.assertionResults
            : [];
        for (const assertion of assertions) {
            if (!isObject(assertion) || typeof assertion.title !== 'string') {
                malformed++;
                continue;
            }
            const scopes = Array.isArray(assertion.ancestorTitles)
                ? assertion.ancestorTitles.filter((t) => typeof t === 'string')
                : [];
            const id = (0,ids/* joinTestId */.e0)(file, scopes, assertion.title);
            const ran = assertion.status === 'passed' || assertion.status === 'failed';
            if (ran && typeof assertion.duration === 'number') {
                builder.addNormalized(id, assertion.duration / 1000);
            }
            else {
                builder.addUntimed(id);
            }
        }
    }
    const extra = malformed > 0 ? [`${source}: ${malformed} malformed test results ignored`] : [];
    return finish('jest-json', [builder], extra);
}
/** Shardwise's own timings store. See `store.ts` for the shape. */
function parseStoreJson(source, data, options) {
    if (data.version !== 1) {
        throw new TimingsFormatError(`${source}: timings store version ${JSON.stringify(data.version)} is not supported (this Shardwise reads version 1)`);
    }
    const builder = new run_builder/* RunBuilder */.r(source, 'shardwise', options);
    for (const key of ['files', 'tests']) {
        const section = data[key];
        if (section === undefined)
            continue;
        if (!isObject(section))
            throw new TimingsFormatError(`${source}: "${key}" is not an object`);
        for (const [id, entry] of Object.entries(section)) {
            const seconds = isObject(entry) ? entry.seconds : undefined;
            // The store keeps a test's outcome history even when it ran in no measurable time: that
            // is a known test of unknown cost, not a bad entry to warn about on every run.
            if (seconds === 0)
                builder.addUntimed((0,ids/* normalizeId */.XB)(id, options));
            else
                builder.add(id, seconds);
        }
    }
    const parsed = finish('shardwise', [builder]);
    const costModel = (0,store/* storeCostModel */.Qp)((0,store/* storeFromJson */.Km)(data));
    if (costModel === undefined)
        return parsed;
    return { ...parsed, runs: parsed.runs.map((run) => ({ ...run, costModel })) };
}
/** parallel_tests runtime logs: one `path:seconds` per line (split on the last colon). */
function parseParallelTestsLog(source, text, options) {
    const builder = new run_builder/* RunBuilder */.r(source, 'parallel-tests', options);
    const bad = [];
    text.split(/\r?\n/).forEach((line, index) => {
        if (line.trim() === '')
            return;
        const colon = line.lastIndexOf(':');
        // parseSeconds, not Number(): `0x10`, `0b11` and `Infinity` are not seconds.
        const seconds = colon > 0 ? (0,duration/* parseSeconds */.fL)(line.slice(colon + 1)) : undefined;
        if (seconds === undefined) {
            bad.push(index + 1);
            return;
        }
        builder.addNormalized((0,ids/* normalizeFileId */.Xo)(line.slice(0, colon), options), seconds);
    });
    if (builder.size === 0 && bad.length > 0) {
        throw new TimingsFormatError(`${source}: no line has the form "path:seconds" (line ${bad[0]})`);
    }
    const extra = bad.length > 0
        ? [
            `${source}: ${bad.length} lines are not "path:seconds" and were ignored (first: line ${bad[0]})`,
        ]
        : [];
    return finish('parallel-tests', [builder], extra);
}
/**
 * `go test -json` event streams. Items are packages (what `go list ./...` prints); tests are
 * top-level `Test…` functions, since a subtest's time is inside its parent's.
 */
function parseGoTestJson(source, text) {
    const builder = new run_builder/* RunBuilder */.r(source, 'go-test-json');
    let events = 0;
    let notJson = 0;
    for (const line of text.split(/\r?\n/)) {
        if (line.trim() === '')
            continue;
        let event;
        try {
            event = JSON.parse(line);
        }
        catch {
            notJson++;
            continue;
        }
        if (!isObject(event) || typeof event.Action !== 'string' || typeof event.Package !== 'string') {
            notJson++;
            continue;
        }
        events++;
        const test = typeof event.Test === 'string' ? event.Test : undefined;
        if (event.Action === 'skip' && test !== undefined && !test.includes('/')) {
            builder.addUntimed((0,ids/* joinTestId */.e0)(event.Package, [], test));
            continue;
        }
        if (event.Action !== 'pass' && event.Action !== 'fail')
            continue;
        const elapsed = event.Elapsed;
        if (test !== undefined) {
            if (test.includes('/'))
                continue;
            builder.addNormalized((0,ids/* joinTestId */.e0)(event.Package, [], test), elapsed);
        }
        else {
            builder.addNormalized(event.Package, elapsed);
        }
    }
    if (events === 0)
        throw new TimingsFormatError(`${source}: no "go test -json" events found`);
    const extra = notJson > 0 ? [`${source}: ${notJson} lines are not go test events and were ignored`] : [];
    return finish('go-test-json', [builder], extra);
}
//# sourceMappingURL=text-formats.js.map
;// CONCATENATED MODULE: ./build/core/formats/detect.js


const SUPPORTED_FORMATS = 'Shardwise timings, JUnit XML, pytest-split .test_durations, Knapsack JSON, parallel_tests runtime log, cypress-split JSON, Jest --json, go test -json';
/** Tells XML from JSON from line logs by the first non-blank characters of a file. */
function detectSyntax(head) {
    // The first character that is neither white space nor a byte-order mark (`\s` covers both),
    // found without copying what may be the whole file.
    const first = /\S/.exec(head)?.[0];
    if (first === '<')
        return 'xml';
    if (first === '{' || first === '[')
        return 'json';
    return 'lines';
}
function detect_isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/**
 * A flat map holds numbers; a few other values (a nested object in a poisoned cache) are bad
 * entries to count and drop, not a reason to lose the good ones. So: more than half numbers,
 * or nothing but numbers, nulls and strings. Decided as soon as the count allows.
 */
function isFlatMap(data, keys) {
    let numbers = 0;
    let scalars = 0;
    for (const key of keys) {
        const value = data[key];
        if (typeof value === 'number') {
            if (++numbers * 2 > keys.length)
                return true;
        }
        else if (value === null || typeof value === 'string')
            scalars++;
    }
    return keys.length > 0 && numbers + scalars === keys.length;
}
/**
 * Parses a timings file read whole, whatever its format. Throws `TimingsFormatError` naming the
 * file when the content is of no supported format.
 */
function parseTimingsText(source, raw, options = {}) {
    const text = raw.replace(/^\uFEFF/, '');
    if (!/\S/.test(text))
        throw new TimingsFormatError(`${source}: the file is empty`);
    const syntax = detectSyntax(text);
    if (syntax === 'xml') {
        const summary = (0,junit/* parseJunit */.kJ)(source, text, options);
        return {
            format: 'junit',
            runs: summary.run.files.size + summary.run.tests.size + summary.run.untimed.size > 0
                ? [summary.run]
                : [],
            warnings: summary.warnings,
        };
    }
    if (syntax === 'json') {
        const flat = parseFlatMapText(source, text, options);
        if (flat)
            return flat;
        let data;
        try {
            data = JSON.parse(text);
        }
        catch (error) {
            // `go test -json` is one JSON object per line, which is not one JSON document.
            const firstLine = text.trimStart().split('\n', 1)[0] ?? '';
            if (/"Action"\s*:/.test(firstLine))
                return parseGoTestJson(source, text);
            const reason = error instanceof Error ? error.message : String(error);
            throw new TimingsFormatError(`${source}: not valid JSON (${reason})`);
        }
        if (!detect_isObject(data)) {
            throw new TimingsFormatError(`${source}: expected a JSON object, got ${Array.isArray(data) ? 'an array' : typeof data}`);
        }
        if (typeof data.Action === 'string')
            return parseGoTestJson(source, text);
        // A plan holds enough numbers to pass for a flat map of timings: say what it is instead.
        if ('version' in data && Array.isArray(data.shards)) {
            throw new TimingsFormatError(`${source}: a Shardwise plan (what \`shardwise plan\` writes), not timings; give --timings the timings store (.shardwise/timings.json) or the test reports`);
        }
        if (data.tool === 'shardwise' || ('version' in data && ('files' in data || 'tests' in data))) {
            return parseStoreJson(source, data, options);
        }
        if (Array.isArray(data.testResults))
            return parseJestJson(source, data, options);
        if (Array.isArray(data.durations))
            return parseCypressSplit(source, data, options);
        const keys = Object.keys(data);
        if (isFlatMap(data, keys))
            return parseFlatMap(source, data, options, keys);
        if (keys.length === 0)
            return { format: 'knapsack', runs: [], warnings: [`${source}: no timings in the file`] };
        throw new TimingsFormatError(`${source}: a JSON object of no known timings format (${SUPPORTED_FORMATS})`);
    }
    // `go test -json ./... 2>&1` starts with build output (`# pkg`, compiler errors) when a
    // package fails to build; its events follow.
    if (/^\{.*"Action"\s*:/m.test(text))
        return parseGoTestJson(source, text);
    return parseParallelTestsLog(source, text, options);
}
//# sourceMappingURL=detect.js.map
;// CONCATENATED MODULE: ./build/adapters/timings-files.js








/** JSON and log formats are read whole; anything larger than this is not a timings file. */
const MAX_TEXT_BYTES = 256 * 1024 * 1024;
/** A directory is searched this deep for reports. */
const MAX_DEPTH = 8;
const REPORT_NAME = /\.(?:xml|json|jsonl|log|txt|test_durations)$/i;
/** Lists the report files under a path: the file itself, or the report-like files of a tree. */
async function expand(path) {
    let info;
    try {
        info = await (0,promises_.lstat)(path);
    }
    catch (error) {
        throw new errors/* UsageError */.eb(`--timings ${path}: cannot read it (${(0,errors/* describeError */.Uc)(error)})`);
    }
    if (info.isFile())
        return [path];
    if (info.isSymbolicLink()) {
        throw new errors/* UsageError */.eb(`--timings ${path}: is a symbolic link; give the file it points to`);
    }
    if (!info.isDirectory())
        throw new errors/* UsageError */.eb(`--timings ${path}: is not a file or directory`);
    const found = [];
    const walk = async (dir, depth) => {
        const entries = await (0,promises_.readdir)(dir, { withFileTypes: true });
        entries.sort((a, b) => (a.name < b.name ? -1 : 1));
        for (const entry of entries) {
            const full = (0,external_node_path_.join)(dir, entry.name);
            if (entry.isDirectory() && depth < MAX_DEPTH && entry.name !== 'node_modules') {
                await walk(full, depth + 1);
            }
            else if (entry.isFile() && REPORT_NAME.test(entry.name)) {
                found.push(full);
            }
        }
    };
    await walk(path, 0);
    return found;
}
/** Decodes UTF-8 or, when a byte-order mark says so, UTF-16. */
function decoderFor(head) {
    if (head[0] === 0xff && head[1] === 0xfe)
        return { decoder: new external_node_util_.TextDecoder('utf-16le'), skip: 2 };
    if (head[0] === 0xfe && head[1] === 0xff)
        return { decoder: new external_node_util_.TextDecoder('utf-16be'), skip: 2 };
    if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) {
        return { decoder: new external_node_util_.TextDecoder('utf-8'), skip: 3 };
    }
    return { decoder: new external_node_util_.TextDecoder('utf-8'), skip: 0 };
}
async function readHead(path) {
    const handle = await (0,promises_.open)(path, 'r');
    try {
        const buffer = Buffer.alloc(4096);
        const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
        return buffer.subarray(0, bytesRead);
    }
    finally {
        await handle.close();
    }
}
/** Streams a JUnit report through the parser, a megabyte at a time. */
async function streamJunit(path, parser) {
    const head = await readHead(path);
    const { decoder, skip } = decoderFor(head);
    const stream = (0,external_node_fs_.createReadStream)(path, { start: skip, highWaterMark: 1 << 20 });
    for await (const chunk of stream) {
        parser.write(decoder.decode(chunk, { stream: true }));
    }
    parser.write(decoder.decode());
}
/** The file's text; its bytes are garbage once this returns (a timings file may be 100 MB). */
async function readText(path, decoder, skip) {
    const bytes = await (0,promises_.readFile)(path);
    return decoder.decode(bytes.subarray(skip));
}
async function loadFile(path, options, log) {
    const head = await readHead(path);
    const { decoder, skip } = decoderFor(head);
    const syntax = detectSyntax(decoder.decode(head.subarray(skip, Math.min(head.length, 512))));
    if (syntax === 'xml') {
        const parser = new junit/* JunitParser */.Ed(path, options);
        await streamJunit(path, parser);
        const summary = parser.end();
        for (const warning of summary.warnings)
            log.warning(warning);
        const run = summary.run;
        return {
            format: 'junit',
            runs: run.files.size + run.tests.size + run.untimed.size > 0 ? [run] : [],
        };
    }
    const info = await (0,promises_.lstat)(path);
    if (info.size > MAX_TEXT_BYTES) {
        throw new TimingsFormatError(`${path}: ${info.size} bytes is more than the ${MAX_TEXT_BYTES} a JSON or log timings file may have`);
    }
    const parsed = parseTimingsText(path, await readText(path, decoder, skip), options);
    for (const warning of parsed.warnings)
        log.warning(warning);
    return { format: parsed.format, runs: [...parsed.runs] };
}
/**
 * Reads every timings path given. A path that does not exist is the user's mistake (a
 * `UsageError`); a file whose content is corrupt or of no known format is a warning, and the
 * plan goes on without it: timings are advice, never a reason to fail a build.
 */
async function loadTimings(paths, options, log) {
    const runs = [];
    const sources = [];
    for (const path of paths) {
        const files = await expand(path);
        if (files.length === 0)
            log.warning(`--timings ${path}: the directory holds no report files`);
        for (const file of files) {
            try {
                const loaded = await loadFile(file, options, log);
                runs.push(...loaded.runs);
                sources.push({
                    path: file,
                    format: loaded.format,
                    runs: loaded.runs.length,
                    error: undefined,
                });
            }
            catch (error) {
                if (!(error instanceof junit/* JunitError */.Zh || error instanceof TimingsFormatError)) {
                    if (error instanceof Error && 'code' in error) {
                        log.warning(`${file}: cannot be read (${error.message}); ignored`);
                        sources.push({ path: file, format: undefined, runs: 0, error: error.message });
                        continue;
                    }
                    throw error;
                }
                log.warning(`${error.message}; the file is ignored`);
                sources.push({ path: file, format: undefined, runs: 0, error: error.message });
            }
        }
    }
    return { runs, sources };
}
//# sourceMappingURL=timings-files.js.map

/***/ }),

/***/ 2498:
/***/ ((__webpack_module__, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(__webpack_module__, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _cli_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(5516);

// The bundled CLI entry: run, then let the event loop drain so piped output is flushed.
process.exitCode = await (0,_cli_js__WEBPACK_IMPORTED_MODULE_0__/* .main */ .i)(process.argv.slice(2), (0,_cli_js__WEBPACK_IMPORTED_MODULE_0__/* .processIo */ .W)());
//# sourceMappingURL=cli-main.js.map
__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 5516:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  i: () => (/* binding */ main),
  W: () => (/* binding */ processIo)
});

// EXTERNAL MODULE: ./build/core/errors.js
var errors = __nccwpck_require__(2807);
// EXTERNAL MODULE: ./build/core/log-guard.js
var log_guard = __nccwpck_require__(8328);
;// CONCATENATED MODULE: ./build/adapters/output-stream.js

/** Whether a stream has failed, shared by every sink on it (one listener per stream). */
const watched = new WeakMap();
function watch(stream) {
    let state = watched.get(stream);
    if (!state) {
        const created = { closed: false };
        stream.on('error', () => {
            // EPIPE, or any other failure of the stream: nobody can read what we print any more.
            created.closed = true;
        });
        watched.set(stream, created);
        state = created;
    }
    return state;
}
/** A partial line longer than this is written anyway, ended with a line break. */
const MAX_PENDING_LINE = 64 * 1024;
function outputSink(stream, options = {}) {
    const guard = (0,log_guard/* workflowCommandGuard */.Wf)();
    const state = watch(stream);
    let pending = '';
    let waiting;
    const emit = (text) => {
        if (state.closed || text === '')
            return;
        const writable = stream;
        if (writable.destroyed === true || writable.writableEnded === true) {
            state.closed = true;
            return;
        }
        stream.write(guard(text));
    };
    return {
        get closed() {
            return state.closed;
        },
        isTTY: stream.isTTY === true,
        write(text) {
            if (!options.wholeLines)
                return emit(text);
            pending += text;
            const end = Math.max(pending.lastIndexOf('\n'), pending.lastIndexOf('\r'));
            if (end >= 0) {
                emit(pending.slice(0, end + 1));
                pending = pending.slice(end + 1);
            }
            if (pending.length > MAX_PENDING_LINE) {
                emit(`${pending}\n`);
                pending = '';
            }
        },
        flush() {
            if (pending !== '')
                emit(`${pending}\n`);
            pending = '';
        },
        ready() {
            if (state.closed || stream.writableNeedDrain !== true)
                return undefined;
            waiting ??= new Promise((resolve) => {
                const done = () => {
                    stream.removeListener('drain', done);
                    stream.removeListener('close', done);
                    stream.removeListener('error', done);
                    waiting = undefined;
                    resolve();
                };
                stream.on('drain', done);
                stream.on('close', done);
                stream.on('error', done);
            });
            return waiting;
        },
    };
}
//# sourceMappingURL=output-stream.js.map
// EXTERNAL MODULE: ./build/cli/plan.js + 1 modules
var plan = __nccwpck_require__(3846);
// EXTERNAL MODULE: ./build/cli/usage.js
var usage = __nccwpck_require__(3534);
;// CONCATENATED MODULE: ./build/cli.js




const VERSION = '0.1.0';
async function readAll(stream) {
    const chunks = [];
    for await (const chunk of stream) {
        chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
    }
    return Buffer.concat(chunks).toString('utf8');
}
/** One command; `run`, `test` and `combine` load only when used (planning starts fast). */
async function runCommandNamed(command, rest, io) {
    switch (command) {
        case 'plan':
            return (0,plan/* planCommand */.V)(rest, io);
        case 'run':
            return (await Promise.all(/* import() */[__nccwpck_require__.e(382), __nccwpck_require__.e(585), __nccwpck_require__.e(720)]).then(__nccwpck_require__.bind(__nccwpck_require__, 2720))).runCommand(rest, io);
        case 'test':
            return (await Promise.all(/* import() */[__nccwpck_require__.e(382), __nccwpck_require__.e(585), __nccwpck_require__.e(468), __nccwpck_require__.e(510)]).then(__nccwpck_require__.bind(__nccwpck_require__, 6510))).testCommand(rest, io);
        case 'combine':
            return (await Promise.all(/* import() */[__nccwpck_require__.e(382), __nccwpck_require__.e(585), __nccwpck_require__.e(468), __nccwpck_require__.e(916)]).then(__nccwpck_require__.bind(__nccwpck_require__, 7916))).combineCommand(rest, io);
        case '--version':
        case '-v':
            io.stdout.write(`${VERSION}\n`);
            return 0;
        case undefined:
        case '--help':
        case '-h':
        case 'help':
            io.stdout.write(`${usage/* USAGE */.u_}\n`);
            return command === undefined ? 2 : 0;
        default:
            throw new errors/* UsageError */.eb(`unknown command \`${command}\`. Commands: test, plan, run, combine. Run shardwise --help.`);
    }
}
/** Runs the CLI and returns the exit code; never throws. */
async function main(argv, streams) {
    const [command, ...rest] = argv;
    const io = {
        ...streams,
        stdout: outputSink(streams.stdout),
        stderr: outputSink(streams.stderr),
    };
    try {
        return await runCommandNamed(command, rest, io);
    }
    catch (error) {
        if (error instanceof errors/* UsageError */.eb) {
            io.stderr.write(`shardwise: ${error.message}\n`);
            return 2;
        }
        const detail = error instanceof Error ? (error.stack ?? error.message) : (0,errors/* describeError */.Uc)(error);
        const kind = error instanceof errors/* InternalError */.Gd ? 'internal error (please report it)' : 'error';
        io.stderr.write(`shardwise: ${kind}: ${detail}\n`);
        return error instanceof errors/* InternalError */.Gd ? 70 : 2;
    }
}
/** The real process: SIGINT/SIGTERM stop the running shard and still write its result. */
function processIo() {
    const controller = new AbortController();
    let signals = 0;
    const onSignal = (signal) => {
        signals++;
        if (signals > 1)
            process.exit(signal === 'SIGINT' ? 130 : 143);
        process.stderr.write(`\nshardwise: ${signal}: stopping the tests and writing partial results (again to quit now)\n`);
        controller.abort();
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    return {
        stdout: process.stdout,
        stderr: process.stderr,
        env: process.env,
        cwd: process.cwd(),
        readStdin: () => readAll(process.stdin),
        signal: controller.signal,
    };
}
//# sourceMappingURL=cli.js.map

/***/ }),

/***/ 9376:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   BD: () => (/* binding */ outputReady),
/* harmony export */   C9: () => (/* binding */ PLAN_FLAGS),
/* harmony export */   Qx: () => (/* binding */ parseCommandArgs),
/* harmony export */   WB: () => (/* binding */ RUN_FLAGS),
/* harmony export */   rr: () => (/* binding */ requireCommand)
/* harmony export */ });
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7975);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(2807);
/* harmony import */ var _options_source_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(7372);



/** While either stream's reader is behind, a promise of when both can take more. */
function outputReady(io) {
    const waits = [io.stdout.ready(), io.stderr.ready()].filter((w) => w !== undefined);
    return waits.length === 0 ? undefined : Promise.all(waits).then(() => undefined);
}
const PLAN_FLAGS = {
    shards: { type: 'string' },
    'target-seconds': { type: 'string' },
    'max-shards': { type: 'string' },
    'shard-overhead-seconds': { type: 'string' },
    timings: { type: 'string', multiple: true },
    granularity: { type: 'string' },
    root: { type: 'string' },
};
const RUN_FLAGS = {
    runner: { type: 'string' },
    retries: { type: 'string' },
    repeat: { type: 'string' },
    'fail-on-flaky': { type: 'boolean' },
    timeout: { type: 'string' },
    junit: { type: 'string', multiple: true },
    coverage: { type: 'string', multiple: true },
};
/** A command's own arguments (before `--`) by its flags; the test command after `--`. */
function parseCommandArgs(args, flags) {
    const dashes = args.indexOf('--');
    const own = dashes < 0 ? [...args] : args.slice(0, dashes);
    const command = dashes < 0 ? [] : args.slice(dashes + 1);
    let parsed;
    try {
        parsed = (0,node_util__WEBPACK_IMPORTED_MODULE_0__.parseArgs)({
            args: own,
            options: { ...flags, help: { type: 'boolean', short: 'h' } },
            allowPositionals: true,
            strict: true,
        });
    }
    catch (error) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .eb(`${(0,_core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .describeError */ .Uc)(error)}. Run with --help for the options.`);
    }
    const values = parsed.values;
    const str = (name) => {
        const value = values[name];
        return typeof value === 'string' ? value : undefined;
    };
    const list = (name) => {
        const value = values[name];
        return Array.isArray(value) ? value : [];
    };
    const flag = (name) => values[name] === true;
    const booleans = new Set(Object.entries(flags)
        .filter(([, spec]) => spec.type === 'boolean')
        .map(([name]) => name));
    return {
        source: (0,_options_source_js__WEBPACK_IMPORTED_MODULE_1__/* .cliSource */ .kJ)({ str, list, flag, booleans }),
        str,
        flag,
        positionals: parsed.positionals,
        command,
    };
}
function requireCommand(parsed, usage) {
    if (parsed.command.length === 0) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .eb(`the test command goes after \`--\`, for example: ${usage}`);
    }
    return parsed.command;
}
//# sourceMappingURL=args.js.map

/***/ }),

/***/ 3846:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  V: () => (/* binding */ planCommand),
  S: () => (/* binding */ planOptions)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
// EXTERNAL MODULE: ./build/core/render-plan.js
var render_plan = __nccwpck_require__(9462);
// EXTERNAL MODULE: ./build/core/json.js
var core_json = __nccwpck_require__(8314);
// EXTERNAL MODULE: ./build/core/log-guard.js
var log_guard = __nccwpck_require__(8328);
// EXTERNAL MODULE: ./build/adapters/log.js
var log = __nccwpck_require__(4707);
// EXTERNAL MODULE: ./build/adapters/output-file.js
var output_file = __nccwpck_require__(6527);
// EXTERNAL MODULE: ./build/modes/plan.js
var modes_plan = __nccwpck_require__(6316);
// EXTERNAL MODULE: ./build/core/errors.js
var errors = __nccwpck_require__(2807);
// EXTERNAL MODULE: ./build/core/plan.js + 6 modules
var plan = __nccwpck_require__(3641);
// EXTERNAL MODULE: ./build/options/source.js + 1 modules
var options_source = __nccwpck_require__(7372);
// EXTERNAL MODULE: ./build/options/values.js
var values = __nccwpck_require__(8739);
;// CONCATENATED MODULE: ./build/options/plan.js




/**
 * The shard count: a number, or `auto` with the wall time to reach; `target-seconds` and
 * `max-shards` go with `auto` only, so a setting that would do nothing is refused.
 */
function shardCountRequest(source) {
    const shards = (0,values/* parseShardCount */.vI)(source.label('shards'), (0,options_source/* valueOf */.RP)(source, 'shards'));
    const target = (0,options_source/* given */.gI)(source, 'target-seconds');
    const maxShards = (0,options_source/* given */.gI)(source, 'max-shards');
    if (shards === 'auto' && target === undefined) {
        throw new errors/* UsageError */.eb(`\`${source.setting('shards', 'auto')}\` needs \`${source.setting('target-seconds', '<S>')}\`: the wall time each shard should reach.`);
    }
    if (shards !== 'auto' && (target !== undefined || maxShards !== undefined)) {
        throw new errors/* UsageError */.eb(`\`${source.label('target-seconds')}\` and \`${source.label('max-shards')}\` go with \`${source.setting('shards', 'auto')}\`.`);
    }
    if (shards !== 'auto')
        return { kind: 'fixed', count: shards };
    return {
        kind: 'auto',
        targetSeconds: (0,values/* parsePositiveSeconds */.It)(source.label('target-seconds'), target ?? ''),
        maxShards: (0,values/* parseWholeNumber */.oA)(source.label('max-shards'), (0,options_source/* valueOf */.RP)(source, 'max-shards'), 1, plan/* MAX_SHARDS */.hH),
    };
}
function planSettings(source) {
    const overhead = (0,options_source/* given */.gI)(source, 'shard-overhead-seconds');
    return {
        shards: shardCountRequest(source),
        shardOverheadSeconds: overhead === undefined
            ? undefined
            : (0,values/* parseNonNegativeSeconds */.rT)(source.label('shard-overhead-seconds'), overhead),
        granularity: (0,values/* parseChoice */.HU)(source.label('granularity'), (0,options_source/* valueOf */.RP)(source, 'granularity'), values/* GRANULARITIES */.n),
        timings: (0,options_source/* listOf */.c3)(source, 'timings'),
    };
}
//# sourceMappingURL=plan.js.map
// EXTERNAL MODULE: ./build/cli/args.js
var cli_args = __nccwpck_require__(9376);
// EXTERNAL MODULE: ./build/cli/usage.js
var usage = __nccwpck_require__(3534);
;// CONCATENATED MODULE: ./build/cli/plan.js













/** The plan options of a command line: paths resolved against the working directory. */
function planOptions(parsed, io, source = parsed.source) {
    const settings = planSettings(source);
    const itemsFrom = parsed.str('items-from');
    return {
        ...settings,
        timings: settings.timings.map((p) => (0,external_node_path_.resolve)(io.cwd, p)),
        patterns: parsed.positionals,
        itemsFrom: itemsFrom === undefined ? undefined : itemsFrom === '-' ? '-' : (0,external_node_path_.resolve)(io.cwd, itemsFrom),
        root: (0,external_node_path_.resolve)(io.cwd, (0,options_source/* valueOf */.RP)(parsed.source, 'working-directory')),
        roots: io.env.GITHUB_WORKSPACE ? [io.env.GITHUB_WORKSPACE] : [],
    };
}
async function planCommand(args, io) {
    const parsed = (0,cli_args/* parseCommandArgs */.Qx)(args, {
        ...cli_args/* PLAN_FLAGS */.C9,
        'items-from': { type: 'string' },
        format: { type: 'string' },
        output: { type: 'string' },
    });
    if (parsed.flag('help')) {
        io.stdout.write(`${usage/* PLAN_USAGE */.YG}\n`);
        return 0;
    }
    const options = withLocalStore(planOptions(parsed, io), (0,log/* stderrLog */.b)(io.stderr));
    const format = (0,values/* parseChoice */.HU)('--format', parsed.str('format') ?? (io.stdout.isTTY ? 'table' : 'json'), ['table', 'json', 'matrix']);
    const plan = await (0,modes_plan/* planMode */.l)(options, { log: (0,log/* stderrLog */.b)(io.stderr), readStdin: io.readStdin });
    const output = parsed.str('output');
    // Rendered once: a plan of a million items is 40 MB of JSON.
    const json = output !== undefined || format === 'json' ? (0,render_plan/* renderPlanJson */.uC)(plan) : '';
    if (output !== undefined)
        await (0,output_file/* writeOutputFile */.B)('--output', (0,external_node_path_.resolve)(io.cwd, output), `${json}\n`);
    const text = format === 'table'
        ? (0,render_plan/* renderPlanTable */.Qi)(plan)
        : // JSON keeps its value: `##[` in a name is escaped, not marked (see jsonForLog).
            (0,log_guard/* jsonForLog */.wn)(format === 'matrix' ? (0,core_json/* stableStringify */.J)((0,render_plan/* planMatrix */.T4)(plan)) : json);
    writeInPieces(io.stdout, text);
    io.stdout.write('\n');
    return 0;
}
/**
 * `plan` with no `--timings` reads the local store that `shardwise test` keeps, so the loop on a
 * laptop needs no flags. (`run` without a plan does not: every CI job must plan from the same
 * inputs, and a store local to one machine would split the suite differently on each.)
 */
function withLocalStore(options, log) {
    if (options.timings.length > 0)
        return options;
    const store = (0,external_node_path_.join)(options.root, '.shardwise', 'timings.json');
    if (!(0,external_node_fs_.existsSync)(store))
        return options;
    log.info(`timings: ${store} (the local store of \`shardwise test\`; --timings reads others)`);
    return { ...options, timings: [store] };
}
/**
 * Writes a long text a megabyte at a time, so that writing a 40 MB plan does not also hold a
 * 40 MB copy of it in bytes.
 */
function writeInPieces(stream, text) {
    const piece = 1 << 20;
    for (let at = 0; at < text.length; at += piece)
        stream.write(text.slice(at, at + piece));
}
//# sourceMappingURL=plan.js.map

/***/ }),

/***/ 3534:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   AO: () => (/* binding */ COMBINE_USAGE),
/* harmony export */   JK: () => (/* binding */ TEST_USAGE),
/* harmony export */   W3: () => (/* binding */ RUN_USAGE),
/* harmony export */   YG: () => (/* binding */ PLAN_USAGE),
/* harmony export */   u_: () => (/* binding */ USAGE)
/* harmony export */ });
/* harmony import */ var _core_plan_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3641);
/* harmony import */ var _adapters_runners_types_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(5032);
/* harmony import */ var _options_source_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(7372);



/** The help texts of `shardwise` and its commands. */
const USAGE = `Usage: shardwise <command> [options]

Commands:
  test      plan, run every shard locally, report and learn timings (the all-in-one)
  plan      split the tests into balanced shards from timing history
  run       run one shard of a plan with your test runner
  combine   combine the shard results: verdict, timings, coverage, flaky tests, report

Run 'shardwise <command> --help' for a command's options.
Exit codes: 0 ok, 1 tests failed, 2 usage or input error.`;
const PLAN_FLAGS = `  --shards <N|auto>              shard count, 1–${_core_plan_js__WEBPACK_IMPORTED_MODULE_0__/* .MAX_SHARDS */ .hH}, or auto (default ${(0,_options_source_js__WEBPACK_IMPORTED_MODULE_1__/* .actionDefault */ .QT)('shards')})
  --target-seconds <S>           with --shards auto: the wall time to reach per shard
  --max-shards <M>               with --shards auto: the most shards to use (default ${(0,_options_source_js__WEBPACK_IMPORTED_MODULE_1__/* .actionDefault */ .QT)('max-shards')})
  --shard-overhead-seconds <O>   start-up each shard pays besides its files (default:
                                 learned by the timings store, else 0)
  --timings <path>               timings file or directory; repeatable. Formats are detected:
                                 Shardwise store, JUnit XML, pytest-split .test_durations,
                                 Knapsack JSON, parallel_tests log, cypress-split JSON,
                                 Jest --json, go test -json
  --granularity <file|test|auto> plan whole files, single tests, or split only the files that
                                 alone exceed a shard's share (default ${(0,_options_source_js__WEBPACK_IMPORTED_MODULE_1__/* .actionDefault */ .QT)('granularity')})
  --root <dir>                   repository root for globs and ids (default: current directory)`;
const RUN_FLAGS = `  --runner <name>                auto (default: from the command), ${_adapters_runners_types_js__WEBPACK_IMPORTED_MODULE_2__/* .RUNNER_NAMES */ .k.join(', ')}
  --retries <N>                  run failed tests again up to N times (default ${(0,_options_source_js__WEBPACK_IMPORTED_MODULE_1__/* .actionDefault */ .QT)('retries')}); a test that
                                 fails and then passes is flaky
  --repeat <N>                   run every test N times to hunt flaky tests (default ${(0,_options_source_js__WEBPACK_IMPORTED_MODULE_1__/* .actionDefault */ .QT)('repeat')})
  --fail-on-flaky                fail when a test is flaky (default: report, do not fail)
  --timeout <S>                  stop the shard after S seconds and keep a partial result
  --junit <glob>                 JUnit reports the command writes (generic runner); repeatable
  --coverage <glob>              coverage files to collect beside the result; repeatable`;
const PLAN_USAGE = `Usage: shardwise plan [options] [<glob>…]

Splits test files (matched by the globs, listed by --items-from, or else those in the
timings) into shards of near-equal predicted time.

Options:
${PLAN_FLAGS}
  --items-from <file|->          ids to plan, one per line (- for standard input)
  --format <table|json|matrix>   output on stdout (default: table on a terminal, else json)
  --output <file>                also write the plan JSON to this file
  -h, --help                     show this help`;
const RUN_USAGE = `Usage: shardwise run --plan plan.json --shard I [options] -- <test command…>
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
  -h, --help                     show this help`;
const TEST_USAGE = `Usage: shardwise test [options] [<glob>…] -- <test command…>

Plans the suite (asking the runner for its tests when no glob is given), runs every shard
as local processes, prints a summary and saves the timings it measured in .shardwise/, so
the next run balances better.

Options:
  --parallel <P>                 shards running at once (default: the shard count)
  --coverage-threshold <P>       fail when merged line coverage is below P percent
${RUN_FLAGS}
${PLAN_FLAGS}
  -h, --help                     show this help

Example: shardwise test --shards 4 --parallel 2 -- npx jest`;
const COMBINE_USAGE = `Usage: shardwise combine --results-dir DIR --plan plan.json [options] [-- <test command…>]

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
  --flaky-threshold <0-1>        list tests flaky in at least this share of recent runs (${(0,_options_source_js__WEBPACK_IMPORTED_MODULE_1__/* .actionDefault */ .QT)('flaky-threshold')})
  --coverage-threshold <P>       fail when merged line coverage is below P percent
  --base-ref <ref>               with coverage: also report coverage of lines changed since ref
  --fallback <none|serial>       run failed tests and missing shards' tests again, serially,
                                 with the command after -- (default none)
  --fallback-max-items <N>       skip the fallback above N items: systemic (default ${(0,_options_source_js__WEBPACK_IMPORTED_MODULE_1__/* .actionDefault */ .QT)('fallback-max-items')})
  --runner <name>                runner of the fallback command (default: from the command)
  --report-md <file>             write the Markdown report here (default: print it)
  --report-json <file>           write the full JSON report here
  --root <dir>                   repository root (default: current directory)
  -h, --help                     show this help`;
//# sourceMappingURL=usage.js.map

/***/ }),

/***/ 8479:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   El: () => (/* binding */ encodePlan),
/* harmony export */   sb: () => (/* binding */ decodePlan)
/* harmony export */ });
/* unused harmony exports GRANULARITIES, planContract */
/* harmony import */ var _ids_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(8628);
/* harmony import */ var _schema_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(9687);


/**
 * The plan: the contract between the plan job and every shard job (DESIGN.md). The documented
 * minimum is `{"version":1,"shards":[{"index":1,"items":["…"]}]}`; every other field has a
 * default worked out from the shards, and a field that is present must have its type. The
 * shard count is the length of the shard list, stored nowhere else; plans written before
 * that carry a `shardCount` too, which must then agree.
 */
const GRANULARITIES = ['file', 'test', 'auto'];
const seconds = (0,_schema_js__WEBPACK_IMPORTED_MODULE_1__/* .number */ .ai)({ min: 0 });
const count = (0,_schema_js__WEBPACK_IMPORTED_MODULE_1__/* .number */ .ai)({ min: 0, whole: true });
/** A counter that is 0 when absent. */
const counter = (0,_schema_js__WEBPACK_IMPORTED_MODULE_1__/* .withDefault */ .IQ)(seconds, 0);
const estimatesSchema = (0,_schema_js__WEBPACK_IMPORTED_MODULE_1__/* .withDefault */ .IQ)((0,_schema_js__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ik)({ 'same-file': counter, directory: counter, size: counter, default: counter }, 'an object of same-file, directory, size, default'), { 'same-file': 0, directory: 0, size: 0, default: 0 });
const timingsSchema = (0,_schema_js__WEBPACK_IMPORTED_MODULE_1__/* .withDefault */ .IQ)((0,_schema_js__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ik)({
    runs: counter,
    matchedItems: counter,
    matchedBySuffix: counter,
    /** Timed files that match no planned item (deleted, renamed or filtered out). */
    staleFiles: counter,
}, 'an object of runs, matchedItems, matchedBySuffix, staleFiles'), { runs: 0, matchedItems: 0, matchedBySuffix: 0, staleFiles: 0 });
const shardSchema = (0,_schema_js__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ik)({
    /** 1-based, as users and CI matrices count shards. */
    index: (0,_schema_js__WEBPACK_IMPORTED_MODULE_1__/* .number */ .ai)({ whole: true }),
    /** Ids in a stable (sorted) order. */
    items: (0,_schema_js__WEBPACK_IMPORTED_MODULE_1__/* .list */ .p_)((0,_schema_js__WEBPACK_IMPORTED_MODULE_1__/* .text */ .Qq)('a test id (non-empty text)', 1), 'a list of test ids'),
    /** The shard's predicted wall time: start-up and warm-up included (0 for an empty shard). */
    predictedSeconds: (0,_schema_js__WEBPACK_IMPORTED_MODULE_1__/* .withDefault */ .IQ)(seconds, 0),
});
const splitFileSchema = (0,_schema_js__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ik)({ file: (0,_schema_js__WEBPACK_IMPORTED_MODULE_1__/* .text */ .Qq)(), parts: (0,_schema_js__WEBPACK_IMPORTED_MODULE_1__/* .number */ .ai)(), seconds: (0,_schema_js__WEBPACK_IMPORTED_MODULE_1__/* .number */ .ai)() }, '{"file", "parts", "seconds"}');
/** Start-up, warm-up and workers: what every shard pays besides its files (cost-model.ts). */
const costModelSchema = (0,_schema_js__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ik)({
    startupSeconds: seconds,
    warmupSeconds: seconds,
    workers: (0,_schema_js__WEBPACK_IMPORTED_MODULE_1__/* .number */ .ai)({ min: 0.5 }),
});
const shardsSchema = (0,_schema_js__WEBPACK_IMPORTED_MODULE_1__/* .map */ .Tj)((0,_schema_js__WEBPACK_IMPORTED_MODULE_1__/* .list */ .p_)(shardSchema, 'a list of shards'), (shards, path) => {
    shards.forEach((shard, i) => {
        if (shard.index !== i + 1)
            (0,_schema_js__WEBPACK_IMPORTED_MODULE_1__/* .fail */ .fJ)((0,_schema_js__WEBPACK_IMPORTED_MODULE_1__.at)((0,_schema_js__WEBPACK_IMPORTED_MODULE_1__.at)(path, i), 'index'), `${i + 1} (shards are numbered 1, 2, … in order)`, shard.index);
    });
    return shards;
});
const fields = (0,_schema_js__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ik)({
    version: (0,_schema_js__WEBPACK_IMPORTED_MODULE_1__/* .literal */ .eu)(1, '`1` (the version of a Shardwise plan)'),
    shards: shardsSchema,
    shardCount: (0,_schema_js__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lq)(count),
    granularity: (0,_schema_js__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lq)((0,_schema_js__WEBPACK_IMPORTED_MODULE_1__/* .oneOf */ .yL)(GRANULARITIES)),
    itemCount: (0,_schema_js__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lq)(count),
    /** The sum of every file's (or test's) cost: the work, without any start-up. */
    totalSeconds: (0,_schema_js__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lq)(seconds),
    /** No split into this many shards can make its longest shard shorter, under the cost model. */
    lowerBoundSeconds: (0,_schema_js__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lq)(seconds),
    /** The bound if no file were split: what file-level splitting can reach at best. */
    fileLowerBoundSeconds: (0,_schema_js__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lq)(seconds),
    /** The longest shard's predicted wall time (start-up included). */
    predictedMakespanSeconds: (0,_schema_js__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lq)(seconds),
    /** What every non-empty shard pays besides its files: start-up plus warm-up. */
    shardOverheadSeconds: (0,_schema_js__WEBPACK_IMPORTED_MODULE_1__/* .withDefault */ .IQ)(seconds, 0),
    /** The cost model behind the predictions. */
    costModel: (0,_schema_js__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lq)(costModelSchema),
    unknownItems: (0,_schema_js__WEBPACK_IMPORTED_MODULE_1__/* .withDefault */ .IQ)(count, 0),
    /** The items without timings (sorted; at most MAX_LISTED_ESTIMATES of them). */
    estimatedItems: (0,_schema_js__WEBPACK_IMPORTED_MODULE_1__/* .withDefault */ .IQ)((0,_schema_js__WEBPACK_IMPORTED_MODULE_1__/* .list */ .p_)((0,_schema_js__WEBPACK_IMPORTED_MODULE_1__/* .text */ .Qq)()), []),
    /** How many unknown items were estimated on each basis. */
    estimates: estimatesSchema,
    timings: timingsSchema,
    splitFiles: (0,_schema_js__WEBPACK_IMPORTED_MODULE_1__/* .withDefault */ .IQ)((0,_schema_js__WEBPACK_IMPORTED_MODULE_1__/* .list */ .p_)(splitFileSchema), []),
    notes: (0,_schema_js__WEBPACK_IMPORTED_MODULE_1__/* .withDefault */ .IQ)((0,_schema_js__WEBPACK_IMPORTED_MODULE_1__/* .list */ .p_)((0,_schema_js__WEBPACK_IMPORTED_MODULE_1__/* .text */ .Qq)()), []),
}, 'a Shardwise plan, {"version": 1, "shards": [{"index": 1, "items": […]}]}');
const planSchema = (0,_schema_js__WEBPACK_IMPORTED_MODULE_1__/* .map */ .Tj)(fields, ({ shardCount, ...plan }, path) => {
    const { shards } = plan;
    if (shardCount !== undefined && shardCount !== shards.length)
        (0,_schema_js__WEBPACK_IMPORTED_MODULE_1__/* .fail */ .fJ)((0,_schema_js__WEBPACK_IMPORTED_MODULE_1__.at)(path, 'shardCount'), `${shards.length}, the number of shards listed`, shardCount);
    const items = shards.flatMap((s) => s.items);
    const total = shards.reduce((t, s) => t + s.predictedSeconds, 0);
    // Without item times, the bound is what an even split of the predicted total reaches.
    const lowerBound = plan.lowerBoundSeconds ?? total / Math.max(1, shards.length);
    return {
        ...plan,
        granularity: plan.granularity ?? (items.some(_ids_js__WEBPACK_IMPORTED_MODULE_0__/* .isTestId */ .Cw) ? 'test' : 'file'),
        itemCount: plan.itemCount ?? items.length,
        totalSeconds: plan.totalSeconds ?? total,
        lowerBoundSeconds: lowerBound,
        fileLowerBoundSeconds: plan.fileLowerBoundSeconds ?? lowerBound,
        predictedMakespanSeconds: plan.predictedMakespanSeconds ?? shards.reduce((m, s) => Math.max(m, s.predictedSeconds), 0),
        // Plans written before the cost model had only the per-shard overhead: the start-up.
        costModel: plan.costModel ?? {
            startupSeconds: plan.shardOverheadSeconds,
            warmupSeconds: 0,
            workers: 1,
        },
    };
});
const planContract = (0,_schema_js__WEBPACK_IMPORTED_MODULE_1__/* .contract */ .dz)('Shardwise plan', planSchema);
/** A plan from JSON with every field filled in, or a `DecodeError` naming the first bad field. */
const decodePlan = planContract.decode;
const encodePlan = planContract.encode;
//# sourceMappingURL=plan.js.map

/***/ }),

/***/ 9687:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   IQ: () => (/* binding */ withDefault),
/* harmony export */   Ik: () => (/* binding */ object),
/* harmony export */   NW: () => (/* binding */ orElse),
/* harmony export */   Qq: () => (/* binding */ text),
/* harmony export */   Tj: () => (/* binding */ map),
/* harmony export */   X3: () => (/* binding */ lenientRecord),
/* harmony export */   Xc: () => (/* binding */ DecodeError),
/* harmony export */   ai: () => (/* binding */ number),
/* harmony export */   at: () => (/* binding */ at),
/* harmony export */   dz: () => (/* binding */ contract),
/* harmony export */   eu: () => (/* binding */ literal),
/* harmony export */   fJ: () => (/* binding */ fail),
/* harmony export */   g1: () => (/* binding */ record),
/* harmony export */   lq: () => (/* binding */ optional),
/* harmony export */   me: () => (/* binding */ nullable),
/* harmony export */   no: () => (/* binding */ maybe),
/* harmony export */   p_: () => (/* binding */ list),
/* harmony export */   wC: () => (/* binding */ matching),
/* harmony export */   yL: () => (/* binding */ oneOf),
/* harmony export */   zM: () => (/* binding */ boolean)
/* harmony export */ });
/* unused harmony export pathText */
/* harmony import */ var _json_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(8314);

function at(path, key) {
    return { parent: path, key };
}
/** `shards[0].items[2]`, `tests["a.test.js::x"].verdict`; `it` for the document itself. */
function pathText(path) {
    const keys = [];
    for (let p = path; p !== undefined; p = p.parent)
        keys.push(p.key);
    let out = '';
    for (const key of keys.reverse()) {
        if (typeof key === 'number')
            out += `[${key}]`;
        else if (/^[A-Za-z_$][\w$-]*$/.test(key))
            out += out === '' ? key : `.${key}`;
        else
            out += `[${JSON.stringify(key.length > 200 ? `${key.slice(0, 200)}…` : key)}]`;
    }
    return out === '' ? 'it' : `\`${out}\``;
}
/** What was found, briefly: the value itself when small, its kind when not. */
function shown(value) {
    if (value === undefined)
        return 'nothing';
    if (Array.isArray(value))
        return value.length === 0 ? 'an empty list' : `a list of ${value.length}`;
    if (typeof value === 'object' && value !== null)
        return 'an object';
    if (typeof value === 'string')
        return `\`${JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value)}\``;
    if (value === null || typeof value === 'number' || typeof value === 'boolean')
        return `\`${String(value)}\``;
    return typeof value;
}
/** A value that does not fit its schema, with where it is, what was expected and what came. */
class DecodeError extends Error {
    field;
    expected;
    got;
    subject;
    name = 'DecodeError';
    constructor(
    /** The field, as `pathText` writes it. */
    field, expected, got, 
    /** What the whole document should have been (`a Shardwise plan`), when known. */
    subject) {
        super(`${subject === undefined ? '' : `not a valid ${subject}: `}${field} must be ${expected}; got ${got}`);
        this.field = field;
        this.expected = expected;
        this.got = got;
        this.subject = subject;
    }
}
function fail(path, expected, got) {
    throw new DecodeError(pathText(path), expected, shown(got));
}
function schema(expected, read) {
    return { expected, read };
}
function isObject(input) {
    return typeof input === 'object' && input !== null && !Array.isArray(input);
}
function text(expected = 'text', minLength = 0) {
    return schema(expected, (input, path) => typeof input === 'string' && input.length >= minLength ? input : fail(path, expected, input));
}
function matching(pattern, expected) {
    return schema(expected, (input, path) => typeof input === 'string' && pattern.test(input) ? input : fail(path, expected, input));
}
function describeRange({ min, max, whole }) {
    const kind = whole === true ? 'a whole number' : 'a number';
    if (min !== undefined && max !== undefined)
        return `${kind} from ${min} to ${max}`;
    if (min !== undefined)
        return `${kind} ≥ ${min}`;
    if (max !== undefined)
        return `${kind} ≤ ${max}`;
    return kind;
}
/** A finite number within the range (JSON has no NaN or infinity, but a cast would). */
function number(range = {}, expected = describeRange(range)) {
    const { min = -Infinity, max = Infinity, whole = false } = range;
    return schema(expected, (input, path) => typeof input === 'number' &&
        Number.isFinite(input) &&
        input >= min &&
        input <= max &&
        (!whole || Number.isInteger(input))
        ? input
        : fail(path, expected, input));
}
function boolean(expected = 'true or false') {
    return schema(expected, (input, path) => typeof input === 'boolean' ? input : fail(path, expected, input));
}
function literal(value, expected = `\`${JSON.stringify(value)}\``) {
    return schema(expected, (input, path) => (input === value ? value : fail(path, expected, input)));
}
function oneOf(values, expected = `one of ${values.map((v) => `\`${v}\``).join(', ')}`) {
    return schema(expected, (input, path) => typeof input === 'string' && values.includes(input) ? input : fail(path, expected, input));
}
function nullable(inner) {
    const expected = `${inner.expected} or null`;
    return schema(expected, (input, path) => {
        if (input === null)
            return null;
        try {
            return inner.read(input, path);
        }
        catch (error) {
            // Said of this very value (not of a field inside it): null would have done too.
            if (error instanceof DecodeError && error.field === pathText(path))
                return fail(path, expected, input);
            throw error;
        }
    });
}
function list(item, expected = 'a list', minLength = 0) {
    return schema(expected, (input, path) => {
        if (!Array.isArray(input) || input.length < minLength)
            return fail(path, expected, input);
        return input.map((value, i) => item.read(value, at(path, i)));
    });
}
/**
 * An object of any keys, each value decoded. The result has no prototype, so a key named
 * `__proto__` or `constructor` (a real test id or file name) is an ordinary own key.
 */
function record(value, expected = 'an object') {
    return schema(expected, (input, path) => {
        if (!isObject(input))
            return fail(path, expected, input);
        const out = Object.create(null);
        for (const key of Object.keys(input))
            out[key] = value.read(input[key], at(path, key));
        return out;
    });
}
/** Like `record`, but an entry that does not decode is left out instead of failing the whole. */
function lenientRecord(value, expected = 'an object') {
    return schema(expected, (input, path) => {
        if (!isObject(input))
            return fail(path, expected, input);
        const out = Object.create(null);
        for (const key of Object.keys(input)) {
            try {
                out[key] = value.read(input[key], at(path, key));
            }
            catch (error) {
                if (!(error instanceof DecodeError))
                    throw error;
            }
        }
        return out;
    });
}
/**
 * An object with the shape's fields, decoded in the shape's order (so the first problem
 * reported is the first field's). Fields not in the shape are not carried over.
 */
function object(shape, expected = 'an object') {
    const fields = Object.entries(shape).map(([key, field]) => [key, field, 'optional' in field]);
    return schema(expected, (input, path) => {
        if (!isObject(input))
            return fail(path, expected, input);
        const out = {};
        for (const [key, field, isOptional] of fields) {
            const value = field.read(Object.hasOwn(input, key) ? input[key] : undefined, at(path, key));
            if (value !== undefined || !isOptional)
                out[key] = value;
        }
        return out;
    });
}
/** A field that may be absent (or `undefined`); decoded as `inner` when present. */
function optional(inner) {
    return {
        expected: inner.expected,
        optional: inner,
        read: (input, path) => (input === undefined ? undefined : inner.read(input, path)),
    };
}
/** A field that is always there, `undefined` when absent in the document. */
function maybe(inner) {
    return schema(inner.expected, (input, path) => input === undefined ? undefined : inner.read(input, path));
}
/** A field that may be absent, and then takes `fallback`. */
function withDefault(inner, fallback) {
    return schema(inner.expected, (input, path) => input === undefined ? fallback : inner.read(input, path));
}
/** A value that takes `fallback()` whenever it does not decode: for advice, not for truth. */
function orElse(inner, fallback) {
    return schema(inner.expected, (input, path) => {
        try {
            return inner.read(input, path);
        }
        catch (error) {
            if (error instanceof DecodeError)
                return fallback();
            throw error;
        }
    });
}
/** Decodes with `inner`, then checks or completes the value (throw with `fail` to refuse it). */
function map(inner, then) {
    return schema(inner.expected, (input, path) => then(inner.read(input, path), path));
}
function contract(subject, shape, toJson = (value) => value) {
    return {
        decode: (data) => {
            try {
                return shape.read(data, undefined);
            }
            catch (error) {
                if (!(error instanceof DecodeError) || error.subject !== undefined)
                    throw error;
                throw new DecodeError(error.field, error.expected, error.got, subject);
            }
        },
        encode: (value, indent = 0) => (0,_json_js__WEBPACK_IMPORTED_MODULE_0__/* .stableStringify */ .J)(toJson(value), indent),
    };
}
//# sourceMappingURL=schema.js.map

/***/ }),

/***/ 2079:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Bk: () => (/* binding */ STORE_VERSION),
/* harmony export */   GQ: () => (/* binding */ OUTCOME_HISTORY),
/* harmony export */   cL: () => (/* binding */ encodeStore),
/* harmony export */   ji: () => (/* binding */ readStoreDocument),
/* harmony export */   mR: () => (/* binding */ COST_MODEL),
/* harmony export */   uE: () => (/* binding */ decodeStore)
/* harmony export */ });
/* unused harmony export storeContract */
/* harmony import */ var _duration_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(1420);
/* harmony import */ var _schema_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(9687);


/**
 * Shardwise's timings store (`.shardwise/timings.json`, the Actions cache): what past runs
 * measured, smoothed (store.ts). It comes back from a cache that a lower-trust run may have
 * written (THREATS C1, F1–F3), and timings are advice, never truth: a store of another
 * version or tool is refused whole, but inside a version-1 store a damaged entry is dropped
 * or repaired, never a reason to lose the rest of the history. Numbers are bounded (six hours)
 * and sections are null-prototype records, so a test named `__proto__` is just a test.
 */
/**
 * What the file entries mean. Stores written before per-file costs were learned hold the sum
 * of each file's tests; their file entries are replaced (not averaged) by the next measured run.
 */
const COST_MODEL = 'file-wall';
/** Outcome letters kept per test. */
const OUTCOME_HISTORY = 30;
/** The store version this Shardwise reads and writes. */
const STORE_VERSION = 1;
/** A field that is left out when it does not decode (a repairable detail of an entry). */
function lenient(inner) {
    const tolerant = (0,_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .orElse */ .NW)(inner, () => undefined);
    return { ...(0,_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .optional */ .lq)(inner), read: tolerant.read };
}
const entrySchema = (0,_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ik)({
    // Longer than a hosted job can run is not a real time: held at the bound.
    seconds: (0,_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .map */ .Tj)((0,_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .number */ .ai)({ min: 0 }), (seconds) => Math.min(seconds, _duration_js__WEBPACK_IMPORTED_MODULE_1__/* .MAX_DURATION_SECONDS */ .EF)),
    /** How many runs have timed this id. */
    runs: (0,_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .orElse */ .NW)((0,_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .map */ .Tj)((0,_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .number */ .ai)({ min: 1 }), Math.floor), () => 1),
    /** When it was last timed (ISO 8601). */
    lastSeen: (0,_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .orElse */ .NW)((0,_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .map */ .Tj)((0,_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .text */ .Qq)(), (seen) => seen.slice(0, 40)), () => ''),
    /** The store's run number when it was last timed: entries unseen for long are pruned. */
    lastRun: lenient((0,_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .number */ .ai)({ whole: true })),
    /** Tests only: one letter per recent run, oldest first — `p` passed, `f` failed, `k` flaky. */
    outcomes: lenient((0,_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .map */ .Tj)((0,_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .matching */ .wC)(/^[pfk]*$/, 'letters p, f and k'), (letters) => letters.slice(-OUTCOME_HISTORY))),
});
const section = (0,_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .orElse */ .NW)((0,_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .lenientRecord */ .X3)(entrySchema), () => Object.freeze(Object.create(null)));
const term = (0,_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .orElse */ .NW)(entrySchema, () => undefined);
const storeSchema = (0,_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ik)({
    version: (0,_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .eu)(STORE_VERSION),
    tool: (0,_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .eu)('shardwise'),
    updatedAt: (0,_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .orElse */ .NW)((0,_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .text */ .Qq)(), () => ''),
    runs: (0,_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .orElse */ .NW)((0,_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .number */ .ai)(), () => 0),
    costModel: lenient((0,_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .eu)(COST_MODEL)),
    /** Each file's own wall cost: environment, imports, collection, hooks and tests. */
    files: section,
    /** Each test's duration. */
    tests: section,
    /** Per-shard start-up: process boot, config, global setup, outside every file. */
    shardSetupSeconds: term,
    /** What the first file of each worker pays once (compiler or transformer warm-up). */
    warmupSeconds: (0,_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .optional */ .lq)(term),
    /** Files the runner runs at once within a shard (effective). */
    workers: (0,_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .optional */ .lq)(term),
}, 'a Shardwise timings store (an object)');
const storeContract = (0,_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .contract */ .dz)('Shardwise timings store', storeSchema);
/** A version-1 store from JSON, repaired where it can be, or a `DecodeError`. */
const decodeStore = storeContract.decode;
const encodeStore = storeContract.encode;
/**
 * Tells a store apart from a newer store and from someone else's file, which are both left
 * alone; anything else that claims to be a store is decoded (a `DecodeError` when it is too
 * damaged to use: a new store may replace it).
 */
function readStoreDocument(data) {
    const header = typeof data === 'object' && data !== null && !Array.isArray(data) ? data : {};
    if (header.tool !== 'shardwise')
        return { kind: 'foreign' };
    if (typeof header.version === 'number' && header.version > STORE_VERSION)
        return { kind: 'newer', version: header.version };
    return { kind: 'store', store: decodeStore(data) };
}
//# sourceMappingURL=store.js.map

/***/ }),

/***/ 2893:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Hc: () => (/* binding */ SERIAL_MODEL),
/* harmony export */   bU: () => (/* binding */ fileSpan),
/* harmony export */   fr: () => (/* binding */ fitRun),
/* harmony export */   jH: () => (/* binding */ modelLowerBound)
/* harmony export */ });
/* unused harmony exports predictShardSeconds, span */
/* harmony import */ var _stats_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(9681);

const SERIAL_MODEL = { startupSeconds: 0, warmupSeconds: 0, workers: 1 };
/** The fewest and most workers a fit may report (beyond these a measurement is noise). */
const MIN_WORKERS = 0.5;
const MAX_WORKERS = 64;
/** The wall time of a shard that runs files of these costs; 0 for an empty shard. */
function predictShardSeconds(model, fileCosts) {
    if (fileCosts.length === 0)
        return 0;
    return model.startupSeconds + model.warmupSeconds + span(model, fileCosts);
}
/** The time from the first file's start to the last file's end, under the model. */
function span(model, fileCosts) {
    let total = 0;
    let longest = 0;
    for (const cost of fileCosts) {
        total += cost;
        if (cost > longest)
            longest = cost;
    }
    return Math.max(longest, total / Math.max(MIN_WORKERS, model.workers));
}
/**
 * The least any split of these files into `shards` shards can take for its longest shard, under
 * the model: no shard can be shorter than its start-up plus a fair share of the work, nor than
 * the longest single file.
 */
function modelLowerBound(model, totalSeconds, longestSeconds, shards) {
    if (totalSeconds <= 0)
        return 0;
    const share = totalSeconds / (Math.max(1, shards) * Math.max(MIN_WORKERS, model.workers));
    return model.startupSeconds + model.warmupSeconds + Math.max(longestSeconds, share);
}
/** The least cost a file is given: a file always costs something. */
const MIN_FILE_SECONDS = 0.001;
/**
 * The time from the first file's start to the last one's end: from the start times where the
 * runner stamped every file, else the files one after another.
 */
function fileSpan(files) {
    if (files.length > 0 && files.every((f) => f.start !== undefined && f.seconds !== undefined)) {
        let start = Infinity;
        let end = 0;
        for (const f of files) {
            start = Math.min(start, f.start ?? 0);
            end = Math.max(end, (f.start ?? 0) + (f.seconds ?? 0));
        }
        return end - start;
    }
    return (0,_stats_js__WEBPACK_IMPORTED_MODULE_0__/* .sum */ .cz)(files.map((f) => f.seconds ?? 0));
}
/**
 * Puts timed files back on the workers that ran them: each file goes to the worker that became
 * free last before it started. Returns, per file, the idle time before it on its worker
 * (`undefined` for a worker's first file).
 */
function workerGaps(files) {
    const gaps = new Map();
    const ends = [];
    const ordered = [...files].sort((a, b) => a.start - b.start || (a.file < b.file ? -1 : 1));
    for (const f of ordered) {
        // A millisecond of slack: runners stamp times in whole milliseconds.
        let best = -1;
        for (let w = 0; w < ends.length; w++) {
            const end = ends[w] ?? 0;
            if (end <= f.start + 0.001 && (best < 0 || end > (ends[best] ?? 0)))
                best = w;
        }
        if (best < 0) {
            gaps.set(f.file, undefined);
            ends.push(f.start + f.seconds);
        }
        else {
            gaps.set(f.file, Math.max(0, f.start - (ends[best] ?? 0)));
            ends[best] = f.start + f.seconds;
        }
    }
    return gaps;
}
/**
 * One shard whose runner timed every file. Runners time a file from some point of their own
 * (Jest from after the environment is built); the time a worker spends between two files goes
 * to the file that follows, and a worker's first file is given the shard's typical gap. The
 * start-up is then what remains outside the files' span.
 */
function directShard(observation) {
    const { files } = observation;
    const stamped = files.filter((f) => f.seconds !== undefined && f.start !== undefined);
    const seconds = new Map();
    let first = new Set();
    let spanSeconds;
    if (stamped.length === files.length && stamped.length > 0) {
        const gaps = workerGaps(stamped);
        const known = [...gaps.values()].filter((g) => g !== undefined);
        const typical = known.length > 0 ? (0,_stats_js__WEBPACK_IMPORTED_MODULE_0__/* .median */ .JZ)(known) : 0;
        first = new Set([...gaps].filter(([, g]) => g === undefined).map(([file]) => file));
        for (const f of stamped)
            seconds.set(f.file, f.seconds + (gaps.get(f.file) ?? typical));
        spanSeconds = fileSpan(files) + typical;
    }
    else {
        for (const f of files)
            seconds.set(f.file, f.seconds ?? 0);
        spanSeconds = fileSpan(files);
    }
    // A first file's overhead beyond what the shard's other files typically pay: the warm-up.
    // It needs a few other files to compare with; a shard of one or two files tells nothing.
    const overhead = (f) => Math.max(0, (seconds.get(f.file) ?? 0) - f.testSeconds);
    let warmupSeconds;
    const others = files.filter((f) => !first.has(f.file));
    if (first.size > 0 && others.length >= 2) {
        const firsts = files.filter((f) => first.has(f.file)).map(overhead);
        warmupSeconds = (0,_stats_js__WEBPACK_IMPORTED_MODULE_0__/* .sum */ .cz)(firsts) / firsts.length - (0,_stats_js__WEBPACK_IMPORTED_MODULE_0__/* .median */ .JZ)(others.map(overhead));
    }
    return { observation, seconds, first, spanSeconds, warmupSeconds };
}
/**
 * What the timed shards teach: each file's cost (a worker's first file less the warm-up), the
 * start-up outside the files' span, and how many files ran at once.
 */
function learnFromTimed(direct, warm) {
    const parts = [];
    const startups = [];
    const workers = [];
    for (const d of direct) {
        const costs = d.observation.files.map((f) => {
            const seconds = d.seconds.get(f.file) ?? 0;
            const cost = d.first.has(f.file) ? Math.max(f.testSeconds, seconds - warm) : seconds;
            return { file: f.file, cost: Math.max(MIN_FILE_SECONDS, cost), testSeconds: f.testSeconds };
        });
        parts.push(...costs);
        // Silent files: the shard's typical overhead (their time sits between the others').
        const typical = (0,_stats_js__WEBPACK_IMPORTED_MODULE_0__/* .median */ .JZ)(costs.map((c) => Math.max(0, c.cost - c.testSeconds)));
        for (const f of d.silent)
            parts.push({ file: f.file, cost: Math.max(MIN_FILE_SECONDS, typical), testSeconds: 0 });
        startups.push(Math.max(0, d.observation.wallSeconds - d.spanSeconds));
        if (costs.length >= 2 && d.first.size > 0) {
            // Files run at once: the work done over the time it took, warm-up set apart.
            const time = d.spanSeconds - warm;
            if (time > 0)
                workers.push(Math.min(MAX_WORKERS, Math.max(MIN_WORKERS, (0,_stats_js__WEBPACK_IMPORTED_MODULE_0__/* .sum */ .cz)(costs.map((c) => c.cost)) / time)));
        }
    }
    return { parts, startups, workers };
}
/**
 * What the shards with untimed files teach: each file its tests' time plus a share of a
 * per-file overhead, with the start-up as known (`startupSeconds`) or else fitted across the
 * shards as `wall = start-up + overhead × files + Σ tests` (returned as `fittedStartupSeconds`).
 */
function learnFromUntimed(indirect, startupSeconds, warm) {
    const points = indirect.map((s) => {
        const unknown = s.files.filter((f) => f.seconds === undefined);
        const known = (0,_stats_js__WEBPACK_IMPORTED_MODULE_0__/* .sum */ .cz)(s.files.filter((f) => f.seconds !== undefined).map((f) => f.seconds ?? 0));
        return {
            shard: s,
            count: unknown.length,
            rest: s.wallSeconds - known - (0,_stats_js__WEBPACK_IMPORTED_MODULE_0__/* .sum */ .cz)(unknown.map((f) => f.testSeconds)),
        };
    });
    let fitted;
    let perFile;
    if (startupSeconds !== undefined) {
        const base = startupSeconds + warm;
        perFile = (0,_stats_js__WEBPACK_IMPORTED_MODULE_0__/* .median */ .JZ)(points.map((p) => Math.max(0, (p.rest - base) / p.count)));
    }
    else {
        const fit = leastSquares(points.map((p) => [p.count, p.rest]));
        if (fit !== undefined && fit.slope >= 0 && fit.intercept >= 0) {
            fitted = fit.intercept;
            perFile = fit.slope;
        }
        else {
            // Not separable (one shard, or equal file counts): no start-up is known, so the files
            // carry the whole time. Charging a start-up to no one would hide it; this at least
            // keeps every shard's total right.
            fitted = 0;
            perFile = (0,_stats_js__WEBPACK_IMPORTED_MODULE_0__/* .median */ .JZ)(points.map((p) => Math.max(0, p.rest / p.count)));
        }
    }
    const parts = [];
    for (const p of points) {
        for (const f of p.shard.files) {
            const cost = f.seconds ?? f.testSeconds + perFile;
            parts.push({
                file: f.file,
                cost: Math.max(MIN_FILE_SECONDS, cost),
                testSeconds: f.testSeconds,
            });
        }
    }
    return { parts, fittedStartupSeconds: fitted };
}
/**
 * Learns from one run's shards. Shards whose runner timed every file (Jest, Vitest, node:test,
 * pytest, go test) give the file costs directly; the start-up is each shard's wall time outside
 * its files' span, and the warm-up the typical excess of a worker's first file over the other
 * files of its shard (medians across shards, so one file that is slow for its own reasons
 * does not pass for warm-up). Shards whose runner times only tests (Mocha, Playwright, a generic
 * command) give each file its tests' time plus an equal share of a per-file overhead, fitted
 * across shards as `wall = start-up + overhead × files + Σ tests` (least squares), or — where
 * the run cannot separate the two — with the start-up from `prior`.
 */
function fitRun(shards, prior) {
    const nonEmpty = shards.filter((s) => s.files.length > 0);
    // A file without a time of its own and without tests (it crashed on import, or every test
    // was skipped) does not stop a shard from counting as timed; it gets the shard's typical
    // per-file overhead below.
    const silent = (f) => f.seconds === undefined && !(f.testSeconds > 0);
    const isDirect = (s) => s.files.some((f) => f.seconds !== undefined) &&
        s.files.every((f) => f.seconds !== undefined || silent(f));
    const direct = nonEmpty.filter(isDirect).map((s) => ({
        ...directShard({ ...s, files: s.files.filter((f) => !silent(f)) }),
        silent: s.files.filter(silent),
    }));
    const warmups = direct
        .map((d) => d.warmupSeconds)
        .filter((w) => w !== undefined)
        .map((w) => Math.max(0, w));
    const warmupSeconds = warmups.length > 0 ? (0,_stats_js__WEBPACK_IMPORTED_MODULE_0__/* .median */ .JZ)(warmups) : undefined;
    const warm = warmupSeconds ?? prior?.warmupSeconds ?? 0;
    const timed = learnFromTimed(direct, warm);
    let startupSeconds = timed.startups.length > 0 ? (0,_stats_js__WEBPACK_IMPORTED_MODULE_0__/* .median */ .JZ)(timed.startups) : undefined;
    const parts = timed.parts;
    // Shards where some file has no time of its own: files get their tests' time plus a share
    // of a per-file overhead; the start-up is fitted or taken from what is known.
    const indirect = nonEmpty.filter((s) => !isDirect(s));
    if (indirect.length > 0) {
        const untimed = learnFromUntimed(indirect, startupSeconds ?? prior?.startupSeconds, warm);
        parts.push(...untimed.parts);
        if (untimed.fittedStartupSeconds !== undefined)
            startupSeconds = untimed.fittedStartupSeconds;
    }
    return {
        fileCosts: wholeFiles(parts),
        startupSeconds,
        warmupSeconds,
        workers: timed.workers.length > 0 ? (0,_stats_js__WEBPACK_IMPORTED_MODULE_0__/* .median */ .JZ)(timed.workers) : undefined,
    };
}
/**
 * One cost per file. A file split over several shards (test granularity) cost the sum of its
 * parts, less the setup (part cost beyond its tests) every part but one paid again.
 */
function wholeFiles(parts) {
    const byFile = new Map();
    for (const part of parts) {
        const list = byFile.get(part.file);
        if (list)
            list.push(part);
        else
            byFile.set(part.file, [part]);
    }
    const out = new Map();
    for (const [file, list] of byFile) {
        const total = (0,_stats_js__WEBPACK_IMPORTED_MODULE_0__/* .sum */ .cz)(list.map((p) => p.cost));
        const setup = list.length > 1 ? (0,_stats_js__WEBPACK_IMPORTED_MODULE_0__/* .median */ .JZ)(list.map((p) => Math.max(0, p.cost - p.testSeconds))) : 0;
        out.set(file, Math.max(MIN_FILE_SECONDS, total - (list.length - 1) * setup));
    }
    return out;
}
/** `y = intercept + slope·x` by least squares; undefined when x does not vary. */
function leastSquares(points) {
    if (points.length < 2)
        return undefined;
    const n = points.length;
    const mx = (0,_stats_js__WEBPACK_IMPORTED_MODULE_0__/* .sum */ .cz)(points.map((p) => p[0])) / n;
    const my = (0,_stats_js__WEBPACK_IMPORTED_MODULE_0__/* .sum */ .cz)(points.map((p) => p[1])) / n;
    let sxx = 0;
    let sxy = 0;
    for (const [x, y] of points) {
        sxx += (x - mx) * (x - mx);
        sxy += (x - mx) * (y - my);
    }
    if (sxx === 0)
        return undefined;
    const slope = sxy / sxx;
    return { slope, intercept: my - slope * mx };
}
//# sourceMappingURL=cost-model.js.map

/***/ }),

/***/ 1420:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   EF: () => (/* binding */ MAX_DURATION_SECONDS),
/* harmony export */   Sb: () => (/* binding */ acceptSeconds),
/* harmony export */   fL: () => (/* binding */ parseSeconds)
/* harmony export */ });
/** Six hours: GitHub's hosted job limit, and so the longest duration a real test can have. */
const MAX_DURATION_SECONDS = 6 * 60 * 60;
const DECIMAL = /^\d+(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
/**
 * Parses a duration written as decimal seconds. JUnit writers disagree on formatting, so the
 * grammar is strict: a thousands separator (`1,234.5`) is accepted only in its unambiguous
 * form (groups of three before a dot, no leading zero); without the dot `1,234` may as well be
 * a decimal comma (1.234 s). Anything else (`0,160`, `80us`, `NaN`, `-1`, `0x10`, `+3`) is
 * `undefined` — unknown, never a guess. Values above six hours are `undefined` too.
 */
function parseSeconds(text) {
    if (text === undefined)
        return undefined;
    let trimmed = text.trim();
    if (/^[1-9]\d{0,2}(?:,\d{3})+\.\d+$/.test(trimmed))
        trimmed = trimmed.replace(/,/g, '');
    if (!DECIMAL.test(trimmed))
        return undefined;
    return acceptSeconds(Number(trimmed));
}
/** Accepts a numeric duration only when it is finite and within [0, 6 h]. */
function acceptSeconds(value) {
    if (typeof value !== 'number' || !Number.isFinite(value))
        return undefined;
    if (value < 0 || value > MAX_DURATION_SECONDS)
        return undefined;
    return value;
}
//# sourceMappingURL=duration.js.map

/***/ }),

/***/ 2807:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Gd: () => (/* binding */ InternalError),
/* harmony export */   Uc: () => (/* binding */ describeError),
/* harmony export */   eb: () => (/* binding */ UsageError)
/* harmony export */ });
/**
 * The two failure kinds the entries know how to report. A `UsageError` is the user's to fix
 * (bad flag, unreadable file, malformed data) and prints without a stack; an `InternalError`
 * is our bug and prints with one. Anything else reaching an entry is an environment failure.
 */
class UsageError extends Error {
    name = 'UsageError';
}
class InternalError extends Error {
    name = 'InternalError';
}
/** A message for any thrown value, `Error` or not. */
function describeError(error) {
    if (error instanceof Error)
        return error.message;
    if (typeof error === 'string')
        return error;
    try {
        // JSON.stringify returns undefined for undefined, functions and symbols.
        const text = JSON.stringify(error);
        return text ?? String(error);
    }
    catch {
        return String(error);
    }
}
//# sourceMappingURL=errors.js.map

/***/ }),

/***/ 8821:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Ed: () => (/* binding */ JunitParser),
/* harmony export */   Zh: () => (/* binding */ JunitError),
/* harmony export */   kJ: () => (/* binding */ parseJunit)
/* harmony export */ });
/* harmony import */ var _duration_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(1420);
/* harmony import */ var _ids_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(8628);
/* harmony import */ var _run_builder_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(1626);
/* harmony import */ var _xml_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(3504);




class JunitError extends Error {
    name = 'JunitError';
}
function withFile(files, file) {
    if (files.kind === 'none')
        return { kind: 'one', file };
    return files.kind === 'one' && files.file === file ? files : { kind: 'many' };
}
function joinFiles(a, b) {
    return b.kind === 'none' ? a : b.kind === 'one' ? withFile(a, b.file) : b;
}
const TEST_FILE_EXTENSION = /\.(?:[cm]?[jt]sx?|py|rb|go|feature|php|java|kt|scala|cs|rs|ex|exs|swift|vue|svelte)$/i;
const DOTTED_NAME = /^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+$/;
const PYTHON_TEST_MODULE = /^(?:test_\w*|\w+_test)$/;
function isPathLike(value) {
    return value.includes('/') || value.includes('\\') || TEST_FILE_EXTENSION.test(value);
}
const MAX_MESSAGE_CHARS = 2000;
/**
 * A streaming JUnit XML reader. It is fed text in chunks of any size (`write`) and keeps only
 * what a timing model and a verdict need — ids, durations, outcomes — so memory does not grow
 * with `<system-out>` or CDATA size. The markup is read by the shared `XmlScanner`, which
 * never expands entities beyond the five predefined ones and character references and rejects
 * any DTD (`<!DOCTYPE`, `<!ENTITY`) outright (THREATS D1–D3).
 */
class JunitParser {
    source;
    options;
    scanner;
    suites = [];
    currentCase;
    pytestReport = false;
    cases = 0;
    counts = {
        passed: 0,
        failed: 0,
        error: 0,
        skipped: 0,
    };
    builder;
    /** Test ids with at least one non-skipped occurrence, and their summed time. */
    testSeconds = new Map();
    fileSeconds = new Map();
    untimedTests = new Set();
    countMismatches = 0;
    unnamedCases = 0;
    constructor(source, options = {}) {
        this.source = source;
        this.options = options;
        this.builder = new _run_builder_js__WEBPACK_IMPORTED_MODULE_1__/* .RunBuilder */ .r(source, 'junit', options);
        this.scanner = new _xml_js__WEBPACK_IMPORTED_MODULE_2__/* .XmlScanner */ .KG({
            startElement: (name, tag, parent) => {
                if (parent === undefined)
                    this.checkRoot(name);
                this.openElement(name, tag);
            },
            endElement: (name) => {
                this.closeElement(name);
            },
        }, { document: 'a JUnit report', doctype: 'reject', afterRoot: 'reject' });
    }
    /** Feeds the next chunk of text. Throws `JunitError` for documents that are not JUnit XML. */
    write(chunk) {
        try {
            this.scanner.write(chunk);
        }
        catch (error) {
            if (error instanceof _xml_js__WEBPACK_IMPORTED_MODULE_2__/* .XmlError */ .Gy)
                this.fail(error.reason);
            throw error;
        }
    }
    fail(message) {
        throw new JunitError(`${this.source}: ${message} (at character ${this.scanner.position})`);
    }
    checkRoot(name) {
        if (name !== 'testsuites' && name !== 'testsuite') {
            this.fail(`the root element is <${name}>, not <testsuites> or <testsuite>`);
        }
    }
    openElement(name, tag) {
        switch (name) {
            case 'testsuites': {
                if ((0,_xml_js__WEBPACK_IMPORTED_MODULE_2__/* .parseAttributes */ .vB)(tag).get('name') === 'pytest')
                    this.pytestReport = true;
                return;
            }
            case 'testsuite': {
                const attributes = (0,_xml_js__WEBPACK_IMPORTED_MODULE_2__/* .parseAttributes */ .vB)(tag);
                const suiteName = attributes.get('name') ?? '';
                if (suiteName === 'pytest')
                    this.pytestReport = true;
                const fileAttribute = attributes.get('file') ?? attributes.get('filepath');
                const declared = attributes.get('tests');
                const explicitFile = fileAttribute ? this.normalize(fileAttribute) : undefined;
                const pathLikeName = suiteName !== '' && isPathLike(suiteName) ? this.normalize(suiteName) : undefined;
                const outer = this.suites[this.suites.length - 1];
                this.suites.push({
                    name: suiteName,
                    explicitFile,
                    pathLikeName,
                    inheritedFile: explicitFile ?? outer?.inheritedFile,
                    inheritedPathLike: pathLikeName ?? outer?.inheritedPathLike,
                    time: (0,_duration_js__WEBPACK_IMPORTED_MODULE_3__/* .parseSeconds */ .fL)(attributes.get('time')),
                    declaredTests: declared !== undefined && /^\d+$/.test(declared) ? Number(declared) : undefined,
                    files: { kind: 'none' },
                    fileTimes: new Map(),
                    cases: 0,
                });
                return;
            }
            case 'testcase': {
                if (this.currentCase)
                    this.fail('<testcase> inside <testcase>');
                this.currentCase = this.startCase((0,_xml_js__WEBPACK_IMPORTED_MODULE_2__/* .parseAttributes */ .vB)(tag));
                return;
            }
            case 'failure':
            case 'error':
            case 'skipped':
            case 'flakyFailure':
            case 'flakyError':
            case 'rerunFailure':
            case 'rerunError': {
                const current = this.currentCase;
                if (!current)
                    return;
                if (name === 'failure' || name === 'rerunFailure')
                    current.failed = true;
                else if (name === 'error' || name === 'rerunError')
                    current.errored = true;
                else if (name === 'skipped') {
                    current.skipped = true;
                    const attributes = (0,_xml_js__WEBPACK_IMPORTED_MODULE_2__/* .parseAttributes */ .vB)(tag);
                    if (attributes.get('type') === 'pytest.xfail')
                        current.expectation = 'xfail';
                    else if (attributes.get('message') === 'xfail-marked test passes unexpectedly')
                        current.expectation = 'xpass-strict';
                }
                else
                    current.flaky = true;
                if ((name === 'failure' || name === 'error') && current.message === undefined) {
                    const message = (0,_xml_js__WEBPACK_IMPORTED_MODULE_2__/* .parseAttributes */ .vB)(tag).get('message');
                    if (message !== undefined)
                        current.message = message.slice(0, MAX_MESSAGE_CHARS);
                }
                return;
            }
            default:
                return;
        }
    }
    closeElement(name) {
        if (name === 'testcase')
            this.finishCase();
        else if (name === 'testsuite')
            this.finishSuite();
    }
    normalize(path) {
        return (0,_ids_js__WEBPACK_IMPORTED_MODULE_0__/* .normalizeFileId */ .Xo)(path, this.options);
    }
    /** Works out a test case's file and id from its attributes and enclosing suites. */
    startCase(attributes) {
        const name = attributes.get('name') ?? '';
        const classname = attributes.get('classname') ?? attributes.get('class') ?? '';
        const seconds = (0,_duration_js__WEBPACK_IMPORTED_MODULE_3__/* .parseSeconds */ .fL)(attributes.get('time'));
        const scopes = [];
        let file;
        const own = attributes.get('file') ?? attributes.get('filepath');
        if (own)
            file = this.normalize(own);
        const innermost = this.suites[this.suites.length - 1];
        file ??= innermost?.inheritedFile;
        file ??= innermost?.inheritedPathLike;
        // A describe block can look like a path ("test/it errors", "config .cjs"); a class name
        // with white space is a title, not a file.
        const classnameIsPath = classname !== '' && !/\s/.test(classname) && isPathLike(classname);
        if (file === undefined && classnameIsPath)
            file = this.normalize(classname);
        if (classname !== '' && !(classnameIsPath && file === this.normalize(classname))) {
            const python = this.pythonModule(classname);
            if (python && (file === undefined || file === python.file)) {
                file = python.file;
                scopes.push(...python.scopes);
            }
            else if (file === undefined) {
                // A class name with no path (Java, C#) is itself the unit a runner selects.
                file = classname;
            }
            else if (!this.isModuleOf(classname, file)) {
                scopes.push(classname); // a describe block
            }
            else if (python) {
                scopes.push(...python.scopes);
            }
        }
        if (file === undefined)
            file = innermost && innermost.name !== '' ? innermost.name : '(unnamed)';
        // A nameless case keeps its place as the test `file::` (the id runners' own reports give it).
        if (name === '')
            this.unnamedCases++;
        return {
            file,
            id: (0,_ids_js__WEBPACK_IMPORTED_MODULE_0__/* .joinTestId */ .e0)(file, scopes, name),
            seconds,
            failed: false,
            errored: false,
            skipped: false,
            flaky: false,
            message: undefined,
            expectation: undefined,
        };
    }
    /** `tests.test_x.TestY` → `tests/test_x.py` with scope `TestY`, for Python-shaped names. */
    pythonModule(classname) {
        if (!DOTTED_NAME.test(classname))
            return undefined;
        const segments = classname.split('.');
        let moduleEnd = -1;
        if (this.pytestReport) {
            const firstClass = segments.findIndex((s) => /^[A-Z]/.test(s));
            moduleEnd = firstClass < 0 ? segments.length : firstClass;
        }
        else {
            for (let i = 0; i < segments.length; i++) {
                const segment = segments[i] ?? '';
                if (PYTHON_TEST_MODULE.test(segment) && segment === segment.toLowerCase())
                    moduleEnd = i + 1;
            }
        }
        if (moduleEnd <= 0)
            return undefined;
        return {
            file: `${segments.slice(0, moduleEnd).join('/')}.py`,
            scopes: segments.slice(moduleEnd),
        };
    }
    isModuleOf(classname, file) {
        const dotted = file.replace(/\.[^./]+$/, '').replace(/\//g, '.');
        return classname === dotted || classname === file;
    }
    finishCase() {
        const current = this.currentCase;
        if (!current)
            return;
        this.currentCase = undefined;
        const status = current.errored
            ? 'error'
            : current.failed
                ? 'failed'
                : current.skipped
                    ? 'skipped'
                    : 'passed';
        this.cases++;
        this.counts[status]++;
        // The innermost suite only: it hands its cases to its parent when it closes.
        const suite = this.suites[this.suites.length - 1];
        if (suite) {
            suite.files = withFile(suite.files, current.file);
            suite.cases++;
        }
        if (status !== 'skipped' && current.seconds !== undefined) {
            this.testSeconds.set(current.id, (this.testSeconds.get(current.id) ?? 0) + current.seconds);
        }
        else if (!this.testSeconds.has(current.id)) {
            this.untimedTests.add(current.id);
        }
        this.options.onCase?.({
            id: current.id,
            file: current.file,
            seconds: current.seconds,
            status,
            flaky: current.flaky && status === 'passed',
            message: current.message,
            ...(current.expectation !== undefined && status === 'skipped'
                ? { expectation: current.expectation }
                : {}),
        });
    }
    finishSuite() {
        const suite = this.suites.pop();
        if (!suite)
            return;
        if (suite.declaredTests !== undefined && suite.declaredTests !== suite.cases) {
            this.countMismatches++;
        }
        // The file a suite stands for: named explicitly, or the one file all its cases share.
        const onlyFile = suite.files.kind === 'one' ? suite.files.file : undefined;
        const file = suite.explicitFile ?? suite.pathLikeName ?? onlyFile;
        const recorded = suite.fileTimes;
        if (file !== undefined && suite.time !== undefined && suite.time > 0) {
            // The outermost timed suite of a file wins: nested describe-suites are inside its time.
            const inner = recorded.get(file) ?? 0;
            this.fileSeconds.set(file, (this.fileSeconds.get(file) ?? 0) - inner + suite.time);
            recorded.set(file, suite.time);
        }
        const parent = this.suites[this.suites.length - 1];
        if (parent) {
            parent.cases += suite.cases;
            parent.files = joinFiles(parent.files, suite.files);
            // The smaller map goes into the larger (this suite is closed: its map can be reused),
            // so that a deep chain of suites does not copy a growing map at every level.
            let into = parent.fileTimes;
            let from = recorded;
            if (into.size < from.size)
                [into, from] = [from, into];
            for (const [f, seconds] of from)
                into.set(f, (into.get(f) ?? 0) + seconds);
            parent.fileTimes = into;
        }
    }
    /** Ends the document and returns what it held. */
    end() {
        let partial;
        if (!this.scanner.rootSeen) {
            this.fail(this.scanner.written === 0 ? 'the file is empty' : 'no <testsuites> or <testsuite> element');
        }
        if (this.scanner.unfinished) {
            const open = this.scanner.openElement ?? 'a tag';
            partial = `${this.source}: the report ends inside <${open}> (truncated?); kept ${this.cases} complete test cases`;
            // A case cut off mid-way has no outcome; suites still open have no trustworthy time.
            this.currentCase = undefined;
        }
        for (const [id, seconds] of this.testSeconds)
            this.builder.addNormalized(id, seconds);
        for (const [file, seconds] of this.fileSeconds)
            this.builder.addNormalized(file, seconds);
        for (const id of this.untimedTests) {
            if (!this.testSeconds.has(id))
                this.builder.addUntimed(id);
        }
        const warnings = [...this.builder.warnings()];
        if (partial)
            warnings.push(partial);
        if (this.countMismatches > 0) {
            warnings.push(`${this.source}: ${this.countMismatches} suites declare a tests= count that differs from the test cases they contain; the cases were counted`);
        }
        if (this.unnamedCases > 0) {
            warnings.push(`${this.source}: ${this.unnamedCases} test cases have no name`);
        }
        return {
            run: this.builder.build(),
            cases: this.cases,
            statusCounts: { ...this.counts },
            partial,
            warnings,
        };
    }
}
/** Parses a whole JUnit document held in memory (tests, small files). */
function parseJunit(source, text, options = {}) {
    const parser = new JunitParser(source, options);
    parser.write(text);
    return parser.end();
}
//# sourceMappingURL=junit.js.map

/***/ }),

/***/ 1626:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   r: () => (/* binding */ RunBuilder)
/* harmony export */ });
/* harmony import */ var _duration_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(1420);
/* harmony import */ var _ids_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(8628);


/**
 * Accumulates one run's durations. Within one run the same id seen twice is one test whose
 * durations add up (a parametrised test reported per case, a file reported per describe block).
 * Zero and invalid durations are counted, not stored: a 0 s entry is a skipped or rounded test,
 * and treating it as "free" wrecks the balance.
 */
class RunBuilder {
    source;
    format;
    normalize;
    files = new Map();
    tests = new Map();
    untimed = new Set();
    zeroEntries = 0;
    invalidEntries = 0;
    /** How many different ids were added: fewer than the calls when two raw ids met as one. */
    get distinctIds() {
        let untimedOnly = 0;
        for (const id of this.untimed)
            if (!this.files.has(id) && !this.tests.has(id))
                untimedOnly++;
        return this.files.size + this.tests.size + untimedOnly;
    }
    constructor(source, format, normalize = {}) {
        this.source = source;
        this.format = format;
        this.normalize = normalize;
    }
    /** Adds a duration to an id; the id's kind (file or test) follows its shape. */
    add(rawId, value) {
        const id = (0,_ids_js__WEBPACK_IMPORTED_MODULE_0__/* .normalizeId */ .XB)(rawId, this.normalize);
        this.addNormalized(id, value);
    }
    addNormalized(id, value) {
        const seconds = (0,_duration_js__WEBPACK_IMPORTED_MODULE_1__/* .acceptSeconds */ .Sb)(value);
        if (seconds === undefined) {
            this.invalidEntries++;
            this.untimed.add(id);
            return;
        }
        if (seconds === 0) {
            this.zeroEntries++;
            this.untimed.add(id);
            return;
        }
        const target = (0,_ids_js__WEBPACK_IMPORTED_MODULE_0__/* .isTestId */ .Cw)(id) ? this.tests : this.files;
        const before = target.get(id);
        target.set(id, before === undefined ? seconds : before + seconds);
    }
    /** Records an id that exists but has no usable duration (a skipped test). */
    addUntimed(id) {
        this.untimed.add(id);
    }
    /** Whether this run already holds the (normalised) id. */
    has(id) {
        return this.files.has(id) || this.tests.has(id) || this.untimed.has(id);
    }
    get size() {
        return this.files.size + this.tests.size + this.untimed.size;
    }
    build() {
        for (const id of this.untimed) {
            if (this.files.has(id) || this.tests.has(id))
                this.untimed.delete(id);
        }
        return {
            source: this.source,
            format: this.format,
            files: this.files,
            tests: this.tests,
            untimed: this.untimed,
        };
    }
    /** Warnings describing what this run ignored. */
    warnings() {
        const out = [];
        if (this.zeroEntries > 0) {
            out.push(`${this.source}: ${this.zeroEntries} entries of 0 s treated as unknown`);
        }
        if (this.invalidEntries > 0) {
            out.push(`${this.source}: ${this.invalidEntries} entries ignored (duration not a number of seconds from 0 to 6 h)`);
        }
        return out;
    }
}
//# sourceMappingURL=run-builder.js.map

/***/ }),

/***/ 3504:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Gy: () => (/* binding */ XmlError),
/* harmony export */   KG: () => (/* binding */ XmlScanner),
/* harmony export */   Sm: () => (/* binding */ decodeEntities),
/* harmony export */   vB: () => (/* binding */ parseAttributes)
/* harmony export */ });
/* unused harmony export MAX_TAG_CHARS */
/**
 * The one XML reader behind Shardwise's streaming parsers (JUnit, Cobertura): a small
 * purpose-built scanner, not a general XML parser. It is fed text in chunks of any size and
 * hands tags to a handler, so memory does not grow with `<system-out>` or CDATA size; text is
 * skipped with `indexOf`, which is what makes hundreds of MB per second possible.
 *
 * It never expands entities beyond the five predefined ones and character references (and
 * those only when a reader asks, through `parseAttributes`/`decodeEntities`), never fetches
 * anything, and rejects DTD content that could declare entities (THREATS D1–D3), so no document
 * can make a reader fetch or grow anything.
 */
const ENTITY = /&(#x[0-9A-Fa-f]+|#\d+|lt|gt|amp|quot|apos);/g;
const NAMED = new Map([
    ['lt', '<'],
    ['gt', '>'],
    ['amp', '&'],
    ['quot', '"'],
    ['apos', "'"],
]);
function decodeEntities(value) {
    if (!value.includes('&'))
        return value;
    return value.replace(ENTITY, (whole, body) => {
        if (body.startsWith('#')) {
            const code = body[1] === 'x' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
            return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
        }
        return NAMED.get(body) ?? whole;
    });
}
const ATTRIBUTE = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
/** The attributes of a start tag (`<name a="1" b='2'>`), values decoded. */
function parseAttributes(tag) {
    const attributes = new Map();
    ATTRIBUTE.lastIndex = 0;
    for (let match = ATTRIBUTE.exec(tag); match; match = ATTRIBUTE.exec(tag)) {
        const name = match[1];
        if (name !== undefined)
            attributes.set(name, decodeEntities(match[2] ?? match[3] ?? ''));
    }
    return attributes;
}
/**
 * A document the scanner cannot read on. After it the scanner must not be written to again;
 * what the handler received before it is complete and can be kept.
 */
class XmlError extends Error {
    reason;
    position;
    dtd;
    name = 'XmlError';
    constructor(
    /** What is wrong, without the position. */
    reason, 
    /** Where the offending token starts, in characters from the start of the document. */
    position, 
    /** DTD content: hostile or unusable, never a document to salvage. */
    dtd) {
        super(`${reason} (at character ${position})`);
        this.reason = reason;
        this.position = position;
        this.dtd = dtd;
    }
}
/** The longest single tag the scanner waits for; real tags are a few hundred characters. */
const MAX_TAG_CHARS = 1 << 20;
const MAX_DOCTYPE_CHARS = 1 << 16;
const TERMINATORS = {
    comment: '-->',
    cdata: ']]>',
    pi: '?>',
};
const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const BANG = 0x21;
const QUESTION = 0x3f;
const DOUBLE_QUOTE = 0x22;
const SINGLE_QUOTE = 0x27;
const OPEN_BRACKET = 0x5b;
const ELEMENT_NAME = /^<([^\s/>]+)/;
/**
 * A streaming XML scanner. It checks the structure every reader needs — one root element,
 * matching end tags, no stray text outside the root, no `<` inside a tag, no tag over 1 MiB —
 * and skips comments, CDATA and processing instructions, whatever the chunk boundaries. Errors
 * are thrown as `XmlError`; errors the handler throws pass through unchanged.
 */
class XmlScanner {
    handler;
    options;
    /** Text not consumed yet: empty, or a token cut off by the end of a chunk. */
    buffer = '';
    /** Characters consumed before `buffer`. */
    offset = 0;
    mode = 'markup';
    elements = [];
    tokenStart = 0;
    /**
     * How much of the tag or DOCTYPE cut off at the start of `buffer` was already scanned, and
     * the quote open there: the next chunk resumes the scan, so a long tag costs linear time.
     */
    scanned = 0;
    scanQuote = 0;
    doctypeSeen = false;
    rootWasSeen = false;
    rootWasClosed = false;
    constructor(handler, options) {
        this.handler = handler;
        this.options = options;
    }
    /** Where the token being handled starts (characters from the start of the document). */
    get position() {
        return this.tokenStart;
    }
    get rootSeen() {
        return this.rootWasSeen;
    }
    get rootClosed() {
        return this.rootWasClosed;
    }
    /** The innermost open element. */
    get openElement() {
        return this.elements[this.elements.length - 1];
    }
    /** Characters written so far. */
    get written() {
        return this.offset + this.buffer.length;
    }
    /** The text so far ends inside an element, a comment, CDATA, a processing instruction or a tag. */
    get unfinished() {
        return this.elements.length > 0 || this.mode !== 'markup' || this.buffer.length > 0;
    }
    /** Feeds the next chunk of text. */
    write(chunk) {
        const buffer = this.buffer.length === 0 ? chunk : this.buffer + chunk;
        const length = buffer.length;
        let position = 0;
        while (position < length) {
            if (this.mode !== 'markup') {
                const terminator = TERMINATORS[this.mode];
                const end = buffer.indexOf(terminator, position);
                if (end < 0) {
                    // Keep only what could be the start of the terminator.
                    position = Math.max(position, length - (terminator.length - 1));
                    break;
                }
                position = end + terminator.length;
                this.mode = 'markup';
                continue;
            }
            const lt = buffer.indexOf('<', position);
            const textEnd = lt < 0 ? length : lt;
            if (textEnd > position) {
                this.text(buffer, position, textEnd);
                position = textEnd;
            }
            if (lt < 0 || length - lt < 2)
                break;
            this.tokenStart = this.offset + lt;
            const next = this.markup(buffer, lt);
            if (next < 0)
                break;
            position = next;
        }
        this.offset += position;
        this.buffer = position === 0 ? buffer : buffer.slice(position);
    }
    error(reason, dtd = false) {
        return new XmlError(reason, this.tokenStart, dtd);
    }
    text(buffer, start, end) {
        if (this.elements.length > 0) {
            this.handler.text?.(buffer, start, end);
            return;
        }
        // Outside the root only white space (and a byte order mark) may stand.
        const text = buffer.slice(start, end);
        if (!/\S/.test(text.replace(/^\uFEFF/, '')))
            return;
        this.tokenStart = this.offset + start;
        if (!this.rootWasClosed) {
            throw this.error(`text before the root element: ${JSON.stringify(text.trim().slice(0, 40))}`);
        }
        if (this.options.afterRoot === 'reject')
            throw this.error('text after the root element');
    }
    /** Reads the markup at `lt`; returns where the next token starts, or -1 to wait for more text. */
    markup(buffer, lt) {
        const second = buffer.charCodeAt(lt + 1);
        if (second === BANG)
            return this.declaration(buffer, lt);
        if (second === QUESTION) {
            if (this.rootWasClosed && this.options.afterRoot === 'reject') {
                throw this.error('a second XML document follows the first');
            }
            this.mode = 'pi';
            return lt + 2;
        }
        const end = this.scan(buffer, lt, false);
        if (end < 0)
            return -1;
        this.tag(buffer.slice(lt, end + 1));
        return end + 1;
    }
    /** `<!--`, `<![CDATA[`, `<!DOCTYPE` and the DTD declarations that are never allowed. */
    declaration(buffer, lt) {
        if (buffer.startsWith('<!--', lt)) {
            this.mode = 'comment';
            return lt + 4;
        }
        // Room for '<![CDATA[' and '<!DOCTYPE'. Only here: a short comment or tag can end the
        // document, and waiting on it would call a complete document truncated.
        if (buffer.length - lt < 9)
            return -1;
        if (buffer.startsWith('<![CDATA[', lt)) {
            this.mode = 'cdata';
            return lt + 9;
        }
        const external = this.options.doctype === 'external-only';
        if (external && buffer.startsWith('<!DOCTYPE', lt)) {
            if (this.rootWasSeen || this.doctypeSeen) {
                throw this.error('a DOCTYPE after the document began', true);
            }
            const end = this.scan(buffer, lt, true);
            if (end < 0)
                return -1;
            this.doctypeSeen = true;
            return end + 1;
        }
        const kinds = external ? '<!ENTITY>, <!ELEMENT>, …' : '<!DOCTYPE>, <!ENTITY>';
        throw this.error(`DTD declarations (${kinds}) are not allowed in ${this.options.document}`, true);
    }
    /**
     * Index of the `>` that closes the tag (or DOCTYPE) at `lt`, honouring quotes; -1 when the
     * text ends first. Resumes where the previous chunk's scan of the same tag stopped. A quoted
     * value is skipped with `indexOf`: long attribute values (failure messages) cost little.
     */
    scan(buffer, lt, doctype) {
        const length = buffer.length;
        let i = lt + Math.max(this.scanned, doctype ? 9 : 1);
        let quote = this.scanQuote;
        while (i < length) {
            if (quote !== 0) {
                const close = buffer.indexOf(quote === DOUBLE_QUOTE ? '"' : "'", i);
                if (close < 0)
                    break;
                quote = 0;
                i = close + 1;
                continue;
            }
            const c = buffer.charCodeAt(i);
            if (c === DOUBLE_QUOTE || c === SINGLE_QUOTE) {
                quote = c;
            }
            else if (c === GT) {
                this.scanned = 0;
                this.scanQuote = 0;
                return i;
            }
            else if (doctype) {
                if (c === OPEN_BRACKET) {
                    throw this.error('a DOCTYPE with an internal subset (entity declarations) is not allowed', true);
                }
            }
            else if (c === LT) {
                throw this.error('"<" inside a tag');
            }
            i++;
        }
        if (doctype && length - lt > MAX_DOCTYPE_CHARS) {
            throw this.error('a DOCTYPE longer than 64 KiB', true);
        }
        if (!doctype && length - lt > MAX_TAG_CHARS)
            throw this.error('a tag longer than 1 MiB');
        this.scanned = length - lt;
        this.scanQuote = quote;
        return -1;
    }
    tag(tag) {
        if (tag.charCodeAt(1) === SLASH) {
            const name = tag.slice(2, -1).trim();
            const open = this.elements.pop();
            if (open !== name)
                throw this.error(`</${name}> closes <${open ?? 'nothing'}>`);
            this.handler.endElement(name);
            if (this.elements.length === 0)
                this.rootWasClosed = true;
            return;
        }
        const name = ELEMENT_NAME.exec(tag)?.[1];
        if (name === undefined)
            throw this.error(`malformed tag ${JSON.stringify(tag.slice(0, 40))}`);
        const parent = this.elements[this.elements.length - 1];
        if (parent === undefined) {
            if (this.rootWasClosed)
                throw this.error('a second root element follows the first');
            this.rootWasSeen = true;
        }
        this.handler.startElement(name, tag, parent);
        if (tag.charCodeAt(tag.length - 2) === SLASH) {
            this.handler.endElement(name);
            if (this.elements.length === 0)
                this.rootWasClosed = true;
        }
        else {
            this.elements.push(name);
        }
    }
}
//# sourceMappingURL=xml.js.map

/***/ }),

/***/ 8628:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   CW: () => (/* binding */ isOutsideRoot),
/* harmony export */   Cw: () => (/* binding */ isTestId),
/* harmony export */   Hy: () => (/* binding */ fileOfId),
/* harmony export */   Uy: () => (/* binding */ isDangerousKey),
/* harmony export */   Wf: () => (/* binding */ splitTestId),
/* harmony export */   XB: () => (/* binding */ normalizeId),
/* harmony export */   Xo: () => (/* binding */ normalizeFileId),
/* harmony export */   e0: () => (/* binding */ joinTestId)
/* harmony export */ });
/* unused harmony export TEST_SEPARATOR */
/**
 * Test ids and file ids. A *file id* is a repo-relative POSIX path in NFC (or, for Go, a package
 * import path); a *test id* is `<file id>::<scope…>::<name>` (pytest node ids have exactly this
 * shape already). Every component that compares ids — plan, run, combine — goes through
 * `normalizeFileId`/`normalizeTestId`, so `./a`, `a`, `C:\ws\a` and `/home/runner/work/r/r/a`
 * meet as one id.
 */
const TEST_SEPARATOR = '::';
/**
 * Absolute workspace prefixes of the common hosted CI runners. A report written on one of them
 * names files absolutely; stripping the prefix recovers the repo-relative path.
 */
const RUNNER_ROOTS = [
    /^\/home\/runner\/work\/[^/]+\/[^/]+\//, // GitHub Actions, Linux
    /^\/Users\/runner\/work\/[^/]+\/[^/]+\//, // GitHub Actions, macOS
    /^[A-Za-z]:\/a\/[^/]+\/[^/]+\//, // GitHub Actions, Windows
    /^\/github\/workspace\//, // GitHub Actions, container actions
    /^\/builds\/[^/]+\/[^/]+\//, // GitLab
    /^\/home\/circleci\/project\//, // CircleCI
    /^\/var\/lib\/buildkite-agent\/builds\/[^/]+\/[^/]+\/[^/]+\//, // Buildkite
];
const NO_ROOTS = [];
/** Lexically resolves `.` and `..` segments and collapses repeated slashes. */
function collapseSegments(path) {
    const absolute = path.startsWith('/');
    const out = [];
    for (const segment of path.split('/')) {
        if (segment === '' || segment === '.')
            continue;
        if (segment === '..' && out.length > 0 && out[out.length - 1] !== '..') {
            out.pop();
            continue;
        }
        if (segment === '..' && absolute)
            continue;
        out.push(segment);
    }
    return (absolute ? '/' : '') + out.join('/');
}
/** Backslashes to slashes, NFC, and an upper-case drive letter (`c:\ws` and `C:\ws` are one). */
function toPosix(path) {
    return path
        .replace(/\\/g, '/')
        .normalize('NFC')
        .replace(/^[a-z](?=:\/)/, (drive) => drive.toUpperCase());
}
/** Printable ASCII without spaces at either end: trimming and NFC leave it as it is. */
const PLAIN_ASCII = /^[!-~](?:[ -~]*[!-~])?$/;
/** What normalising would change in a plain ASCII path: separators, `.`/`..`, drives, absolute. */
const NEEDS_NORMALIZING = /[\\:]|^\/|\/$|\/\/|(?:^|\/)\.\.?(?:\/|$)/;
const prefixesByRoots = new WeakMap();
/** The roots as collapsed POSIX prefixes ending in `/`, computed once per roots list. */
function rootPrefixes(roots) {
    let prefixes = prefixesByRoots.get(roots);
    if (!prefixes) {
        prefixes = roots.map((root) => collapseSegments(toPosix(root)).replace(/\/?$/, '/'));
        prefixesByRoots.set(roots, prefixes);
    }
    return prefixes;
}
/**
 * Whether `raw` is already a canonical relative id. Timings files hold up to millions of ids,
 * nearly all of them canonical; recognising those with two regular expressions keeps the full
 * normalisation for the few that need it.
 */
function isCanonical(raw, prefixes) {
    if (!PLAIN_ASCII.test(raw) || NEEDS_NORMALIZING.test(raw))
        return false;
    for (const prefix of prefixes) {
        // Whether `${raw}/` starts with the prefix, without building that string.
        const meets = raw.startsWith(prefix) || (raw.length === prefix.length - 1 && prefix.startsWith(raw));
        if (prefix !== '/' && meets)
            return false;
    }
    return true;
}
/** Normalises a file path or Go package into the canonical file id. */
function normalizeFileId(raw, options = {}) {
    const prefixes = rootPrefixes(options.roots ?? NO_ROOTS);
    if (isCanonical(raw, prefixes))
        return raw;
    // Collapsed first, so that `C:\.\a\r\r\x` meets the runner roots as `C:/a/r/r/x` does.
    // A trailing slash lets a path that *is* a root (`/w/r`) meet the root prefix (`/w/r/`).
    const collapsedInput = collapseSegments(toPosix(raw.trim()));
    let path = collapsedInput === '' ? '' : `${collapsedInput}/`;
    for (const prefix of prefixes) {
        if (prefix !== '/' && path.startsWith(prefix)) {
            path = path.slice(prefix.length);
            break;
        }
    }
    for (const pattern of RUNNER_ROOTS) {
        const match = pattern.exec(path);
        if (match) {
            path = path.slice(match[0].length);
            break;
        }
    }
    const collapsed = collapseSegments(path);
    return collapsed === '' ? '.' : collapsed;
}
/** Splits a test id into its file id and the rest (scope and name), or `undefined` for a file id. */
function splitTestId(id) {
    const at = id.indexOf(TEST_SEPARATOR);
    if (at < 0)
        return undefined;
    return { file: id.slice(0, at), rest: id.slice(at + TEST_SEPARATOR.length) };
}
/** The file an id belongs to: the id itself for a file id. */
function fileOfId(id) {
    const at = id.indexOf(TEST_SEPARATOR);
    return at < 0 ? id : id.slice(0, at);
}
function isTestId(id) {
    return id.includes(TEST_SEPARATOR);
}
/** Normalises the file part of a test id and leaves its scope and name untouched. */
function normalizeId(raw, options = {}) {
    const parts = splitTestId(raw);
    if (!parts)
        return normalizeFileId(raw, options);
    const file = normalizeFileId(parts.file, options);
    return file === parts.file ? raw : `${file}${TEST_SEPARATOR}${parts.rest}`;
}
/** Joins a file id, scope segments and a test name into a test id (empty segments dropped). */
function joinTestId(file, scopes, name) {
    return [file, ...scopes.filter((s) => s !== ''), name].join(TEST_SEPARATOR);
}
/** Keys that must never become plain-object properties. */
function isDangerousKey(key) {
    return key === '__proto__' || key === 'constructor' || key === 'prototype';
}
/**
 * Whether an id names something outside the repository: an absolute path (`/x`, `C:\x`,
 * `\\server\x`) or one that climbs out of the root (`../x`, `a/../../x`). Such ids come from
 * mistaken or hostile input — timings, listings, a plan or a shard result — and are never
 * planned or run. The check is lexical, as the runner will resolve the path against the root.
 */
function isOutsideRoot(id) {
    const file = fileOfId(id);
    // A canonical relative id (nearly every one) is inside by construction.
    if (isCanonical(file, NO_ROOTS))
        return false;
    const path = collapseSegments(toPosix(file));
    return (path.startsWith('/') ||
        /^[A-Za-z]:(?:\/|$)/.test(path) ||
        path === '..' ||
        path.startsWith('../'));
}
//# sourceMappingURL=ids.js.map

/***/ }),

/***/ 8314:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   J: () => (/* binding */ stableStringify)
/* harmony export */ });
/**
 * JSON with object keys sorted at every level, so that files crossing jobs (plan, shard
 * result, timings) are byte-identical for equal content and diff cleanly.
 */
function stableStringify(value, indent = 0) {
    return JSON.stringify(sortKeys(value), null, indent);
}
function sortKeys(value) {
    // A plan lists up to millions of ids: a list of plain values is used as it is, not copied.
    if (Array.isArray(value))
        return holdsObjects(value) ? value.map(sortKeys) : value;
    if (value instanceof Map)
        return sortKeys(Object.fromEntries(value));
    if (typeof value === 'object' && value !== null) {
        const out = Object.create(null);
        for (const key of Object.keys(value).sort()) {
            out[key] = sortKeys(value[key]);
        }
        return out;
    }
    return value;
}
function holdsObjects(list) {
    for (const item of list)
        if (typeof item === 'object' && item !== null)
            return true;
    return false;
}
//# sourceMappingURL=json.js.map

/***/ }),

/***/ 8328:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Wf: () => (/* binding */ workflowCommandGuard),
/* harmony export */   wn: () => (/* binding */ jsonForLog)
/* harmony export */ });
/* unused harmony export neutraliseWorkflowCommands */
/**
 * Text Shardwise prints from untrusted sources — the test command's output, test and file
 * names, artifact paths, messages from reports — can reach a GitHub Actions job log, where
 * the runner acts on two kinds of line:
 *
 * - `::name args::data`: a line whose first character after white space is `::`. The runner
 *   trims with .NET's `TrimStart()`, which removes every Unicode white space (`\v`, `\f`,
 *   NBSP, U+3000, U+2028…), and reads lines ending at `\n`, `\r\n` **or a lone `\r`**.
 * - `##[name args]data`: anywhere in a line.
 *
 * Either can add masks, stop command processing or forge annotations. The guard puts a
 * zero-width space (U+200B) before the first `:` of a line that starts (after white space)
 * with `:`, and between `##` and `[`. That breaks both forms whether the runner compares
 * ordinally (the marker is a different character) or with ICU collation, which ignores
 * U+200B: the runner then still finds the prefix, but reads the command name one character
 * late, starting with `:` or `[`, which names no command.
 *
 * The guard keeps its state across chunks (a command split over two writes is caught) and
 * never holds text back, so it can sit on a live stream; apart from inserted U+200B the
 * text is unchanged.
 */
function workflowCommandGuard() {
    let lineStart = true; // nothing but white space since the last line end
    let hashes = 0; // `#` characters just before, on this line (at most 2 counted)
    /** Moves the state over `text` from `from` on, without marking anything. */
    const advance = (text, from) => {
        for (let i = from; i < text.length; i++) {
            const code = text.charCodeAt(i);
            if (lineStart && isLeadingSpace(code))
                continue;
            lineStart = false;
            hashes = code === HASH ? Math.min(hashes + 1, 2) : 0;
        }
    };
    /** Whether nothing in `text` needs a mark, given the state it starts in. */
    const harmless = (text) => !(lineStart && COLON_FIRST.test(text)) &&
        !(hashes === 2 && text.startsWith('[')) &&
        !(hashes > 0 && text.startsWith('#[')) &&
        !DANGER.test(text);
    return (text) => {
        // Fast path for long clean text (a plan's JSON): one regular expression decides, and only
        // the last line is walked to carry the state over to the next chunk.
        if (text.length > FAST_PATH_LENGTH && harmless(text)) {
            const end = Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r'));
            if (end >= 0) {
                lineStart = true;
                hashes = 0;
            }
            advance(text, end + 1);
            return text;
        }
        let out = '';
        let copied = -1; // -1: nothing marked yet
        for (let i = 0; i < text.length; i++) {
            const code = text.charCodeAt(i);
            if (code === LF || code === CR) {
                lineStart = true;
                hashes = 0;
                continue;
            }
            if (lineStart) {
                if (isLeadingSpace(code))
                    continue;
                lineStart = false;
                if (code === COLON) {
                    out += text.slice(Math.max(copied, 0), i) + MARK;
                    copied = i;
                    continue;
                }
            }
            if (code === HASH) {
                if (hashes < 2)
                    hashes++;
            }
            else {
                if (code === BRACKET && hashes === 2) {
                    out += text.slice(Math.max(copied, 0), i) + MARK;
                    copied = i;
                }
                hashes = 0;
            }
        }
        return copied < 0 ? text : out + text.slice(copied);
    };
}
/** One string on its own (a message, a name): the guard from a line start. */
function neutraliseWorkflowCommands(text) {
    return workflowCommandGuard()(text);
}
/**
 * JSON text made safe for a job log without changing its value: `##[` can only occur inside
 * a string there, where `#` may be written `\u0023`. (A JSON line never starts with `:`.)
 */
function jsonForLog(json) {
    return json.includes('##[') ? json.replace(/#(?=#\[)/g, '\\u0023') : json;
}
const MARK = '\u200b';
/** Below this length the character walk is as quick as the regular expressions. */
const FAST_PATH_LENGTH = 4096;
/** The characters `isLeadingSpace` accepts, as a regular-expression class. */
const LEADING = '[\\t-\\r \\u0085\\u00a0\\u1680\\u180e\\u2000-\\u200d\\u2028\\u2029\\u202f\\u205f\\u2060\\u3000\\ufeff]';
/** A line of the chunk (after its first) that starts with `:`, or `##[` anywhere. */
const DANGER = new RegExp(`##\\[|[\\n\\r]${LEADING}*:`);
/** The chunk's first characters: `:` after leading space only. */
const COLON_FIRST = new RegExp(`^${LEADING}*:`);
const LF = 0x0a;
const CR = 0x0d;
const COLON = 0x3a;
const HASH = 0x23;
const BRACKET = 0x5b;
/**
 * What .NET's `char.IsWhiteSpace` trims (Unicode Zs, Zl, Zp, `\t`–`\r`, U+0085), plus the
 * invisible format characters that collation ignores (U+180E, U+200B–U+200D, U+2060,
 * U+FEFF): treating a few more characters as leading space only defuses more lines.
 */
function isLeadingSpace(code) {
    if (code <= 0x20)
        return code === 0x20 || (code >= 0x09 && code <= 0x0d);
    if (code < 0x85)
        return false;
    return (code === 0x85 ||
        code === 0xa0 ||
        code === 0x1680 ||
        code === 0x180e ||
        (code >= 0x2000 && code <= 0x200d) ||
        code === 0x2028 ||
        code === 0x2029 ||
        code === 0x202f ||
        code === 0x205f ||
        code === 0x2060 ||
        code === 0x3000 ||
        code === 0xfeff);
}
//# sourceMappingURL=log-guard.js.map

/***/ }),

/***/ 3641:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  hH: () => (/* binding */ MAX_SHARDS),
  tF: () => (/* binding */ planShards)
});

// UNUSED EXPORTS: MAX_LISTED_ESTIMATES

// EXTERNAL MODULE: ./build/core/cost-model.js
var cost_model = __nccwpck_require__(2893);
// EXTERNAL MODULE: ./build/core/ids.js
var core_ids = __nccwpck_require__(8628);
;// CONCATENATED MODULE: ./build/core/plan/items.js

/** The ids to plan when none were given: everything the timings know (unique, sorted). */
function itemsFromModel(model, granularity) {
    const files = [...model.files.keys()];
    const untimedFiles = new Set();
    for (const id of model.untimed) {
        const file = (0,core_ids/* fileOfId */.Hy)(id);
        if (!model.files.has(file))
            untimedFiles.add(file);
    }
    files.push(...untimedFiles);
    if (granularity === 'file')
        return files.sort();
    const ids = [];
    for (const file of files) {
        const tests = model.testsByFile.get(file);
        if (tests && tests.length > 0)
            for (const id of tests)
                ids.push(id);
        else
            ids.push(file);
    }
    return ids.sort();
}
/** The ids sorted, each once. */
function sortedUnique(ids) {
    const sorted = [...ids].sort();
    let kept = 0;
    for (let i = 0; i < sorted.length; i++) {
        const id = sorted[i] ?? '';
        if (kept === 0 || id !== sorted[kept - 1])
            sorted[kept++] = id;
    }
    sorted.length = kept;
    return sorted;
}
function groupByFile(ids) {
    const byFile = new Map();
    for (const id of ids) {
        const file = (0,core_ids/* fileOfId */.Hy)(id);
        const list = byFile.get(file);
        if (list)
            list.push(id);
        else
            byFile.set(file, [id]);
    }
    return byFile;
}
//# sourceMappingURL=items.js.map
;// CONCATENATED MODULE: ./build/core/partition.js
/**
 * Partitioning weighted units into shards so that the longest shard is as short as possible
 * (multiprocessor scheduling, NP-hard). Longest-processing-time-first gets within 4/3 of the
 * optimum and, on real suites of many small items, within a fraction of a percent; a bounded
 * local search then moves and swaps items off the longest shard, which is what closes the gap
 * on suites dominated by a few giant items.
 */
/** The order every algorithm here walks units in: longest first, then by id. */
function compareUnits(a, b) {
    return b.seconds - a.seconds || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
/** A binary min-heap of shard indices ordered by (load, unit count, index). */
class ShardHeap {
    loads;
    counts;
    heap;
    constructor(loads, counts) {
        this.loads = loads;
        this.counts = counts;
        this.heap = Int32Array.from(loads, (_, i) => i);
    }
    /** Whether shard `a` comes before shard `b`. */
    before(a, b) {
        const la = this.loads[a] ?? 0;
        const lb = this.loads[b] ?? 0;
        if (la !== lb)
            return la < lb;
        // Equal loads: the shard with fewer units first, so per-test overheads spread evenly.
        const ca = this.counts[a] ?? 0;
        const cb = this.counts[b] ?? 0;
        if (ca !== cb)
            return ca < cb;
        return a < b;
    }
    top() {
        return this.heap[0] ?? 0;
    }
    /** Restores the heap after the top shard's load grew: it sinks below every shard before it. */
    siftDownTop() {
        const heap = this.heap;
        const size = heap.length;
        const sinking = heap[0] ?? 0;
        let i = 0;
        for (;;) {
            let child = 2 * i + 1;
            if (child >= size)
                break;
            const right = child + 1;
            if (right < size && this.before(heap[right] ?? 0, heap[child] ?? 0))
                child = right;
            const next = heap[child] ?? 0;
            if (!this.before(next, sinking))
                break;
            heap[i] = next;
            i = child;
        }
        heap[i] = sinking;
    }
}
/**
 * Splits `units` into `shardCount` shards.
 * Contract: every unit appears in exactly one shard; no shard is empty when
 * `units.length >= shardCount`; the result depends only on the set of units, not their order.
 */
function partitionUnits(units, shardCount, options = {}) {
    checkShardCount(shardCount);
    // In id order, an item's index breaks ties as its id does (`compareUnits`).
    let inIdOrder = true;
    for (let i = 1; i < units.length && inIdOrder; i++) {
        inIdOrder = (units[i - 1]?.id ?? '') < (units[i]?.id ?? '');
    }
    const byId = inIdOrder ? units : [...units].sort(compareIds);
    const seconds = Float64Array.from(byId, (u) => u.seconds);
    const { shards, loads } = partitionSeconds(seconds, shardCount, options);
    const unitsOf = (indices) => {
        const shard = [];
        for (const i of indices) {
            const unit = byId[i];
            if (unit)
                shard.push(unit);
        }
        return shard;
    };
    return { shards: shards.map(unitsOf), loads };
}
function compareIds(a, b) {
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
function checkShardCount(shardCount) {
    if (!Number.isInteger(shardCount) || shardCount < 1) {
        throw new RangeError(`shardCount must be a whole number ≥ 1, got ${shardCount}`);
    }
}
/**
 * `partitionUnits` for items given by index, as the planner holds them: item i takes
 * `seconds[i]` and breaks ties by its index. Nothing per item is allocated but the shards'
 * lists of indices, which on a million items is most of what planning would otherwise cost.
 */
function partitionSeconds(seconds, shardCount, options = {}) {
    checkShardCount(shardCount);
    const loads = new Float64Array(shardCount);
    const counts = new Uint32Array(shardCount);
    const shards = Array.from({ length: shardCount }, () => []);
    deal(longestFirst(seconds), seconds, shards, new ShardHeap(loads, counts));
    const rounds = options.improvementRounds ?? 64 * shardCount;
    if (rounds > 0 && shardCount > 1) {
        improve(shards, loads, rounds, seconds, lowerBoundOfSeconds(seconds, shardCount));
    }
    // Every shard is sorted longest first already: LPT fills it in that order and the search
    // keeps it so.
    return { shards, loads: shards.map((shard) => sumOf(shard, seconds)) };
}
/**
 * LPT itself: each item, in `order`, to the least loaded shard. (Each hot loop of this file is
 * a function of its own: V8 optimises a long loop while it runs, and code after it in the same
 * function would run unoptimised until optimised again.)
 */
function deal(order, seconds, shards, heap) {
    const { loads, counts } = heap;
    for (let at = 0; at < order.length; at++) {
        const item = order[at] ?? 0;
        const target = heap.top();
        shards[target]?.push(item);
        loads[target] = (loads[target] ?? 0) + (seconds[item] ?? 0);
        counts[target] = (counts[target] ?? 0) + 1;
        heap.siftDownTop();
    }
}
/** Whether item `a` comes before item `b`: longer first, then the lower index. */
function compareItems(seconds, a, b) {
    return (seconds[b] ?? 0) - (seconds[a] ?? 0) || a - b;
}
/**
 * The item indices longest first, ties by index. When every time is finite and not negative
 * (always, for durations) this is a radix sort on the bits of the seconds: on a million items
 * with times rounded to the millisecond most times are tied, and a comparison sort would spend
 * most of its work on ties.
 */
function longestFirst(seconds) {
    const values = sortableCopy(seconds);
    if (values)
        return radixLongestFirst(values);
    const order = Array.from({ length: seconds.length }, (_, index) => index);
    return order.sort((a, b) => compareItems(seconds, a, b));
}
/** The seconds as a Float64Array (-0 as 0), or `undefined` if one is negative or not finite. */
function sortableCopy(seconds) {
    const n = seconds.length;
    const values = new Float64Array(n);
    for (let i = 0; i < n; i++) {
        const value = seconds[i] ?? NaN;
        if (!(value >= 0 && value < Infinity))
            return undefined;
        values[i] = value === 0 ? 0 : value; // -0 ties with 0
    }
    return values;
}
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
/**
 * The indices of `seconds` (finite, ≥ 0), longest first and ties in index order: a stable
 * least-significant-digit radix sort on the 64 bits of each double, 16 bits a pass, since
 * non-negative doubles order exactly as their bit patterns do.
 */
function radixLongestFirst(seconds) {
    const n = seconds.length;
    const words = new Uint32Array(seconds.buffer, seconds.byteOffset, n * 2);
    const low = LITTLE_ENDIAN ? 0 : 1;
    let order = new Uint32Array(n);
    for (let i = 0; i < n; i++)
        order[i] = i;
    let next = new Uint32Array(n);
    const digits = new Uint16Array(n);
    const counts = new Uint32Array(1 << 16);
    for (let pass = 0; pass < 4; pass++) {
        const word = pass < 2 ? low : 1 - low;
        const shift = pass % 2 === 0 ? 0 : 16;
        countDigits(words, word, shift, digits, counts);
        if (counts[digits[0] ?? 0] === n)
            continue; // one digit for all: nothing to reorder
        scatter(order, next, digits, counts);
        [order, next] = [next, order];
    }
    return order;
}
/** Each item's 16-bit digit (inverted, so that larger values come first), and their counts. */
function countDigits(words, word, shift, digits, counts) {
    counts.fill(0);
    for (let i = 0; i < digits.length; i++) {
        const digit = 0xffff - (((words[2 * i + word] ?? 0) >>> shift) & 0xffff);
        digits[i] = digit;
        counts[digit] = (counts[digit] ?? 0) + 1;
    }
}
/** Each digit's count replaced by where its items start. */
function startsFromCounts(counts) {
    let start = 0;
    for (let d = 0; d < counts.length; d++) {
        const count = counts[d] ?? 0;
        counts[d] = start;
        start += count;
    }
}
/** One stable pass: `order` into `next` by digit; within one digit, the order stays. */
function scatter(order, next, digits, counts) {
    startsFromCounts(counts);
    for (let i = 0; i < order.length; i++) {
        const index = order[i] ?? 0;
        const digit = digits[index] ?? 0;
        const at = counts[digit] ?? 0;
        next[at] = index;
        counts[digit] = at + 1;
    }
}
function sumOf(items, seconds) {
    let total = 0;
    for (const item of items)
        total += seconds[item] ?? 0;
    return total;
}
/** Relative gain below which a move is not worth making (floating-point noise). */
const EPSILON = 1e-9;
/**
 * How close to the lower bound the longest shard must come for the search to stop: a
 * millisecond, the resolution of every timing format. No plan can be measurably better, and
 * on a hundred thousand items the search would otherwise go on shaving microseconds.
 */
const GOOD_ENOUGH_SECONDS = 0.001;
/**
 * Local search on the longest shard: move one item to, or swap one pair with, another shard
 * when that lowers the larger of the two loads. Each accepted step strictly lowers the sum of
 * squared loads, so the search ends; `rounds` bounds it for very large inputs, and it stops
 * as soon as the longest shard is within `GOOD_ENOUGH_SECONDS` of `bound`, the lower bound.
 */
function improve(shards, loads, rounds, seconds, bound) {
    for (let round = 0; round < rounds; round++) {
        let longest = 0;
        for (let i = 1; i < loads.length; i++) {
            if ((loads[i] ?? 0) > (loads[longest] ?? 0))
                longest = i;
        }
        if ((loads[longest] ?? 0) - bound <= GOOD_ENOUGH_SECONDS)
            return;
        const from = shards[longest] ?? [];
        const fromLoad = loads[longest] ?? 0;
        let moved = false;
        for (const other of partnersOf(loads, longest)) {
            const to = shards[other.index] ?? [];
            const gap = fromLoad - other.load;
            const step = bestStep(from, to, gap, seconds);
            if (!step)
                continue;
            const [fromIndex, toIndex] = step;
            const item = from[fromIndex];
            if (item === undefined)
                continue;
            const itemSeconds = seconds[item] ?? 0;
            // Both shards stay sorted longest first: taken items leave, given ones are inserted.
            if (toIndex < 0) {
                from.splice(fromIndex, 1);
                insertSorted(to, item, seconds);
                loads[longest] = fromLoad - itemSeconds;
                loads[other.index] = other.load + itemSeconds;
            }
            else {
                const back = to[toIndex];
                if (back === undefined)
                    continue;
                const backSeconds = seconds[back] ?? 0;
                from.splice(fromIndex, 1);
                to.splice(toIndex, 1);
                insertSorted(from, back, seconds);
                insertSorted(to, item, seconds);
                loads[longest] = fromLoad - itemSeconds + backSeconds;
                loads[other.index] = other.load + itemSeconds - backSeconds;
            }
            moved = true;
            break;
        }
        if (!moved)
            return;
    }
}
/**
 * The shards that could take load from `longest`, lightest first (ties by index): the best
 * partner for a move is the emptiest. Nearly always the lightest takes a step, so it is found
 * in one pass and the rest are sorted only when it does not.
 */
function* partnersOf(loads, longest) {
    const fromLoad = loads[longest] ?? 0;
    const limit = fromLoad - EPSILON * fromLoad;
    let lightest = -1;
    for (let i = 0; i < loads.length; i++) {
        const load = loads[i] ?? 0;
        if (i !== longest && load < limit && (lightest < 0 || load < (loads[lightest] ?? 0)))
            lightest = i;
    }
    if (lightest < 0)
        return;
    yield { load: loads[lightest] ?? 0, index: lightest };
    const rest = Array.from(loads, (load, index) => ({ load, index }))
        .filter((s) => s.index !== longest && s.index !== lightest && s.load < limit)
        .sort((a, b) => a.load - b.load || a.index - b.index);
    yield* rest;
}
/** Inserts `item` into `items` (sorted by `compareItems`) where it belongs. */
function insertSorted(items, item, seconds) {
    let lo = 0;
    let hi = items.length;
    while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (compareItems(seconds, items[mid] ?? 0, item) <= 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    items.splice(lo, 0, item);
}
/**
 * The move (`[i, -1]`) or swap (`[i, j]`) between `from` (longest, sorted longest first) and
 * `to` that brings the transferred amount closest to half the gap, provided it is strictly
 * between 0 and the gap — exactly the condition for the larger of the two loads to fall.
 */
function bestStep(from, to, gap, seconds) {
    const ideal = gap / 2;
    const floor = gap * EPSILON;
    const ceiling = gap - floor;
    let bestFrom = -1;
    let bestTo = -1;
    let bestDistance = Infinity;
    // The first candidate at the smallest distance wins; this loop runs millions of times on
    // large suites, so candidates are weighed inline rather than through a closure.
    // `to` is sorted longest first; find for each item of `from` the partner whose difference
    // is nearest the ideal.
    let lo = 0;
    for (let i = 0; i < from.length; i++) {
        const a = seconds[from[i] ?? 0] ?? 0;
        if (from.length > 1 && a > floor && a < ceiling) {
            const distance = Math.abs(a - ideal);
            if (distance < bestDistance) {
                bestDistance = distance;
                bestFrom = i;
                bestTo = -1;
            }
        }
        // The first partner not longer than the ideal partner length. `from` is sorted longest
        // first, so that length only falls as `i` grows and the search resumes where it stopped.
        const wanted = a - ideal;
        while (lo < to.length && (seconds[to[lo] ?? 0] ?? 0) > wanted)
            lo++;
        for (let j = lo - 1; j <= lo; j++) {
            const b = to[j];
            if (b === undefined)
                continue;
            const delta = a - (seconds[b] ?? 0);
            if (delta <= floor || delta >= ceiling)
                continue;
            const distance = Math.abs(delta - ideal);
            if (distance < bestDistance) {
                bestDistance = distance;
                bestFrom = i;
                bestTo = j;
            }
        }
        if (bestDistance === 0)
            break;
    }
    return bestFrom < 0 ? undefined : [bestFrom, bestTo];
}
/** `lowerBound` for items given by their seconds (summed in index order). */
function lowerBoundOfSeconds(seconds, shardCount) {
    let total = 0;
    let longest = 0;
    for (let i = 0; i < seconds.length; i++) {
        const value = seconds[i] ?? 0;
        total += value;
        if (value > longest)
            longest = value;
    }
    return Math.max(total / shardCount, longest);
}
/** `max(total / shards, longest unit)`: no partition of these units can do better. */
function lowerBound(units, shardCount) {
    let total = 0;
    let longest = 0;
    for (const unit of units) {
        total += unit.seconds;
        if (unit.seconds > longest)
            longest = unit.seconds;
    }
    return Math.max(total / shardCount, longest);
}
//# sourceMappingURL=partition.js.map
// EXTERNAL MODULE: ./build/core/stats.js
var stats = __nccwpck_require__(9681);
;// CONCATENATED MODULE: ./build/core/plan/units.js


/**
 * Splits one file's tests into `parts` chunks of near-equal time (LPT), each a unit that pays
 * the file's setup once.
 */
function chunkFile(file, tests, parts, prices, setup, estimated) {
    const units = tests.map((id) => ({ id, seconds: prices.of(id) }));
    const partition = partitionUnits(units, Math.min(parts, units.length));
    return partition.shards
        .filter((chunk) => chunk.length > 0)
        .map((chunk, index) => ({
        id: `${file}::#${index + 1}`,
        seconds: setup + (0,stats/* sum */.cz)(chunk.map((u) => u.seconds)),
        items: chunk.map((u) => u.id).sort(),
        file,
        estimated,
    }));
}
/**
 * A file's time: its own observation if it has one (setup and untimed tests included), else
 * the sum of its tests and its setup. New tests, unknown to the timings, add their estimates.
 */
function fileSeconds(context, file, ids) {
    // A file planned whole is an item itself, and the only one of its file.
    if (ids[0] === file)
        return context.prices.of(file);
    const timed = context.model.files.get(file);
    const isNew = (id) => !context.model.tests.has(id) && !context.model.untimed.has(id);
    if (timed !== undefined && timed > 0)
        return timed + (0,stats/* sum */.cz)(ids.filter(isNew).map((id) => context.prices.of(id)));
    return (0,stats/* sum */.cz)(ids.map((id) => context.prices.of(id))) + (context.model.setupByFile.get(file) ?? 0);
}
function setupOf(context, file) {
    return context.model.setupByFile.get(file) ?? 0;
}
/** Whether a file can be split: it holds several planned tests and was not planned whole. */
function splittable(f) {
    return f.ids.length > 1 && !f.ids.includes(f.file);
}
/**
 * The files that alone would exceed the target shard time, and into how many parts each goes.
 * The target is the average shard's time (with the setup the parts pay again) or the longest
 * unsplittable piece, whichever is more; it settles within a few passes.
 */
function splitForTarget(context, fileUnits, shardCount) {
    let splitFiles = [];
    let target = 0;
    for (let pass = 0; pass < 3; pass++) {
        const total = (0,stats/* sum */.cz)(fileUnits.map((f) => f.unit.seconds));
        const extraSetup = (0,stats/* sum */.cz)(splitFiles.map((s) => (s.parts - 1) * setupOf(context, s.file)));
        let unsplittable = 0;
        for (const f of fileUnits) {
            const longest = splittable(f)
                ? f.ids.reduce((m, id) => Math.max(m, context.prices.of(id)), 0) + setupOf(context, f.file)
                : f.unit.seconds;
            unsplittable = Math.max(unsplittable, longest);
        }
        const next = Math.max((total + extraSetup) / shardCount, unsplittable);
        if (next === target)
            break;
        target = next;
        splitFiles = [];
        for (const f of fileUnits) {
            if (!splittable(f) || f.unit.seconds <= target * 1.0001)
                continue;
            const setup = setupOf(context, f.file);
            const body = f.unit.seconds - setup;
            const room = Math.max(target - setup, target / 2);
            const parts = Math.min(f.ids.length, shardCount, Math.ceil(body / room));
            if (parts > 1)
                splitFiles.push({ file: f.file, parts, seconds: f.unit.seconds });
        }
    }
    return splitFiles;
}
/** Fewer units than shards would leave shards empty: splits the longest parts further. */
function splitForEmptyShards(fileUnits, splitFiles, shardCount) {
    const partsOf = new Map(splitFiles.map((s) => [s.file, s.parts]));
    let unitCount = fileUnits.length + (0,stats/* sum */.cz)(splitFiles.map((s) => s.parts - 1));
    while (unitCount < shardCount) {
        let pick;
        let pickSize = 0;
        for (const f of fileUnits) {
            const parts = partsOf.get(f.file) ?? 1;
            if (!splittable(f) || parts >= f.ids.length)
                continue;
            const size = f.unit.seconds / parts;
            if (size > pickSize) {
                pick = f;
                pickSize = size;
            }
        }
        if (!pick)
            break;
        partsOf.set(pick.file, (partsOf.get(pick.file) ?? 1) + 1);
        unitCount++;
    }
    const out = [];
    for (const f of fileUnits) {
        const parts = partsOf.get(f.file);
        if (parts !== undefined && parts > 1)
            out.push({ file: f.file, parts, seconds: f.unit.seconds });
    }
    return out;
}
/** Builds the units at auto granularity: whole files, or chunks of the files split. */
function buildUnits(context, shardCount) {
    const fileUnits = [...context.byFile].map(([file, ids]) => ({
        file,
        ids,
        unit: {
            id: file,
            seconds: fileSeconds(context, file, ids),
            // A file planned whole runs what was asked: the file, or exactly its listed tests.
            items: [...ids].sort(),
            file,
            estimated: ids.some((id) => context.prices.estimated.has(id)),
        },
    }));
    if (!context.canSplitFiles || shardCount === 1) {
        return { units: fileUnits.map((f) => f.unit), splitFiles: [] };
    }
    // auto: split only the files that alone would exceed the target shard time.
    const splitFiles = splitForEmptyShards(fileUnits, splitForTarget(context, fileUnits, shardCount), shardCount);
    const split = new Map(splitFiles.map((s) => [s.file, s.parts]));
    const units = [];
    for (const f of fileUnits) {
        const parts = split.get(f.file);
        if (parts === undefined)
            units.push(f.unit);
        else
            units.push(...chunkFile(f.file, f.ids, parts, context.prices, setupOf(context, f.file), f.unit.estimated));
    }
    return { units, splitFiles };
}
//# sourceMappingURL=units.js.map
;// CONCATENATED MODULE: ./build/core/plan/layout.js




function totalOf(units) {
    let total = 0;
    for (const unit of units)
        total += unit.seconds;
    return total;
}
/** At test granularity every file's setup is paid at least once, and with each of its tests. */
function testLowerBound(tests, seconds, setup, shardCount) {
    const files = new Set(tests.map(core_ids/* fileOfId */.Hy));
    const total = (0,stats/* sum */.cz)(Array.from(seconds)) + (0,stats/* sum */.cz)([...files].map(setup));
    let longest = 0;
    tests.forEach((id, i) => {
        longest = Math.max(longest, (seconds[i] ?? 0) + setup((0,core_ids/* fileOfId */.Hy)(id)));
    });
    return Math.max(total / shardCount, longest);
}
/**
 * Every item its own unit: whole files at file granularity, single tests at test granularity.
 * Planned by index over the sorted items, without an object per item.
 */
function layoutOfItems(context, shardCount) {
    const { items } = context;
    const seconds = context.prices.ofItem;
    const partition = partitionSeconds(seconds, shardCount);
    let loads = partition.loads;
    let bound = lowerBoundOfSeconds(seconds, shardCount);
    const fileBound = bound;
    if (context.granularity === 'test') {
        const setup = (file) => context.model.setupByFile.get(file) ?? 0;
        // Single tests of one file in one shard pay the file's setup once per shard.
        loads = partition.shards.map((shard, i) => {
            const files = new Set(shard.map((item) => (0,core_ids/* fileOfId */.Hy)(items[item] ?? '')));
            return (loads[i] ?? 0) + (0,stats/* sum */.cz)([...files].map(setup));
        });
        bound = testLowerBound(items, seconds, setup, shardCount);
    }
    return {
        splitFiles: [],
        shardCount,
        loads,
        items: () => {
            // One pass over the sorted items deals each to its shard: every list comes out sorted.
            const shardOf = new Int32Array(items.length);
            partition.shards.forEach((shard, s) => {
                for (const item of shard)
                    shardOf[item] = s;
            });
            const lists = partition.shards.map(() => []);
            items.forEach((id, item) => lists[shardOf[item] ?? 0]?.push(id));
            return lists;
        },
        longest: () => partition.shards.map((shard) => shard.reduce((m, item) => Math.max(m, seconds[item] ?? 0), 0)),
        totalSeconds: (0,stats/* sum */.cz)(seconds),
        makespan: Math.max(0, ...loads),
        lowerBound: bound,
        fileLowerBound: fileBound,
    };
}
/** The items laid out over `shardCount` shards. */
function layoutAt(context, shardCount) {
    if (context.granularity !== 'auto')
        return layoutOfItems(context, shardCount);
    const { units, splitFiles } = buildUnits(context, shardCount);
    const partition = partitionUnits(units, shardCount);
    const wholeFiles = () => [...context.byFile].map(([file, ids]) => ({
        id: file,
        seconds: fileSeconds(context, file, ids),
    }));
    return {
        splitFiles,
        shardCount,
        loads: partition.loads,
        items: () => partition.shards.map((shard) => shard.flatMap((u) => u.items).sort()),
        longest: () => partition.shards.map((shard) => shard.reduce((m, u) => Math.max(m, u.seconds), 0)),
        totalSeconds: totalOf(units),
        makespan: Math.max(0, ...partition.loads),
        lowerBound: lowerBound(units, shardCount),
        fileLowerBound: lowerBound(wholeFiles(), shardCount),
    };
}
/**
 * The smallest shard count up to `maxCount` whose predicted wall time (makespan / workers +
 * overhead) meets the target; if none does, the smallest count that gets within 1% of the best
 * reachable wall time.
 */
function chooseShardCount(context, target) {
    const cap = target.maxCount;
    const cache = new Map();
    const at = (k) => {
        let layout = cache.get(k);
        if (!layout) {
            layout = layoutAt(context, k);
            cache.set(k, layout);
        }
        return layout;
    };
    const meets = (k) => at(k).makespan / target.workers + target.overheadSeconds <= target.targetSeconds;
    if (meets(cap)) {
        // Makespan falls (nearly) monotonically with the shard count: binary search, then make
        // sure the count just below does not also meet the target.
        let lo = 1;
        let hi = cap;
        while (lo < hi) {
            const mid = (lo + hi) >> 1;
            if (meets(mid))
                hi = mid;
            else
                lo = mid + 1;
        }
        while (lo > 1 && meets(lo - 1))
            lo--;
        return at(lo);
    }
    const best = at(cap).makespan;
    let lo = 1;
    let hi = cap;
    while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (at(mid).makespan <= best * 1.01)
            hi = mid;
        else
            lo = mid + 1;
    }
    return at(lo);
}
//# sourceMappingURL=layout.js.map
;// CONCATENATED MODULE: ./build/core/estimate.js


/** What an item with nothing to learn from is assumed to take. */
const DEFAULT_SECONDS = 1;
/** The shortest estimate handed out, so that no item is ever planned as free. */
const MIN_ESTIMATE_SECONDS = 0.001;
/**
 * How far a group's mean is pulled toward its parent's: as if the parent had lent the group this
 * many items at its own mean. A group of one item is then a third its own and two thirds its
 * parent; a directory of twenty is 91 % its own. Any weight from 1 to 5 does about equally
 * well on the real suites of the benchmark (`npm run bench`, section 4); 2 is in the middle.
 */
const PRIOR_WEIGHT = 2;
/** Sized files a group needs before seconds-per-byte is learned from it. */
const MIN_SIZED = 3;
/**
 * Group keys from the most to the least specific: a test first looks at the other tests of its
 * file, then every item looks at its directory, its parent directory… and finally everything.
 * Tests and files form separate trees: a test takes a fraction of its file's time.
 */
class GroupChains {
    /** The keys of a directory and every directory above it, for files or for tests. */
    directories = new Map();
    of(id) {
        const file = (0,core_ids/* fileOfId */.Hy)(id);
        const test = (0,core_ids/* isTestId */.Cw)(id);
        const slash = file.lastIndexOf('/');
        const directories = this.directoryChain(test ? 't:' : 'f:', slash < 0 ? undefined : file.slice(0, slash));
        return test ? [`${file}::`, ...directories] : directories;
    }
    directoryChain(kind, dir) {
        if (dir === undefined)
            return [kind];
        const key = `${kind}${dir}/`;
        let chain = this.directories.get(key);
        if (!chain) {
            const slash = dir.lastIndexOf('/');
            chain = [key, ...this.directoryChain(kind, slash < 0 ? undefined : dir.slice(0, slash))];
            this.directories.set(key, chain);
        }
        return chain;
    }
}
/**
 * The groups of the unknown items (and their broader groups) from the known items: the only
 * groups an estimate ever reads.
 */
function gatherGroups(input, chains) {
    const needed = new Set();
    for (const id of input.unknown)
        for (const key of chains.of(id))
            needed.add(key);
    const groups = new Map();
    const knownMaps = 'get' in input.known ? [input.known] : input.known;
    for (const known of knownMaps) {
        for (const [id, seconds] of known) {
            if (!(seconds > 0))
                continue;
            const keys = chains.of(id);
            if (!needed.has(keys[keys.length - 1] ?? ''))
                continue;
            const size = (0,core_ids/* isTestId */.Cw)(id) ? undefined : input.sizes?.get(id);
            for (let i = 0; i < keys.length; i++) {
                const key = keys[i] ?? '';
                if (!needed.has(key))
                    continue;
                let group = groups.get(key);
                if (!group) {
                    group = {
                        parent: keys[i + 1],
                        count: 0,
                        seconds: new stats/* ExactSum */.PA(),
                        min: Infinity,
                        max: 0,
                        sizedCount: 0,
                        sizedSeconds: new stats/* ExactSum */.PA(),
                        sizedBytes: new stats/* ExactSum */.PA(),
                    };
                    groups.set(key, group);
                }
                group.count++;
                group.seconds.add(seconds);
                if (seconds < group.min)
                    group.min = seconds;
                if (seconds > group.max)
                    group.max = seconds;
                if (size !== undefined && size > 0) {
                    group.sizedCount++;
                    group.sizedSeconds.add(seconds);
                    group.sizedBytes.add(size);
                }
            }
        }
    }
    return groups;
}
/** A group's mean shrunk toward its parent's (`PRIOR_WEIGHT`), each computed once. */
function shrunkMeans(groups) {
    const shrunk = new Map();
    const meanOf = (key) => {
        const cached = shrunk.get(key);
        if (cached !== undefined)
            return cached;
        const group = groups.get(key);
        if (!group)
            return NaN;
        const total = group.seconds.value();
        const mean = group.parent === undefined
            ? total / group.count
            : (total + PRIOR_WEIGHT * meanOf(group.parent)) / (group.count + PRIOR_WEIGHT);
        shrunk.set(key, mean);
        return mean;
    };
    return meanOf;
}
/**
 * One unknown item's estimate: seconds per byte of its nearest sized group where its size is
 * known, else the shrunk mean of its nearest group, else the default (scaled by size).
 */
function estimateOne(keys, size, groups, meanOf, fallback) {
    if (size !== undefined && size > 0) {
        const key = keys.find((k) => (groups.get(k)?.sizedCount ?? 0) >= MIN_SIZED);
        const group = key === undefined ? undefined : groups.get(key);
        if (group) {
            const rate = group.sizedSeconds.value() / group.sizedBytes.value();
            return { seconds: Math.min(group.max, Math.max(group.min, rate * size)), basis: 'size' };
        }
    }
    const key = keys.find((k) => groups.has(k));
    if (key !== undefined)
        return { seconds: meanOf(key), basis: key.endsWith('::') ? 'same-file' : 'directory' };
    const seconds = size !== undefined && size > 0 && fallback.medianSize !== undefined
        ? (fallback.seconds * size) / fallback.medianSize
        : fallback.seconds;
    return { seconds, basis: 'default' };
}
/**
 * Estimates the items that have no usable history by their *expected* duration, since a shard's
 * time is the sum of its items: an estimate that is right on average keeps every shard's sum
 * right on average, while a typical-value estimate (the median) is biased low on long-tailed
 * suites and under-fills the shards that hold new items.
 *
 * The expected value is the mean of the item's nearest group (the other tests of its file, its
 * directory, its parent directory… everything), shrunk toward the estimate of the next broader
 * group as far as the group is small (`PRIOR_WEIGHT`): a directory of three files is not trusted
 * as much as one of three hundred, and no fixed group size decides. Where file sizes are
 * known, the nearest group with `MIN_SIZED` sized files gives seconds per byte (its total time
 * over its total bytes), times the item's size, kept within the group's range. With no history
 * at all, sizes alone give relative weights around `DEFAULT_SECONDS`.
 *
 * Sums are exact, so the estimates do not depend on the order of `known`.
 */
function estimateDurations(input) {
    const chains = new GroupChains();
    const groups = gatherGroups(input, chains);
    const meanOf = shrunkMeans(groups);
    const sizes = [...(input.sizes?.values() ?? [])].filter((s) => s > 0);
    const fallback = {
        seconds: input.defaultSeconds ?? DEFAULT_SECONDS,
        medianSize: sizes.length > 0 ? (0,stats/* median */.JZ)(sizes) : undefined,
    };
    const out = new Map();
    for (const id of input.unknown) {
        const size = (0,core_ids/* isTestId */.Cw)(id) ? undefined : input.sizes?.get(id);
        const estimate = estimateOne(chains.of(id), size, groups, meanOf, fallback);
        out.set(id, { ...estimate, seconds: Math.max(MIN_ESTIMATE_SECONDS, estimate.seconds) });
    }
    return out;
}
//# sourceMappingURL=estimate.js.map
;// CONCATENATED MODULE: ./build/core/plan/prices.js



/**
 * The seconds of every planned item: its timings, or an estimate. Looked up rather than copied
 * into a map of its own, since a plan may hold a million items and nearly all are timed.
 */
class Prices {
    model;
    /** The items without usable timings, and what each estimate was learned from. */
    estimated = new Map();
    estimates = new Map();
    /** The seconds of the i-th item priced, once pricing is done. */
    ofItem;
    constructor(model, itemCount) {
        this.model = model;
        this.ofItem = new Float64Array(itemCount);
    }
    /** The seconds of a planned item. */
    of(id) {
        return this.estimates.get(id) ?? this.timed(id) ?? 0;
    }
    timed(id) {
        // File ids never hold `::` and test ids always do, so the maps cannot both answer.
        const known = this.model.files.get(id) ?? this.model.tests.get(id);
        return known !== undefined && known > 0 ? known : undefined;
    }
    estimate(id, seconds, basis) {
        this.estimates.set(id, seconds);
        this.estimated.set(id, basis);
    }
}
/** Prices the items: their timings where they have some, estimates for the rest. */
function priceItems(ids, model, sizes, defaultSeconds) {
    const prices = new Prices(model, ids.length);
    const unknown = [];
    // Tests seen at 0 s or skipped inside a timed file share what the file's time leaves over
    // beyond its timed tests and setup (usually next to nothing: they ran below the clock's
    // resolution). New tests, never seen, are estimated like any unknown item.
    const untimedByFile = new Map();
    ids.forEach((id, i) => {
        const timed = prices.timed(id);
        if (timed !== undefined)
            prices.ofItem[i] = timed;
        else if ((0,core_ids/* isTestId */.Cw)(id) && model.untimed.has(id) && model.files.has((0,core_ids/* fileOfId */.Hy)(id))) {
            const list = untimedByFile.get((0,core_ids/* fileOfId */.Hy)(id)) ?? [];
            list.push(id);
            untimedByFile.set((0,core_ids/* fileOfId */.Hy)(id), list);
        }
        else
            unknown.push(id);
    });
    for (const [file, untimed] of untimedByFile) {
        const timedTests = (0,stats/* sum */.cz)((model.testsByFile.get(file) ?? []).map((id) => model.tests.get(id) ?? 0));
        const residual = (model.files.get(file) ?? 0) - timedTests - (model.setupByFile.get(file) ?? 0);
        const share = Math.max(MIN_ESTIMATE_SECONDS, residual / untimed.length);
        for (const id of untimed)
            prices.estimate(id, share, 'same-file');
    }
    if (unknown.length > 0) {
        const known = [model.files, model.tests];
        const estimates = estimateDurations({
            known,
            unknown,
            ...(sizes === undefined ? {} : { sizes }),
            ...(defaultSeconds === undefined ? {} : { defaultSeconds }),
        });
        for (const [id, estimate] of estimates)
            prices.estimate(id, estimate.seconds, estimate.basis);
    }
    if (prices.estimated.size > 0)
        ids.forEach((id, i) => (prices.ofItem[i] = prices.of(id)));
    return prices;
}
//# sourceMappingURL=prices.js.map
// EXTERNAL MODULE: ./build/core/timings.js
var timings = __nccwpck_require__(149);
;// CONCATENATED MODULE: ./build/core/plan.js







/** How many estimated items a plan names (the count is always exact). */
const MAX_LISTED_ESTIMATES = 500;
/** GitHub's matrix limit, and so the most shards a plan may have. */
const MAX_SHARDS = 256;
/**
 * The items to plan: those given, or what the timings hold. At file granularity test ids
 * collapse into their files; a file listed whole stays whole (its tests are not planned apart).
 */
function planItems(request) {
    const initial = request.items
        ? sortedUnique(request.items)
        : itemsFromModel(request.model, request.granularity);
    const hasTestIds = initial.some(core_ids/* isTestId */.Cw);
    const itemFiles = hasTestIds ? sortedUnique(initial.map(core_ids/* fileOfId */.Hy)) : initial;
    // Timings of files that are not planned only matter when the items were given.
    const itemFileSet = request.items !== undefined ? new Set(itemFiles) : undefined;
    const { model, matchedBySuffix } = itemFileSet
        ? (0,timings/* alignModel */.N)(request.model, itemFileSet)
        : { model: request.model, matchedBySuffix: 0 };
    let items = itemFiles;
    if (request.granularity !== 'file' && hasTestIds) {
        const wholeFiles = new Set(initial.filter((id) => !(0,core_ids/* isTestId */.Cw)(id)));
        items = initial.filter((id) => !(0,core_ids/* isTestId */.Cw)(id) || !wholeFiles.has((0,core_ids/* fileOfId */.Hy)(id)));
    }
    let staleFiles = 0;
    if (itemFileSet)
        for (const file of model.files.keys())
            if (!itemFileSet.has(file))
                staleFiles++;
    return { items, itemFiles, model, matchedBySuffix, staleFiles };
}
/** How many items each estimate basis priced. */
function estimateCounts(prices) {
    const estimates = {
        'same-file': 0,
        directory: 0,
        size: 0,
        default: 0,
    };
    for (const basis of prices.estimated.values())
        estimates[basis]++;
    return estimates;
}
/** The layout at the requested shard count, or the count `auto` chooses; notes say why. */
function chooseLayout(request, context, unitCount, notes) {
    const { shards } = request;
    const itemCount = context.items.length;
    if (shards.kind === 'fixed') {
        if (unitCount < shards.count && itemCount > 0) {
            notes.push(`only ${unitCount} items for ${shards.count} shards: ${shards.count - unitCount} shards are empty`);
        }
        return layoutAt(context, shards.count);
    }
    const workers = request.costModel?.workers ?? 1;
    const layout = chooseShardCount(context, {
        targetSeconds: shards.targetSeconds,
        maxCount: Math.max(1, Math.min(shards.maxShards, MAX_SHARDS, Math.max(1, itemCount))),
        overheadSeconds: request.shardOverheadSeconds,
        workers,
    });
    const wall = layout.makespan / workers + request.shardOverheadSeconds;
    if (wall > shards.targetSeconds) {
        notes.push(`no shard count up to ${Math.min(shards.maxShards, MAX_SHARDS)} reaches the target of ${shards.targetSeconds} s; ${layout.shardCount} shards get the best reachable ${wall.toFixed(1)} s`);
    }
    return layout;
}
/**
 * The planned shards with their predicted wall times: what every shard pays, then its files,
 * some at once where the runner runs several workers (never less than its longest file).
 * Empty shards go last, so a matrix of the first non-empty shards covers everything.
 */
function plannedShards(layout, costModel, longest) {
    const overhead = costModel.startupSeconds + costModel.warmupSeconds;
    const wallOf = (count, load, i) => count === 0 ? 0 : overhead + Math.max(longest[i] ?? 0, load / costModel.workers);
    return layout
        .items()
        .map((shardItems, i) => ({
        shardItems,
        wall: wallOf(shardItems.length, layout.loads[i] ?? 0, i),
    }))
        .sort((a, b) => Number(a.shardItems.length === 0) - Number(b.shardItems.length === 0))
        .map(({ shardItems, wall }, i) => ({
        index: i + 1,
        items: shardItems,
        predictedSeconds: round(wall),
    }));
}
/** The least the longest shard of any split of these items can take, under the cost model. */
function planLowerBound(layout, costModel, longest, itemCount) {
    if (itemCount === 0)
        return 0;
    const overhead = costModel.startupSeconds + costModel.warmupSeconds;
    if (costModel.workers === 1)
        return overhead + layout.lowerBound;
    return (0,cost_model/* modelLowerBound */.jH)(costModel, (0,stats/* sum */.cz)(layout.loads), Math.max(0, ...longest), layout.shardCount);
}
/**
 * Plans the shards.
 * Contract: every item appears in exactly one shard (a split file's tests spread over several);
 * no shard is empty when there are at least as many units as shards; the plan depends only on
 * the set of items and the timings, never on their order.
 */
function planShards(request) {
    const notes = [];
    const { items, itemFiles, model, matchedBySuffix, staleFiles } = planItems(request);
    const prices = priceItems(items, model, request.sizes, request.defaultItemSeconds);
    const context = {
        items,
        byFile: request.granularity === 'file' ? new Map() : groupByFile(items),
        prices,
        model,
        granularity: request.granularity,
        canSplitFiles: request.canSplitFiles ?? true,
    };
    if (request.granularity !== 'file' && !items.some(core_ids/* isTestId */.Cw)) {
        notes.push(`granularity ${request.granularity}: no test ids to split files by (the items are whole files); planned by file`);
    }
    const unitCount = request.granularity === 'test' ? items.length : itemFiles.length;
    const layout = chooseLayout(request, context, unitCount, notes);
    const costModel = request.costModel ?? {
        startupSeconds: request.shardOverheadSeconds,
        warmupSeconds: 0,
        workers: 1,
    };
    const overhead = costModel.startupSeconds + costModel.warmupSeconds;
    // Each shard's longest unit bounds its time only where files run at once.
    const longest = costModel.workers === 1 ? [] : layout.longest();
    const shards = plannedShards(layout, costModel, longest);
    const { estimated } = prices;
    return {
        version: 1,
        shards,
        granularity: request.granularity,
        itemCount: items.length,
        totalSeconds: round(layout.totalSeconds),
        lowerBoundSeconds: round(planLowerBound(layout, costModel, longest, items.length)),
        fileLowerBoundSeconds: round(items.length === 0 ? 0 : overhead + layout.fileLowerBound),
        predictedMakespanSeconds: round(shards.reduce((m, s) => Math.max(m, s.predictedSeconds), 0)),
        shardOverheadSeconds: round(overhead),
        costModel,
        unknownItems: estimated.size,
        estimatedItems: [...estimated.keys()].sort().slice(0, MAX_LISTED_ESTIMATES),
        estimates: estimateCounts(prices),
        timings: {
            runs: model.runCount,
            matchedItems: items.length - estimated.size,
            matchedBySuffix,
            staleFiles,
        },
        splitFiles: layout.splitFiles,
        notes,
    };
}
function round(seconds) {
    return Math.round(seconds * 1000) / 1000;
}
//# sourceMappingURL=plan.js.map

/***/ }),

/***/ 9462:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Qi: () => (/* binding */ renderPlanTable),
/* harmony export */   T4: () => (/* binding */ planMatrix),
/* harmony export */   uC: () => (/* binding */ renderPlanJson)
/* harmony export */ });
/* harmony import */ var _contracts_plan_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(8479);

/** The GitHub Actions matrix: `strategy.matrix: ${{ fromJSON(needs.plan.outputs.matrix) }}`. */
function planMatrix(plan) {
    const used = plan.shards.filter((s) => s.items.length > 0);
    const shards = used.length > 0 ? used : plan.shards.slice(0, 1);
    return { include: shards.map((s) => ({ shard: s.index, shards: plan.shards.length })) };
}
function renderPlanJson(plan) {
    return (0,_contracts_plan_js__WEBPACK_IMPORTED_MODULE_0__/* .encodePlan */ .El)(plan, 2);
}
function seconds(value) {
    if (value >= 3600)
        return `${(value / 3600).toFixed(2)} h`;
    if (value >= 120)
        return `${(value / 60).toFixed(1)} min`;
    return `${value.toFixed(1)} s`;
}
/** Shards with their predicted time, and how close the plan is to the best possible. */
function renderPlanTable(plan) {
    const lines = [];
    const longest = plan.shards.reduce((m, s) => Math.max(m, s.predictedSeconds), 0);
    const width = 30;
    lines.push('shard  items   predicted  load');
    for (const shard of plan.shards) {
        const bar = longest > 0 ? '█'.repeat(Math.round((shard.predictedSeconds / longest) * width)) : '';
        lines.push(`${String(shard.index).padStart(5)}  ${String(shard.items.length).padStart(5)}  ${seconds(shard.predictedSeconds).padStart(10)}  ${bar}`);
    }
    const makespan = plan.predictedMakespanSeconds;
    const model = plan.costModel;
    const overBound = plan.lowerBoundSeconds > 0 ? makespan / plan.lowerBoundSeconds - 1 : 0;
    const estimate = plan.timings.runs === 0 ? ' (estimates: no timing history yet)' : '';
    lines.push('');
    lines.push(`${plan.itemCount} items (${plan.granularity} granularity) in ${plan.shards.length} shards; the files cost ${seconds(plan.totalSeconds)} in all${estimate}`);
    const terms = [
        ...(model.startupSeconds > 0 ? [`${seconds(model.startupSeconds)} start-up`] : []),
        ...(model.warmupSeconds > 0 ? [`${seconds(model.warmupSeconds)} warm-up`] : []),
        ...(model.workers !== 1 ? [`${model.workers.toFixed(1)} files at once`] : []),
    ];
    lines.push(`predicted longest shard ${seconds(makespan)}${terms.length > 0 ? `, each shard with ${terms.join(', ')}` : ''}; no split into ${plan.shards.length} shards can be shorter than ${seconds(plan.lowerBoundSeconds)} under this model (${(overBound * 100).toFixed(1)}% above it)`);
    if (plan.fileLowerBoundSeconds > plan.lowerBoundSeconds + 1e-9) {
        lines.push(`splitting ${plan.splitFiles.length} large files into tests lowered the bound from ${seconds(plan.fileLowerBoundSeconds)}`);
    }
    const estimated = Object.entries(plan.estimates)
        .filter(([, n]) => n > 0)
        .map(([basis, n]) => `${n} by ${basis}`);
    lines.push(`timings: ${plan.timings.runs} runs read; ${plan.timings.matchedItems} items timed${plan.timings.matchedBySuffix > 0 ? ` (${plan.timings.matchedBySuffix} files matched by path suffix)` : ''}, ${plan.unknownItems} estimated${estimated.length > 0 ? ` (${estimated.join(', ')})` : ''}, ${plan.timings.staleFiles} timed files not planned`);
    for (const note of plan.notes)
        lines.push(`note: ${note}`);
    return lines.join('\n');
}
//# sourceMappingURL=render-plan.js.map

/***/ }),

/***/ 9681:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $T: () => (/* binding */ robustSeconds),
/* harmony export */   JZ: () => (/* binding */ median),
/* harmony export */   PA: () => (/* binding */ ExactSum),
/* harmony export */   cz: () => (/* binding */ sum)
/* harmony export */ });
/** Median of a non-empty list (mean of the middle two for an even count). */
function median(values) {
    const sorted = [...values].sort((a, b) => a - b);
    const mid = sorted.length >> 1;
    if (sorted.length % 2 === 1)
        return sorted[mid] ?? 0;
    return ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}
/**
 * One duration from several observations of the same test. Per-file durations vary by about
 * 12% between runs and rare 3× outliers happen, so with three or more observations the median
 * decides (one outlier cannot move it); with two, the mean is all there is.
 */
function robustSeconds(values) {
    if (values.length === 0)
        return 0;
    if (values.length <= 2)
        return values.reduce((a, b) => a + b, 0) / values.length;
    return median(values);
}
function sum(values) {
    let total = 0;
    for (const value of values)
        total += value;
    return total;
}
/**
 * A sum that does not depend on the order of its terms: the exactly rounded sum of every value
 * added (Shewchuk's partials, as in Python's `math.fsum`). Plain `+=` rounds after each term, so
 * the same durations read in another order could sum to a different last bit, and a plan must
 * not depend on the order in which timings were read.
 */
class ExactSum {
    /** Non-overlapping partial sums, smallest magnitude first; their exact sum is the total. */
    partials = [];
    add(value) {
        const partials = this.partials;
        let x = value;
        let kept = 0;
        for (const partial of partials) {
            let y = partial;
            if (Math.abs(x) < Math.abs(y))
                [x, y] = [y, x];
            const high = x + y;
            const low = y - (high - x);
            if (low !== 0)
                partials[kept++] = low;
            x = high;
        }
        partials.length = kept;
        partials.push(x);
    }
    /** The sum, rounded once. */
    value() {
        const partials = this.partials;
        let n = partials.length;
        if (n === 0)
            return 0;
        let high = partials[--n] ?? 0;
        let low = 0;
        while (n > 0) {
            const x = high;
            const y = partials[--n] ?? 0;
            high = x + y;
            low = y - (high - x);
            if (low !== 0)
                break;
        }
        // Round half to even across the partials that were not folded in.
        const next = n > 0 ? (partials[n - 1] ?? 0) : 0;
        if ((low < 0 && next < 0) || (low > 0 && next > 0)) {
            const y = low * 2;
            const x = high + y;
            if (y === x - high)
                high = x;
        }
        return high;
    }
}
//# sourceMappingURL=stats.js.map

/***/ }),

/***/ 1363:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   CU: () => (/* binding */ mergeRun),
/* harmony export */   Ft: () => (/* binding */ runTime),
/* harmony export */   Km: () => (/* binding */ storeFromJson),
/* harmony export */   Qp: () => (/* binding */ storeCostModel),
/* harmony export */   VL: () => (/* binding */ emptyStore),
/* harmony export */   uw: () => (/* binding */ measureRun)
/* harmony export */ });
/* unused harmony exports SMOOTHING, MAX_STEP_RATIO, smooth, PRUNE_AFTER_RUNS, MAX_ENTRIES, observeShard */
/* harmony import */ var _cost_model_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(2893);
/* harmony import */ var _ids_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(8628);
/* harmony import */ var _contracts_schema_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(9687);
/* harmony import */ var _contracts_store_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(2079);




/**
 * Shardwise's timings store: what past runs measured, smoothed. `plan` reads it like any
 * other timings file; `test` and `combine` write it back after each run. Its shape, and its
 * decoding from JSON, is its contract: contracts/store.ts.
 *
 * `files` holds each file's own wall cost (environment, imports, collection, hooks and tests,
 * as the runner timed it), `tests` each test's duration, and the three per-shard terms of the
 * cost model (`cost-model.ts`): start-up, first-file warm-up and workers.
 */

/** The cost model a store has learned, where it has learned one. */
function storeCostModel(store) {
    if (store?.shardSetupSeconds === undefined || store.costModel !== _contracts_store_js__WEBPACK_IMPORTED_MODULE_3__/* .COST_MODEL */ .mR)
        return undefined;
    return {
        startupSeconds: store.shardSetupSeconds.seconds,
        warmupSeconds: store.warmupSeconds?.seconds ?? 0,
        workers: store.workers?.seconds ?? 1,
    };
}
/** Weight of the newest run in the moving average: recent enough to follow real change. */
const SMOOTHING = 0.3;
/** A single run may pull an estimate up at most this many times its old value. */
const MAX_STEP_RATIO = 3;
/**
 * One step of the moving average. The first runs are averaged plainly (no old value to
 * trust yet); later, each run moves the estimate by SMOOTHING of the difference, and a run
 * more than MAX_STEP_RATIO times slower (a hung test, a cold cache) counts as only that much,
 * so one bad run cannot wreck the next plan.
 */
function smooth(previous, seconds, now) {
    if (!previous || !(previous.seconds > 0))
        return { seconds, runs: 1, lastSeen: now };
    const capped = Math.min(seconds, previous.seconds * MAX_STEP_RATIO);
    const weight = previous.runs < 3 ? 1 / (previous.runs + 1) : SMOOTHING;
    return {
        seconds: previous.seconds + weight * (capped - previous.seconds),
        runs: previous.runs + 1,
        lastSeen: now,
    };
}
function emptyStore(now) {
    return {
        version: 1,
        tool: 'shardwise',
        updatedAt: now,
        runs: 0,
        costModel: _contracts_store_js__WEBPACK_IMPORTED_MODULE_3__/* .COST_MODEL */ .mR,
        files: {},
        tests: {},
        shardSetupSeconds: undefined,
    };
}
/** Runs an entry may go untimed before it is pruned (a deleted or renamed test). */
const PRUNE_AFTER_RUNS = 30;
/** The most tests and files a store keeps; the longest unseen go first. */
const MAX_ENTRIES = 250_000;
/** A verdict's letter in a test's outcome history (skips, expected failures: none). */
const OUTCOME_LETTER = {
    passed: 'p',
    xpassed: 'p',
    flaky: 'k',
    failed: 'f',
    skipped: undefined,
    xfailed: undefined,
};
/**
 * What one shard's first attempt measured, for the cost model: its wall time without retries
 * and, per file, the runner's own timing and the file's tests' time.
 */
function observeShard(result) {
    const timing = result.timing;
    const testSeconds = new Map();
    for (const [id, record] of Object.entries(result.tests)) {
        const first = record.attempts[0];
        if (!first || first.status === 'skipped' || first.seconds === undefined)
            continue;
        const file = (0,_ids_js__WEBPACK_IMPORTED_MODULE_1__/* .fileOfId */ .Hy)(id);
        testSeconds.set(file, (testSeconds.get(file) ?? 0) + first.seconds);
    }
    const files = [
        ...new Set([...result.items.map(_ids_js__WEBPACK_IMPORTED_MODULE_1__/* .fileOfId */ .Hy), ...Object.values(result.tests).map((t) => t.file)]),
    ].sort();
    return {
        wallSeconds: timing
            ? Math.max(0, result.wallSeconds - timing.laterAttemptsSeconds)
            : result.setupSeconds + result.testSeconds,
        files: files.map((file) => {
            const own = timing && Object.hasOwn(timing.files, file) ? timing.files[file] : undefined;
            return {
                file,
                seconds: own?.seconds,
                start: own?.start,
                testSeconds: testSeconds.get(file) ?? 0,
            };
        }),
    };
}
/**
 * Collects the durations of a run from its shard results: each test's first attempt (retries
 * run in a warm process and are not representative), each file's wall cost and the per-shard
 * terms from the cost model. Incomplete shards contribute nothing: a killed shard's numbers are
 * cut short. A file split over several shards (test granularity) costs the sum of its parts
 * less the setup every part but one paid.
 */
function measureRun(results, prior) {
    const tests = new Map();
    const outcomes = new Map();
    // Shard order fixed, so sums of a test reported twice do not depend on arrival order.
    const ordered = [...results]
        .filter((result) => result.complete && result.status !== 'empty')
        .sort((a, b) => a.shard.index - b.shard.index || a.attempt - b.attempt);
    for (const result of ordered) {
        for (const [id, record] of Object.entries(result.tests)) {
            const letter = OUTCOME_LETTER[record.verdict];
            if (letter !== undefined && (0,_ids_js__WEBPACK_IMPORTED_MODULE_1__/* .isTestId */ .Cw)(id))
                outcomes.set(id, letter);
            const first = record.attempts[0];
            if (!first ||
                first.status === 'skipped' ||
                first.seconds === undefined ||
                !(first.seconds > 0))
                continue;
            if ((0,_ids_js__WEBPACK_IMPORTED_MODULE_1__/* .isDangerousKey */ .Uy)(id))
                continue;
            // A generic command's outcome per file is the file itself, not a test.
            if ((0,_ids_js__WEBPACK_IMPORTED_MODULE_1__/* .isTestId */ .Cw)(id))
                tests.set(id, (tests.get(id) ?? 0) + first.seconds);
        }
    }
    const fit = (0,_cost_model_js__WEBPACK_IMPORTED_MODULE_0__/* .fitRun */ .fr)(ordered.map(observeShard), prior);
    const files = new Map([...fit.fileCosts].filter(([file]) => !(0,_ids_js__WEBPACK_IMPORTED_MODULE_1__/* .isDangerousKey */ .Uy)(file)));
    return {
        files,
        tests,
        outcomes,
        startupSeconds: fit.startupSeconds,
        warmupSeconds: fit.warmupSeconds,
        workers: fit.workers,
    };
}
/**
 * Times a run from its shard results. One job's time is estimated as the sum of the files'
 * costs plus a single start-up — not the sum of the shards' times, which pays the start-up
 * once per shard.
 */
function runTime(results, prior) {
    const ran = results.filter((r) => r.status !== 'empty' && r.items.length > 0);
    if (ran.length === 0)
        return undefined;
    const walls = ran.map((r) => r.wallSeconds);
    const makespanSeconds = Math.max(...walls);
    const meanShardSeconds = walls.reduce((t, w) => t + w, 0) / walls.length;
    const complete = ran.filter((r) => r.complete);
    const fit = (0,_cost_model_js__WEBPACK_IMPORTED_MODULE_0__/* .fitRun */ .fr)(complete.map(observeShard), prior);
    const model = {
        startupSeconds: fit.startupSeconds ?? prior?.startupSeconds ?? 0,
        warmupSeconds: fit.warmupSeconds ?? prior?.warmupSeconds ?? 0,
        workers: fit.workers ?? prior?.workers ?? 1,
    };
    const costs = [...fit.fileCosts.values()];
    const work = costs.reduce((t, c) => t + c, 0);
    const longest = costs.reduce((m, c) => Math.max(m, c), 0);
    const overheadSeconds = model.startupSeconds + model.warmupSeconds;
    const measured = ran.length === 1 && complete.length === 1;
    const startupByShard = {};
    for (const result of complete) {
        const observation = observeShard(result);
        if (!observation.files.every((f) => f.seconds !== undefined))
            continue;
        startupByShard[result.shard.index] = Math.max(0, observation.wallSeconds - (0,_cost_model_js__WEBPACK_IMPORTED_MODULE_0__/* .fileSpan */ .bU)(observation.files));
    }
    return {
        makespanSeconds,
        meanShardSeconds,
        shards: ran.length,
        serialSeconds: measured
            ? makespanSeconds
            : overheadSeconds + Math.max(longest, work / Math.max(0.5, model.workers)),
        serialBasis: measured ? 'measured' : 'estimated',
        overheadSeconds,
        workSeconds: work,
        longestFileSeconds: longest,
        workers: model.workers,
        startupByShard,
        lowerBoundSeconds: (0,_cost_model_js__WEBPACK_IMPORTED_MODULE_0__/* .modelLowerBound */ .jH)(model, work, longest, ran.length),
    };
}
function mergeSection(previous, measured, outcomes, now, run, replace = false) {
    const out = Object.create(null);
    for (const [id, entry] of Object.entries(previous)) {
        // Unseen for PRUNE_AFTER_RUNS runs: deleted or renamed. Stores from before run numbers
        // were kept have no lastRun; they age from now on.
        if (entry.lastRun !== undefined && run - entry.lastRun > PRUNE_AFTER_RUNS)
            continue;
        out[id] = entry;
    }
    const ids = new Set([...measured.keys(), ...outcomes.keys()]);
    for (const id of [...ids].sort()) {
        const old = Object.hasOwn(out, id) ? out[id] : undefined;
        const seconds = measured.get(id);
        const base = seconds === undefined
            ? (old ?? { seconds: 0, runs: 0, lastSeen: now })
            : smooth(replace ? undefined : old, seconds, now);
        const letter = outcomes.get(id);
        const history = letter === undefined
            ? old?.outcomes
            : `${old?.outcomes ?? ''}${letter}`.slice(-_contracts_store_js__WEBPACK_IMPORTED_MODULE_3__/* .OUTCOME_HISTORY */ .GQ);
        if (base.seconds <= 0 && history === undefined)
            continue;
        out[id] = { ...base, lastRun: run, ...(history === undefined ? {} : { outcomes: history }) };
    }
    return out;
}
/** Keeps at most `limit` entries, dropping those unseen the longest (then by id). */
function bound(section, limit) {
    const ids = Object.keys(section);
    if (ids.length <= limit)
        return section;
    const keep = ids
        .sort((a, b) => (section[b]?.lastRun ?? 0) - (section[a]?.lastRun ?? 0) || (a < b ? -1 : 1))
        .slice(0, limit);
    const out = Object.create(null);
    for (const id of keep.sort()) {
        const entry = section[id];
        if (entry)
            out[id] = entry;
    }
    return out;
}
/** Folds one run into the store. The result does not depend on the order of shards. */
function mergeRun(store, run, now) {
    const number = store.runs + 1;
    const tests = bound(mergeSection(store.tests, run.tests, run.outcomes, now, number), MAX_ENTRIES);
    // File entries of a store from before per-file costs hold test sums: replaced, not averaged.
    const stale = store.costModel !== _contracts_store_js__WEBPACK_IMPORTED_MODULE_3__/* .COST_MODEL */ .mR;
    const files = bound(mergeSection(store.files, run.files, new Map(), now, number, stale), MAX_ENTRIES);
    const term = (old, value) => value === undefined
        ? stale
            ? undefined
            : old
        : smoothTerm(stale ? undefined : old, value, now);
    return {
        version: 1,
        tool: 'shardwise',
        updatedAt: now,
        runs: number,
        costModel: _contracts_store_js__WEBPACK_IMPORTED_MODULE_3__/* .COST_MODEL */ .mR,
        files,
        tests,
        shardSetupSeconds: term(store.shardSetupSeconds, run.startupSeconds),
        warmupSeconds: term(store.warmupSeconds, run.warmupSeconds),
        workers: term(store.workers, run.workers),
    };
}
/** Like `smooth`, for a term that may be 0 (a runner with no warm-up). */
function smoothTerm(previous, seconds, now) {
    if (!previous)
        return { seconds, runs: 1, lastSeen: now };
    const weight = previous.runs < 3 ? 1 / (previous.runs + 1) : SMOOTHING;
    const capped = previous.seconds > 0 ? Math.min(seconds, previous.seconds * MAX_STEP_RATIO) : seconds;
    return {
        seconds: previous.seconds + weight * (capped - previous.seconds),
        runs: previous.runs + 1,
        lastSeen: now,
    };
}
/** Reads a store from parsed JSON, or `undefined` when it is not a version-1 store. */
function storeFromJson(data) {
    try {
        return (0,_contracts_store_js__WEBPACK_IMPORTED_MODULE_3__/* .decodeStore */ .uE)(data);
    }
    catch (error) {
        if (error instanceof _contracts_schema_js__WEBPACK_IMPORTED_MODULE_2__/* .DecodeError */ .Xc)
            return undefined;
        throw error;
    }
}
//# sourceMappingURL=store.js.map

/***/ }),

/***/ 149:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   N: () => (/* binding */ alignModel),
/* harmony export */   e: () => (/* binding */ buildTimingModel)
/* harmony export */ });
/* harmony import */ var _ids_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(8628);
/* harmony import */ var _stats_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(9681);


/**
 * The observations of every id, kept as one number per id until an id is seen twice: most ids
 * are seen once, and a million one-element lists cost more than the timings they hold. The
 * first run's map is used as it is until a second run adds to it (one run is the usual case).
 */
class Observations {
    /** The first observation of each id: a run's own map, or `owned` once something was added. */
    first;
    owned;
    repeated = new Map();
    constructor() {
        const map = new Map();
        this.owned = map;
        this.first = map;
    }
    addAll(values) {
        if (this.first.size === 0 && values.size > 0) {
            this.first = values;
            this.owned = undefined;
            return;
        }
        for (const [id, seconds] of values)
            this.add(id, seconds);
    }
    add(id, seconds) {
        const first = this.first.get(id);
        if (first === undefined) {
            this.own().set(id, seconds);
            return;
        }
        const list = this.repeated.get(id);
        if (list)
            list.push(seconds);
        else
            this.repeated.set(id, [first, seconds]);
    }
    /** One duration per id (`robustSeconds` of its observations), in the order ids were first seen. */
    fold() {
        if (this.repeated.size === 0)
            return this.first;
        const folded = this.own();
        for (const [id, values] of this.repeated)
            folded.set(id, (0,_stats_js__WEBPACK_IMPORTED_MODULE_1__/* .robustSeconds */ .$T)(values));
        return folded;
    }
    own() {
        if (!this.owned) {
            this.owned = new Map(this.first);
            this.first = this.owned;
        }
        return this.owned;
    }
}
/** Builds the timing model. The result does not depend on the order of `runs`. */
function buildTimingModel(runs) {
    const fileObservations = new Observations();
    const testObservations = new Observations();
    const setupObservations = new Observations();
    const seenUntimed = new Set();
    for (const run of runs) {
        for (const id of run.untimed)
            seenUntimed.add(id);
        const testSums = new Map();
        testObservations.addAll(run.tests);
        for (const [id, seconds] of run.tests) {
            const file = (0,_ids_js__WEBPACK_IMPORTED_MODULE_0__/* .fileOfId */ .Hy)(id);
            testSums.set(file, (testSums.get(file) ?? 0) + seconds);
        }
        fileObservations.addAll(run.files);
        for (const [file, tests] of testSums) {
            const seconds = run.files.get(file);
            if (seconds !== undefined)
                setupObservations.add(file, Math.max(0, seconds - tests));
        }
        for (const [file, seconds] of testSums) {
            if (!run.files.has(file))
                fileObservations.add(file, seconds);
        }
    }
    const tests = testObservations.fold();
    const files = fileObservations.fold();
    const untimed = new Set([...seenUntimed].filter((id) => !tests.has(id) && !files.has(id)));
    // Each file's tests sorted, the files in the order of their first test id: what grouping the
    // sorted list of every test id gives, without sorting a million ids as one list.
    const grouped = new Map();
    const addTest = (id) => {
        const file = (0,_ids_js__WEBPACK_IMPORTED_MODULE_0__/* .fileOfId */ .Hy)(id);
        const list = grouped.get(file);
        if (list)
            list.push(id);
        else
            grouped.set(file, [id]);
    };
    for (const id of tests.keys())
        addTest(id);
    for (const id of untimed)
        if ((0,_ids_js__WEBPACK_IMPORTED_MODULE_0__/* .isTestId */ .Cw)(id))
            addTest(id);
    const lists = [...grouped.values()];
    for (const list of lists)
        list.sort(byCodeUnits);
    lists.sort((a, b) => byCodeUnits(a[0] ?? '', b[0] ?? ''));
    const testsByFile = new Map();
    for (const list of lists)
        testsByFile.set((0,_ids_js__WEBPACK_IMPORTED_MODULE_0__/* .fileOfId */ .Hy)(list[0] ?? ''), list);
    // Several stores (rare): each term their median.
    const models = runs.flatMap((run) => (run.costModel ? [run.costModel] : []));
    const costModel = models.length === 0
        ? undefined
        : {
            startupSeconds: (0,_stats_js__WEBPACK_IMPORTED_MODULE_1__/* .median */ .JZ)(models.map((m) => m.startupSeconds)),
            warmupSeconds: (0,_stats_js__WEBPACK_IMPORTED_MODULE_1__/* .median */ .JZ)(models.map((m) => m.warmupSeconds)),
            workers: (0,_stats_js__WEBPACK_IMPORTED_MODULE_1__/* .median */ .JZ)(models.map((m) => m.workers)),
        };
    return {
        files,
        tests,
        testsByFile,
        setupByFile: setupObservations.fold(),
        untimed,
        runCount: runs.length,
        ...(costModel ? { costModel } : {}),
    };
}
/** The order of `Array.prototype.sort` without a comparator, for strings. */
function byCodeUnits(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}
function basename(path) {
    return path.slice(path.lastIndexOf('/') + 1);
}
/**
 * Renames timing ids to the discovered files they stand for when the paths differ only by a
 * leading directory (timings written from a sub-directory, or absolute paths from a runner we
 * do not know). A rename happens only when exactly one discovered file fits.
 */
function alignModel(model, itemFiles) {
    const timedFiles = new Set([...model.files.keys(), ...[...model.untimed].map(_ids_js__WEBPACK_IMPORTED_MODULE_0__/* .fileOfId */ .Hy)]);
    let unmatched = 0;
    for (const file of timedFiles)
        if (!itemFiles.has(file))
            unmatched++;
    if (unmatched === 0)
        return { model, matchedBySuffix: 0 };
    const byBase = new Map();
    for (const file of itemFiles) {
        const base = basename(file);
        const list = byBase.get(base);
        if (list)
            list.push(file);
        else
            byBase.set(base, [file]);
    }
    const rename = new Map();
    const taken = new Set();
    for (const timed of model.files.keys()) {
        if (itemFiles.has(timed))
            taken.add(timed);
    }
    for (const timed of [...timedFiles].sort()) {
        if (itemFiles.has(timed))
            continue;
        const fits = (byBase.get(basename(timed)) ?? []).filter((file) => !taken.has(file) && (timed.endsWith(`/${file}`) || file.endsWith(`/${timed}`)));
        if (fits.length === 1 && fits[0] !== undefined) {
            rename.set(timed, fits[0]);
            taken.add(fits[0]);
        }
    }
    if (rename.size === 0)
        return { model, matchedBySuffix: 0 };
    const renameId = (id) => {
        if (!(0,_ids_js__WEBPACK_IMPORTED_MODULE_0__/* .isTestId */ .Cw)(id))
            return rename.get(id) ?? id;
        const file = (0,_ids_js__WEBPACK_IMPORTED_MODULE_0__/* .fileOfId */ .Hy)(id);
        const target = rename.get(file);
        return target === undefined ? id : (0,_ids_js__WEBPACK_IMPORTED_MODULE_0__/* .normalizeId */ .XB)(target + id.slice(file.length));
    };
    const remap = (map) => new Map([...map].map(([id, value]) => [renameId(id), value]));
    const testsByFile = new Map();
    for (const [file, ids] of model.testsByFile)
        testsByFile.set(renameId(file), ids.map(renameId));
    return {
        model: {
            files: remap(model.files),
            tests: remap(model.tests),
            testsByFile,
            setupByFile: remap(model.setupByFile),
            untimed: new Set([...model.untimed].map(renameId)),
            runCount: model.runCount,
            ...(model.costModel ? { costModel: model.costModel } : {}),
        },
        matchedBySuffix: rename.size,
    };
}
//# sourceMappingURL=timings.js.map

/***/ }),

/***/ 6316:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   l: () => (/* binding */ planMode)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(1455);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_6__ = __nccwpck_require__(2807);
/* harmony import */ var _core_ids_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(8628);
/* harmony import */ var _core_cost_model_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(2893);
/* harmony import */ var _core_plan_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(3641);
/* harmony import */ var _core_timings_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(149);
/* harmony import */ var _adapters_timings_files_js__WEBPACK_IMPORTED_MODULE_5__ = __nccwpck_require__(3365);







async function readItems(source, deps, roots) {
    let text;
    try {
        text = source === '-' ? await deps.readStdin() : await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(source, 'utf8');
    }
    catch (error) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .UsageError */ .eb(`--items-from ${source}: cannot read it (${(0,_core_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .describeError */ .Uc)(error)})`);
    }
    const ids = text
        .split('\n')
        .map((line) => line.replace(/\r$/, ''))
        .filter((line) => line.trim() !== '')
        .map((line) => (0,_core_ids_js__WEBPACK_IMPORTED_MODULE_1__/* .normalizeId */ .XB)(line, { roots }));
    if (ids.length === 0)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .UsageError */ .eb(`--items-from ${source}: holds no ids (one per line)`);
    return ids;
}
/** Warns that ids from `source` resolve outside the repository and are not planned. */
function warnOutside(outside, source, root, log) {
    log.warning(`${source}: ${outside.length} ${outside.length === 1 ? 'id resolves' : 'ids resolve'} outside ${root} and ${outside.length === 1 ? 'is' : 'are'} not planned: ${outside.slice(0, 5).join(', ')}${outside.length > 5 ? ', …' : ''}`);
}
/** A timings run without the ids outside the repository (when the timings are the items). */
function runInsideRoot(run) {
    const keep = (id) => !(0,_core_ids_js__WEBPACK_IMPORTED_MODULE_1__/* .isOutsideRoot */ .CW)(id);
    return {
        ...run,
        files: new Map([...run.files].filter(([id]) => keep(id))),
        tests: new Map([...run.tests].filter(([id]) => keep(id))),
        untimed: new Set([...run.untimed].filter(keep)),
    };
}
// The glob library loads only when there is something to glob or stat: planning from a
// timings file starts faster without it.
const discover = () => Promise.all(/* import() */[__nccwpck_require__.e(382), __nccwpck_require__.e(170)]).then(__nccwpck_require__.bind(__nccwpck_require__, 3170));
/**
 * Ids that resolve outside the repository (`../x`, `/etc/x`) are refused wherever they come
 * from: never planned, so never run.
 */
function keepInside(found, ids, source, root, log) {
    const outside = ids.filter(_core_ids_js__WEBPACK_IMPORTED_MODULE_1__/* .isOutsideRoot */ .CW);
    if (outside.length === 0)
        return [...ids];
    warnOutside(outside, source, root, log);
    found.refused += outside.length;
    return ids.filter((id) => !(0,_core_ids_js__WEBPACK_IMPORTED_MODULE_1__/* .isOutsideRoot */ .CW)(id));
}
/**
 * The test files the globs match. A helper module the glob caught is not a test: the runner
 * would report nothing for it and the shard would fail for a file that was never a test, so
 * where the runner lists its own files, the others are left out with a warning.
 */
async function globbedItems(options, found, log) {
    const patterns = options.patterns.map((p) => `'${p}'`).join(' ');
    const discovered = await (await discover()).discoverFiles(options.patterns, options.root);
    if (discovered.files.length === 0)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .UsageError */ .eb(`no files under ${options.root} match ${patterns}`);
    let items = keepInside(found, discovered.files, 'the globs', options.root, log);
    found.sizes = discovered.sizes;
    if (options.runnerFiles !== undefined) {
        const { runner, files } = options.runnerFiles;
        const own = items.filter((id) => files.has(id));
        const others = items.filter((id) => !files.has(id));
        if (others.length > 0) {
            log.warning(`${others.length} ${others.length === 1 ? 'file matches' : 'files match'} the globs but ${others.length === 1 ? 'is' : 'are'} not a test file for ${runner} (its configuration does not run ${others.length === 1 ? 'it' : 'them'}); left out of the plan: ${others
                .slice(0, 5)
                .join(', ')}${others.length > 5 ? ', …' : ''}`);
            if (own.length === 0)
                throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .UsageError */ .eb(`none of the ${items.length} files matching ${patterns} is a test file for ${runner}`);
            items = own;
        }
    }
    found.items = items;
}
/** Adds listed ids (the runner's list, `--items-from`) and the sizes of their files. */
async function addListed(found, listed, root) {
    found.items = [...(found.items ?? []), ...listed];
    found.sizes = new Map([
        ...(found.sizes ?? []),
        ...(await (await discover()).fileSizes(listed, root)),
    ]);
}
/** The items to plan, from globs, the runner's list and `--items-from`; `undefined`: none given. */
async function findItems(options, deps) {
    const { log } = deps;
    const roots = [options.root, ...options.roots];
    const found = { items: undefined, sizes: undefined, refused: 0 };
    if (options.patterns.length > 0)
        await globbedItems(options, found, log);
    if (options.items !== undefined) {
        const ids = options.items.map((id) => (0,_core_ids_js__WEBPACK_IMPORTED_MODULE_1__/* .normalizeId */ .XB)(id, { roots }));
        const listed = keepInside(found, ids, "the runner's test list", options.root, log);
        await addListed(found, listed, options.root);
    }
    if (options.itemsFrom !== undefined) {
        const ids = await readItems(options.itemsFrom, deps, roots);
        const source = `--items-from ${options.itemsFrom}`;
        await addListed(found, keepInside(found, ids, source, options.root, log), options.root);
    }
    if (found.items !== undefined && options.exclude)
        found.items = options.exclude(found.items);
    if (found.items !== undefined && found.items.length === 0 && found.refused > 0) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .UsageError */ .eb(`nothing to plan: every item resolves outside the repository root ${options.root}`);
    }
    return found;
}
/** Planning what the timings hold: their ids are the items, refused like any other. */
function timingsInsideRoot(runs, root, log) {
    const ids = (run) => [...run.files.keys(), ...run.tests.keys(), ...run.untimed];
    const outside = [...new Set(runs.flatMap((run) => ids(run).filter(_core_ids_js__WEBPACK_IMPORTED_MODULE_1__/* .isOutsideRoot */ .CW)))];
    if (outside.length === 0)
        return runs;
    warnOutside(outside.sort(), '--timings', root, log);
    const inside = runs.map(runInsideRoot);
    if (inside.every((run) => ids(run).length === 0))
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .UsageError */ .eb(`nothing to plan: every id in the timings resolves outside the repository root ${root}`);
    return inside;
}
/** Says what the plan is built from: the timings alone, or items without timings. */
function noticeSources(options, loaded, hasItems, log) {
    if (!hasItems) {
        if (loaded.runs.length === 0) {
            const why = options.timings.length === 0
                ? 'no test globs, no --items-from and no --timings were given'
                : `none of the --timings files held usable timings (${loaded.sources.length} read)`;
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .UsageError */ .eb(`nothing to plan: ${why}. Give test globs, --items-from <file>, or --timings <file>.`);
        }
        log.notice('no globs or --items-from: planning the items present in the timings');
    }
    else if (loaded.runs.length === 0) {
        log.notice(options.timings.length === 0
            ? 'no timings given: every item is estimated (from file sizes where the files exist)'
            : 'no usable timings: every item is estimated (from file sizes where the files exist)');
    }
}
/** A start-up given by hand wins; else what the history learned; else the caller's estimate. */
function chooseCostModel(options, learned) {
    if (options.shardOverheadSeconds === undefined)
        return learned ?? options.priorCostModel ?? _core_cost_model_js__WEBPACK_IMPORTED_MODULE_2__/* .SERIAL_MODEL */ .Hc;
    return {
        startupSeconds: options.shardOverheadSeconds,
        warmupSeconds: 0,
        workers: learned?.workers ?? options.priorCostModel?.workers ?? 1,
    };
}
/** Restores timings, finds the items, estimates the unknown ones and splits them into shards. */
async function planMode(options, deps) {
    const { log } = deps;
    const loaded = await (0,_adapters_timings_files_js__WEBPACK_IMPORTED_MODULE_5__/* .loadTimings */ .I)(options.timings, { roots: [options.root, ...options.roots] }, log);
    const { items, sizes } = await findItems(options, deps);
    const runs = items === undefined ? timingsInsideRoot(loaded.runs, options.root, log) : loaded.runs;
    const model = (0,_core_timings_js__WEBPACK_IMPORTED_MODULE_4__/* .buildTimingModel */ .e)(runs);
    noticeSources(options, loaded, items !== undefined, log);
    const costModel = chooseCostModel(options, model.costModel);
    const plan = (0,_core_plan_js__WEBPACK_IMPORTED_MODULE_3__/* .planShards */ .tF)({
        items,
        model,
        shards: options.shards,
        granularity: options.granularity,
        shardOverheadSeconds: costModel.startupSeconds + costModel.warmupSeconds,
        costModel,
        ...(options.defaultItemSeconds === undefined
            ? {}
            : { defaultItemSeconds: options.defaultItemSeconds }),
        ...(sizes ? { sizes } : {}),
    });
    for (const note of plan.notes)
        log.notice(note);
    if (items !== undefined && plan.unknownItems > 0 && loaded.runs.length > 0) {
        log.info(`${plan.unknownItems} of ${plan.itemCount} items have no timings and were estimated`);
    }
    return plan;
}
//# sourceMappingURL=plan.js.map

/***/ }),

/***/ 7372:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  QT: () => (/* binding */ actionDefault),
  kJ: () => (/* binding */ cliSource),
  iP: () => (/* binding */ flagOf),
  gI: () => (/* binding */ given),
  c3: () => (/* binding */ listOf),
  RP: () => (/* binding */ source_valueOf),
  It: () => (/* binding */ withFallbacks)
});

// UNUSED EXPORTS: actionSource

;// CONCATENATED MODULE: ./build/options/action-inputs.js
// Generated from action.yml by `npm run docs`; do not edit (`npm run docs-check` fails on drift).
// The inputs as action.yml declares them: the CLI's defaults and the action's, from one source.
const ACTION_INPUTS = {
    mode: {
        description: 'What this step does: `plan` (split the tests and output the matrix), `run` (run one shard, or the serial fallback), or `combine` (verdict, timings, coverage and report). Required.',
        default: '',
    },
    name: {
        description: '(all) A name for this use of Shardwise in the workflow run: artifacts, the cache key and the pull-request comment are scoped by it. Give each use its own name when one workflow shards several suites.',
        default: 'shardwise',
    },
    'working-directory': {
        description: "(all) The project's directory, inside the workspace: globs, ids and the command are relative to it, and the runner lists its tests there. Check the action out beside it, not inside it (the reusable workflow uses `project`).",
        default: '.',
    },
    command: {
        description: '(plan, run) The test command, e.g. `npx jest` or `python -m pytest`. Split into words like a shell would quote it, but never run through a shell. In `plan`, with no `tests` glob, the runner lists its own tests.',
        default: '',
    },
    runner: {
        description: '(plan, run) `auto` (detected from the command), `jest`, `vitest`, `playwright`, `mocha`, `node`, `pytest`, `go` or `generic`.',
        default: 'auto',
    },
    tests: {
        description: "(plan) Globs of test files to plan, one per line. When empty, the items in `items-from`, the runner's own list (with `command`) or the timings are planned.",
        default: '',
    },
    'items-from': {
        description: '(plan) A file listing the ids to plan, one per line (test files, or test ids such as `tests/test_x.py::test_y`).',
        default: '',
    },
    timings: {
        description: '(plan) Extra timing files or directories, one per line: JUnit XML, pytest-split `.test_durations`, Knapsack JSON, parallel_tests logs, cypress-split JSON, Jest `--json`, `go test -json`. The history saved by `combine` is restored from the cache on top.',
        default: '',
    },
    cache: {
        description: '(plan) Restore the timing history from the Actions cache.',
        default: 'true',
    },
    shards: {
        description: '(plan) The number of shards, 1 to 256, or `auto` to use the fewest shards that reach `target-seconds`.',
        default: '4',
    },
    'target-seconds': {
        description: '(plan) With `shards: auto`, the wall time a shard should take, start-up included.',
        default: '',
    },
    'max-shards': {
        description: "(plan) With `shards: auto`, the most shards to use (at most 256, GitHub's matrix limit).",
        default: '256',
    },
    'shard-overhead-seconds': {
        description: '(plan) The start-up every shard pays besides its test files, in seconds; used for predictions and by `shards: auto`. Empty: the runner start-up and warm-up the timing history learned (0 without history).',
        default: '',
    },
    granularity: {
        description: "(plan) `file` plans whole files; `test` plans single tests; `auto` splits only the files that alone would exceed a shard's share (pytest and go test can run single tests).",
        default: 'file',
    },
    'plan-file': {
        description: '(plan) Where to write the plan JSON, relative to `RUNNER_TEMP`.',
        default: 'shardwise-plan.json',
    },
    shard: {
        description: '(run) The shard to run: its 1-based number (`matrix.shard` in a matrix job), or `fallback` for the serial re-run of failed tests and missing shards.',
        default: '',
    },
    retries: {
        description: '(run) Run failed tests again up to this many times; a test that fails and then passes is flaky.',
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
        description: '(run) Fail the step when tests fail (the combine job decides the verdict either way).',
        default: 'true',
    },
    'timeout-seconds': {
        description: "(run) Stop the tests after this many seconds and keep a partial result. Set it below the job's `timeout-minutes`.",
        default: '',
    },
    junit: {
        description: '(run) Globs of JUnit reports the command writes (needed for the `generic` runner), one per line.',
        default: '',
    },
    coverage: {
        description: '(run) Globs of coverage files to collect (lcov, Istanbul JSON, Cobertura XML, Go cover profiles), one per line.',
        default: '',
    },
    'fallback-max-items': {
        description: '(run) With `shard: fallback`: run at most this many items again; more failures look systemic and are not re-run.',
        default: '50',
    },
    'coverage-threshold': {
        description: '(combine) Fail when the merged line coverage of all shards is below this percentage.',
        default: '',
    },
    'base-ref': {
        description: '(combine) With coverage: also report the coverage of the lines changed since this git ref.',
        default: '',
    },
    'flaky-threshold': {
        description: '(combine) List tests that were flaky in at least this share (0–1) of recent runs.',
        default: '0.1',
    },
    quarantine: {
        description: '(combine) A checked-in JSON list of known-flaky tests with expiry dates (`{"version":1,"tests":[{"id","until","reason"}]}`); they report without failing the build.',
        default: 'shardwise.quarantine.json',
    },
    'save-timings': {
        description: '(combine) Save the merged timings to the cache: `auto` (only after push, schedule, workflow_dispatch or merge_group runs), `always`, or `never`.',
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
        description: '(combine) The token for the pull-request comment. A read-only token (fork pull requests) leaves the report in the job summary.',
        default: '${{ github.token }}',
    },
    'allow-privileged-trigger': {
        description: '(all) Allow `pull_request_target`, `workflow_run` and `issue_comment`, which run with a write token. Only for workflows that never run untrusted code.',
        default: 'false',
    },
};
//# sourceMappingURL=action-inputs.js.map
// EXTERNAL MODULE: ./build/options/values.js
var values = __nccwpck_require__(8739);
;// CONCATENATED MODULE: ./build/options/source.js


/**
 * The default action.yml declares for an input: `''` when there is none, or when only the
 * runner can evaluate it (`${{ github.token }}`).
 */
function actionDefault(name) {
    const value = ACTION_INPUTS[name]?.default ?? '';
    return value.includes('${{') ? '' : value;
}
/** The value given, else action.yml's default. */
function source_valueOf(source, name) {
    return source.get(name) ?? actionDefault(name);
}
/** The value given, `undefined` when there is none. */
function given(source, name) {
    return source.get(name);
}
function listOf(source, name) {
    return source.list(name);
}
function flagOf(source, name) {
    return (0,values/* parseBoolean */.yG)(source.label(name), source_valueOf(source, name));
}
/** The command line's flags where they differ from the inputs' names. */
const FLAG_NAMES = {
    'timeout-seconds': 'timeout',
    'working-directory': 'root',
};
/**
 * The options of a parsed command line: `str` is a flag's value (`undefined` when absent),
 * `list` a repeatable flag's values, `flag` a boolean flag.
 */
function cliSource(parsed) {
    const flagName = (name) => FLAG_NAMES[name] ?? name;
    return {
        get: (name) => {
            const flag = flagName(name);
            if (parsed.booleans.has(flag))
                return parsed.flag(flag) ? 'true' : undefined;
            return parsed.str(flag);
        },
        list: (name) => parsed.list(flagName(name)),
        label: (name) => `--${flagName(name)}`,
        setting: (name, value) => `--${flagName(name)} ${value}`,
    };
}
/**
 * The inputs of an action step. A step cannot leave an input out (the runner fills in
 * action.yml's default), so an input is "given" when it differs from its default.
 */
function actionSource(getInput) {
    const get = (name) => {
        const value = getInput(name);
        return value === '' || value === actionDefault(name) ? undefined : value;
    };
    return {
        get,
        list: (name) => lines(get(name) ?? actionDefault(name)),
        label: (name) => name,
        setting: (name, value) => `${name}: ${value}`,
    };
}
/** `source` with some options given a value where the user gave none. */
function withFallbacks(source, fallbacks) {
    return { ...source, get: (name) => source.get(name) ?? fallbacks[name] };
}
//# sourceMappingURL=source.js.map

/***/ }),

/***/ 8739:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   HU: () => (/* binding */ parseChoice),
/* harmony export */   If: () => (/* binding */ shardFromCiVariables),
/* harmony export */   It: () => (/* binding */ parsePositiveSeconds),
/* harmony export */   Ke: () => (/* binding */ parseShardNumber),
/* harmony export */   at: () => (/* binding */ parseFraction),
/* harmony export */   lo: () => (/* binding */ parsePercent),
/* harmony export */   n: () => (/* binding */ GRANULARITIES),
/* harmony export */   oA: () => (/* binding */ parseWholeNumber),
/* harmony export */   rT: () => (/* binding */ parseNonNegativeSeconds),
/* harmony export */   vI: () => (/* binding */ parseShardCount),
/* harmony export */   yE: () => (/* binding */ parseTimeoutSeconds),
/* harmony export */   yG: () => (/* binding */ parseBoolean)
/* harmony export */ });
/* unused harmony exports MAX_TIMEOUT_SECONDS, lines */
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(2807);
/* harmony import */ var _core_plan_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3641);


/**
 * Strict parsers for option values, one per kind of value, shared by the CLI and the action so
 * both say the same thing about the same mistake: "`label` must be …; got `value`." The label
 * is how the caller names the option: `--shards` on the command line, `shards` in a step.
 */
function fail(label, expected, got) {
    throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb(`\`${label}\` must be ${expected}; got \`${got}\`.`);
}
function parseWholeNumber(label, raw, min, max) {
    const value = raw.trim();
    if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
        fail(label, `a whole number from ${min} to ${max}`, raw);
    }
    return Number(value);
}
function parseNonNegativeSeconds(label, raw) {
    const value = raw.trim();
    if (!/^\d+(?:\.\d+)?$/.test(value))
        fail(label, 'a number of seconds ≥ 0', raw);
    return Number(value);
}
function parsePositiveSeconds(label, raw) {
    const seconds = parseNonNegativeSeconds(label, raw);
    if (seconds <= 0)
        fail(label, 'a number of seconds > 0', raw);
    return seconds;
}
/** The longest timeout a Node timer can wait (2^31 − 1 ms), in whole seconds: about 24.8 days. */
const MAX_TIMEOUT_SECONDS = Math.floor((2 ** 31 - 1) / 1000);
/** A test timeout: seconds > 0, and no longer than a timer holds (a longer one fired at once). */
function parseTimeoutSeconds(label, raw) {
    const seconds = parsePositiveSeconds(label, raw);
    if (seconds > MAX_TIMEOUT_SECONDS)
        fail(label, `a number of seconds from 0 to ${MAX_TIMEOUT_SECONDS} (about 24 days)`, raw);
    return seconds;
}
/** A percentage from 0 to 100 (coverage thresholds). */
function parsePercent(label, raw) {
    const value = raw.trim();
    if (!/^\d+(?:\.\d+)?$/.test(value) || Number(value) > 100)
        fail(label, 'a percentage from 0 to 100', raw);
    return Number(value);
}
/** A share from 0 to 1 (the flaky threshold). */
function parseFraction(label, raw) {
    if (!/^(?:0(?:\.\d+)?|1(?:\.0+)?)$/.test(raw.trim()))
        fail(label, 'a number from 0 to 1', raw);
    return Number(raw.trim());
}
/** A shard count: 1 to MAX_SHARDS, or `auto`. */
function parseShardCount(label, raw) {
    const value = raw.trim();
    if (value === 'auto')
        return 'auto';
    if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > _core_plan_js__WEBPACK_IMPORTED_MODULE_0__/* .MAX_SHARDS */ .hH) {
        fail(label, `a whole number from 1 to ${_core_plan_js__WEBPACK_IMPORTED_MODULE_0__/* .MAX_SHARDS */ .hH} or \`auto\``, raw);
    }
    return Number(value);
}
/**
 * A shard number: `I` or `I/N` (1 ≤ I ≤ N ≤ MAX_SHARDS), or `fallback` — the serial re-run
 * of failed tests and missing shards — where the caller has one.
 */
function parseShardNumber(label, raw, accepts) {
    const value = raw.trim();
    if (accepts.fallback && value === 'fallback')
        return { kind: 'fallback' };
    const match = /^(\d+)(?:\/(\d+))?$/.exec(value);
    const index = Number(match?.[1]);
    const count = match?.[2] === undefined ? undefined : Number(match[2]);
    if (!match ||
        index < 1 ||
        index > _core_plan_js__WEBPACK_IMPORTED_MODULE_0__/* .MAX_SHARDS */ .hH ||
        (count !== undefined && (count < 1 || count > _core_plan_js__WEBPACK_IMPORTED_MODULE_0__/* .MAX_SHARDS */ .hH || index > count))) {
        fail(label, `I or I/N with 1 ≤ I ≤ N ≤ ${_core_plan_js__WEBPACK_IMPORTED_MODULE_0__/* .MAX_SHARDS */ .hH}${accepts.fallback ? ', or `fallback`' : ''}`, raw);
    }
    return { kind: 'shard', index, count };
}
/**
 * The shard of a CI's own parallel jobs, 1-based: GitLab (`CI_NODE_INDEX`, 1-based), CircleCI
 * and Buildkite (0-based); `undefined` outside them.
 */
function shardFromCiVariables(env) {
    const pairs = [
        ['CI_NODE_INDEX', 'CI_NODE_TOTAL', 0],
        ['CIRCLE_NODE_INDEX', 'CIRCLE_NODE_TOTAL', 1],
        ['BUILDKITE_PARALLEL_JOB', 'BUILDKITE_PARALLEL_JOB_COUNT', 1],
    ];
    for (const [indexName, countName, offset] of pairs) {
        const index = env[indexName];
        const count = env[countName];
        if (index !== undefined && count !== undefined && /^\d+$/.test(index) && /^\d+$/.test(count)) {
            const parsed = parseShardNumber(`${indexName}/${countName}`, `${Number(index) + offset}/${count}`, { fallback: false });
            if (parsed.kind === 'shard')
                return { index: parsed.index, count: parsed.count ?? 0 };
        }
    }
    return undefined;
}
function parseChoice(label, raw, choices) {
    const value = raw.trim();
    const found = choices.find((c) => c === value);
    if (found === undefined)
        fail(label, `one of ${choices.map((c) => `\`${c}\``).join(', ')}`, raw);
    return found;
}
/** `true` or `false`, nothing looser (`yes` is a mistake, not a truth). */
function parseBoolean(label, raw) {
    const value = raw.trim();
    if (value === 'true')
        return true;
    if (value === 'false' || value === '')
        return false;
    throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb(`\`${label}\` must be \`true\` or \`false\`; got \`${value}\`.`);
}
const GRANULARITIES = ['file', 'test', 'auto'];
/** The non-empty lines of a multi-line value, trimmed. */
function lines(raw) {
    return raw
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l !== '');
}
//# sourceMappingURL=values.js.map

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(2498);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
