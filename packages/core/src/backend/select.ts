/**
 * Which backend serves a call: the environment variable, `setBackend`, the default priority order,
 * and the size policy that may send small problems elsewhere.
 *
 * @module
 */
import type { BlasRoutine, Kernels, LapackRoutine } from '@polyblas/contract';
import { BackendError, rangeError, typeError } from '../errors.js';
import { entryOf, load, registeredNames, type LoadedBackend } from './registry.js';

/** Where the current selection came from. */
export type SelectionSource = 'default' | 'POLYBLAS_BACKEND' | 'setBackend';

interface Selection {
  readonly active: LoadedBackend | null;
  readonly error: BackendError | null;
  readonly source: SelectionSource;
  readonly requested: readonly string[] | null;
}

/**
 * One rule of the size policy: calls of these routines on problems of at most `maxSize` (the
 * largest matrix dimension) go to `backend` instead of the selected one.
 *
 * @example
 * ```ts
 * import type { SizeRule } from '@polyblas/core';
 * const rule: SizeRule = { routines: ['getrf', 'getri', 'getrs'], maxSize: 16, backend: 'js' };
 * ```
 */
export interface SizeRule {
  readonly routines: readonly (BlasRoutine | LapackRoutine)[];
  readonly maxSize: number;
  readonly backend: string;
}

/**
 * The size policy. In `'auto'` mode the rules apply whenever the backend was chosen by default
 * (never when a backend was forced through `POLYBLAS_BACKEND` or `setBackend`: what a user asks
 * for is what runs); `'off'` disables them.
 *
 * @example
 * ```ts
 * import { getSizePolicy } from '@polyblas/core';
 * const { mode, rules } = getSizePolicy();
 * ```
 */
export interface SizePolicy {
  readonly mode: 'auto' | 'off';
  readonly rules: readonly SizeRule[];
}

/**
 * The size rules core ships with: below these sizes the cost of a call is the crossing into a
 * library, not the arithmetic, and the TypeScript backend (no crossing at all) is faster than
 * OpenBLAS or WebAssembly. They apply only while the backend was chosen by default, and a rule
 * whose backend is unavailable routes nothing. Measure your own machine with
 * `pnpm bench --calibrate` and pass its rules to {@link setSizePolicy}.
 *
 * Where the numbers come from: `pnpm bench --calibrate --threads 1 --out docs/bench`, run on
 * 2026-11-21 on an AMD EPYC with 2 shared cores under Node 20 (default backend openblas; wasm and js
 * measured too). The timings are in docs/bench/size-rules.json and docs/benchmarks.md. At n = 10,
 * js inverts in 2.9 µs and openblas in 4.2 µs. One thread, because OpenBLAS threads on the
 * oversubscribed machine made n >= 128 look ten times slower than it is (small sizes never
 * thread); the svd crossover was within the noise, so svd has no rule.
 *
 * @example
 * ```ts
 * import { DEFAULT_SIZE_RULES, setSizePolicy } from '@polyblas/core';
 * setSizePolicy({ mode: 'auto', rules: DEFAULT_SIZE_RULES });
 * ```
 */
export const DEFAULT_SIZE_RULES: readonly SizeRule[] = [
  { routines: ['gemm'], maxSize: 8, backend: 'js' },
  { routines: ['getrf', 'getri', 'getrs'], maxSize: 12, backend: 'js' },
];

let selection: Selection = { active: null, error: null, source: 'default', requested: null };
let policy: SizePolicy = { mode: 'auto', rules: DEFAULT_SIZE_RULES };
/** Rules whose backend is loaded and available, with its kernels, in the order given. */
let routed: { rule: SizeRule; kernels: Kernels }[] = [];
let initialization: Promise<void> | null = null;

function environmentValue(): string | undefined {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  const value = env?.POLYBLAS_BACKEND;
  return value === undefined || value.trim() === '' ? undefined : value;
}

