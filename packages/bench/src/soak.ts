#!/usr/bin/env node
/**
 * Soak: many calls per backend with memory sampled along the way, to show that nothing leaks.
 * For each available backend (or those named): a phase of small calls (10x10 inv,
 * solve and matmul, float64 and float32 alternating) and a phase of large ones (svd 200x200,
 * eigh 256, matmul 512, in both precisions), each after unmeasured warm-up calls of its kind (up to
 * 100,000 small ones; as many large ones as the phase has). During each phase RSS, heapUsed, external,
 * arrayBuffers and, for backends that report one, the WebAssembly memory are sampled at even
 * intervals (after a full collection when node runs with --expose-gc). For each phase it prints
 * the mean of each quarter and the growth from the first quarter to the last; a phase passes when
 * the memory in use (see JUDGED) grows by at most the tolerance (5%). Exits 1 if any phase fails.
 * The other columns say where growth comes from: "rss-live" is RSS less the V8 heap committed but
 * free (heapTotal − heapUsed), so a step in RSS that V8's heap sizing explains shows there as flat.
 * On glibc, freed memory stays in per-thread malloc arenas (V8's compiler and sweeper threads):
 * running with MALLOC_ARENA_MAX=1 tells that retention apart from a leak.
 *
 * usage: node --expose-gc packages/bench/dist/soak.js [--backend name[,name]] [--small N] [--large N]
 *                                                   [--samples K] [--tolerance PERCENT]
 */
import { getBackend, Generator, linalg, matmul, setBackend, showConfig, type DType, type NDArray } from '@polyblas/core';

const USAGE = `usage: node --expose-gc packages/bench/dist/soak.js [options]

  --backend a,b       backends to soak (default: every available one)
  --small N           small calls per backend (default 1000000)
  --large N           large calls per backend (default 1000)
  --warmup-large N    unmeasured large calls before the large phase (default: as many as --large)
  --samples K         memory samples per phase (default 40)
  --tolerance P       largest growth in percent from the first quarter to the last (default 5)
  --trace             print every sample, not only the quarter means
  --help              this message`;

interface Options {
  backends: string[] | null;
  small: number;
  large: number;
  warmupLarge: number | null;
  samples: number;
  tolerance: number;
  trace: boolean;
}

function parseOptions(argv: readonly string[]): Options | null {
  const options: Options = { backends: null, small: 1_000_000, large: 1_000, warmupLarge: null, samples: 40, tolerance: 5, trace: false };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === '--help' || flag === '-h') return null;
    if (flag === '--trace') {
      options.trace = true;
      continue;
    }
    const value = argv[++i];
    if (value === undefined) throw new Error(`${flag} needs a value`);
    const count = (min: number) => {
      const n = Number(value);
      if (!Number.isSafeInteger(n) || n < min) throw new Error(`${flag} must be an integer of at least ${min}, got ${value}`);
      return n;
    };
    if (flag === '--backend' || flag === '--backends') options.backends = value.split(',').map((s) => s.trim()).filter(Boolean);
    else if (flag === '--small') options.small = count(0);
    else if (flag === '--large') options.large = count(0);
    else if (flag === '--warmup-large') options.warmupLarge = count(0);
    else if (flag === '--samples') options.samples = count(4);
    else if (flag === '--tolerance') {
      options.tolerance = Number(value);
      if (!(options.tolerance >= 0)) throw new Error(`--tolerance must be a non-negative number, got ${value}`);
    } else throw new Error(`unknown option ${flag}`);
  }
  return options;
}

/** One memory sample, in bytes; `wasm` is null for backends without WebAssembly memory. */
interface MemorySample {
  calls: number;
  rss: number;
  /** RSS less the V8 heap pages committed but holding no live objects (heapTotal − heapUsed). */
  rssLive: number;
  heapTotal: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
  wasm: number | null;
}

