export const id = 468;
export const ids = [468];
export const modules = {

/***/ 27:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  T: () => (/* binding */ coverageReport)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./build/core/ids.js
var ids = __webpack_require__(8628);
;// CONCATENATED MODULE: ./build/core/coverage/model.js
/**
 * The coverage model of `shardwise combine`, shared by the readers (lcov, Istanbul
 * `coverage-final.json`, Cobertura XML, Go cover profiles), the merge, the summaries, the
 * writers and diff coverage.
 *
 * Pure: text in, data out. Paths named by a report are identity strings only; no source file is
 * ever opened (THREATS E1), so a report naming `/etc/passwd` costs nothing but a warning.
 * Every keyed collection is a `Map`: a repository may hold a file literally named `__proto__`
 * (THREATS E5).
 */
/** A report that cannot be used at all (hostile DTD, not JSON, not the format it claims). */
class CoverageFormatError extends Error {
    name = 'CoverageFormatError';
}
/** The key of a branch outcome in `FileCoverage.branches`. Line and block hold no comma. */
function branchKey(line, block, branch) {
    return `${line},${block},${branch}`;
}
// ---------------------------------------------------------------------------------------------
// Counts
/**
 * Hits saturate here instead of losing precision: saturating addition of non-negative numbers
 * stays commutative and associative, which plain float addition past 2^53 would not.
 */
const MAX_COUNT = Number.MAX_SAFE_INTEGER;
/** Beyond any real source file; a Go block claiming more lines is corrupt. */
const MAX_LINE = 0x7fffffff;
function addCounts(a, b) {
    const sum = a + b;
    return sum > MAX_COUNT ? MAX_COUNT : sum;
}
function emptyFile() {
    return { lines: new Map(), branches: new Map(), functions: new Map() };
}
function ownBranch(outcome) {
    return { line: outcome.line, block: outcome.block, branch: outcome.branch, taken: outcome.taken };
}
function copyFile(file) {
    const branches = new Map();
    for (const [key, outcome] of file.branches)
        branches.set(key, ownBranch(outcome));
    const functions = new Map();
    for (const [name, fn] of file.functions)
        functions.set(name, { line: fn.line, hits: fn.hits });
    return { lines: new Map(file.lines), branches, functions };
}
/** A function name as the model keeps it: lcov and XML cannot carry a line break in one. */
function cleanName(name) {
    return name.replace(/[\r\n]+/g, ' ');
}
/** `name`, or `name (line N)` when another function of the file already has that name. */
function uniqueName(functions, name, line) {
    if (!functions.has(name))
        return name;
    const withLine = `${name} (line ${line})`;
    if (!functions.has(withLine))
        return withLine;
    for (let n = 2;; n++) {
        const numbered = `${name} (line ${line}, #${n})`;
        if (!functions.has(numbered))
            return numbered;
    }
}
// ---------------------------------------------------------------------------------------------
// Order and messages
/** Code-unit order: the same on every machine and locale. */
function compareStrings(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}
/** A value as a warning shows it: JSON-quoted, cut at 200 characters. */
function quote(value) {
    return JSON.stringify(value.length > 200 ? `${value.slice(0, 200)}…` : value);
}
function listSome(items, limit = 10) {
    return items.length <= limit
        ? items.join(', ')
        : `${items.slice(0, limit).join(', ')} and ${items.length - limit} more`;
}
//# sourceMappingURL=model.js.map
;// CONCATENATED MODULE: ./build/core/coverage/summary.js

/** `hit / found × 100`, unrounded; `undefined` when nothing was found. */
function percentOf(hit, found) {
    return found === 0 ? undefined : (hit * 100) / found;
}
function countHit(values) {
    let hit = 0;
    for (const value of values)
        if (value > 0)
            hit++;
    return hit;
}
function summarizeFile(file) {
    const linesHit = countHit(file.lines.values());
    let branchesHit = 0;
    for (const outcome of file.branches.values())
        if (outcome.taken > 0)
            branchesHit++;
    let functionsHit = 0;
    for (const fn of file.functions.values())
        if (fn.hits > 0)
            functionsHit++;
    return {
        lines: { found: file.lines.size, hit: linesHit },
        branches: { found: file.branches.size, hit: branchesHit },
        functions: { found: file.functions.size, hit: functionsHit },
        percent: percentOf(linesHit, file.lines.size),
    };
}
/** Per-file and total counts of a model; the total is the sum over files. */
function summarizeCoverage(model) {
    const files = new Map();
    const lines = { found: 0, hit: 0 };
    const branches = { found: 0, hit: 0 };
    const functions = { found: 0, hit: 0 };
    const add = (into, counts) => {
        into.found += counts.found;
        into.hit += counts.hit;
    };
    for (const path of [...model.keys()].sort(compareStrings)) {
        const file = model.get(path);
        if (!file)
            continue;
        const summary = summarizeFile(file);
        files.set(path, summary);
        add(lines, summary.lines);
        add(branches, summary.branches);
        add(functions, summary.functions);
    }
    return {
        files,
        total: { lines, branches, functions, percent: percentOf(lines.hit, lines.found) },
    };
}
/**
 * A percentage for people: rounded *down* to two decimals, so 79.996% never shows as the
 * "80.00%" that a threshold of 80 then rejects.
 */
function formatPercent(percent) {
    return `${(Math.floor(percent * 100 + 1e-9) / 100).toFixed(2)}%`;
}
/**
 * Checks the merged total's line coverage against `percent` (exactly: `hit × 100 ≥ percent ×
 * found`, no rounding). `no-data` — nothing instrumented — is a failure for the caller too: a
 * threshold the user asked for must not pass because coverage went missing.
 */
function checkThreshold(total, percent) {
    const { found, hit } = total.lines;
    if (found === 0) {
        return {
            kind: 'no-data',
            requiredPercent: percent,
            message: `No instrumented lines were found, so the coverage threshold of ${percent}% cannot be met. Check that the shards uploaded their coverage reports.`,
        };
    }
    const actualPercent = (hit * 100) / found;
    const passed = hit * 100 >= percent * found;
    return {
        kind: passed ? 'passed' : 'failed',
        requiredPercent: percent,
        actualPercent,
        message: `Line coverage ${formatPercent(actualPercent)} (${hit} of ${found} lines) is ${passed ? 'at or above' : 'below'} the threshold of ${percent}%.`,
    };
}
//# sourceMappingURL=summary.js.map
;// CONCATENATED MODULE: ./build/core/coverage/diff.js



function decodeUtf8(bytes) {
    return new TextDecoder('utf-8').decode(new Uint8Array(bytes));
}
const C_ESCAPES = new Map([
    ['a', 7],
    ['b', 8],
    ['t', 9],
    ['n', 10],
    ['v', 11],
    ['f', 12],
    ['r', 13],
    ['"', 34],
    ['\\', 92],
]);
/** Git's C-style quoting (`"caf\303\251 x.txt"`): octal escapes are UTF-8 bytes. */
function unquoteGitPath(quoted) {
    const bytes = [];
    const encoder = new TextEncoder();
    let i = 1;
    while (i < quoted.length) {
        const c = quoted[i] ?? '';
        if (c === '"')
            return decodeUtf8(bytes);
        if (c === '\\') {
            const octal = /^[0-7]{1,3}/.exec(quoted.slice(i + 1, i + 4))?.[0];
            if (octal !== undefined) {
                bytes.push(parseInt(octal, 8) & 0xff);
                i += 1 + octal.length;
                continue;
            }
            const escaped = C_ESCAPES.get(quoted[i + 1] ?? '');
            if (escaped === undefined)
                return undefined;
            bytes.push(escaped);
            i += 2;
            continue;
        }
        const codePoint = quoted.codePointAt(i) ?? 0;
        const char = String.fromCodePoint(codePoint);
        bytes.push(...encoder.encode(char));
        i += char.length;
    }
    return undefined;
}
/** The path of a `+++ ` line, or `undefined` for `/dev/null` (a deleted file). */
function diffPath(raw, prefix) {
    let path;
    if (raw.startsWith('"'))
        path = unquoteGitPath(raw);
    else {
        // git appends a tab to names containing a space; GNU diff puts a timestamp after a tab.
        const tab = raw.indexOf('\t');
        path = tab < 0 ? raw : raw.slice(0, tab);
    }
    if (path === undefined || path === '/dev/null')
        return undefined;
    if (prefix !== '' && path.startsWith(prefix))
        path = path.slice(prefix.length);
    const id = (0,ids/* normalizeFileId */.Xo)(path);
    return id === '.' ? undefined : id;
}
const HUNK = /^@@ -\d+(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;
/**
 * The added lines of each file in a unified diff (`git diff --unified=0 base...head`; any
 * context size works): new path → new-side line numbers. Renames take the new name, deleted
 * files and pure renames contribute nothing, quoted paths (spaces, Unicode, as git prints them)
 * are unquoted, and paths are NFC like the coverage model's. Hunk bodies are read by their
 * header's counts, so an added line that itself starts with `++` is never taken for a header.
 */
function parseUnifiedDiff(text, options = {}) {
    const prefix = options.prefix ?? 'b/';
    const changed = new Map();
    let file;
    let oldLeft = 0;
    let newLeft = 0;
    let newLine = 0;
    for (const raw of text.split('\n')) {
        const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
        if (oldLeft > 0 || newLeft > 0) {
            const c = line[0];
            if (c === '+' && newLeft > 0) {
                if (file !== undefined) {
                    const lines = changed.get(file);
                    if (lines)
                        lines.add(newLine);
                    else
                        changed.set(file, new Set([newLine]));
                }
                newLine++;
                newLeft--;
                continue;
            }
            if (c === '-' && oldLeft > 0) {
                oldLeft--;
                continue;
            }
            if ((c === ' ' || line === '') && oldLeft > 0 && newLeft > 0) {
                newLine++;
                newLeft--;
                oldLeft--;
                continue;
            }
            if (c === '\\')
                continue; // "\ No newline at end of file"
            // The hunk is shorter than its header said: read this line as a header.
            oldLeft = 0;
            newLeft = 0;
        }
        if (line.startsWith('diff --git ') || line.startsWith('diff --cc ')) {
            file = undefined;
            continue;
        }
        if (line.startsWith('+++ ')) {
            file = diffPath(line.slice(4), prefix);
            continue;
        }
        const hunk = HUNK.exec(line);
        if (hunk) {
            oldLeft = hunk[1] === undefined ? 1 : Number(hunk[1]);
            newLine = Number(hunk[2]);
            newLeft = hunk[3] === undefined ? 1 : Number(hunk[3]);
        }
    }
    return changed;
}
/**
 * Coverage of the changed lines: of the added lines the model instruments, how many ran.
 * Changed lines that are not instrumented (comments, files without coverage) count in
 * `changedLines` only.
 */
function diffCoverage(model, changedLines) {
    const files = [];
    let changed = 0;
    let instrumented = 0;
    let hit = 0;
    for (const path of [...changedLines.keys()].sort(compareStrings)) {
        const lines = changedLines.get(path);
        if (!lines)
            continue;
        changed += lines.size;
        const file = model.get(path);
        if (!file)
            continue;
        let fileInstrumented = 0;
        let fileHit = 0;
        const missed = [];
        for (const line of lines) {
            const hits = file.lines.get(line);
            if (hits === undefined)
                continue;
            fileInstrumented++;
            if (hits > 0)
                fileHit++;
            else
                missed.push(line);
        }
        instrumented += fileInstrumented;
        hit += fileHit;
        files.push({
            file: path,
            changedLines: lines.size,
            instrumented: fileInstrumented,
            hit: fileHit,
            missedLines: missed.sort((a, b) => a - b),
        });
    }
    return {
        files,
        total: { changedLines: changed, instrumented, hit, percent: percentOf(hit, instrumented) },
    };
}
//# sourceMappingURL=diff.js.map
;// CONCATENATED MODULE: ./build/core/coverage/merge.js

/**
 * Merging coverage: shards by summing (`CoverageMerger`), and the records of one report that
 * describe one file twice (`sumInto` for lcov, Istanbul and Go; `maxInto` for Cobertura).
 */
/**
 * Adds `source`'s counts to `target`: the union of records with summed hits. Commutative and
 * associative (up to map order), so shard order never matters and no shard overwrites another.
 */
function sumInto(target, source) {
    for (const [line, hits] of source.lines) {
        const previous = target.lines.get(line);
        target.lines.set(line, previous === undefined ? hits : addCounts(previous, hits));
    }
    for (const [key, outcome] of source.branches) {
        const previous = target.branches.get(key);
        if (previous)
            previous.taken = addCounts(previous.taken, outcome.taken);
        else
            target.branches.set(key, ownBranch(outcome));
    }
    for (const [name, fn] of source.functions) {
        const previous = target.functions.get(name);
        if (previous) {
            // Two shards disagreeing on where a function starts cannot happen within one commit;
            // the smaller line keeps the merge independent of shard order.
            previous.line = Math.min(previous.line, fn.line);
            previous.hits = addCounts(previous.hits, fn.hits);
        }
        else
            target.functions.set(name, { line: fn.line, hits: fn.hits });
    }
}
/**
 * Keeps the larger count per record. Used inside one Cobertura report, where several `<class>`
 * elements for one file (inner classes) describe the same execution: summing would count it
 * twice.
 */
function maxInto(target, source) {
    for (const [line, hits] of source.lines) {
        target.lines.set(line, Math.max(target.lines.get(line) ?? 0, hits));
    }
    for (const [key, outcome] of source.branches) {
        const previous = target.branches.get(key);
        if (!previous)
            target.branches.set(key, ownBranch(outcome));
        else
            previous.taken = Math.max(previous.taken, outcome.taken);
    }
    for (const [name, fn] of source.functions) {
        const previous = target.functions.get(name);
        if (!previous)
            target.functions.set(name, { line: fn.line, hits: fn.hits });
        else if (previous.line === fn.line)
            previous.hits = Math.max(previous.hits, fn.hits);
        else {
            target.functions.set(uniqueName(target.functions, name, fn.line), {
                line: fn.line,
                hits: fn.hits,
            });
        }
    }
}
/**
 * Merges shard after shard into one model by summing hits per line, branch outcome and
 * function (`sumInto`); a file present in one shard only is kept as it is. Each file is copied
 * at most once and only the merged model (plus the shard being added) is held: the way to
 * merge hundreds of shards (THREATS E6). The models added are never changed.
 *
 * Files whose number of instrumented lines differs between shards are reported: in one run
 * every shard tests the same commit, so it means different commits or different tools.
 */
class CoverageMerger {
    merged = new Map();
    lineCounts = new Map();
    add(model) {
        for (const [path, file] of model) {
            const counts = this.lineCounts.get(path);
            if (counts)
                counts.add(file.lines.size);
            else
                this.lineCounts.set(path, new Set([file.lines.size]));
            const entry = this.merged.get(path);
            if (!entry) {
                this.merged.set(path, { file, owned: undefined });
                continue;
            }
            if (!entry.owned) {
                entry.owned = copyFile(entry.file);
                entry.file = entry.owned;
            }
            sumInto(entry.owned, file);
        }
    }
    /** The merge so far, sorted by path, with its warnings. */
    result() {
        const files = new Map();
        for (const path of [...this.merged.keys()].sort(compareStrings)) {
            const entry = this.merged.get(path);
            if (entry)
                files.set(path, entry.owned ? copyFile(entry.owned) : entry.file);
        }
        const mismatched = [...this.lineCounts]
            .filter(([, counts]) => counts.size > 1)
            .map(([path, counts]) => `${quote(path)} (${[...counts].sort((x, y) => x - y).join(' vs ')})`)
            .sort(compareStrings);
        const warnings = mismatched.length === 0
            ? []
            : [
                `${mismatched.length} file(s) have different instrumented line counts in different shards (different commits or coverage tools?); their lines were merged as a union: ${listSome(mismatched)}`,
            ];
        return { files, warnings };
    }
}
/** Merges any number of models at once. See `CoverageMerger`. */
function mergeCoverageModels(models) {
    const merger = new CoverageMerger();
    for (const model of models)
        merger.add(model);
    return merger.result();
}
//# sourceMappingURL=merge.js.map
;// CONCATENATED MODULE: ./build/core/coverage/render.js


/** The writers of a merged model: lcov and Cobertura XML, both deterministic. */
function compareIds(a, b) {
    const numeric = /^\d+$/;
    if (numeric.test(a) && numeric.test(b))
        return Number(a) - Number(b) || compareStrings(a, b);
    return compareStrings(a, b);
}
function sortedBranches(file) {
    return [...file.branches.values()].sort((x, y) => x.line - y.line || compareIds(x.block, y.block) || compareIds(x.branch, y.branch));
}
function sortedFunctions(file) {
    return [...file.functions].sort(([a, x], [b, y]) => x.line - y.line || compareStrings(a, b));
}
function sortedLines(file) {
    return [...file.lines].sort(([a], [b]) => a - b);
}
/** Paths that lcov or XML cannot carry (a line break) are left out of the writers' output. */
function writablePaths(model) {
    return [...model.keys()]
        .filter((path) => !/[\r\n]/.test(path) && !path.includes('\0'))
        .sort(compareStrings);
}
/**
 * One lcov record per file (sorted by path; functions, branches and lines sorted), for writing
 * a large merge without building one giant string. Counts are written as numbers (never `-`).
 */
function* renderLcovRecords(model) {
    for (const path of writablePaths(model)) {
        const file = model.get(path);
        if (!file)
            continue;
        const out = ['TN:', `SF:${path}`];
        const functions = sortedFunctions(file);
        for (const [name, fn] of functions)
            out.push(`FN:${fn.line},${cleanName(name)}`);
        for (const [name, fn] of functions)
            out.push(`FNDA:${fn.hits},${cleanName(name)}`);
        const summary = summarizeFile(file);
        out.push(`FNF:${summary.functions.found}`, `FNH:${summary.functions.hit}`);
        for (const outcome of sortedBranches(file)) {
            out.push(`BRDA:${outcome.line},${outcome.block},${outcome.branch},${outcome.taken}`);
        }
        out.push(`BRF:${summary.branches.found}`, `BRH:${summary.branches.hit}`);
        for (const [line, hits] of sortedLines(file))
            out.push(`DA:${line},${hits}`);
        out.push(`LF:${summary.lines.found}`, `LH:${summary.lines.hit}`, 'end_of_record', '');
        yield out.join('\n');
    }
}
/** The model as an lcov tracefile; deterministic for equal models. */
function renderLcov(model) {
    return [...renderLcovRecords(model)].join('');
}
const XML_INVALID = 
// eslint-disable-next-line no-control-regex -- XML 1.0 cannot carry these even as references
/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
/** An attribute value: markup escaped, white space kept by reference, illegal characters as U+FFFD. */
function xmlAttribute(value) {
    return value.replace(XML_INVALID, '\ufffd').replace(/[&<>"'\t\n\r]/g, (c) => {
        switch (c) {
            case '&':
                return '&amp;';
            case '<':
                return '&lt;';
            case '>':
                return '&gt;';
            case '"':
                return '&quot;';
            case "'":
                return '&apos;';
            default:
                return `&#${c.charCodeAt(0)};`;
        }
    });
}
function xmlText(value) {
    return value
        .replace(XML_INVALID, '\ufffd')
        .replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}
function rate(counts) {
    return counts.found === 0 ? '1' : String(Math.round((counts.hit / counts.found) * 10000) / 10000);
}
function conditionCoverage(outcomes) {
    const covered = outcomes.filter((outcome) => outcome.taken > 0).length;
    const total = outcomes.length;
    return `${Math.floor((covered * 100) / total)}% (${covered}/${total})`;
}
/** One file as a Cobertura `<class>`: its methods, then its lines with their conditions. */
function coberturaClass(path, file, summary) {
    const name = path.slice(path.lastIndexOf('/') + 1);
    const out = [
        `        <class name="${xmlAttribute(name)}" filename="${xmlAttribute(path)}" line-rate="${rate(summary.lines)}" branch-rate="${rate(summary.branches)}" complexity="0">`,
        '          <methods>',
    ];
    for (const [fnName, fn] of sortedFunctions(file)) {
        out.push(`            <method name="${xmlAttribute(fnName)}" signature="" line-rate="${fn.hits > 0 ? 1 : 0}" branch-rate="1" complexity="0">`, `              <lines><line number="${fn.line}" hits="${fn.hits}" branch="false"/></lines>`, '            </method>');
    }
    out.push('          </methods>', '          <lines>');
    const byLine = new Map();
    for (const outcome of file.branches.values()) {
        const list = byLine.get(outcome.line);
        if (list)
            list.push(outcome);
        else
            byLine.set(outcome.line, [outcome]);
    }
    for (const [line, hits] of sortedLines(file)) {
        const outcomes = byLine.get(line);
        out.push(outcomes
            ? `            <line number="${line}" hits="${hits}" branch="true" condition-coverage="${conditionCoverage(outcomes)}"/>`
            : `            <line number="${line}" hits="${hits}" branch="false"/>`);
    }
    out.push('          </lines>', '        </class>');
    return out;
}
/**
 * The model as Cobertura XML: one `<package>` per directory, one `<class>` per file (name = the
 * base name, `filename` = the repo path), methods from functions, lines with
 * `condition-coverage` from the branch outcomes on that line. Branch outcomes on a line that is
 * not instrumented cannot be expressed in Cobertura and are left out. Deterministic.
 */
function renderCobertura(model, options = {}) {
    const paths = writablePaths(model);
    const packages = new Map();
    for (const path of paths) {
        const slash = path.lastIndexOf('/');
        const directory = slash < 0 ? '.' : path.slice(0, slash);
        const list = packages.get(directory);
        if (list)
            list.push(path);
        else
            packages.set(directory, [path]);
    }
    const summarize = (list) => {
        const subset = new Map();
        for (const path of list) {
            const file = model.get(path);
            if (file)
                subset.set(path, file);
        }
        return summarizeCoverage(subset);
    };
    const { total } = summarize(paths);
    const out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        `<coverage line-rate="${rate(total.lines)}" branch-rate="${rate(total.branches)}" lines-covered="${total.lines.hit}" lines-valid="${total.lines.found}" branches-covered="${total.branches.hit}" branches-valid="${total.branches.found}" complexity="0" version="shardwise" timestamp="${Math.trunc(options.timestampMs ?? 0)}">`,
        '  <sources>',
        ...(options.sources ?? ['.']).map((source) => `    <source>${xmlText(source)}</source>`),
        '  </sources>',
        '  <packages>',
    ];
    for (const directory of [...packages.keys()].sort(compareStrings)) {
        const list = packages.get(directory) ?? [];
        const packageTotals = summarize(list);
        out.push(`    <package name="${xmlAttribute(directory)}" line-rate="${rate(packageTotals.total.lines)}" branch-rate="${rate(packageTotals.total.branches)}" complexity="0">`, '      <classes>');
        for (const path of list) {
            const file = model.get(path);
            const summary = packageTotals.files.get(path);
            if (file && summary)
                out.push(...coberturaClass(path, file, summary));
        }
        out.push('      </classes>', '    </package>');
    }
    out.push('  </packages>', '</coverage>', '');
    return out.join('\n');
}
//# sourceMappingURL=render.js.map
// EXTERNAL MODULE: ./build/core/errors.js
var errors = __webpack_require__(2807);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
// EXTERNAL MODULE: ./build/core/formats/xml.js
var xml = __webpack_require__(3504);
;// CONCATENATED MODULE: ./build/core/coverage/paths.js

/** Longest first, so a workspace nested in another root is stripped as a whole. */
function sortRoots(roots) {
    return [...roots].filter((root) => root.trim() !== '').sort((a, b) => b.length - a.length);
}
function fromFileUrl(raw) {
    try {
        const url = new URL(raw);
        let path = decodeURIComponent(url.pathname);
        if (/^\/[A-Za-z]:\//.test(path))
            path = path.slice(1);
        return url.host === '' ? path : `//${url.host}${path}`;
    }
    catch {
        return undefined;
    }
}
function isOutside(path) {
    return (path.startsWith('/') || /^[A-Za-z]:\//.test(path) || path === '..' || path.startsWith('../'));
}
/**
 * Where a path named by a coverage report lives: strips the given roots (longest first) and the
 * hosted runners' workspaces, turns `\` into `/`, applies NFC and resolves `.`/`..` lexically.
 * What is still absolute, or climbs out with `../`, is outside the repository.
 */
function locateCoveragePath(raw, roots) {
    return locatePath(raw, sortRoots(roots));
}
/** `locateCoveragePath` with roots already sorted by `sortRoots`, for a report's many paths. */
function locatePath(raw, sortedRoots) {
    if (raw.includes('\0') || raw.includes('\n') || raw.includes('\r')) {
        return { kind: 'invalid', reason: 'it contains a NUL or line break' };
    }
    let path = raw;
    if (/^file:\/\//i.test(path)) {
        const decoded = fromFileUrl(path);
        if (decoded === undefined)
            return { kind: 'invalid', reason: 'it is not a valid file URL' };
        path = decoded;
    }
    if (path.trim() === '')
        return { kind: 'invalid', reason: 'it is empty' };
    const id = (0,ids/* normalizeFileId */.Xo)(path, { roots: sortedRoots });
    if (id === '.')
        return { kind: 'invalid', reason: 'it names the repository root, not a file' };
    return isOutside(id) ? { kind: 'outside', path: id } : { kind: 'repo', path: id };
}
/** A directory named by a Cobertura `<source>`: `.` for the repository root itself. */
function locateDirectory(raw, sortedRoots) {
    const trimmed = raw.trim().replace(/[\\/]+$/, '');
    if (trimmed === '' || trimmed === '.')
        return { kind: 'repo', path: '.' };
    const id = (0,ids/* normalizeFileId */.Xo)(`${trimmed}/.`, { roots: sortedRoots });
    if (id === '.')
        return { kind: 'repo', path: '.' };
    return isOutside(id) ? { kind: 'outside', path: id } : { kind: 'repo', path: id };
}
//# sourceMappingURL=paths.js.map
;// CONCATENATED MODULE: ./build/core/coverage/report-builder.js



/**
 * What the four report readers share: one report's files, outside paths and warnings
 * (`ReportBuilder`), and the strict reading of counts and line numbers.
 */
const MAX_WARNINGS = 50;
/** A whole number of hits, saturated at `MAX_COUNT`; `undefined` for anything else. */
function parseCount(text) {
    if (text === undefined || !/^\d+$/.test(text))
        return undefined;
    const value = Number(text);
    return value > MAX_COUNT ? MAX_COUNT : value;
}
/** Why `parseCount` refused `text`, for a warning. */
function countProblem(text) {
    if (text === undefined)
        return 'is missing';
    return /^-\d+$/.test(text.trim())
        ? `${quote(text)} is negative`
        : `${quote(text)} is not a whole number`;
}
/** A line number from 1 to `MAX_LINE`; `undefined` for anything else. */
function parseLineNumber(text) {
    if (text === undefined || !/^\d+$/.test(text))
        return undefined;
    const value = Number(text);
    return value >= 1 && value <= MAX_LINE ? value : undefined;
}
/** Collects one report's files, outside paths and warnings (at most 50, then a count). */
class ReportBuilder {
    format;
    source;
    files = new Map();
    outsidePaths = new Set();
    warningList = [];
    droppedWarnings = 0;
    roots;
    constructor(format, source, roots) {
        this.format = format;
        this.source = source;
        this.roots = sortRoots(roots);
    }
    warn(message) {
        if (this.warningList.length < MAX_WARNINGS)
            this.warningList.push(message);
        else
            this.droppedWarnings++;
    }
    locate(raw) {
        return locatePath(raw, this.roots);
    }
    /** Records a file; a path seen before in the same report is combined (`sum` or `max`). */
    add(path, file, combine, where) {
        if (path.kind === 'invalid') {
            this.warn(`${where}: the file path is unusable (${path.reason}); its coverage is skipped`);
            return;
        }
        if (path.kind === 'outside') {
            this.outsidePaths.add(path.path);
            return;
        }
        const previous = this.files.get(path.path);
        if (!previous)
            this.files.set(path.path, file);
        else if (combine === 'sum')
            sumInto(previous, file);
        else
            maxInto(previous, file);
    }
    finish() {
        const outside = [...this.outsidePaths].sort(compareStrings);
        const warnings = [...this.warningList];
        if (this.droppedWarnings > 0) {
            warnings.push(`${this.source}: ${this.droppedWarnings} more problems like the above`);
        }
        if (outside.length > 0) {
            warnings.push(`${this.source}: ${outside.length} file(s) outside the repository are excluded from coverage: ${listSome(outside.map(quote), 5)}`);
        }
        const files = new Map();
        for (const path of [...this.files.keys()].sort(compareStrings)) {
            const file = this.files.get(path);
            if (file)
                files.set(path, file);
        }
        return { format: this.format, files, outside, warnings };
    }
}
//# sourceMappingURL=report-builder.js.map
;// CONCATENATED MODULE: ./build/core/coverage/cobertura.js




const MAX_SOURCE_CHARS = 4096;
/** More outcomes than any real line has; a larger `(n/m)` is corrupt. */
const MAX_CONDITIONS = 10_000;
/**
 * Streaming Cobertura reader (coverage.py, istanbul, gocover-cobertura, JaCoCo conversions),
 * driving the shared `XmlScanner` as the JUnit reader does. It never expands entities beyond
 * the predefined five and character references, never fetches anything, and throws
 * `CoverageFormatError` for any DTD content that could declare entities (an internal subset
 * `[...]`, `<!ENTITY>`). A bare external DOCTYPE
 * (`<!DOCTYPE coverage SYSTEM "http://cobertura…/coverage-04.dtd">`, which istanbul and
 * gocover-cobertura write) declares nothing and is ignored, unfetched.
 *
 * Line coverage is each class's `<lines>` (method lines only locate functions); branches come
 * from `condition-coverage="50% (1/2)"`, the only per-line branch data the format has, as
 * outcomes 0..total-1 of which the first `covered` are taken once. Relative file names are
 * resolved against the first `<source>` inside the repository. Classes are kept as they
 * complete: a truncated or malformed document keeps its complete classes with a warning.
 */
class CoberturaParser {
    report;
    scanner;
    broken;
    /** The raw text of the `<source>` being read (entities are decoded once it is complete). */
    sourceText;
    sources = [];
    base;
    currentClass;
    currentMethod;
    ignoredClasses = 0;
    ignoredMethods = 0;
    classesKept = 0;
    badLines = 0;
    constructor(options) {
        this.report = new ReportBuilder('cobertura', options.source ?? 'cobertura.xml', options.roots);
        this.scanner = new xml/* XmlScanner */.KG({
            startElement: (name, tag, parent) => {
                if (parent === undefined && name !== 'coverage') {
                    this.reject(`the root element is <${name}>, not Cobertura's <coverage>`);
                }
                this.open(name, tag, parent);
            },
            endElement: (name) => {
                this.close(name);
            },
            text: (text, start, end) => {
                if (this.sourceText !== undefined && this.sourceText.length < MAX_SOURCE_CHARS) {
                    this.sourceText += text.slice(start, end);
                }
            },
        }, { document: 'a coverage report', doctype: 'external-only', afterRoot: 'ignore' });
    }
    write(chunk) {
        if (this.broken !== undefined)
            return;
        try {
            this.scanner.write(chunk);
        }
        catch (error) {
            if (!(error instanceof xml/* XmlError */.Gy))
                throw error;
            if (error.dtd || !this.scanner.rootSeen)
                this.reject(error.reason);
            // A structural error after the root began: stop reading and keep what is complete.
            this.broken = `malformed XML at character ${error.position} (${error.reason})`;
        }
    }
    end() {
        const source = this.report.source;
        if (!this.scanner.rootSeen) {
            throw new CoverageFormatError(`${source}: no <coverage> element (empty or not Cobertura XML)`);
        }
        if (this.broken !== undefined) {
            this.report.warn(`${source}: ${this.broken}; kept the ${this.classesKept} complete class(es) before it`);
        }
        else if (!this.scanner.rootClosed) {
            this.report.warn(`${source}: the document ends before </coverage> (truncated?); kept the ${this.classesKept} complete class(es)`);
        }
        if (this.badLines > 0) {
            this.report.warn(`${source}: ${this.badLines} <line> element(s) without a valid number or a whole hits count ≥ 0 were skipped`);
        }
        return this.report.finish();
    }
    reject(message) {
        throw new CoverageFormatError(`${this.report.source}: ${message} (at character ${this.scanner.position})`);
    }
    open(name, tag, parent) {
        switch (name) {
            case 'source':
                if (parent === 'sources')
                    this.sourceText = '';
                return;
            case 'class':
                this.openClass(tag);
                return;
            case 'method':
                this.openMethod(tag);
                return;
            case 'line':
                this.lineElement(tag, parent);
                return;
            default:
                return;
        }
    }
    openClass(tag) {
        if (this.currentClass) {
            this.ignoredClasses++;
            return;
        }
        const filename = (0,xml/* parseAttributes */.vB)(tag).get('filename');
        if (filename === undefined || filename === '') {
            this.report.warn(`${this.report.source}: a <class> without a filename attribute; skipped`);
            this.ignoredClasses++;
            return;
        }
        this.currentClass = { filename, file: emptyFile() };
    }
    openMethod(tag) {
        if (!this.currentClass || this.currentMethod) {
            this.ignoredMethods++;
            return;
        }
        const attributes = (0,xml/* parseAttributes */.vB)(tag);
        this.currentMethod = {
            name: cleanName(attributes.get('name') ?? '(anonymous)'),
            hits: parseCount(attributes.get('hits')),
            first: undefined,
        };
    }
    lineElement(tag, parent) {
        const frame = this.currentClass;
        if (!frame || parent !== 'lines')
            return;
        const attributes = (0,xml/* parseAttributes */.vB)(tag);
        const line = parseLineNumber(attributes.get('number'));
        const hits = parseCount(attributes.get('hits'));
        if (line === undefined || hits === undefined) {
            this.badLines++;
            return;
        }
        const method = this.currentMethod;
        if (method) {
            method.first ??= { line, hits };
            return;
        }
        frame.file.lines.set(line, Math.max(frame.file.lines.get(line) ?? 0, hits));
        if (attributes.get('branch') !== 'true')
            return;
        const condition = /\((\d+)\/(\d+)\)/.exec(attributes.get('condition-coverage') ?? '');
        if (!condition)
            return;
        const total = Math.min(Number(condition[2]), MAX_CONDITIONS);
        const covered = Math.min(Number(condition[1]), total);
        for (let index = 0; index < total; index++) {
            const branch = String(index);
            const key = branchKey(line, '0', branch);
            const taken = index < covered ? 1 : 0;
            const previous = frame.file.branches.get(key);
            if (!previous)
                frame.file.branches.set(key, { line, block: '0', branch, taken });
            else
                previous.taken = Math.max(previous.taken, taken);
        }
    }
    close(name) {
        switch (name) {
            case 'source':
                if (this.sourceText !== undefined)
                    this.sources.push((0,xml/* decodeEntities */.Sm)(this.sourceText));
                this.sourceText = undefined;
                return;
            case 'method':
                this.closeMethod();
                return;
            case 'class':
                this.closeClass();
                return;
            default:
                return;
        }
    }
    closeMethod() {
        if (this.ignoredMethods > 0) {
            this.ignoredMethods--;
            return;
        }
        const method = this.currentMethod;
        const frame = this.currentClass;
        this.currentMethod = undefined;
        if (!method || !frame)
            return;
        if (!method.first) {
            this.report.warn(`${this.report.source}: method ${quote(method.name)} in ${quote(frame.filename)} has no line; skipped`);
            return;
        }
        const { line } = method.first;
        frame.file.functions.set(uniqueName(frame.file.functions, method.name, line), {
            line,
            hits: method.hits ?? method.first.hits,
        });
    }
    closeClass() {
        if (this.ignoredClasses > 0) {
            this.ignoredClasses--;
            return;
        }
        const frame = this.currentClass;
        this.currentClass = undefined;
        if (!frame)
            return;
        this.classesKept++;
        this.report.add(this.resolve(frame.filename), frame.file, 'max', `${this.report.source}: class ${quote(frame.filename)}`);
    }
    /** A class's file name, relative to the chosen `<source>` unless it is absolute. */
    resolve(filename) {
        if (/^(?:[\\/]|[A-Za-z]:[\\/]|file:)/i.test(filename))
            return this.report.locate(filename);
        const base = this.chooseBase();
        return this.report.locate(base === '.' ? filename : `${base}/${filename}`);
    }
    chooseBase() {
        if (this.base !== undefined)
            return this.base;
        const inside = [];
        for (const source of this.sources) {
            const located = locateDirectory(source, this.report.roots);
            if (located.kind === 'repo' && !inside.includes(located.path))
                inside.push(located.path);
        }
        const base = inside[0];
        if (base === undefined) {
            if (this.sources.length > 0) {
                this.report.warn(`${this.report.source}: no <source> is inside the workspace (${listSome(this.sources.map(quote), 3)}); class file names are taken as repo-relative`);
            }
            this.base = '.';
        }
        else {
            if (inside.length > 1) {
                this.report.warn(`${this.report.source}: several <source> directories (${listSome(inside.map(quote), 3)}); class file names are resolved against the first`);
            }
            this.base = base;
        }
        return this.base;
    }
}
//# sourceMappingURL=cobertura.js.map
;// CONCATENATED MODULE: ./build/core/coverage/line-splitter.js
/**
 * Splits chunks into lines (CRLF or LF) and guards against one endless line, for the
 * line-based reports (lcov, Go cover profiles). A line is handed over as `text` with its bounds
 * rather than as a new string, so that a parser can read the lines that make up most of a
 * report without allocating (`slice` when it needs the string).
 */
class LineSplitter {
    onLine;
    onOverlong;
    rest = '';
    skipping = false;
    lineNumber = 0;
    static MAX_LINE_CHARS = 1 << 20;
    constructor(onLine, onOverlong) {
        this.onLine = onLine;
        this.onOverlong = onOverlong;
    }
    write(chunk) {
        const text = this.rest.length === 0 ? chunk : this.rest + chunk;
        let start = 0;
        for (;;) {
            const newline = text.indexOf('\n', start);
            if (newline < 0)
                break;
            this.lineNumber++;
            if (this.skipping)
                this.skipping = false;
            else
                this.emit(text, start, newline);
            start = newline + 1;
        }
        this.rest = text.slice(start);
        if (this.rest.length > LineSplitter.MAX_LINE_CHARS) {
            if (!this.skipping)
                this.onOverlong(this.lineNumber + 1);
            this.skipping = true;
            this.rest = '';
        }
    }
    end() {
        if (this.rest.length > 0 && !this.skipping) {
            this.lineNumber++;
            this.emit(this.rest, 0, this.rest.length);
        }
        this.rest = '';
    }
    emit(text, start, end) {
        if (end > start && text.charCodeAt(end - 1) === 13)
            end--;
        if (this.lineNumber === 1 && text.charCodeAt(start) === 0xfeff)
            start++;
        this.onLine(text, start, end, this.lineNumber);
    }
}
/** `text.slice(start, end)` starts with `prefix`. */
function startsWithAt(text, start, end, prefix) {
    return end - start >= prefix.length && text.startsWith(prefix, start);
}
//# sourceMappingURL=line-splitter.js.map
;// CONCATENATED MODULE: ./build/core/coverage/go.js



const GO_BLOCK = /^(.+):(\d+)\.(\d+),(\d+)\.(\d+) (\d+) (\d+)$/;
/** A block claiming more lines than this is corrupt (and would cost a loop per line). */
const MAX_GO_BLOCK_LINES = 100_000;
/**
 * Streaming `go test -coverprofile` parser (`mode: set|count|atomic`, then
 * `file:startLine.startCol,endLine.endCol numStmts count`). A block repeated in the profile
 * (several test binaries covering one package with `-coverpkg`) is summed, or OR-ed in `set`
 * mode, as Go's own profile reader does. Lines: every line of a block with statements gets the
 * block's count, the largest when blocks share a line. Files are import paths: `goModule` is
 * stripped to give the repo path; other import paths are kept as they are.
 */
class GoCoverParser {
    options;
    report;
    lines;
    mode;
    blocks = new Map();
    badLines = 0;
    firstBad;
    constructor(options) {
        this.options = options;
        this.report = new ReportBuilder('go', options.source ?? 'coverprofile', options.roots);
        this.lines = new LineSplitter((text, start, end, n) => this.line(text.slice(start, end), n), (n) => this.report.warn(`${this.report.source}:${n}: a line longer than 1 MiB is skipped`));
    }
    write(chunk) {
        this.lines.write(chunk);
    }
    line(line, n) {
        if (line.trim() === '')
            return;
        const mode = /^mode:\s*(\S+)\s*$/.exec(line)?.[1];
        if (mode !== undefined) {
            if (this.mode === undefined)
                this.mode = mode;
            else if (mode !== this.mode) {
                this.report.warn(`${this.report.source}:${n}: mode ${mode} after mode ${this.mode}; counts are combined as ${this.mode}`);
            }
            return;
        }
        if (this.mode === undefined) {
            throw new CoverageFormatError(`${this.report.source}:${n}: a Go cover profile starts with "mode: set|count|atomic"`);
        }
        const match = GO_BLOCK.exec(line);
        const startLine = parseLineNumber(match?.[2]);
        const endLine = parseLineNumber(match?.[4]);
        const statements = parseCount(match?.[6]);
        const count = parseCount(match?.[7]);
        if (!match?.[1] ||
            startLine === undefined ||
            endLine === undefined ||
            statements === undefined ||
            count === undefined ||
            endLine < startLine ||
            endLine - startLine > MAX_GO_BLOCK_LINES) {
            this.badLines++;
            this.firstBad ??= n;
            return;
        }
        const key = `${match[2]}.${match[3]},${match[4]}.${match[5]}`;
        let blocks = this.blocks.get(match[1]);
        if (!blocks) {
            blocks = new Map();
            this.blocks.set(match[1], blocks);
        }
        const previous = blocks.get(key);
        if (!previous)
            blocks.set(key, { startLine, endLine, statements, count });
        else if (this.mode === 'set')
            previous.count = Math.max(previous.count, count);
        else
            previous.count = addCounts(previous.count, count);
    }
    end() {
        this.lines.end();
        if (this.mode === undefined) {
            throw new CoverageFormatError(`${this.report.source}: empty (no "mode:" line)`);
        }
        if (this.badLines > 0) {
            this.report.warn(`${this.report.source}:${this.firstBad ?? 0}: ${this.badLines} line(s) are not "file:line.col,line.col statements count" blocks; skipped`);
        }
        for (const [importPath, blocks] of this.blocks) {
            const file = emptyFile();
            for (const block of blocks.values()) {
                if (block.statements === 0)
                    continue;
                for (let line = block.startLine; line <= block.endLine; line++) {
                    file.lines.set(line, Math.max(file.lines.get(line) ?? 0, block.count));
                }
            }
            this.report.add(this.locateImport(importPath), file, 'sum', `${this.report.source}: ${quote(importPath)}`);
        }
        this.blocks.clear();
        return this.report.finish();
    }
    locateImport(importPath) {
        const module = this.options.goModule?.replace(/\/+$/, '');
        if (module !== undefined && module !== '' && importPath.startsWith(`${module}/`)) {
            return this.report.locate(importPath.slice(module.length + 1));
        }
        // Outside module mode, go writes `_` followed by the absolute directory.
        if (/^_[\\/]/.test(importPath))
            return this.report.locate(importPath.slice(1));
        return this.report.locate(importPath);
    }
}
//# sourceMappingURL=go.js.map
;// CONCATENATED MODULE: ./build/core/coverage/istanbul.js


function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/** An own property only: `statementMap.constructor` must not find `Object.prototype`'s. */
function own(object, key) {
    return Object.hasOwn(object, key) ? object[key] : undefined;
}
function jsonCount(value) {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0)
        return undefined;
    return value > MAX_COUNT ? MAX_COUNT : value;
}
function jsonLine(value) {
    return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= MAX_LINE
        ? value
        : undefined;
}
/** `{start: {line}}` → line. */
function startLine(location) {
    if (!isObject(location))
        return undefined;
    const start = own(location, 'start');
    return isObject(start) ? jsonLine(own(start, 'line')) : undefined;
}
function describeJson(value) {
    if (value === null)
        return 'null';
    if (Array.isArray(value))
        return 'an array';
    if (typeof value === 'string')
        return quote(value);
    if (typeof value === 'number' || typeof value === 'boolean')
        return String(value);
    return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
/**
 * Istanbul's `coverage-final.json` (jest, vitest, nyc, c8): lines come from statement start
 * lines with the largest count per line, exactly as istanbul's own line summary and lcov
 * reporter do; branches are `branchMap`/`b` (block = branch id, branch = outcome index);
 * functions `fnMap`/`f` (a repeated name gets its line appended: every `fnMap` entry is a
 * distinct function). A malformed entry is skipped with a warning; a document that is not a
 * JSON object throws `CoverageFormatError`.
 */
class IstanbulParser {
    options;
    chunks = [];
    constructor(options) {
        this.options = options;
    }
    write(chunk) {
        this.chunks.push(chunk);
    }
    end() {
        const source = this.options.source ?? 'coverage-final.json';
        const text = this.chunks.join('').replace(/^\uFEFF/, '');
        this.chunks.length = 0;
        let data;
        try {
            data = JSON.parse(text);
        }
        catch (error) {
            const reason = error instanceof Error ? error.message : String(error);
            throw new CoverageFormatError(`${source}: not valid JSON (${reason})`);
        }
        if (!isObject(data)) {
            throw new CoverageFormatError(`${source}: expected an Istanbul coverage object keyed by file, got ${describeJson(data)}`);
        }
        const report = new ReportBuilder('istanbul', source, this.options.roots);
        for (const [key, value] of Object.entries(data))
            this.entry(report, key, value);
        return report.finish();
    }
    entry(report, key, value) {
        const where = `${report.source}: ${quote(key)}`;
        let entry = value;
        // Older istanbul serialised FileCoverage objects as {data: {...}}.
        if (isObject(entry) &&
            own(entry, 'statementMap') === undefined &&
            isObject(own(entry, 'data'))) {
            entry = own(entry, 'data');
        }
        if (!isObject(entry)) {
            report.warn(`${where}: expected an object, got ${describeJson(entry)}; skipped`);
            return;
        }
        const statementMap = own(entry, 'statementMap');
        const statements = own(entry, 's');
        if (!isObject(statementMap) || !isObject(statements)) {
            report.warn(`${where}: no statementMap and s objects (not Istanbul file coverage); skipped`);
            return;
        }
        const pathValue = own(entry, 'path');
        const rawPath = typeof pathValue === 'string' && pathValue !== '' ? pathValue : key;
        const file = emptyFile();
        const bad = readStatements(file, statementMap, statements) +
            readFunctions(file, own(entry, 'fnMap'), own(entry, 'f')) +
            readBranches(file, own(entry, 'branchMap'), own(entry, 'b'));
        if (bad > 0) {
            report.warn(`${where}: ${bad} statement, function or branch entr${bad === 1 ? 'y is' : 'ies are'} malformed (missing location or a count that is not a whole number ≥ 0); skipped`);
        }
        report.add(report.locate(rawPath), file, 'sum', where);
    }
}
/** Lines from statement start lines, the largest count per line; returns the bad entries. */
function readStatements(file, statementMap, statements) {
    let bad = 0;
    for (const [id, count] of Object.entries(statements)) {
        const hits = jsonCount(count);
        const line = startLine(own(statementMap, id));
        if (hits === undefined || line === undefined) {
            bad++;
            continue;
        }
        file.lines.set(line, Math.max(file.lines.get(line) ?? 0, hits));
    }
    return bad;
}
/** Functions from `fnMap`/`f`; returns the bad entries (a lone map or count object is one). */
function readFunctions(file, fnMap, functionCounts) {
    if (!isObject(fnMap) || !isObject(functionCounts)) {
        return fnMap !== undefined || functionCounts !== undefined ? 1 : 0;
    }
    let bad = 0;
    for (const [id, count] of Object.entries(functionCounts)) {
        const hits = jsonCount(count);
        const meta = own(fnMap, id);
        if (hits === undefined || !isObject(meta)) {
            bad++;
            continue;
        }
        // Some instrumenters in the wild fill `loc` but not `decl` (istanbul's lcov reporter
        // falls back the same way).
        const line = startLine(own(meta, 'decl')) ?? startLine(own(meta, 'loc')) ?? jsonLine(own(meta, 'line'));
        if (line === undefined) {
            bad++;
            continue;
        }
        const nameValue = own(meta, 'name');
        const name = cleanName(typeof nameValue === 'string' && nameValue !== '' ? nameValue : `(anonymous_${id})`);
        file.functions.set(uniqueName(file.functions, name, line), { line, hits });
    }
    return bad;
}
/** Branch outcomes from `branchMap`/`b`; returns the bad entries, as `readFunctions` does. */
function readBranches(file, branchMap, branchCounts) {
    if (!isObject(branchMap) || !isObject(branchCounts)) {
        return branchMap !== undefined || branchCounts !== undefined ? 1 : 0;
    }
    let bad = 0;
    for (const [id, counts] of Object.entries(branchCounts)) {
        const meta = own(branchMap, id);
        if (!Array.isArray(counts) || !isObject(meta)) {
            bad++;
            continue;
        }
        const locations = own(meta, 'locations');
        const line = startLine(own(meta, 'loc')) ??
            jsonLine(own(meta, 'line')) ??
            (Array.isArray(locations) ? startLine(locations[0]) : undefined);
        if (line === undefined) {
            bad++;
            continue;
        }
        for (const [index, count] of counts.entries()) {
            const taken = jsonCount(count);
            if (taken === undefined) {
                bad++;
                continue;
            }
            const branch = String(index);
            file.branches.set(branchKey(line, id, branch), { line, block: id, branch, taken });
        }
    }
    return bad;
}
//# sourceMappingURL=istanbul.js.map
;// CONCATENATED MODULE: ./build/core/coverage/lcov.js



/** lcov's summary lines, which are recomputed from the records and so never read. */
const LCOV_SUMMARIES = ['LF:', 'LH:', 'BRF:', 'BRH:', 'FNF:', 'FNH:'];
/**
 * Streaming lcov (tracefile) parser: `SF`, `DA`, `BRDA`, `FN`/`FNDA` (and lcov 2's `FN` with an
 * end line, `FNL`/`FNA`), `end_of_record`; CRLF; a missing `end_of_record`. A bad record line
 * (non-numeric or negative count, bad line number) is skipped with a warning naming
 * `report:line`; the rest of the file is kept. A file repeated within one report is summed, as
 * lcov itself does.
 */
class LcovParser {
    report;
    lines;
    record;
    sawContent = false;
    constructor(options) {
        this.report = new ReportBuilder('lcov', options.source ?? 'lcov', options.roots);
        this.lines = new LineSplitter((text, start, end, n) => this.read(text, start, end, n), (n) => this.report.warn(`${this.report.source}:${n}: a line longer than 1 MiB is skipped`));
    }
    write(chunk) {
        this.lines.write(chunk);
    }
    end() {
        this.lines.end();
        if (this.record) {
            this.report.warn(`${this.report.source}:${this.record.startLine}: the record for ${quote(this.record.rawPath)} has no end_of_record (truncated?); kept what it holds`);
            this.commit();
        }
        if (!this.sawContent)
            this.report.warn(`${this.report.source}: the lcov report is empty`);
        return this.report.finish();
    }
    where(n) {
        return `${this.report.source}:${n}`;
    }
    read(text, start, end, n) {
        if (end === start)
            return;
        const record = this.record;
        if (record && text.charCodeAt(start) > 32) {
            // `DA:` lines are most of any report, and summaries are never read: no allocation.
            if (startsWithAt(text, start, end, 'DA:') &&
                this.fastLineData(record, text, start + 3, end)) {
                this.sawContent = true;
                return;
            }
            for (const summary of LCOV_SUMMARIES) {
                if (startsWithAt(text, start, end, summary)) {
                    this.sawContent = true;
                    return;
                }
            }
        }
        this.line(text.slice(start, end), n);
    }
    line(line, n) {
        if (line.trim() === '')
            return;
        this.sawContent = true;
        if (line === 'end_of_record') {
            if (this.record)
                this.commit();
            else
                this.report.warn(`${this.where(n)}: end_of_record without a record; ignored`);
            return;
        }
        const colon = line.indexOf(':');
        const tag = colon < 0 ? line : line.slice(0, colon);
        const value = colon < 0 ? '' : line.slice(colon + 1);
        if (tag === 'SF') {
            if (this.record) {
                this.report.warn(`${this.where(n)}: SF before the end_of_record of ${quote(this.record.rawPath)}; that record is kept as it is`);
                this.commit();
            }
            this.record = {
                path: this.report.locate(value),
                rawPath: value,
                startLine: n,
                file: emptyFile(),
                declared: new Map(),
                executed: new Map(),
                indexLines: new Map(),
            };
            return;
        }
        if (tag === 'TN' || tag === 'VER')
            return;
        const record = this.record;
        if (!record) {
            this.report.warn(`${this.where(n)}: ${quote(line.slice(0, 40))} outside a record (no SF); ignored`);
            return;
        }
        switch (tag) {
            case 'DA':
                this.lineData(record, value, n);
                return;
            case 'BRDA':
                this.branchData(record, value, n);
                return;
            case 'FN':
                this.functionDeclaration(record, value, n);
                return;
            case 'FNDA':
                this.functionData(record, value, n);
                return;
            case 'FNL':
                this.functionLeader(record, value, n);
                return;
            case 'FNA':
                this.functionAlias(record, value, n);
                return;
            default:
                // LF, LH, BRF, BRH, FNF, FNH are recomputed from the records; other tags are
                // extensions. A line with no tag at all is damage.
                if (!/^[A-Z][A-Z0-9_]*:/.test(line)) {
                    this.report.warn(`${this.where(n)}: ${quote(line.slice(0, 40))} is not an lcov line; ignored`);
                }
                return;
        }
    }
    /**
     * The value of a `DA:` line, `<line>,<hits>[,<checksum>]` in plain digits, read in place;
     * `false` sends anything else to `lineData`, which explains what is wrong.
     */
    fastLineData(record, text, from, end) {
        let i = from;
        let line = 0;
        let c = i < end ? text.charCodeAt(i) : -1;
        while (c >= 48 && c <= 57) {
            line = line * 10 + (c - 48);
            c = ++i < end ? text.charCodeAt(i) : -1;
        }
        if (i === from || c !== 44 || line < 1 || line > MAX_LINE)
            return false;
        const digits = ++i;
        let hits = 0;
        c = i < end ? text.charCodeAt(i) : -1;
        while (c >= 48 && c <= 57) {
            hits = hits * 10 + (c - 48);
            c = ++i < end ? text.charCodeAt(i) : -1;
        }
        // Up to 15 digits are exact; longer counts take the saturating path.
        if (i === digits || i - digits > 15 || (i < end && c !== 44))
            return false;
        const previous = record.file.lines.get(line);
        record.file.lines.set(line, previous === undefined ? hits : addCounts(previous, hits));
        return true;
    }
    lineData(record, value, n) {
        const [lineText, hitsText] = value.split(',', 3);
        const line = parseLineNumber(lineText);
        if (line === undefined) {
            this.report.warn(`${this.where(n)}: DA line number ${quote(lineText ?? '')} is not valid; skipped`);
            return;
        }
        const hits = parseCount(hitsText);
        if (hits === undefined) {
            this.report.warn(`${this.where(n)}: DA count ${countProblem(hitsText)}; skipped`);
            return;
        }
        const previous = record.file.lines.get(line);
        record.file.lines.set(line, previous === undefined ? hits : addCounts(previous, hits));
    }
    branchData(record, value, n) {
        const first = value.indexOf(',');
        const second = first < 0 ? -1 : value.indexOf(',', first + 1);
        const last = value.lastIndexOf(',');
        if (first < 0 || second < 0 || last <= second) {
            this.report.warn(`${this.where(n)}: BRDA needs line,block,branch,taken; skipped`);
            return;
        }
        const line = parseLineNumber(value.slice(0, first));
        const block = value.slice(first + 1, second);
        const branch = value.slice(second + 1, last);
        const takenText = value.slice(last + 1);
        if (line === undefined) {
            this.report.warn(`${this.where(n)}: BRDA line number ${quote(value.slice(0, first))} is not valid; skipped`);
            return;
        }
        const taken = takenText === '-' ? 0 : parseCount(takenText);
        if (taken === undefined) {
            this.report.warn(`${this.where(n)}: BRDA taken ${countProblem(takenText)}; skipped`);
            return;
        }
        const key = branchKey(line, block, branch);
        const previous = record.file.branches.get(key);
        if (previous)
            previous.taken = addCounts(previous.taken, taken);
        else
            record.file.branches.set(key, { line, block, branch, taken });
    }
    functionDeclaration(record, value, n) {
        const comma = value.indexOf(',');
        const line = parseLineNumber(value.slice(0, comma < 0 ? value.length : comma));
        if (comma < 0 || line === undefined) {
            this.report.warn(`${this.where(n)}: FN needs a line number and a name; skipped`);
            return;
        }
        let name = value.slice(comma + 1);
        // lcov 2: FN:<start>,<end>,<name>
        const withEnd = /^(\d+),(.+)$/.exec(name);
        if (withEnd?.[2] !== undefined)
            name = withEnd[2];
        name = cleanName(name);
        if (!record.declared.has(name))
            record.declared.set(name, line);
    }
    functionData(record, value, n) {
        const comma = value.indexOf(',');
        const hitsText = comma < 0 ? value : value.slice(0, comma);
        const hits = parseCount(hitsText);
        if (comma < 0 || hits === undefined) {
            this.report.warn(`${this.where(n)}: FNDA count ${comma < 0 ? 'or name is missing' : countProblem(hitsText)}; skipped`);
            return;
        }
        const name = cleanName(value.slice(comma + 1));
        record.executed.set(name, addCounts(record.executed.get(name) ?? 0, hits));
    }
    functionLeader(record, value, n) {
        const [index, lineText] = value.split(',', 3);
        const line = parseLineNumber(lineText);
        if (index === undefined || line === undefined) {
            this.report.warn(`${this.where(n)}: FNL needs an index and a line number; skipped`);
            return;
        }
        record.indexLines.set(index, line);
    }
    functionAlias(record, value, n) {
        const first = value.indexOf(',');
        const second = first < 0 ? -1 : value.indexOf(',', first + 1);
        const line = first < 0 ? undefined : record.indexLines.get(value.slice(0, first));
        const hitsText = second < 0 ? undefined : value.slice(first + 1, second);
        const hits = parseCount(hitsText);
        if (line === undefined || hits === undefined) {
            this.report.warn(`${this.where(n)}: FNA needs a known FNL index, a count and a name; skipped`);
            return;
        }
        const name = cleanName(value.slice(second + 1));
        if (!record.declared.has(name))
            record.declared.set(name, line);
        record.executed.set(name, addCounts(record.executed.get(name) ?? 0, hits));
    }
    commit() {
        const record = this.record;
        if (!record)
            return;
        this.record = undefined;
        for (const [name, line] of record.declared) {
            record.file.functions.set(name, { line, hits: record.executed.get(name) ?? 0 });
        }
        const undeclared = [...record.executed.keys()].filter((name) => !record.declared.has(name));
        if (undeclared.length > 0) {
            this.report.warn(`${this.where(record.startLine)}: FNDA for ${undeclared.length} function(s) with no FN line (${listSome(undeclared.map(quote), 3)}); skipped`);
        }
        this.report.add(record.path, record.file, 'sum', this.where(record.startLine));
    }
}
//# sourceMappingURL=lcov.js.map
;// CONCATENATED MODULE: ./build/core/coverage/detect.js




/**
 * Tells the coverage format from the first few KiB of a file, or `undefined` for none
 * (JUnit XML, timings JSON, Clover XML…). A Cobertura DOCTYPE counts as Cobertura so that a
 * hostile one is rejected by the parser with a reason rather than ignored as "unknown".
 */
function detectCoverageFormat(head) {
    const text = head.replace(/^\uFEFF/, '').trimStart();
    if (text.startsWith('<')) {
        const withoutComments = text.replace(/<!--[\s\S]*?(?:-->|$)/g, '');
        const root = /<([A-Za-z_][\w.:-]*)/.exec(withoutComments.replace(/<[?!][^>]*>?/g, ''));
        if (root?.[1] === 'coverage') {
            return /<coverage\b[^>]*\bclover\s*=/.test(withoutComments) ? undefined : 'cobertura';
        }
        if (root === null && /<!DOCTYPE\s+coverage\b/.test(withoutComments))
            return 'cobertura';
        return undefined;
    }
    if (text.startsWith('{')) {
        // Jest's `--json` results hold a `coverageMap` when run with `--coverage`: that run's
        // coverage is read from its coverage directory, never a second time from here.
        if (/^\{\s*"(?:num(?:Failed|Passed|Pending|Total|RuntimeError)\w*|testResults)"\s*:/.test(text)) {
            return undefined;
        }
        if (/"(?:statementMap|fnMap|branchMap)"\s*:/.test(text) || /^\{\s*\}\s*$/.test(text)) {
            return 'istanbul';
        }
        return undefined;
    }
    const first = text.split('\n', 1)[0]?.replace(/\r$/, '') ?? '';
    if (/^mode:\s*(?:set|count|atomic)\s*$/.test(first))
        return 'go';
    if (/^(?:TN|SF|VER|FN|FNDA|DA|BRDA):/.test(first))
        return 'lcov';
    return undefined;
}
/** A parser for a format, ready to be fed chunks. */
function createCoverageParser(format, options) {
    switch (format) {
        case 'lcov':
            return new LcovParser(options);
        case 'istanbul':
            return new IstanbulParser(options);
        case 'cobertura':
            return new CoberturaParser(options);
        case 'go':
            return new GoCoverParser(options);
    }
}
const SUPPORTED_COVERAGE_FORMATS = 'lcov, Istanbul JSON (coverage-final.json), Cobertura XML, Go cover profiles';
//# sourceMappingURL=detect.js.map
;// CONCATENATED MODULE: ./build/adapters/coverage-files.js








/**
 * Reads coverage reports from disk for `shardwise combine`: files or directories, formats told
 * from content, each file streamed through its parser in 1 MiB chunks under a size cap. A
 * malformed or hostile report is a warning naming the file, never a failed build (THREATS E4);
 * only a path that does not exist at all is a usage error. Only the reports themselves are
 * opened: the source files they name are never read (THREATS E1), and symbolic links are not
 * followed (an artifact is untrusted data).
 */
/** A coverage file larger than this is refused with a clear message rather than risking OOM. */
const DEFAULT_MAX_COVERAGE_FILE_BYTES = 512 * 1024 * 1024;
/**
 * Istanbul JSON must be parsed whole, and a V8 string stops at about 512 M characters; half
 * that leaves room for the parsed objects.
 */
const MAX_JSON_BYTES = 256 * 1024 * 1024;
const HEAD_BYTES = 64 * 1024;
const CHUNK_BYTES = 1 << 20;
/** A directory is searched this deep for reports. */
const MAX_DEPTH = 8;
/** Names worth opening in a directory scan: `lcov.info`, `coverage-final.json`, `cover.out`… */
const CANDIDATE_NAME = /(?:\.(?:info|lcov|json|xml|out|cov|coverprofile|profile|txt)|^lcov[^/]*|^coverprofile[^/]*)$/i;
/** When one directory holds the same run in several formats, the first of these is read. */
const FORMAT_PREFERENCE = ['lcov', 'istanbul', 'cobertura', 'go'];
const nodeCoverageFileSystem = {
    lstat: (path) => promises_.lstat(path),
    readdir: (path) => promises_.readdir(path, { withFileTypes: true }),
    open: (path, flags) => promises_.open(path, flags),
};
async function expand(path, fileSystem) {
    let info;
    try {
        info = await fileSystem.lstat(path);
    }
    catch (error) {
        throw new errors/* UsageError */.eb(`coverage path ${path}: cannot read it (${(0,errors/* describeError */.Uc)(error)})`);
    }
    if (info.isSymbolicLink()) {
        throw new errors/* UsageError */.eb(`coverage path ${path}: is a symbolic link; give the file it points to`);
    }
    if (info.isFile())
        return [{ path, explicit: true }];
    if (!info.isDirectory())
        throw new errors/* UsageError */.eb(`coverage path ${path}: is not a file or directory`);
    const found = [];
    const walk = async (directory, depth) => {
        const entries = [...(await fileSystem.readdir(directory))].sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
        for (const entry of entries) {
            const full = (0,external_node_path_.join)(directory, entry.name);
            // Dirent reports a symbolic link as neither file nor directory: never followed.
            if (entry.isDirectory() && depth < MAX_DEPTH && entry.name !== 'node_modules') {
                await walk(full, depth + 1);
            }
            else if (entry.isFile() && CANDIDATE_NAME.test(entry.name)) {
                found.push({ path: full, explicit: false });
            }
        }
    };
    await walk(path, 0);
    return found;
}
/** UTF-8, or UTF-16 when a byte-order mark says so; the mark is skipped. */
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
function sizeText(bytes) {
    return bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0
        ? `${bytes / (1024 * 1024)} MiB`
        : `${bytes} bytes`;
}
async function readReport(candidate, settings) {
    const { path } = candidate;
    // O_NOFOLLOW: the path was a regular file when listed; a link swapped in since is refused.
    const flags = external_node_fs_.constants.O_RDONLY | (external_node_fs_.constants.O_NOFOLLOW ?? 0);
    const handle = await settings.fileSystem.open(path, flags);
    let format;
    try {
        const info = await handle.stat();
        if (!info.isFile())
            return { kind: 'rejected', format: undefined, reason: 'not a regular file' };
        if (info.size > settings.maxFileBytes) {
            return {
                kind: 'rejected',
                format: undefined,
                reason: `${info.size} bytes is more than the ${sizeText(settings.maxFileBytes)} a coverage file may have`,
            };
        }
        const buffer = new Uint8Array(Math.min(CHUNK_BYTES, Math.max(info.size, HEAD_BYTES)));
        const first = await handle.read(buffer, 0, Math.min(HEAD_BYTES, buffer.length), 0);
        const head = buffer.subarray(0, first.bytesRead);
        if (head.length === 0) {
            return candidate.explicit
                ? { kind: 'rejected', format: undefined, reason: 'the file is empty' }
                : { kind: 'not-coverage' };
        }
        const { decoder, skip } = decoderFor(head);
        format = detectCoverageFormat(new external_node_util_.TextDecoder(decoder.encoding).decode(head.subarray(skip)));
        if (format === undefined) {
            return candidate.explicit
                ? {
                    kind: 'rejected',
                    format: undefined,
                    reason: `not a coverage report of a known format (${SUPPORTED_COVERAGE_FORMATS})`,
                }
                : { kind: 'not-coverage' };
        }
        if (format === 'istanbul' && info.size > MAX_JSON_BYTES) {
            return {
                kind: 'rejected',
                format,
                reason: `${info.size} bytes of Istanbul JSON is more than the ${sizeText(MAX_JSON_BYTES)} that can be parsed whole; write lcov instead (coverageReporters: ['lcovonly'])`,
            };
        }
        const parser = createCoverageParser(format, {
            roots: settings.roots,
            source: path,
            ...(settings.goModule === undefined ? {} : { goModule: settings.goModule }),
        });
        let position = skip;
        let total = 0;
        for (;;) {
            const { bytesRead } = await handle.read(buffer, 0, buffer.length, position);
            if (bytesRead === 0)
                break;
            position += bytesRead;
            total += bytesRead;
            // The file may grow while we read it (a shard still writing): the cap holds regardless.
            if (total > settings.maxFileBytes) {
                return {
                    kind: 'rejected',
                    format,
                    reason: `grew past the ${sizeText(settings.maxFileBytes)} a coverage file may have while being read`,
                };
            }
            parser.write(decoder.decode(buffer.subarray(0, bytesRead), { stream: true }));
        }
        parser.write(decoder.decode());
        return { kind: 'parsed', parsed: parser.end() };
    }
    catch (error) {
        if (error instanceof CoverageFormatError) {
            return { kind: 'rejected', format, reason: error.message };
        }
        throw error;
    }
    finally {
        await handle.close();
    }
}
function isFileSystemError(error) {
    return error instanceof Error && typeof error.code === 'string';
}
function shares(a, b) {
    const [small, large] = a.size <= b.size ? [a, b] : [b, a];
    for (const path of small.keys())
        if (large.has(path))
            return true;
    return false;
}
/** Every file to read, each once, in the order given; an empty directory is a warning. */
async function listCandidates(paths, fileSystem, warnings) {
    const candidates = [];
    const seen = new Set();
    for (const path of paths) {
        const found = await expand(path, fileSystem);
        if (found.length === 0)
            warnings.push(`${path}: the directory holds no coverage report files`);
        for (const candidate of found) {
            if (seen.has(candidate.path))
                continue;
            seen.add(candidate.path);
            candidates.push(candidate);
        }
    }
    return candidates;
}
async function readCandidate(candidate, settings) {
    try {
        return await readReport(candidate, settings);
    }
    catch (error) {
        if (!isFileSystemError(error))
            throw error;
        return { kind: 'rejected', format: undefined, reason: `cannot be read (${error.message})` };
    }
}
/** What the loader reports about one file, its warnings added to `warnings`. */
function describeOutcome(path, outcome, warnings) {
    if (outcome.kind === 'not-coverage') {
        return { path, format: undefined, status: 'not-coverage', files: 0, outside: 0, warnings: [] };
    }
    if (outcome.kind === 'rejected') {
        const reason = outcome.reason.startsWith(path) ? outcome.reason : `${path}: ${outcome.reason}`;
        const warning = `${reason}; the file is ignored`;
        warnings.push(warning);
        return {
            path,
            format: outcome.format,
            status: 'rejected',
            files: 0,
            outside: 0,
            warnings: [warning],
        };
    }
    const { parsed } = outcome;
    warnings.push(...parsed.warnings);
    return {
        path,
        format: parsed.format,
        status: parsed.warnings.length > 0 ? 'partial' : 'parsed',
        files: parsed.files.size,
        outside: parsed.outside.length,
        warnings: parsed.warnings,
    };
}
/**
 * The models of one directory's reports that are merged: a report sharing files with a report
 * of another, preferred format is the same run written twice, and is marked `duplicate` in
 * `sources` instead.
 */
function acceptedModels(group, sources, warnings) {
    const ordered = [...group].sort((a, b) => FORMAT_PREFERENCE.indexOf(a.parsed.format) - FORMAT_PREFERENCE.indexOf(b.parsed.format) ||
        a.index - b.index);
    const accepted = [];
    for (const { index, parsed } of ordered) {
        const twin = accepted.find((other) => other.parsed.format !== parsed.format && shares(other.parsed.files, parsed.files));
        const source = sources[index];
        if (!source)
            continue;
        if (twin) {
            const warning = `${source.path}: covers the same files as ${twin.path} in another format (the same run written twice?); not merged, so hits are not counted twice`;
            warnings.push(warning);
            sources[index] = { ...source, status: 'duplicate', warnings: [...source.warnings, warning] };
            continue;
        }
        accepted.push({ path: source.path, parsed });
    }
    return accepted.map(({ parsed }) => parsed.files);
}
/**
 * Reads every coverage path given (files, or directories searched for report-like names) and
 * merges the usable reports by summing hits. A nonexistent path is a `UsageError`; anything wrong
 * with a file's content is a warning naming the file, and the file's good records are kept.
 *
 * One directory holding the same run in several formats (jest writes `lcov.info` next to
 * `coverage-final.json`) would count every hit twice: a report sharing files with a report of
 * another, preferred format in the same directory (lcov, then Istanbul, Cobertura, Go) is
 * listed as `duplicate` and not merged. Reports of one format add up (unit + integration).
 */
async function loadCoverage(paths, options = {}) {
    const fileSystem = options.fileSystem ?? nodeCoverageFileSystem;
    const settings = {
        roots: [
            ...(options.roots ?? [process.cwd()]),
            ...(options.workspace === undefined ? [] : [options.workspace]),
        ],
        goModule: options.goModule,
        maxFileBytes: options.maxFileBytes ?? DEFAULT_MAX_COVERAGE_FILE_BYTES,
        fileSystem,
    };
    const warnings = [];
    const sources = [];
    const parsedByDirectory = new Map();
    for (const candidate of await listCandidates(paths, fileSystem, warnings)) {
        const outcome = await readCandidate(candidate, settings);
        if (outcome.kind === 'parsed') {
            const directory = (0,external_node_path_.dirname)(candidate.path);
            const group = parsedByDirectory.get(directory) ?? [];
            group.push({ index: sources.length, parsed: outcome.parsed });
            parsedByDirectory.set(directory, group);
        }
        sources.push(describeOutcome(candidate.path, outcome, warnings));
    }
    const models = [];
    for (const group of parsedByDirectory.values()) {
        models.push(...acceptedModels(group, sources, warnings));
    }
    const merged = mergeCoverageModels(models);
    warnings.push(...merged.warnings);
    return { coverage: merged.files, sources, warnings };
}
/**
 * The module path of the `go.mod` in `directory`, or `undefined` when there is none; pass it
 * as `goModule` so that `example.com/m/pkg/x.go` becomes `pkg/x.go`.
 */
async function readGoModulePath(directory) {
    let text;
    try {
        const handle = await promises_.open((0,external_node_path_.join)(directory, 'go.mod'), external_node_fs_.constants.O_RDONLY);
        try {
            const buffer = new Uint8Array(64 * 1024);
            const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
            text = new external_node_util_.TextDecoder().decode(buffer.subarray(0, bytesRead));
        }
        finally {
            await handle.close();
        }
    }
    catch (error) {
        if (isFileSystemError(error) && error.code === 'ENOENT')
            return undefined;
        throw error;
    }
    return /^\s*module\s+("?)([^"\s]+)\1\s*$/m.exec(text)?.[2];
}
//# sourceMappingURL=coverage-files.js.map
// EXTERNAL MODULE: ./build/adapters/process.js
var adapters_process = __webpack_require__(7288);
;// CONCATENATED MODULE: ./build/adapters/git-diff.js


/** The added lines since `baseRef`, from `git diff` (run without a shell). */
async function changedLines(root, baseRef, log) {
    let stdout = '';
    let stderr = '';
    const result = await (0,adapters_process/* runProcess */.R3)(['git', 'diff', '--unified=0', '--no-color', '--no-ext-diff', `${baseRef}...HEAD`, '--'], {
        cwd: root,
        env: (0,adapters_process/* childEnvironment */.Qc)(process.env),
        onStdout: (chunk) => (stdout += chunk.toString('utf8')),
        onStderr: (chunk) => (stderr += chunk.toString('utf8')),
    });
    if (result.exitCode !== 0) {
        log.warning(`diff coverage skipped: \`git diff ${baseRef}...HEAD\` failed (${result.spawnError ?? stderr.trim().split('\n')[0] ?? `exit ${String(result.exitCode)}`})`);
        return undefined;
    }
    return parseUnifiedDiff(stdout);
}
//# sourceMappingURL=git-diff.js.map
;// CONCATENATED MODULE: ./build/adapters/coverage-report.js









/** Each shard's coverage, read relative to its own workspace; problems become warnings. */
async function loadShards(shards, root, warnings) {
    const goModule = await readGoModulePath(root).catch(() => undefined);
    const models = [];
    for (const shard of shards) {
        try {
            // Names come from an untrusted shard result: only files inside its own directory.
            const inside = shard.files
                .map((f) => (0,external_node_path_.resolve)(shard.dir, f))
                .filter((path) => path.startsWith(`${(0,external_node_path_.resolve)(shard.dir)}${external_node_path_.sep}`));
            if (inside.length < shard.files.length)
                warnings.push(`coverage of ${shard.dir}: names outside the shard's directory ignored`);
            const loaded = await loadCoverage(inside, {
                workspace: shard.workspace,
                roots: [root],
                ...(goModule ? { goModule } : {}),
            });
            models.push(loaded.coverage);
            warnings.push(...loaded.warnings);
        }
        catch (error) {
            warnings.push(`coverage of ${shard.dir}: ${(0,errors/* describeError */.Uc)(error)}`);
        }
    }
    return models;
}
/** The coverage of the lines changed since `baseRef`, when git can tell them. */
async function diffReport(model, root, baseRef, log) {
    const changed = await changedLines(root, baseRef, log);
    if (!changed)
        return undefined;
    const result = diffCoverage(model, changed);
    return {
        found: result.total.instrumented,
        hit: result.total.hit,
        percent: result.total.percent ?? 100,
    };
}
/**
 * Merges the coverage files every shard collected — each shard's paths relative to its own
 * workspace — writes the merged lcov and Cobertura reports, and checks the threshold on the
 * merged total: the check that fails every shard when each checks only its own part.
 */
async function coverageReport(shards, options) {
    const { log } = options;
    const withFiles = shards.filter((s) => s.files.length > 0);
    if (withFiles.length === 0) {
        if (options.threshold !== undefined) {
            log.warning('a coverage threshold is set, but no shard collected coverage files (give the run step `coverage` globs)');
            return {
                linesFound: 0,
                linesHit: 0,
                percent: 0,
                threshold: options.threshold,
                passed: false,
                diff: undefined,
                warnings: ['no coverage files'],
            };
        }
        return undefined;
    }
    const warnings = [];
    const merged = mergeCoverageModels(await loadShards(withFiles, options.root, warnings));
    warnings.push(...merged.warnings);
    for (const warning of warnings.slice(0, 20))
        log.warning(warning);
    const { total } = summarizeCoverage(merged.files);
    const outDir = options.outDir ?? (0,external_node_path_.join)(options.root, 'coverage-merged');
    await (0,promises_.mkdir)(outDir, { recursive: true });
    await (0,promises_.writeFile)((0,external_node_path_.join)(outDir, 'lcov.info'), renderLcov(merged.files));
    await (0,promises_.writeFile)((0,external_node_path_.join)(outDir, 'cobertura.xml'), renderCobertura(merged.files, { sources: [options.root] }));
    log.info(`merged coverage of ${merged.files.size} files from ${withFiles.length} shards written to ${outDir}`);
    let passed = true;
    if (options.threshold !== undefined) {
        const verdict = checkThreshold(total, options.threshold);
        passed = verdict.kind === 'passed';
        if (!passed)
            log.warning(verdict.message);
    }
    return {
        linesFound: total.lines.found,
        linesHit: total.lines.hit,
        percent: total.percent ?? 0,
        threshold: options.threshold,
        passed,
        diff: options.baseRef === undefined
            ? undefined
            : await diffReport(merged.files, options.root, options.baseRef, log),
        warnings,
    };
}
//# sourceMappingURL=coverage-report.js.map

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

/***/ 7962:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Px: () => (/* reexport */ applyFallback),
  yu: () => (/* binding */ combineResults),
  tg: () => (/* reexport */ fallbackItems),
  m: () => (/* reexport */ testCount)
});

// UNUSED EXPORTS: believeResult, flakeRate

// EXTERNAL MODULE: ./build/core/ids.js
var core_ids = __webpack_require__(8628);
// EXTERNAL MODULE: ./build/core/shard-result.js
var shard_result = __webpack_require__(1970);
;// CONCATENATED MODULE: ./build/core/combine/belief.js


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
 * Calls `visit(item, id)` for each test id of the sorted list that the item covers (`covers`:
 * a file by its tests, a test by itself, its parametrised cases and nested scopes), looked up
 * by prefix rather than by pairing every item with every test id.
 */
function forEachCovered(items, sorted, visit) {
    const present = new Set(sorted);
    for (const item of items) {
        const each = (id) => {
            if ((0,shard_result/* covers */.hU)(item, id))
                visit(item, id);
        };
        if (present.has(item))
            each(item);
        withPrefix(sorted, `${item}::`, each);
        if ((0,core_ids/* isTestId */.Cw)(item))
            withPrefix(sorted, `${item}[`, each);
    }
}
/** The planned test records, each verdict recomputed from its attempts, and their counts. */
function believedRecords(ids, planned, claims) {
    const counts = (0,shard_result/* emptyCounts */.W1)();
    const records = [];
    for (const id of ids) {
        const claimed = claims[id];
        if (!planned.has(id) || claimed === undefined)
            continue;
        const verdict = (0,shard_result/* verdictOf */.Vj)(claimed.attempts.map((a) => a.status));
        counts[verdict] += claimed.cases ?? 1;
        records.push([
            id,
            {
                file: (0,core_ids/* fileOfId */.Hy)(id),
                verdict,
                attempts: claimed.attempts.map((a) => ({ status: a.status, seconds: a.seconds })),
                ...(claimed.message !== undefined && verdict !== 'passed'
                    ? { message: claimed.message }
                    : {}),
                ...(claimed.cases !== undefined && claimed.cases > 1 ? { cases: claimed.cases } : {}),
            },
        ]);
    }
    return { records, counts };
}
/**
 * The shard's status from the believed records and the process facts, and why the runner
 * failed where its tests do not explain it. The status the result gives itself can only make
 * it worse.
 */
function believedStatus(facts) {
    const { result, items } = facts;
    const exit = result.exitCode;
    const noTestsRan = exit !== null &&
        exit === facts.noTestsExitCode?.(result.runner) &&
        facts.records.length > 0 &&
        facts.records.every(([, r]) => r.verdict === 'skipped');
    // A death by signal is never explained by the tests; a non-zero exit code is, when a test
    // failed (and may then be excused by quarantine).
    const died = result.signal !== null
        ? `the runner was stopped by ${result.signal}`
        : exit === null && items.length > 0
            ? 'the runner reported no exit code'
            : undefined;
    const exitFailed = exit !== null && exit !== 0 && !noTestsRan;
    const explained = facts.testsFailed || facts.missing.length > 0 || facts.fileFailures.length > 0;
    let status;
    if (!result.complete || result.status === 'incomplete')
        status = 'incomplete';
    else if (result.status === 'error')
        status = 'error';
    else if (explained || died !== undefined || exitFailed || result.status === 'failed')
        status = 'failed';
    else
        status = items.length === 0 ? 'empty' : 'passed';
    const runnerError = died ??
        (exitFailed && !explained
            ? `the runner exited with ${String(exit)} although no test failed`
            : undefined);
    return { status, runnerError };
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
    const planned = new Set();
    const answered = new Set();
    forEachCovered(items, ids, (item, id) => {
        planned.add(id);
        answered.add(item);
    });
    const { records, counts } = believedRecords(ids, planned, result.tests);
    const files = new Set(items.map(core_ids/* fileOfId */.Hy));
    const fileFailures = result.fileFailures
        .filter((f) => files.has(f.file))
        .map((f) => ({ file: f.file, message: f.message }));
    const failedFiles = new Set(fileFailures.map((f) => f.file));
    const claimedMissing = new Set(result.missing);
    const missing = items.filter((item) => claimedMissing.has(item) || (!answered.has(item) && !failedFiles.has((0,core_ids/* fileOfId */.Hy)(item))));
    const { status, runnerError } = believedStatus({
        items,
        result,
        records,
        testsFailed: counts.failed > 0,
        missing,
        fileFailures,
        noTestsExitCode,
    });
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
//# sourceMappingURL=belief.js.map
;// CONCATENATED MODULE: ./build/core/combine/shards.js

/**
 * Each shard of the plan against the results that claim it: the newest attempt wins, results
 * of other plans and shards are named and ignored, and what a result leaves unanswered becomes
 * a problem.
 */
/** A short list of untrusted ids for a message: at most five, each cut to 200 characters. */
function listIds(ids) {
    const shown = ids.slice(0, 5).map((id) => (id.length > 200 ? `${id.slice(0, 200)}…` : id));
    return `${shown.join(', ')}${ids.length > 5 ? ', …' : ''}`;
}
function firstLine(text) {
    return text.split('\n', 1)[0] ?? '';
}
function sameItems(a, b) {
    if (a.length !== b.length)
        return false;
    const sortedA = [...a].sort();
    const sortedB = [...b].sort();
    return sortedA.every((item, i) => item === sortedB[i]);
}
/** Tests a result reports, counting each test the runner reported under a shared id. */
function testCount(result) {
    let count = 0;
    for (const record of Object.values(result.tests))
        count += record.cases ?? 1;
    return count;
}
function summary(planned, state, result, attempts, reason) {
    return {
        index: planned.index,
        state,
        attempt: result?.attempt,
        attempts,
        tests: result ? testCount(result) : 0,
        failed: result?.counts.failed ?? 0,
        flaky: result?.counts.flaky ?? 0,
        predictedSeconds: planned.predictedSeconds,
        wallSeconds: result?.wallSeconds,
        setupSeconds: result?.setupSeconds,
        reason,
    };
}
/**
 * The results of this plan by shard number, newest attempt first; results of another plan or
 * of a shard the plan does not have are problems.
 */
function resultsByShard(results, plan, planDigest) {
    const byShard = new Map();
    const problems = [];
    for (const sourced of results) {
        const { result } = sourced;
        if (result.planDigest !== planDigest) {
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
    for (const list of byShard.values())
        list.sort((a, b) => b.result.attempt - a.result.attempt || (a.source < b.source ? -1 : 1));
    return { byShard, problems };
}
/** A planned shard without a result: empty if nothing was planned for it, else missing. */
function missingShard(planned) {
    if (planned.items.length === 0)
        return {
            summary: summary(planned, 'empty', undefined, 0, undefined),
            problems: [],
            unaccounted: [],
            believed: undefined,
        };
    return {
        summary: summary(planned, 'missing', undefined, 0, 'no result'),
        problems: [
            {
                kind: 'missing-shard',
                message: `shard ${planned.index} reported no result (${planned.items.length} planned items)`,
            },
        ],
        unaccounted: planned.items,
        believed: undefined,
    };
}
/**
 * Judges one planned shard by its results (`results`, newest first): a result that
 * ran other items than the plan's accounts for none of them; otherwise it is believed as far
 * as its records show (`believeResult`), and what it left unrun or failed to run is named.
 */
function judgeShard(planned, results, noTestsExitCode) {
    const newest = results[0];
    if (!newest)
        return missingShard(planned);
    const problems = [];
    const second = results[1];
    if (second && second.result.attempt === newest.result.attempt) {
        problems.push({
            kind: 'duplicate-test',
            message: `shard ${planned.index} has two results for attempt ${newest.result.attempt} (${newest.source}, ${second.source}); using the first`,
        });
    }
    if (!sameItems(newest.result.items, planned.items)) {
        problems.push({
            kind: 'plan-mismatch',
            message: `shard ${planned.index} ran ${newest.result.items.length} items, but the plan lists ${planned.items.length} different ones`,
        });
        const believed = believeResult(planned.items, newest.result).result;
        return {
            summary: summary(planned, 'error', believed, results.length, 'items differ from the plan'),
            problems,
            unaccounted: planned.items,
            believed: undefined,
        };
    }
    const { source } = newest;
    const belief = believeResult(planned.items, newest.result, noTestsExitCode);
    const believed = belief.result;
    if (belief.unplannedFiles.length > 0) {
        problems.push({
            kind: 'foreign-result',
            message: `${source}: shard ${planned.index} reported failures of files the plan did not give it: ${listIds(belief.unplannedFiles)}; ignored`,
        });
    }
    const { status, reason } = believed;
    if (status === 'incomplete') {
        problems.push({
            kind: 'incomplete-shard',
            message: `shard ${planned.index} did not finish: ${reason ?? 'incomplete'}`,
        });
    }
    for (const failure of believed.fileFailures) {
        problems.push({
            kind: 'file-failure',
            message: `shard ${planned.index}: ${failure.file}: ${firstLine(failure.message)}`,
            file: failure.file,
        });
    }
    const unexplained = believed.counts.failed === 0 &&
        believed.fileFailures.length === 0 &&
        believed.missing.length === 0;
    const runnerError = belief.runnerError ?? (status === 'failed' && unexplained ? reason : undefined);
    if (status === 'failed' && runnerError)
        problems.push({ kind: 'runner-error', message: `shard ${planned.index}: ${runnerError}` });
    return {
        summary: summary(planned, status, believed, results.length, reason),
        problems,
        unaccounted: believed.missing,
        believed: { result: believed, source, unplannedTests: belief.unplannedTests },
    };
}
/**
 * Names the tests a shard reported that the plan did not give it. A test another shard owns
 * ran twice (a plan or runner bug: never a pass); any other is ignored.
 */
function strayTests(plan, unplanned, chosen) {
    const problems = [];
    const sorted = [...new Set(unplanned.flatMap((u) => u.ids))].sort();
    const owner = new Map();
    for (const shard of plan.shards) {
        forEachCovered(shard.items, sorted, (_, id) => {
            if (!owner.has(id))
                owner.set(id, shard.index);
        });
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
/**
 * The problem naming planned items with no result, where neither a missing shard nor an
 * unfinished one already explains them.
 */
function missingTests(plan, byShard, chosen, unaccounted) {
    const fromIncomplete = new Set(chosen.filter((r) => r.status === 'incomplete').flatMap((r) => r.missing));
    const explicit = unaccounted.filter((item) => !fromIncomplete.has(item) &&
        !plan.shards.some((s) => byShard.get(s.index) === undefined && s.items.includes(item)));
    if (explicit.length === 0)
        return [];
    return [
        {
            kind: 'missing-test',
            message: `${explicit.length} planned ${explicit.length === 1 ? 'item has' : 'items have'} no result: ${explicit.slice(0, 5).join(', ')}${explicit.length > 5 ? ', …' : ''}`,
        },
    ];
}
//# sourceMappingURL=shards.js.map
;// CONCATENATED MODULE: ./build/core/combine/tests.js

/** The combined list of tests: each test once, quarantine applied, flaky tests named. */
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
function byId(a, b) {
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
/**
 * Every test once, sorted by id: the same id from two shards means a plan or runner bug, not a
 * pass, and is a problem (the first shard's record is kept).
 */
function everyTestOnce(results) {
    const tests = [];
    const problems = [];
    const seen = new Map();
    for (const result of results) {
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
    return { tests: tests.sort(byId), problems };
}
/** Sorts the tests by what they mean for the verdict, with the quarantine as of `today`. */
function classifyTests(tests, quarantine, today) {
    const quarantined = tests.filter((t) => (t.verdict === 'failed' || t.verdict === 'flaky') && isQuarantined(t.id, quarantine, today));
    const quarantinedIds = new Set(quarantined.map((t) => t.id));
    return {
        quarantined,
        quarantinedIds,
        failed: tests.filter((t) => t.verdict === 'failed' && !quarantinedIds.has(t.id)),
        flaky: tests
            .filter((t) => t.verdict === 'flaky')
            .map((t) => ({ id: t.id, source: 'run', rate: undefined })),
    };
}
/** The tests the history holds as flaky (rate at least `threshold`), beside those of this run. */
function historyFlaky(history, threshold, runFlaky) {
    if (!history)
        return [];
    const seen = new Set(runFlaky.map((f) => f.id));
    const out = [];
    for (const [id, entry] of Object.entries(history.tests)) {
        const rate = flakeRate(entry.outcomes);
        if (rate !== undefined && rate >= threshold && rate > 0 && !seen.has(id))
            out.push({ id, source: 'history', rate });
    }
    return out;
}
/** Tests of each verdict, counting each test the runner reported under a shared id. */
function countVerdicts(tests) {
    const counts = (0,shard_result/* emptyCounts */.W1)();
    for (const test of tests)
        counts[test.verdict] += test.cases ?? 1;
    return counts;
}
//# sourceMappingURL=tests.js.map
;// CONCATENATED MODULE: ./build/core/combine/verdict.js
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
/**
 * The run's verdict: passed only with no blocking problem, no failed test, and every shard
 * passed or explained (its failures quarantined, or its items re-run by a clean fallback: the
 * shard numbers in `rerun`).
 */
function decideVerdict(problems, failed, results, quarantined, rerun) {
    const blocking = problems.some((p) => p.kind !== 'foreign-result' && p.resolved !== true);
    const shardsOk = results.every((r) => r.status === 'passed' ||
        r.status === 'empty' ||
        rerun.has(r.shard.index) ||
        (r.status === 'failed' && failureQuarantined(r, quarantined)));
    return failed.length === 0 && !blocking && shardsOk ? 'passed' : 'failed';
}
//# sourceMappingURL=verdict.js.map
;// CONCATENATED MODULE: ./build/core/combine/fallback.js





/**
 * The serial fallback: what it should run again after a failed combine, and how its result
 * folds into the verdict.
 */
/**
 * The items a serial fallback should run: the failed tests (or their files, where the runner
 * cannot select tests) and everything that went unrun. Everything here comes from the plan —
 * `combineResults` keeps no test the plan did not give a shard — and an id that would resolve
 * outside the repository is never run.
 */
function fallbackItems(combined, selectsTests) {
    const out = new Map();
    for (const test of combined.failed)
        out.set(selectsTests ? test.id : (0,core_ids/* fileOfId */.Hy)(test.id), `failed in shard ${test.shard}`);
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
        .filter(([id]) => !(0,core_ids/* isOutsideRoot */.CW)(id))
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([id, why]) => ({ id, why }));
}
/**
 * The combined tests with the fallback's records folded in: a test that failed in its shard
 * and passes on its own is flaky; a test no shard reported takes the fallback's verdict.
 */
function foldRerunTests(tests, ran) {
    const byTestId = new Map(tests.map((t) => [t.id, t]));
    for (const [id, record] of Object.entries(ran.tests)) {
        const before = byTestId.get(id);
        const verdict = before === undefined
            ? record.verdict
            : before.verdict === 'failed'
                ? record.verdict === 'passed' || record.verdict === 'flaky'
                    ? 'flaky'
                    : 'failed'
                : before.verdict;
        byTestId.set(id, {
            id,
            shard: before?.shard ?? 0,
            verdict,
            seconds: before?.seconds ?? record.attempts[0]?.seconds,
            message: verdict === 'failed' ? (record.message ?? before?.message) : undefined,
        });
    }
    return [...byTestId.values()].sort(byId);
}
/** Problems whose items all ran in the fallback are marked resolved. */
function resolveProblems(problems, stillUnaccounted, ran) {
    const fallbackFiles = new Set(Object.values(ran.tests).map((t) => t.file));
    return problems.map((p) => {
        if (p.kind === 'missing-shard' || p.kind === 'incomplete-shard' || p.kind === 'missing-test') {
            return stillUnaccounted.length === 0 ? { ...p, resolved: true } : p;
        }
        if (p.kind === 'file-failure') {
            return p.file !== undefined && fallbackFiles.has(p.file) ? { ...p, resolved: true } : p;
        }
        return p;
    });
}
/**
 * Folds the serial fallback's result into the combined verdict: a test that failed in its
 * shard and passes on its own is flaky; tests of missing shards get their results; problems
 * whose items all ran in the fallback are marked resolved.
 */
function applyFallback(combined, fallback, quarantine, now, noTestsExitCode) {
    // The fallback's result is untrusted too (it ran the pull request's code): it is believed
    // only for what a fallback of this run may run, and only as far as its records show.
    const allowed = new Set([...fallbackItems(combined, true), ...fallbackItems(combined, false)].map((i) => i.id));
    const ran = believeResult(fallback.items.filter((item) => allowed.has(item)), fallback, noTestsExitCode).result;
    const all = foldRerunTests(combined.tests, ran);
    const ids = all.map((t) => t.id);
    const stillUnaccounted = combined.unaccounted.filter((item) => ran.missing.includes(item) || !ids.some((id) => (0,shard_result/* covers */.hU)(item, id)));
    const problems = resolveProblems(combined.problems, stillUnaccounted, ran);
    const classified = classifyTests(all, quarantine, now.slice(0, 10));
    const runFlakyIds = new Set(classified.flaky.map((f) => f.id));
    const flaky = [
        ...classified.flaky,
        ...combined.flaky.filter((f) => f.source === 'history' && !runFlakyIds.has(f.id)),
    ].sort(byId);
    const rerunShards = new Set(combined.shards.filter((s) => s.state !== 'passed' && s.state !== 'empty').map((s) => s.index));
    // The fallback excuses its shards only when it ran cleanly itself: complete, no file that
    // failed to load, no runner error of its own (exit code with every test passing).
    const fallbackOk = (ran.status === 'passed' || ran.status === 'failed') &&
        ran.fileFailures.length === 0 &&
        ran.reason === undefined;
    return {
        ...combined,
        tests: all,
        failed: classified.failed,
        flaky,
        quarantined: classified.quarantined,
        problems,
        unaccounted: stillUnaccounted,
        counts: countVerdicts(all),
        verdict: decideVerdict(problems, classified.failed, combined.results, classified.quarantinedIds, fallbackOk ? rerunShards : new Set()),
    };
}
//# sourceMappingURL=fallback.js.map
;// CONCATENATED MODULE: ./build/core/combine.js







/** Judges every planned shard, in plan order, collecting what each contributes. */
function judgeShards(input, byShard) {
    const shards = [];
    const problems = [];
    const chosen = [];
    const sources = [];
    const unplanned = [];
    const unaccounted = [];
    for (const planned of input.plan.shards) {
        const judged = judgeShard(planned, byShard.get(planned.index) ?? [], input.noTestsExitCode);
        shards.push(judged.summary);
        problems.push(...judged.problems);
        unaccounted.push(...judged.unaccounted);
        const { believed } = judged;
        if (believed === undefined)
            continue;
        chosen.push(believed.result);
        sources.push(believed.source);
        if (believed.unplannedTests.length > 0)
            unplanned.push({
                index: planned.index,
                source: believed.source,
                ids: believed.unplannedTests,
            });
    }
    return { shards, problems, chosen, sources, unplanned, unaccounted };
}
/**
 * Combines the shard results of one run. Contract: the verdict is `passed` only when every
 * planned shard reported complete, every planned item has a result exactly once, and no
 * un-quarantined test failed.
 */
function combineResults(input) {
    const { plan } = input;
    const today = input.now.slice(0, 10);
    // The newest attempt of each shard of this plan wins; results of other plans are named.
    const { byShard, problems } = resultsByShard(input.results, plan, input.planDigest);
    const judged = judgeShards(input, byShard);
    const { chosen } = judged;
    problems.push(...judged.problems, ...strayTests(plan, judged.unplanned, chosen));
    const unaccounted = [...new Set(judged.unaccounted)].sort();
    problems.push(...missingTests(plan, byShard, chosen, unaccounted));
    const { tests, problems: duplicates } = everyTestOnce(chosen);
    problems.push(...duplicates);
    const classified = classifyTests(tests, input.quarantine, today);
    const flaky = [
        ...classified.flaky,
        ...historyFlaky(input.history, input.flakyThreshold, classified.flaky),
    ].sort(byId);
    return {
        verdict: decideVerdict(problems, classified.failed, chosen, classified.quarantinedIds, new Set()),
        shards: judged.shards,
        tests,
        failed: classified.failed,
        flaky,
        quarantined: classified.quarantined,
        expiredQuarantine: input.quarantine.filter((q) => q.until < today),
        problems,
        unaccounted,
        counts: countVerdicts(tests),
        wallSeconds: chosen.reduce((m, r) => Math.max(m, r.wallSeconds), 0),
        serialSeconds: chosen.reduce((t, r) => t + r.wallSeconds, 0),
        results: chosen,
        sources: judged.sources,
    };
}
//# sourceMappingURL=combine.js.map

/***/ }),

/***/ 1567:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  p: () => (/* binding */ combineMode)
});

// UNUSED EXPORTS: readResults

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./build/core/errors.js
var errors = __webpack_require__(2807);
// EXTERNAL MODULE: ./build/core/combine.js + 5 modules
var combine = __webpack_require__(7962);
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
            ? `One job (every file in one shard) took ${formatSeconds(time.serialSeconds)}: ${(time.serialSeconds / time.makespanSeconds).toFixed(2)}× the longest shard.`
            : `One job (every file in one shard) would take about ${formatSeconds(time.serialSeconds)} (estimated: this run's file costs plus one ${formatSeconds(time.overheadSeconds)} start-up), so ${time.shards} shards ran ${(time.serialSeconds / Math.max(time.makespanSeconds, 0.001)).toFixed(2)}× faster.`);
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
/** The verdict, the counts and what the run took. */
function headline(input) {
    const { combined, plan } = input;
    const ok = combined.verdict === 'passed';
    const coverageFailed = input.coverage !== undefined && !input.coverage.passed;
    const c = combined.counts;
    // pytest's expected failures and unexpected passes are outcomes of their own.
    const expected = [
        ...(c.xfailed > 0 ? [`**${c.xfailed}** xfailed`] : []),
        ...(c.xpassed > 0 ? [`**${c.xpassed}** xpassed`] : []),
    ];
    const out = [
        `## ${ok && !coverageFailed ? '✅' : '❌'} Shardwise: tests ${ok ? 'passed' : 'failed'}${ok && coverageFailed ? ', coverage below the threshold' : ''}`,
        '',
        `**${c.passed}** passed, **${combined.failed.length}** failed, **${c.flaky}** flaky, **${c.skipped}** skipped, ${expected.map((e) => `${e}, `).join('')}**${combined.quarantined.length}** quarantined in ${plan.shards.length} shards.`,
    ];
    const timing = timingSentences(input);
    if (timing.length > 0)
        out.push('', timing.join(' '));
    return out;
}
function problemsSection(input, cut) {
    const { problems } = input.combined;
    if (problems.length === 0)
        return [];
    return [
        '',
        '### Problems',
        ...problems.slice(0, cut.rows).map((problem) => `- ${codeSpan(problem.message, false)}`),
        ...more(problems.length, cut.rows, cut.hint),
    ];
}
function fallbackSection(input, cut) {
    const f = input.fallback;
    if (!f)
        return [];
    const out = [
        '',
        f.skipped
            ? `> [!WARNING]\n> Serial fallback skipped: ${f.skipped}`
            : `> [!NOTE]\n> Serial fallback ran ${f.items.length} items again in one process: ${f.passed} passed, ${f.failed} failed.`,
    ];
    if (!f.skipped && f.items.length > 0) {
        out.push('', '| item | why |', '| --- | --- |');
        for (const item of f.items.slice(0, cut.rows))
            out.push(`| ${codeSpan(item.id)} | ${item.why} |`);
        out.push(...more(f.items.length, cut.rows, cut.hint));
    }
    return out;
}
/** The shard table (at least 32 rows: it is never cut below that) and the shards' Gantt chart. */
function shardsSection(input, cut) {
    const { shards } = input.combined;
    const rows = Math.max(cut.rows, 32);
    const out = [
        '',
        '### Shards',
        '',
        '| shard | status | tests | failed | flaky | predicted | actual | attempts |',
        '| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ];
    for (const shard of shards.slice(0, rows)) {
        out.push(`| ${shard.index} | ${STATE_ICON[shard.state] ?? ''} ${shard.state} | ${shard.tests} | ${shard.failed} | ${shard.flaky} | ${formatSeconds(shard.predictedSeconds)} | ${formatSeconds(shard.wallSeconds)} | ${shard.attempts} |`);
    }
    out.push(...more(shards.length, rows, cut.hint));
    const timed = shards.filter((s) => s.wallSeconds !== undefined);
    if (timed.length === 0 || timed.length > 64)
        return out;
    out.push('', '```mermaid', 'gantt', '  title Shard wall time (seconds)');
    out.push('  dateFormat X', '  axisFormat %s');
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
    return out;
}
/** Failed, flaky, quarantined and slowest tests. */
function testsSections(input, cut) {
    const { combined } = input;
    const { rows, hint } = cut;
    const out = [];
    if (combined.failed.length > 0) {
        out.push('', `### Failed tests (${combined.failed.length})`, '');
        out.push(...testsTable(combined.failed, rows, true), ...more(combined.failed.length, rows, hint));
    }
    if (combined.flaky.length > 0) {
        out.push('', `### Flaky tests (${combined.flaky.length})`, '', '| test | seen |', '| --- | --- |');
        for (const f of combined.flaky.slice(0, rows)) {
            out.push(`| ${codeSpan(f.id)} | ${f.source === 'run' ? 'failed, then passed on retry in this run' : `flaky in ${((f.rate ?? 0) * 100).toFixed(0)}% of recent runs`} |`);
        }
        out.push(...more(combined.flaky.length, rows, hint));
    }
    if (combined.quarantined.length > 0 || combined.expiredQuarantine.length > 0) {
        out.push('', `### Quarantined (${combined.quarantined.length})`, '');
        out.push('These failed or flaked but do not fail the build.', '');
        out.push(...testsTable(combined.quarantined, rows, true));
        out.push(...more(combined.quarantined.length, rows, hint));
        if (combined.expiredQuarantine.length > 0) {
            out.push('', `Expired quarantine entries (they apply no more): ${combined.expiredQuarantine
                .slice(0, rows)
                .map((q) => `${codeSpan(q.id, false)} (until ${q.until})`)
                .join(', ')}`);
        }
    }
    const slowest = [...combined.tests]
        .filter((t) => t.seconds !== undefined)
        .sort((a, b) => (b.seconds ?? 0) - (a.seconds ?? 0) || (a.id < b.id ? -1 : 1));
    if (slowest.length > 0)
        out.push('', '### Slowest tests', '', ...testsTable(slowest, Math.min(10, rows), false));
    return out;
}
function coverageSection(input) {
    const cov = input.coverage;
    if (!cov)
        return [];
    const out = [
        '',
        '### Coverage',
        '',
        `${cov.passed ? '✅' : '❌'} **${cov.percent.toFixed(2)}%** of lines (${cov.linesHit}/${cov.linesFound}) across all shards${cov.threshold === undefined ? '' : `; threshold ${cov.threshold}%`}.`,
    ];
    if (cov.diff)
        out.push(`Changed lines covered: **${cov.diff.percent.toFixed(2)}%** (${cov.diff.hit}/${cov.diff.found}).`);
    return out;
}
/** The estimated items, and the shard count to use next time. */
function notesSection(input, cut) {
    const notes = [];
    if (input.unknownItems > 0) {
        const named = (input.estimatedItems ?? []).slice(0, Math.min(cut.rows, 20));
        notes.push(`${input.unknownItems} planned items had no timing history and were estimated; their times are recorded now${named.length > 0
            ? `: ${named.map((id) => codeSpan(id, false)).join(', ')}${input.unknownItems > named.length ? ', …' : ''}`
            : ''}.`);
    }
    const time = input.time;
    if (time && time.workSeconds > 0) {
        const suggestion = suggestShardCount(time.workSeconds / Math.max(0.5, time.workers), input.plan.granularity === 'file' ? time.longestFileSeconds : 0, time.overheadSeconds);
        notes.push(`Suggested shard count for next time: **${suggestion.shards}** (about ${formatSeconds(suggestion.wallSeconds)} per shard including ${formatSeconds(time.overheadSeconds)} start-up; more shards cannot get below ${formatSeconds(suggestion.bestSeconds)}).`);
    }
    return notes.length > 0 ? ['', ...notes] : [];
}
/** Renders the report with tables cut to `rows` each. */
function renderWithRows(input, rows) {
    const { plan } = input;
    const cut = { rows, hint: input.fullReportHint };
    const out = [
        ...(input.marker ? [input.marker] : []),
        ...headline(input),
        ...problemsSection(input, cut),
        ...fallbackSection(input, cut),
        ...shardsSection(input, cut),
        ...testsSections(input, cut),
        ...coverageSection(input),
        ...notesSection(input, cut),
        '',
        `<sub>Shardwise · plan ${plan.shards.length} shards, ${plan.itemCount} items, ${plan.granularity} granularity</sub>`,
    ];
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
// EXTERNAL MODULE: ./build/adapters/output-file.js
var output_file = __webpack_require__(6527);
// EXTERNAL MODULE: ./build/adapters/store-file.js
var store_file = __webpack_require__(9263);
// EXTERNAL MODULE: ./build/adapters/runners/index.js + 20 modules
var runners = __webpack_require__(9750);
// EXTERNAL MODULE: ./build/adapters/plan-file.js
var plan_file = __webpack_require__(8601);
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
// EXTERNAL MODULE: ./build/adapters/json-file.js
var json_file = __webpack_require__(2698);
;// CONCATENATED MODULE: ./build/adapters/quarantine-file.js


/** Reads the quarantine list: `{"version":1,"tests":[{"id","until":"YYYY-MM-DD","reason"}]}`. */
async function readQuarantine(path, log) {
    if (path === undefined)
        return [];
    const { tests } = await (0,json_file/* readJsonFile */.J)('--quarantine', path, decodeQuarantine);
    if (tests.length > 0)
        log.info(`quarantine: ${tests.length} entries from ${path}`);
    return tests;
}
//# sourceMappingURL=quarantine-file.js.map
// EXTERNAL MODULE: ./build/core/contracts/shard-result.js
var shard_result = __webpack_require__(8670);
;// CONCATENATED MODULE: ./build/adapters/shard-results.js





/**
 * The shard results in a directory (`--results-dir`, the downloaded shard artifacts): found
 * without following links, each decoded by its contract. A result that cannot be used is a
 * warning and counts as missing: its shard's items fail, never pass.
 */
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
//# sourceMappingURL=shard-results.js.map
// EXTERNAL MODULE: ./build/modes/run.js + 5 modules
var run = __webpack_require__(2282);
;// CONCATENATED MODULE: ./build/modes/combine.js















// Shard results are read by adapters/shard-results.ts; re-exported for modules that import it here.

/** The "no tests ran" exit code of a runner named in an (untrusted) shard result. */
function noTestsExitCode(runner) {
    return Object.hasOwn(runners/* RUNNERS */.Ir, runner) ? runners/* RUNNERS */.Ir[runner].noTestsExitCode : undefined;
}
/**
 * Folds in a serial fallback that already ran in a job of its own (the action): its newest
 * result, where the run failed.
 */
async function foldFallbackResult(dir, combined, quarantine, now, log) {
    const ran = (await readResults(dir, log)).sort((a, b) => b.result.attempt - a.result.attempt)[0];
    if (!ran || combined.verdict !== 'failed')
        return { combined, fallback: undefined };
    const items = (0,combine/* fallbackItems */.tg)(combined, ran.result.items.some((i) => i.includes('::')));
    const why = new Map(items.map((i) => [i.id, i.why]));
    return {
        combined: (0,combine/* applyFallback */.Px)(combined, ran.result, quarantine, now, noTestsExitCode),
        fallback: {
            items: ran.result.items.map((id) => ({ id, why: why.get(id) ?? 'failed or unrun' })),
            passed: ran.result.counts.passed,
            failed: ran.result.counts.failed,
            skipped: undefined,
        },
    };
}
/**
 * Runs what failed or went unrun again, serially in one process with the user's own command,
 * and folds its result in; more than `fallbackMaxItems` items is systemic and is not re-run.
 */
async function runSerialFallback(options, deps, combined, quarantine, now) {
    const { log } = deps;
    if (options.command.length === 0)
        throw new errors/* UsageError */.eb('`--fallback serial` needs the test command after `--`.');
    const resolved = await (0,runners/* resolveRunner */.NE)(options.command, options.root, options.runner);
    const items = (0,combine/* fallbackItems */.tg)(combined, runners/* RUNNERS */.Ir[resolved.runner].selectsTests);
    if (items.length === 0)
        return { combined, fallback: undefined };
    if (items.length > options.fallbackMaxItems) {
        const skipped = `${items.length} items failed or went unrun, more than the ${options.fallbackMaxItems} a serial re-run takes: this looks systemic, not flaky`;
        log.warning(skipped);
        return { combined, fallback: { items, passed: 0, failed: 0, skipped } };
    }
    log.info(`serial fallback: running ${items.length} items again in one process`);
    const plan = {
        ...options.plan,
        shards: [{ index: 1, items: items.map((i) => i.id), predictedSeconds: 0 }],
    };
    const outcome = await (0,run/* runMode */.r)({
        plan,
        planDigest: (0,plan_file/* planDigest */.G)(plan),
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
    return {
        combined: (0,combine/* applyFallback */.Px)(combined, outcome.result, quarantine, now, noTestsExitCode),
        fallback: {
            items,
            passed: outcome.result.counts.passed,
            failed: outcome.result.counts.failed,
            skipped: undefined,
        },
    };
}
/** Coverage of the chosen shard results, each read from its own artifact directory. */
async function mergedCoverage(options, combined) {
    if (!options.coverage)
        return undefined;
    return options.coverage(combined.results.map((r, i) => {
        const source = combined.sources[i] ?? '';
        return {
            dir: (0,external_node_path_.join)(options.resultsDir, (0,external_node_path_.dirname)(source)),
            workspace: r.workspace,
            files: r.artifacts.coverage,
        };
    }));
}
/**
 * Merges what the shards measured into the timings store, as it is when we write (another run
 * may have saved meanwhile); a store that cannot be written is a warning, and the report
 * follows regardless.
 */
async function saveTimings(storePath, combined, costModel, now, log) {
    const measured = (0,core_store/* measureRun */.uw)(combined.results, costModel);
    if (measured.tests.size + measured.files.size + measured.outcomes.size === 0)
        return;
    const saved = await (0,store_file/* updateStore */.fF)(storePath, (current) => (0,core_store/* mergeRun */.CU)(current ?? (0,core_store/* emptyStore */.VL)(now), measured, now), log);
    if (saved)
        log.info(`timings: ${measured.tests.size} tests from ${combined.results.filter((r) => r.complete).length} complete shards merged into ${storePath}`);
}
/** Writes the Markdown and JSON reports where asked; returns the Markdown. */
async function writeReports(options, input) {
    const markdown = renderReportMarkdown(input);
    if (options.reportMarkdown !== undefined)
        await (0,output_file/* writeOutputFile */.B)('--report-md', options.reportMarkdown, markdown);
    if (options.reportJson !== undefined)
        await (0,output_file/* writeOutputFile */.B)('--report-json', options.reportJson, `${(0,json/* stableStringify */.J)(reportJson(input), 2)}\n`);
    return markdown;
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
    const judged = (0,combine/* combineResults */.yu)({
        plan: options.plan,
        planDigest: options.planDigest,
        results,
        quarantine,
        history: store,
        now,
        flakyThreshold: options.flakyThreshold,
        noTestsExitCode,
    });
    const { combined, fallback } = options.fallbackResultsDir !== undefined
        ? await foldFallbackResult(options.fallbackResultsDir, judged, quarantine, now, log)
        : options.fallback === 'serial' && judged.verdict === 'failed'
            ? await runSerialFallback(options, deps, judged, quarantine, now)
            : { combined: judged, fallback: undefined };
    const coverage = await mergedCoverage(options, combined);
    const costModel = (0,core_store/* storeCostModel */.Qp)(store) ?? options.plan.costModel;
    if (options.storePath !== undefined)
        await saveTimings(options.storePath, combined, costModel, now, log);
    const input = {
        combined,
        plan: options.plan,
        time: (0,core_store/* runTime */.Ft)(combined.results, costModel),
        coverage,
        fallback,
        unknownItems: options.plan.unknownItems,
        estimatedItems: Array.isArray(options.plan.estimatedItems) ? options.plan.estimatedItems : [],
        ...(options.reportJson ? { fullReportHint: options.reportHint ?? options.reportJson } : {}),
    };
    const markdown = await writeReports(options, input);
    const coverageFailed = coverage !== undefined && !coverage.passed;
    const exitCode = combined.verdict === 'passed' && !coverageFailed ? 0 : 1;
    return { combined, markdown, exitCode, coverage, time: input.time };
}
//# sourceMappingURL=combine.js.map

/***/ }),

/***/ 2864:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J: () => (/* binding */ combineSettings),
/* harmony export */   e: () => (/* binding */ coverageThreshold)
/* harmony export */ });
/* harmony import */ var _source_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7372);
/* harmony import */ var _values_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8739);


/** The coverage threshold in percent; `undefined` when none is set. Read here only. */
function coverageThreshold(source) {
    const raw = (0,_source_js__WEBPACK_IMPORTED_MODULE_0__/* .given */ .gI)(source, 'coverage-threshold');
    return raw === undefined ? undefined : (0,_values_js__WEBPACK_IMPORTED_MODULE_1__/* .parsePercent */ .lo)(source.label('coverage-threshold'), raw);
}
function combineSettings(source) {
    return {
        flakyThreshold: (0,_values_js__WEBPACK_IMPORTED_MODULE_1__/* .parseFraction */ .at)(source.label('flaky-threshold'), (0,_source_js__WEBPACK_IMPORTED_MODULE_0__/* .valueOf */ .RP)(source, 'flaky-threshold')),
        coverageThreshold: coverageThreshold(source),
        baseRef: (0,_source_js__WEBPACK_IMPORTED_MODULE_0__/* .given */ .gI)(source, 'base-ref'),
        quarantine: (0,_source_js__WEBPACK_IMPORTED_MODULE_0__/* .given */ .gI)(source, 'quarantine'),
    };
}
//# sourceMappingURL=combine.js.map

/***/ })

};
