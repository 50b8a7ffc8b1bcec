export const id = 170;
export const ids = [170];
export const modules = {

/***/ 10789:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   discoverFiles: () => (/* binding */ discoverFiles),
/* harmony export */   fileSizes: () => (/* binding */ fileSizes)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var tinyglobby__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(60925);
/* harmony import */ var _core_ids_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(58628);




const ALWAYS_IGNORED = ['**/node_modules/**', '**/.git/**'];
/**
 * Finds the test files the globs match under `root`. Symbolic links are not followed and not
 * planned: a link inside the repository is a second name for a file that is planned anyway
 * (it would run twice), and a link out of it can point anywhere. Overlapping globs give each
 * file once.
 */
async function discoverFiles(patterns, root) {
    const absoluteRoot = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.realpath)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(root));
    const matches = await (0,tinyglobby__WEBPACK_IMPORTED_MODULE_3__/* .glob */ .TI)([...patterns], {
        cwd: absoluteRoot,
        ignore: ALWAYS_IGNORED,
        onlyFiles: true,
        followSymbolicLinks: false,
        dot: false,
        expandDirectories: false,
    });
    const files = new Set();
    const sizes = new Map();
    for (const match of matches.sort()) {
        const id = (0,_core_ids_js__WEBPACK_IMPORTED_MODULE_2__/* .normalizeFileId */ .Xo)(match);
        if (files.has(id))
            continue;
        const info = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.lstat)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(absoluteRoot, match));
        if (!info.isFile())
            continue;
        files.add(id);
        sizes.set(id, info.size);
    }
    return { files: [...files].sort(), sizes };
}
/** Sizes of the files that exist, for estimating items given by id. */
async function fileSizes(ids, root) {
    const sizes = new Map();
    for (const id of ids) {
        try {
            const info = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(root, id));
            if (info.isFile())
                sizes.set(id, info.size);
        }
        catch {
            // Not a file on disk (a Go package, a test id): no size to learn from.
        }
    }
    return sizes;
}
//# sourceMappingURL=discover.js.map

/***/ })

};