type Metric = Exclude<keyof MemorySample, 'calls'>;
const METRICS: readonly Metric[] = ['rss', 'rssLive', 'heapTotal', 'heapUsed', 'external', 'arrayBuffers', 'wasm'];
/**
 * The metrics a phase is judged on: the process's memory in use (RSS less the V8 heap pages V8
 * has committed but holds nothing in), the live JavaScript heap, and the WebAssembly memory. Raw
 * RSS is printed beside them but not judged: V8 commits more heap in a step when its allocation
 * heuristics say so (heapTotal jumps while heapUsed stays flat), which moves RSS without any
 * memory being kept.
 */
const JUDGED: readonly Metric[] = ['rssLive', 'heapUsed', 'wasm'];

const collect = (globalThis as { gc?: () => void }).gc;

/** The active backend's WebAssembly memory in bytes, where its report has one. */
function wasmBytes(): number | null {
  const active = showConfig().backends.find((b) => b.name === getBackend());
  const bytes = active?.heapBytes;
  return typeof bytes === 'number' ? bytes : null;
}

async function sample(calls: number): Promise<MemorySample> {
  if (collect) {
    // V8 frees ArrayBuffer memory on a background thread after a collection: give it a moment,
    // so a sample does not catch buffers that are already garbage.
    collect();
    await new Promise((resolve) => setTimeout(resolve, 5));
    collect();
  }
  const m = process.memoryUsage();
  return { calls, rss: m.rss, rssLive: m.rss - (m.heapTotal - m.heapUsed), heapTotal: m.heapTotal, heapUsed: m.heapUsed, external: m.external, arrayBuffers: m.arrayBuffers, wasm: wasmBytes() };
}

/** Unmeasured calls before a phase; prints how memory moved during them. */
async function warmUp(backend: string, phase: string, calls: number, step: (i: number) => void): Promise<void> {
  const before = await sample(0);
  const start = performance.now();
  for (let i = 0; i < calls; i++) step(i);
  const after = await sample(calls);
  console.log(
    `\n${backend} / ${phase}: warm-up of ${calls} calls in ${((performance.now() - start) / 1000).toFixed(1)} s: `
    + `rss ${mb(before.rss)} -> ${mb(after.rss)} MB, heapTotal ${mb(before.heapTotal)} -> ${mb(after.heapTotal)} MB`
    + (after.wasm === null ? '' : `, wasm ${mb(before.wasm)} -> ${mb(after.wasm)} MB`),
  );
}

/** A phase: `calls` calls of `step(i)`, with `samples` memory samples spread over them. */
async function runPhase(calls: number, samples: number, step: (i: number) => void): Promise<{ samples: MemorySample[]; seconds: number }> {
  const every = Math.max(1, Math.floor(calls / samples));
  const taken: MemorySample[] = [];
  let busy = 0;
  for (let i = 0; i < calls; i++) {
    const start = performance.now();
    step(i);
    busy += performance.now() - start;
    if ((i + 1) % every === 0 || i + 1 === calls) taken.push(await sample(i + 1));
  }
  return { samples: taken, seconds: busy / 1000 };
}

function mean(values: readonly number[]): number {
  return values.reduce((s, v) => s + v, 0) / values.length;
}

/** The mean of each quarter of the samples, per metric (null where the metric does not apply). */
function quarters(samples: readonly MemorySample[]): Record<Metric, Array<number | null>> {
  const out = {} as Record<Metric, Array<number | null>>;
  const n = samples.length;
  for (const metric of METRICS) {
    out[metric] = [0, 1, 2, 3].map((q) => {
      const slice = samples.slice(Math.floor((q * n) / 4), Math.max(Math.floor(((q + 1) * n) / 4), Math.floor((q * n) / 4) + 1));
      const values = slice.map((s) => s[metric]).filter((v): v is number => v !== null);
      return values.length === slice.length && values.length > 0 ? mean(values) : null;
    });
  }
  return out;
}

function growthPercent(q: ReadonlyArray<number | null>): number | null {
  const [first, , , last] = q;
  return first === null || last === null || first === 0 ? null : ((last - first) / first) * 100;
}

