import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 6:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const pico = __nccwpck_require__(16);
const utils = __nccwpck_require__(59);

function picomatch(glob, options, returnState = false) {
  // default to os.platform()
  if (options && (options.windows === null || options.windows === undefined)) {
    // don't mutate the original options object
    options = { ...options, windows: utils.isWindows() };
  }

  return pico(glob, options, returnState);
}

Object.assign(picomatch, pico);
module.exports = picomatch;


/***/ }),

/***/ 595:
/***/ ((module) => {



const WIN_SLASH = '\\\\/';
const WIN_NO_SLASH = `[^${WIN_SLASH}]`;

const DEFAULT_MAX_EXTGLOB_RECURSION = 0;

/**
 * Posix glob regex
 */

const DOT_LITERAL = '\\.';
const PLUS_LITERAL = '\\+';
const QMARK_LITERAL = '\\?';
const SLASH_LITERAL = '\\/';
const ONE_CHAR = '(?=.)';
const QMARK = '[^/]';
const END_ANCHOR = `(?:${SLASH_LITERAL}|$)`;
const START_ANCHOR = `(?:^|${SLASH_LITERAL})`;
const DOTS_SLASH = `${DOT_LITERAL}{1,2}${END_ANCHOR}`;
const NO_DOT = `(?!${DOT_LITERAL})`;
const NO_DOTS = `(?!${START_ANCHOR}${DOTS_SLASH})`;
const NO_DOT_SLASH = `(?!${DOT_LITERAL}{0,1}${END_ANCHOR})`;
const NO_DOTS_SLASH = `(?!${DOTS_SLASH})`;
const QMARK_NO_DOT = `[^.${SLASH_LITERAL}]`;
const STAR = `${QMARK}*?`;
const SEP = '/';

const POSIX_CHARS = {
  DOT_LITERAL,
  PLUS_LITERAL,
  QMARK_LITERAL,
  SLASH_LITERAL,
  ONE_CHAR,
  QMARK,
  END_ANCHOR,
  DOTS_SLASH,
  NO_DOT,
  NO_DOTS,
  NO_DOT_SLASH,
  NO_DOTS_SLASH,
  QMARK_NO_DOT,
  STAR,
  START_ANCHOR,
  SEP
};

/**
 * Windows glob regex
 */

const WINDOWS_CHARS = {
  ...POSIX_CHARS,

  SLASH_LITERAL: `[${WIN_SLASH}]`,
  QMARK: WIN_NO_SLASH,
  STAR: `${WIN_NO_SLASH}*?`,
  DOTS_SLASH: `${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$)`,
  NO_DOT: `(?!${DOT_LITERAL})`,
  NO_DOTS: `(?!(?:^|[${WIN_SLASH}])${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
  NO_DOT_SLASH: `(?!${DOT_LITERAL}{0,1}(?:[${WIN_SLASH}]|$))`,
  NO_DOTS_SLASH: `(?!${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
  QMARK_NO_DOT: `[^.${WIN_SLASH}]`,
  START_ANCHOR: `(?:^|[${WIN_SLASH}])`,
  END_ANCHOR: `(?:[${WIN_SLASH}]|$)`,
  SEP: '\\'
};

/**
 * POSIX Bracket Regex
 */

const POSIX_REGEX_SOURCE = {
  __proto__: null,
  alnum: 'a-zA-Z0-9',
  alpha: 'a-zA-Z',
  ascii: '\\x00-\\x7F',
  blank: ' \\t',
  cntrl: '\\x00-\\x1F\\x7F',
  digit: '0-9',
  graph: '\\x21-\\x7E',
  lower: 'a-z',
  print: '\\x20-\\x7E ',
  punct: '\\-!"#$%&\'()\\*+,./:;<=>?@[\\]^_`{|}~',
  space: ' \\t\\r\\n\\v\\f',
  upper: 'A-Z',
  word: 'A-Za-z0-9_',
  xdigit: 'A-Fa-f0-9'
};

module.exports = {
  DEFAULT_MAX_EXTGLOB_RECURSION,
  MAX_LENGTH: 1024 * 64,
  POSIX_REGEX_SOURCE,

  // regular expressions
  REGEX_BACKSLASH: /\\(?![*+?^${}(|)[\]])/g,
  REGEX_NON_SPECIAL_CHARS: /^[^@![\].,$*+?^{}()|\\/]+/,
  REGEX_SPECIAL_CHARS: /[-*+?.^${}(|)[\]]/,
  REGEX_SPECIAL_CHARS_BACKREF: /(\\?)((\W)(\3*))/g,
  REGEX_SPECIAL_CHARS_GLOBAL: /([-*+?.^${}(|)[\]])/g,
  REGEX_REMOVE_BACKSLASH: /(?:\[.*?[^\\]\]|\\(?=.))/g,

  // Replace globs with equivalent patterns to reduce parsing time.
  REPLACEMENTS: {
    __proto__: null,
    '***': '*',
    '**/**': '**',
    '**/**/**': '**'
  },

  // Digits
  CHAR_0: 48, /* 0 */
  CHAR_9: 57, /* 9 */

  // Alphabet chars.
  CHAR_UPPERCASE_A: 65, /* A */
  CHAR_LOWERCASE_A: 97, /* a */
  CHAR_UPPERCASE_Z: 90, /* Z */
  CHAR_LOWERCASE_Z: 122, /* z */

  CHAR_LEFT_PARENTHESES: 40, /* ( */
  CHAR_RIGHT_PARENTHESES: 41, /* ) */

  CHAR_ASTERISK: 42, /* * */

  // Non-alphabetic chars.
  CHAR_AMPERSAND: 38, /* & */
  CHAR_AT: 64, /* @ */
  CHAR_BACKWARD_SLASH: 92, /* \ */
  CHAR_CARRIAGE_RETURN: 13, /* \r */
  CHAR_CIRCUMFLEX_ACCENT: 94, /* ^ */
  CHAR_COLON: 58, /* : */
  CHAR_COMMA: 44, /* , */
  CHAR_DOT: 46, /* . */
  CHAR_DOUBLE_QUOTE: 34, /* " */
  CHAR_EQUAL: 61, /* = */
  CHAR_EXCLAMATION_MARK: 33, /* ! */
  CHAR_FORM_FEED: 12, /* \f */
  CHAR_FORWARD_SLASH: 47, /* / */
  CHAR_GRAVE_ACCENT: 96, /* ` */
  CHAR_HASH: 35, /* # */
  CHAR_HYPHEN_MINUS: 45, /* - */
  CHAR_LEFT_ANGLE_BRACKET: 60, /* < */
  CHAR_LEFT_CURLY_BRACE: 123, /* { */
  CHAR_LEFT_SQUARE_BRACKET: 91, /* [ */
  CHAR_LINE_FEED: 10, /* \n */
  CHAR_NO_BREAK_SPACE: 160, /* \u00A0 */
  CHAR_PERCENT: 37, /* % */
  CHAR_PLUS: 43, /* + */
  CHAR_QUESTION_MARK: 63, /* ? */
  CHAR_RIGHT_ANGLE_BRACKET: 62, /* > */
  CHAR_RIGHT_CURLY_BRACE: 125, /* } */
  CHAR_RIGHT_SQUARE_BRACKET: 93, /* ] */
  CHAR_SEMICOLON: 59, /* ; */
  CHAR_SINGLE_QUOTE: 39, /* ' */
  CHAR_SPACE: 32, /*   */
  CHAR_TAB: 9, /* \t */
  CHAR_UNDERSCORE: 95, /* _ */
  CHAR_VERTICAL_LINE: 124, /* | */
  CHAR_ZERO_WIDTH_NOBREAK_SPACE: 65279, /* \uFEFF */

  /**
   * Create EXTGLOB_CHARS
   */

  extglobChars(chars) {
    return {
      '!': { type: 'negate', open: '(?:(?!(?:', close: `))${chars.STAR})` },
      '?': { type: 'qmark', open: '(?:', close: ')?' },
      '+': { type: 'plus', open: '(?:', close: ')+' },
      '*': { type: 'star', open: '(?:', close: ')*' },
      '@': { type: 'at', open: '(?:', close: ')' }
    };
  },

  /**
   * Create GLOB_CHARS
   */

  globChars(win32) {
    return win32 === true ? WINDOWS_CHARS : POSIX_CHARS;
  }
};


/***/ }),

/***/ 265:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const constants = __nccwpck_require__(595);
const utils = __nccwpck_require__(59);

/**
 * Constants
 */

const {
  MAX_LENGTH,
  POSIX_REGEX_SOURCE,
  REGEX_NON_SPECIAL_CHARS,
  REGEX_SPECIAL_CHARS_BACKREF,
  REPLACEMENTS
} = constants;

/**
 * Helpers
 */

const expandRange = (args, options) => {
  if (typeof options.expandRange === 'function') {
    return options.expandRange(...args, options);
  }

  args.sort();
  const value = `[${args.join('-')}]`;

  try {
    /* eslint-disable-next-line no-new */
    new RegExp(value);
  } catch (ex) {
    return args.map(v => utils.escapeRegex(v)).join('..');
  }

  return value;
};

/**
 * Create the message for a syntax error
 */

const syntaxError = (type, char) => {
  return `Missing ${type}: "${char}" - use "\\\\${char}" to match literal characters`;
};

const splitTopLevel = input => {
  const parts = [];
  let bracket = 0;
  let paren = 0;
  let quote = 0;
  let value = '';
  let escaped = false;

  for (const ch of input) {
    if (escaped === true) {
      value += ch;
      escaped = false;
      continue;
    }

    if (ch === '\\') {
      value += ch;
      escaped = true;
      continue;
    }

    if (ch === '"') {
      quote = quote === 1 ? 0 : 1;
      value += ch;
      continue;
    }

    if (quote === 0) {
      if (ch === '[') {
        bracket++;
      } else if (ch === ']' && bracket > 0) {
        bracket--;
      } else if (bracket === 0) {
        if (ch === '(') {
          paren++;
        } else if (ch === ')' && paren > 0) {
          paren--;
        } else if (ch === '|' && paren === 0) {
          parts.push(value);
          value = '';
          continue;
        }
      }
    }

    value += ch;
  }

  parts.push(value);
  return parts;
};

const isPlainBranch = branch => {
  let escaped = false;

  for (const ch of branch) {
    if (escaped === true) {
      escaped = false;
      continue;
    }

    if (ch === '\\') {
      escaped = true;
      continue;
    }

    if (/[?*+@!()[\]{}]/.test(ch)) {
      return false;
    }
  }

  return true;
};

const normalizeSimpleBranch = branch => {
  let value = branch.trim();
  let changed = true;

  while (changed === true) {
    changed = false;

    if (/^@\([^\\()[\]{}|]+\)$/.test(value)) {
      value = value.slice(2, -1);
      changed = true;
    }
  }

  if (!isPlainBranch(value)) {
    return;
  }

  return value.replace(/\\(.)/g, '$1');
};

const hasRepeatedCharPrefixOverlap = branches => {
  const values = branches.map(normalizeSimpleBranch).filter(Boolean);

  for (let i = 0; i < values.length; i++) {
    for (let j = i + 1; j < values.length; j++) {
      const a = values[i];
      const b = values[j];
      const char = a[0];

      if (!char || a !== char.repeat(a.length) || b !== char.repeat(b.length)) {
        continue;
      }

      if (a === b || a.startsWith(b) || b.startsWith(a)) {
        return true;
      }
    }
  }

  return false;
};

const parseRepeatedExtglob = (pattern, requireEnd = true) => {
  if ((pattern[0] !== '+' && pattern[0] !== '*') || pattern[1] !== '(') {
    return;
  }

  let bracket = 0;
  let paren = 0;
  let quote = 0;
  let escaped = false;

  for (let i = 1; i < pattern.length; i++) {
    const ch = pattern[i];

    if (escaped === true) {
      escaped = false;
      continue;
    }

    if (ch === '\\') {
      escaped = true;
      continue;
    }

    if (ch === '"') {
      quote = quote === 1 ? 0 : 1;
      continue;
    }

    if (quote === 1) {
      continue;
    }

    if (ch === '[') {
      bracket++;
      continue;
    }

    if (ch === ']' && bracket > 0) {
      bracket--;
      continue;
    }

    if (bracket > 0) {
      continue;
    }

    if (ch === '(') {
      paren++;
      continue;
    }

    if (ch === ')') {
      paren--;

      if (paren === 0) {
        if (requireEnd === true && i !== pattern.length - 1) {
          return;
        }

        return {
          type: pattern[0],
          body: pattern.slice(2, i),
          end: i
        };
      }
    }
  }
};

const buildCharClassStar = chars => {
  const source = chars.length === 1
    ? utils.escapeRegex(chars[0])
    : `[${chars.map(ch => utils.escapeRegex(ch)).join('')}]`;

  return `${source}*`;
};

const getStarExtglobSequenceChars = pattern => {
  let index = 0;
  const chars = [];

  while (index < pattern.length) {
    const match = parseRepeatedExtglob(pattern.slice(index), false);

    if (!match || match.type !== '*') {
      return;
    }

    const branches = splitTopLevel(match.body).map(branch => branch.trim());
    if (branches.length !== 1) {
      return;
    }

    const branch = normalizeSimpleBranch(branches[0]);
    if (!branch || branch.length !== 1) {
      return;
    }

    chars.push(branch);
    index += match.end + 1;
  }

  if (chars.length < 1) {
    return;
  }

  return chars;
};

const repeatedExtglobRecursion = pattern => {
  let depth = 0;
  let value = pattern.trim();
  let match = parseRepeatedExtglob(value);

  while (match) {
    depth++;
    value = match.body.trim();
    match = parseRepeatedExtglob(value);
  }

  return depth;
};

const analyzeRepeatedExtglob = (body, options) => {
  if (options.maxExtglobRecursion === false) {
    return { risky: false };
  }

  const max =
    typeof options.maxExtglobRecursion === 'number'
      ? options.maxExtglobRecursion
      : constants.DEFAULT_MAX_EXTGLOB_RECURSION;

  const branches = splitTopLevel(body).map(branch => branch.trim());

  if (branches.length > 1) {
    if (
      branches.some(branch => branch === '') ||
      branches.some(branch => /^[*?]+$/.test(branch)) ||
      hasRepeatedCharPrefixOverlap(branches)
    ) {
      return { risky: true };
    }
  }

  // A repeated extglob is "risky" (prone to catastrophic backtracking) when a
  // branch is itself a `*(...)` sequence, since that nests an unbounded quantifier
  // inside the outer `+(...)`/`*(...)`. When *every* branch reduces to single
  // characters we can emit one flat, ReDoS-safe character class that preserves the
  // meaning of ALL branches (e.g. `+(*(a)|*(b))` -> `[ab]*`), rather than dropping
  // every branch but the first.
  const safeChars = [];
  let sawStarSequence = false;
  let combinable = true;

  for (const branch of branches) {
    const chars = getStarExtglobSequenceChars(branch);
    if (chars) {
      sawStarSequence = true;
      safeChars.push(...chars);
      continue;
    }

    const literal = normalizeSimpleBranch(branch);
    if (literal && literal.length === 1) {
      safeChars.push(literal);
      continue;
    }

    combinable = false;

    if (repeatedExtglobRecursion(branch) > max) {
      return { risky: true };
    }
  }

  if (sawStarSequence) {
    return combinable
      ? { risky: true, safeOutput: buildCharClassStar([...new Set(safeChars)]) }
      : { risky: true };
  }

  return { risky: false };
};

/**
 * Parse the given input string.
 * @param {String} input
 * @param {Object} options
 * @return {Object}
 */

const parse = (input, options) => {
  if (typeof input !== 'string') {
    throw new TypeError('Expected a string');
  }

  input = REPLACEMENTS[input] || input;

  const opts = { ...options };
  const max = typeof opts.maxLength === 'number' ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;

  let len = input.length;
  if (len > max) {
    throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
  }

  const bos = { type: 'bos', value: '', output: opts.prepend || '' };
  const tokens = [bos];

  const capture = opts.capture ? '' : '?:';

  // create constants based on platform, for windows or posix
  const PLATFORM_CHARS = constants.globChars(opts.windows);
  const EXTGLOB_CHARS = constants.extglobChars(PLATFORM_CHARS);

  const {
    DOT_LITERAL,
    PLUS_LITERAL,
    SLASH_LITERAL,
    ONE_CHAR,
    DOTS_SLASH,
    NO_DOT,
    NO_DOT_SLASH,
    NO_DOTS_SLASH,
    QMARK,
    QMARK_NO_DOT,
    STAR,
    START_ANCHOR
  } = PLATFORM_CHARS;

  const globstar = opts => {
    return `(${capture}(?:(?!${START_ANCHOR}${opts.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
  };

  const nodot = opts.dot ? '' : NO_DOT;
  const qmarkNoDot = opts.dot ? QMARK : QMARK_NO_DOT;
  let star = opts.bash === true ? globstar(opts) : STAR;

  if (opts.capture) {
    star = `(${star})`;
  }

  // minimatch options support
  if (typeof opts.noext === 'boolean') {
    opts.noextglob = opts.noext;
  }

  const state = {
    input,
    index: -1,
    start: 0,
    dot: opts.dot === true,
    consumed: '',
    output: '',
    prefix: '',
    backtrack: false,
    negated: false,
    brackets: 0,
    braces: 0,
    parens: 0,
    quotes: 0,
    globstar: false,
    tokens
  };

  input = utils.removePrefix(input, state);
  len = input.length;

  const extglobs = [];
  const braces = [];
  const stack = [];
  let prev = bos;
  let value;

  /**
   * Tokenizing helpers
   */

  const eos = () => state.index === len - 1;
  const peek = state.peek = (n = 1) => input[state.index + n];
  const advance = state.advance = () => input[++state.index] || '';
  const remaining = () => input.slice(state.index + 1);
  const consume = (value = '', num = 0) => {
    state.consumed += value;
    state.index += num;
  };

  const append = token => {
    state.output += token.output != null ? token.output : token.value;
    consume(token.value);
  };

  const negate = () => {
    let count = 1;

    while (peek() === '!' && (peek(2) !== '(' || peek(3) === '?')) {
      advance();
      state.start++;
      count++;
    }

    if (count % 2 === 0) {
      return false;
    }

    state.negated = true;
    state.start++;
    return true;
  };

  const increment = type => {
    state[type]++;
    stack.push(type);
  };

  const decrement = type => {
    state[type]--;
    stack.pop();
  };

  /**
   * Push tokens onto the tokens array. This helper speeds up
   * tokenizing by 1) helping us avoid backtracking as much as possible,
   * and 2) helping us avoid creating extra tokens when consecutive
   * characters are plain text. This improves performance and simplifies
   * lookbehinds.
   */

  const push = tok => {
    if (prev.type === 'globstar') {
      const isBrace = state.braces > 0 && (tok.type === 'comma' || tok.type === 'brace');
      const isExtglob = tok.extglob === true || (extglobs.length && (tok.type === 'pipe' || tok.type === 'paren'));

      if (tok.type !== 'slash' && tok.type !== 'paren' && !isBrace && !isExtglob) {
        state.output = state.output.slice(0, -prev.output.length);
        prev.type = 'star';
        prev.value = '*';
        prev.output = star;
        state.output += prev.output;
      }
    }

    if (extglobs.length && tok.type !== 'paren') {
      extglobs[extglobs.length - 1].inner += tok.value;
    }

    if (tok.value || tok.output) append(tok);
    if (prev && prev.type === 'text' && tok.type === 'text') {
      prev.output = (prev.output || prev.value) + tok.value;
      prev.value += tok.value;
      return;
    }

    tok.prev = prev;
    tokens.push(tok);
    prev = tok;
  };

  const extglobOpen = (type, value) => {
    const token = { ...EXTGLOB_CHARS[value], conditions: 1, inner: '' };

    token.prev = prev;
    token.parens = state.parens;
    token.output = state.output;
    token.startIndex = state.index;
    token.tokensIndex = tokens.length;
    const output = (opts.capture ? '(' : '') + token.open;

    increment('parens');
    push({ type, value, output: state.output ? '' : ONE_CHAR });
    push({ type: 'paren', extglob: true, value: advance(), output });
    extglobs.push(token);
  };

  const extglobClose = token => {
    const literal = input.slice(token.startIndex, state.index + 1);
    const body = input.slice(token.startIndex + 2, state.index);
    const analysis = analyzeRepeatedExtglob(body, opts);

    if ((token.type === 'plus' || token.type === 'star') && analysis.risky) {
      const safeOutput = analysis.safeOutput
        ? (token.output ? '' : ONE_CHAR) + (opts.capture ? `(${analysis.safeOutput})` : analysis.safeOutput)
        : undefined;
      const open = tokens[token.tokensIndex];

      open.type = 'text';
      open.value = literal;
      open.output = safeOutput || utils.escapeRegex(literal);

      for (let i = token.tokensIndex + 1; i < tokens.length; i++) {
        tokens[i].value = '';
        tokens[i].output = '';
        delete tokens[i].suffix;
      }

      state.output = token.output + open.output;
      state.backtrack = true;

      push({ type: 'paren', extglob: true, value, output: '' });
      decrement('parens');
      return;
    }

    let output = token.close + (opts.capture ? ')' : '');
    let rest;

    if (token.type === 'negate') {
      let extglobStar = star;

      if (token.inner && token.inner.length > 1 && token.inner.includes('/')) {
        extglobStar = globstar(opts);
      }

      if (extglobStar !== star || eos() || /^\)+$/.test(remaining())) {
        output = token.close = `)$))${extglobStar}`;
      }

      if (token.inner.includes('*') && (rest = remaining()) && /^\.[^\\/.]+$/.test(rest)) {
        // Any non-magical string (`.ts`) or even nested expression (`.{ts,tsx}`) can follow after the closing parenthesis.
        // In this case, we need to parse the string and use it in the output of the original pattern.
        // Suitable patterns: `/!(*.d).ts`, `/!(*.d).{ts,tsx}`, `**/!(*-dbg).@(js)`.
        //
        // Disabling the `fastpaths` option due to a problem with parsing strings as `.ts` in the pattern like `**/!(*.d).ts`.
        const expression = parse(rest, { ...options, fastpaths: false }).output;

        output = token.close = `)${expression})${extglobStar})`;
      }

      if (token.prev.type === 'bos') {
        state.negatedExtglob = true;
      }
    }

    push({ type: 'paren', extglob: true, value, output });
    decrement('parens');
  };

  /**
   * Fast paths
   */

  if (opts.fastpaths !== false && !/(^[*!]|[/()[\]{}"])/.test(input)) {
    let backslashes = false;

    let output = input.replace(REGEX_SPECIAL_CHARS_BACKREF, (m, esc, chars, first, rest, index) => {
      if (first === '\\') {
        backslashes = true;
        return m;
      }

      if (first === '?') {
        if (esc) {
          return esc + first + (rest ? QMARK.repeat(rest.length) : '');
        }
        if (index === 0) {
          return qmarkNoDot + (rest ? QMARK.repeat(rest.length) : '');
        }
        return QMARK.repeat(chars.length);
      }

      if (first === '.') {
        return DOT_LITERAL.repeat(chars.length);
      }

      if (first === '*') {
        if (esc) {
          return esc + first + (rest ? star : '');
        }
        return star;
      }
      return esc ? m : `\\${m}`;
    });

    if (backslashes === true) {
      if (opts.unescape === true) {
        output = output.replace(/\\/g, '');
      } else {
        output = output.replace(/\\+/g, m => {
          return m.length % 2 === 0 ? '\\\\' : (m ? '\\' : '');
        });
      }
    }

    if (output === input && opts.contains === true) {
      state.output = input;
      return state;
    }

    state.output = utils.wrapOutput(output, state, options);
    return state;
  }

  /**
   * Tokenize input until we reach end-of-string
   */

  while (!eos()) {
    value = advance();

    if (value === '\u0000') {
      continue;
    }

    /**
     * Escaped characters
     */

    if (value === '\\') {
      const next = peek();

      if (next === '/' && opts.bash !== true) {
        continue;
      }

      if (next === '.' || next === ';') {
        continue;
      }

      if (!next) {
        value += '\\';
        push({ type: 'text', value });
        continue;
      }

      // collapse slashes to reduce potential for exploits
      const match = /^\\+/.exec(remaining());
      let slashes = 0;

      if (match && match[0].length > 2) {
        slashes = match[0].length;
        state.index += slashes;
        if (slashes % 2 !== 0) {
          value += '\\';
        }
      }

      if (opts.unescape === true) {
        value = advance();
      } else {
        value += advance();
      }

      if (state.brackets === 0) {
        push({ type: 'text', value });
        continue;
      }
    }

    /**
     * If we're inside a regex character class, continue
     * until we reach the closing bracket.
     */

    if (state.brackets > 0 && (value !== ']' || prev.value === '[' || prev.value === '[^')) {
      if (opts.posix !== false && value === ':') {
        const inner = prev.value.slice(1);
        if (inner.includes('[')) {
          prev.posix = true;

          if (inner.includes(':')) {
            const idx = prev.value.lastIndexOf('[');
            const pre = prev.value.slice(0, idx);
            const rest = prev.value.slice(idx + 2);
            const posix = POSIX_REGEX_SOURCE[rest];
            if (posix) {
              prev.value = pre + posix;
              state.backtrack = true;
              advance();

              if (!bos.output && tokens.indexOf(prev) === 1) {
                bos.output = ONE_CHAR;
              }
              continue;
            }
          }
        }
      }

      if ((value === '[' && peek() !== ':') || (value === '-' && peek() === ']')) {
        value = `\\${value}`;
      }

      if (value === ']' && (prev.value === '[' || prev.value === '[^')) {
        value = `\\${value}`;
      }

      if (opts.posix === true && value === '!' && prev.value === '[') {
        value = '^';
      }

      prev.value += value;
      append({ value });
      continue;
    }

    /**
     * If we're inside a quoted string, continue
     * until we reach the closing double quote.
     */

    if (state.quotes === 1 && value !== '"') {
      value = utils.escapeRegex(value);
      prev.value += value;
      append({ value });
      continue;
    }

    /**
     * Double quotes
     */

    if (value === '"') {
      state.quotes = state.quotes === 1 ? 0 : 1;
      if (opts.keepQuotes === true) {
        push({ type: 'text', value });
      }
      continue;
    }

    /**
     * Parentheses
     */

    if (value === '(') {
      increment('parens');
      push({ type: 'paren', value });
      continue;
    }

    if (value === ')') {
      if (state.parens === 0 && opts.strictBrackets === true) {
        throw new SyntaxError(syntaxError('opening', '('));
      }

      const extglob = extglobs[extglobs.length - 1];
      if (extglob && state.parens === extglob.parens + 1) {
        extglobClose(extglobs.pop());
        continue;
      }

      push({ type: 'paren', value, output: state.parens ? ')' : '\\)' });
      decrement('parens');
      continue;
    }

    /**
     * Square brackets
     */

    if (value === '[') {
      if (opts.nobracket === true || !remaining().includes(']')) {
        if (opts.nobracket !== true && opts.strictBrackets === true) {
          throw new SyntaxError(syntaxError('closing', ']'));
        }

        value = `\\${value}`;
      } else {
        increment('brackets');
      }

      push({ type: 'bracket', value });
      continue;
    }

    if (value === ']') {
      if (opts.nobracket === true || (prev && prev.type === 'bracket' && prev.value.length === 1)) {
        push({ type: 'text', value, output: `\\${value}` });
        continue;
      }

      if (state.brackets === 0) {
        if (opts.strictBrackets === true) {
          throw new SyntaxError(syntaxError('opening', '['));
        }

        push({ type: 'text', value, output: `\\${value}` });
        continue;
      }

      decrement('brackets');

      const prevValue = prev.value.slice(1);
      if (prev.posix !== true && prevValue[0] === '^' && !prevValue.includes('/')) {
        value = `/${value}`;
      }

      prev.value += value;
      append({ value });

      // when literal brackets are explicitly disabled
      // assume we should match with a regex character class
      if (opts.literalBrackets === false || utils.hasRegexChars(prevValue)) {
        continue;
      }

      const escaped = utils.escapeRegex(prev.value);
      state.output = state.output.slice(0, -prev.value.length);

      // when literal brackets are explicitly enabled
      // assume we should escape the brackets to match literal characters
      if (opts.literalBrackets === true) {
        state.output += escaped;
        prev.value = escaped;
        continue;
      }

      // when the user specifies nothing, try to match both
      prev.value = `(${capture}${escaped}|${prev.value})`;
      state.output += prev.value;
      continue;
    }

    /**
     * Braces
     */

    if (value === '{' && opts.nobrace !== true) {
      increment('braces');

      const open = {
        type: 'brace',
        value,
        output: '(',
        outputIndex: state.output.length,
        tokensIndex: state.tokens.length
      };

      braces.push(open);
      push(open);
      continue;
    }

    if (value === '}') {
      const brace = braces[braces.length - 1];

      if (opts.nobrace === true || !brace) {
        push({ type: 'text', value, output: value });
        continue;
      }

      let output = ')';

      if (brace.dots === true) {
        const arr = tokens.slice();
        const range = [];

        for (let i = arr.length - 1; i >= 0; i--) {
          tokens.pop();
          if (arr[i].type === 'brace') {
            break;
          }
          if (arr[i].type !== 'dots') {
            range.unshift(arr[i].value);
          }
        }

        output = expandRange(range, opts);
        state.backtrack = true;
      }

      if (brace.comma !== true && brace.dots !== true) {
        const out = state.output.slice(0, brace.outputIndex);
        const toks = state.tokens.slice(brace.tokensIndex);
        brace.value = brace.output = '\\{';
        value = output = '\\}';
        state.output = out;
        for (const t of toks) {
          state.output += (t.output || t.value);
        }
      }

      push({ type: 'brace', value, output });
      decrement('braces');
      braces.pop();
      continue;
    }

    /**
     * Pipes
     */

    if (value === '|') {
      if (extglobs.length > 0) {
        extglobs[extglobs.length - 1].conditions++;
      }
      push({ type: 'text', value });
      continue;
    }

    /**
     * Commas
     */

    if (value === ',') {
      let output = value;

      const brace = braces[braces.length - 1];
      if (brace && stack[stack.length - 1] === 'braces') {
        brace.comma = true;
        output = '|';
      }

      push({ type: 'comma', value, output });
      continue;
    }

    /**
     * Slashes
     */

    if (value === '/') {
      // if the beginning of the glob is "./", advance the start
      // to the current index, and don't add the "./" characters
      // to the state. This greatly simplifies lookbehinds when
      // checking for BOS characters like "!" and "." (not "./")
      if (prev.type === 'dot' && state.index === state.start + 1) {
        state.start = state.index + 1;
        state.consumed = '';
        state.output = '';
        tokens.pop();
        prev = bos; // reset "prev" to the first token
        continue;
      }

      push({ type: 'slash', value, output: SLASH_LITERAL });
      continue;
    }

    /**
     * Dots
     */

    if (value === '.') {
      if (state.braces > 0 && prev.type === 'dot') {
        if (prev.value === '.') prev.output = DOT_LITERAL;
        const brace = braces[braces.length - 1];
        prev.type = 'dots';
        prev.output += value;
        prev.value += value;
        brace.dots = true;
        continue;
      }

      if ((state.braces + state.parens) === 0 && prev.type !== 'bos' && prev.type !== 'slash') {
        push({ type: 'text', value, output: DOT_LITERAL });
        continue;
      }

      push({ type: 'dot', value, output: DOT_LITERAL });
      continue;
    }

    /**
     * Question marks
     */

    if (value === '?') {
      const isGroup = prev && prev.value === '(';
      if (!isGroup && opts.noextglob !== true && peek() === '(' && peek(2) !== '?') {
        extglobOpen('qmark', value);
        continue;
      }

      if (prev && prev.type === 'paren') {
        const next = peek();
        let output = value;

        if ((prev.value === '(' && !/[!=<:]/.test(next)) || (next === '<' && !/<([!=]|\w+>)/.test(remaining()))) {
          output = `\\${value}`;
        }

        push({ type: 'text', value, output });
        continue;
      }

      if (opts.dot !== true && (prev.type === 'slash' || prev.type === 'bos')) {
        push({ type: 'qmark', value, output: QMARK_NO_DOT });
        continue;
      }

      push({ type: 'qmark', value, output: QMARK });
      continue;
    }

    /**
     * Exclamation
     */

    if (value === '!') {
      if (opts.noextglob !== true && peek() === '(') {
        if (peek(2) !== '?' || !/[!=<:]/.test(peek(3))) {
          extglobOpen('negate', value);
          continue;
        }
      }

      if (opts.nonegate !== true && state.index === 0) {
        negate();
        continue;
      }
    }

    /**
     * Plus
     */

    if (value === '+') {
      if (opts.noextglob !== true && peek() === '(' && peek(2) !== '?') {
        extglobOpen('plus', value);
        continue;
      }

      if ((prev && prev.value === '(') || opts.regex === false) {
        push({ type: 'plus', value, output: PLUS_LITERAL });
        continue;
      }

      if ((prev && (prev.type === 'bracket' || prev.type === 'paren' || prev.type === 'brace')) || state.parens > 0) {
        push({ type: 'plus', value });
        continue;
      }

      push({ type: 'plus', value: PLUS_LITERAL });
      continue;
    }

    /**
     * Plain text
     */

    if (value === '@') {
      if (opts.noextglob !== true && peek() === '(' && peek(2) !== '?') {
        push({ type: 'at', extglob: true, value, output: '' });
        continue;
      }

      push({ type: 'text', value });
      continue;
    }

    /**
     * Plain text
     */

    if (value !== '*') {
      if (value === '$' || value === '^') {
        value = `\\${value}`;
      }

      const match = REGEX_NON_SPECIAL_CHARS.exec(remaining());
      if (match) {
        value += match[0];
        state.index += match[0].length;
      }

      push({ type: 'text', value });
      continue;
    }

    /**
     * Stars
     */

    if (prev && (prev.type === 'globstar' || prev.star === true)) {
      prev.type = 'star';
      prev.star = true;
      prev.value += value;
      prev.output = star;
      state.backtrack = true;
      state.globstar = true;
      consume(value);
      continue;
    }

    let rest = remaining();
    if (opts.noextglob !== true && /^\([^?]/.test(rest)) {
      extglobOpen('star', value);
      continue;
    }

    if (prev.type === 'star') {
      if (opts.noglobstar === true) {
        consume(value);
        continue;
      }

      const prior = prev.prev;
      const before = prior.prev;
      const isStart = prior.type === 'slash' || prior.type === 'bos';
      const afterStar = before && (before.type === 'star' || before.type === 'globstar');

      if (opts.bash === true && (!isStart || (rest[0] && rest[0] !== '/'))) {
        push({ type: 'star', value, output: '' });
        continue;
      }

      const isBrace = state.braces > 0 && (prior.type === 'comma' || prior.type === 'brace');
      const isExtglob = extglobs.length && (prior.type === 'pipe' || prior.type === 'paren');
      if (!isStart && prior.type !== 'paren' && !isBrace && !isExtglob) {
        push({ type: 'star', value, output: '' });
        continue;
      }

      // strip consecutive `/**/`
      while (rest.slice(0, 3) === '/**') {
        const after = input[state.index + 4];
        if (after && after !== '/') {
          break;
        }
        rest = rest.slice(3);
        consume('/**', 3);
      }

      // A globstar followed only by balanced closing parens is at the logical end of patterns like
      // `test(/utils/**)` and `test?(/utils/**)`. Treat it as EOS so the trailing `/**` can match its
      // parent path, except in negated extglobs where that would change the exclusion semantics.
      const isEnd = eos() || (
        state.parens > 0
        && rest === ')'.repeat(state.parens)
        && !extglobs.some(extglob => extglob.type === 'negate')
      );

      if (prior.type === 'bos' && eos()) {
        prev.type = 'globstar';
        prev.value += value;
        prev.output = globstar(opts);
        state.output = prev.output;
        state.globstar = true;
        consume(value);
        continue;
      }

      if (prior.type === 'slash' && prior.prev.type !== 'bos' && !afterStar && isEnd) {
        state.output = state.output.slice(0, -(prior.output + prev.output).length);
        prior.output = `(?:${prior.output}`;

        prev.type = 'globstar';
        prev.output = globstar(opts) + (opts.strictSlashes ? ')' : '|$)');
        prev.value += value;
        state.globstar = true;
        state.output += prior.output + prev.output;
        consume(value);
        continue;
      }

      if (prior.type === 'slash' && prior.prev.type !== 'bos' && rest[0] === '/') {
        const end = rest[1] !== void 0 ? '|$' : '';

        state.output = state.output.slice(0, -(prior.output + prev.output).length);
        prior.output = `(?:${prior.output}`;

        prev.type = 'globstar';
        prev.output = `${globstar(opts)}${SLASH_LITERAL}|${SLASH_LITERAL}${end})`;
        prev.value += value;

        state.output += prior.output + prev.output;
        state.globstar = true;

        consume(value + advance());

        push({ type: 'slash', value: '/', output: '' });
        continue;
      }

      if (prior.type === 'bos' && rest[0] === '/') {
        prev.type = 'globstar';
        prev.value += value;
        prev.output = `(?:^|${SLASH_LITERAL}|${globstar(opts)}${SLASH_LITERAL})`;
        state.output = prev.output;
        state.globstar = true;
        consume(value + advance());
        push({ type: 'slash', value: '/', output: '' });
        continue;
      }

      // remove single star from output
      state.output = state.output.slice(0, -prev.output.length);

      // reset previous token to globstar
      prev.type = 'globstar';
      prev.output = globstar(opts);
      prev.value += value;

      // reset output with globstar
      state.output += prev.output;
      state.globstar = true;
      consume(value);
      continue;
    }

    const token = { type: 'star', value, output: star };

    if (opts.bash === true) {
      token.output = '.*?';
      if (prev.type === 'bos' || prev.type === 'slash') {
        token.output = nodot + token.output;
      }
      push(token);
      continue;
    }

    if (prev && (prev.type === 'bracket' || prev.type === 'paren') && opts.regex === true) {
      token.output = value;
      push(token);
      continue;
    }

    if (state.index === state.start || prev.type === 'slash' || prev.type === 'dot') {
      if (prev.type === 'dot') {
        state.output += NO_DOT_SLASH;
        prev.output += NO_DOT_SLASH;

      } else if (opts.dot === true) {
        state.output += NO_DOTS_SLASH;
        prev.output += NO_DOTS_SLASH;

      } else {
        state.output += nodot;
        prev.output += nodot;
      }

      if (peek() !== '*') {
        state.output += ONE_CHAR;
        prev.output += ONE_CHAR;
      }
    }

    push(token);
  }

  while (state.brackets > 0) {
    if (opts.strictBrackets === true) throw new SyntaxError(syntaxError('closing', ']'));
    state.output = utils.escapeLast(state.output, '[');
    decrement('brackets');
  }

  while (state.parens > 0) {
    if (opts.strictBrackets === true) throw new SyntaxError(syntaxError('closing', ')'));
    state.output = utils.escapeLast(state.output, '(');
    decrement('parens');
  }

  while (state.braces > 0) {
    if (opts.strictBrackets === true) throw new SyntaxError(syntaxError('closing', '}'));
    state.output = utils.escapeLast(state.output, '{');
    decrement('braces');
  }

  if (opts.strictSlashes !== true && (prev.type === 'star' || prev.type === 'bracket')) {
    push({ type: 'maybe_slash', value: '', output: `${SLASH_LITERAL}?` });
  }

  // rebuild the output if we had to backtrack at any point
  if (state.backtrack === true) {
    state.output = '';

    for (const token of state.tokens) {
      state.output += token.output != null ? token.output : token.value;

      if (token.suffix) {
        state.output += token.suffix;
      }
    }
  }

  return state;
};

/**
 * Fast paths for creating regular expressions for common glob patterns.
 * This can significantly speed up processing and has very little downside
 * impact when none of the fast paths match.
 */

parse.fastpaths = (input, options) => {
  const opts = { ...options };
  const max = typeof opts.maxLength === 'number' ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;
  const len = input.length;
  if (len > max) {
    throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
  }

  input = REPLACEMENTS[input] || input;

  // create constants based on platform, for windows or posix
  const {
    DOT_LITERAL,
    SLASH_LITERAL,
    ONE_CHAR,
    DOTS_SLASH,
    NO_DOT,
    NO_DOTS,
    NO_DOTS_SLASH,
    STAR,
    START_ANCHOR
  } = constants.globChars(opts.windows);

  const nodot = opts.dot ? NO_DOTS : NO_DOT;
  const slashDot = opts.dot ? NO_DOTS_SLASH : NO_DOT;
  const capture = opts.capture ? '' : '?:';
  const state = { negated: false, prefix: '' };
  let star = opts.bash === true ? '.*?' : STAR;

  if (opts.capture) {
    star = `(${star})`;
  }

  const globstar = opts => {
    if (opts.noglobstar === true) return star;
    return `(${capture}(?:(?!${START_ANCHOR}${opts.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
  };

  const create = str => {
    switch (str) {
      case '*':
        return `${nodot}${ONE_CHAR}${star}`;

      case '.*':
        return `${DOT_LITERAL}${ONE_CHAR}${star}`;

      case '*.*':
        return `${nodot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;

      case '*/*':
        return `${nodot}${star}${SLASH_LITERAL}${ONE_CHAR}${slashDot}${star}`;

      case '**':
        return nodot + globstar(opts);

      case '**/*':
        return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${ONE_CHAR}${star}`;

      case '**/*.*':
        return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;

      case '**/.*':
        return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${DOT_LITERAL}${ONE_CHAR}${star}`;

      default: {
        const match = /^(.*?)\.(\w+)$/.exec(str);
        if (!match) return;

        const source = create(match[1]);
        if (!source) return;

        return source + DOT_LITERAL + match[2];
      }
    }
  };

  const output = utils.removePrefix(input, state);
  let source = create(output);

  if (source && opts.strictSlashes !== true) {
    source += `${SLASH_LITERAL}?`;
  }

  return source;
};

module.exports = parse;


/***/ }),

