/**
 * numpy's `repr` of a float array: `array([[1. , 2.5],\n       [3. , 4. ]])`. Elements get the
 * shortest digits that identify them in their own precision (at most 8 after the point), columns
 * are aligned, scientific notation is used when magnitudes span too far, long rows wrap at 75
 * characters and arrays of more than 1000 elements are summarised with `...`.
 *
 * @module
 */
import type { FloatArray } from './layout.js';

const LINE_WIDTH = 75;
const PRECISION = 8;
const THRESHOLD = 1000;
const EDGE_ITEMS = 3;

/**
 * What an array looks like to the printer.
 *
 * @example
 * ```ts
 * import type { Printable } from './format.js';
 * const p: Printable = { dtype: 'float64', shape: [2], strides: [1], offset: 0, data: new Float64Array(2), size: 2 };
 * ```
 *
 * @internal
 */
export interface Printable {
  readonly dtype: 'float64' | 'float32';
  readonly shape: readonly number[];
  readonly strides: readonly number[];
  readonly offset: number;
  readonly data: FloatArray;
  readonly size: number;
}

/** The shortest number (as a double) whose decimal digits identify `x` in its precision. */
function shortest(x: number, single: boolean): number {
  if (!single) return x;
  for (let p = 1; p < 9; p++) {
    const v = Number(x.toPrecision(p));
    if (Math.fround(v) === x) return v;
  }
  return Number(x.toPrecision(9));
}

function isNegative(x: number): boolean {
  return x < 0 || Object.is(x, -0);
}

/**
 * Whether the exact decimal expansion `digits` (no sign, no point) is a tie when cut after `keep`
 * digits: the rest is a 5 and zeros. A double that is not a tie differs from one by at least a
 * unit in its last place, which shows within the 30 digits inspected.
 */
function isTie(digits: string, keep: number): boolean {
  return /^50*$/.test(digits.slice(keep));
}

/** `x.toFixed(f)` (x >= 0) with ties rounded to even, as numpy's Dragon4 does (JS rounds them up). */
function toFixedEven(x: number, f: number): string {
  const rounded = x.toFixed(f);
  const exact = x.toFixed(Math.min(100, f + 30));
  const digits = exact.replace('.', '');
  const keep = digits.length - 30;
  if (!isTie(digits, keep) || Number(digits[keep - 1]) % 2 === 1) return rounded;
  const cut = exact.slice(0, exact.length - 30);
  return cut.endsWith('.') ? cut.slice(0, -1) : cut;
}

/** `x.toExponential(f)` (x >= 0) with ties rounded to even, as numpy's Dragon4 does. */
function toExponentialEven(x: number, f: number): string {
  const rounded = x.toExponential(f);
  const exact = x.toExponential(Math.min(100, f + 30));
  const e = exact.indexOf('e');
  const digits = exact.slice(0, e).replace('.', '');
  if (!isTie(digits, f + 1) || Number(digits[f]) % 2 === 1) return rounded;
  return `${digits[0]}${f > 0 ? `.${digits.slice(1, f + 1)}` : ''}${exact.slice(e)}`;
}

/** `[integer part with sign, fraction digits]` in positional notation, trailing zeros dropped. */
function positionalParts(x: number, single: boolean): [string, string] {
  let s = String(Math.abs(shortest(x, single)));
  const dot = s.indexOf('.');
  if (s.includes('e') || (dot >= 0 && s.length - dot - 1 > PRECISION)) {
    s = toFixedEven(Math.abs(x), PRECISION).replace(/0+$/, '');
  }
  const [int = '', frac = ''] = s.split('.');
  return [(isNegative(x) ? '-' : '') + int, frac];
}

/** `[integer digit with sign, fraction digits, exponent]` in scientific notation. */
function scientificParts(x: number, single: boolean): [string, string, number] {
  let s = Math.abs(shortest(x, single)).toExponential();
  const e = s.indexOf('e');
  const mantissa = s.slice(0, e);
  const dot = mantissa.indexOf('.');
  if (dot >= 0 && mantissa.length - dot - 1 > PRECISION) {
    s = toExponentialEven(Math.abs(x), PRECISION);
  }
  const [m = '', exp = '0'] = s.split('e');
  const [int = '', frac = ''] = m.split('.');
  return [(isNegative(x) ? '-' : '') + int, frac.replace(/0+$/, ''), Number(exp)];
}

