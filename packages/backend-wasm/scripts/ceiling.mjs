#!/usr/bin/env node
/**
 * What this machine's WebAssembly engine can do with f64x2 arithmetic at best, printed (never
 * asserted), as the yardstick for the dgemm figures of scripts/bench.mjs.
 *
 * Wasm SIMD128 has no fused multiply-add here, so every multiply-add of a matrix product is one
 * f64x2.mul and one f64x2.add (4 flops). The probe runs CHAINS independent chains of
 * `acc = acc * m + c` in a loop with no memory access at all: enough chains to cover the latency of
 * a multiply followed by an add, so only the number of vector operations the core issues per
 * nanosecond limits it. A dgemm can do no better than this figure; it also has to load its
 * operands and run its loop, which on a core that issues a fixed number of instructions per cycle
 * takes issue slots from the arithmetic.
 *
 * The module is assembled here, byte by byte, so the probe needs no compiler.
 *
 *   node scripts/ceiling.mjs [--runs N]
 */

/** Independent accumulator chains: with the two constants, 15 of V8's 15 vector registers on x64. */
const CHAINS = 13;
const ITERATIONS = 4_000_000;
const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 15;

/** Unsigned LEB128. */
function leb(n) {
  const out = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n !== 0) byte |= 0x80;
    out.push(byte);
  } while (n !== 0);
  return out;
}
const f64 = (x) => [...new Uint8Array(new Float64Array([x]).buffer)];
const section = (id, bytes) => [id, ...leb(bytes.length), ...bytes];
const vector = (items) => [...leb(items.length), ...items.flat()];

const SIMD = 0xfd;
const op = {
  loop: 0x03, end: 0x0b, brIf: 0x0d, localGet: 0x20, localSet: 0x21, localTee: 0x22,
  i32Const: 0x41, i32Sub: 0x6b, f64Const: 0x44,
  f64x2Splat: [SIMD, ...leb(0x14)], f64x2ExtractLane: [SIMD, ...leb(0x21)],
  f64x2Add: [SIMD, ...leb(0xf0)], f64x2Mul: [SIMD, ...leb(0xf2)],
};

/** (func (param $n i32) (result f64)): local 0 is the counter, 1..CHAINS the chains, then m and c. */
function body() {
  const m = CHAINS + 1;
  const c = CHAINS + 2;
  const code = [];
  code.push(op.f64Const, ...f64(0.5), ...op.f64x2Splat, op.localSet, ...leb(m));
  code.push(op.f64Const, ...f64(0.25), ...op.f64x2Splat, op.localSet, ...leb(c));
  for (let k = 1; k <= CHAINS; k++) {
    code.push(op.f64Const, ...f64(k / CHAINS), ...op.f64x2Splat, op.localSet, ...leb(k));
  }
  code.push(op.loop, 0x40);
  for (let k = 1; k <= CHAINS; k++) {
    code.push(op.localGet, ...leb(k), op.localGet, ...leb(m), ...op.f64x2Mul);
    code.push(op.localGet, ...leb(c), ...op.f64x2Add, op.localSet, ...leb(k));
  }
  code.push(op.localGet, 0, op.i32Const, 1, op.i32Sub, op.localTee, 0, op.brIf, 0, op.end);
  // Return a lane of the sum of the chains, so no chain is dead code.
  code.push(op.localGet, 1);
  for (let k = 2; k <= CHAINS; k++) code.push(op.localGet, ...leb(k), ...op.f64x2Add);
  code.push(...op.f64x2ExtractLane, 0, op.end);
  const locals = vector([[...leb(CHAINS + 2), 0x7b]]);
  const fn = [...locals, ...code];
  return [...leb(fn.length), ...fn];
}

const name = [...new TextEncoder().encode('peak')];
const bytes = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
  ...section(1, vector([[0x60, 0x01, 0x7f, 0x01, 0x7c]])),
  ...section(3, vector([[0x00]])),
  ...section(7, vector([[...leb(name.length), ...name, 0x00, 0x00]])),
  ...section(10, vector([body()])),
]);

const { instance } = await WebAssembly.instantiate(bytes);
const peak = instance.exports.peak;
peak(ITERATIONS); // let the engine compile the loop with its optimising tier
const vectorOps = 2 * CHAINS * ITERATIONS;
const rates = [];
for (let r = 0; r < runs; r++) {
  const t0 = performance.now();
  const value = peak(ITERATIONS);
  const ns = (performance.now() - t0) * 1e6;
  if (!Number.isFinite(value)) throw new Error('probe diverged');
  rates.push(vectorOps / ns);
}
rates.sort((a, b) => a - b);
const best = rates[rates.length - 1];
const median = rates[Math.floor(rates.length / 2)];
// Each f64x2 multiply or add is 2 flops.
console.log(`f64x2 multiply+add ceiling (${CHAINS} chains, no loads): best ${best.toFixed(2)} vector ops/ns = ${(2 * best).toFixed(1)} GFLOPS, median ${(2 * median).toFixed(1)} GFLOPS`);
