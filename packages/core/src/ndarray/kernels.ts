/**
 * The loops behind the elementwise functions, one object per operation, each in every loop form
 * the callers need: flat (contiguous operands), flat against a number on either side, and
 * strided. Written out per operation rather than through a callback per element, so each loop
 * compiles to straight-line arithmetic; the contiguous zero-offset loops are unrolled eight
 * times, which V8 runs markedly faster than the rolled loop (fewer bounds checks and branches
 * per element).
 *
 * @module
 */
import type { FloatArray } from './layout.js';

/**
 * One binary operation in every loop form.
 *
 * @example
 * ```ts
 * import { ADD, type BinaryKernel } from './kernels.js';
 * const kernel: BinaryKernel = ADD;
 * kernel.flat(2, new Float64Array([1, 2]), 0, new Float64Array([3, 4]), 0, new Float64Array(2), 0);
 * ```
 *
 * @internal
 */
export interface BinaryKernel {
  readonly name: string;
  /** o[oo+i] = x[xo+i] op y[yo+i] for i < n */
  flat(n: number, x: FloatArray, xo: number, y: FloatArray, yo: number, o: FloatArray, oo: number): void;
  /** o[oo+i] = x[xo+i] op s */
  flatScalarRight(n: number, x: FloatArray, xo: number, s: number, o: FloatArray, oo: number): void;
  /** o[oo+i] = s op y[yo+i] */
  flatScalarLeft(n: number, s: number, y: FloatArray, yo: number, o: FloatArray, oo: number): void;
  /** o[oo+i*os] = x[xo+i*xs] op y[yo+i*ys] */
  strided(
    n: number, x: FloatArray, xo: number, xs: number, y: FloatArray, yo: number, ys: number,
    o: FloatArray, oo: number, os: number,
  ): void;
}

/**
 * One unary operation in every loop form.
 *
 * @example
 * ```ts
 * import { SQRT, type UnaryKernel } from './kernels.js';
 * const kernel: UnaryKernel = SQRT;
 * kernel.flat(2, new Float64Array([4, 9]), 0, new Float64Array(2), 0);
 * ```
 *
 * @internal
 */
export interface UnaryKernel {
  readonly name: string;
  /** o[oo+i] = op(x[xo+i]) for i < n */
  flat(n: number, x: FloatArray, xo: number, o: FloatArray, oo: number): void;
  /** o[oo+i*os] = op(x[xo+i*xs]) */
  strided(n: number, x: FloatArray, xo: number, xs: number, o: FloatArray, oo: number, os: number): void;
}

/**
 * The loops of `x + y`.
 *
 * @example
 * ```ts
 * import { ADD } from './kernels.js';
 * const x = new Float64Array([1, 4, 9]);
 * const y = new Float64Array([1, 2, 3]);
 * const out = new Float64Array(3);
 * ADD.flat(3, x, 0, y, 0, out, 0); // out[i] = x[i] + y[i]
 * ```
 *
 * @internal
 */
