/**
 * Command-line options of polyblas-bench, parsed without side effects so they can be tested.
 */
import { CALIBRATION_SIZES, WORKLOADS, type Mode } from './workloads.js';

/** The columns that are not polyblas backends. */
export const EXTRA_COLUMNS = ['numpy', 'ml-matrix'] as const;

/**
 * The usage text.
 *
 * @example
 * ```ts
 * console.log(USAGE);
 * ```
 */
export const USAGE = `usage: pnpm bench [options]            compare the backends on the published workloads
       pnpm bench --calibrate [options]  measure where each backend overtakes the others (size policy)

  --full                the published sizes (default: quick mode, scaled down, under 3 minutes on 2 cores)
  --backends a,b        columns to run: polyblas backends and/or ${EXTRA_COLUMNS.join(', ')}
                        (default: every available backend, numpy when python3 has it, ml-matrix)
  --baseline none       leave out the ml-matrix column
  --workloads a,b       any of ${WORKLOADS.map((w) => w.id).join(', ')} (default: all)
  --threads 1,2         thread counts (POLYBLAS_NUM_THREADS, OPENBLAS_NUM_THREADS, OMP_NUM_THREADS):
                        the gemm sweep runs once per count, the other workloads with the largest
                        (default: the libraries' own default)
  --json FILE           write every figure, with machine and backend details, to FILE
  --out DIR             write results.json and SVG charts to DIR
  --sizes 2,4,8         calibration sizes (default: ${CALIBRATION_SIZES.join(',')})
  --rules FILE          where --calibrate writes the rules (default: size-rules.json, or DIR/size-rules.json with --out)
  --help                this message`;

/**
 * Parsed options.
 *
 * @example
 * ```ts
 * const o: Options = parseOptions(['--full']);
 * o.mode; // 'full'
 * ```
 */
export interface Options {
  command: 'bench' | 'calibrate' | 'help';
  mode: Mode;
  /** Column names asked for, or null for every available one. */
  backends: string[] | null;
  baseline: boolean;
  workloads: string[];
  threads: number[] | null;
  json: string | null;
  out: string | null;
  sizes: number[];
  rules: string | null;
}

function list(value: string): string[] {
  return value.split(',').map((s) => s.trim()).filter(Boolean);
}

function positiveIntegers(option: string, value: string, max: number): number[] {
  const items = list(value);
  const numbers = items.map(Number);
  const bad = items.find((_, i) => !Number.isInteger(numbers[i]) || numbers[i] < 1 || numbers[i] > max);
  if (bad !== undefined || items.length === 0) {
    throw new Error(`${option}: expected a comma-separated list of integers 1 ... ${max}, got "${bad ?? value}"`);
  }
  return [...new Set(numbers)].sort((a, b) => a - b);
}

/**
 * Parses the command line (without `node` and the script). Throws an Error with the usage text
 * for unknown options or bad values.
 *
 * @example
 * ```ts
 * parseOptions(['--workloads', 'gemm', '--threads', '1,2']).threads; // [1, 2]
 * ```
 */
export function parseOptions(argv: readonly string[]): Options {
  const options: Options = {
    command: 'bench', mode: 'quick', backends: null, baseline: true, workloads: WORKLOADS.map((w) => w.id),
    threads: null, json: null, out: null, sizes: [...CALIBRATION_SIZES], rules: null,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new Error(`${arg} needs a value\n\n${USAGE}`);
      return v;
    };
    if (arg === 'calibrate' && i === 0) options.command = 'calibrate';
    else if (arg === '--calibrate') options.command = 'calibrate';
    else if (arg === '--full') options.mode = 'full';
    else if (arg === '--quick') options.mode = 'quick';
    else if (arg === '--backends') options.backends = list(value());
    else if (arg === '--baseline') options.baseline = value() !== 'none';
    else if (arg === '--workloads') {
      options.workloads = list(value());
      const unknown = options.workloads.filter((w) => !WORKLOADS.some((x) => x.id === w));
      if (unknown.length) throw new Error(`--workloads: unknown workload "${unknown[0]}"; valid: ${WORKLOADS.map((w) => w.id).join(', ')}`);
    } else if (arg === '--threads') options.threads = positiveIntegers(arg, value(), 256);
    else if (arg === '--json') options.json = value();
    else if (arg === '--out') options.out = value();
    else if (arg === '--sizes') options.sizes = positiveIntegers(arg, value(), 4096);
    else if (arg === '--rules') options.rules = value();
    else if (arg === '--help' || arg === '-h') options.command = 'help';
    else throw new Error(`unknown option ${arg}\n\n${USAGE}`);
  }
  if (options.backends?.length === 0) throw new Error('--backends: expected at least one name');
  return options;
}

/**
 * The environment a worker runs with for a thread count (null: leave the libraries' default).
 *
 * @example
 * ```ts
 * threadEnvironment(2); // { POLYBLAS_NUM_THREADS: '2', OPENBLAS_NUM_THREADS: '2', OMP_NUM_THREADS: '2' }
 * ```
 */
export function threadEnvironment(threads: number | null): Record<string, string> {
  if (threads === null) return {};
  const t = String(threads);
  return { POLYBLAS_NUM_THREADS: t, OPENBLAS_NUM_THREADS: t, OMP_NUM_THREADS: t };
}
