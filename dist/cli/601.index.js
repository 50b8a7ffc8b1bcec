export const id = 601;
export const ids = [601];
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

/***/ })

};