export const ADD: BinaryKernel = {
  name: 'add',
  flat(n, x, xo, y, yo, o, oo) {
    if (xo === 0 && yo === 0 && oo === 0) {
      let i = 0;
      for (const last = n - 7; i < last; i += 8) {
        o[i] = x[i]! + y[i]!;
        o[i + 1] = x[i + 1]! + y[i + 1]!;
        o[i + 2] = x[i + 2]! + y[i + 2]!;
        o[i + 3] = x[i + 3]! + y[i + 3]!;
        o[i + 4] = x[i + 4]! + y[i + 4]!;
        o[i + 5] = x[i + 5]! + y[i + 5]!;
        o[i + 6] = x[i + 6]! + y[i + 6]!;
        o[i + 7] = x[i + 7]! + y[i + 7]!;
      }
      for (; i < n; i++) o[i] = x[i]! + y[i]!;
    } else {
      for (let i = 0; i < n; i++) o[oo + i] = x[xo + i]! + y[yo + i]!;
    }
  },
  flatScalarRight(n, x, xo, s, o, oo) {
    if (xo === 0 && oo === 0) {
      let i = 0;
      for (const last = n - 7; i < last; i += 8) {
        o[i] = x[i]! + s;
        o[i + 1] = x[i + 1]! + s;
        o[i + 2] = x[i + 2]! + s;
        o[i + 3] = x[i + 3]! + s;
        o[i + 4] = x[i + 4]! + s;
        o[i + 5] = x[i + 5]! + s;
        o[i + 6] = x[i + 6]! + s;
        o[i + 7] = x[i + 7]! + s;
      }
      for (; i < n; i++) o[i] = x[i]! + s;
    } else {
      for (let i = 0; i < n; i++) o[oo + i] = x[xo + i]! + s;
    }
  },
  flatScalarLeft(n, s, y, yo, o, oo) {
    if (yo === 0 && oo === 0) {
      let i = 0;
      for (const last = n - 7; i < last; i += 8) {
        o[i] = s + y[i]!;
        o[i + 1] = s + y[i + 1]!;
        o[i + 2] = s + y[i + 2]!;
        o[i + 3] = s + y[i + 3]!;
        o[i + 4] = s + y[i + 4]!;
        o[i + 5] = s + y[i + 5]!;
        o[i + 6] = s + y[i + 6]!;
        o[i + 7] = s + y[i + 7]!;
      }
      for (; i < n; i++) o[i] = s + y[i]!;
    } else {
      for (let i = 0; i < n; i++) o[oo + i] = s + y[yo + i]!;
    }
  },
  strided(n, x, xo, xs, y, yo, ys, o, oo, os) {
    for (let i = 0; i < n; i++) o[oo + i * os] = x[xo + i * xs]! + y[yo + i * ys]!;
  },
};

/**
 * The loops of `x - y`.
 *
 * @example
 * ```ts
 * import { SUBTRACT } from './kernels.js';
 * const x = new Float64Array([1, 4, 9]);
 * const y = new Float64Array([1, 2, 3]);
 * const out = new Float64Array(3);
 * SUBTRACT.flatScalarLeft(3, 1, y, 0, out, 0); // out[i] = 1 - y[i]
 * ```
 *
 * @internal
 */
export const SUBTRACT: BinaryKernel = {
  name: 'subtract',
  flat(n, x, xo, y, yo, o, oo) {
    if (xo === 0 && yo === 0 && oo === 0) {
      let i = 0;
      for (const last = n - 7; i < last; i += 8) {
        o[i] = x[i]! - y[i]!;
        o[i + 1] = x[i + 1]! - y[i + 1]!;
        o[i + 2] = x[i + 2]! - y[i + 2]!;
        o[i + 3] = x[i + 3]! - y[i + 3]!;
        o[i + 4] = x[i + 4]! - y[i + 4]!;
        o[i + 5] = x[i + 5]! - y[i + 5]!;
        o[i + 6] = x[i + 6]! - y[i + 6]!;
        o[i + 7] = x[i + 7]! - y[i + 7]!;
      }
      for (; i < n; i++) o[i] = x[i]! - y[i]!;
    } else {
      for (let i = 0; i < n; i++) o[oo + i] = x[xo + i]! - y[yo + i]!;
    }
  },
  flatScalarRight(n, x, xo, s, o, oo) {
    if (xo === 0 && oo === 0) {
      let i = 0;
      for (const last = n - 7; i < last; i += 8) {
        o[i] = x[i]! - s;
        o[i + 1] = x[i + 1]! - s;
        o[i + 2] = x[i + 2]! - s;
        o[i + 3] = x[i + 3]! - s;
        o[i + 4] = x[i + 4]! - s;
        o[i + 5] = x[i + 5]! - s;
        o[i + 6] = x[i + 6]! - s;
        o[i + 7] = x[i + 7]! - s;
      }
      for (; i < n; i++) o[i] = x[i]! - s;
    } else {
      for (let i = 0; i < n; i++) o[oo + i] = x[xo + i]! - s;
    }
  },
  flatScalarLeft(n, s, y, yo, o, oo) {
    if (yo === 0 && oo === 0) {
      let i = 0;
      for (const last = n - 7; i < last; i += 8) {
        o[i] = s - y[i]!;
        o[i + 1] = s - y[i + 1]!;
        o[i + 2] = s - y[i + 2]!;
        o[i + 3] = s - y[i + 3]!;
        o[i + 4] = s - y[i + 4]!;
        o[i + 5] = s - y[i + 5]!;
        o[i + 6] = s - y[i + 6]!;
        o[i + 7] = s - y[i + 7]!;
      }
      for (; i < n; i++) o[i] = s - y[i]!;
    } else {
      for (let i = 0; i < n; i++) o[oo + i] = s - y[yo + i]!;
    }
  },
  strided(n, x, xo, xs, y, yo, ys, o, oo, os) {
    for (let i = 0; i < n; i++) o[oo + i * os] = x[xo + i * xs]! - y[yo + i * ys]!;
  },
};