const mb = (bytes: number | null) => (bytes === null ? '-' : (bytes / 2 ** 20).toFixed(1));
const pct = (p: number | null) => (p === null ? '-' : `${p >= 0 ? '+' : ''}${p.toFixed(2)}%`);

/** Seeded inputs, made once so the phases allocate only what the calls themselves allocate. */
function smallInputs(rng: Generator, count: number): Record<DType, Array<{ a: NDArray; b: NDArray }>> {
  const make = (dtype: DType) =>
    Array.from({ length: count }, () => {
      // Diagonally dominant, so every inverse and solve is well conditioned.
      const a = rng.uniform(-0.5, 0.5, [10, 10], { dtype });
      for (let i = 0; i < 10; i++) a.set([i, i], a.get(i, i) + 10);
      return { a, b: rng.uniform(-0.5, 0.5, [10, 3], { dtype }) };
    });
  return { float64: make('float64'), float32: make('float32') };
}

function largeInputs(rng: Generator): Record<DType, { svd: NDArray; eigh: NDArray; left: NDArray; right: NDArray }> {
  const make = (dtype: DType) => {
    const g = rng.uniform(-0.5, 0.5, [256, 256], { dtype });
    return {
      svd: rng.uniform(-0.5, 0.5, [200, 200], { dtype }),
      eigh: g.add(g.T).astype(dtype),
      left: rng.uniform(-0.5, 0.5, [512, 512], { dtype }),
      right: rng.uniform(-0.5, 0.5, [512, 512], { dtype }),
    };
  };
  return { float64: make('float64'), float32: make('float32') };
}

const DTYPES: readonly DType[] = ['float64', 'float32'];
/** Results are kept here so no call can be seen as dead code; a non-finite entry is an error. */
let checksum = 0;

function touch(x: NDArray): void {
  const v = x.data[x.offset];
  if (!Number.isFinite(v)) throw new Error(`a non-finite result on ${getBackend()}`);
  checksum += v;
}

function smallStep(inputs: ReturnType<typeof smallInputs>): (i: number) => void {
  return (i) => {
    const dtype = DTYPES[i & 1];
    const pool = inputs[dtype];
    const { a, b } = pool[(i >> 1) % pool.length];
    const op = Math.floor(i / 2) % 3;
    if (op === 0) touch(linalg.inv(a));
    else if (op === 1) touch(linalg.solve(a, b));
    else touch(matmul(a, b));
  };
}

function largeStep(inputs: ReturnType<typeof largeInputs>): (i: number) => void {
  return (i) => {
    const set = inputs[DTYPES[Math.floor(i / 3) & 1]];
    const op = i % 3;
    if (op === 0) touch(linalg.svd(set.svd).s);
    else if (op === 1) touch(linalg.eigh(set.eigh).values);
    else touch(matmul(set.left, set.right));
  };
}

interface PhaseResult {
  backend: string;
  phase: string;
  calls: number;
  seconds: number;
  growth: Record<Metric, number | null>;
  pass: boolean;
}