function parseNames(value: string | readonly string[], argument: string): string[] {
  const list = typeof value === 'string' ? value.split(',') : [...value];
  if (list.length === 0) rangeError(argument, 'at least one backend name');
  return list.map((n, i) => {
    if (typeof n !== 'string') typeError(`${argument}[${i}]`, 'a backend name (string)', n);
    const name = n.trim().toLowerCase();
    if (name === '') rangeError(argument, 'a comma-separated list of backend names without empty entries', value);
    return name;
  });
}

async function availableNames(): Promise<string[]> {
  const names = registeredNames();
  const states = await Promise.all(names.map((n) => load(n)));
  return names.filter((_, i) => states[i].status === 'available');
}

/** Chooses a backend: the first available of `requested`, or the highest-priority available one. */
async function choose(requested: readonly string[] | null, argument: string): Promise<LoadedBackend> {
  const valid = registeredNames();
  if (requested === null) {
    // Probe everything so that showConfig() can say why each backend is or is not available.
    const states = await Promise.all(valid.map((n) => load(n)));
    const first = states.find((s) => s.status === 'available');
    if (first?.status === 'available') return first.loaded;
    throw new BackendError('no backend is available (the TypeScript backend failed to load)');
  }
  const unknown = requested.filter((n) => !valid.includes(n));
  if (unknown.length > 0) {
    throw new BackendError(
      `${argument}: unknown backend ${unknown.map((n) => `"${n}"`).join(', ')}; valid names are ${valid.join(', ')}`,
    );
  }
  const reasons: string[] = [];
  for (const name of requested) {
    const state = await load(name);
    if (state.status === 'available') return state.loaded;
    if (state.status === 'unavailable') reasons.push(`"${name}" is not available: ${state.reason}`);
  }
  const available = await availableNames();
  throw new BackendError(`${argument}=${requested.join(',')}: ${reasons.join('; ')}. Available backends: ${available.join(', ')}`);
}

async function reroute(): Promise<void> {
  const next: typeof routed = [];
  if (policy.mode === 'auto') {
    for (const rule of policy.rules) {
      const state = await load(rule.backend);
      if (state.status === 'available') next.push({ rule, kernels: state.loaded.kernels });
    }
  }
  routed = next;
}

/**
 * Resolves when the initial selection (from `POLYBLAS_BACKEND`, or the default order) is made.
 * Importing `@polyblas/core` already waits for it; call this only when you need to know that a
 * selection error has been recorded rather than thrown.
 *
 * @example
 * ```ts
 * import { ready, getBackend } from '@polyblas/core';
 * await ready();
 * getBackend(); // 'js', 'wasm', 'openblas', ...
 * ```
 */
export function ready(): Promise<void> {
  initialization ??= (async () => {
    const fromEnvironment = environmentValue();
    const source: SelectionSource = fromEnvironment === undefined ? 'default' : 'POLYBLAS_BACKEND';
    let requested: string[] | null = null;
    try {
      requested = fromEnvironment === undefined ? null : parseNames(fromEnvironment, 'POLYBLAS_BACKEND');
      selection = { active: await choose(requested, 'POLYBLAS_BACKEND'), error: null, source, requested };
    } catch (error) {
      // Recorded, not thrown: the first call that needs a backend throws it, and showConfig() reports it.
      const recorded = error instanceof BackendError ? error : new BackendError((error as Error).message);
      selection = { active: null, error: recorded, source, requested };
    }
    await reroute();
  })();
  return initialization;
}

/**
 * Selects the backend by name, or the first available one of an ordered list (`'openblas,wasm'`
 * or `['openblas', 'wasm']`), as `POLYBLAS_BACKEND` does. Resolves to the selected name; rejects
 * with a {@link BackendError} (leaving the current selection as it was) when a name is unknown or
 * none of them is available. `setBackend('default')` returns to the default order.
 *
 * @example
 * ```ts
 * import { setBackend, getBackend } from '@polyblas/core';
 * await setBackend('js');
 * getBackend(); // 'js'
 * ```
 */