/**
 * The loops of `x * y`.
 *
 * @example
 * ```ts
 * import { MULTIPLY } from './kernels.js';
 * const x = new Float64Array([1, 4, 9]);
 * const y = new Float64Array([1, 2, 3]);
 * const out = new Float64Array(3);
 * MULTIPLY.flatScalarRight(3, x, 0, 2, out, 0); // out[i] = x[i] * 2
 * ```
 *
 * @internal
 */
export const MULTIPLY: BinaryKernel = {
  name: 'multiply',
  flat(n, x, xo, y, yo, o, oo) {
    if (xo === 0 && yo === 0 && oo === 0) {
      let i = 0;
      for (const last = n - 7; i < last; i += 8) {
        o[i] = x[i]! * y[i]!;
        o[i + 1] = x[i + 1]! * y[i + 1]!;
        o[i + 2] = x[i + 2]! * y[i + 2]!;
        o[i + 3] = x[i + 3]! * y[i + 3]!;
        o[i + 4] = x[i + 4]! * y[i + 4]!;
        o[i + 5] = x[i + 5]! * y[i + 5]!;
        o[i + 6] = x[i + 6]! * y[i + 6]!;
        o[i + 7] = x[i + 7]! * y[i + 7]!;
      }
      for (; i < n; i++) o[i] = x[i]! * y[i]!;
    } else {
      for (let i = 0; i < n; i++) o[oo + i] = x[xo + i]! * y[yo + i]!;
    }
  },
  flatScalarRight(n, x, xo, s, o, oo) {
    if (xo === 0 && oo === 0) {
      let i = 0;
      for (const last = n - 7; i < last; i += 8) {
        o[i] = x[i]! * s;
        o[i + 1] = x[i + 1]! * s;
        o[i + 2] = x[i + 2]! * s;
        o[i + 3] = x[i + 3]! * s;
        o[i + 4] = x[i + 4]! * s;
        o[i + 5] = x[i + 5]! * s;
        o[i + 6] = x[i + 6]! * s;
        o[i + 7] = x[i + 7]! * s;
      }
      for (; i < n; i++) o[i] = x[i]! * s;
    } else {
      for (let i = 0; i < n; i++) o[oo + i] = x[xo + i]! * s;
    }
  },
  flatScalarLeft(n, s, y, yo, o, oo) {
    if (yo === 0 && oo === 0) {
      let i = 0;
      for (const last = n - 7; i < last; i += 8) {
        o[i] = s * y[i]!;
        o[i + 1] = s * y[i + 1]!;
        o[i + 2] = s * y[i + 2]!;
        o[i + 3] = s * y[i + 3]!;
        o[i + 4] = s * y[i + 4]!;
        o[i + 5] = s * y[i + 5]!;
        o[i + 6] = s * y[i + 6]!;
        o[i + 7] = s * y[i + 7]!;
      }
      for (; i < n; i++) o[i] = s * y[i]!;
    } else {
      for (let i = 0; i < n; i++) o[oo + i] = s * y[yo + i]!;
    }
  },
  strided(n, x, xo, xs, y, yo, ys, o, oo, os) {
    for (let i = 0; i < n; i++) o[oo + i * os] = x[xo + i * xs]! * y[yo + i * ys]!;
  },
};