function report(backend: string, phase: string, run: { samples: MemorySample[]; seconds: number }, tolerance: number, trace: boolean): PhaseResult {
  const q = quarters(run.samples);
  const growth = Object.fromEntries(METRICS.map((m) => [m, growthPercent(q[m])])) as Record<Metric, number | null>;
  const pass = JUDGED.every((m) => growth[m] === null || growth[m]! <= tolerance);
  const calls = run.samples.at(-1)?.calls ?? 0;
  console.log(`\n${backend} / ${phase}: ${calls} calls in ${run.seconds.toFixed(1)} s (${(calls / run.seconds).toFixed(0)} calls/s), ${run.samples.length} samples`);
  const rows = [['', 'rss MB', 'rss-live MB', 'heapTotal MB', 'heapUsed MB', 'external MB', 'arrayBuffers MB', 'wasm MB']];
  if (trace) for (const s of run.samples) rows.push([`after ${s.calls}`, ...METRICS.map((m) => mb(s[m]))]);
  for (let k = 0; k < 4; k++) rows.push([`quarter ${k + 1}`, ...METRICS.map((m) => mb(q[m][k]))]);
  rows.push(['min-max', ...METRICS.map((m) => {
    const values = run.samples.map((s) => s[m]).filter((v): v is number => v !== null);
    return values.length ? `${mb(Math.min(...values))}-${mb(Math.max(...values))}` : '-';
  })]);
  rows.push(['growth Q1->Q4', ...METRICS.map((m) => pct(growth[m]))]);
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  for (const r of rows) console.log('  ' + r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  '));
  console.log(`  ${pass ? 'PASS' : 'FAIL'}: rss-live ${pct(growth.rssLive)}, heapUsed ${pct(growth.heapUsed)}${growth.wasm === null ? '' : `, wasm ${pct(growth.wasm)}`} (limit +${tolerance}%; raw rss ${pct(growth.rss)})`);
  return { backend, phase, calls, seconds: run.seconds, growth, pass };
}

async function main(argv: readonly string[]): Promise<number> {
  let options: Options | null;
  try {
    options = parseOptions(argv);
  } catch (error) {
    console.error(`soak: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (options === null) {
    console.log(USAGE);
    return 0;
  }
  const available = showConfig().backends.filter((b) => b.available).map((b) => b.name);
  const backends = options.backends ?? available;
  const missing = backends.filter((b) => !available.includes(b));
  if (missing.length > 0) {
    console.error(`soak: not available here: ${missing.join(', ')} (available: ${available.join(', ')})`);
    return 2;
  }
  console.log(`polyblas soak on node ${process.versions.node}: ${options.small} small and ${options.large} large calls per backend (${backends.join(', ')})`);
  console.log(collect ? 'memory sampled after a full collection (--expose-gc)' : 'note: run node with --expose-gc for steadier figures; sampling without collections');

  const rng = new Generator(20240607);
  const small = smallInputs(rng, 16);
  const large = largeInputs(rng);
  const results: PhaseResult[] = [];
  for (const backend of backends) {
    await setBackend(backend);
    // Each phase starts with unmeasured calls of its own kind, so that code is compiled and V8's
    // heap and the allocator's per-thread arenas reach their working size before the first
    // sample: V8 sizes its heap from the allocation rate and keeps growing it for the first
    // thousand or so large calls, which is not a leak (it levels off; a leak does not).
    if (options.small > 0) {
      await warmUp(backend, 'small', Math.min(options.small, 100_000), smallStep(small));
      results.push(report(backend, 'small', await runPhase(options.small, options.samples, smallStep(small)), options.tolerance, options.trace));
    }
    if (options.large > 0) {
      await warmUp(backend, 'large', options.warmupLarge ?? options.large, largeStep(large));
      results.push(report(backend, 'large', await runPhase(options.large, options.samples, largeStep(large)), options.tolerance, options.trace));
    }
  }
  await setBackend('default');

  console.log('\nsummary');
  const rows = [['backend', 'phase', 'calls', 'seconds', 'rss', 'rss-live', 'heapTotal', 'heapUsed', 'external', 'arrayBuffers', 'wasm', 'verdict']];
  for (const r of results) {
    rows.push([r.backend, r.phase, String(r.calls), r.seconds.toFixed(1), ...METRICS.map((m) => pct(r.growth[m])), r.pass ? 'PASS' : 'FAIL']);
  }
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  for (const r of rows) console.log('  ' + r.map((cell, c) => (c < 2 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  '));
  console.log(`(growth from the mean of the first quarter of samples to the last; judged on rss-live, heapUsed and wasm, limit +${options.tolerance}%; checksum ${checksum.toExponential(3)})`);
  return results.every((r) => r.pass) ? 0 : 1;
}

process.exitCode = await main(process.argv.slice(2));