/** numpy's FloatingFormat: decide the notation and paddings from the values that will be shown. */
function floatFormatter(values: readonly number[], single: boolean): (x: number) => string {
  const finite = values.filter((v) => Number.isFinite(v));
  let exponential = false;
  let maxAbs = 0;
  let minAbs = Infinity;
  for (const v of finite) {
    const a = Math.abs(v);
    if (a === 0) continue;
    maxAbs = Math.max(maxAbs, a);
    minAbs = Math.min(minAbs, a);
  }
  // numpy 2.3+ switches at 10^min(8, decimal precision of the dtype): 1e8 for float64, 1e6 for float32.
  if (maxAbs > 0) exponential = maxAbs >= (single ? 1e6 : 1e8) || minAbs < 1e-4 || maxAbs / minAbs > 1e3;

  let padLeft = 0;
  let padRight = 0;
  let expSize = 0;
  if (exponential) {
    for (const v of finite) {
      const [int, frac, exp] = scientificParts(v, single);
      padLeft = Math.max(padLeft, int.length);
      padRight = Math.max(padRight, frac.length);
      expSize = Math.max(expSize, String(Math.abs(exp)).length);
    }
    expSize = Math.max(expSize, 2);
  } else {
    for (const v of finite) {
      const [int, frac] = positionalParts(v, single);
      padLeft = Math.max(padLeft, int.length);
      padRight = Math.max(padRight, frac.length);
    }
  }
  // Room for nan / inf / -inf in the same columns as the numbers.
  const fieldRight = exponential ? expSize + 2 + padRight : padRight;
  if (finite.length !== values.length) {
    const negInf = values.some((v) => v === -Infinity) ? 1 : 0;
    padLeft = Math.max(padLeft, 3 - (fieldRight + 1), 3 + negInf - (fieldRight + 1));
  }
  const width = padLeft + fieldRight + 1;

  return (x: number): string => {
    if (!Number.isFinite(x)) {
      const word = Number.isNaN(x) ? 'nan' : x < 0 ? '-inf' : 'inf';
      return word.padStart(width);
    }
    if (exponential) {
      // Every value gets the same number of digits: numpy prints further digits of the exact value
      // (not zeros) past a value's own shortest form, which matters for float32.
      const text = toExponentialEven(Math.abs(x), padRight);
      const e = text.indexOf('e');
      const mantissa = text.slice(0, e);
      const exp = Number(text.slice(e + 1));
      const [int = '', frac = ''] = mantissa.split('.');
      const digits = String(Math.abs(exp)).padStart(expSize, '0');
      return `${((isNegative(x) ? '-' : '') + int).padStart(padLeft)}.${frac}e${exp < 0 ? '-' : '+'}${digits}`;
    }
    const [int, frac] = positionalParts(x, single);
    return `${int.padStart(padLeft)}.${frac.padEnd(padRight)}`;
  };
}

/** The offsets along one axis that are shown: all of them, or the edges around a `...`. */
function shownIndices(n: number, summarise: boolean): { lead: number[]; trail: number[] } {
  const all = Array.from({ length: n }, (_, i) => i);
  if (summarise && n > 2 * EDGE_ITEMS) return { lead: all.slice(0, EDGE_ITEMS), trail: all.slice(n - EDGE_ITEMS) };
  return { lead: all, trail: [] };
}

/** Appends a word to the current line, starting a new line when it would pass the width. */
function extendLine(out: { s: string; line: string }, word: string, width: number, prefix: string): void {
  const needsWrap = out.line.length + word.length > width && out.line.length > prefix.length;
  if (needsWrap) {
    out.s += `${out.line.trimEnd()}\n`;
    out.line = prefix;
  }
  out.line += word;
}