export async function setBackend(name: string | readonly string[]): Promise<string> {
  if (typeof name !== 'string' && !Array.isArray(name)) typeError('name', 'a backend name or a list of names', name);
  await ready();
  const names = parseNames(name, 'name');
  const isDefault = names.length === 1 && names[0] === 'default';
  const active = await choose(isDefault ? null : names, isDefault ? 'name' : 'setBackend');
  selection = isDefault
    ? { active, error: null, source: 'default', requested: null }
    : { active, error: null, source: 'setBackend', requested: names };
  return active.backend.name;
}

/**
 * The name of the selected backend. Throws the selection's {@link BackendError} when
 * `POLYBLAS_BACKEND` named a backend that is unknown or unavailable.
 *
 * @example
 * ```ts
 * import { getBackend } from '@polyblas/core';
 * console.log(`linear algebra runs on ${getBackend()}`);
 * ```
 */
export function getBackend(): string {
  return activeBackend().backend.name;
}

/** The selected backend, or the selection error thrown. @internal */
export function activeBackend(): LoadedBackend {
  if (selection.active === null) {
    throw selection.error ?? new BackendError('no backend is selected yet: await ready() first');
  }
  return selection.active;
}

/** The current selection, for reports. @internal */
export function currentSelection(): Selection {
  return selection;
}

/**
 * The complete kernel set that serves `routine` for a problem whose largest dimension is `size`:
 * a size-policy route where one applies, otherwise the selected backend over the reference.
 * @internal
 */
export function kernelsFor(routine: BlasRoutine | LapackRoutine, size: number): Kernels {
  const active = activeBackend();
  if (routed.length > 0 && selection.source === 'default') {
    for (const { rule, kernels } of routed) {
      if (size <= rule.maxSize && rule.routines.includes(routine)) return kernels;
    }
  }
  return active.kernels;
}

/**
 * Sets the size policy: `'auto'` (the shipped rules), `'off'`, or your own rules (from
 * `pnpm bench --calibrate`). Resolves once the backends the rules name are loaded; rules naming an
 * unavailable backend are kept in the report but route nothing.
 *
 * @example
 * ```ts
 * import { setSizePolicy } from '@polyblas/core';
 * await setSizePolicy({ mode: 'auto', rules: [{ routines: ['getrf', 'getri'], maxSize: 16, backend: 'js' }] });
 * await setSizePolicy('off');
 * ```
 */
export async function setSizePolicy(next: 'auto' | 'off' | SizePolicy): Promise<void> {
  if (next === 'auto' || next === 'off') {
    policy = { mode: next, rules: DEFAULT_SIZE_RULES };
  } else {
    if (typeof next !== 'object' || next === null) typeError('policy', "'auto', 'off' or { mode, rules }", next);
    if (next.mode !== 'auto' && next.mode !== 'off') rangeError('policy.mode', "'auto' or 'off'", next.mode);
    if (!Array.isArray(next.rules)) typeError('policy.rules', 'an array of { routines, maxSize, backend }', next.rules);
    next.rules.forEach((rule: SizeRule, i: number) => {
      if (!Array.isArray(rule?.routines)) typeError(`policy.rules[${i}].routines`, 'an array of routine names', rule?.routines);
      if (typeof rule.maxSize !== 'number' || !(rule.maxSize >= 0)) {
        rangeError(`policy.rules[${i}].maxSize`, 'a non-negative number', rule.maxSize);
      }
      if (entryOf(rule.backend) === undefined) {
        rangeError(`policy.rules[${i}].backend`, `one of ${registeredNames().join(', ')}`, rule.backend);
      }
    });
    policy = { mode: next.mode, rules: next.rules.map((r) => ({ ...r, routines: [...r.routines] })) };
  }
  await ready();
  await reroute();
}

/**
 * The size policy in force, and whether it currently routes anything (it does not while a
 * backend is forced).
 *
 * @example
 * ```ts
 * import { getSizePolicy } from '@polyblas/core';
 * getSizePolicy().mode; // 'auto'
 * ```
 */
export function getSizePolicy(): SizePolicy & { readonly routing: boolean } {
  return { ...policy, routing: routed.length > 0 && selection.source === 'default' };
}