/**
 * The loops of `x / y`.
 *
 * @example
 * ```ts
 * import { DIVIDE } from './kernels.js';
 * const x = new Float64Array([1, 4, 9]);
 * const y = new Float64Array([1, 2, 3]);
 * const out = new Float64Array(3);
 * DIVIDE.strided(2, x, 0, 2, y, 0, 1, out, 0, 1); // out[i] = x[2i] / y[i]
 * ```
 *
 * @internal
 */
export const DIVIDE: BinaryKernel = {
  name: 'divide',
  flat(n, x, xo, y, yo, o, oo) {
    if (xo === 0 && yo === 0 && oo === 0) {
      let i = 0;
      for (const last = n - 7; i < last; i += 8) {
        o[i] = x[i]! / y[i]!;
        o[i + 1] = x[i + 1]! / y[i + 1]!;
        o[i + 2] = x[i + 2]! / y[i + 2]!;
        o[i + 3] = x[i + 3]! / y[i + 3]!;
        o[i + 4] = x[i + 4]! / y[i + 4]!;
        o[i + 5] = x[i + 5]! / y[i + 5]!;
        o[i + 6] = x[i + 6]! / y[i + 6]!;
        o[i + 7] = x[i + 7]! / y[i + 7]!;
      }
      for (; i < n; i++) o[i] = x[i]! / y[i]!;
    } else {
      for (let i = 0; i < n; i++) o[oo + i] = x[xo + i]! / y[yo + i]!;
    }
  },
  flatScalarRight(n, x, xo, s, o, oo) {
    if (xo === 0 && oo === 0) {
      let i = 0;
      for (const last = n - 7; i < last; i += 8) {
        o[i] = x[i]! / s;
        o[i + 1] = x[i + 1]! / s;
        o[i + 2] = x[i + 2]! / s;
        o[i + 3] = x[i + 3]! / s;
        o[i + 4] = x[i + 4]! / s;
        o[i + 5] = x[i + 5]! / s;
        o[i + 6] = x[i + 6]! / s;
        o[i + 7] = x[i + 7]! / s;
      }
      for (; i < n; i++) o[i] = x[i]! / s;
    } else {
      for (let i = 0; i < n; i++) o[oo + i] = x[xo + i]! / s;
    }
  },
  flatScalarLeft(n, s, y, yo, o, oo) {
    if (yo === 0 && oo === 0) {
      let i = 0;
      for (const last = n - 7; i < last; i += 8) {
        o[i] = s / y[i]!;
        o[i + 1] = s / y[i + 1]!;
        o[i + 2] = s / y[i + 2]!;
        o[i + 3] = s / y[i + 3]!;
        o[i + 4] = s / y[i + 4]!;
        o[i + 5] = s / y[i + 5]!;
        o[i + 6] = s / y[i + 6]!;
        o[i + 7] = s / y[i + 7]!;
      }
      for (; i < n; i++) o[i] = s / y[i]!;
    } else {
      for (let i = 0; i < n; i++) o[oo + i] = s / y[yo + i]!;
    }
  },
  strided(n, x, xo, xs, y, yo, ys, o, oo, os) {
    for (let i = 0; i < n; i++) o[oo + i * os] = x[xo + i * xs]! / y[yo + i * ys]!;
  },
};

