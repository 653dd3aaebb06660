import { RE2JS } from 're2js';

/** One match of a preset's pattern: where it starts (a UTF-16 index) and what it matched. */
export interface PatternMatch {
  index: number;
  text: string;
}

/** A preset's regular expression, compiled once: its matches in a text, left to right, none overlapping. */
export interface CompiledPattern {
  /** Whether it runs on the linear engine (else on JavaScript's, and must pass the backtracking check). */
  linear: boolean;
  matches(text: string): Iterable<PatternMatch>;
}

/**
 * Compiles a preset's pattern (JavaScript syntax, as counties write it) to run in time linear in
 * the text: by RE2JS, an engine that never backtracks, whenever it reads the pattern. JavaScript's
 * own engine tries every way a repeat can divide a text: (?:\x51|\x51)+! ran for hours on forty
 * characters, and [^。]*扬言[^。]*砍 for minutes on a ledger of long cells. What RE2 does not read —
 * lookarounds, back-references, \p{Script=…} — runs on JavaScript's engine, and such a pattern is
 * taken only if it passes the check for patterns that backtrack badly (pattern-safety.ts).
 */
export function compilePattern(pattern: string): CompiledPattern {
  const linear = linearPattern(pattern);
  if (linear) return linear;
  const regex = new RegExp(pattern, 'gu');
  return {
    linear: false,
    *matches(text) {
      regex.lastIndex = 0;
      for (let m = regex.exec(text); m; m = regex.exec(text)) {
        yield { index: m.index, text: m[0] };
        if (m[0] === '') regex.lastIndex++;
      }
    },
  };
}

function linearPattern(pattern: string): CompiledPattern | null {
  let re: RE2JS;
  try {
    re = RE2JS.compile(inRe2Syntax(pattern));
  } catch {
    return null;
  }
  return {
    linear: true,
    *matches(text) {
      const m = re.matcher(text);
      while (m.find()) yield { index: m.start(), text: m.group() ?? '' };
    },
  };
}

/**
 * JavaScript's \uXXXX and \u{X} as RE2's \x{X} ([\u4e00-\u9fa5] is how many write "a Han
 * character"); an escaped backslash (\\u) stays as it is.
 */
function inRe2Syntax(pattern: string): string {
  return pattern.replace(/\\(u\{([0-9a-fA-F]{1,6})\}|u([0-9a-fA-F]{4})|[\s\S])/g, (escape, _body: string, braced?: string, four?: string) =>
    braced !== undefined || four !== undefined ? `\\x{${braced ?? four}}` : escape,
  );
}