/***/ 16:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const scan = __nccwpck_require__(781);
const parse = __nccwpck_require__(265);
const utils = __nccwpck_require__(59);
const constants = __nccwpck_require__(595);
const isObject = val => val && typeof val === 'object' && !Array.isArray(val);

/**
 * Creates a matcher function from one or more glob patterns. The
 * returned function takes a string to match as its first argument,
 * and returns true if the string is a match. The returned matcher
 * function also takes a boolean as the second argument that, when true,
 * returns an object with additional information.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch(glob[, options]);
 *
 * const isMatch = picomatch('*.!(*a)');
 * console.log(isMatch('a.a')); //=> false
 * console.log(isMatch('a.b')); //=> true
 *
 * // For environments without `node.js`, `picomatch/posix` provides you a dependency-free matcher, without automatic OS detection.
 * const picomatch = require('picomatch/posix');
 * // the same API, defaulting to posix paths
 * const isMatch = picomatch('a/*');
 * console.log(isMatch('a\\b')); //=> false
 * console.log(isMatch('a/b')); //=> true
 *
 * // you can still configure the matcher function to accept windows paths
 * const isMatch = picomatch('a/*', { options: windows });
 * console.log(isMatch('a\\b')); //=> true
 * console.log(isMatch('a/b')); //=> true
 * ```
 * @name picomatch
 * @param {String|Array} `globs` One or more glob patterns.
 * @param {Object=} `options`
 * @return {Function=} Returns a matcher function.
 * @api public
 */

const picomatch = (glob, options, returnState = false) => {
  if (Array.isArray(glob)) {
    const fns = glob.map(input => picomatch(input, options, returnState));
    const arrayMatcher = str => {
      for (const isMatch of fns) {
        const state = isMatch(str);
        if (state) return state;
      }
      return false;
    };
    return arrayMatcher;
  }

  const isState = isObject(glob) && glob.tokens && glob.input;

  if (glob === '' || (typeof glob !== 'string' && !isState)) {
    throw new TypeError('Expected pattern to be a non-empty string');
  }

  const opts = options || {};
  const posix = opts.windows;
  const regex = isState
    ? picomatch.compileRe(glob, options)
    : picomatch.makeRe(glob, options, false, true);

  const state = regex.state;
  delete regex.state;

  let isIgnored = () => false;
  if (opts.ignore) {
    const ignoreOpts = { ...options, ignore: null, onMatch: null, onResult: null };
    isIgnored = picomatch(opts.ignore, ignoreOpts, returnState);
  }

  const matcher = (input, returnObject = false) => {
    const { isMatch, match, output } = picomatch.test(input, regex, options, { glob, posix });
    const result = { glob, state, regex, posix, input, output, match, isMatch };

    if (typeof opts.onResult === 'function') {
      opts.onResult(result);
    }

    if (isMatch === false) {
      result.isMatch = false;
      return returnObject ? result : false;
    }

    if (isIgnored(input)) {
      if (typeof opts.onIgnore === 'function') {
        opts.onIgnore(result);
      }
      result.isMatch = false;
      return returnObject ? result : false;
    }

    if (typeof opts.onMatch === 'function') {
      opts.onMatch(result);
    }
    return returnObject ? result : true;
  };

  if (returnState) {
    matcher.state = state;
  }

  return matcher;
};

/**
 * Test `input` with the given `regex`. This is used by the main
 * `picomatch()` function to test the input string.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.test(input, regex[, options]);
 *
 * console.log(picomatch.test('foo/bar', /^(?:([^/]*?)\/([^/]*?))$/));
 * // { isMatch: true, match: [ 'foo/', 'foo', 'bar' ], output: 'foo/bar' }
 * ```
 * @param {String} `input` String to test.
 * @param {RegExp} `regex`
 * @return {Object} Returns an object with matching info.
 * @api public
 */

picomatch.test = (input, regex, options, { glob, posix } = {}) => {
  if (typeof input !== 'string') {
    throw new TypeError('Expected input to be a string');
  }

  if (input === '') {
    return { isMatch: false, output: '' };
  }

  const opts = options || {};
  const format = opts.format || (posix ? utils.toPosixSlashes : null);
  let match = input === glob;
  let output = (match && format) ? format(input) : input;

  if (match === false) {
    output = format ? format(input) : input;
    match = output === glob;
  }

  if (match === false || opts.capture === true) {
    if (opts.matchBase === true || opts.basename === true) {
      match = picomatch.matchBase(input, regex, options, posix);
    } else {
      match = regex.exec(output);
    }
  }

  return { isMatch: Boolean(match), match, output };
};

/**
 * Match the basename of a filepath.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.matchBase(input, glob[, options]);
 * console.log(picomatch.matchBase('foo/bar.js', '*.js'); // true
 * ```
 * @param {String} `input` String to test.
 * @param {RegExp|String} `glob` Glob pattern or regex created by [.makeRe](#makeRe).
 * @return {Boolean}
 * @api public
 */

picomatch.matchBase = (input, glob, options, posix = options && options.windows) => {
  const regex = glob instanceof RegExp ? glob : picomatch.makeRe(glob, options);
  return regex.test(utils.basename(input, { windows: posix }));
};

/**
 * Returns true if **any** of the given glob `patterns` match the specified `string`.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.isMatch(string, patterns[, options]);
 *
 * console.log(picomatch.isMatch('a.a', ['b.*', '*.a'])); //=> true
 * console.log(picomatch.isMatch('a.a', 'b.*')); //=> false
 * ```
 * @param {String|Array} str The string to test.
 * @param {String|Array} patterns One or more glob patterns to use for matching.
 * @param {Object} [options] See available [options](#options).
 * @return {Boolean} Returns true if any patterns match `str`
 * @api public
 */

picomatch.isMatch = (str, patterns, options) => picomatch(patterns, options)(str);

/**
 * Parse a glob pattern to create the source string for a regular
 * expression.
 *
 * ```js
 * const picomatch = require('picomatch');
 * const result = picomatch.parse(pattern[, options]);
 * ```
 * @param {String} `pattern`
 * @param {Object} `options`
 * @return {Object} Returns an object with useful properties and output to be used as a regex source string.
 * @api public
 */

picomatch.parse = (pattern, options) => {
  if (Array.isArray(pattern)) return pattern.map(p => picomatch.parse(p, options));
  return parse(pattern, { ...options, fastpaths: false });
};

/**
 * Scan a glob pattern to separate the pattern into segments.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.scan(input[, options]);
 *
 * const result = picomatch.scan('!./foo/*.js');
 * console.log(result);
 * { prefix: '!./',
 *   input: '!./foo/*.js',
 *   start: 3,
 *   base: 'foo',
 *   glob: '*.js',
 *   isBrace: false,
 *   isBracket: false,
 *   isGlob: true,
 *   isExtglob: false,
 *   isGlobstar: false,
 *   negated: true }
 * ```
 * @param {String} `input` Glob pattern to scan.
 * @param {Object} `options`
 * @return {Object} Returns an object with
 * @api public
 */

picomatch.scan = (input, options) => scan(input, options);

/**
 * Compile a regular expression from the `state` object returned by the
 * [parse()](#parse) method.
 *
 * ```js
 * const picomatch = require('picomatch');
 * const state = picomatch.parse('*.js');
 * // picomatch.compileRe(state[, options]);
 *
 * console.log(picomatch.compileRe(state));
 * //=> /^(?:(?!\.)(?=.)[^/]*?\.js)$/
 * ```
 * @param {Object} `state`
 * @param {Object} `options`
 * @param {Boolean} `returnOutput` Intended for implementors, this argument allows you to return the raw output from the parser.
 * @param {Boolean} `returnState` Adds the state to a `state` property on the returned regex. Useful for implementors and debugging.
 * @return {RegExp}
 * @api public
 */

picomatch.compileRe = (state, options, returnOutput = false, returnState = false) => {
  if (returnOutput === true) {
    return state.output;
  }

  const opts = options || {};
  const prepend = opts.contains ? '' : '^';
  const append = opts.contains ? '' : '$';

  let source = `${prepend}(?:${state.output})${append}`;
  if (state && state.negated === true) {
    source = `^(?!${source}).*$`;
  }

  const regex = picomatch.toRegex(source, options);
  if (returnState === true) {
    regex.state = state;
  }

  return regex;
};

/**
 * Create a regular expression from a parsed glob pattern.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.makeRe(state[, options]);
 *
 * const result = picomatch.makeRe('*.js');
 * console.log(result);
 * //=> /^(?:(?!\.)(?=.)[^/]*?\.js)$/
 * ```
 * @param {String} `state` The object returned from the `.parse` method.
 * @param {Object} `options`
 * @param {Boolean} `returnOutput` Implementors may use this argument to return the compiled output, instead of a regular expression. This is not exposed on the options to prevent end-users from mutating the result.
 * @param {Boolean} `returnState` Implementors may use this argument to return the state from the parsed glob with the returned regular expression.
 * @return {RegExp} Returns a regex created from the given pattern.
 * @api public
 */

picomatch.makeRe = (input, options = {}, returnOutput = false, returnState = false) => {
  if (!input || typeof input !== 'string') {
    throw new TypeError('Expected a non-empty string');
  }

  let parsed = { negated: false, fastpaths: true };

  if (options.fastpaths !== false && (input[0] === '.' || input[0] === '*')) {
    parsed.output = parse.fastpaths(input, options);
  }

  if (!parsed.output) {
    parsed = parse(input, options);
  }

  return picomatch.compileRe(parsed, options, returnOutput, returnState);
};

/**
 * Create a regular expression from the given regex source string.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.toRegex(source[, options]);
 *
 * const { output } = picomatch.parse('*.js');
 * console.log(picomatch.toRegex(output));
 * //=> /^(?:(?!\.)(?=.)[^/]*?\.js)$/
 * ```
 * @param {String} `source` Regular expression source string.
 * @param {Object} `options`
 * @return {RegExp}
 * @api public
 */

picomatch.toRegex = (source, options) => {
  try {
    const opts = options || {};
    return new RegExp(source, opts.flags || (opts.nocase ? 'i' : ''));
  } catch (err) {
    if (options && options.debug === true) throw err;
    return /$^/;
  }
};

/**
 * Picomatch constants.
 * @return {Object}
 */

picomatch.constants = constants;

/**
 * Expose "picomatch"
 */

module.exports = picomatch;


/***/ }),

/***/ 781:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const utils = __nccwpck_require__(59);
const {
  CHAR_ASTERISK,             /* * */
  CHAR_AT,                   /* @ */
  CHAR_BACKWARD_SLASH,       /* \ */
  CHAR_COMMA,                /* , */
  CHAR_DOT,                  /* . */
  CHAR_EXCLAMATION_MARK,     /* ! */
  CHAR_FORWARD_SLASH,        /* / */
  CHAR_LEFT_CURLY_BRACE,     /* { */
  CHAR_LEFT_PARENTHESES,     /* ( */
  CHAR_LEFT_SQUARE_BRACKET,  /* [ */
  CHAR_PLUS,                 /* + */
  CHAR_QUESTION_MARK,        /* ? */
  CHAR_RIGHT_CURLY_BRACE,    /* } */
  CHAR_RIGHT_PARENTHESES,    /* ) */
  CHAR_RIGHT_SQUARE_BRACKET  /* ] */
} = __nccwpck_require__(595);

const isPathSeparator = code => {
  return code === CHAR_FORWARD_SLASH || code === CHAR_BACKWARD_SLASH;
};

const depth = token => {
  if (token.isPrefix !== true) {
    token.depth = token.isGlobstar ? Infinity : 1;
  }
};

/**
 * Quickly scans a glob pattern and returns an object with a handful of
 * useful properties, like `isGlob`, `path` (the leading non-glob, if it exists),
 * `glob` (the actual pattern), `negated` (true if the path starts with `!` but not
 * with `!(`) and `negatedExtglob` (true if the path starts with `!(`).
 *
 * ```js
 * const pm = require('picomatch');
 * console.log(pm.scan('foo/bar/*.js'));
 * { isGlob: true, input: 'foo/bar/*.js', base: 'foo/bar', glob: '*.js' }
 * ```
 * @param {String} `str`
 * @param {Object} `options`
 * @return {Object} Returns an object with tokens and regex source string.
 * @api public
 */

const scan = (input, options) => {
  const opts = options || {};

  const length = input.length - 1;
  const scanToEnd = opts.parts === true || opts.tokens === true || opts.scanToEnd === true;
  const slashes = [];
  const tokens = [];
  const parts = [];

  let str = input;
  let index = -1;
  let start = 0;
  let lastIndex = 0;
  let isBrace = false;
  let isBracket = false;
  let isGlob = false;
  let isExtglob = false;
  let isGlobstar = false;
  let braceEscaped = false;
  let backslashes = false;
  let negated = false;
  let negatedExtglob = false;
  let finished = false;
  let braces = 0;
  let prev;
  let code;
  let token = { value: '', depth: 0, isGlob: false };

  const eos = () => index >= length;
  const peek = () => str.charCodeAt(index + 1);
  const advance = () => {
    prev = code;
    return str.charCodeAt(++index);
  };

  while (index < length) {
    code = advance();
    let next;

    if (code === CHAR_BACKWARD_SLASH) {
      backslashes = token.backslashes = true;
      code = advance();

      if (code === CHAR_LEFT_CURLY_BRACE) {
        braceEscaped = true;
      }
      continue;
    }

    if (braceEscaped === true || code === CHAR_LEFT_CURLY_BRACE) {
      braces++;

      while (eos() !== true && (code = advance())) {
        if (code === CHAR_BACKWARD_SLASH) {
          backslashes = token.backslashes = true;
          advance();
          continue;
        }

        if (code === CHAR_LEFT_CURLY_BRACE) {
          braces++;
          continue;
        }

        if (braceEscaped !== true && code === CHAR_DOT && (code = advance()) === CHAR_DOT) {
          isBrace = token.isBrace = true;
          isGlob = token.isGlob = true;
          finished = true;

          if (scanToEnd === true) {
            continue;
          }

          break;
        }

        if (braceEscaped !== true && code === CHAR_COMMA) {
          isBrace = token.isBrace = true;
          isGlob = token.isGlob = true;
          finished = true;

          if (scanToEnd === true) {
            continue;
          }

          break;
        }

        if (code === CHAR_RIGHT_CURLY_BRACE) {
          braces--;

          if (braces === 0) {
            braceEscaped = false;
            isBrace = token.isBrace = true;
            finished = true;
            break;
          }
        }
      }

      if (scanToEnd === true) {
        continue;
      }

      break;
    }

    if (code === CHAR_FORWARD_SLASH) {
      slashes.push(index);
      tokens.push(token);
      token = { value: '', depth: 0, isGlob: false };

      if (finished === true) continue;
      if (prev === CHAR_DOT && index === (start + 1)) {
        start += 2;
        continue;
      }

      lastIndex = index + 1;
      continue;
    }

    if (opts.noext !== true) {
      const isExtglobChar = code === CHAR_PLUS
        || code === CHAR_AT
        || code === CHAR_ASTERISK
        || code === CHAR_QUESTION_MARK
        || code === CHAR_EXCLAMATION_MARK;

      if (isExtglobChar === true && peek() === CHAR_LEFT_PARENTHESES) {
        isGlob = token.isGlob = true;
        isExtglob = token.isExtglob = true;
        finished = true;
        if (code === CHAR_EXCLAMATION_MARK && index === start) {
          negatedExtglob = true;
        }

        if (scanToEnd === true) {
          let parens = 0;

          while (eos() !== true && (code = advance())) {
            if (code === CHAR_BACKWARD_SLASH) {
              backslashes = token.backslashes = true;
              advance();
              continue;
            }

            if (code === CHAR_LEFT_PARENTHESES) {
              parens++;
              continue;
            }

            if (code === CHAR_RIGHT_PARENTHESES && --parens === 0) {
              finished = true;
              break;
            }
          }
          continue;
        }
        break;
      }
    }

    if (code === CHAR_ASTERISK) {
      if (prev === CHAR_ASTERISK) isGlobstar = token.isGlobstar = true;
      isGlob = token.isGlob = true;
      finished = true;

      if (scanToEnd === true) {
        continue;
      }
      break;
    }

    if (code === CHAR_QUESTION_MARK) {
      isGlob = token.isGlob = true;
      finished = true;

      if (scanToEnd === true) {
        continue;
      }
      break;
    }

    if (code === CHAR_LEFT_SQUARE_BRACKET) {
      while (eos() !== true && (next = advance())) {
        if (next === CHAR_BACKWARD_SLASH) {
          backslashes = token.backslashes = true;
          advance();
          continue;
        }

        if (next === CHAR_RIGHT_SQUARE_BRACKET) {
          isBracket = token.isBracket = true;
          isGlob = token.isGlob = true;
          finished = true;
          break;
        }
      }

      if (scanToEnd === true) {
        continue;
      }

      break;
    }

    if (opts.nonegate !== true && code === CHAR_EXCLAMATION_MARK && index === start) {
      negated = token.negated = true;
      start++;
      continue;
    }

    if (opts.noparen !== true && code === CHAR_LEFT_PARENTHESES) {
      isGlob = token.isGlob = true;

      if (scanToEnd === true) {
        let parens = 1;

        while (eos() !== true && (code = advance())) {
          if (code === CHAR_BACKWARD_SLASH) {
            backslashes = token.backslashes = true;
            advance();
            continue;
          }

          if (code === CHAR_LEFT_PARENTHESES) {
            parens++;
            continue;
          }

          if (code === CHAR_RIGHT_PARENTHESES && --parens === 0) {
            finished = true;
            break;
          }
        }
        continue;
      }
      break;
    }

    if (isGlob === true) {
      finished = true;

      if (scanToEnd === true) {
        continue;
      }

      break;
    }
  }

  if (opts.noext === true) {
    isExtglob = false;
    isGlob = false;
  }

  let base = str;
  let prefix = '';
  let glob = '';

  if (start > 0) {
    prefix = str.slice(0, start);
    str = str.slice(start);
    lastIndex -= start;
  }

  if (base && isGlob === true && lastIndex > 0) {
    base = str.slice(0, lastIndex);
    glob = str.slice(lastIndex);
  } else if (isGlob === true) {
    base = '';
    glob = str;
  } else {
    base = str;
  }

  if (base && base !== '' && base !== '/' && base !== str) {
    if (isPathSeparator(base.charCodeAt(base.length - 1))) {
      base = base.slice(0, -1);
    }
  }

  if (opts.unescape === true) {
    if (glob) glob = utils.removeBackslashes(glob);

    if (base && backslashes === true) {
      base = utils.removeBackslashes(base);
    }
  }

  const state = {
    prefix,
    input,
    start,
    base,
    glob,
    isBrace,
    isBracket,
    isGlob,
    isExtglob,
    isGlobstar,
    negated,
    negatedExtglob
  };

  if (opts.tokens === true) {
    state.maxDepth = 0;
    if (!isPathSeparator(code)) {
      tokens.push(token);
    }
    state.tokens = tokens;
  }

  if (opts.parts === true || opts.tokens === true) {
    let prevIndex;

    for (let idx = 0; idx < slashes.length; idx++) {
      const n = prevIndex !== undefined ? prevIndex + 1 : start;
      const i = slashes[idx];
      const value = input.slice(n, i);
      if (opts.tokens) {
        if (idx === 0 && start !== 0) {
          tokens[idx].isPrefix = true;
          tokens[idx].value = prefix;
        } else {
          tokens[idx].value = value;
        }
        depth(tokens[idx]);
        state.maxDepth += tokens[idx].depth;
      }
      if (i >= start) {
        parts.push(value);
        prevIndex = i;
      }
    }

    const n = prevIndex !== undefined ? prevIndex + 1 : start;
    const value = input.slice(n);
    parts.push(value);

    if (opts.tokens && prevIndex && prevIndex + 1 < input.length) {
      tokens[tokens.length - 1].value = value;
      depth(tokens[tokens.length - 1]);
      state.maxDepth += tokens[tokens.length - 1].depth;
    }

    state.slashes = slashes;
    state.parts = parts;
  }

  return state;
};

module.exports = scan;


/***/ }),

/***/ 59:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

/*global navigator*/


const {
  REGEX_BACKSLASH,
  REGEX_REMOVE_BACKSLASH,
  REGEX_SPECIAL_CHARS,
  REGEX_SPECIAL_CHARS_GLOBAL
} = __nccwpck_require__(595);

exports.isObject = val => val !== null && typeof val === 'object' && !Array.isArray(val);
exports.hasRegexChars = str => REGEX_SPECIAL_CHARS.test(str);
exports.isRegexChar = str => str.length === 1 && exports.hasRegexChars(str);
exports.escapeRegex = str => str.replace(REGEX_SPECIAL_CHARS_GLOBAL, '\\$1');
exports.toPosixSlashes = str => str.replace(REGEX_BACKSLASH, '/');

exports.isWindows = () => {
  if (typeof navigator !== 'undefined' && navigator.platform) {
    const platform = navigator.platform.toLowerCase();
    return platform === 'win32' || platform === 'windows';
  }

  if (typeof process !== 'undefined' && process.platform) {
    return process.platform === 'win32';
  }

  return false;
};

exports.removeBackslashes = str => {
  return str.replace(REGEX_REMOVE_BACKSLASH, match => {
    return match === '\\' ? '' : match;
  });
};

exports.escapeLast = (input, char, lastIdx) => {
  const idx = input.lastIndexOf(char, lastIdx);
  if (idx === -1) return input;
  if (input[idx - 1] === '\\') return exports.escapeLast(input, char, idx - 1);
  return `${input.slice(0, idx)}\\${input.slice(idx)}`;
};

exports.removePrefix = (input, state = {}) => {
  let output = input;
  if (output.startsWith('./')) {
    output = output.slice(2);
    state.prefix = './';
  }
  return output;
};

exports.wrapOutput = (input, state = {}, options = {}) => {
  const prepend = options.contains ? '' : '^';
  const append = options.contains ? '' : '$';

  let output = `${prepend}(?:${input})${append}`;
  if (state.negated === true) {
    output = `(?:^(?!${output}).*$)`;
  }
  return output;
};

exports.basename = (path, { windows } = {}) => {
  const segs = path.split(windows ? /[\\/]/ : '/');
  const last = segs[segs.length - 1];

  if (last === '') {
    return segs[segs.length - 2];
  }

  return last;
};


/***/ }),