/**
 * The loops of `sqrt(x)`.
 *
 * @example
 * ```ts
 * import { SQRT } from './kernels.js';
 * const x = new Float64Array([1, 4, 9]);
 * const y = new Float64Array([1, 2, 3]);
 * const out = new Float64Array(3);
 * SQRT.flat(3, x, 0, out, 0); // out[i] = Math.sqrt(x[i])
 * ```
 *
 * @internal
 */
export const SQRT: UnaryKernel = {
  name: 'sqrt',
  flat(n, x, xo, o, oo) {
    if (xo === 0 && oo === 0) {
      let i = 0;
      for (const last = n - 7; i < last; i += 8) {
        o[i] = Math.sqrt(x[i]!);
        o[i + 1] = Math.sqrt(x[i + 1]!);
        o[i + 2] = Math.sqrt(x[i + 2]!);
        o[i + 3] = Math.sqrt(x[i + 3]!);
        o[i + 4] = Math.sqrt(x[i + 4]!);
        o[i + 5] = Math.sqrt(x[i + 5]!);
        o[i + 6] = Math.sqrt(x[i + 6]!);
        o[i + 7] = Math.sqrt(x[i + 7]!);
      }
      for (; i < n; i++) o[i] = Math.sqrt(x[i]!);
    } else {
      for (let i = 0; i < n; i++) o[oo + i] = Math.sqrt(x[xo + i]!);
    }
  },
  strided(n, x, xo, xs, o, oo, os) {
    for (let i = 0; i < n; i++) o[oo + i * os] = Math.sqrt(x[xo + i * xs]!);
  },
};

/**
 * The loops of `x * x`.
 *
 * @example
 * ```ts
 * import { SQUARE } from './kernels.js';
 * const x = new Float64Array([1, 4, 9]);
 * const y = new Float64Array([1, 2, 3]);
 * const out = new Float64Array(3);
 * SQUARE.flat(3, x, 0, out, 0); // out[i] = x[i] * x[i]
 * ```
 *
 * @internal
 */
export const SQUARE: UnaryKernel = {
  name: 'square',
  flat(n, x, xo, o, oo) {
    if (xo === 0 && oo === 0) {
      let i = 0;
      for (const last = n - 7; i < last; i += 8) {
        const v0 = x[i]!;
        const v1 = x[i + 1]!;
        const v2 = x[i + 2]!;
        const v3 = x[i + 3]!;
        const v4 = x[i + 4]!;
        const v5 = x[i + 5]!;
        const v6 = x[i + 6]!;
        const v7 = x[i + 7]!;
        o[i] = v0 * v0;
        o[i + 1] = v1 * v1;
        o[i + 2] = v2 * v2;
        o[i + 3] = v3 * v3;
        o[i + 4] = v4 * v4;
        o[i + 5] = v5 * v5;
        o[i + 6] = v6 * v6;
        o[i + 7] = v7 * v7;
      }
      for (; i < n; i++) {
        const v = x[i]!;
        o[i] = v * v;
      }
    } else {
      for (let i = 0; i < n; i++) {
        const v = x[xo + i]!;
        o[oo + i] = v * v;
      }
    }
  },
  strided(n, x, xo, xs, o, oo, os) {
    for (let i = 0; i < n; i++) {
      const v = x[xo + i * xs]!;
      o[oo + i * os] = v * v;
    }
  },
};

/**
 * The loops of `-x`.
 *
 * @example
 * ```ts
 * import { NEGATIVE } from './kernels.js';
 * const x = new Float64Array([1, 4, 9]);
 * const y = new Float64Array([1, 2, 3]);
 * const out = new Float64Array(3);
 * NEGATIVE.flat(3, x, 0, out, 0); // out[i] = -x[i]
 * ```
 *
 * @internal
 */