/**
 * The numpy (2.2 and later) repr of an array: `array([1., 2.])`,
 * `array([0.5, 1. ], dtype=float32)`, `array([], shape=(0, 3), dtype=float64)`, and for more than
 * 1000 elements `array([1000., 1001., 1002., ..., 2997., 2998., 2999.], shape=(2000,))`.
 *
 * @example
 * ```ts
 * import { formatArray } from './format.js';
 * import { array } from './create.js';
 * formatArray(array([[1, 2], [3, 4]])); // 'array([[1., 2.],\n       [3., 4.]])'
 * ```
 *
 * @internal
 */
export function formatArray(a: Printable): string {
  const prefix = 'array(';
  const single = a.dtype === 'float32';
  const { shape, strides, data } = a;
  const nd = shape.length;
  const summarise = a.size > THRESHOLD;

  // Collect the values that will be printed, to size the columns.
  const shown: number[] = [];
  const collect = (axis: number, at: number): void => {
    if (axis === nd) {
      shown.push(data[at]!);
      return;
    }
    const { lead, trail } = shownIndices(shape[axis]!, summarise);
    for (const i of [...lead, ...trail]) collect(axis + 1, at + i * strides[axis]!);
  };
  if (a.size > 0) collect(0, a.offset);
  const format = floatFormatter(shown, single);

  let body: string;
  if (a.size === 0) {
    body = '[]';
  } else if (nd === 0) {
    body = format(data[a.offset]!);
  } else {
    const separator = ', ';
    const recurse = (axis: number, at: number, hanging: string, width: number): string => {
      if (axis === nd) return format(data[at]!);
      const nextHanging = `${hanging} `;
      const nextWidth = width - 1;
      const { lead, trail } = shownIndices(shape[axis]!, summarise);
      const stride = strides[axis]!;
      const left = nd - axis;
      let s = '';
      if (left === 1) {
        const elementWidth = width - 1;
        const out = { s: '', line: hanging };
        const items = [...lead.map((i) => ({ i })), ...(trail.length ? [{ i: -1 }] : []), ...trail.map((i) => ({ i }))];
        items.forEach(({ i }, k) => {
          const word = i < 0 ? '...' : recurse(axis + 1, at + i * stride, nextHanging, nextWidth);
          extendLine(out, word, elementWidth, hanging);
          if (k < items.length - 1) out.line += separator;
        });
        s = out.s + out.line;
      } else {
        const lineSeparator = `${separator.trimEnd()}${'\n'.repeat(left - 1)}`;
        const parts: string[] = [];
        for (const i of lead) parts.push(hanging + recurse(axis + 1, at + i * stride, nextHanging, nextWidth));
        if (trail.length) parts.push(`${hanging}...`);
        for (const i of trail) parts.push(hanging + recurse(axis + 1, at + i * stride, nextHanging, nextWidth));
        s = parts.join(lineSeparator);
      }
      return `[${s.slice(hanging.length)}]`;
    };
    // The first line's indent stands for 'array(['; later lines align under the first '['.
    body = recurse(0, a.offset, ' '.repeat(prefix.length + 1), LINE_WIDTH - 1);
  }

  // numpy 2.2+: the shape is shown for empty arrays (other than shape (0,)) and summarised ones;
  // the dtype for float32 and for empty arrays.
  const extras: string[] = [];
  if ((a.size === 0 && !(nd === 1 && shape[0] === 0)) || summarise) {
    extras.push(`shape=(${shape.join(', ')}${nd === 1 ? ',' : ''})`);
  }
  if (single || a.size === 0) extras.push(`dtype=${a.dtype}`);
  if (extras.length === 0) return `${prefix}${body})`;
  const text = `${prefix}${body},`;
  const extra = `${extras.join(', ')})`;
  const lastLine = text.length - (text.lastIndexOf('\n') + 1);
  const spacer = lastLine + extra.length + 1 > LINE_WIDTH ? `\n${' '.repeat(prefix.length)}` : ' ';
  return text + spacer + extra;
}