/***/ 498:
/***/ ((__webpack_module__, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(__webpack_module__, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _cli_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(805);

// The bundled CLI entry: run, then let the event loop drain so piped output is flushed.
process.exitCode = await (0,_cli_js__WEBPACK_IMPORTED_MODULE_0__/* .main */ .i)(process.argv.slice(2), (0,_cli_js__WEBPACK_IMPORTED_MODULE_0__/* .processIo */ .W)());
//# sourceMappingURL=cli-main.js.map
__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 805:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  i: () => (/* binding */ main),
  W: () => (/* binding */ processIo)
});

;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: external "node:fs/promises"
const promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");
;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
;// CONCATENATED MODULE: external "node:util"
const external_node_util_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");
;// CONCATENATED MODULE: ./build/core/errors.js
/**
 * The two failure kinds the entries know how to report. A `UsageError` is the user's to fix
 * (bad flag, unreadable file, malformed data) and prints without a stack; an `InternalError`
 * is our bug and prints with one. Anything else reaching an entry is an environment failure.
 */
class errors_UsageError extends Error {
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
;// CONCATENATED MODULE: ./build/core/stats.js
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
//# sourceMappingURL=stats.js.map
;// CONCATENATED MODULE: ./build/core/cost-model.js

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
    return sum(files.map((f) => f.seconds ?? 0));
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
        const typical = known.length > 0 ? median(known) : 0;
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
        warmupSeconds = sum(firsts) / firsts.length - median(others.map(overhead));
    }
    return { observation, seconds, first, spanSeconds, warmupSeconds };
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
    // Each shard's cost of each file it ran; a file split over several shards has several parts.
    const parts = [];
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
    const warmupSeconds = warmups.length > 0 ? median(warmups) : undefined;
    const warm = warmupSeconds ?? prior?.warmupSeconds ?? 0;
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
        const typical = median(costs.map((c) => Math.max(0, c.cost - c.testSeconds)));
        for (const f of d.silent)
            parts.push({ file: f.file, cost: Math.max(MIN_FILE_SECONDS, typical), testSeconds: 0 });
        startups.push(Math.max(0, d.observation.wallSeconds - d.spanSeconds));
        if (costs.length >= 2 && d.first.size > 0) {
            // Files run at once: the work done over the time it took, warm-up set apart.
            const time = d.spanSeconds - warm;
            if (time > 0)
                workers.push(Math.min(MAX_WORKERS, Math.max(MIN_WORKERS, sum(costs.map((c) => c.cost)) / time)));
        }
    }
    let startupSeconds = startups.length > 0 ? median(startups) : undefined;
    // Shards where some file has no time of its own: files get their tests' time plus a share
    // of a per-file overhead; the start-up is fitted or taken from what is known.
    const indirect = nonEmpty.filter((s) => !isDirect(s));
    if (indirect.length > 0) {
        const points = indirect.map((s) => {
            const unknown = s.files.filter((f) => f.seconds === undefined);
            const known = sum(s.files.filter((f) => f.seconds !== undefined).map((f) => f.seconds ?? 0));
            return {
                shard: s,
                count: unknown.length,
                rest: s.wallSeconds - known - sum(unknown.map((f) => f.testSeconds)),
            };
        });
        let fixed = startupSeconds ?? prior?.startupSeconds;
        let perFile;
        if (fixed !== undefined) {
            const base = fixed + warm;
            perFile = median(points.map((p) => Math.max(0, (p.rest - base) / p.count)));
        }
        else {
            const fit = leastSquares(points.map((p) => [p.count, p.rest]));
            if (fit !== undefined && fit.slope >= 0 && fit.intercept >= 0) {
                fixed = fit.intercept;
                perFile = fit.slope;
            }
            else {
                // Not separable (one shard, or equal file counts): no start-up is known, so the files
                // carry the whole time. Charging a start-up to no one would hide it; this at least
                // keeps every shard's total right.
                fixed = 0;
                perFile = median(points.map((p) => Math.max(0, p.rest / p.count)));
            }
            startupSeconds = fixed;
        }
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
    }
    return {
        fileCosts: wholeFiles(parts),
        startupSeconds,
        warmupSeconds,
        workers: workers.length > 0 ? median(workers) : undefined,
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
        const total = sum(list.map((p) => p.cost));
        const setup = list.length > 1 ? median(list.map((p) => Math.max(0, p.cost - p.testSeconds))) : 0;
        out.set(file, Math.max(MIN_FILE_SECONDS, total - (list.length - 1) * setup));
    }
    return out;
}
/** `y = intercept + slope·x` by least squares; undefined when x does not vary. */
function leastSquares(points) {
    if (points.length < 2)
        return undefined;
    const n = points.length;
    const mx = sum(points.map((p) => p[0])) / n;
    const my = sum(points.map((p) => p[1])) / n;
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
;// CONCATENATED MODULE: ./build/core/ids.js
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
/** Normalises a file path or Go package into the canonical file id. */
function normalizeFileId(raw, options = {}) {
    // Collapsed first, so that `C:\.\a\r\r\x` meets the runner roots as `C:/a/r/r/x` does.
    // A trailing slash lets a path that *is* a root (`/w/r`) meet the root prefix (`/w/r/`).
    const collapsedInput = collapseSegments(toPosix(raw.trim()));
    let path = collapsedInput === '' ? '' : `${collapsedInput}/`;
    for (const root of options.roots ?? []) {
        const prefix = collapseSegments(toPosix(root)).replace(/\/?$/, '/');
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
    return splitTestId(id)?.file ?? id;
}
function isTestId(id) {
    return id.includes(TEST_SEPARATOR);
}
/** Normalises the file part of a test id and leaves its scope and name untouched. */
function normalizeId(raw, options = {}) {
    const parts = splitTestId(raw);
    if (!parts)
        return normalizeFileId(raw, options);
    return `${normalizeFileId(parts.file, options)}${TEST_SEPARATOR}${parts.rest}`;
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
    const path = collapseSegments(toPosix(fileOfId(id)));
    return (path.startsWith('/') ||
        /^[A-Za-z]:(?:\/|$)/.test(path) ||
        path === '..' ||
        path.startsWith('../'));
}
//# sourceMappingURL=ids.js.map
;// CONCATENATED MODULE: ./build/core/estimate.js


/** What an item with nothing to learn from is assumed to take. */
const DEFAULT_SECONDS = 1;
/** The shortest estimate handed out, so that no item is ever planned as free. */
const MIN_ESTIMATE_SECONDS = 0.001;
const MIN_GROUP = 3;
/**
 * Group keys from the most to the least specific: a test first looks at the other tests of its
 * file, then every item looks at its directory, its parent directory… and finally everything.
 */
function groupKeys(id) {
    const keys = [];
    const file = fileOfId(id);
    if (isTestId(id))
        keys.push(`${file}::`);
    const kind = isTestId(id) ? 't:' : 'f:';
    let dir = file;
    for (;;) {
        const slash = dir.lastIndexOf('/');
        if (slash < 0)
            break;
        dir = dir.slice(0, slash);
        keys.push(`${kind}${dir}/`);
    }
    keys.push(kind);
    return keys;
}
/**
 * Estimates the items that have no usable history. Tests in one directory are alike far more
 * often than tests across a repository, so an unknown item takes the median of its nearest
 * group with enough members (other tests of the same file count from one member). Where the
 * file sizes of the group are known, the median seconds-per-byte of the group times the item's
 * size is used instead, clamped into the group's range, since a longer test file usually holds
 * more or longer tests. With no history at all, sizes alone give relative weights. The plain
 * mean, which most tools use, is pulled up by the few giant items and over-estimates nearly
 * every new file.
 */
function estimateDurations(input) {
    const groups = new Map();
    for (const [id, seconds] of input.known) {
        if (!(seconds > 0))
            continue;
        const size = input.sizes?.get(fileOfId(id));
        for (const key of groupKeys(id)) {
            let group = groups.get(key);
            if (!group) {
                group = { seconds: [], rates: [] };
                groups.set(key, group);
            }
            group.seconds.push(seconds);
            if (size !== undefined && size > 0 && !isTestId(id))
                group.rates.push(seconds / size);
        }
    }
    const summaries = new Map();
    const summarize = (key, group) => {
        let summary = summaries.get(key);
        if (!summary) {
            summary = {
                median: median(group.seconds),
                min: group.seconds.reduce((m, s) => Math.min(m, s), Infinity),
                max: group.seconds.reduce((m, s) => Math.max(m, s), 0),
                rate: group.rates.length >= MIN_GROUP ? median(group.rates) : undefined,
            };
            summaries.set(key, summary);
        }
        return summary;
    };
    const sizes = [...(input.sizes?.values() ?? [])].filter((s) => s > 0);
    const medianSize = sizes.length > 0 ? median(sizes) : undefined;
    const out = new Map();
    for (const id of input.unknown) {
        const size = isTestId(id) ? undefined : input.sizes?.get(id);
        let estimate;
        for (const key of groupKeys(id)) {
            const group = groups.get(key);
            const enough = key.endsWith('::') ? 1 : MIN_GROUP;
            if (!group || group.seconds.length < enough)
                continue;
            const summary = summarize(key, group);
            if (size !== undefined && size > 0 && summary.rate !== undefined) {
                const seconds = Math.min(summary.max, Math.max(summary.min, summary.rate * size));
                estimate = { seconds, basis: 'size' };
            }
            else {
                estimate = {
                    seconds: summary.median,
                    basis: key.endsWith('::') ? 'same-file' : 'directory',
                };
            }
            break;
        }
        if (!estimate) {
            const base = input.defaultSeconds ?? DEFAULT_SECONDS;
            const seconds = size !== undefined && size > 0 && medianSize !== undefined
                ? (base * size) / medianSize
                : base;
            estimate = { seconds, basis: 'default' };
        }
        out.set(id, {
            seconds: Math.max(MIN_ESTIMATE_SECONDS, estimate.seconds),
            basis: estimate.basis,
        });
    }
    return out;
}
//# sourceMappingURL=estimate.js.map
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
        this.heap = loads.map((_, i) => i);
    }
    less(a, b) {
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
    /** Restores the heap after the top shard's load grew. */
    siftDownTop() {
        const heap = this.heap;
        let i = 0;
        for (;;) {
            const left = 2 * i + 1;
            const right = left + 1;
            let smallest = i;
            if (left < heap.length && this.less(heap[left] ?? 0, heap[smallest] ?? 0))
                smallest = left;
            if (right < heap.length && this.less(heap[right] ?? 0, heap[smallest] ?? 0))
                smallest = right;
            if (smallest === i)
                return;
            const tmp = heap[i] ?? 0;
            heap[i] = heap[smallest] ?? 0;
            heap[smallest] = tmp;
            i = smallest;
        }
    }
}
/**
 * Splits `units` into `shardCount` shards.
 * Contract: every unit appears in exactly one shard; no shard is empty when
 * `units.length >= shardCount`; the result depends only on the set of units, not their order.
 */
function partitionUnits(units, shardCount, options = {}) {
    if (!Number.isInteger(shardCount) || shardCount < 1) {
        throw new RangeError(`shardCount must be a whole number ≥ 1, got ${shardCount}`);
    }
    const sorted = [...units].sort(compareUnits);
    const loads = new Array(shardCount).fill(0);
    const counts = new Array(shardCount).fill(0);
    const shards = Array.from({ length: shardCount }, () => []);
    const heap = new ShardHeap(loads, counts);
    for (const unit of sorted) {
        const target = heap.top();
        shards[target]?.push(unit);
        loads[target] = (loads[target] ?? 0) + unit.seconds;
        counts[target] = (counts[target] ?? 0) + 1;
        heap.siftDownTop();
    }
    const rounds = options.improvementRounds ?? 64 * shardCount;
    if (rounds > 0 && shardCount > 1)
        improve(shards, loads, rounds);
    for (const shard of shards)
        shard.sort(compareUnits);
    return { shards, loads: shards.map((s) => sumSeconds(s)) };
}
function sumSeconds(units) {
    let total = 0;
    for (const unit of units)
        total += unit.seconds;
    return total;
}
/** Relative gain below which a move is not worth making (floating-point noise). */
const EPSILON = 1e-9;
/**
 * Local search on the longest shard: move one unit to, or swap one pair with, another shard
 * when that lowers the larger of the two loads. Each accepted step strictly lowers the sum of
 * squared loads, so the search ends; `rounds` bounds it for very large inputs.
 */
function improve(shards, loads, rounds) {
    for (let round = 0; round < rounds; round++) {
        let longest = 0;
        for (let i = 1; i < loads.length; i++) {
            if ((loads[i] ?? 0) > (loads[longest] ?? 0))
                longest = i;
        }
        const from = shards[longest] ?? [];
        const fromLoad = loads[longest] ?? 0;
        // Other shards from the lightest up: the best partner for a move is the emptiest.
        const others = loads
            .map((load, index) => ({ load, index }))
            .filter((s) => s.index !== longest && s.load < fromLoad - EPSILON * fromLoad)
            .sort((a, b) => a.load - b.load || a.index - b.index);
        let moved = false;
        for (const other of others) {
            const to = shards[other.index] ?? [];
            const gap = fromLoad - other.load;
            const step = bestStep(from, to, gap);
            if (!step)
                continue;
            const [fromIndex, toIndex] = step;
            const unit = from[fromIndex];
            if (!unit)
                continue;
            if (toIndex < 0) {
                from.splice(fromIndex, 1);
                to.push(unit);
                loads[longest] = fromLoad - unit.seconds;
                loads[other.index] = other.load + unit.seconds;
            }
            else {
                const back = to[toIndex];
                if (!back)
                    continue;
                from[fromIndex] = back;
                to[toIndex] = unit;
                loads[longest] = fromLoad - unit.seconds + back.seconds;
                loads[other.index] = other.load + unit.seconds - back.seconds;
            }
            from.sort(compareUnits);
            to.sort(compareUnits);
            moved = true;
            break;
        }
        if (!moved)
            return;
    }
}
/**
 * The move (`[i, -1]`) or swap (`[i, j]`) between `from` (longest, sorted longest first) and
 * `to` that brings the transferred amount closest to half the gap, provided it is strictly
 * between 0 and the gap — exactly the condition for the larger of the two loads to fall.
 */
function bestStep(from, to, gap) {
    const ideal = gap / 2;
    const floor = gap * EPSILON;
    let best;
    let bestDistance = Infinity;
    const consider = (delta, step) => {
        if (delta <= floor || delta >= gap - floor)
            return;
        const distance = Math.abs(delta - ideal);
        if (distance < bestDistance) {
            bestDistance = distance;
            best = step;
        }
    };
    // `to` is sorted longest first; find for each unit of `from` the partner whose difference
    // is nearest the ideal with a binary search.
    for (let i = 0; i < from.length; i++) {
        const a = from[i]?.seconds ?? 0;
        if (from.length > 1)
            consider(a, [i, -1]);
        const wanted = a - ideal; // the partner's ideal length
        let lo = 0;
        let hi = to.length;
        while (lo < hi) {
            const mid = (lo + hi) >> 1;
            if ((to[mid]?.seconds ?? 0) > wanted)
                lo = mid + 1;
            else
                hi = mid;
        }
        for (const j of [lo - 1, lo]) {
            const b = to[j];
            if (b)
                consider(a - b.seconds, [i, j]);
        }
        if (bestDistance === 0)
            break;
    }
    return best;
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
;// CONCATENATED MODULE: ./build/core/timings.js


function push(map, key, value) {
    const list = map.get(key);
    if (list)
        list.push(value);
    else
        map.set(key, [value]);
}
function fold(observations) {
    const out = new Map();
    for (const [id, values] of observations)
        out.set(id, robustSeconds(values));
    return out;
}
/** Builds the timing model. The result does not depend on the order of `runs`. */
function buildTimingModel(runs) {
    const fileObservations = new Map();
    const testObservations = new Map();
    const setupObservations = new Map();
    const seenUntimed = new Set();
    for (const run of runs) {
        for (const id of run.untimed)
            seenUntimed.add(id);
        const testSums = new Map();
        for (const [id, seconds] of run.tests) {
            push(testObservations, id, seconds);
            const file = fileOfId(id);
            testSums.set(file, (testSums.get(file) ?? 0) + seconds);
        }
        for (const [file, seconds] of run.files) {
            push(fileObservations, file, seconds);
            const tests = testSums.get(file);
            if (tests !== undefined)
                push(setupObservations, file, Math.max(0, seconds - tests));
        }
        for (const [file, seconds] of testSums) {
            if (!run.files.has(file))
                push(fileObservations, file, seconds);
        }
    }
    const tests = fold(testObservations);
    const files = fold(fileObservations);
    const untimed = new Set([...seenUntimed].filter((id) => !tests.has(id) && !files.has(id)));
    const testsByFile = new Map();
    for (const id of [...tests.keys(), ...[...untimed].filter(isTestId)].sort()) {
        const file = fileOfId(id);
        const list = testsByFile.get(file);
        if (list)
            list.push(id);
        else
            testsByFile.set(file, [id]);
    }
    // Several stores (rare): each term their median.
    const models = runs.flatMap((run) => (run.costModel ? [run.costModel] : []));
    const costModel = models.length === 0
        ? undefined
        : {
            startupSeconds: median(models.map((m) => m.startupSeconds)),
            warmupSeconds: median(models.map((m) => m.warmupSeconds)),
            workers: median(models.map((m) => m.workers)),
        };
    return {
        files,
        tests,
        testsByFile,
        setupByFile: fold(setupObservations),
        untimed,
        runCount: runs.length,
        ...(costModel ? { costModel } : {}),
    };
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
    const timedFiles = new Set([...model.files.keys(), ...[...model.untimed].map(fileOfId)]);
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
        if (!isTestId(id))
            return rename.get(id) ?? id;
        const file = fileOfId(id);
        const target = rename.get(file);
        return target === undefined ? id : normalizeId(target + id.slice(file.length));
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
;// CONCATENATED MODULE: ./build/core/plan.js






/** How many estimated items a plan names (the count is always exact). */
const MAX_LISTED_ESTIMATES = 500;
/** GitHub's matrix limit, and so the most shards a plan may have. */
const MAX_SHARDS = 256;
/** Seconds per item with history, estimates for the rest. */
function priceItems(ids, model, sizes, defaultSeconds) {
    const seconds = new Map();
    const unknown = [];
    // Tests seen at 0 s or skipped inside a timed file share what the file's time leaves over
    // beyond its timed tests and setup (usually next to nothing: they ran below the clock's
    // resolution). New tests, never seen, are estimated like any unknown item.
    const untimedByFile = new Map();
    for (const id of ids) {
        const known = isTestId(id) ? model.tests.get(id) : model.files.get(id);
        if (known !== undefined && known > 0)
            seconds.set(id, known);
        else if (isTestId(id) && model.untimed.has(id) && model.files.has(fileOfId(id))) {
            const list = untimedByFile.get(fileOfId(id)) ?? [];
            list.push(id);
            untimedByFile.set(fileOfId(id), list);
        }
        else
            unknown.push(id);
    }
    const estimated = new Map();
    for (const [file, untimed] of untimedByFile) {
        const timedTests = sum((model.testsByFile.get(file) ?? []).map((id) => model.tests.get(id) ?? 0));
        const residual = (model.files.get(file) ?? 0) - timedTests - (model.setupByFile.get(file) ?? 0);
        const share = Math.max(MIN_ESTIMATE_SECONDS, residual / untimed.length);
        for (const id of untimed) {
            seconds.set(id, share);
            estimated.set(id, 'same-file');
        }
    }
    if (unknown.length === 0)
        return { seconds, estimated };
    const known = new Map();
    for (const [id, s] of model.files)
        known.set(id, s);
    for (const [id, s] of model.tests)
        known.set(id, s);
    const estimates = estimateDurations({
        known,
        unknown,
        ...(sizes === undefined ? {} : { sizes }),
        ...(defaultSeconds === undefined ? {} : { defaultSeconds }),
    });
    for (const [id, estimate] of estimates) {
        seconds.set(id, estimate.seconds);
        estimated.set(id, estimate.basis);
    }
    return { seconds, estimated };
}
/** The ids to plan when none were given: everything the timings know. */
function itemsFromModel(model, granularity) {
    const files = new Set([...model.files.keys(), ...[...model.untimed].map(fileOfId)]);
    if (granularity === 'file')
        return [...files];
    const ids = [];
    for (const file of files) {
        const tests = model.testsByFile.get(file);
        if (tests && tests.length > 0)
            ids.push(...tests);
        else
            ids.push(file);
    }
    return ids;
}
function groupByFile(ids) {
    const byFile = new Map();
    for (const id of ids) {
        const file = fileOfId(id);
        const list = byFile.get(file);
        if (list)
            list.push(id);
        else
            byFile.set(file, [id]);
    }
    return byFile;
}
/**
 * Splits one file's tests into `parts` chunks of near-equal time (LPT), each a unit that pays
 * the file's setup once.
 */
function chunkFile(file, tests, parts, seconds, setup, estimated) {
    const units = tests.map((id) => ({ id, seconds: seconds.get(id) ?? 0 }));
    const partition = partitionUnits(units, Math.min(parts, units.length));
    return partition.shards
        .filter((chunk) => chunk.length > 0)
        .map((chunk, index) => {
        const members = chunk.map((u) => u.id).sort();
        return {
            id: `${file}::#${index + 1}`,
            seconds: setup + sum(chunk.map((u) => u.seconds)),
            members,
            file,
            estimated,
        };
    });
}
/**
 * A file's time: its own observation if it has one (setup and untimed tests included), else
 * the sum of its tests and its setup. New tests, unknown to the timings, add their estimates.
 */
function fileSeconds(context, file, ids) {
    const own = context.seconds.get(file);
    if (own !== undefined)
        return own;
    const timed = context.model.files.get(file);
    const isNew = (id) => !context.model.tests.has(id) && !context.model.untimed.has(id);
    if (timed !== undefined && timed > 0)
        return timed + sum(ids.filter(isNew).map((id) => context.seconds.get(id) ?? 0));
    return (sum(ids.map((id) => context.seconds.get(id) ?? 0)) + (context.model.setupByFile.get(file) ?? 0));
}
/** Builds the units for a shard count: whole files, single tests, or chunks of split files. */
function buildUnits(context, shardCount) {
    const units = [];
    const splitFiles = [];
    const whole = (file, ids) => ({
        id: file,
        seconds: fileSeconds(context, file, ids),
        // A file planned whole runs what was asked: the file, or exactly its listed tests.
        members: [...ids].sort(),
        file,
        estimated: ids.some((id) => context.estimated.has(id)),
    });
    if (context.granularity === 'test') {
        for (const [file, ids] of context.byFile) {
            for (const id of ids) {
                units.push({
                    id,
                    seconds: context.seconds.get(id) ?? 0,
                    members: [id],
                    file,
                    estimated: context.estimated.has(id),
                });
            }
        }
        return { units, splitFiles };
    }
    const fileUnits = [...context.byFile].map(([file, ids]) => ({
        file,
        ids,
        unit: whole(file, ids),
    }));
    if (context.granularity === 'file' || !context.canSplitFiles || shardCount === 1) {
        return { units: fileUnits.map((f) => f.unit), splitFiles };
    }
    // auto: split only the files that alone would exceed the target shard time.
    const splittable = (f) => f.ids.length > 1 && !f.ids.includes(f.file);
    let target = 0;
    for (let pass = 0; pass < 3; pass++) {
        const total = sum(fileUnits.map((f) => f.unit.seconds));
        const extraSetup = sum(splitFiles.map((s) => (s.parts - 1) * (context.model.setupByFile.get(s.file) ?? 0)));
        let unsplittable = 0;
        for (const f of fileUnits) {
            const longest = splittable(f)
                ? f.ids.reduce((m, id) => Math.max(m, context.seconds.get(id) ?? 0), 0) +
                    (context.model.setupByFile.get(f.file) ?? 0)
                : f.unit.seconds;
            unsplittable = Math.max(unsplittable, longest);
        }
        const next = Math.max((total + extraSetup) / shardCount, unsplittable);
        if (next === target)
            break;
        target = next;
        splitFiles.length = 0;
        for (const f of fileUnits) {
            if (!splittable(f) || f.unit.seconds <= target * 1.0001)
                continue;
            const setup = context.model.setupByFile.get(f.file) ?? 0;
            const body = f.unit.seconds - setup;
            const room = Math.max(target - setup, target / 2);
            const parts = Math.min(f.ids.length, shardCount, Math.ceil(body / room));
            if (parts > 1)
                splitFiles.push({ file: f.file, parts, seconds: f.unit.seconds });
        }
    }
    // Fewer units than shards would leave shards empty: split the longest parts further.
    const partsOf = new Map(splitFiles.map((s) => [s.file, s.parts]));
    let unitCount = fileUnits.length + sum(splitFiles.map((s) => s.parts - 1));
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
    splitFiles.length = 0;
    for (const f of fileUnits) {
        const parts = partsOf.get(f.file);
        if (parts !== undefined && parts > 1)
            splitFiles.push({ file: f.file, parts, seconds: f.unit.seconds });
    }
    const split = new Map(splitFiles.map((s) => [s.file, s.parts]));
    for (const f of fileUnits) {
        const parts = split.get(f.file);
        if (parts === undefined) {
            units.push(f.unit);
            continue;
        }
        units.push(...chunkFile(f.file, f.ids, parts, context.seconds, context.model.setupByFile.get(f.file) ?? 0, f.unit.estimated));
    }
    return { units, splitFiles };
}
function evaluate(context, shardCount) {
    const { units, splitFiles } = buildUnits(context, shardCount);
    const partition = partitionUnits(units, shardCount);
    let loads = partition.loads;
    if (context.granularity === 'test') {
        // Single tests of one file in one shard pay the file's setup once per shard.
        loads = partition.shards.map((shard, i) => {
            const files = new Set(shard.map((u) => u.file));
            return (loads[i] ?? 0) + sum([...files].map((f) => context.model.setupByFile.get(f) ?? 0));
        });
    }
    const wholeFiles = [...context.byFile].map(([file, ids]) => ({
        id: file,
        seconds: fileSeconds(context, file, ids),
    }));
    return {
        units,
        splitFiles,
        shardCount,
        loads,
        shards: partition.shards,
        makespan: Math.max(0, ...loads),
        lowerBound: context.granularity === 'test'
            ? testLowerBound(context, units, shardCount)
            : lowerBound(units, shardCount),
        fileLowerBound: lowerBound(context.granularity === 'test' ? units : wholeFiles, shardCount),
    };
}
/** At test granularity every file's setup is paid at least once, and with each of its tests. */
function testLowerBound(context, units, shardCount) {
    const setup = (file) => context.model.setupByFile.get(file) ?? 0;
    const files = new Set(units.map((u) => u.file));
    const total = sum(units.map((u) => u.seconds)) + sum([...files].map(setup));
    let longest = 0;
    for (const unit of units)
        longest = Math.max(longest, unit.seconds + setup(unit.file));
    return Math.max(total / shardCount, longest);
}
/**
 * The smallest shard count whose predicted wall time (makespan + overhead) meets the target;
 * if none does, the smallest count that gets within 1% of the best reachable wall time.
 */
function chooseShardCount(context, request, overhead, workers, itemCount) {
    const cap = Math.max(1, Math.min(request.maxShards, MAX_SHARDS, itemCount));
    const cache = new Map();
    const at = (k) => {
        let candidate = cache.get(k);
        if (!candidate) {
            candidate = evaluate(context, k);
            cache.set(k, candidate);
        }
        return candidate;
    };
    const meets = (k) => at(k).makespan / workers + overhead <= request.targetSeconds;
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
/**
 * Plans the shards.
 * Contract: every item appears in exactly one shard (a split file's tests spread over several);
 * no shard is empty when there are at least as many units as shards; the plan depends only on
 * the set of items and the timings, never on their order.
 */
function planShards(request) {
    const notes = [];
    const providedItems = request.items !== undefined;
    const initial = [
        ...new Set(request.items ?? itemsFromModel(request.model, request.granularity)),
    ].sort();
    const itemFiles = new Set(initial.map(fileOfId));
    const { model, matchedBySuffix } = providedItems
        ? alignModel(request.model, itemFiles)
        : { model: request.model, matchedBySuffix: 0 };
    // At file granularity test ids collapse into their files; a file listed whole stays whole.
    const wholeFiles = new Set(initial.filter((id) => !isTestId(id)));
    const items = request.granularity === 'file'
        ? [...itemFiles].sort()
        : initial.filter((id) => !isTestId(id) || !wholeFiles.has(fileOfId(id)));
    const { seconds, estimated } = priceItems(items, model, request.sizes, request.defaultItemSeconds);
    const estimates = {
        'same-file': 0,
        directory: 0,
        size: 0,
        default: 0,
    };
    for (const basis of estimated.values())
        estimates[basis]++;
    const matchedItems = items.length - estimated.size;
    const staleFiles = [...model.files.keys()].filter((file) => !itemFiles.has(file)).length;
    const context = {
        byFile: groupByFile(items),
        seconds,
        estimated,
        model,
        granularity: request.granularity,
        canSplitFiles: request.canSplitFiles ?? true,
    };
    if (request.granularity !== 'file' && !items.some(isTestId)) {
        notes.push(`granularity ${request.granularity}: no test ids to split files by (the items are whole files); planned by file`);
    }
    const unitCount = request.granularity === 'test' ? items.length : itemFiles.size;
    let candidate;
    if (request.shards.kind === 'fixed') {
        candidate = evaluate(context, request.shards.count);
        if (unitCount < request.shards.count && items.length > 0) {
            notes.push(`only ${unitCount} items for ${request.shards.count} shards: ${request.shards.count - unitCount} shards are empty`);
        }
    }
    else {
        const workers = request.costModel?.workers ?? 1;
        candidate = chooseShardCount(context, request.shards, request.shardOverheadSeconds, workers, Math.max(1, items.length));
        const wall = candidate.makespan / workers + request.shardOverheadSeconds;
        if (wall > request.shards.targetSeconds) {
            notes.push(`no shard count up to ${Math.min(request.shards.maxShards, MAX_SHARDS)} reaches the target of ${request.shards.targetSeconds} s; ${candidate.shardCount} shards get the best reachable ${wall.toFixed(1)} s`);
        }
    }
    // A shard's wall time: what every shard pays, then its files, some at once where the runner
    // runs several workers.
    const costModel = request.costModel ?? {
        startupSeconds: request.shardOverheadSeconds,
        warmupSeconds: 0,
        workers: 1,
    };
    const overhead = costModel.startupSeconds + costModel.warmupSeconds;
    const wallOf = (units, load) => units.length === 0
        ? 0
        : overhead + units.reduce((m, u) => Math.max(m, u.seconds), load / costModel.workers);
    // Empty shards go last, so a matrix of the first non-empty shards covers everything.
    const ordered = candidate.shards
        .map((units, i) => ({ units, load: candidate.loads[i] ?? 0 }))
        .sort((a, b) => Number(a.units.length === 0) - Number(b.units.length === 0));
    const shards = ordered.map(({ units, load }, i) => ({
        index: i + 1,
        items: units.flatMap((u) => u.members).sort(),
        predictedSeconds: round(wallOf(units, load)),
    }));
    const longestUnit = candidate.units.reduce((m, u) => Math.max(m, u.seconds), 0);
    const work = sum(candidate.loads);
    const lowerBound = items.length === 0
        ? 0
        : costModel.workers === 1
            ? overhead + candidate.lowerBound
            : modelLowerBound(costModel, work, longestUnit, candidate.shardCount);
    return {
        version: 1,
        shards,
        shardCount: candidate.shardCount,
        granularity: request.granularity,
        itemCount: items.length,
        totalSeconds: round(sum(candidate.units.map((u) => u.seconds))),
        lowerBoundSeconds: round(lowerBound),
        fileLowerBoundSeconds: round(items.length === 0 ? 0 : overhead + candidate.fileLowerBound),
        predictedMakespanSeconds: round(shards.reduce((m, s) => Math.max(m, s.predictedSeconds), 0)),
        shardOverheadSeconds: round(overhead),
        costModel,
        unknownItems: estimated.size,
        estimatedItems: [...estimated.keys()].sort().slice(0, MAX_LISTED_ESTIMATES),
        estimates,
        timings: { runs: model.runCount, matchedItems, matchedBySuffix, staleFiles },
        splitFiles: candidate.splitFiles,
        notes,
    };
}
function round(seconds) {
    return Math.round(seconds * 1000) / 1000;
}
//# sourceMappingURL=plan.js.map
;// CONCATENATED MODULE: ./build/core/json.js
/**
 * JSON with object keys sorted at every level, so that files crossing jobs (plan, shard
 * result, timings) are byte-identical for equal content and diff cleanly.
 */
function stableStringify(value, indent = 0) {
    return JSON.stringify(sortKeys(value), null, indent);
}
function sortKeys(value) {
    if (Array.isArray(value))
        return value.map(sortKeys);
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
//# sourceMappingURL=json.js.map
;// CONCATENATED MODULE: ./build/core/render-plan.js

/** The GitHub Actions matrix: `strategy.matrix: ${{ fromJSON(needs.plan.outputs.matrix) }}`. */
function planMatrix(plan) {
    const used = plan.shards.filter((s) => s.items.length > 0);
    const shards = used.length > 0 ? used : plan.shards.slice(0, 1);
    return { include: shards.map((s) => ({ shard: s.index, shards: plan.shardCount })) };
}
function renderPlanJson(plan) {
    return stableStringify(plan, 2);
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
    lines.push(`${plan.itemCount} items (${plan.granularity} granularity) in ${plan.shardCount} shards; the files cost ${seconds(plan.totalSeconds)} in all${estimate}`);
    const terms = [
        ...(model.startupSeconds > 0 ? [`${seconds(model.startupSeconds)} start-up`] : []),
        ...(model.warmupSeconds > 0 ? [`${seconds(model.warmupSeconds)} warm-up`] : []),
        ...(model.workers !== 1 ? [`${model.workers.toFixed(1)} files at once`] : []),
    ];
    lines.push(`predicted longest shard ${seconds(makespan)}${terms.length > 0 ? `, each shard with ${terms.join(', ')}` : ''}; no split into ${plan.shardCount} shards can be shorter than ${seconds(plan.lowerBoundSeconds)} under this model (${(overBound * 100).toFixed(1)}% above it)`);
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
;// CONCATENATED MODULE: ./build/core/log-guard.js
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
    return (text) => {
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
;// CONCATENATED MODULE: ./build/adapters/log.js
function stderrLog(stream = process.stderr) {
    return {
        info: (m) => void stream.write(`${m}\n`),
        warning: (m) => void stream.write(`warning: ${m}\n`),
        notice: (m) => void stream.write(`notice: ${m}\n`),
    };
}
//# sourceMappingURL=log.js.map
;// CONCATENATED MODULE: ./build/adapters/output-file.js




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
        done += await new Promise((resolve, reject) => (0,external_node_fs_namespaceObject.write)(fd, data, done, data.length - done, null, (error, written) => error ? reject(error) : resolve(written)));
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
            info = await (0,promises_namespaceObject.lstat)(current);
        }
        catch (error) {
            if (error.code === 'ENOENT')
                return { kind: 'file', path: current, mode: undefined };
            throw error;
        }
        if (info.isSymbolicLink()) {
            const target = await (0,promises_namespaceObject.readlink)(current);
            current = (0,external_node_path_namespaceObject.isAbsolute)(target) ? target : (0,external_node_path_namespaceObject.resolve)((0,external_node_path_namespaceObject.dirname)(current), target);
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
        throw new errors_UsageError(`${flag} ${path}: ${current} is ${what}; give a file path`);
    }
    throw new errors_UsageError(`${flag} ${path}: more than ${MAX_LINKS} symbolic links in a row (a loop?)`);
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
        if (error instanceof errors_UsageError)
            throw error;
        throw new errors_UsageError(`${flag} ${path}: cannot write it (${describeError(error)})`);
    }
    if (target.kind === 'stream') {
        try {
            // Append: for /dev/stdout redirected to a file, truncating would wipe what came before.
            await (0,promises_namespaceObject.writeFile)(target.path, text, { flag: external_node_fs_namespaceObject.constants.O_WRONLY | external_node_fs_namespaceObject.constants.O_APPEND });
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
            throw new errors_UsageError(`${flag} ${path}: cannot write it (${describeError(error)})`);
        }
        return;
    }
    const temporary = `${target.path}.${process.pid}.tmp`;
    try {
        await (0,promises_namespaceObject.mkdir)((0,external_node_path_namespaceObject.dirname)(target.path), { recursive: true });
        await (0,promises_namespaceObject.writeFile)(temporary, text);
        if (target.mode !== undefined)
            await (0,promises_namespaceObject.chmod)(temporary, target.mode);
        // Checked again just before the rename: what is there now is what gets replaced.
        const now = await (0,promises_namespaceObject.stat)(target.path).catch(() => undefined);
        if (now !== undefined && !now.isFile())
            throw new errors_UsageError(`${flag} ${path}: ${target.path} is no longer a regular file`);
        await (0,promises_namespaceObject.rename)(temporary, target.path);
    }
    catch (error) {
        await (0,promises_namespaceObject.rm)(temporary, { force: true }).catch(() => undefined);
        if (error instanceof errors_UsageError)
            throw error;
        throw new errors_UsageError(`${flag} ${path}: cannot write it (${describeError(error)})`);
    }
}
//# sourceMappingURL=output-file.js.map
;// CONCATENATED MODULE: ./build/adapters/output-stream.js

/** A partial line longer than this is written anyway, ended with a line break. */
const MAX_PENDING_LINE = 64 * 1024;
function outputSink(stream, options = {}) {
    const guard = workflowCommandGuard();
    let closed = false;
    let pending = '';
    let waiting;
    stream.on('error', () => {
        // EPIPE, or any other failure of the stream: nobody can read what we print any more.
        closed = true;
    });
    const emit = (text) => {
        if (closed || text === '')
            return;
        const writable = stream;
        if (writable.destroyed === true || writable.writableEnded === true) {
            closed = true;
            return;
        }
        stream.write(guard(text));
    };
    return {
        get closed() {
            return closed;
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
            if (closed || stream.writableNeedDrain !== true)
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
;// CONCATENATED MODULE: ./build/adapters/runners/types.js
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
//# sourceMappingURL=types.js.map
;// CONCATENATED MODULE: ./build/modes/inputs.js


/**
 * Strict parsers for option values, shared by the CLI and the action so both say the same
 * thing about the same mistake: "`name` must be …; got `value`."
 */
function fail(name, expected, got) {
    throw new errors_UsageError(`\`${name}\` must be ${expected}; got \`${got}\`.`);
}
function parseWholeNumber(name, raw, min, max) {
    const value = raw.trim();
    if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
        fail(name, `a whole number from ${min} to ${max}`, raw);
    }
    return Number(value);
}
function parseNonNegativeSeconds(name, raw) {
    const value = raw.trim();
    if (!/^\d+(?:\.\d+)?$/.test(value))
        fail(name, 'a number of seconds ≥ 0', raw);
    return Number(value);
}
function parsePositiveSeconds(name, raw) {
    const seconds = parseNonNegativeSeconds(name, raw);
    if (seconds <= 0)
        fail(name, 'a number of seconds > 0', raw);
    return seconds;
}
/** A percentage from 0 to 100 (coverage thresholds). */
function parsePercentage(name, raw) {
    const value = raw.trim();
    if (!/^\d+(?:\.\d+)?$/.test(value) || Number(value) > 100)
        fail(name, 'a percentage from 0 to 100', raw);
    return Number(value);
}
function parseShards(name, raw) {
    if (raw.trim() === 'auto')
        return 'auto';
    const value = raw.trim();
    if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > MAX_SHARDS) {
        fail(name, `a whole number from 1 to ${MAX_SHARDS} or \`auto\``, raw);
    }
    return Number(value);
}
function parseChoice(name, raw, choices) {
    const value = raw.trim();
    const found = choices.find((c) => c === value);
    if (found === undefined)
        fail(name, `one of ${choices.map((c) => `\`${c}\``).join(', ')}`, raw);
    return found;
}
const GRANULARITIES = ['file', 'test', 'auto'];
/** The longest timeout a Node timer can wait (2^31 − 1 ms), in whole seconds: about 24.8 days. */
const MAX_TIMEOUT_SECONDS = Math.floor((2 ** 31 - 1) / 1000);
/** A test timeout: seconds > 0, and no longer than a timer holds (a longer one fired at once). */
function parseTimeoutSeconds(name, raw) {
    const seconds = parsePositiveSeconds(name, raw);
    if (seconds > MAX_TIMEOUT_SECONDS)
        fail(name, `a number of seconds from 0 to ${MAX_TIMEOUT_SECONDS} (about 24 days)`, raw);
    return seconds;
}
//# sourceMappingURL=inputs.js.map
;// CONCATENATED MODULE: external "fs"
const external_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");
var external_fs_namespaceObject_0 = /*#__PURE__*/__nccwpck_require__.t(external_fs_namespaceObject, 2);
;// CONCATENATED MODULE: external "path"
const external_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");
;// CONCATENATED MODULE: external "url"
const external_url_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("url");
;// CONCATENATED MODULE: external "module"
const external_module_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("module");
;// CONCATENATED MODULE: ./node_modules/fdir/dist/index.mjs




//#region rolldown:runtime
var __require = /* @__PURE__ */ (0,external_module_namespaceObject.createRequire)(import.meta.url);

//#endregion
//#region src/utils.ts
function cleanPath(path) {
	let normalized = (0,external_path_namespaceObject.normalize)(path);
	if (normalized.length > 1 && normalized[normalized.length - 1] === external_path_namespaceObject.sep) normalized = normalized.substring(0, normalized.length - 1);
	return normalized;
}
const SLASHES_REGEX = /[\\/]/g;
function convertSlashes(path, separator) {
	return path.replace(SLASHES_REGEX, separator);
}
const WINDOWS_ROOT_DIR_REGEX = /^[a-z]:[\\/]$/i;
function isRootDirectory(path) {
	return path === "/" || WINDOWS_ROOT_DIR_REGEX.test(path);
}
function normalizePath(path, options) {
	const { resolvePaths, normalizePath: normalizePath$1, pathSeparator } = options;
	const pathNeedsCleaning = process.platform === "win32" && path.includes("/") || path.startsWith(".");
	if (resolvePaths) path = (0,external_path_namespaceObject.resolve)(path);
	if (normalizePath$1 || pathNeedsCleaning) path = cleanPath(path);
	if (path === ".") return "";
	const needsSeperator = path[path.length - 1] !== pathSeparator;
	return convertSlashes(needsSeperator ? path + pathSeparator : path, pathSeparator);
}

//#endregion
//#region src/api/functions/join-path.ts
function joinPathWithBasePath(filename, directoryPath) {
	return directoryPath + filename;
}
function joinPathWithRelativePath(root, options) {
	return function(filename, directoryPath) {
		const sameRoot = directoryPath.startsWith(root);
		if (sameRoot) return directoryPath.slice(root.length) + filename;
		else return convertSlashes((0,external_path_namespaceObject.relative)(root, directoryPath), options.pathSeparator) + options.pathSeparator + filename;
	};
}
function joinPath(filename) {
	return filename;
}
function joinDirectoryPath(filename, directoryPath, separator) {
	return directoryPath + filename + separator;
}
function build$7(root, options) {
	const { relativePaths, includeBasePath } = options;
	return relativePaths && root ? joinPathWithRelativePath(root, options) : includeBasePath ? joinPathWithBasePath : joinPath;
}

//#endregion
//#region src/api/functions/push-directory.ts
function pushDirectoryWithRelativePath(root) {
	return function(directoryPath, paths) {
		paths.push(directoryPath.substring(root.length) || ".");
	};
}
function pushDirectoryFilterWithRelativePath(root) {
	return function(directoryPath, paths, filters) {
		const relativePath = directoryPath.substring(root.length) || ".";
		if (filters.every((filter) => filter(relativePath, true))) paths.push(relativePath);
	};
}
const pushDirectory = (directoryPath, paths) => {
	paths.push(directoryPath || ".");
};
const pushDirectoryFilter = (directoryPath, paths, filters) => {
	const path = directoryPath || ".";
	if (filters.every((filter) => filter(path, true))) paths.push(path);
};
const empty$2 = () => {};
function build$6(root, options) {
	const { includeDirs, filters, relativePaths } = options;
	if (!includeDirs) return empty$2;
	if (relativePaths) return filters && filters.length ? pushDirectoryFilterWithRelativePath(root) : pushDirectoryWithRelativePath(root);
	return filters && filters.length ? pushDirectoryFilter : pushDirectory;
}

//#endregion
//#region src/api/functions/push-file.ts
const pushFileFilterAndCount = (filename, _paths, counts, filters) => {
	if (filters.every((filter) => filter(filename, false))) counts.files++;
};
const pushFileFilter = (filename, paths, _counts, filters) => {
	if (filters.every((filter) => filter(filename, false))) paths.push(filename);
};
const pushFileCount = (_filename, _paths, counts, _filters) => {
	counts.files++;
};
const pushFile = (filename, paths) => {
	paths.push(filename);
};
const empty$1 = () => {};
function build$5(options) {
	const { excludeFiles, filters, onlyCounts } = options;
	if (excludeFiles) return empty$1;
	if (filters && filters.length) return onlyCounts ? pushFileFilterAndCount : pushFileFilter;
	else if (onlyCounts) return pushFileCount;
	else return pushFile;
}

//#endregion
//#region src/api/functions/get-array.ts
const getArray = (paths) => {
	return paths;
};
const getArrayGroup = () => {
	return [""].slice(0, 0);
};
function build$4(options) {
	return options.group ? getArrayGroup : getArray;
}

//#endregion
//#region src/api/functions/group-files.ts
const groupFiles = (groups, directory, files) => {
	groups.push({
		directory,
		files,
		dir: directory
	});
};
const empty = () => {};
function build$3(options) {
	return options.group ? groupFiles : empty;
}

//#endregion
//#region src/api/functions/resolve-symlink.ts
const resolveSymlinksAsync = function(path, state, callback$1) {
	const { queue, fs, options: { suppressErrors } } = state;
	queue.enqueue();
	fs.realpath(path, (error, resolvedPath) => {
		if (error) return queue.dequeue(suppressErrors ? null : error, state);
		fs.stat(resolvedPath, (error$1, stat) => {
			if (error$1) return queue.dequeue(suppressErrors ? null : error$1, state);
			if (stat.isDirectory() && isRecursive(path, resolvedPath, state)) return queue.dequeue(null, state);
			callback$1(stat, resolvedPath);
			queue.dequeue(null, state);
		});
	});
};
const resolveSymlinks = function(path, state, callback$1) {
	const { queue, fs, options: { suppressErrors } } = state;
	queue.enqueue();
	try {
		const resolvedPath = fs.realpathSync(path);
		const stat = fs.statSync(resolvedPath);
		if (stat.isDirectory() && isRecursive(path, resolvedPath, state)) return;
		callback$1(stat, resolvedPath);
	} catch (e) {
		if (!suppressErrors) throw e;
	}
};
function build$2(options, isSynchronous) {
	if (!options.resolveSymlinks || options.excludeSymlinks) return null;
	return isSynchronous ? resolveSymlinks : resolveSymlinksAsync;
}
function isRecursive(path, resolved, state) {
	if (state.options.useRealPaths) return isRecursiveUsingRealPaths(resolved, state);
	let parent = (0,external_path_namespaceObject.dirname)(path);
	let depth = 1;
	while (parent !== state.root && depth < 2) {
		const resolvedPath = state.symlinks.get(parent);
		const isSameRoot = !!resolvedPath && (resolvedPath === resolved || resolvedPath.startsWith(resolved) || resolved.startsWith(resolvedPath));
		if (isSameRoot) depth++;
		else parent = (0,external_path_namespaceObject.dirname)(parent);
	}
	state.symlinks.set(path, resolved);
	return depth > 1;
}
function isRecursiveUsingRealPaths(resolved, state) {
	return state.visited.includes(resolved + state.options.pathSeparator);
}

//#endregion
//#region src/api/functions/invoke-callback.ts
const onlyCountsSync = (state) => {
	return state.counts;
};
const groupsSync = (state) => {
	return state.groups;
};
const defaultSync = (state) => {
	return state.paths;
};
const limitFilesSync = (state) => {
	return state.paths.slice(0, state.options.maxFiles);
};
const onlyCountsAsync = (state, error, callback$1) => {
	report(error, callback$1, state.counts, state.options.suppressErrors);
	return null;
};
const defaultAsync = (state, error, callback$1) => {
	report(error, callback$1, state.paths, state.options.suppressErrors);
	return null;
};
const limitFilesAsync = (state, error, callback$1) => {
	report(error, callback$1, state.paths.slice(0, state.options.maxFiles), state.options.suppressErrors);
	return null;
};
const groupsAsync = (state, error, callback$1) => {
	report(error, callback$1, state.groups, state.options.suppressErrors);
	return null;
};
function report(error, callback$1, output, suppressErrors) {
	if (error && !suppressErrors) callback$1(error, output);
	else callback$1(null, output);
}
function build$1(options, isSynchronous) {
	const { onlyCounts, group, maxFiles } = options;
	if (onlyCounts) return isSynchronous ? onlyCountsSync : onlyCountsAsync;
	else if (group) return isSynchronous ? groupsSync : groupsAsync;
	else if (maxFiles) return isSynchronous ? limitFilesSync : limitFilesAsync;
	else return isSynchronous ? defaultSync : defaultAsync;
}

//#endregion
//#region src/api/functions/walk-directory.ts
const readdirOpts = { withFileTypes: true };
const walkAsync = (state, crawlPath, directoryPath, currentDepth, callback$1) => {
	state.queue.enqueue();
	if (currentDepth < 0) return state.queue.dequeue(null, state);
	const { fs } = state;
	state.visited.push(crawlPath);
	state.counts.directories++;
	fs.readdir(crawlPath || ".", readdirOpts, (error, entries = []) => {
		callback$1(entries, directoryPath, currentDepth);
		state.queue.dequeue(state.options.suppressErrors ? null : error, state);
	});
};
const walkSync = (state, crawlPath, directoryPath, currentDepth, callback$1) => {
	const { fs } = state;
	if (currentDepth < 0) return;
	state.visited.push(crawlPath);
	state.counts.directories++;
	let entries = [];
	try {
		entries = fs.readdirSync(crawlPath || ".", readdirOpts);
	} catch (e) {
		if (!state.options.suppressErrors) throw e;
	}
	callback$1(entries, directoryPath, currentDepth);
};
function build(isSynchronous) {
	return isSynchronous ? walkSync : walkAsync;
}

//#endregion
//#region src/api/queue.ts
/**
* This is a custom stateless queue to track concurrent async fs calls.
* It increments a counter whenever a call is queued and decrements it
* as soon as it completes. When the counter hits 0, it calls onQueueEmpty.
*/
var Queue = class {
	count = 0;
	constructor(onQueueEmpty) {
		this.onQueueEmpty = onQueueEmpty;
	}
	enqueue() {
		this.count++;
		return this.count;
	}
	dequeue(error, output) {
		if (this.onQueueEmpty && (--this.count <= 0 || error)) {
			this.onQueueEmpty(error, output);
			if (error) {
				output.controller.abort();
				this.onQueueEmpty = void 0;
			}
		}
	}
};

//#endregion
//#region src/api/counter.ts
var Counter = class {
	_files = 0;
	_directories = 0;
	set files(num) {
		this._files = num;
	}
	get files() {
		return this._files;
	}
	set directories(num) {
		this._directories = num;
	}
	get directories() {
		return this._directories;
	}
	/**
	* @deprecated use `directories` instead
	*/
	/* c8 ignore next 3 */
	get dirs() {
		return this._directories;
	}
};

//#endregion
//#region src/api/aborter.ts
/**
* AbortController is not supported on Node 14 so we use this until we can drop
* support for Node 14.
*/
var Aborter = class {
	aborted = false;
	abort() {
		this.aborted = true;
	}
};

//#endregion
//#region src/api/walker.ts
var Walker = class {
	root;
	isSynchronous;
	state;
	joinPath;
	pushDirectory;
	pushFile;
	getArray;
	groupFiles;
	resolveSymlink;
	walkDirectory;
	callbackInvoker;
	constructor(root, options, callback$1) {
		this.isSynchronous = !callback$1;
		this.callbackInvoker = build$1(options, this.isSynchronous);
		this.root = normalizePath(root, options);
		this.state = {
			root: isRootDirectory(this.root) ? this.root : this.root.slice(0, -1),
			paths: [""].slice(0, 0),
			groups: [],
			counts: new Counter(),
			options,
			queue: new Queue((error, state) => this.callbackInvoker(state, error, callback$1)),
			symlinks: /* @__PURE__ */ new Map(),
			visited: [""].slice(0, 0),
			controller: new Aborter(),
			fs: options.fs || external_fs_namespaceObject_0
		};
		this.joinPath = build$7(this.root, options);
		this.pushDirectory = build$6(this.root, options);
		this.pushFile = build$5(options);
		this.getArray = build$4(options);
		this.groupFiles = build$3(options);
		this.resolveSymlink = build$2(options, this.isSynchronous);
		this.walkDirectory = build(this.isSynchronous);
	}
	start() {
		this.pushDirectory(this.root, this.state.paths, this.state.options.filters);
		this.walkDirectory(this.state, this.root, this.root, this.state.options.maxDepth, this.walk);
		return this.isSynchronous ? this.callbackInvoker(this.state, null) : null;
	}
	walk = (entries, directoryPath, depth) => {
		const { paths, options: { filters, resolveSymlinks: resolveSymlinks$1, excludeSymlinks, exclude, maxFiles, signal, useRealPaths, pathSeparator }, controller } = this.state;
		if (controller.aborted || signal && signal.aborted || maxFiles && paths.length > maxFiles) return;
		const files = this.getArray(this.state.paths);
		for (let i = 0; i < entries.length; ++i) {
			const entry = entries[i];
			if (entry.isFile() || entry.isSymbolicLink() && !resolveSymlinks$1 && !excludeSymlinks) {
				const filename = this.joinPath(entry.name, directoryPath);
				this.pushFile(filename, files, this.state.counts, filters);
			} else if (entry.isDirectory()) {
				let path = joinDirectoryPath(entry.name, directoryPath, this.state.options.pathSeparator);
				if (exclude && exclude(entry.name, path)) continue;
				this.pushDirectory(path, paths, filters);
				this.walkDirectory(this.state, path, path, depth - 1, this.walk);
			} else if (this.resolveSymlink && entry.isSymbolicLink()) {
				let path = joinPathWithBasePath(entry.name, directoryPath);
				this.resolveSymlink(path, this.state, (stat, resolvedPath) => {
					if (stat.isDirectory()) {
						resolvedPath = normalizePath(resolvedPath, this.state.options);
						if (exclude && exclude(entry.name, useRealPaths ? resolvedPath : path + pathSeparator)) return;
						this.walkDirectory(this.state, resolvedPath, useRealPaths ? resolvedPath : path + pathSeparator, depth - 1, this.walk);
					} else {
						resolvedPath = useRealPaths ? resolvedPath : path;
						const filename = (0,external_path_namespaceObject.basename)(resolvedPath);
						const directoryPath$1 = normalizePath((0,external_path_namespaceObject.dirname)(resolvedPath), this.state.options);
						resolvedPath = this.joinPath(filename, directoryPath$1);
						this.pushFile(resolvedPath, files, this.state.counts, filters);
					}
				});
			}
		}
		this.groupFiles(this.state.groups, directoryPath, files);
	};
};

//#endregion
//#region src/api/async.ts
function promise(root, options) {
	return new Promise((resolve$1, reject) => {
		callback(root, options, (err, output) => {
			if (err) return reject(err);
			resolve$1(output);
		});
	});
}
function callback(root, options, callback$1) {
	let walker = new Walker(root, options, callback$1);
	walker.start();
}

//#endregion
//#region src/api/sync.ts
function sync(root, options) {
	const walker = new Walker(root, options);
	return walker.start();
}

//#endregion
//#region src/builder/api-builder.ts
var APIBuilder = class {
	constructor(root, options) {
		this.root = root;
		this.options = options;
	}
	withPromise() {
		return promise(this.root, this.options);
	}
	withCallback(cb) {
		callback(this.root, this.options, cb);
	}
	sync() {
		return sync(this.root, this.options);
	}
};

//#endregion
//#region src/builder/index.ts
let pm = null;
/* c8 ignore next 6 */
try {
	__require.resolve("picomatch");
	pm = __require("picomatch");
} catch {}
var Builder = class {
	globCache = {};
	options = {
		maxDepth: Infinity,
		suppressErrors: true,
		pathSeparator: external_path_namespaceObject.sep,
		filters: []
	};
	globFunction;
	constructor(options) {
		this.options = {
			...this.options,
			...options
		};
		this.globFunction = this.options.globFunction;
	}
	group() {
		this.options.group = true;
		return this;
	}
	withPathSeparator(separator) {
		this.options.pathSeparator = separator;
		return this;
	}
	withBasePath() {
		this.options.includeBasePath = true;
		return this;
	}
	withRelativePaths() {
		this.options.relativePaths = true;
		return this;
	}
	withDirs() {
		this.options.includeDirs = true;
		return this;
	}
	withMaxDepth(depth) {
		this.options.maxDepth = depth;
		return this;
	}
	withMaxFiles(limit) {
		this.options.maxFiles = limit;
		return this;
	}
	withFullPaths() {
		this.options.resolvePaths = true;
		this.options.includeBasePath = true;
		return this;
	}
	withErrors() {
		this.options.suppressErrors = false;
		return this;
	}
	withSymlinks({ resolvePaths = true } = {}) {
		this.options.resolveSymlinks = true;
		this.options.useRealPaths = resolvePaths;
		return this.withFullPaths();
	}
	withAbortSignal(signal) {
		this.options.signal = signal;
		return this;
	}
	normalize() {
		this.options.normalizePath = true;
		return this;
	}
	filter(predicate) {
		this.options.filters.push(predicate);
		return this;
	}
	onlyDirs() {
		this.options.excludeFiles = true;
		this.options.includeDirs = true;
		return this;
	}
	exclude(predicate) {
		this.options.exclude = predicate;
		return this;
	}
	onlyCounts() {
		this.options.onlyCounts = true;
		return this;
	}
	crawl(root) {
		return new APIBuilder(root || ".", this.options);
	}
	withGlobFunction(fn) {
		this.globFunction = fn;
		return this;
	}
	/**
	* @deprecated Pass options using the constructor instead:
	* ```ts
	* new fdir(options).crawl("/path/to/root");
	* ```
	* This method will be removed in v7.0
	*/
	/* c8 ignore next 4 */
	crawlWithOptions(root, options) {
		this.options = {
			...this.options,
			...options
		};
		return new APIBuilder(root || ".", this.options);
	}
	glob(...patterns) {
		if (this.globFunction) return this.globWithOptions(patterns);
		return this.globWithOptions(patterns, ...[{ dot: true }]);
	}
	globWithOptions(patterns, ...options) {
		const globFn = this.globFunction || pm;
		/* c8 ignore next 5 */
		if (!globFn) throw new Error("Please specify a glob function to use glob matching.");
		var isMatch = this.globCache[patterns.join("\0")];
		if (!isMatch) {
			isMatch = globFn(patterns, ...options);
			this.globCache[patterns.join("\0")] = isMatch;
		}
		this.options.filters.push((path) => isMatch(path));
		return this;
	}
};

//#endregion

// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __nccwpck_require__(6);
;// CONCATENATED MODULE: ./node_modules/tinyglobby/dist/index.mjs





//#region src/utils.ts
const isReadonlyArray = Array.isArray;
const BACKSLASHES = /\\/g;
const DRIVE_RELATIVE_PATH = /^[A-Za-z]:$/;
const isWin = process.platform === "win32";
const ONLY_PARENT_DIRECTORIES = /^(\/?\.\.)+$/;
function getPartialMatcher(patterns, options = {}) {
	const patternsCount = patterns.length;
	const patternsParts = Array(patternsCount);
	const matchers = Array(patternsCount);
	let i, j;
	for (i = 0; i < patternsCount; i++) {
		const parts = splitPattern(patterns[i]);
		patternsParts[i] = parts;
		const partsCount = parts.length;
		const partMatchers = Array(partsCount);
		for (j = 0; j < partsCount; j++) partMatchers[j] = picomatch(parts[j], options);
		matchers[i] = partMatchers;
	}
	return (input) => {
		const inputParts = input.split("/");
		if (inputParts[0] === ".." && ONLY_PARENT_DIRECTORIES.test(input)) return true;
		for (i = 0; i < patternsCount; i++) {
			const patternParts = patternsParts[i];
			const matcher = matchers[i];
			const inputPatternCount = inputParts.length;
			const minParts = Math.min(inputPatternCount, patternParts.length);
			j = 0;
			while (j < minParts) {
				const part = patternParts[j];
				if (part.includes("/")) return true;
				if (!matcher[j](inputParts[j])) break;
				if (!options.noglobstar && part === "**") return true;
				j++;
			}
			if (j === inputPatternCount) return true;
		}
		return false;
	};
}
/* node:coverage ignore next 2 */
const WIN32_ROOT_DIR = /^[A-Z]:\/$/i;
const isRoot = isWin ? (p) => WIN32_ROOT_DIR.test(p) : (p) => p === "/";
function buildFormat(cwd, root, absolute) {
	if (cwd === root || root.startsWith(`${cwd}/`)) {
		if (absolute) {
			const start = cwd.length + +!isRoot(cwd);
			return (p, isDir) => p.slice(start, isDir ? -1 : void 0) || ".";
		}
		const prefix = root.slice(cwd.length + 1);
		if (prefix) return (p, isDir) => {
			if (p === ".") return prefix;
			const result = `${prefix}/${p}`;
			return isDir ? result.slice(0, -1) : result;
		};
		return (p, isDir) => isDir && p !== "." ? p.slice(0, -1) : p;
	}
	if (absolute) return (p) => external_path_namespaceObject.posix.relative(cwd, p) || ".";
	return (p) => external_path_namespaceObject.posix.relative(cwd, `${root}/${p}`) || ".";
}
function buildRelative(cwd, root) {
	if (root.startsWith(`${cwd}/`)) {
		const prefix = root.slice(cwd.length + 1);
		return (p) => `${prefix}/${p}`;
	}
	return (p) => {
		const result = external_path_namespaceObject.posix.relative(cwd, `${root}/${p}`);
		return p[p.length - 1] === "/" && result !== "" ? `${result}/` : result || ".";
	};
}
function ensureNonDriveRelativePath(path) {
	return path.replace(DRIVE_RELATIVE_PATH, (match) => `${match}/`);
}
const splitPatternOptions = { parts: true };
function splitPattern(path) {
	var _result$parts;
	const result = picomatch.scan(path, splitPatternOptions);
	return ((_result$parts = result.parts) === null || _result$parts === void 0 ? void 0 : _result$parts.length) ? result.parts : [path];
}
const ESCAPED_WIN32_BACKSLASHES = /\\(?![()[\]{}!+@])/g;
function convertPosixPathToPattern(path) {
	return escapePosixPath(path);
}
function convertWin32PathToPattern(path) {
	return escapeWin32Path(path).replace(ESCAPED_WIN32_BACKSLASHES, "/");
}
/**
* Converts a path to a pattern depending on the platform.
* Identical to {@link escapePath} on POSIX systems.
* @see {@link https://superchupu.dev/tinyglobby/documentation#convertPathToPattern}
*/
/* node:coverage ignore next 3 */
const convertPathToPattern = (/* unused pure expression or super */ null && (isWin ? convertWin32PathToPattern : convertPosixPathToPattern));
const POSIX_UNESCAPED_GLOB_SYMBOLS = /(?<!\\)([()[\]{}*?|]|^!|[!+@](?=\()|\\(?![()[\]{}!*+?@|]))/g;
const WIN32_UNESCAPED_GLOB_SYMBOLS = /(?<!\\)([()[\]{}]|^!|[!+@](?=\())/g;
const escapePosixPath = (path) => path.replace(POSIX_UNESCAPED_GLOB_SYMBOLS, "\\$&");
const escapeWin32Path = (path) => path.replace(WIN32_UNESCAPED_GLOB_SYMBOLS, "\\$&");
/**
* Escapes a path's special characters depending on the platform.
* @see {@link https://superchupu.dev/tinyglobby/documentation#escapePath}
*/
/* node:coverage ignore next */
const escapePath = isWin ? escapeWin32Path : escapePosixPath;
/**
* Checks if a pattern has dynamic parts.
*
* Has a few minor differences with [`fast-glob`](https://github.com/mrmlnc/fast-glob) for better accuracy:
*
* - Doesn't necessarily return `false` on patterns that include `\`.
* - Returns `true` if the pattern includes parentheses, regardless of them representing one single pattern or not.
* - Returns `true` for unfinished glob extensions i.e. `(h`, `+(h`.
* - Returns `true` for unfinished brace expansions as long as they include `,` or `..`.
*
* @see {@link https://superchupu.dev/tinyglobby/documentation#isDynamicPattern}
*/
function isDynamicPattern(pattern, options) {
	if ((options === null || options === void 0 ? void 0 : options.caseSensitiveMatch) === false) return true;
	const scan = picomatch.scan(pattern);
	return scan.isGlob || scan.negated;
}
function log(...tasks) {
	console.log(`[tinyglobby ${(/* @__PURE__ */ new Date()).toLocaleTimeString("es")}]`, ...tasks);
}
function ensureStringArray(value) {
	return typeof value === "string" ? [value] : value !== null && value !== void 0 ? value : [];
}
//#endregion
//#region src/patterns.ts
const PARENT_DIRECTORY = /^(\/?\.\.)+/;
const ESCAPING_BACKSLASHES = /\\(?=[()[\]{}!*+?@|])/g;
function normalizePattern(pattern, opts, props, isIgnore) {
	var _PARENT_DIRECTORY$exe;
	const cwd = opts.cwd;
	let result = pattern;
	if (pattern[pattern.length - 1] === "/") result = pattern.slice(0, -1);
	if (result[result.length - 1] !== "*" && opts.expandDirectories) result += "/**";
	const escapedCwd = escapePath(cwd);
	result = (0,external_path_namespaceObject.isAbsolute)(result.replace(ESCAPING_BACKSLASHES, "")) ? external_path_namespaceObject.posix.relative(escapedCwd, result) : external_path_namespaceObject.posix.normalize(result);
	const parentDir = (_PARENT_DIRECTORY$exe = PARENT_DIRECTORY.exec(result)) === null || _PARENT_DIRECTORY$exe === void 0 ? void 0 : _PARENT_DIRECTORY$exe[0];
	const parts = splitPattern(result);
	if (parentDir) {
		const n = (parentDir.length + 1) / 3;
		let i = 0;
		const cwdParts = escapedCwd.split("/");
		while (i < n && parts[i + n] === cwdParts[cwdParts.length + i - n]) {
			result = result.slice(0, (n - i - 1) * 3) + result.slice((n - i) * 3 + parts[i + n].length + 1) || ".";
			i++;
		}
		const potentialRoot = external_path_namespaceObject.posix.join(cwd, parentDir.slice(i * 3));
		if (potentialRoot[0] !== "." && props.root.length > potentialRoot.length) {
			props.root = ensureNonDriveRelativePath(potentialRoot);
			props.depthOffset = -n + i;
		}
	}
	if (!isIgnore && props.depthOffset >= 0) {
		var _props$commonPath;
		(_props$commonPath = props.commonPath) !== null && _props$commonPath !== void 0 || (props.commonPath = parts);
		const newCommonPath = [];
		const length = Math.min(props.commonPath.length, parts.length);
		for (let i = 0; i < length; i++) {
			const part = parts[i];
			if (part === "**" && !parts[i + 1]) {
				newCommonPath.pop();
				break;
			}
			if (i === parts.length - 1 || part !== props.commonPath[i] || isDynamicPattern(part)) break;
			newCommonPath.push(part);
		}
		props.depthOffset = newCommonPath.length;
		props.commonPath = newCommonPath;
		props.root = ensureNonDriveRelativePath(newCommonPath.length > 0 ? external_path_namespaceObject.posix.join(cwd, ...newCommonPath) : cwd);
	}
	return result;
}
function processPatterns(options, patterns, props) {
	const matchPatterns = [];
	const ignorePatterns = [];
	for (const pattern of options.ignore) {
		if (!pattern) continue;
		if (pattern[0] !== "!" || pattern[1] === "(") ignorePatterns.push(normalizePattern(pattern, options, props, true));
	}
	for (const pattern of patterns) {
		if (!pattern) continue;
		if (pattern[0] !== "!" || pattern[1] === "(") matchPatterns.push(normalizePattern(pattern, options, props, false));
		else if (pattern[1] !== "!" || pattern[2] === "(") ignorePatterns.push(normalizePattern(pattern.slice(1), options, props, true));
	}
	return {
		match: matchPatterns,
		ignore: ignorePatterns
	};
}
//#endregion
//#region src/crawler.ts
function buildCrawler(options, patterns) {
	const cwd = options.cwd;
	const props = {
		root: cwd,
		depthOffset: 0
	};
	const processed = processPatterns(options, patterns, props);
	if (options.debug) log("internal processing patterns:", processed);
	const { absolute, caseSensitiveMatch, debug, dot, followSymbolicLinks, onlyDirectories } = options;
	const root = props.root.replace(BACKSLASHES, "");
	const matchOptions = {
		dot,
		nobrace: options.braceExpansion === false,
		nocase: !caseSensitiveMatch,
		noextglob: options.extglob === false,
		noglobstar: options.globstar === false,
		posix: true
	};
	const matcher = picomatch(processed.match, matchOptions);
	const ignore = picomatch(processed.ignore, matchOptions);
	const partialMatcher = getPartialMatcher(processed.match, matchOptions);
	const format = buildFormat(cwd, root, absolute);
	const excludeFormatter = absolute ? format : buildFormat(cwd, root, true);
	const excludePredicate = (_, p) => {
		const relativePath = excludeFormatter(p, true);
		return relativePath !== "." && !partialMatcher(relativePath) || ignore(relativePath);
	};
	let maxDepth;
	if (options.deep !== void 0) maxDepth = Math.round(options.deep - props.depthOffset);
	const crawler = new Builder({
		filters: [debug ? (p, isDirectory) => {
			const path = format(p, isDirectory);
			const matches = matcher(path) && !ignore(path);
			if (matches) log(`matched ${path}`);
			return matches;
		} : (p, isDirectory) => {
			const path = format(p, isDirectory);
			return matcher(path) && !ignore(path);
		}],
		exclude: debug ? (_, p) => {
			const skipped = excludePredicate(_, p);
			log(`${skipped ? "skipped" : "crawling"} ${p}`);
			return skipped;
		} : excludePredicate,
		fs: options.fs,
		pathSeparator: "/",
		relativePaths: !absolute,
		resolvePaths: absolute,
		includeBasePath: absolute,
		resolveSymlinks: followSymbolicLinks,
		excludeSymlinks: !followSymbolicLinks,
		excludeFiles: onlyDirectories,
		includeDirs: onlyDirectories || !options.onlyFiles,
		maxDepth,
		signal: options.signal
	}).crawl(root);
	if (options.debug) log("internal properties:", {
		...props,
		root
	});
	return [crawler, cwd !== root && !absolute && buildRelative(cwd, root)];
}
//#endregion
//#region src/index.ts
function formatPaths(paths, mapper) {
	if (mapper) for (let i = paths.length - 1; i >= 0; i--) paths[i] = mapper(paths[i]);
	return paths;
}
const defaultOptions = {
	caseSensitiveMatch: true,
	debug: !!process.env.TINYGLOBBY_DEBUG,
	expandDirectories: true,
	followSymbolicLinks: true,
	onlyFiles: true
};
function getOptions(options) {
	const opts = Object.assign({}, options);
	for (const key in defaultOptions) if (opts[key] === void 0) Object.assign(opts, { [key]: defaultOptions[key] });
	opts.cwd = (opts.cwd instanceof URL ? (0,external_url_namespaceObject.fileURLToPath)(opts.cwd) : (0,external_path_namespaceObject.resolve)(opts.cwd || process.cwd())).replace(BACKSLASHES, "/");
	opts.ignore = ensureStringArray(opts.ignore);
	opts.fs && (opts.fs = {
		readdir: opts.fs.readdir || external_fs_namespaceObject.readdir,
		readdirSync: opts.fs.readdirSync || external_fs_namespaceObject.readdirSync,
		realpath: opts.fs.realpath || external_fs_namespaceObject.realpath,
		realpathSync: opts.fs.realpathSync || external_fs_namespaceObject.realpathSync,
		stat: opts.fs.stat || external_fs_namespaceObject.stat,
		statSync: opts.fs.statSync || external_fs_namespaceObject.statSync
	});
	if (opts.debug) log("globbing with options:", opts);
	return opts;
}
function getCrawler(globInput, inputOptions = {}) {
	var _ref;
	if (globInput && (inputOptions === null || inputOptions === void 0 ? void 0 : inputOptions.patterns)) throw new Error("Cannot pass patterns as both an argument and an option");
	const isModern = isReadonlyArray(globInput) || typeof globInput === "string";
	const patterns = ensureStringArray((_ref = isModern ? globInput : globInput.patterns) !== null && _ref !== void 0 ? _ref : "**/*");
	const options = getOptions(isModern ? inputOptions : globInput);
	return patterns.length > 0 ? buildCrawler(options, patterns) : [];
}
async function glob(globInput, options) {
	const [crawler, relative] = getCrawler(globInput, options);
	return crawler ? formatPaths(await crawler.withPromise(), relative) : [];
}
function globSync(globInput, options) {
	const [crawler, relative] = getCrawler(globInput, options);
	return crawler ? formatPaths(crawler.sync(), relative) : [];
}
//#endregion


;// CONCATENATED MODULE: ./build/adapters/discover.js




const ALWAYS_IGNORED = ['**/node_modules/**', '**/.git/**'];
/**
 * Finds the test files the globs match under `root`. Symbolic links are not followed and not
 * planned: a link inside the repository is a second name for a file that is planned anyway
 * (it would run twice), and a link out of it can point anywhere. Overlapping globs give each
 * file once.
 */
async function discoverFiles(patterns, root) {
    const absoluteRoot = await (0,promises_namespaceObject.realpath)((0,external_node_path_namespaceObject.resolve)(root));
    const matches = await glob([...patterns], {
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
        const id = normalizeFileId(match);
        if (files.has(id))
            continue;
        const info = await (0,promises_namespaceObject.lstat)((0,external_node_path_namespaceObject.resolve)(absoluteRoot, match));
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
            const info = await (0,promises_namespaceObject.stat)((0,external_node_path_namespaceObject.resolve)(root, id));
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
;// CONCATENATED MODULE: ./build/core/duration.js
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
;// CONCATENATED MODULE: ./build/core/formats/run-builder.js


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
    constructor(source, format, normalize = {}) {
        this.source = source;
        this.format = format;
        this.normalize = normalize;
    }
    /** Adds a duration to an id; the id's kind (file or test) follows its shape. */
    add(rawId, value) {
        const id = normalizeId(rawId, this.normalize);
        this.addNormalized(id, value);
    }
    addNormalized(id, value) {
        const seconds = acceptSeconds(value);
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
        const target = isTestId(id) ? this.tests : this.files;
        target.set(id, (target.get(id) ?? 0) + seconds);
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
;// CONCATENATED MODULE: ./build/core/formats/xml.js
/**
 * The small part of XML that Shardwise's streaming readers (JUnit, Cobertura) share: attribute
 * values with the five predefined entities and character references decoded — nothing else
 * is ever expanded, so no document can make a reader fetch or grow anything.
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
//# sourceMappingURL=xml.js.map
;// CONCATENATED MODULE: ./build/core/formats/junit.js




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
class JunitParser {
    source;
    options;
    buffer = '';
    offset = 0;
    mode = 'markup';
    elements = [];
    suites = [];
    currentCase;
    rootSeen = false;
    rootClosed = false;
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
        this.builder = new RunBuilder(source, 'junit', options);
    }
    /** Feeds the next chunk of text. Throws `JunitError` for documents that are not JUnit XML. */
    write(chunk) {
        this.buffer = this.buffer.length === 0 ? chunk : this.buffer + chunk;
        this.consume();
    }
    fail(message) {
        throw new JunitError(`${this.source}: ${message} (at character ${this.offset})`);
    }
    drop(count) {
        this.buffer = this.buffer.slice(count);
        this.offset += count;
    }
    consume() {
        for (;;) {
            if (this.mode === 'comment' || this.mode === 'cdata' || this.mode === 'pi') {
                const terminator = this.mode === 'comment' ? '-->' : this.mode === 'cdata' ? ']]>' : '?>';
                const end = this.buffer.indexOf(terminator);
                if (end < 0) {
                    // Keep only what could be the start of the terminator.
                    const keep = terminator.length - 1;
                    if (this.buffer.length > keep)
                        this.drop(this.buffer.length - keep);
                    return;
                }
                this.drop(end + terminator.length);
                this.mode = 'markup';
                continue;
            }
            const lt = this.buffer.indexOf('<');
            if (lt < 0) {
                this.checkText(this.buffer);
                this.drop(this.buffer.length);
                return;
            }
            if (lt > 0) {
                this.checkText(this.buffer.slice(0, lt));
                this.drop(lt);
            }
            // this.buffer starts with '<'
            if (this.buffer.length < 2)
                return;
            const second = this.buffer[1];
            if (second === '!') {
                if (this.buffer.startsWith('<!--')) {
                    this.drop(4);
                    this.mode = 'comment';
                }
                else if (this.buffer.length < 9) {
                    // Room for '<![CDATA[' and '<!DOCTYPE'. Only here: a short comment or tag can end
                    // the document, and waiting on it would call a complete report truncated.
                    return;
                }
                else if (this.buffer.startsWith('<![CDATA[')) {
                    this.drop(9);
                    this.mode = 'cdata';
                }
                else {
                    this.fail('DTD declarations (<!DOCTYPE>, <!ENTITY>) are not allowed in a JUnit report');
                }
                continue;
            }
            if (second === '?') {
                if (this.rootClosed)
                    this.fail('a second XML document follows the first');
                this.drop(2);
                this.mode = 'pi';
                continue;
            }
            const end = this.tagEnd();
            if (end < 0)
                return; // incomplete tag: wait for more text
            const tag = this.buffer.slice(0, end + 1);
            this.drop(end + 1);
            this.handleTag(tag);
        }
    }
    checkText(text) {
        if (this.elements.length === 0 && /\S/.test(text.replace(/^\uFEFF/, ''))) {
            this.fail(this.rootClosed
                ? 'text after the root element'
                : `text before the root element: ${JSON.stringify(text.trim().slice(0, 40))}`);
        }
    }
    /** Index of the `>` that closes the tag at the start of the buffer, honouring quotes. */
    tagEnd() {
        let quote = '';
        const buffer = this.buffer;
        for (let i = 1; i < buffer.length; i++) {
            const c = buffer[i];
            if (quote !== '') {
                if (c === quote)
                    quote = '';
            }
            else if (c === '"' || c === "'") {
                quote = c;
            }
            else if (c === '>') {
                return i;
            }
            else if (c === '<') {
                this.fail('"<" inside a tag');
            }
        }
        if (buffer.length > 1 << 20)
            this.fail('a tag longer than 1 MiB');
        return -1;
    }
    handleTag(tag) {
        if (tag[1] === '/') {
            const name = tag.slice(2, -1).trim();
            const open = this.elements.pop();
            if (open !== name) {
                this.fail(`</${name}> closes <${open ?? 'nothing'}>`);
            }
            this.closeElement(name);
            if (this.elements.length === 0)
                this.rootClosed = true;
            return;
        }
        const selfClosing = tag.endsWith('/>');
        const nameMatch = /^<([^\s/>]+)/.exec(tag);
        const name = nameMatch?.[1];
        if (name === undefined)
            this.fail(`malformed tag ${JSON.stringify(tag.slice(0, 40))}`);
        if (this.elements.length === 0) {
            if (this.rootClosed)
                this.fail('a second root element follows the first');
            if (name !== 'testsuites' && name !== 'testsuite') {
                this.fail(`the root element is <${name}>, not <testsuites> or <testsuite>`);
            }
            this.rootSeen = true;
        }
        this.openElement(name, tag);
        if (selfClosing) {
            this.closeElement(name);
            if (this.elements.length === 0)
                this.rootClosed = true;
        }
        else {
            this.elements.push(name);
        }
    }
    openElement(name, tag) {
        switch (name) {
            case 'testsuites': {
                if (parseAttributes(tag).get('name') === 'pytest')
                    this.pytestReport = true;
                return;
            }
            case 'testsuite': {
                const attributes = parseAttributes(tag);
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
                    time: parseSeconds(attributes.get('time')),
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
                this.currentCase = this.startCase(parseAttributes(tag));
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
                    const attributes = parseAttributes(tag);
                    if (attributes.get('type') === 'pytest.xfail')
                        current.expectation = 'xfail';
                    else if (attributes.get('message') === 'xfail-marked test passes unexpectedly')
                        current.expectation = 'xpass-strict';
                }
                else
                    current.flaky = true;
                if ((name === 'failure' || name === 'error') && current.message === undefined) {
                    const message = parseAttributes(tag).get('message');
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
        return normalizeFileId(path, this.options);
    }
    /** Works out a test case's file and id from its attributes and enclosing suites. */
    startCase(attributes) {
        const name = attributes.get('name') ?? '';
        const classname = attributes.get('classname') ?? attributes.get('class') ?? '';
        const seconds = parseSeconds(attributes.get('time'));
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
            id: joinTestId(file, scopes, name),
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
        if (!this.rootSeen) {
            this.fail(this.offset === 0 && this.buffer.trim() === ''
                ? 'the file is empty'
                : 'no <testsuites> or <testsuite> element');
        }
        if (this.elements.length > 0 || this.mode !== 'markup' || this.buffer.trim() !== '') {
            const open = this.elements[this.elements.length - 1] ?? 'a tag';
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
;// CONCATENATED MODULE: ./build/core/store.js



/**
 * What the file entries mean. Stores written before per-file costs were learned hold the sum
 * of each file's tests; their file entries are replaced (not averaged) by the next measured run.
 */
const COST_MODEL = 'file-wall';
/** The cost model a store has learned, where it has learned one. */
function storeCostModel(store) {
    if (store?.shardSetupSeconds === undefined || store.costModel !== COST_MODEL)
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
        costModel: COST_MODEL,
        files: {},
        tests: {},
        shardSetupSeconds: undefined,
    };
}
/** Runs an entry may go untimed before it is pruned (a deleted or renamed test). */
const PRUNE_AFTER_RUNS = 30;
/** The most tests and files a store keeps; the longest unseen go first. */
const MAX_ENTRIES = 250_000;
/** Outcome letters kept per test. */
const OUTCOME_HISTORY = 30;
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
        const file = fileOfId(id);
        testSeconds.set(file, (testSeconds.get(file) ?? 0) + first.seconds);
    }
    const files = [
        ...new Set([...result.items.map(fileOfId), ...Object.values(result.tests).map((t) => t.file)]),
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
            if (letter !== undefined && isTestId(id))
                outcomes.set(id, letter);
            const first = record.attempts[0];
            if (!first ||
                first.status === 'skipped' ||
                first.seconds === undefined ||
                !(first.seconds > 0))
                continue;
            if (isDangerousKey(id))
                continue;
            // A generic command's outcome per file is the file itself, not a test.
            if (isTestId(id))
                tests.set(id, (tests.get(id) ?? 0) + first.seconds);
        }
    }
    const fit = fitRun(ordered.map(observeShard), prior);
    const files = new Map([...fit.fileCosts].filter(([file]) => !isDangerousKey(file)));
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
    const fit = fitRun(complete.map(observeShard), prior);
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
        startupByShard[result.shard.index] = Math.max(0, observation.wallSeconds - fileSpan(observation.files));
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
        lowerBoundSeconds: modelLowerBound(model, work, longest, ran.length),
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
            : `${old?.outcomes ?? ''}${letter}`.slice(-OUTCOME_HISTORY);
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
    const stale = store.costModel !== COST_MODEL;
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
        costModel: COST_MODEL,
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
    if (typeof data !== 'object' || data === null)
        return undefined;
    const record = data;
    if (record.version !== 1 || record.tool !== 'shardwise')
        return undefined;
    const section = (value) => {
        const out = Object.create(null);
        if (typeof value !== 'object' || value === null)
            return out;
        for (const [id, entry] of Object.entries(value)) {
            if (typeof entry !== 'object' || entry === null)
                continue;
            const e = entry;
            if (typeof e.seconds !== 'number' || !Number.isFinite(e.seconds) || e.seconds < 0)
                continue;
            const outcomes = typeof e.outcomes === 'string' && /^[pfk]*$/.test(e.outcomes)
                ? e.outcomes.slice(-OUTCOME_HISTORY)
                : undefined;
            out[id] = {
                seconds: Math.min(e.seconds, MAX_DURATION_SECONDS),
                runs: typeof e.runs === 'number' && e.runs >= 1 ? Math.floor(e.runs) : 1,
                lastSeen: typeof e.lastSeen === 'string' ? e.lastSeen.slice(0, 40) : '',
                ...(typeof e.lastRun === 'number' && Number.isInteger(e.lastRun)
                    ? { lastRun: e.lastRun }
                    : {}),
                ...(outcomes === undefined ? {} : { outcomes }),
            };
        }
        return out;
    };
    const terms = section({
        setup: record.shardSetupSeconds,
        warmup: record.warmupSeconds,
        workers: record.workers,
    });
    return {
        version: 1,
        tool: 'shardwise',
        updatedAt: typeof record.updatedAt === 'string' ? record.updatedAt : '',
        runs: typeof record.runs === 'number' ? record.runs : 0,
        ...(record.costModel === COST_MODEL ? { costModel: COST_MODEL } : {}),
        files: section(record.files),
        tests: section(record.tests),
        shardSetupSeconds: terms.setup,
        warmupSeconds: terms.warmup,
        workers: terms.workers,
    };
}
//# sourceMappingURL=store.js.map
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
function parseFlatMap(source, data, options) {
    const format = Object.keys(data).some((k) => k.includes('::'))
        ? 'pytest-split'
        : 'knapsack';
    const builder = new RunBuilder(source, format, options);
    for (const [id, value] of Object.entries(data))
        builder.add(id, value);
    return finish(format, [builder]);
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
            id = normalizeFileId(entry.spec, options);
            normalized.set(entry.spec, id);
        }
        const occurrence = seen.get(id) ?? 0;
        seen.set(id, occurrence + 1);
        let builder = builders[occurrence];
        if (!builder) {
            builder = new RunBuilder(source, 'cypress-split', options);
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
    const builder = new RunBuilder(source, 'jest-json', options);
    let malformed = 0;
    for (const result of results) {
        if (!isObject(result) || typeof result.name !== 'string') {
            malformed++;
            continue;
        }
        const file = normalizeFileId(result.name, options);
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
            const id = joinTestId(file, scopes, assertion.title);
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
    const builder = new RunBuilder(source, 'shardwise', options);
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
                builder.addUntimed(normalizeId(id, options));
            else
                builder.add(id, seconds);
        }
    }
    const parsed = finish('shardwise', [builder]);
    const costModel = storeCostModel(storeFromJson(data));
    if (costModel === undefined)
        return parsed;
    return { ...parsed, runs: parsed.runs.map((run) => ({ ...run, costModel })) };
}
/** parallel_tests runtime logs: one `path:seconds` per line (split on the last colon). */
function parseParallelTestsLog(source, text, options) {
    const builder = new RunBuilder(source, 'parallel-tests', options);
    const bad = [];
    text.split(/\r?\n/).forEach((line, index) => {
        if (line.trim() === '')
            return;
        const colon = line.lastIndexOf(':');
        // parseSeconds, not Number(): `0x10`, `0b11` and `Infinity` are not seconds.
        const seconds = colon > 0 ? parseSeconds(line.slice(colon + 1)) : undefined;
        if (seconds === undefined) {
            bad.push(index + 1);
            return;
        }
        builder.addNormalized(normalizeFileId(line.slice(0, colon), options), seconds);
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
    const builder = new RunBuilder(source, 'go-test-json');
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
            builder.addUntimed(joinTestId(event.Package, [], test));
            continue;
        }
        if (event.Action !== 'pass' && event.Action !== 'fail')
            continue;
        const elapsed = event.Elapsed;
        if (test !== undefined) {
            if (test.includes('/'))
                continue;
            builder.addNormalized(joinTestId(event.Package, [], test), elapsed);
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
    const start = head.replace(/^\uFEFF/, '').trimStart();
    if (start.startsWith('<'))
        return 'xml';
    if (start.startsWith('{') || start.startsWith('['))
        return 'json';
    return 'lines';
}
function detect_isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/**
 * Parses a timings file read whole, whatever its format. Throws `TimingsFormatError` naming the
 * file when the content is of no supported format.
 */
function parseTimingsText(source, raw, options = {}) {
    const text = raw.replace(/^\uFEFF/, '');
    if (text.trim() === '')
        throw new TimingsFormatError(`${source}: the file is empty`);
    const syntax = detectSyntax(text);
    if (syntax === 'xml') {
        const summary = parseJunit(source, text, options);
        return {
            format: 'junit',
            runs: summary.run.files.size + summary.run.tests.size + summary.run.untimed.size > 0
                ? [summary.run]
                : [],
            warnings: summary.warnings,
        };
    }
    if (syntax === 'json') {
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
        const values = Object.values(data);
        const numbers = values.filter((v) => typeof v === 'number').length;
        // A flat map holds numbers; a few other values (a nested object in a poisoned cache) are
        // bad entries to count and drop, not a reason to lose the good ones.
        if (values.length > 0 &&
            (numbers * 2 > values.length ||
                values.every((v) => typeof v === 'number' || v === null || typeof v === 'string'))) {
            return parseFlatMap(source, data, options);
        }
        if (values.length === 0)
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
        info = await (0,promises_namespaceObject.lstat)(path);
    }
    catch (error) {
        throw new errors_UsageError(`--timings ${path}: cannot read it (${describeError(error)})`);
    }
    if (info.isFile())
        return [path];
    if (info.isSymbolicLink()) {
        throw new errors_UsageError(`--timings ${path}: is a symbolic link; give the file it points to`);
    }
    if (!info.isDirectory())
        throw new errors_UsageError(`--timings ${path}: is not a file or directory`);
    const found = [];
    const walk = async (dir, depth) => {
        const entries = await (0,promises_namespaceObject.readdir)(dir, { withFileTypes: true });
        entries.sort((a, b) => (a.name < b.name ? -1 : 1));
        for (const entry of entries) {
            const full = (0,external_node_path_namespaceObject.join)(dir, entry.name);
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
        return { decoder: new external_node_util_namespaceObject.TextDecoder('utf-16le'), skip: 2 };
    if (head[0] === 0xfe && head[1] === 0xff)
        return { decoder: new external_node_util_namespaceObject.TextDecoder('utf-16be'), skip: 2 };
    if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) {
        return { decoder: new external_node_util_namespaceObject.TextDecoder('utf-8'), skip: 3 };
    }
    return { decoder: new external_node_util_namespaceObject.TextDecoder('utf-8'), skip: 0 };
}
async function readHead(path) {
    const handle = await (0,promises_namespaceObject.open)(path, 'r');
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
    const stream = (0,external_node_fs_namespaceObject.createReadStream)(path, { start: skip, highWaterMark: 1 << 20 });
    for await (const chunk of stream) {
        parser.write(decoder.decode(chunk, { stream: true }));
    }
    parser.write(decoder.decode());
}
async function loadFile(path, options, log) {
    const head = await readHead(path);
    const { decoder, skip } = decoderFor(head);
    const syntax = detectSyntax(decoder.decode(head.subarray(skip, Math.min(head.length, 512))));
    if (syntax === 'xml') {
        const parser = new JunitParser(path, options);
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
    const info = await (0,promises_namespaceObject.lstat)(path);
    if (info.size > MAX_TEXT_BYTES) {
        throw new TimingsFormatError(`${path}: ${info.size} bytes is more than the ${MAX_TEXT_BYTES} a JSON or log timings file may have`);
    }
    const bytes = await (0,promises_namespaceObject.readFile)(path);
    const parsed = parseTimingsText(path, decoder.decode(bytes.subarray(skip)), options);
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
                if (!(error instanceof JunitError || error instanceof TimingsFormatError)) {
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
;// CONCATENATED MODULE: ./build/modes/plan.js








async function readItems(source, deps, roots) {
    let text;
    try {
        text = source === '-' ? await deps.readStdin() : await (0,promises_namespaceObject.readFile)(source, 'utf8');
    }
    catch (error) {
        throw new errors_UsageError(`--items-from ${source}: cannot read it (${describeError(error)})`);
    }
    const ids = text
        .split('\n')
        .map((line) => line.replace(/\r$/, ''))
        .filter((line) => line.trim() !== '')
        .map((line) => normalizeId(line, { roots }));
    if (ids.length === 0)
        throw new errors_UsageError(`--items-from ${source}: holds no ids (one per line)`);
    return ids;
}
/** Warns that ids from `source` resolve outside the repository and are not planned. */
function warnOutside(outside, source, root, log) {
    log.warning(`${source}: ${outside.length} ${outside.length === 1 ? 'id resolves' : 'ids resolve'} outside ${root} and ${outside.length === 1 ? 'is' : 'are'} not planned: ${outside.slice(0, 5).join(', ')}${outside.length > 5 ? ', …' : ''}`);
}
/** A timings run without the ids outside the repository (when the timings are the items). */
function runInsideRoot(run) {
    const keep = (id) => !isOutsideRoot(id);
    return {
        ...run,
        files: new Map([...run.files].filter(([id]) => keep(id))),
        tests: new Map([...run.tests].filter(([id]) => keep(id))),
        untimed: new Set([...run.untimed].filter(keep)),
    };
}
/** Restores timings, finds the items, estimates the unknown ones and splits them into shards. */
async function planMode(options, deps) {
    const { log } = deps;
    const roots = [options.root, ...options.roots];
    const loaded = await loadTimings(options.timings, { roots }, log);
    let items;
    let sizes;
    // Ids that resolve outside the repository (`../x`, `/etc/x`) are refused wherever they come
    // from: never planned, so never run.
    let refused = 0;
    const inside = (ids, source) => {
        const outside = ids.filter(isOutsideRoot);
        if (outside.length === 0)
            return [...ids];
        warnOutside(outside, source, options.root, log);
        refused += outside.length;
        return ids.filter((id) => !isOutsideRoot(id));
    };
    if (options.patterns.length > 0) {
        const discovered = await discoverFiles(options.patterns, options.root);
        if (discovered.files.length === 0) {
            throw new errors_UsageError(`no files under ${options.root} match ${options.patterns.map((p) => `'${p}'`).join(' ')}`);
        }
        items = inside(discovered.files, 'the globs');
        sizes = discovered.sizes;
        if (options.runnerFiles !== undefined) {
            // A helper module the glob caught is not a test: the runner would report nothing for it
            // and the shard would fail for a file that was never a test.
            const { runner, files } = options.runnerFiles;
            const own = items.filter((id) => files.has(id));
            const others = items.filter((id) => !files.has(id));
            if (others.length > 0) {
                log.warning(`${others.length} ${others.length === 1 ? 'file matches' : 'files match'} the globs but ${others.length === 1 ? 'is' : 'are'} not a test file for ${runner} (its configuration does not run ${others.length === 1 ? 'it' : 'them'}); left out of the plan: ${others
                    .slice(0, 5)
                    .join(', ')}${others.length > 5 ? ', …' : ''}`);
                if (own.length === 0)
                    throw new errors_UsageError(`none of the ${items.length} files matching ${options.patterns.map((p) => `'${p}'`).join(' ')} is a test file for ${runner}`);
                items = own;
            }
        }
    }
    if (options.items !== undefined) {
        const listed = inside(options.items.map((id) => normalizeId(id, { roots })), "the runner's test list");
        items = [...(items ?? []), ...listed];
        sizes = new Map([...(sizes ?? []), ...(await fileSizes(listed, options.root))]);
    }
    if (options.itemsFrom !== undefined) {
        const listed = inside(await readItems(options.itemsFrom, deps, roots), `--items-from ${options.itemsFrom}`);
        items = [...(items ?? []), ...listed];
        sizes = new Map([...(sizes ?? []), ...(await fileSizes(listed, options.root))]);
    }
    if (items !== undefined && options.exclude)
        items = options.exclude(items);
    if (items !== undefined && items.length === 0 && refused > 0) {
        throw new errors_UsageError(`nothing to plan: every item resolves outside the repository root ${options.root}`);
    }
    // Planning what the timings hold: their ids are the items, refused like any other.
    let runs = loaded.runs;
    if (items === undefined) {
        const ids = (run) => [...run.files.keys(), ...run.tests.keys(), ...run.untimed];
        const outside = [...new Set(loaded.runs.flatMap((run) => ids(run).filter(isOutsideRoot)))];
        if (outside.length > 0) {
            warnOutside(outside.sort(), '--timings', options.root, log);
            runs = loaded.runs.map(runInsideRoot);
            if (runs.every((run) => ids(run).length === 0))
                throw new errors_UsageError(`nothing to plan: every id in the timings resolves outside the repository root ${options.root}`);
        }
    }
    const model = buildTimingModel(runs);
    if (items === undefined) {
        if (loaded.runs.length === 0) {
            const why = options.timings.length === 0
                ? 'no test globs, no --items-from and no --timings were given'
                : `none of the --timings files held usable timings (${loaded.sources.length} read)`;
            throw new errors_UsageError(`nothing to plan: ${why}. Give test globs, --items-from <file>, or --timings <file>.`);
        }
        log.notice('no globs or --items-from: planning the items present in the timings');
    }
    else if (loaded.runs.length === 0) {
        log.notice(options.timings.length === 0
            ? 'no timings given: every item is estimated (from file sizes where the files exist)'
            : 'no usable timings: every item is estimated (from file sizes where the files exist)');
    }
    // A start-up given by hand wins; else what the history learned; else the caller's estimate.
    const costModel = options.shardOverheadSeconds !== undefined
        ? {
            startupSeconds: options.shardOverheadSeconds,
            warmupSeconds: 0,
            workers: model.costModel?.workers ?? options.priorCostModel?.workers ?? 1,
        }
        : (model.costModel ?? options.priorCostModel ?? SERIAL_MODEL);
    const plan = planShards({
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
;// CONCATENATED MODULE: external "node:crypto"
const external_node_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");
;// CONCATENATED MODULE: external "node:events"
const external_node_events_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");
;// CONCATENATED MODULE: external "node:string_decoder"
const external_node_string_decoder_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:string_decoder");
;// CONCATENATED MODULE: ./build/core/shard-result.js

const TEST_VERDICTS = [
    'passed',
    'failed',
    'flaky',
    'skipped',
    'xfailed',
    'xpassed',
];
const OUTCOME_STATUSES = [
    'passed',
    'failed',
    'skipped',
    'xfailed',
    'xpassed',
];
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
    if (!isTestId(item))
        return fileOfId(testId) === item;
    // A planned test covers its parametrised cases (`t` → `t[1]`) and nested scopes (`T` → `T::t`).
    return testId.startsWith(`${item}::`) || testId.startsWith(`${item}[`);
}
/**
 * Merges the attempts of a shard (the first run, then retries of what failed, or repeats) into
 * verdicts: a test that both failed and passed is *flaky*, one that failed and never passed is
 * *failed*. A file
 * failure (a crash before any test) fails every planned item of that file unless a retry
 * produced results for it. A planned item with no result at all is *missing*.
 */
function judgeAttempts(items, attempts) {
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
            const file = fileOfId(item);
            if (!reported.has(file) && !next.has(file) && !troubled.has(file)) {
                troubled.set(file, {
                    why: 'an earlier attempt reported no result for the file',
                    ran: new Set(),
                });
            }
        }
        fileFailures = next;
    }
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
    const ids = [...tests.keys()]; // sorted
    const files = new Set([...tests.values()].map((t) => t.file));
    const answered = (item) => {
        if (fileFailures.has(fileOfId(item)))
            return true;
        if (!isTestId(item))
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
    const missing = items.filter((item) => !answered(item));
    return { tests, missing, fileFailures: [...fileFailures.values()], counts };
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
        if (failedFiles.has(fileOfId(item)))
            out.add(isTestId(item) && selectsTests ? item : fileOfId(item));
    }
    // An item with no result at all (the runner died before reporting it) gets another chance too.
    for (const item of judgement.missing)
        out.add(isTestId(item) && selectsTests ? item : fileOfId(item));
    return [...out].sort();
}
//# sourceMappingURL=shard-result.js.map
;// CONCATENATED MODULE: external "node:child_process"
const external_node_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");
;// CONCATENATED MODULE: ./build/adapters/process.js


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
            child = (0,external_node_child_process_namespaceObject.spawn)(file, args, {
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
                spawnError: describeError(error),
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
                        : describeError(error);
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
;// CONCATENATED MODULE: ./build/adapters/runners/generic.js


/**
 * Any other command: the shard's files are appended as `./` paths (or replace a `{files}`
 * argument). What passed and failed comes from the JUnit files given with `--junit`; with none,
 * the command's exit status stands for every file it ran.
 */
const generic = {
    name: 'generic',
    selectsTests: false,
    invocations({ command, items }) {
        const files = [...new Set(items.map(fileOfId))];
        const placeholder = command.indexOf('{files}');
        const before = placeholder < 0 ? command : command.slice(0, placeholder);
        const after = placeholder < 0 ? [] : command.slice(placeholder + 1);
        const chunks = chunkByArgumentBytes(files, argumentBytes([...before, ...after]), (f) => Buffer.byteLength(f) + 2);
        return chunks.map((chunk) => ({
            argv: [...before, ...chunk.map(pathArgument), ...after],
            items: chunk,
        }));
    },
    readOutcomes() {
        // Outcomes come from --junit files or the exit status; see the run mode.
        return Promise.resolve({ tests: [], fileFailures: [] });
    },
};
//# sourceMappingURL=generic.js.map
;// CONCATENATED MODULE: ./build/adapters/runners/roots.js

/**
 * The working directory and, when it differs, its real path: runners report real paths (a
 * symlinked checkout), and both must be stripped to get repo-relative ids.
 */
function rootsOf(cwd) {
    try {
        const real = (0,external_node_fs_namespaceObject.realpathSync)(cwd);
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
        fd = (0,external_node_fs_namespaceObject.openSync)(path, 'r');
        const size = (0,external_node_fs_namespaceObject.fstatSync)(fd).size;
        if (!state || size < state.offset) {
            state = { offset: 0, count: 0, tail: '' };
            if (progress.size >= MAX_TRACKED)
                progress.delete(progress.keys().next().value ?? '');
        }
        progress.set(key, state);
        const length = Math.min(size - state.offset, MAX_READ);
        if (length > 0) {
            const buffer = Buffer.alloc(length);
            const read = (0,external_node_fs_namespaceObject.readSync)(fd, buffer, 0, length, state.offset);
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
            (0,external_node_fs_namespaceObject.closeSync)(fd);
    }
}
//# sourceMappingURL=roots.js.map
;// CONCATENATED MODULE: ./build/core/outcomes.js


const outcomes_MAX_MESSAGE_CHARS = 2000;
function outcomes_isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function message(value) {
    if (typeof value === 'string' && value !== '')
        return value.slice(0, outcomes_MAX_MESSAGE_CHARS);
    if (Array.isArray(value))
        return message(value.filter((v) => typeof v === 'string').join('\n'));
    return undefined;
}
function outcomes_seconds(ms) {
    return typeof ms === 'number' ? acceptSeconds(ms / 1000) : undefined;
}
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
    const results = outcomes_isObject(data) && Array.isArray(data.testResults) ? data.testResults : [];
    for (const result of results) {
        if (!outcomes_isObject(result) || typeof result.name !== 'string')
            continue;
        const file = normalizeFileId(result.name, options);
        if (options.fileTimes === true) {
            const start = result.startTime;
            const end = result.endTime;
            // A file that failed to run has both set to the same moment: no timing.
            if (typeof start === 'number' && typeof end === 'number' && end > start) {
                const seconds = acceptSeconds((end - start) / 1000);
                if (seconds !== undefined && seconds > 0)
                    files.push({ file, seconds, startMs: start });
            }
        }
        const assertions = Array.isArray(result.assertionResults)
            ? result.assertionResults
            : [];
        for (const assertion of assertions) {
            if (!outcomes_isObject(assertion) || typeof assertion.title !== 'string')
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
                id: joinTestId(file, scopes, assertion.title),
                file,
                status,
                seconds: outcomes_seconds(assertion.duration),
                message: status === 'failed' ? message(plain(assertion.failureMessages)) : undefined,
            });
        }
        if (result.status === 'failed' &&
            !assertions.some((a) => outcomes_isObject(a) && a.status === 'failed')) {
            fileFailures.push({
                file,
                message: message(plain(result.message)) ?? 'the test file failed to run',
            });
        }
    }
    return { tests, fileFailures, ...(options.fileTimes === true ? { files } : {}) };
}
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
    const tests = [];
    const files = [];
    const packageFailed = new Map();
    const packageEnded = new Set();
    const packagesWithTests = new Set();
    const running = new Map(); // test id → package, started and not yet ended
    const output = new Map();
    const buildOutput = new Map();
    const remember = (store, key, line) => {
        // Progress lines explain nothing.
        if (/^=== (?:RUN|PAUSE|CONT|NAME)\b/.test(line))
            return;
        const lines = store.get(key) ?? [];
        lines.push(line.length > MAX_OUTPUT_LINE ? `${line.slice(0, MAX_OUTPUT_LINE)}…\n` : line);
        if (lines.length > OUTPUT_LINES)
            lines.shift();
        store.set(key, lines);
    };
    const importPath = (value) => value.replace(/ \[.*\]$/, '');
    const line = (raw) => {
        const line = raw.replace(/\r$/, '');
        if (!line.startsWith('{')) {
            // go 1.19–1.23 print a package that does not build as plain text on stdout.
            const failed = /^FAIL\t(\S+) \[(build failed|setup failed)\]$/.exec(line);
            if (failed?.[1] !== undefined)
                packageFailed.set(failed[1], `${failed[2] ?? 'failed'}: the compiler's messages are in the shard's output`);
            return;
        }
        let event;
        try {
            event = JSON.parse(line);
        }
        catch {
            return;
        }
        if (!outcomes_isObject(event) || typeof event.Action !== 'string')
            return;
        if (event.Action === 'build-output' || event.Action === 'build-fail') {
            if (typeof event.ImportPath === 'string' && typeof event.Output === 'string')
                remember(buildOutput, importPath(event.ImportPath), event.Output);
            return;
        }
        if (typeof event.Package !== 'string')
            return;
        const pkg = event.Package;
        const test = typeof event.Test === 'string' ? event.Test : undefined;
        const top = test?.split('/')[0];
        const id = top === undefined ? undefined : joinTestId(pkg, [], top);
        if (event.Action === 'output' && typeof event.Output === 'string') {
            remember(output, id ?? pkg, event.Output);
            return;
        }
        if (test === undefined || id === undefined) {
            if (event.Action === 'fail') {
                const failedBuild = typeof event.FailedBuild === 'string' ? importPath(event.FailedBuild) : undefined;
                packageFailed.set(pkg, failedBuild === undefined
                    ? (output.get(pkg) ?? []).join('')
                    : `build failed\n${(buildOutput.get(failedBuild) ?? []).join('')}`);
            }
            if (event.Action === 'pass' || event.Action === 'fail' || event.Action === 'skip')
                packageEnded.add(pkg);
            // The package's test binary, start to end: what the package costs to test.
            const elapsed = acceptSeconds(event.Elapsed);
            if ((event.Action === 'pass' || event.Action === 'fail') &&
                elapsed !== undefined &&
                elapsed > 0) {
                const ended = typeof event.Time === 'string' ? Date.parse(event.Time) : Number.NaN;
                files.push({
                    file: pkg,
                    seconds: elapsed,
                    ...(Number.isFinite(ended) ? { startMs: ended - elapsed * 1000 } : {}),
                });
            }
            return;
        }
        packagesWithTests.add(pkg);
        if (test !== top)
            return;
        if (event.Action === 'run') {
            running.set(id, pkg);
            return;
        }
        if (event.Action !== 'pass' && event.Action !== 'fail' && event.Action !== 'skip')
            return;
        running.delete(id);
        const status = event.Action === 'pass' ? 'passed' : event.Action === 'fail' ? 'failed' : 'skipped';
        tests.push({
            id,
            file: pkg,
            status,
            seconds: acceptSeconds(event.Elapsed),
            message: status === 'failed' ? message((output.get(id) ?? []).join('')) : undefined,
        });
        // A finished test's output is done with (a -count run starts it afresh).
        output.delete(id);
    };
    const end = () => {
        const ended = [...tests];
        for (const [id, pkg] of running) {
            if (!packageFailed.has(pkg))
                continue;
            const tail = (output.get(id) ?? output.get(pkg) ?? []).join('');
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
        for (const [pkg, text] of packageFailed) {
            if (failedFiles.has(pkg))
                continue;
            fileFailures.push({ file: pkg, message: message(`${pkg}: ${text}`) ?? 'the package failed' });
        }
        for (const pkg of packageEnded) {
            if (packagesWithTests.has(pkg) || packageFailed.has(pkg))
                continue;
            ended.push({ id: pkg, file: pkg, status: 'skipped', seconds: undefined, message: undefined });
        }
        return { tests: ended, fileFailures, files };
    };
    return { line, end };
}
/**
 * Mocha's `json` reporter: `tests[]`, `failures[]`, `pending[]` with `file` and `fullTitle`. A
 * failing hook (`"before all" hook for "x"`) is in `failures[]` only, and the tests it stopped
 * are in no list: it fails its file, so that the file counts as failed and a retry runs it
 * again, even when other tests of the file passed.
 */
function parseMochaOutcomes(data, options = {}) {
    const tests = [];
    if (!outcomes_isObject(data))
        return { tests, fileFailures: [] };
    const key = (t) => `${String(t.file)}\u0000${String(t.fullTitle)}`;
    const list = (name) => Array.isArray(data[name]) ? data[name].filter(outcomes_isObject) : [];
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
        const file = normalizeFileId(t.file, options);
        const scope = t.fullTitle.endsWith(t.title) ? t.fullTitle.slice(0, -t.title.length).trim() : '';
        const status = failed.has(key(t))
            ? 'failed'
            : pending.has(key(t))
                ? 'skipped'
                : 'passed';
        const error = outcomes_isObject(t.err) ? t.err : undefined;
        tests.push({
            id: joinTestId(file, scope === '' ? [] : [scope], t.title),
            file,
            status,
            seconds: outcomes_seconds(t.duration),
            message: status === 'failed' ? message(error?.message) : undefined,
        });
    }
    const fileFailures = [];
    for (const t of list('failures')) {
        // Outside any file (a root hook, an uncaught error between files): the exit code says it.
        if (reported.has(key(t)) || typeof t.file !== 'string')
            continue;
        const error = outcomes_isObject(t.err) ? message(t.err.message) : undefined;
        const title = typeof t.fullTitle === 'string' ? t.fullTitle : 'a hook';
        fileFailures.push({
            file: normalizeFileId(t.file, options),
            message: (error === undefined ? title : `${title}: ${error}`).slice(0, outcomes_MAX_MESSAGE_CHARS),
        });
    }
    return { tests, fileFailures };
}
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
    const roots = outcomes_isObject(data) && Array.isArray(data.suites) ? data.suites : [];
    const rootDir = outcomes_isObject(data) && outcomes_isObject(data.config) && typeof data.config.rootDir === 'string'
        ? data.config.rootDir.replace(/[\\/]+$/, '')
        : undefined;
    const isAbsolute = (path) => /^(?:\/|[A-Za-z]:[\\/]|\\\\)/.test(path);
    const fileIdOf = (path) => normalizeFileId(rootDir !== undefined && !isAbsolute(path) ? `${rootDir}/${path}` : path, {
        roots: [...(options.roots ?? []), ...(rootDir !== undefined ? [rootDir] : [])],
    });
    // A test's outcome from Playwright's own verdict (`expected`, `unexpected`, `flaky`, `skipped`).
    const outcomeOf = (test, results) => {
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
    };
    const walk = (suite, file, scopes) => {
        if (!outcomes_isObject(suite))
            return;
        const suiteFile = typeof suite.file === 'string' ? suite.file : undefined;
        const here = file ?? suiteFile;
        const title = typeof suite.title === 'string' ? suite.title : '';
        const nextScopes = file === undefined ? scopes : title === '' ? scopes : [...scopes, title];
        for (const spec of Array.isArray(suite.specs) ? suite.specs : []) {
            if (!outcomes_isObject(spec) || typeof spec.title !== 'string')
                continue;
            const specFile = typeof spec.file === 'string' ? spec.file : here;
            if (specFile === undefined)
                continue;
            const fileId = fileIdOf(specFile);
            for (const test of Array.isArray(spec.tests) ? spec.tests : []) {
                if (!outcomes_isObject(test))
                    continue;
                const project = typeof test.projectName === 'string' && test.projectName !== '' ? [test.projectName] : [];
                const results = Array.isArray(test.results)
                    ? test.results.filter(outcomes_isObject)
                    : [];
                const status = outcomeOf(test, results);
                const last = results[results.length - 1];
                const errors = last && Array.isArray(last.errors) ? last.errors.filter(outcomes_isObject) : [];
                const error = last && outcomes_isObject(last.error) ? last.error : errors[0];
                tests.push({
                    id: joinTestId(fileId, [...project, ...nextScopes], spec.title),
                    file: fileId,
                    status,
                    seconds: outcomes_seconds(results.reduce((total, r) => total + (typeof r.duration === 'number' ? r.duration : 0), 0)),
                    message: status === 'failed' ? (message(error?.message) ?? 'the test failed') : undefined,
                });
            }
        }
        for (const child of Array.isArray(suite.suites) ? suite.suites : []) {
            walk(child, here, nextScopes);
        }
    };
    for (const root of roots)
        walk(root, undefined, []);
    const errors = outcomes_isObject(data) && Array.isArray(data.errors) ? data.errors.filter(outcomes_isObject) : [];
    for (const error of errors) {
        const location = outcomes_isObject(error.location) && typeof error.location.file === 'string'
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
        if (!outcomes_isObject(event) || typeof event.file !== 'string')
            continue;
        const file = normalizeFileId(event.file, options);
        if (event.type === 'file-error') {
            fileFailures.push({ file, message: message(event.message) ?? 'the test file failed to run' });
            continue;
        }
        if (event.type === 'file') {
            const time = outcomes_seconds(event.ms);
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
            id: joinTestId(file, path.slice(0, -1), name),
            file,
            status,
            seconds: outcomes_seconds(event.ms),
            message: status === 'failed' ? message(event.message) : undefined,
        });
    }
    return { tests, fileFailures, files };
}
//# sourceMappingURL=outcomes.js.map
;// CONCATENATED MODULE: ./build/adapters/read-lines.js


/**
 * Calls `onLine` for each line of a file (without its `\n`), reading it as a stream: memory
 * holds one line at a time whatever the file's size. A line longer than `maxLineChars` is
 * passed cut to that length (its rest is skipped), so one endless line cannot exhaust memory.
 */
async function forEachLine(path, onLine, maxLineChars = 4 * 1024 * 1024) {
    const decoder = new external_node_string_decoder_namespaceObject.StringDecoder('utf8');
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
    for await (const chunk of (0,external_node_fs_namespaceObject.createReadStream)(path))
        take(decoder.write(chunk));
    take(decoder.end());
    if (state.pending !== '' && !state.skipping)
        onLine(state.pending);
}
//# sourceMappingURL=read-lines.js.map
;// CONCATENATED MODULE: ./build/adapters/runners/jest.js







/** Escapes a string for use as a literal inside a regular expression. */
function escapeRegExp(text) {
    return text.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
}
/**
 * A pattern matching exactly these tests' full names: the describe titles and the test title
 * joined by spaces, as Jest's and Vitest's `-t` see them. A `::` inside a title is
 * indistinguishable in the id from a scope boundary, so each boundary matches either.
 */
function fullNamePattern(ids) {
    const names = ids
        .map((id) => splitTestId(id)?.rest)
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
        const size = Buffer.byteLength(alternative(splitTestId(id)?.rest ?? '')) + 1;
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
    const wholeFiles = [...new Set(input.items.filter((i) => splitTestId(i) === undefined))].sort();
    const whole = new Set(wholeFiles);
    const testsByFile = new Map();
    for (const item of input.items) {
        const file = fileOfId(item);
        if (splitTestId(item) === undefined || whole.has(file))
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
        data = JSON.parse(await (0,promises_namespaceObject.readFile)(report, 'utf8'));
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
    const wholeFiles = new Set(items.filter((i) => splitTestId(i) === undefined));
    const testsByFile = new Map();
    for (const item of items) {
        if (splitTestId(item) === undefined || wholeFiles.has(fileOfId(item)))
            continue;
        testsByFile.set(fileOfId(item), [...(testsByFile.get(fileOfId(item)) ?? []), item]);
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
            return ids.some((id) => covers(id, test.id));
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
            const rel = (0,external_node_path_namespaceObject.relative)(root, path);
            if (rel !== '' && rel !== '..' && !rel.startsWith('../') && !(0,external_node_path_namespaceObject.isAbsolute)(rel))
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
        const rel = (0,external_node_path_namespaceObject.isAbsolute)(path) ? toRelative(path) : normalizeFileId(path);
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
    listsFilesCheaply: true,
    invocations(input) {
        return jestLikeInvocations(input, (report) => [...input.command, '--json', `--outputFile=${report}`], (n) => (0,external_node_path_namespaceObject.join)(input.reportDir, `jest-${n}.json`), { before: ['--runTestsByPath'], file: pathArgument }, '-t');
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
                names.push(...goTestNames((0,external_node_fs_namespaceObject.readFileSync)((0,external_node_path_namespaceObject.isAbsolute)(file) ? file : (0,external_node_path_namespaceObject.join)(dir, file), 'utf8')));
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
    invocations({ command, items, reportDir }) {
        const parsed = parseGoCommand(command);
        const head = parsed ? [...parsed.head, 'test', ...parsed.flags.flat()] : [...command];
        const tail = parsed ? parsed.binaryArgs : [];
        const wholePackages = [...new Set(items.filter((i) => splitTestId(i) === undefined))].sort();
        const testsByPackage = new Map();
        for (const item of items) {
            const parts = splitTestId(item);
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
                stdoutReport: (0,external_node_path_namespaceObject.join)(reportDir, `go-${n++}.jsonl`),
            });
        }
        for (const [pkg, tests] of [...testsByPackage].sort(([a], [b]) => (a < b ? -1 : 1))) {
            const pattern = `^(?:${[...new Set(tests)].sort().map(escapeRegExp).join('|')})$`;
            out.push({
                argv: [...fixed, '-run', pattern, pkg, ...tail],
                stdoutReport: (0,external_node_path_namespaceObject.join)(reportDir, `go-${n++}.jsonl`),
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
    invocations({ command, items, reportDir }) {
        const choice = commandConfig(command);
        const config = (0,external_node_path_namespaceObject.join)(reportDir, 'mocharc.cjs');
        (0,external_node_fs_namespaceObject.writeFileSync)(config, configSource(choice));
        const files = [...new Set(items.map(fileOfId))].sort();
        const tests = items.filter((i) => splitTestId(i) !== undefined);
        const titles = tests.map((id) => (splitTestId(id)?.rest ?? '').split('::').join(' '));
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
            `output=${(0,external_node_path_namespaceObject.join)(reportDir, `mocha-${n}.json`)}`,
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
            text = await (0,promises_namespaceObject.readFile)(option, 'utf8');
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
;// CONCATENATED MODULE: external "node:url"
const external_node_url_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");
;// CONCATENATED MODULE: ./build/adapters/runners/reporter-path.js



/**
 * The path of one of Shardwise's reporters (`<name>.<extension>`), which runners load by path
 * at run time: `dist/reporters/` in the bundle, `src/reporters/` when run from source.
 */
function bundledReporterPath(name, extension = 'mjs') {
    // Built from parts at run time: a literal path would be taken over by the bundler, which
    // rewrites it into a copy that the runner can no longer load as a reporter.
    const file = [name, extension].join('.');
    const here = (0,external_node_path_namespaceObject.dirname)((0,external_node_url_namespaceObject.fileURLToPath)(import.meta.url));
    const candidates = [
        (0,external_node_path_namespaceObject.join)(here, '..', 'reporters', file), // dist/cli/index.js → dist/reporters
        (0,external_node_path_namespaceObject.join)(here, 'reporters', file), // dist/index.js → dist/reporters
        (0,external_node_path_namespaceObject.join)(here, '..', '..', 'reporters', file), // src/adapters/runners → src/reporters
    ];
    const found = candidates.find((path) => (0,external_node_fs_namespaceObject.existsSync)(path));
    if (found === undefined) {
        throw new Error(`Shardwise's reporter reporters/${file} is missing from the installation`);
    }
    return found;
}
//# sourceMappingURL=reporter-path.js.map
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
    const binary = /^node(?:js)?(?:\.exe)?$/.test((0,external_node_path_namespaceObject.basename)(first)) ? first : 'node';
    if (!majorCache.has(binary)) {
        const result = (0,external_node_child_process_namespaceObject.spawnSync)(binary, ['--version'], { encoding: 'utf8', timeout: 10_000 });
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
    invocations({ command, items, reportDir }) {
        const files = [...new Set(items.map(fileOfId))];
        const globbing = files.some((f) => GLOB_SYNTAX.test(f)) && (nodeMajor(command) ?? 24) >= 21;
        const argument = (f) => (globbing ? nodeGlobLiteral(pathArgument(f)) : pathArgument(f));
        // A URL, not a path: node imports the reporter as a module specifier, where `#`, `?` or
        // `%` in a path would be read as URL syntax.
        const reporter = (0,external_node_url_namespaceObject.pathToFileURL)(nodeReporterPath()).href;
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
            `--test-reporter-destination=${(0,external_node_path_namespaceObject.join)(reportDir, `node-${n}.jsonl`)}`,
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
            text = path === undefined ? '' : await (0,promises_namespaceObject.readFile)(path, 'utf8');
        }
        catch {
            // No report: the runner died before writing one; every item will show as missing.
        }
        return parseNodeTestOutcomes(text, { roots: rootsOf(cwd) });
    },
};
//# sourceMappingURL=node-test.js.map
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
    const plain = (0,external_node_path_namespaceObject.resolve)(cwd, file);
    let real = plain;
    try {
        real = (0,external_node_path_namespaceObject.resolve)((0,external_node_fs_namespaceObject.realpathSync)(cwd), file);
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
    invocations({ command, items, reportDir, cwd }) {
        const files = [...new Set(items.map(fileOfId))].sort();
        const tests = items.filter((i) => splitTestId(i) !== undefined);
        const titles = tests.map((id) => (splitTestId(id)?.rest ?? '').split('::').pop() ?? '');
        const grep = tests.length > 0 && tests.length === items.length
            ? ['--grep', `(?:${[...new Set(titles)].map(escapeRegExp).join('|')})$`]
            : [];
        const fixed = [...command, '--reporter=list,json', ...grep];
        const chunks = chunkByArgumentBytes(files, argumentBytes(fixed), (f) => Buffer.byteLength(playwrightFileFilter(cwd, f)));
        return chunks.map((chunk, n) => ({
            argv: [...fixed, ...chunk.map((f) => playwrightFileFilter(cwd, f))],
            env: {
                PLAYWRIGHT_JSON_OUTPUT_FILE: (0,external_node_path_namespaceObject.join)(reportDir, `playwright-${n}.json`),
                PLAYWRIGHT_JSON_OUTPUT_NAME: (0,external_node_path_namespaceObject.join)(reportDir, `playwright-${n}.json`),
            },
        }));
    },
    async readOutcomes(invocation, { cwd }) {
        const output = invocation.env?.PLAYWRIGHT_JSON_OUTPUT_FILE;
        if (output === undefined)
            return { tests: [], fileFailures: [] };
        try {
            return parsePlaywrightOutcomes(JSON.parse(await (0,promises_namespaceObject.readFile)(output, 'utf8')), {
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
    },
};
//# sourceMappingURL=playwright.js.map
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
            await (0,promises_namespaceObject.access)(path);
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
        const parser = new JunitParser(path, { roots, onCase });
        try {
            await streamJunit(path, parser);
            const summary = parser.end();
            if (summary.partial)
                problems.push(summary.partial);
        }
        catch (error) {
            // Not JUnit, or unreadable (a directory, no permission, gone since): the cases read so
            // far stand and the rest show up as missing. Throwing would lose the whole shard result.
            problems.push(error instanceof JunitError
                ? error.message
                : `${path}: cannot read the report (${describeError(error)})`);
        }
    }
    return { tests, fileFailures, problems };
}
//# sourceMappingURL=junit-outcomes.js.map
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
        data = JSON.parse(await (0,promises_namespaceObject.readFile)(path, 'utf8'));
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
    const collectSeconds = new Map();
    if (typeof record.collectSeconds === 'object' && record.collectSeconds !== null) {
        for (const [file, seconds] of Object.entries(record.collectSeconds)) {
            const value = acceptSeconds(seconds);
            if (value !== undefined)
                collectSeconds.set(normalizeFileId(file), value);
        }
    }
    return {
        collectSeconds,
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
    return !fileOfId(item).includes('[');
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
        return joinTestId(file, classes, name);
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
            (0,external_node_fs_namespaceObject.existsSync)((0,external_node_path_namespaceObject.resolve)(cwd, fileOfId(word))))
            continue;
        out.push(word);
    }
    return out;
}
/** Turns what the JUnit reader found into pytest node ids, and collection errors into file failures. */
function pytestOutcomes(read, input, plugin) {
    const modules = new Map(input.items.map((item) => [dottedModule(fileOfId(item)), fileOfId(item)]));
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
        const renamed = id === test.id ? test : { ...test, id, file: fileOfId(id) };
        // pytest's own outcomes for xfail-marked tests: an expected failure is "xfailed", an
        // unexpected pass "xpassed" (its JUnit writer calls them skipped and passed).
        const status = plugin?.xpassed.has(id) === true && renamed.status === 'passed'
            ? 'xpassed'
            : plugin?.xfailed.has(id) === true && renamed.status === 'skipped'
                ? 'xfailed'
                : renamed.status;
        tests.push(status === renamed.status ? renamed : { ...renamed, status });
    }
    // pytest's JUnit time of a test is its setup, call and teardown together (a module-scoped
    // fixture's set-up lands on the module's first test), so a file's cost is its cases plus
    // what importing and collecting it took (from the plugin, where it ran).
    const perFile = new Map();
    for (const test of tests) {
        if (test.seconds === undefined)
            continue;
        perFile.set(test.file, (perFile.get(test.file) ?? 0) + test.seconds);
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
        const file = fileOfId(id);
        return file !== '' && (0,external_node_fs_namespaceObject.existsSync)((0,external_node_path_namespaceObject.resolve)(cwd, file));
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
        if (splitTestId(line) !== undefined && exists(line)) {
            out.add(line);
            continue;
        }
        // A path with newlines: join the following lines until the path exists (a few at most).
        let joined = line;
        let found;
        for (let j = i + 1; j < Math.min(lines.length, i + 8); j++) {
            joined += `\n${lines[j] ?? ''}`;
            if (splitTestId(joined) !== undefined && exists(joined)) {
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
        if (perFile?.[1] !== undefined && (0,external_node_fs_namespaceObject.existsSync)((0,external_node_path_namespaceObject.resolve)(cwd, perFile[1])))
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
    noTestsExitCode: 5,
    invocations({ command, items, reportDir, cwd }) {
        const own = withoutPaths(command, cwd);
        const fixed = (n) => [
            ...own,
            `${JUNIT_FLAG}${(0,external_node_path_namespaceObject.join)(reportDir, `pytest-${n}.xml`)}`,
            '-o',
            'junit_family=xunit1',
            '-p',
            'no:cacheprovider',
            '-p',
            PLUGIN,
            '--continue-on-collection-errors',
        ];
        // Our plugin is imported by name from its directory, ahead of the user's own path.
        const pluginDir = (0,external_node_path_namespaceObject.dirname)(bundledReporterPath(PLUGIN, 'py'));
        const pythonPath = [pluginDir, process.env.PYTHONPATH]
            .filter((p) => p !== undefined && p !== '')
            .join(external_node_path_namespaceObject.delimiter);
        const good = items.filter(selectable);
        // pytest rejects the whole command for one such path: run each such file alone, so that it
        // fails (never reported, so never a pass) without taking the others down with it.
        const bad = new Map();
        for (const item of items.filter((i) => !selectable(i))) {
            bad.set(fileOfId(item), [...(bad.get(fileOfId(item)) ?? []), item]);
        }
        const chunks = [
            ...chunkByArgumentBytes(good, argumentBytes(fixed(0)), (item) => Buffer.byteLength(item) + 2),
            ...bad.values(),
        ];
        return chunks.map((chunk, n) => ({
            argv: [...fixed(n), ...chunk.map(pathArgument)],
            env: { PYTHONPATH: pythonPath, [PLUGIN_REPORT]: (0,external_node_path_namespaceObject.join)(reportDir, `pytest-${n}.json`) },
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
        data = JSON.parse(await (0,promises_namespaceObject.readFile)(path, 'utf8'));
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
        const seconds = acceptSeconds(ms / 1000);
        if (seconds === undefined || seconds <= 0)
            continue;
        out.push({
            file: normalizeFileId(file, { roots: rootsOf(cwd) }),
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
    listsFilesCheaply: true,
    invocations(input) {
        const command = runOnce(input.command);
        const roots = rootsOf(input.cwd);
        const root = roots[roots.length - 1] ?? input.cwd;
        // A file URL: Vitest imports the reporter as a module, and `#` or `%` in a path would not
        // survive as a bare path.
        const timing = (0,external_node_url_namespaceObject.pathToFileURL)(bundledReporterPath('vitest-timing')).href;
        return jestLikeInvocations(input, (report) => [
            ...command,
            '--reporter=default',
            '--reporter=json',
            `--reporter=${timing}`,
            `--outputFile.json=${report}`,
        ], (n) => (0,external_node_path_namespaceObject.join)(input.reportDir, `vitest-${n}.json`), { before: [], file: (f) => (0,external_node_path_namespaceObject.resolve)(root, f) }, '-t', (report) => ({ [TIMING_VARIABLE]: report.replace(/\.json$/, '.timing.json') }));
    },
    async readOutcomes(invocation, input) {
        const outcomes = await readJestLikeReport('vitest', invocation, input, () => invocation.argv
            .findLast((a) => a.startsWith('--outputFile.json='))
            ?.slice('--outputFile.json='.length));
        // Only the files this invocation asked for (Vitest's filters may run others).
        const own = new Set([...outcomes.tests.map((t) => t.file), ...input.items.map(fileOfId)]);
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
                const manifest = JSON.parse(await (0,promises_namespaceObject.readFile)((0,external_node_path_namespaceObject.join)(cwd, 'package.json'), 'utf8'));
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
;// CONCATENATED MODULE: ./build/modes/run.js















/** The digest of a plan's canonical JSON: shard results name the plan they ran. */
function planDigest(plan) {
    return (0,external_node_crypto_namespaceObject.createHash)('sha256').update(stableStringify(plan)).digest('hex');
}
/** Reads and checks a plan file written by `shardwise plan --output` or the action. */
async function readPlanFile(path) {
    let text;
    try {
        text = await (0,promises_namespaceObject.readFile)(path, 'utf8');
    }
    catch (error) {
        throw new errors_UsageError(`--plan ${path}: cannot read it (${describeError(error)})`);
    }
    let data;
    try {
        data = JSON.parse(text);
    }
    catch (error) {
        throw new errors_UsageError(`--plan ${path}: not valid JSON (${describeError(error)})`);
    }
    const record = typeof data === 'object' && data !== null ? data : undefined;
    const shards = record?.shards;
    if (record?.version !== 1 || !Array.isArray(shards)) {
        throw new errors_UsageError(`--plan ${path}: not a Shardwise plan (version 1 with "shards")`);
    }
    for (const [i, shard] of shards.entries()) {
        const entry = typeof shard === 'object' && shard !== null ? shard : {};
        const items = entry.items;
        if (entry.index !== i + 1 ||
            !Array.isArray(items) ||
            !items.every((item) => typeof item === 'string' && item !== '')) {
            throw new errors_UsageError(`--plan ${path}: shard ${i + 1} is malformed (needs "index": ${i + 1} and "items": [strings])`);
        }
    }
    for (const [i, shard] of shards.entries()) {
        const predicted = shard.predictedSeconds;
        if (predicted !== undefined &&
            (typeof predicted !== 'number' || !Number.isFinite(predicted) || predicted < 0)) {
            throw new errors_UsageError(`--plan ${path}: shard ${i + 1} has "predictedSeconds" ${JSON.stringify(predicted)}; expected a number ≥ 0`);
        }
    }
    if (record.shardCount !== undefined && record.shardCount !== shards.length) {
        throw new errors_UsageError(`--plan ${path}: "shardCount" is ${JSON.stringify(record.shardCount)} but the plan lists ${shards.length} shards`);
    }
    const shardList = shards.map((shard) => ({
        index: shard.index,
        items: [...shard.items],
        predictedSeconds: shard.predictedSeconds ?? 0,
    }));
    return { plan: decodePlan(path, record, shardList), digest: planDigest(data) };
}
/**
 * The plan with every field the code reads, decoded rather than cast: the documented minimum
 * (DESIGN.md: `{"version":1,"shards":[{"index":1,"items":[…]}]}`) gets defaults worked out
 * from its shards, and a field that is present must have its type.
 */
function decodePlan(path, record, shards) {
    const bad = (field, expected) => {
        throw new errors_UsageError(`--plan ${path}: "${field}" is ${JSON.stringify(record[field]).slice(0, 80)}; expected ${expected}`);
    };
    const seconds = (field, fallback) => {
        const value = record[field];
        if (value === undefined)
            return fallback;
        return typeof value === 'number' && Number.isFinite(value) && value >= 0
            ? value
            : bad(field, 'a number ≥ 0');
    };
    const count = (field, fallback) => {
        const value = record[field];
        if (value === undefined)
            return fallback;
        return Number.isInteger(value) && value >= 0
            ? value
            : bad(field, 'a whole number ≥ 0');
    };
    const texts = (field) => {
        const value = record[field];
        if (value === undefined)
            return [];
        return Array.isArray(value) && value.every((v) => typeof v === 'string')
            ? [...value]
            : bad(field, 'a list of strings');
    };
    const items = shards.flatMap((s) => s.items);
    const total = shards.reduce((t, s) => t + s.predictedSeconds, 0);
    // Without item times, the bound is what an even split of the predicted total reaches.
    const lowerBound = seconds('lowerBoundSeconds', total / Math.max(1, shards.length));
    const granularity = record.granularity ?? (items.some(isTestId) ? 'test' : 'file');
    if (granularity !== 'file' && granularity !== 'test' && granularity !== 'auto')
        bad('granularity', '"file", "test" or "auto"');
    const numbers = (field, keys) => {
        const value = record[field];
        const object = typeof value === 'object' && value !== null && !Array.isArray(value)
            ? value
            : value === undefined
                ? {}
                : bad(field, `an object of ${keys.join(', ')}`);
        const out = {};
        for (const key of keys) {
            const n = object[key] ?? 0;
            out[key] =
                typeof n === 'number' && Number.isFinite(n) && n >= 0
                    ? n
                    : bad(field, `numbers for ${keys.join(', ')}`);
        }
        return out;
    };
    const overhead = seconds('shardOverheadSeconds', 0);
    const splitFiles = record.splitFiles ?? [];
    if (!Array.isArray(splitFiles) ||
        !splitFiles.every((f) => {
            const e = typeof f === 'object' && f !== null ? f : {};
            return (typeof e.file === 'string' && typeof e.parts === 'number' && typeof e.seconds === 'number');
        }))
        bad('splitFiles', 'a list of {"file", "parts", "seconds"}');
    return {
        version: 1,
        shards,
        shardCount: shards.length,
        granularity: granularity,
        itemCount: count('itemCount', items.length),
        totalSeconds: seconds('totalSeconds', total),
        lowerBoundSeconds: lowerBound,
        fileLowerBoundSeconds: seconds('fileLowerBoundSeconds', lowerBound),
        predictedMakespanSeconds: seconds('predictedMakespanSeconds', shards.reduce((m, s) => Math.max(m, s.predictedSeconds), 0)),
        shardOverheadSeconds: overhead,
        costModel: costModel(path, record.costModel, overhead),
        unknownItems: count('unknownItems', 0),
        estimatedItems: texts('estimatedItems'),
        estimates: numbers('estimates', ['same-file', 'directory', 'size', 'default']),
        timings: numbers('timings', ['runs', 'matchedItems', 'matchedBySuffix', 'staleFiles']),
        splitFiles: splitFiles,
        notes: texts('notes'),
    };
}
/**
 * A plan's cost model: start-up, warm-up and workers. Plans written before it existed have only
 * the per-shard overhead, taken as the start-up.
 */
function costModel(path, value, overhead) {
    if (value === undefined)
        return { startupSeconds: overhead, warmupSeconds: 0, workers: 1 };
    const record = typeof value === 'object' && value !== null ? value : {};
    const term = (key, min) => {
        const n = record[key];
        if (typeof n === 'number' && Number.isFinite(n) && n >= min)
            return n;
        throw new errors_UsageError(`--plan ${path}: "costModel.${key}" is ${JSON.stringify(n)}; expected a number ≥ ${min}`);
    };
    return {
        startupSeconds: term('startupSeconds', 0),
        warmupSeconds: term('warmupSeconds', 0),
        workers: term('workers', 0.5),
    };
}
/** A display line longer than this is shown as it is rather than held for its end. */
const MAX_DISPLAY_LINE = 1024 * 1024;
/**
 * Runs one invocation, streaming output and saving stdout reports (go test -json) as they
 * come. Nothing is held whole: the report goes to a file stream, the output to `deps`, and
 * while either is behind, the test process waits.
 */
async function invoke(adapter, invocation, options, deps, shardEnv, timeoutMs) {
    const report = invocation.stdoutReport === undefined ? undefined : (0,external_node_fs_namespaceObject.createWriteStream)(invocation.stdoutReport);
    let reportError;
    report?.on('error', (error) => (reportError = error));
    if (report)
        await (0,external_node_events_namespaceObject.once)(report, 'open');
    // Decoders keep a character split across chunks whole.
    const outText = new external_node_string_decoder_namespaceObject.StringDecoder('utf8');
    const errText = new external_node_string_decoder_namespaceObject.StringDecoder('utf8');
    let pending = '';
    const show = (text) => {
        if (!adapter.display)
            return deps.stdout(text);
        pending += text;
        const end = pending.lastIndexOf('\n');
        if (end >= 0) {
            deps.stdout(adapter.display(pending.slice(0, end + 1)));
            pending = pending.slice(end + 1);
        }
        if (pending.length > MAX_DISPLAY_LINE) {
            deps.stdout(adapter.display(`${pending}\n`));
            pending = '';
        }
    };
    const result = await runProcess(invocation.argv, {
        cwd: options.root,
        env: childEnvironment(options.env, { ...shardEnv, ...invocation.env }),
        onStdout: (chunk) => {
            if (report && reportError === undefined)
                report.write(chunk);
            show(outText.write(chunk));
        },
        onStderr: (chunk) => deps.stderr(errText.write(chunk)),
        outputReady: () => {
            const waits = [
                report?.writableNeedDrain === true && reportError === undefined
                    ? (0,external_node_events_namespaceObject.once)(report, 'drain').then(() => undefined, () => undefined)
                    : undefined,
                deps.ready?.(),
            ].filter((w) => w !== undefined);
            return waits.length === 0 ? undefined : Promise.all(waits).then(() => undefined);
        },
        ...(timeoutMs === undefined ? {} : { timeoutMs }),
        ...(options.signal ? { signal: options.signal } : {}),
    });
    show(outText.end());
    deps.stderr(errText.end());
    if (pending !== '' && adapter.display)
        deps.stdout(adapter.display(`${pending}\n`));
    if (report) {
        report.end();
        if (reportError === undefined)
            await (0,external_node_events_namespaceObject.once)(report, 'close').catch(() => undefined);
        if (reportError !== undefined)
            deps.log.warning(`cannot save the runner's report ${invocation.stdoutReport ?? ''}: ${describeError(reportError)}`);
    }
    if (result.strays === true)
        deps.log.warning(`\`${invocation.argv[0] ?? ''}\` exited but left processes holding its output; they were stopped (its exit status ${String(result.exitCode)} stands)`);
    return result;
}
/**
 * The path of a file id as spelled on disk: the id itself, or — where the file system keeps a
 * name decomposed (NFD) — the entry whose NFC form is the id's.
 */
async function findOnDisk(root, id) {
    try {
        await (0,promises_namespaceObject.access)((0,external_node_path_namespaceObject.resolve)(root, id));
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
            names = await (0,promises_namespaceObject.readdir)(dir);
        }
        catch {
            return undefined;
        }
        const name = names.find((n) => n === segment) ?? names.find((n) => n.normalize('NFC') === segment);
        if (name === undefined)
            return undefined;
        parts.push(name);
        dir = (0,external_node_path_namespaceObject.join)(dir, name);
    }
    return parts.join('/');
}
/** Files matching the globs that were written at or after `sinceMs` (this run's reports). */
async function freshMatches(globs, root, sinceMs) {
    if (globs.length === 0)
        return [];
    const out = [];
    for (const path of await glob([...globs], {
        cwd: root,
        absolute: true,
        followSymbolicLinks: false,
    })) {
        const info = await (0,promises_namespaceObject.lstat)(path);
        // File systems with coarse timestamps round down: allow a second of slack.
        if (info.isFile() && info.mtimeMs >= sinceMs - 1000)
            out.push(path);
    }
    return out.sort();
}
/** A signature (modification time and size) of each file the globs match. */
async function snapshot(globs, root) {
    const out = new Map();
    if (globs.length === 0)
        return out;
    for (const path of await glob([...globs], {
        cwd: root,
        absolute: true,
        followSymbolicLinks: false,
    })) {
        const info = await (0,promises_namespaceObject.lstat)(path);
        if (info.isFile())
            out.set(path, `${info.mtimeMs}:${info.size}`);
    }
    return out;
}
/**
 * Outcomes for a runner that reports nothing itself: the JUnit files the invocation wrote or
 * changed (compared with a snapshot taken before it started), keeping only cases of its own
 * files — another shard running beside it may write to the same place. Without JUnit files,
 * the exit status stands for every file of the invocation.
 */
async function genericOutcomes(files, options, exitCode, before) {
    if (options.junitGlobs.length > 0) {
        const after = await snapshot(options.junitGlobs, options.root);
        const written = [...after]
            .filter(([path, signature]) => before.get(path) !== signature)
            .map(([path]) => path);
        const read = await readJunitOutcomes(written.sort(), [options.root]);
        const own = new Set(files.map((f) => f.normalize('NFC')));
        const tests = read.tests.filter((t) => own.has(t.file));
        const foreign = read.tests.length - tests.length;
        const problems = [...read.problems];
        if (foreign > 0)
            problems.push(`${foreign} JUnit test cases belong to files this invocation did not run; ignored`);
        if (written.length === 0)
            problems.push(`the command wrote no JUnit report matching ${options.junitGlobs.join(', ')}`);
        return { tests, fileFailures: read.fileFailures.filter((f) => own.has(f.file)), problems };
    }
    const status = exitCode === 0 ? 'passed' : 'failed';
    const tests = files.map((file) => ({
        id: file,
        file,
        status,
        seconds: undefined,
        message: status === 'failed' ? `the command exited with ${String(exitCode)}` : undefined,
    }));
    return { tests, fileFailures: [], problems: [] };
}
/** Copies this run's regular files matching the globs into `dir`, returning their names. */
async function collect(globs, root, dir, sinceMs) {
    const matches = await freshMatches(globs, root, sinceMs);
    if (matches.length === 0)
        return [];
    await (0,promises_namespaceObject.mkdir)(dir, { recursive: true });
    const names = [];
    for (const [i, path] of matches.entries()) {
        const name = `${String(i + 1).padStart(3, '0')}-${(0,external_node_path_namespaceObject.basename)(path)}`;
        await (0,promises_namespaceObject.copyFile)(path, (0,external_node_path_namespaceObject.join)(dir, name));
        names.push(`${(0,external_node_path_namespaceObject.basename)(dir)}/${name}`);
    }
    return names;
}
/**
 * Runs one shard of a plan: exactly its items, with retries of what failed, and writes the
 * shard result. A shard with no items never starts the runner (it would run the whole suite).
 */
async function runMode(options, deps) {
    const { plan } = options;
    const { log } = deps;
    const shard = plan.shards[options.shardIndex - 1];
    if (!shard) {
        throw new errors_UsageError(`--shard ${options.shardIndex}: the plan has ${plan.shards.length} shards`);
    }
    const startedAt = deps.now();
    const started = process.hrtime.bigint();
    const elapsed = () => Number(process.hrtime.bigint() - started) / 1e9;
    await (0,promises_namespaceObject.mkdir)(options.resultsDir, { recursive: true });
    const resolved = await resolveRunner(options.command, options.root, options.runner);
    const adapter = RUNNERS[resolved.runner];
    const items = [...shard.items];
    const shardEnv = {
        SHARDWISE_SHARD: String(options.shardIndex),
        SHARDWISE_SHARD_COUNT: String(plan.shardCount),
    };
    const finish = async (fields) => {
        const judgement = judgeAttempts(items, fields.attempts);
        const fileFailures = [...judgement.fileFailures, ...fields.extraFailures];
        const firstTests = fields.attempts[0]?.outcomes.tests ?? [];
        const testSeconds = firstTests.reduce((total, t) => total + (t.seconds ?? 0), 0);
        const artifacts = {
            junit: await collect(options.junitGlobs, options.root, (0,external_node_path_namespaceObject.join)(options.resultsDir, 'junit'), startedAt.getTime()),
            coverage: await collect(options.coverageGlobs, options.root, (0,external_node_path_namespaceObject.join)(options.resultsDir, 'coverage'), startedAt.getTime()),
        };
        const missing = judgement.missing.filter((item) => !fields.extraFailures.some((f) => f.file === fileOfId(item)));
        const failed = judgement.counts.failed > 0 ||
            missing.length > 0 ||
            fileFailures.length > 0 ||
            (options.failOnFlaky && judgement.counts.flaky > 0);
        let status = fields.status;
        let reason = fields.reason;
        if (status === 'passed' && failed)
            status = 'failed';
        // A runner that exits non-zero with every test passing failed for a reason of its own
        // (a coverage threshold, leaked handles, a crash after the report): never a pass.
        const lastExit = fields.attempts[fields.attempts.length - 1]?.exitCode;
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
        const result = {
            version: 1,
            tool: 'shardwise',
            kind: 'shard-result',
            planDigest: options.planDigest,
            shard: { index: options.shardIndex, count: plan.shardCount },
            attempt: options.attempt,
            runner: adapter.name,
            command: [...options.command],
            items,
            status,
            complete: fields.complete,
            reason,
            exitCode: fields.exit?.exitCode ?? null,
            signal: fields.exit?.signal ?? null,
            startedAt: startedAt.toISOString(),
            wallSeconds: run_round(elapsed()),
            setupSeconds: run_round(Math.max(0, fields.firstWall - testSeconds)),
            testSeconds: run_round(testSeconds),
            timing: timingRecord(fields.fileTimings, fields.laterWall),
            tests: Object.fromEntries(judgement.tests),
            missing,
            fileFailures,
            counts: judgement.counts,
            workspace: options.root,
            artifacts,
        };
        const resultFile = (0,external_node_path_namespaceObject.join)(options.resultsDir, 'shard-result.json');
        await (0,promises_namespaceObject.writeFile)(resultFile, `${stableStringify(result, 2)}\n`);
        const exitCode = status === 'passed' || status === 'empty' ? 0 : 1;
        return { result, resultFile, exitCode };
    };
    if (items.length === 0) {
        log.notice(`shard ${options.shardIndex}/${plan.shardCount} has no tests in the plan; the runner is not started`);
        return finish({
            status: 'empty',
            complete: true,
            reason: undefined,
            exit: undefined,
            attempts: [],
            extraFailures: [],
            firstWall: 0,
            laterWall: 0,
            fileTimings: [],
        });
    }
    // A planned item outside the repository is refused: the plan came from somewhere else, and
    // its ids from timings, listings or results, none of which may point the runner elsewhere.
    const extraFailures = [];
    const outside = [...new Set(items.filter(isOutsideRoot).map(fileOfId))].sort();
    if (outside.length > 0) {
        log.warning(`${outside.length} planned ${outside.length === 1 ? 'item resolves' : 'items resolve'} outside ${options.root} and ${outside.length === 1 ? 'is' : 'are'} not run: ${outside.slice(0, 5).join(', ')}`);
        for (const file of outside)
            extraFailures.push({ file, message: `refused: ${file} is outside the repository root` });
    }
    const inside = outside.length === 0 ? items : items.filter((item) => !isOutsideRoot(item));
    // A planned file that is gone cannot run: say so instead of letting the runner ignore it.
    // Ids are NFC; a file stored decomposed (as macOS writes names) is found by its spelling on disk.
    let runnable = inside;
    const onDisk = new Map();
    if (adapter.name !== 'go') {
        const files = [...new Set(inside.map(fileOfId))];
        const gone = new Set();
        for (const file of files) {
            const found = await findOnDisk(options.root, file);
            if (found === undefined) {
                gone.add(file);
                extraFailures.push({ file, message: `planned file not found: ${file}` });
            }
            else if (found !== file) {
                onDisk.set(file, found);
            }
        }
        if (gone.size > 0) {
            log.warning(`${gone.size} planned files are missing from ${options.root}: ${[...gone].slice(0, 5).join(', ')}`);
            runnable = inside.filter((item) => !gone.has(fileOfId(item)));
        }
    }
    const reportRoot = await (0,promises_namespaceObject.mkdtemp)((0,external_node_path_namespaceObject.join)((0,external_node_os_namespaceObject.tmpdir)(), `shardwise-${options.shardIndex}-`));
    const predicted = shard.predictedSeconds;
    const deadline = options.timeoutSeconds === undefined ? undefined : options.timeoutSeconds * 1000;
    // Tests finished so far, where the runner reports them live (node:test, go test -json).
    let finishedBefore = 0;
    let current;
    const expectedTests = runnable.filter((item) => item.includes('::')).length;
    const progressTimer = deps.progress
        ? setInterval(() => {
            // Nothing in a timer may throw: it would kill the process and orphan the tests.
            try {
                reportProgress();
            }
            catch {
                // Progress is a courtesy; the run goes on.
            }
        }, deps.progressIntervalMs ?? 10_000)
        : undefined;
    function reportProgress() {
        const spent = elapsed();
        const left = predicted - spent;
        const live = current && adapter.finishedTests ? adapter.finishedTests(current) : undefined;
        const done = live === undefined
            ? ''
            : `${finishedBefore + live}${expectedTests > 0 ? ` of ${expectedTests}` : ''} tests done, `;
        deps.progress?.(`shard ${options.shardIndex}/${plan.shardCount}: ${done}${runnable.length} items, ${spent.toFixed(0)} s elapsed, ${left > 0
            ? `about ${left.toFixed(0)} s left`
            : `${(-left).toFixed(0)} s over the predicted ${predicted.toFixed(0)} s`}`);
    }
    progressTimer?.unref();
    const attempts = [];
    let lastExit;
    let firstWall = 0;
    let laterWall = 0;
    let fileTimings = [];
    let stopped;
    try {
        const runOnce = async (subset, label) => {
            const dir = (0,external_node_path_namespaceObject.join)(reportRoot, label);
            await (0,promises_namespaceObject.mkdir)(dir, { recursive: true });
            const spelled = subset.map((item) => {
                const file = fileOfId(item);
                const disk = onDisk.get(file);
                return disk === undefined ? item : disk + item.slice(file.length);
            });
            const input = { command: resolved.command, items: spelled, reportDir: dir, cwd: options.root };
            const invocationsStarted = elapsed();
            const tests = [];
            const fileFailures = [];
            const timings = [];
            let worstExit = 0;
            let signal = null;
            for (const invocation of adapter.invocations(input)) {
                const remaining = deadline === undefined ? undefined : Math.max(1, deadline - elapsed() * 1000);
                const before = adapter.name === 'generic'
                    ? await snapshot(options.junitGlobs, options.root)
                    : new Map();
                current = invocation;
                const result = await invoke(adapter, invocation, options, deps, shardEnv, remaining);
                finishedBefore += adapter.finishedTests?.(invocation) ?? 0;
                current = undefined;
                lastExit = result;
                if (result.spawnError !== undefined) {
                    throw new errors_UsageError(`cannot start the test command \`${invocation.argv[0] ?? ''}\`: ${result.spawnError}`);
                }
                const outcomes = adapter.name === 'generic'
                    ? await genericOutcomes([...new Set((invocation.items ?? subset).map(fileOfId))], options, result.exitCode, before)
                    : await adapter.readOutcomes(invocation, input);
                tests.push(...outcomes.tests);
                fileFailures.push(...outcomes.fileFailures);
                timings.push(...(outcomes.files ?? []));
                if ('problems' in outcomes && Array.isArray(outcomes.problems)) {
                    for (const problem of outcomes.problems)
                        log.warning(problem);
                }
                if (result.exitCode !== 0)
                    worstExit = result.exitCode;
                if (result.signal !== null)
                    signal = result.signal;
                if (result.stopped) {
                    stopped = result.stopped;
                    break;
                }
            }
            if (attempts.length === 0) {
                firstWall = elapsed() - invocationsStarted;
                fileTimings = timings;
            }
            else {
                laterWall += elapsed() - invocationsStarted;
            }
            attempts.push({
                items: subset,
                outcomes: { tests, fileFailures },
                exitCode: worstExit,
                signal,
            });
        };
        await runOnce(runnable, 'attempt-1');
        for (let r = 2; r <= options.repeat && !stopped; r++)
            await runOnce(runnable, `repeat-${r}`);
        for (let retry = 1; retry <= options.retries && !stopped; retry++) {
            const again = retryItems(runnable, judgeAttempts(runnable, attempts), adapter.selectsTests);
            if (again.length === 0)
                break;
            log.info(`retry ${retry}/${options.retries}: running ${again.length} failed ${again.length === 1 ? 'item' : 'items'} again`);
            await runOnce(again, `retry-${retry}`);
        }
    }
    finally {
        if (progressTimer)
            clearInterval(progressTimer);
        await (0,promises_namespaceObject.rm)(reportRoot, { recursive: true, force: true });
    }
    if (stopped) {
        const why = stopped === 'timeout' ? `timed out after ${String(options.timeoutSeconds)} s` : 'interrupted';
        log.warning(`shard ${options.shardIndex}/${plan.shardCount} ${why}: the result is partial`);
        return finish({
            status: 'incomplete',
            complete: false,
            reason: why,
            exit: lastExit,
            attempts,
            extraFailures,
            firstWall,
            laterWall,
            fileTimings,
        });
    }
    return finish({
        status: 'passed',
        complete: true,
        reason: undefined,
        exit: lastExit,
        attempts,
        extraFailures,
        firstWall,
        laterWall,
        fileTimings,
    });
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
            ? run_round((timing.startMs - origin) / 1000)
            : undefined;
        files[timing.file] = {
            seconds: run_round((seen?.seconds ?? 0) + timing.seconds),
            ...(start === undefined ? {} : { start: Math.min(seen?.start ?? start, start) }),
        };
    }
    return { laterAttemptsSeconds: run_round(laterWall), files: { ...files } };
}
function run_round(seconds) {
    return Math.round(seconds * 1000) / 1000;
}
//# sourceMappingURL=run.js.map
;// CONCATENATED MODULE: ./build/core/combine.js



/** Checks that untrusted JSON is a shard result this version understands. */
function validateShardResult(data) {
    if (typeof data !== 'object' || data === null || Array.isArray(data))
        return 'not a JSON object';
    const r = data;
    if (r.tool !== 'shardwise' || r.kind !== 'shard-result')
        return 'not a Shardwise shard result';
    if (r.version !== 1)
        return `shard result version ${JSON.stringify(r.version)} is not supported (this Shardwise reads version 1)`;
    const shard = r.shard;
    if (typeof shard !== 'object' ||
        shard === null ||
        !Number.isInteger(shard.index) ||
        !Number.isInteger(shard.count)) {
        return '"shard" must be {"index": n, "count": n}';
    }
    if (typeof r.planDigest !== 'string')
        return '"planDigest" must be a string';
    if (!Number.isInteger(r.attempt) || r.attempt < 1)
        return '"attempt" must be a whole number ≥ 1';
    if (!Array.isArray(r.items) || !r.items.every((i) => typeof i === 'string'))
        return '"items" must be a list of strings';
    if (!Array.isArray(r.missing) || !r.missing.every((i) => typeof i === 'string'))
        return '"missing" must be a list of strings';
    if (typeof r.tests !== 'object' || r.tests === null || Array.isArray(r.tests))
        return '"tests" must be an object';
    for (const [id, record] of Object.entries(r.tests)) {
        if (isDangerousKey(id) && typeof record !== 'object')
            return `test ${JSON.stringify(id)} is malformed`;
        const t = record;
        if (typeof t !== 'object' || t === null)
            return `test ${JSON.stringify(id.slice(0, 200))} is not an object`;
        if (!TEST_VERDICTS.includes(t.verdict)) {
            return `test ${JSON.stringify(id.slice(0, 200))} has verdict ${JSON.stringify(t.verdict)}`;
        }
        // A record without attempts is a claim with no evidence: a genuine one ran at least once.
        if (!Array.isArray(t.attempts) || t.attempts.length === 0)
            return `test ${JSON.stringify(id.slice(0, 200))} has no "attempts" list`;
        if (typeof t.file !== 'string')
            return `test ${JSON.stringify(id.slice(0, 200))} has no "file"`;
        if (t.cases !== undefined &&
            (!Number.isInteger(t.cases) || t.cases < 1 || t.cases > 100_000))
            return `test ${JSON.stringify(id.slice(0, 200))} has "cases" that is not a whole number from 1 to 100000`;
        if (t.message !== undefined && typeof t.message !== 'string')
            return `test ${JSON.stringify(id.slice(0, 200))} has a "message" that is not text`;
        for (const attempt of t.attempts) {
            const a = attempt;
            if (typeof a !== 'object' ||
                a === null ||
                !OUTCOME_STATUSES.includes(a.status))
                return `test ${JSON.stringify(id.slice(0, 200))} has a malformed attempt`;
            if (a.seconds !== undefined &&
                (typeof a.seconds !== 'number' || !Number.isFinite(a.seconds) || a.seconds < 0))
                return `test ${JSON.stringify(id.slice(0, 200))} has an attempt with bad "seconds"`;
        }
    }
    if (!['passed', 'failed', 'empty', 'incomplete', 'error'].includes(r.status))
        return `"status" ${JSON.stringify(r.status)} is not known`;
    if (typeof r.complete !== 'boolean')
        return '"complete" must be true or false';
    if (r.exitCode !== null && !Number.isInteger(r.exitCode))
        return '"exitCode" must be a whole number or null';
    if (r.signal !== null && typeof r.signal !== 'string')
        return '"signal" must be text or null';
    if (typeof r.runner !== 'string')
        return '"runner" must be text';
    if (typeof r.wallSeconds !== 'number' || !Number.isFinite(r.wallSeconds) || r.wallSeconds < 0)
        return '"wallSeconds" must be a number ≥ 0';
    for (const key of ['setupSeconds', 'testSeconds']) {
        const value = r[key];
        if (typeof value !== 'number' || !Number.isFinite(value) || value < 0)
            return `"${key}" must be a number ≥ 0`;
    }
    const timingProblem = timingFault(r.timing);
    if (timingProblem !== undefined)
        return timingProblem;
    if (r.reason !== undefined && r.reason !== null && typeof r.reason !== 'string')
        return '"reason" must be text';
    if (typeof r.workspace !== 'string')
        return '"workspace" must be a string';
    if (!Array.isArray(r.fileFailures))
        return '"fileFailures" must be a list';
    for (const failure of r.fileFailures) {
        const f = failure;
        if (typeof f !== 'object' ||
            f === null ||
            typeof f.file !== 'string' ||
            typeof f.message !== 'string')
            return '"fileFailures" entries must be {"file", "message"}';
    }
    const counts = r.counts;
    if (typeof counts !== 'object' ||
        counts === null ||
        !['passed', 'failed', 'flaky', 'skipped'].every((k) => Number.isInteger(counts[k]) && counts[k] >= 0))
        return '"counts" must hold whole numbers for passed, failed, flaky and skipped';
    // Files travel beside the result under names `run` gives them; anything else could point
    // the privileged combine job at a file outside the artifact.
    const artifacts = r.artifacts;
    if (typeof artifacts !== 'object' || artifacts === null)
        return '"artifacts" must be {"junit": [...], "coverage": [...]}';
    for (const kind of ['junit', 'coverage']) {
        const list = artifacts[kind];
        if (!Array.isArray(list))
            return `"artifacts.${kind}" must be a list`;
        const pattern = new RegExp(`^${kind}/\\d{3}-[^/\\\\]+$`);
        for (const name of list) {
            if (typeof name !== 'string' || !pattern.test(name))
                return `"artifacts.${kind}" entry ${JSON.stringify(String(name).slice(0, 200))} is not a file of the artifact`;
        }
    }
    return data;
}
/** What is wrong with a result's `timing` (it feeds the timings history), if anything. */
function timingFault(timing) {
    if (timing === undefined)
        return undefined;
    const fine = (value) => typeof value === 'number' &&
        Number.isFinite(value) &&
        value >= 0 &&
        value <= MAX_DURATION_SECONDS;
    if (typeof timing !== 'object' || timing === null || Array.isArray(timing))
        return '"timing" must be an object';
    const t = timing;
    if (!fine(t.laterAttemptsSeconds))
        return '"timing.laterAttemptsSeconds" must be a number ≥ 0';
    if (typeof t.files !== 'object' || t.files === null || Array.isArray(t.files))
        return '"timing.files" must be an object';
    for (const [file, entry] of Object.entries(t.files)) {
        const e = entry;
        if (typeof e !== 'object' ||
            e === null ||
            !fine(e.seconds) ||
            (e.start !== undefined && !fine(e.start)))
            return `"timing.files" entry ${JSON.stringify(file.slice(0, 200))} must be {"seconds", "start"} with numbers ≥ 0`;
    }
    return undefined;
}
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
    return verdictOf(attempts.map((a) => a.status));
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
            if (!covers(item, id))
                return;
            planned.add(id);
            answered.add(item);
        };
        if (present.has(item))
            visit(item);
        withPrefix(ids, `${item}::`, visit);
        if (isTestId(item))
            withPrefix(ids, `${item}[`, visit);
    }
    const counts = emptyCounts();
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
                file: fileOfId(id),
                verdict,
                attempts: claimed.attempts.map((a) => ({ status: a.status, seconds: a.seconds })),
                ...(claimed.message !== undefined && verdict !== 'passed'
                    ? { message: claimed.message }
                    : {}),
                ...(claimed.cases !== undefined && claimed.cases > 1 ? { cases: claimed.cases } : {}),
            },
        ]);
    }
    const files = new Set(items.map(fileOfId));
    const fileFailures = result.fileFailures
        .filter((f) => files.has(f.file))
        .map((f) => ({ file: f.file, message: f.message }));
    const failedFiles = new Set(fileFailures.map((f) => f.file));
    const claimedMissing = new Set(result.missing);
    const missing = items.filter((item) => claimedMissing.has(item) || (!answered.has(item) && !failedFiles.has(fileOfId(item))));
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
    const counts = emptyCounts();
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
                if (covers(item, id) && !owner.has(id))
                    owner.set(id, shard.index);
            };
            if (present.has(item))
                visit(item);
            withPrefix(sorted, `${item}::`, visit);
            if (isTestId(item))
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
        out.set(selectsTests ? test.id : fileOfId(test.id), `failed in shard ${test.shard}`);
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
        .filter(([id]) => !isOutsideRoot(id))
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
    const stillUnaccounted = combined.unaccounted.filter((item) => ran.missing.includes(item) || !ids.some((id) => covers(item, id)));
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
    const counts = emptyCounts();
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
;// CONCATENATED MODULE: ./build/modes/list.js




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
    const adapter = RUNNERS[runner];
    if (!adapter.list) {
        throw new errors_UsageError(`the ${runner} runner cannot list its tests: give test globs before \`--\` (for example 'test/**/*.test.js')`);
    }
    const argv = adapter.list.argv(command);
    let stdout = '';
    let stderr = '';
    const result = await runProcess(argv, {
        cwd: options.root,
        // A report destination set for the real runs would swallow the listing's output.
        env: childEnvironment(options.env, {}, [
            'PLAYWRIGHT_JSON_OUTPUT_FILE',
            'PLAYWRIGHT_JSON_OUTPUT_NAME',
            'PLAYWRIGHT_JSON_OUTPUT_DIR',
        ]),
        onStdout: (chunk) => (stdout += chunk.toString('utf8')),
        onStderr: (chunk) => (stderr += chunk.toString('utf8')),
        ...(options.signal ? { signal: options.signal } : {}),
    });
    if (result.spawnError !== undefined)
        throw new errors_UsageError(`cannot list the tests with \`${argv.join(' ')}\`: ${result.spawnError}`);
    if (result.exitCode !== 0)
        throw new errors_UsageError(listingFailure(argv, result.exitCode, stdout, stderr));
    const items = adapter.list
        .parse(stdout, options.root)
        .map((id) => normalizeId(id, { roots: [options.root] }));
    if (items.length === 0)
        throw new errors_UsageError(`\`${argv.join(' ')}\` listed no tests`);
    log.info(`${runner} lists ${items.length} ${items.length === 1 ? 'item' : 'items'}`);
    return { items, seconds: result.wallSeconds };
}
//# sourceMappingURL=list.js.map
;// CONCATENATED MODULE: ./build/adapters/store-file.js








/**
 * The timings store on disk (`.shardwise/timings.json`, `--store`): read, and updated by
 * several runs that may finish at the same moment (four `combine` jobs, two local `test`s).
 * An update takes a lock file beside the store, reads the store again under it, merges and
 * writes it whole (temporary file and rename), so no run's timings are lost to another's
 * write. A store written by a newer Shardwise, or a JSON file that is not a store at all, is
 * never overwritten. A store that cannot be written is a warning: timings are advice, and
 * the verdict and report never wait on them.
 */
/** The store version this Shardwise writes. */
const VERSION = emptyStore('').version;
async function readStoreFile(path) {
    let text;
    try {
        text = await (0,promises_namespaceObject.readFile)(path, 'utf8');
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return { kind: 'missing' };
        return { kind: 'corrupt', reason: describeError(error) };
    }
    let data;
    try {
        data = JSON.parse(text);
    }
    catch (error) {
        return { kind: 'corrupt', reason: describeError(error) };
    }
    const record = typeof data === 'object' && data !== null ? data : undefined;
    if (record?.tool !== 'shardwise')
        return { kind: 'foreign' };
    if (typeof record.version === 'number' && record.version > VERSION)
        return { kind: 'newer', version: record.version };
    const store = storeFromJson(data);
    return store
        ? { kind: 'store', store }
        : { kind: 'corrupt', reason: `not a store of version ${VERSION}` };
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
    const target = await (0,promises_namespaceObject.realpath)(path).catch(() => path);
    let lock;
    try {
        await (0,promises_namespaceObject.mkdir)((0,external_node_path_namespaceObject.dirname)(target), { recursive: true });
        lock = await acquireLock(`${target}.lock`, options);
    }
    catch (error) {
        log.warning(`timings not saved to ${path}: ${describeError(error)}`);
        return false;
    }
    try {
        const current = await readStoreFile(path);
        if (current.kind === 'newer') {
            log.warning(`timings not saved: ${path} is a store of version ${current.version}, written by a newer Shardwise; this one (version ${VERSION}) leaves it as it is. Upgrade Shardwise, or give --store another file.`);
            return false;
        }
        if (current.kind === 'foreign') {
            log.warning(`timings not saved: ${path} is not a Shardwise timings store, and is left as it is; give --store another file`);
            return false;
        }
        await removeStaleTemporaries(target);
        const next = update(current.kind === 'store' ? current.store : undefined);
        await writeOutputFile('--store', path, `${stableStringify(next, 2)}\n`);
        return true;
    }
    catch (error) {
        log.warning(`timings not saved to ${path}: ${describeError(error)}`);
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
        host: (0,external_node_os_namespaceObject.hostname)(),
        token: (0,external_node_crypto_namespaceObject.randomUUID)(),
        since: new Date().toISOString(),
    };
    const deadline = Date.now() + (options.lockTimeoutMs ?? 60_000);
    const staleMs = options.staleLockMs ?? 10 * 60_000;
    for (let attempt = 0;; attempt++) {
        try {
            const handle = await (0,promises_namespaceObject.open)(path, 'wx');
            try {
                await handle.writeFile(`${JSON.stringify(owner)}\n`);
            }
            finally {
                await handle.close();
            }
            return {
                release: async () => {
                    // Only our own lock: a run that took over a lock it judged stale has its own.
                    const now = await (0,promises_namespaceObject.readFile)(path, 'utf8').catch(() => '');
                    if (now.includes(owner.token))
                        await (0,promises_namespaceObject.rm)(path, { force: true });
                },
            };
        }
        catch (error) {
            if (error.code !== 'EEXIST')
                throw error;
        }
        const holder = await readLockOwner(path);
        if (holder.stale(staleMs)) {
            await (0,promises_namespaceObject.rm)(path, { force: true });
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
        ageMs = Date.now() - (await (0,promises_namespaceObject.stat)(path)).mtimeMs;
        owner = JSON.parse(await (0,promises_namespaceObject.readFile)(path, 'utf8'));
    }
    catch {
        // Gone already, or being written: judged by its age alone.
    }
    const pid = typeof owner.pid === 'number' ? owner.pid : undefined;
    return {
        stale: (ms) => ageMs > ms ||
            (pid !== undefined && owner.host === (0,external_node_os_namespaceObject.hostname)() && pid !== process.pid && !isAlive(pid)),
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
    const dir = (0,external_node_path_namespaceObject.dirname)(target);
    const prefix = `${(0,external_node_path_namespaceObject.basename)(target)}.`;
    let names;
    try {
        names = await (0,promises_namespaceObject.readdir)(dir);
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
        const path = (0,external_node_path_namespaceObject.join)(dir, name);
        const old = await (0,promises_namespaceObject.stat)(path)
            .then((info) => Date.now() - info.mtimeMs > 60 * 60_000)
            .catch(() => false);
        if (old || !isAlive(Number(pid)))
            await (0,promises_namespaceObject.rm)(path, { force: true }).catch(() => undefined);
    }
}
//# sourceMappingURL=store-file.js.map
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
;// CONCATENATED MODULE: ./build/modes/combine.js












const RESULT_FILE = 'shard-result.json';
const MAX_RESULT_BYTES = 256 * 1024 * 1024;
const combine_MAX_DEPTH = 6;
/** Finds every shard result under `dir` (regular files only; links are not followed). */
async function findResults(dir) {
    const found = [];
    const walk = async (current, depth) => {
        let entries;
        try {
            entries = await (0,promises_namespaceObject.readdir)(current, { withFileTypes: true });
        }
        catch (error) {
            if (depth === 0)
                throw new errors_UsageError(`--results-dir ${dir}: cannot read it (${describeError(error)})`);
            return;
        }
        for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
            const full = (0,external_node_path_namespaceObject.join)(current, entry.name);
            if (entry.isDirectory() && depth < combine_MAX_DEPTH)
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
        const source = (0,external_node_path_namespaceObject.relative)(dir, path) || path;
        try {
            const text = await (0,promises_namespaceObject.readFile)(path, 'utf8');
            if (text.length > MAX_RESULT_BYTES)
                throw new Error(`larger than ${MAX_RESULT_BYTES} bytes`);
            const checked = validateShardResult(JSON.parse(text));
            if (typeof checked === 'string') {
                log.warning(`${source}: ${checked}; ignored`);
                continue;
            }
            results.push({ source, result: checked });
        }
        catch (error) {
            log.warning(`${source}: unreadable shard result (${describeError(error)}); ignored`);
        }
    }
    return results;
}
/** Reads the quarantine list: `{"version":1,"tests":[{"id","until":"YYYY-MM-DD","reason"}]}`. */
async function readQuarantine(path, log) {
    if (path === undefined)
        return [];
    let text;
    try {
        text = await (0,promises_namespaceObject.readFile)(path, 'utf8');
    }
    catch (error) {
        throw new errors_UsageError(`--quarantine ${path}: cannot read it (${describeError(error)})`);
    }
    let data;
    try {
        data = JSON.parse(text);
    }
    catch (error) {
        throw new errors_UsageError(`--quarantine ${path}: not valid JSON (${describeError(error)})`);
    }
    const tests = typeof data === 'object' && data !== null ? data.tests : undefined;
    if (!Array.isArray(tests))
        throw new errors_UsageError(`--quarantine ${path}: expected {"version": 1, "tests": [{"id", "until", "reason"}]}`);
    const entries = [];
    for (const [i, raw] of tests.entries()) {
        const entry = typeof raw === 'object' && raw !== null ? raw : {};
        if (typeof entry.id !== 'string' ||
            entry.id === '' ||
            typeof entry.until !== 'string' ||
            !/^\d{4}-\d{2}-\d{2}$/.test(entry.until)) {
            throw new errors_UsageError(`--quarantine ${path}: tests[${i}] needs "id" and "until" as YYYY-MM-DD (an expiry date keeps quarantine temporary)`);
        }
        entries.push({
            id: entry.id,
            until: entry.until,
            reason: typeof entry.reason === 'string' ? entry.reason : '',
        });
    }
    if (entries.length > 0)
        log.info(`quarantine: ${entries.length} entries from ${path}`);
    return entries;
}
/** The "no tests ran" exit code of a runner named in an (untrusted) shard result. */
function noTestsExitCode(runner) {
    return Object.hasOwn(RUNNERS, runner) ? RUNNERS[runner].noTestsExitCode : undefined;
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
    const store = options.storePath === undefined ? undefined : await readStore(options.storePath, log);
    let combined = combineResults({
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
            const items = fallbackItems(combined, ran.result.items.some((i) => i.includes('::')));
            combined = applyFallback(combined, ran.result, quarantine, now, noTestsExitCode);
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
            throw new errors_UsageError('`--fallback serial` needs the test command after `--`.');
        const resolved = await resolveRunner(options.command, options.root, options.runner);
        const items = fallbackItems(combined, RUNNERS[resolved.runner].selectsTests);
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
                shardCount: 1,
            };
            const outcome = await runMode({
                plan,
                planDigest: planDigest(plan),
                shardIndex: 1,
                command: options.command,
                runner: resolved.runner,
                retries: 0,
                repeat: 1,
                failOnFlaky: false,
                timeoutSeconds: undefined,
                // Beside, not inside, the results: a later combine must not take it for a shard.
                resultsDir: await (0,promises_namespaceObject.mkdtemp)((0,external_node_path_namespaceObject.join)((0,external_node_os_namespaceObject.tmpdir)(), 'shardwise-fallback-')),
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
            combined = applyFallback(combined, outcome.result, quarantine, now, noTestsExitCode);
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
                dir: (0,external_node_path_namespaceObject.join)(options.resultsDir, (0,external_node_path_namespaceObject.dirname)(source)),
                workspace: r.workspace,
                files: r.artifacts.coverage,
            };
        }))
        : undefined;
    if (options.storePath !== undefined) {
        const measured = measureRun(combined.results, storeCostModel(store) ?? options.plan.costModel);
        if (measured.tests.size + measured.files.size + measured.outcomes.size > 0) {
            // Merged into the store as it is when we write (another run may have saved meanwhile);
            // a store that cannot be written is a warning, and the report follows regardless.
            const saved = await updateStore(options.storePath, (current) => mergeRun(current ?? emptyStore(now), measured, now), log);
            if (saved)
                log.info(`timings: ${measured.tests.size} tests from ${combined.results.filter((r) => r.complete).length} complete shards merged into ${options.storePath}`);
        }
    }
    const input = {
        combined,
        plan: options.plan,
        time: runTime(combined.results, storeCostModel(store) ?? options.plan.costModel),
        coverage,
        fallback,
        unknownItems: options.plan.unknownItems,
        estimatedItems: Array.isArray(options.plan.estimatedItems) ? options.plan.estimatedItems : [],
        ...(options.reportJson ? { fullReportHint: options.reportHint ?? options.reportJson } : {}),
    };
    const markdown = renderReportMarkdown(input);
    if (options.reportMarkdown !== undefined)
        await writeOutputFile('--report-md', options.reportMarkdown, markdown);
    if (options.reportJson !== undefined)
        await writeOutputFile('--report-json', options.reportJson, `${stableStringify(reportJson(input), 2)}\n`);
    const coverageFailed = coverage !== undefined && !coverage.passed;
    const exitCode = combined.verdict === 'passed' && !coverageFailed ? 0 : 1;
    return { combined, markdown, exitCode, coverage, time: input.time };
}
//# sourceMappingURL=combine.js.map
;// CONCATENATED MODULE: ./build/core/coverage.js



/** A report that cannot be used at all (hostile DTD, not JSON, not the format it claims). */
class CoverageFormatError extends Error {
    name = 'CoverageFormatError';
}
/** The key of a branch outcome in `FileCoverage.branches`. Line and block hold no comma. */
function branchKey(line, block, branch) {
    return `${line},${block},${branch}`;
}
// ---------------------------------------------------------------------------------------------
// Counts, files and merging
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
/** Adds `source`'s counts to `target`: the union of records with summed hits. */
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
/** The sum of two files' coverage. Neither argument is changed. */
function mergeFileCoverage(a, b) {
    const merged = copyFile(a);
    sumInto(merged, b);
    return merged;
}
/**
 * Merges two models by summing hits per line, branch outcome and function; a file present in
 * only one of them is kept as it is. Commutative and associative (up to map order), so shard
 * order never matters and no shard overwrites another. Neither argument is changed.
 */
function mergeCoverage(a, b) {
    const merged = new Map(a);
    for (const [path, file] of b) {
        const previous = merged.get(path);
        merged.set(path, previous ? mergeFileCoverage(previous, file) : file);
    }
    return merged;
}
/**
 * Merges shard after shard into one model, as `mergeCoverage` would pairwise, but copying each
 * file at most once and holding only the merged model (plus the shard being added): the way to
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
    return locate(raw, sortRoots(roots));
}
function locate(raw, sortedRoots) {
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
    const id = normalizeFileId(path, { roots: sortedRoots });
    if (id === '.')
        return { kind: 'invalid', reason: 'it names the repository root, not a file' };
    return isOutside(id) ? { kind: 'outside', path: id } : { kind: 'repo', path: id };
}
/** A directory named by a Cobertura `<source>`: `.` for the repository root itself. */
function locateDirectory(raw, sortedRoots) {
    const trimmed = raw.trim().replace(/[\\/]+$/, '');
    if (trimmed === '' || trimmed === '.')
        return { kind: 'repo', path: '.' };
    const id = normalizeFileId(`${trimmed}/.`, { roots: sortedRoots });
    if (id === '.')
        return { kind: 'repo', path: '.' };
    return isOutside(id) ? { kind: 'outside', path: id } : { kind: 'repo', path: id };
}
// ---------------------------------------------------------------------------------------------
// Shared parser plumbing
const MAX_WARNINGS = 50;
function quote(value) {
    return JSON.stringify(value.length > 200 ? `${value.slice(0, 200)}…` : value);
}
function listSome(items, limit = 10) {
    return items.length <= limit
        ? items.join(', ')
        : `${items.slice(0, limit).join(', ')} and ${items.length - limit} more`;
}
function compareStrings(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}
/** A whole number of hits, saturated at `MAX_COUNT`; `undefined` for anything else. */
function parseCount(text) {
    if (text === undefined || !/^\d+$/.test(text))
        return undefined;
    const value = Number(text);
    return value > MAX_COUNT ? MAX_COUNT : value;
}
function countProblem(text) {
    if (text === undefined)
        return 'is missing';
    return /^-\d+$/.test(text.trim())
        ? `${quote(text)} is negative`
        : `${quote(text)} is not a whole number`;
}
function parseLineNumber(text) {
    if (text === undefined || !/^\d+$/.test(text))
        return undefined;
    const value = Number(text);
    return value >= 1 && value <= MAX_LINE ? value : undefined;
}
function cleanName(name) {
    return name.replace(/[\r\n]+/g, ' ');
}
/** Collects one report's files, outside paths and warnings. */
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
        return locate(raw, this.roots);
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
    get fileCount() {
        return this.files.size;
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
/**
 * Splits chunks into lines (CRLF or LF) and guards against one endless line. A line is handed
 * over as `text` with its bounds rather than as a new string, so that a parser can read the
 * lines that make up most of a report without allocating (`slice` when it needs the string).
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
/** Parses an lcov tracefile. See `LcovParser`. */
function parseLcov(text, options) {
    const parser = new LcovParser(options);
    parser.write(text);
    return parser.end();
}
function coverage_isObject(value) {
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
    if (!coverage_isObject(location))
        return undefined;
    const start = own(location, 'start');
    return coverage_isObject(start) ? jsonLine(own(start, 'line')) : undefined;
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
        if (!coverage_isObject(data)) {
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
        if (coverage_isObject(entry) &&
            own(entry, 'statementMap') === undefined &&
            coverage_isObject(own(entry, 'data'))) {
            entry = own(entry, 'data');
        }
        if (!coverage_isObject(entry)) {
            report.warn(`${where}: expected an object, got ${describeJson(entry)}; skipped`);
            return;
        }
        const statementMap = own(entry, 'statementMap');
        const statements = own(entry, 's');
        if (!coverage_isObject(statementMap) || !coverage_isObject(statements)) {
            report.warn(`${where}: no statementMap and s objects (not Istanbul file coverage); skipped`);
            return;
        }
        const pathValue = own(entry, 'path');
        const rawPath = typeof pathValue === 'string' && pathValue !== '' ? pathValue : key;
        const file = emptyFile();
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
        const fnMap = own(entry, 'fnMap');
        const functionCounts = own(entry, 'f');
        if (coverage_isObject(fnMap) && coverage_isObject(functionCounts)) {
            for (const [id, count] of Object.entries(functionCounts)) {
                const hits = jsonCount(count);
                const meta = own(fnMap, id);
                if (hits === undefined || !coverage_isObject(meta)) {
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
        }
        else if (fnMap !== undefined || functionCounts !== undefined)
            bad++;
        const branchMap = own(entry, 'branchMap');
        const branchCounts = own(entry, 'b');
        if (coverage_isObject(branchMap) && coverage_isObject(branchCounts)) {
            for (const [id, counts] of Object.entries(branchCounts)) {
                const meta = own(branchMap, id);
                if (!Array.isArray(counts) || !coverage_isObject(meta)) {
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
        }
        else if (branchMap !== undefined || branchCounts !== undefined)
            bad++;
        if (bad > 0) {
            report.warn(`${where}: ${bad} statement, function or branch entr${bad === 1 ? 'y is' : 'ies are'} malformed (missing location or a count that is not a whole number ≥ 0); skipped`);
        }
        report.add(report.locate(rawPath), file, 'sum', where);
    }
}
/** Parses Istanbul `coverage-final.json`. See `IstanbulParser`. */
function parseIstanbulJson(text, options) {
    const parser = new IstanbulParser(options);
    parser.write(text);
    return parser.end();
}
const MAX_TAG_CHARS = 1 << 20;
const MAX_DOCTYPE_CHARS = 1 << 16;
const MAX_SOURCE_CHARS = 4096;
/** More outcomes than any real line has; a larger `(n/m)` is corrupt. */
const MAX_CONDITIONS = 10_000;
/**
 * Streaming Cobertura reader (coverage.py, istanbul, gocover-cobertura, JaCoCo conversions),
 * built like the JUnit tokenizer: a small purpose-built scanner, not a general XML parser. It
 * never expands entities beyond the predefined five and character references, never fetches
 * anything, and throws `CoverageFormatError` for any DTD content that could declare entities
 * (an internal subset `[...]`, `<!ENTITY>`). A bare external DOCTYPE
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
    buffer = '';
    /** Characters consumed before `buffer`. */
    offset = 0;
    /** Where the token being read starts, for messages. */
    at = 0;
    mode = 'markup';
    elements = [];
    rootSeen = false;
    rootClosed = false;
    doctypeSeen = false;
    broken;
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
    }
    write(chunk) {
        if (this.broken !== undefined)
            return;
        this.buffer = this.buffer.length === 0 ? chunk : this.buffer + chunk;
        this.consume();
    }
    end() {
        const source = this.report.source;
        if (!this.rootSeen) {
            throw new CoverageFormatError(`${source}: no <coverage> element (empty or not Cobertura XML)`);
        }
        if (this.broken !== undefined) {
            this.report.warn(`${source}: ${this.broken}; kept the ${this.classesKept} complete class(es) before it`);
        }
        else if (!this.rootClosed) {
            this.report.warn(`${source}: the document ends before </coverage> (truncated?); kept the ${this.classesKept} complete class(es)`);
        }
        if (this.badLines > 0) {
            this.report.warn(`${source}: ${this.badLines} <line> element(s) without a valid number or a whole hits count ≥ 0 were skipped`);
        }
        return this.report.finish();
    }
    reject(message) {
        throw new CoverageFormatError(`${this.report.source}: ${message} (at character ${this.at})`);
    }
    /** A structural error after the root began: stop reading and keep what is complete. */
    stop(message) {
        this.broken = `malformed XML at character ${this.at} (${message})`;
        this.buffer = '';
    }
    consume() {
        const buffer = this.buffer;
        const length = buffer.length;
        let position = 0;
        while (position < length && this.broken === undefined) {
            if (this.mode !== 'markup') {
                const terminator = this.mode === 'comment' ? '-->' : this.mode === 'cdata' ? ']]>' : '?>';
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
                this.text(buffer.slice(position, textEnd));
                position = textEnd;
            }
            if (lt < 0 || length - lt < 2)
                break;
            this.at = this.offset + lt;
            position = lt;
            const second = buffer[lt + 1];
            if (second === '!') {
                if (buffer.startsWith('<!--', lt)) {
                    position = lt + 4;
                    this.mode = 'comment';
                    continue;
                }
                // Room for '<![CDATA[' and '<!DOCTYPE'.
                if (length - lt < 9)
                    break;
                if (buffer.startsWith('<![CDATA[', lt)) {
                    position = lt + 9;
                    this.mode = 'cdata';
                    continue;
                }
                if (buffer.startsWith('<!DOCTYPE', lt)) {
                    const end = this.doctypeEnd(buffer, lt);
                    if (end < 0)
                        break;
                    position = end + 1;
                    continue;
                }
                this.reject('DTD declarations (<!ENTITY>, <!ELEMENT>, …) are not allowed in a coverage report');
            }
            if (second === '?') {
                position = lt + 2;
                this.mode = 'pi';
                continue;
            }
            const end = this.tagEnd(buffer, lt);
            if (end < 0)
                break;
            this.tag(buffer.slice(lt, end + 1));
            position = end + 1;
        }
        if (this.broken === undefined) {
            this.offset += position;
            this.buffer = buffer.slice(position);
        }
    }
    text(text) {
        if (this.sourceText !== undefined) {
            if (this.sourceText.length < MAX_SOURCE_CHARS)
                this.sourceText += decodeEntities(text);
            return;
        }
        if (this.elements.length === 0 && !this.rootClosed && /\S/.test(text.replace(/^\uFEFF/, ''))) {
            this.reject(`text before the root element: ${quote(text.trim().slice(0, 40))}`);
        }
    }
    /** Accepts an external-identifier-only DOCTYPE; rejects an internal subset. */
    doctypeEnd(buffer, lt) {
        if (this.rootSeen || this.doctypeSeen)
            this.reject('a DOCTYPE after the document began');
        let quoteChar = '';
        for (let i = lt + 9; i < buffer.length; i++) {
            const c = buffer[i];
            if (quoteChar !== '') {
                if (c === quoteChar)
                    quoteChar = '';
            }
            else if (c === '"' || c === "'")
                quoteChar = c;
            else if (c === '[') {
                this.reject('a DOCTYPE with an internal subset (entity declarations) is not allowed');
            }
            else if (c === '>') {
                this.doctypeSeen = true;
                return i;
            }
        }
        if (buffer.length - lt > MAX_DOCTYPE_CHARS)
            this.reject('a DOCTYPE longer than 64 KiB');
        return -1;
    }
    /** Index of the `>` that closes the tag at `lt`, honouring quotes; -1 when incomplete. */
    tagEnd(buffer, lt) {
        let quoteChar = '';
        for (let i = lt + 1; i < buffer.length; i++) {
            const c = buffer[i];
            if (quoteChar !== '') {
                if (c === quoteChar)
                    quoteChar = '';
            }
            else if (c === '"' || c === "'")
                quoteChar = c;
            else if (c === '>')
                return i;
            else if (c === '<') {
                if (!this.rootSeen)
                    this.reject('"<" inside a tag');
                this.stop('"<" inside a tag');
                return -1;
            }
        }
        if (buffer.length - lt > MAX_TAG_CHARS) {
            if (!this.rootSeen)
                this.reject('a tag longer than 1 MiB');
            this.stop('a tag longer than 1 MiB');
        }
        return -1;
    }
    tag(tag) {
        if (tag[1] === '/') {
            const name = tag.slice(2, -1).trim();
            const open = this.elements.pop();
            if (open !== name) {
                this.stop(`</${name}> closes <${open ?? 'nothing'}>`);
                return;
            }
            this.close(name);
            if (this.elements.length === 0)
                this.rootClosed = true;
            return;
        }
        const name = /^<([^\s/>]+)/.exec(tag)?.[1];
        if (name === undefined) {
            if (!this.rootSeen)
                this.reject(`malformed tag ${quote(tag.slice(0, 40))}`);
            this.stop(`malformed tag ${quote(tag.slice(0, 40))}`);
            return;
        }
        if (this.elements.length === 0) {
            if (this.rootClosed) {
                this.stop('a second root element follows the first');
                return;
            }
            if (name !== 'coverage') {
                this.reject(`the root element is <${name}>, not Cobertura's <coverage>`);
            }
            this.rootSeen = true;
        }
        const parent = this.elements[this.elements.length - 1];
        this.open(name, tag, parent);
        if (tag.endsWith('/>')) {
            this.close(name);
            if (this.elements.length === 0)
                this.rootClosed = true;
        }
        else
            this.elements.push(name);
    }
    open(name, tag, parent) {
        switch (name) {
            case 'source':
                if (parent === 'sources')
                    this.sourceText = '';
                return;
            case 'class': {
                if (this.currentClass) {
                    this.ignoredClasses++;
                    return;
                }
                const filename = parseAttributes(tag).get('filename');
                if (filename === undefined || filename === '') {
                    this.report.warn(`${this.report.source}: a <class> without a filename attribute; skipped`);
                    this.ignoredClasses++;
                    return;
                }
                this.currentClass = { filename, file: emptyFile() };
                return;
            }
            case 'method': {
                if (!this.currentClass || this.currentMethod) {
                    this.ignoredMethods++;
                    return;
                }
                const attributes = parseAttributes(tag);
                this.currentMethod = {
                    name: cleanName(attributes.get('name') ?? '(anonymous)'),
                    hits: parseCount(attributes.get('hits')),
                    first: undefined,
                };
                return;
            }
            case 'line':
                this.lineElement(tag, parent);
                return;
            default:
                return;
        }
    }
    lineElement(tag, parent) {
        const frame = this.currentClass;
        if (!frame || parent !== 'lines')
            return;
        const attributes = parseAttributes(tag);
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
                    this.sources.push(this.sourceText);
                this.sourceText = undefined;
                return;
            case 'method': {
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
                return;
            }
            case 'class': {
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
                return;
            }
            default:
                return;
        }
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
/** Parses a Cobertura XML report. See `CoberturaParser`. */
function parseCobertura(text, options) {
    const parser = new CoberturaParser(options);
    parser.write(text);
    return parser.end();
}
// ---------------------------------------------------------------------------------------------
// Go cover profiles
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
/** Parses a Go cover profile. See `GoCoverParser`. */
function parseGoCoverProfile(text, options) {
    const parser = new GoCoverParser(options);
    parser.write(text);
    return parser.end();
}
// ---------------------------------------------------------------------------------------------
// Detection
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
/**
 * Detects the format and parses a whole report. Throws `CoverageFormatError` for content of no
 * supported format or unusable as a whole; partial problems are warnings in the result.
 */
function parseCoverage(text, options) {
    const source = options.source ?? 'coverage';
    if (text.replace(/^\uFEFF/, '').trim() === '') {
        throw new CoverageFormatError(`${source}: the file is empty`);
    }
    const format = detectCoverageFormat(text.slice(0, 65536));
    if (format === undefined) {
        throw new CoverageFormatError(`${source}: not a coverage report of a known format (${SUPPORTED_COVERAGE_FORMATS})`);
    }
    const parser = createCoverageParser(format, options);
    parser.write(text);
    return parser.end();
}
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
/** `--coverage-threshold`: a number from 0 to 100, optionally with `%`. */
function parseCoverageThreshold(raw, name = '--coverage-threshold') {
    const text = raw.trim();
    const value = /^\d+(?:\.\d+)?%?$/.test(text) ? Number(text.replace(/%$/, '')) : Number.NaN;
    if (!(value >= 0 && value <= 100)) {
        throw new UsageError(`\`${name}\` must be a number from 0 to 100; got \`${raw}\`.`);
    }
    return value;
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
// ---------------------------------------------------------------------------------------------
// Writers
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
            if (!file || !summary)
                continue;
            const name = path.slice(path.lastIndexOf('/') + 1);
            out.push(`        <class name="${xmlAttribute(name)}" filename="${xmlAttribute(path)}" line-rate="${rate(summary.lines)}" branch-rate="${rate(summary.branches)}" complexity="0">`, '          <methods>');
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
        }
        out.push('      </classes>', '    </package>');
    }
    out.push('  </packages>', '</coverage>', '');
    return out.join('\n');
}
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
    const id = normalizeFileId(path);
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
//# sourceMappingURL=coverage.js.map
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
const coverage_files_MAX_DEPTH = 8;
/** Names worth opening in a directory scan: `lcov.info`, `coverage-final.json`, `cover.out`… */
const CANDIDATE_NAME = /(?:\.(?:info|lcov|json|xml|out|cov|coverprofile|profile|txt)|^lcov[^/]*|^coverprofile[^/]*)$/i;
/** When one directory holds the same run in several formats, the first of these is read. */
const FORMAT_PREFERENCE = ['lcov', 'istanbul', 'cobertura', 'go'];
const nodeCoverageFileSystem = {
    lstat: (path) => promises_namespaceObject.lstat(path),
    readdir: (path) => promises_namespaceObject.readdir(path, { withFileTypes: true }),
    open: (path, flags) => promises_namespaceObject.open(path, flags),
};
async function coverage_files_expand(path, fileSystem) {
    let info;
    try {
        info = await fileSystem.lstat(path);
    }
    catch (error) {
        throw new errors_UsageError(`coverage path ${path}: cannot read it (${describeError(error)})`);
    }
    if (info.isSymbolicLink()) {
        throw new errors_UsageError(`coverage path ${path}: is a symbolic link; give the file it points to`);
    }
    if (info.isFile())
        return [{ path, explicit: true }];
    if (!info.isDirectory())
        throw new errors_UsageError(`coverage path ${path}: is not a file or directory`);
    const found = [];
    const walk = async (directory, depth) => {
        const entries = [...(await fileSystem.readdir(directory))].sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
        for (const entry of entries) {
            const full = (0,external_node_path_namespaceObject.join)(directory, entry.name);
            // Dirent reports a symbolic link as neither file nor directory: never followed.
            if (entry.isDirectory() && depth < coverage_files_MAX_DEPTH && entry.name !== 'node_modules') {
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
function coverage_files_decoderFor(head) {
    if (head[0] === 0xff && head[1] === 0xfe)
        return { decoder: new external_node_util_namespaceObject.TextDecoder('utf-16le'), skip: 2 };
    if (head[0] === 0xfe && head[1] === 0xff)
        return { decoder: new external_node_util_namespaceObject.TextDecoder('utf-16be'), skip: 2 };
    if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) {
        return { decoder: new external_node_util_namespaceObject.TextDecoder('utf-8'), skip: 3 };
    }
    return { decoder: new external_node_util_namespaceObject.TextDecoder('utf-8'), skip: 0 };
}
function sizeText(bytes) {
    return bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0
        ? `${bytes / (1024 * 1024)} MiB`
        : `${bytes} bytes`;
}
async function readReport(candidate, settings) {
    const { path } = candidate;
    // O_NOFOLLOW: the path was a regular file when listed; a link swapped in since is refused.
    const flags = external_node_fs_namespaceObject.constants.O_RDONLY | (external_node_fs_namespaceObject.constants.O_NOFOLLOW ?? 0);
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
        const { decoder, skip } = coverage_files_decoderFor(head);
        format = detectCoverageFormat(new external_node_util_namespaceObject.TextDecoder(decoder.encoding).decode(head.subarray(skip)));
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
    const roots = [
        ...(options.roots ?? [process.cwd()]),
        ...(options.workspace === undefined ? [] : [options.workspace]),
    ];
    const settings = {
        roots,
        goModule: options.goModule,
        maxFileBytes: options.maxFileBytes ?? DEFAULT_MAX_COVERAGE_FILE_BYTES,
        fileSystem,
    };
    const warnings = [];
    const candidates = [];
    const seen = new Set();
    for (const path of paths) {
        const found = await coverage_files_expand(path, fileSystem);
        if (found.length === 0)
            warnings.push(`${path}: the directory holds no coverage report files`);
        for (const candidate of found) {
            if (seen.has(candidate.path))
                continue;
            seen.add(candidate.path);
            candidates.push(candidate);
        }
    }
    const sources = [];
    const parsedByDirectory = new Map();
    for (const candidate of candidates) {
        let outcome;
        try {
            outcome = await readReport(candidate, settings);
        }
        catch (error) {
            if (!isFileSystemError(error))
                throw error;
            outcome = { kind: 'rejected', format: undefined, reason: `cannot be read (${error.message})` };
        }
        if (outcome.kind === 'not-coverage') {
            sources.push({
                path: candidate.path,
                format: undefined,
                status: 'not-coverage',
                files: 0,
                outside: 0,
                warnings: [],
            });
            continue;
        }
        if (outcome.kind === 'rejected') {
            const reason = outcome.reason.startsWith(candidate.path)
                ? outcome.reason
                : `${candidate.path}: ${outcome.reason}`;
            const warning = `${reason}; the file is ignored`;
            warnings.push(warning);
            sources.push({
                path: candidate.path,
                format: outcome.format,
                status: 'rejected',
                files: 0,
                outside: 0,
                warnings: [warning],
            });
            continue;
        }
        const { parsed } = outcome;
        warnings.push(...parsed.warnings);
        const directory = (0,external_node_path_namespaceObject.dirname)(candidate.path);
        const group = parsedByDirectory.get(directory) ?? [];
        group.push({ index: sources.length, parsed });
        parsedByDirectory.set(directory, group);
        sources.push({
            path: candidate.path,
            format: parsed.format,
            status: parsed.warnings.length > 0 ? 'partial' : 'parsed',
            files: parsed.files.size,
            outside: parsed.outside.length,
            warnings: parsed.warnings,
        });
    }
    const models = [];
    for (const group of parsedByDirectory.values()) {
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
                sources[index] = {
                    ...source,
                    status: 'duplicate',
                    warnings: [...source.warnings, warning],
                };
                continue;
            }
            accepted.push({ path: source.path, parsed });
            models.push(parsed.files);
        }
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
        const handle = await promises_namespaceObject.open((0,external_node_path_namespaceObject.join)(directory, 'go.mod'), external_node_fs_namespaceObject.constants.O_RDONLY);
        try {
            const buffer = new Uint8Array(64 * 1024);
            const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
            text = new external_node_util_namespaceObject.TextDecoder().decode(buffer.subarray(0, bytesRead));
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
;// CONCATENATED MODULE: ./build/modes/coverage.js






/** The added lines since `baseRef`, from `git diff` (run without a shell). */
async function changedLines(root, baseRef, log) {
    let stdout = '';
    let stderr = '';
    const result = await runProcess(['git', 'diff', '--unified=0', '--no-color', '--no-ext-diff', `${baseRef}...HEAD`, '--'], {
        cwd: root,
        env: childEnvironment(process.env),
        onStdout: (chunk) => (stdout += chunk.toString('utf8')),
        onStderr: (chunk) => (stderr += chunk.toString('utf8')),
    });
    if (result.exitCode !== 0) {
        log.warning(`diff coverage skipped: \`git diff ${baseRef}...HEAD\` failed (${result.spawnError ?? stderr.trim().split('\n')[0] ?? `exit ${String(result.exitCode)}`})`);
        return undefined;
    }
    return parseUnifiedDiff(stdout);
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
    const goModule = await readGoModulePath(options.root).catch(() => undefined);
    const models = [];
    const warnings = [];
    for (const shard of withFiles) {
        try {
            // Names come from an untrusted shard result: only files inside its own directory.
            const inside = shard.files
                .map((f) => (0,external_node_path_namespaceObject.resolve)(shard.dir, f))
                .filter((path) => path.startsWith(`${(0,external_node_path_namespaceObject.resolve)(shard.dir)}${external_node_path_namespaceObject.sep}`));
            if (inside.length < shard.files.length)
                warnings.push(`coverage of ${shard.dir}: names outside the shard's directory ignored`);
            const loaded = await loadCoverage(inside, {
                workspace: shard.workspace,
                roots: [options.root],
                ...(goModule ? { goModule } : {}),
            });
            models.push(loaded.coverage);
            warnings.push(...loaded.warnings);
        }
        catch (error) {
            warnings.push(`coverage of ${shard.dir}: ${describeError(error)}`);
        }
    }
    const merged = mergeCoverageModels(models);
    warnings.push(...merged.warnings);
    for (const warning of warnings.slice(0, 20))
        log.warning(warning);
    const { total } = summarizeCoverage(merged.files);
    const outDir = options.outDir ?? (0,external_node_path_namespaceObject.join)(options.root, 'coverage-merged');
    await (0,promises_namespaceObject.mkdir)(outDir, { recursive: true });
    await (0,promises_namespaceObject.writeFile)((0,external_node_path_namespaceObject.join)(outDir, 'lcov.info'), renderLcov(merged.files));
    await (0,promises_namespaceObject.writeFile)((0,external_node_path_namespaceObject.join)(outDir, 'cobertura.xml'), renderCobertura(merged.files, { sources: [options.root] }));
    log.info(`merged coverage of ${merged.files.size} files from ${withFiles.length} shards written to ${outDir}`);
    let passed = true;
    if (options.threshold !== undefined) {
        const verdict = checkThreshold(total, options.threshold);
        passed = verdict.kind === 'passed';
        if (!passed)
            log.warning(verdict.message);
    }
    let diff;
    if (options.baseRef !== undefined) {
        const changed = await changedLines(options.root, options.baseRef, log);
        if (changed) {
            const result = diffCoverage(merged.files, changed);
            diff = {
                found: result.total.instrumented,
                hit: result.total.hit,
                percent: result.total.percent ?? 100,
            };
        }
    }
    return {
        linesFound: total.lines.found,
        linesHit: total.lines.hit,
        percent: total.percent ?? 0,
        threshold: options.threshold,
        passed,
        diff,
        warnings,
    };
}
//# sourceMappingURL=coverage.js.map
;// CONCATENATED MODULE: ./build/modes/test.js


















const STORE_FILE = 'timings.json';
/**
 * Creates `.shardwise/` with a `.gitignore` of `*` the first time, so that timings, plans and
 * run reports never show up as changes to commit (nothing in it is meant for version control:
 * the Actions cache carries the history on CI).
 */
async function ensureStateDir(dir) {
    await (0,promises_namespaceObject.mkdir)(dir, { recursive: true });
    const ignore = (0,external_node_path_namespaceObject.join)(dir, '.gitignore');
    if (!(0,external_node_fs_namespaceObject.existsSync)(ignore))
        await (0,promises_namespaceObject.writeFile)(ignore, '# Written by Shardwise: local timings and run reports.\n*\n');
}
function test_seconds(value) {
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
        const tests = testCount(result);
        lines.push(`${String(result.shard.index).padStart(5)}  ${result.status.padEnd(10)} ${String(tests).padStart(6)}  ${test_seconds(predicted).padStart(9)}  ${test_seconds(result.wallSeconds).padStart(9)}`);
    }
    const totals = emptyCounts();
    for (const result of results)
        for (const key of TEST_VERDICTS)
            totals[key] += result.counts[key] ?? 0;
    lines.push('');
    const estimate = plan.timings.runs === 0 ? ' (estimated: no timing history yet)' : '';
    if (time) {
        lines.push(`longest shard ${test_seconds(time.makespanSeconds)} (predicted ${test_seconds(plan.predictedMakespanSeconds)}${estimate}): the wall time with one job per shard`);
        if (results.length > parallel) {
            lines.push(`wall time here ${test_seconds(wallSeconds)}, running ${results.length} shards ${parallel} at a time (--parallel ${parallel})`);
        }
        if (time.shards > 1) {
            lines.push(`one job would take ${time.serialBasis === 'measured' ? '' : 'about '}${test_seconds(time.serialSeconds)} (${time.serialBasis === 'measured' ? 'measured' : `estimated: the files' measured costs plus one ${test_seconds(time.overheadSeconds)} start-up`}): ${(time.serialSeconds / Math.max(time.makespanSeconds, 0.001)).toFixed(2)}× faster with ${time.shards} shards`);
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
 * The local all-in-one: plans (asking the runner for its tests when no glob is given), runs
 * every shard as local processes, at most `parallel` at once, prints a summary and saves what
 * it measured to `.shardwise/timings.json`, so the next run balances better.
 */
async function testMode(options, deps) {
    const { log } = deps;
    const started = process.hrtime.bigint();
    const resolved = await resolveRunner(options.command, options.root, options.runner);
    const storePath = (0,external_node_path_namespaceObject.join)(options.stateDir, STORE_FILE);
    const store = await readStore(storePath, log);
    const learned = storeCostModel(store);
    // The runner's own list travels in memory: a file name may hold a newline. The listing's
    // time is a first measure of the runner's start-up, for a suite with no history yet.
    const listOptions = {
        root: options.root,
        env: options.env,
        ...(options.signal ? { signal: options.signal } : {}),
    };
    let listed;
    let runnerFiles;
    if (options.patterns.length === 0 && options.itemsFrom === undefined) {
        listed = await listItemsTimed(listOptions, resolved.runner, resolved.command, log);
    }
    else if (options.patterns.length > 0 && RUNNERS[resolved.runner].listsFilesCheaply) {
        // Globs may catch helper modules: the runner's own list (cheap for this one) tells.
        try {
            const own = await listItemsTimed(listOptions, resolved.runner, resolved.command, log);
            runnerFiles = { runner: resolved.runner, files: new Set(own.items.map(fileOfId)) };
            listed = { items: [], seconds: own.seconds };
        }
        catch (error) {
            log.info(`the globs were not checked against ${resolved.runner}'s own list: ${describeError(error).split('\n')[0] ?? ''}`);
        }
    }
    // Only now, with something to run: a listing that fails leaves no empty run directory.
    await ensureStateDir(options.stateDir);
    const stamp = deps.now().toISOString().replace(/[:.]/g, '-');
    const runDir = (0,external_node_path_namespaceObject.join)(options.stateDir, 'runs', stamp);
    await (0,promises_namespaceObject.mkdir)(runDir, { recursive: true });
    if (listed && listed.items.length > 0)
        await (0,promises_namespaceObject.writeFile)((0,external_node_path_namespaceObject.join)(runDir, 'items.json'), `${JSON.stringify(listed.items, null, 2)}\n`);
    const timings = store ? [storePath, ...options.timings] : [...options.timings];
    if (!store && options.timings.length === 0)
        log.notice(`no timings yet in ${storePath}: this run's predictions are estimates, and it records what it measures`);
    const typical = TYPICAL_COSTS[resolved.runner];
    const plan = await planMode({
        shards: options.shards,
        shardOverheadSeconds: options.shardOverheadSeconds,
        priorCostModel: learned ?? {
            startupSeconds: listed?.seconds ?? typical.startupSeconds,
            warmupSeconds: 0,
            workers: 1,
        },
        defaultItemSeconds: typical.fileSeconds,
        granularity: RUNNERS[resolved.runner].selectsTests ? options.granularity : 'file',
        timings,
        patterns: options.patterns,
        itemsFrom: options.itemsFrom,
        ...(listed && listed.items.length > 0 ? { items: listed.items } : {}),
        ...(runnerFiles ? { runnerFiles } : {}),
        root: options.root,
        roots: [],
    }, { log, readStdin: () => Promise.resolve('') });
    const planFile = (0,external_node_path_namespaceObject.join)(runDir, 'plan.json');
    await (0,promises_namespaceObject.writeFile)(planFile, `${stableStringify(plan, 2)}\n`);
    deps.err(`${renderPlanTable(plan)}\n\n`);
    const digest = planDigest(plan);
    const shardCount = plan.shards.length;
    const parallel = Math.max(1, Math.min(options.parallel, shardCount));
    deps.err(`running ${shardCount} shards with ${resolved.runner}, ${parallel} at a time\n`);
    const results = await pool(shardCount, parallel, async (i) => {
        const index = i + 1;
        const label = shardCount > 1 && parallel > 1 ? `[${index}/${shardCount}] ` : '';
        const stdout = lineWriter(label, deps.out);
        const stderr = lineWriter(label, deps.err);
        try {
            const outcome = await runMode({
                plan,
                planDigest: digest,
                shardIndex: index,
                command: options.command,
                runner: resolved.runner,
                retries: options.retries,
                repeat: options.repeat,
                failOnFlaky: options.failOnFlaky,
                timeoutSeconds: options.timeoutSeconds,
                resultsDir: (0,external_node_path_namespaceObject.join)(runDir, `shard-${index}`),
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
    });
    const wallSeconds = Number(process.hrtime.bigint() - started) / 1e9;
    const summary = summarize(plan, results, wallSeconds, parallel, runTime(results, plan.costModel));
    deps.err(`${summary}\n`);
    // The same combine as in CI: completeness, timings into the store, coverage, the report.
    const quarantine = (0,external_node_path_namespaceObject.join)(options.root, 'shardwise.quarantine.json');
    const combined = await combineMode({
        plan,
        planDigest: digest,
        resultsDir: runDir,
        storePath,
        quarantinePath: (0,external_node_fs_namespaceObject.existsSync)(quarantine) ? quarantine : undefined,
        flakyThreshold: 0.1,
        coverageThreshold: options.coverageThreshold,
        fallback: 'none',
        command: options.command,
        runner: resolved.runner,
        fallbackMaxItems: 0,
        reportMarkdown: (0,external_node_path_namespaceObject.join)(runDir, 'report.md'),
        reportJson: (0,external_node_path_namespaceObject.join)(runDir, 'report.json'),
        root: options.root,
        env: options.env,
        coverage: (shards) => coverageReport(shards, {
            root: options.root,
            threshold: options.coverageThreshold,
            baseRef: undefined,
            outDir: (0,external_node_path_namespaceObject.join)(runDir, 'coverage'),
            log,
        }),
    }, { log, out: deps.err, err: deps.err, now: deps.now });
    if (combined.coverage) {
        deps.err(`coverage: ${combined.coverage.percent.toFixed(2)}% of lines across all shards (merged lcov and Cobertura in ${(0,external_node_path_namespaceObject.join)(runDir, 'coverage')})\n`);
    }
    deps.err(`report: ${(0,external_node_path_namespaceObject.join)(runDir, 'report.md')}; timings saved to ${storePath}\n`);
    return { plan, results, exitCode: combined.exitCode, runDir, summary };
}
//# sourceMappingURL=test.js.map
;// CONCATENATED MODULE: ./build/cli.js




















const cli_VERSION = '0.1.0';
const USAGE = `Usage: shardwise <command> [options]

Commands:
  test      plan, run every shard locally, report and learn timings (the all-in-one)
  plan      split the tests into balanced shards from timing history
  run       run one shard of a plan with your test runner
  combine   combine the shard results: verdict, timings, coverage, flaky tests, report

Run 'shardwise <command> --help' for a command's options.
Exit codes: 0 ok, 1 tests failed, 2 usage or input error.`;
const PLAN_FLAGS = `  --shards <N|auto>              shard count, 1–${MAX_SHARDS}, or auto (default 4)
  --target-seconds <S>           with --shards auto: the wall time to reach per shard
  --max-shards <M>               with --shards auto: the most shards to use (default ${MAX_SHARDS})
  --shard-overhead-seconds <O>   start-up each shard pays besides its files (default:
                                 learned by the timings store, else 0)
  --timings <path>               timings file or directory; repeatable. Formats are detected:
                                 Shardwise store, JUnit XML, pytest-split .test_durations,
                                 Knapsack JSON, parallel_tests log, cypress-split JSON,
                                 Jest --json, go test -json
  --granularity <file|test|auto> plan whole files, single tests, or split only the files that
                                 alone exceed a shard's share (default file)
  --root <dir>                   repository root for globs and ids (default: current directory)`;
const RUN_FLAGS = `  --runner <name>                auto (default: from the command), ${RUNNER_NAMES.join(', ')}
  --retries <N>                  run failed tests again up to N times (default 0); a test that
                                 fails and then passes is flaky
  --repeat <N>                   run every test N times to hunt flaky tests (default 1)
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
  --flaky-threshold <0-1>        list tests flaky in at least this share of recent runs (0.1)
  --coverage-threshold <P>       fail when merged line coverage is below P percent
  --base-ref <ref>               with coverage: also report coverage of lines changed since ref
  --fallback <none|serial>       run failed tests and missing shards' tests again, serially,
                                 with the command after -- (default none)
  --fallback-max-items <N>       skip the fallback above N items: systemic (default 50)
  --runner <name>                runner of the fallback command (default: from the command)
  --report-md <file>             write the Markdown report here (default: print it)
  --report-json <file>           write the full JSON report here
  --root <dir>                   repository root (default: current directory)
  -h, --help                     show this help`;
/** While either stream's reader is behind, a promise of when both can take more. */
function outputReady(io) {
    const waits = [io.stdout.ready(), io.stderr.ready()].filter((w) => w !== undefined);
    return waits.length === 0 ? undefined : Promise.all(waits).then(() => undefined);
}
async function readAll(stream) {
    const chunks = [];
    for await (const chunk of stream) {
        chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
    }
    return Buffer.concat(chunks).toString('utf8');
}
const PLAN_OPTIONS = {
    shards: { type: 'string' },
    'target-seconds': { type: 'string' },
    'max-shards': { type: 'string' },
    'shard-overhead-seconds': { type: 'string' },
    timings: { type: 'string', multiple: true },
    granularity: { type: 'string' },
    root: { type: 'string' },
};
const RUN_OPTIONS = {
    runner: { type: 'string' },
    retries: { type: 'string' },
    repeat: { type: 'string' },
    'fail-on-flaky': { type: 'boolean' },
    timeout: { type: 'string' },
    junit: { type: 'string', multiple: true },
    coverage: { type: 'string', multiple: true },
};
function parseCommandArgs(args, options) {
    const dashes = args.indexOf('--');
    const own = dashes < 0 ? [...args] : args.slice(0, dashes);
    const command = dashes < 0 ? [] : args.slice(dashes + 1);
    let parsed;
    try {
        parsed = (0,external_node_util_namespaceObject.parseArgs)({
            args: own,
            options: { ...options, help: { type: 'boolean', short: 'h' } },
            allowPositionals: true,
            strict: true,
        });
    }
    catch (error) {
        throw new errors_UsageError(`${describeError(error)}. Run with --help for the options.`);
    }
    const values = parsed.values;
    return {
        str: (name) => (typeof values[name] === 'string' ? values[name] : undefined),
        list: (name) => (Array.isArray(values[name]) ? values[name] : []),
        flag: (name) => values[name] === true,
        positionals: parsed.positionals,
        command,
    };
}
function shardRequest(parsed, fallback) {
    const shards = parseShards('--shards', parsed.str('shards') ?? fallback);
    const target = parsed.str('target-seconds');
    if (shards === 'auto' && target === undefined) {
        throw new errors_UsageError('`--shards auto` needs `--target-seconds <S>`: the wall time each shard should reach.');
    }
    if (shards !== 'auto' && (target !== undefined || parsed.str('max-shards') !== undefined)) {
        throw new errors_UsageError('`--target-seconds` and `--max-shards` go with `--shards auto`.');
    }
    return shards === 'auto'
        ? {
            kind: 'auto',
            targetSeconds: parsePositiveSeconds('--target-seconds', target ?? ''),
            maxShards: parseWholeNumber('--max-shards', parsed.str('max-shards') ?? String(MAX_SHARDS), 1, MAX_SHARDS),
        }
        : { kind: 'fixed', count: shards };
}
/** `--shard-overhead-seconds`: absent means "what the timings history learned". */
function optionalSeconds(raw) {
    return raw === undefined ? undefined : parseNonNegativeSeconds('--shard-overhead-seconds', raw);
}
function planOptions(parsed, io, shardsFallback) {
    const itemsFrom = parsed.str('items-from');
    return {
        shards: shardRequest(parsed, shardsFallback),
        shardOverheadSeconds: optionalSeconds(parsed.str('shard-overhead-seconds')),
        granularity: parseChoice('--granularity', parsed.str('granularity') ?? 'file', GRANULARITIES),
        timings: parsed.list('timings').map((p) => (0,external_node_path_namespaceObject.resolve)(io.cwd, p)),
        patterns: parsed.positionals,
        itemsFrom: itemsFrom === undefined ? undefined : itemsFrom === '-' ? '-' : (0,external_node_path_namespaceObject.resolve)(io.cwd, itemsFrom),
        root: (0,external_node_path_namespaceObject.resolve)(io.cwd, parsed.str('root') ?? '.'),
        roots: io.env.GITHUB_WORKSPACE ? [io.env.GITHUB_WORKSPACE] : [],
    };
}
function runFlags(parsed) {
    const timeout = parsed.str('timeout');
    return {
        runner: parseChoice('--runner', parsed.str('runner') ?? 'auto', [
            'auto',
            ...RUNNER_NAMES,
        ]),
        retries: parseWholeNumber('--retries', parsed.str('retries') ?? '0', 0, 10),
        repeat: parseWholeNumber('--repeat', parsed.str('repeat') ?? '1', 1, 100),
        failOnFlaky: parsed.flag('fail-on-flaky'),
        timeoutSeconds: timeout === undefined ? undefined : parseTimeoutSeconds('--timeout', timeout),
        junitGlobs: parsed.list('junit'),
        coverageGlobs: parsed.list('coverage'),
    };
}
function requireCommand(parsed, usage) {
    if (parsed.command.length === 0) {
        throw new errors_UsageError(`the test command goes after \`--\`, for example: ${usage}`);
    }
    return parsed.command;
}
async function planCommand(args, io) {
    const parsed = parseCommandArgs(args, {
        ...PLAN_OPTIONS,
        'items-from': { type: 'string' },
        format: { type: 'string' },
        output: { type: 'string' },
    });
    if (parsed.flag('help')) {
        io.stdout.write(`${PLAN_USAGE}\n`);
        return 0;
    }
    const options = withLocalStore(planOptions(parsed, io, '4'), stderrLog(io.stderr));
    const format = parseChoice('--format', parsed.str('format') ?? (io.stdout.isTTY ? 'table' : 'json'), ['table', 'json', 'matrix']);
    const plan = await planMode(options, { log: stderrLog(io.stderr), readStdin: io.readStdin });
    const output = parsed.str('output');
    if (output !== undefined)
        await writeOutputFile('--output', (0,external_node_path_namespaceObject.resolve)(io.cwd, output), `${renderPlanJson(plan)}\n`);
    const text = format === 'table'
        ? renderPlanTable(plan)
        : // JSON keeps its value: `##[` in a name is escaped, not marked (see jsonForLog).
            jsonForLog(format === 'matrix' ? stableStringify(planMatrix(plan)) : renderPlanJson(plan));
    io.stdout.write(`${text}\n`);
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
    const store = (0,external_node_path_namespaceObject.join)(options.root, '.shardwise', 'timings.json');
    if (!(0,external_node_fs_namespaceObject.existsSync)(store))
        return options;
    log.info(`timings: ${store} (the local store of \`shardwise test\`; --timings reads others)`);
    return { ...options, timings: [store] };
}
/** `--shard I` or `I/N`, else the CI's own parallel-job variables. */
function shardFromFlagOrEnv(raw, env) {
    if (raw !== undefined) {
        const match = /^(\d+)(?:\/(\d+))?$/.exec(raw.trim());
        const index = Number(match?.[1]);
        const count = match?.[2] === undefined ? undefined : Number(match[2]);
        if (!match ||
            index < 1 ||
            (count !== undefined && (count < 1 || count > MAX_SHARDS || index > count))) {
            throw new errors_UsageError(`\`--shard\` must be I or I/N with 1 ≤ I ≤ N ≤ ${MAX_SHARDS}; got \`${raw}\`.`);
        }
        return { index, count };
    }
    const pairs = [
        ['CI_NODE_INDEX', 'CI_NODE_TOTAL', 0], // GitLab: 1-based
        ['CIRCLE_NODE_INDEX', 'CIRCLE_NODE_TOTAL', 1], // CircleCI: 0-based
        ['BUILDKITE_PARALLEL_JOB', 'BUILDKITE_PARALLEL_JOB_COUNT', 1], // Buildkite: 0-based
    ];
    for (const [indexName, countName, offset] of pairs) {
        const index = env[indexName];
        const count = env[countName];
        if (index !== undefined && count !== undefined && /^\d+$/.test(index) && /^\d+$/.test(count)) {
            return shardFromFlagOrEnv(`${Number(index) + offset}/${count}`, {});
        }
    }
    throw new errors_UsageError('`--shard I[/N]` is required (or run inside GitLab, CircleCI or Buildkite parallel jobs).');
}
async function runCommand(args, io) {
    const parsed = parseCommandArgs(args, {
        ...PLAN_OPTIONS,
        ...RUN_OPTIONS,
        plan: { type: 'string' },
        shard: { type: 'string' },
        'results-dir': { type: 'string' },
        'items-from': { type: 'string' },
    });
    if (parsed.flag('help')) {
        io.stdout.write(`${RUN_USAGE}\n`);
        return 0;
    }
    const command = requireCommand(parsed, 'shardwise run --plan plan.json --shard 1 -- npx jest');
    const shard = shardFromFlagOrEnv(parsed.str('shard'), io.env);
    const log = stderrLog(io.stderr);
    const planPath = parsed.str('plan');
    let loaded;
    if (planPath !== undefined) {
        loaded = await readPlanFile((0,external_node_path_namespaceObject.resolve)(io.cwd, planPath));
        if (shard.count !== undefined && shard.count !== loaded.plan.shardCount) {
            throw new errors_UsageError(`\`--shard ${shard.index}/${shard.count}\`: the plan ${planPath} has ${loaded.plan.shardCount} shards.`);
        }
    }
    else {
        if (shard.count === undefined)
            throw new errors_UsageError('without `--plan`, `--shard` must be I/N so the plan can be computed here.');
        const options = planOptions(parsed, io, String(shard.count));
        const plan = await planMode({ ...options, shards: { kind: 'fixed', count: shard.count } }, { log, readStdin: io.readStdin });
        loaded = { plan, digest: planDigest(plan) };
    }
    const root = (0,external_node_path_namespaceObject.resolve)(io.cwd, parsed.str('root') ?? '.');
    const resultsDir = (0,external_node_path_namespaceObject.resolve)(io.cwd, parsed.str('results-dir') ?? `.shardwise/results/shard-${shard.index}`);
    try {
        await (0,promises_namespaceObject.mkdir)(resultsDir, { recursive: true });
    }
    catch (error) {
        throw new errors_UsageError(`--results-dir ${resultsDir}: cannot use it as a directory (${describeError(error)})`);
    }
    const outcome = await runMode({
        plan: loaded.plan,
        planDigest: loaded.digest,
        shardIndex: shard.index,
        command,
        ...runFlags(parsed),
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
        ready: () => outputReady(io),
        progress: (text) => io.stderr.write(`[shardwise] ${text}\n`),
        now: () => new Date(),
    });
    const { counts } = outcome.result;
    io.stderr.write(`[shardwise] shard ${shard.index}/${loaded.plan.shardCount} ${outcome.result.status}: ${counts.passed} passed, ${counts.failed} failed, ${counts.flaky} flaky, ${counts.skipped} skipped, ${outcome.result.missing.length} missing in ${outcome.result.wallSeconds.toFixed(1)} s; result: ${outcome.resultFile}\n`);
    return outcome.exitCode;
}
/** `--items-from -` for `test`: standard input kept in a file the planner reads. */
async function stdinToFile(io) {
    const dir = await (0,promises_namespaceObject.mkdtemp)((0,external_node_path_namespaceObject.join)((0,external_node_os_namespaceObject.tmpdir)(), 'shardwise-items-'));
    const path = (0,external_node_path_namespaceObject.join)(dir, 'items.txt');
    await (0,promises_namespaceObject.writeFile)(path, await io.readStdin());
    return path;
}
function coverageThresholdFlag(parsed) {
    const raw = parsed.str('coverage-threshold');
    return raw === undefined ? undefined : parsePercentage('--coverage-threshold', raw);
}
async function testCommand(args, io) {
    const parsed = parseCommandArgs(args, {
        ...PLAN_OPTIONS,
        ...RUN_OPTIONS,
        parallel: { type: 'string' },
        'items-from': { type: 'string' },
        'coverage-threshold': { type: 'string' },
    });
    if (parsed.flag('help')) {
        io.stdout.write(`${TEST_USAGE}\n`);
        return 0;
    }
    const coverageThreshold = coverageThresholdFlag(parsed);
    const command = requireCommand(parsed, 'shardwise test --shards 4 -- npx jest');
    const plan = planOptions(parsed, io, '4');
    const parallelRaw = parsed.str('parallel');
    const root = plan.root;
    const outcome = await testMode({
        shards: plan.shards,
        parallel: parallelRaw === undefined
            ? MAX_SHARDS
            : parseWholeNumber('--parallel', parallelRaw, 1, MAX_SHARDS),
        granularity: plan.granularity,
        shardOverheadSeconds: plan.shardOverheadSeconds,
        patterns: plan.patterns,
        itemsFrom: plan.itemsFrom === '-' ? await stdinToFile(io) : plan.itemsFrom,
        timings: plan.timings,
        command,
        ...runFlags(parsed),
        root,
        stateDir: (0,external_node_path_namespaceObject.resolve)(root, '.shardwise'),
        coverageThreshold,
        env: io.env,
        ...(io.signal ? { signal: io.signal } : {}),
    }, {
        log: stderrLog(io.stderr),
        out: (text) => io.stdout.write(text),
        err: (text) => io.stderr.write(text),
        ready: () => outputReady(io),
        now: () => new Date(),
    });
    return outcome.exitCode;
}
async function combineCommand(args, io) {
    const parsed = parseCommandArgs(args, {
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
    });
    if (parsed.flag('help')) {
        io.stdout.write(`${COMBINE_USAGE}\n`);
        return 0;
    }
    const resultsDir = parsed.str('results-dir');
    const planPath = parsed.str('plan');
    if (resultsDir === undefined)
        throw new errors_UsageError('`--results-dir <dir>` is required: where the shard results are.');
    if (planPath === undefined)
        throw new errors_UsageError('`--plan <file>` is required: the plan the shards ran.');
    const root = (0,external_node_path_namespaceObject.resolve)(io.cwd, parsed.str('root') ?? '.');
    const coverageThreshold = coverageThresholdFlag(parsed);
    const { plan, digest } = await readPlanFile((0,external_node_path_namespaceObject.resolve)(io.cwd, planPath));
    const quarantineFlag = parsed.str('quarantine');
    const defaultQuarantine = (0,external_node_path_namespaceObject.resolve)(root, 'shardwise.quarantine.json');
    const flakyRaw = parsed.str('flaky-threshold') ?? '0.1';
    if (!/^(?:0(?:\.\d+)?|1(?:\.0+)?)$/.test(flakyRaw.trim())) {
        throw new errors_UsageError(`\`--flaky-threshold\` must be a number from 0 to 1; got \`${flakyRaw}\`.`);
    }
    const reportMd = parsed.str('report-md');
    const reportJsonPath = parsed.str('report-json');
    const log = stderrLog(io.stderr);
    const baseRef = parsed.str('base-ref');
    const outcome = await combineMode({
        plan,
        planDigest: digest,
        resultsDir: (0,external_node_path_namespaceObject.resolve)(io.cwd, resultsDir),
        storePath: parsed.flag('no-store')
            ? undefined
            : (0,external_node_path_namespaceObject.resolve)(io.cwd, parsed.str('store') ?? (0,external_node_path_namespaceObject.resolve)(root, '.shardwise/timings.json')),
        quarantinePath: quarantineFlag !== undefined
            ? (0,external_node_path_namespaceObject.resolve)(io.cwd, quarantineFlag)
            : (0,external_node_fs_namespaceObject.existsSync)(defaultQuarantine)
                ? defaultQuarantine
                : undefined,
        flakyThreshold: Number(flakyRaw),
        coverageThreshold,
        fallback: parseChoice('--fallback', parsed.str('fallback') ?? 'none', [
            'none',
            'serial',
        ]),
        command: parsed.command,
        runner: parseChoice('--runner', parsed.str('runner') ?? 'auto', [
            'auto',
            ...RUNNER_NAMES,
        ]),
        fallbackMaxItems: parseWholeNumber('--fallback-max-items', parsed.str('fallback-max-items') ?? '50', 0, 100_000),
        reportMarkdown: reportMd === undefined ? undefined : (0,external_node_path_namespaceObject.resolve)(io.cwd, reportMd),
        reportJson: reportJsonPath === undefined ? undefined : (0,external_node_path_namespaceObject.resolve)(io.cwd, reportJsonPath),
        root,
        env: io.env,
        ...(io.signal ? { signal: io.signal } : {}),
        coverage: (shards) => coverageReport(shards, { root, threshold: coverageThreshold, baseRef, log }),
    }, {
        log,
        out: (t) => io.stderr.write(t),
        err: (t) => io.stderr.write(t),
        ready: () => outputReady(io),
        now: () => new Date(),
    });
    if (reportMd === undefined)
        io.stdout.write(outcome.markdown);
    const c = outcome.combined;
    io.stderr.write(`shardwise: ${c.verdict}: ${c.counts.passed} passed, ${c.failed.length} failed, ${c.counts.flaky} flaky, ${c.quarantined.length} quarantined, ${c.unaccounted.length} unaccounted\n`);
    return outcome.exitCode;
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
        switch (command) {
            case 'plan':
                return await planCommand(rest, io);
            case 'run':
                return await runCommand(rest, io);
            case 'test':
                return await testCommand(rest, io);
            case 'combine':
                return await combineCommand(rest, io);
            case '--version':
            case '-v':
                io.stdout.write(`${cli_VERSION}\n`);
                return 0;
            case undefined:
            case '--help':
            case '-h':
            case 'help':
                io.stdout.write(`${USAGE}\n`);
                return command === undefined ? 2 : 0;
            default:
                throw new errors_UsageError(`unknown command \`${command}\`. Commands: test, plan, run, combine. Run shardwise --help.`);
        }
    }
    catch (error) {
        if (error instanceof errors_UsageError) {
            io.stderr.write(`shardwise: ${error.message}\n`);
            return 2;
        }
        const detail = error instanceof Error ? (error.stack ?? error.message) : describeError(error);
        const kind = error instanceof InternalError ? 'internal error (please report it)' : 'error';
        io.stderr.write(`shardwise: ${kind}: ${detail}\n`);
        return error instanceof InternalError ? 70 : 2;
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
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(498);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