export const NEGATIVE: UnaryKernel = {
  name: 'negative',
  flat(n, x, xo, o, oo) {
    if (xo === 0 && oo === 0) {
      let i = 0;
      for (const last = n - 7; i < last; i += 8) {
        o[i] = -x[i]!;
        o[i + 1] = -x[i + 1]!;
        o[i + 2] = -x[i + 2]!;
        o[i + 3] = -x[i + 3]!;
        o[i + 4] = -x[i + 4]!;
        o[i + 5] = -x[i + 5]!;
        o[i + 6] = -x[i + 6]!;
        o[i + 7] = -x[i + 7]!;
      }
      for (; i < n; i++) o[i] = -x[i]!;
    } else {
      for (let i = 0; i < n; i++) o[oo + i] = -x[xo + i]!;
    }
  },
  strided(n, x, xo, xs, o, oo, os) {
    for (let i = 0; i < n; i++) o[oo + i * os] = -x[xo + i * xs]!;
  },
};

/**
 * The loops of `|x|`.
 *
 * @example
 * ```ts
 * import { ABS } from './kernels.js';
 * const x = new Float64Array([1, 4, 9]);
 * const y = new Float64Array([1, 2, 3]);
 * const out = new Float64Array(3);
 * ABS.flat(3, x, 0, out, 0); // out[i] = Math.abs(x[i])
 * ```
 *
 * @internal
 */
export const ABS: UnaryKernel = {
  name: 'abs',
  flat(n, x, xo, o, oo) {
    if (xo === 0 && oo === 0) {
      let i = 0;
      for (const last = n - 7; i < last; i += 8) {
        o[i] = Math.abs(x[i]!);
        o[i + 1] = Math.abs(x[i + 1]!);
        o[i + 2] = Math.abs(x[i + 2]!);
        o[i + 3] = Math.abs(x[i + 3]!);
        o[i + 4] = Math.abs(x[i + 4]!);
        o[i + 5] = Math.abs(x[i + 5]!);
        o[i + 6] = Math.abs(x[i + 6]!);
        o[i + 7] = Math.abs(x[i + 7]!);
      }
      for (; i < n; i++) o[i] = Math.abs(x[i]!);
    } else {
      for (let i = 0; i < n; i++) o[oo + i] = Math.abs(x[xo + i]!);
    }
  },
  strided(n, x, xo, xs, o, oo, os) {
    for (let i = 0; i < n; i++) o[oo + i * os] = Math.abs(x[xo + i * xs]!);
  },
};

/**
 * The loops of `x rounded to float32 (for float32 results stored in float64 arrays)`.
 *
 * @example
 * ```ts
 * import { ROUND_TO_SINGLE } from './kernels.js';
 * const x = new Float64Array([1, 4, 9]);
 * const y = new Float64Array([1, 2, 3]);
 * const out = new Float64Array(3);
 * ROUND_TO_SINGLE.flat(3, x, 0, out, 0); // out[i] = Math.fround(x[i])
 * ```
 *
 * @internal
 */
export const ROUND_TO_SINGLE: UnaryKernel = {
  name: 'fround',
  flat(n, x, xo, o, oo) {
    if (xo === 0 && oo === 0) {
      let i = 0;
      for (const last = n - 7; i < last; i += 8) {
        o[i] = Math.fround(x[i]!);
        o[i + 1] = Math.fround(x[i + 1]!);
        o[i + 2] = Math.fround(x[i + 2]!);
        o[i + 3] = Math.fround(x[i + 3]!);
        o[i + 4] = Math.fround(x[i + 4]!);
        o[i + 5] = Math.fround(x[i + 5]!);
        o[i + 6] = Math.fround(x[i + 6]!);
        o[i + 7] = Math.fround(x[i + 7]!);
      }
      for (; i < n; i++) o[i] = Math.fround(x[i]!);
    } else {
      for (let i = 0; i < n; i++) o[oo + i] = Math.fround(x[xo + i]!);
    }
  },
  strided(n, x, xo, xs, o, oo, os) {
    for (let i = 0; i < n; i++) o[oo + i * os] = Math.fround(x[xo + i * xs]!);
  },
};
