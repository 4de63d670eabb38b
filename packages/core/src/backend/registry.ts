/**
 * The backends polyblas knows of, and what loading each of them gave.
 *
 * @module
 */
import { referenceKernels } from '@polyblas/backend-js';
import type { Backend, BackendDescriptor, BackendLoadResult, KernelName, Kernels } from '@polyblas/contract';
import { KERNEL_NAMES } from '@polyblas/contract';
import { rangeError, typeError } from '../errors.js';
import { registerAsyncForms } from './async-forms.js';

/** A backend after loading: itself, with the reference filling in what it lacks. */
export interface LoadedBackend {
  readonly backend: Backend;
  /** Its kernels over the reference ones, exactly what runs. */
  readonly kernels: Kernels;
  /** Kernel names it implements itself (the rest fall back to the reference). */
  readonly own: readonly KernelName[];
}

/** What is known of one registered backend. */
export type BackendState =
  | { readonly status: 'unloaded' }
  | { readonly status: 'loading'; readonly promise: Promise<BackendState> }
  | { readonly status: 'available'; readonly loaded: LoadedBackend }
  | { readonly status: 'unavailable'; readonly reason: string };

interface Entry {
  readonly descriptor: BackendDescriptor;
  state: BackendState;
}

const entries = new Map<string, Entry>();
const NAME = /^[a-z][a-z0-9-]*$/;

/**
 * Makes a backend known to the selector. Built-in backends (accelerate, openblas, wasm, js) are
 * registered by polyblas itself; call this for a backend of your own. Registering a name twice
 * replaces the earlier descriptor unless that one loaded successfully; replacing one that was
 * unavailable is how a bundled application hands core a backend it could not import by name
 * (`registerBackend(descriptor)` from `@polyblas/backend-wasm`, then `setBackend('wasm')`).
 *
 * @example
 * ```ts
 * import { registerBackend, setBackend } from '@polyblas/core';
 * registerBackend({
 *   name: 'mine',
 *   priority: 5,
 *   load: async () => ({ available: false, reason: 'not built for this platform' }),
 * });
 * // In a bundle where core could not import the wasm package by name:
 * import { descriptor as wasm } from '@polyblas/backend-wasm';
 * registerBackend(wasm);
 * await setBackend('wasm');
 * ```
 */
export function registerBackend(descriptor: BackendDescriptor): void {
  if (typeof descriptor !== 'object' || descriptor === null) typeError('descriptor', 'an object { name, priority, load }', descriptor);
  if (typeof descriptor.name !== 'string' || !NAME.test(descriptor.name)) {
    rangeError('descriptor.name', 'lower-case letters, digits and dashes, starting with a letter', descriptor.name);
  }
  if (typeof descriptor.priority !== 'number' || !Number.isFinite(descriptor.priority)) {
    typeError('descriptor.priority', 'a finite number', descriptor.priority);
  }
  if (typeof descriptor.load !== 'function') typeError('descriptor.load', 'a function', descriptor.load);
  const existing = entries.get(descriptor.name);
  if (existing?.state.status === 'available') {
    throw new Error(`registerBackend: a backend named "${descriptor.name}" is already loaded`);
  }
  entries.set(descriptor.name, { descriptor, state: { status: 'unloaded' } });
}

/** Registered backend names, highest priority first. @internal */
export function registeredNames(): string[] {
  return [...entries.values()]
    .sort((a, b) => b.descriptor.priority - a.descriptor.priority || a.descriptor.name.localeCompare(b.descriptor.name))
    .map((e) => e.descriptor.name);
}

/** The descriptor and state of a registered backend. @internal */
export function entryOf(name: string): { descriptor: BackendDescriptor; state: BackendState } | undefined {
  return entries.get(name);
}

function merge(backend: Backend): LoadedBackend {
  registerAsyncForms(backend);
  const own = KERNEL_NAMES.filter((k) => typeof backend.kernels[k] === 'function');
  return { backend, kernels: { ...referenceKernels, ...backend.kernels } as Kernels, own };
}

function settle(result: unknown, name: string): BackendState {
  if (typeof result !== 'object' || result === null || typeof (result as BackendLoadResult).available !== 'boolean') {
    return { status: 'unavailable', reason: `the "${name}" backend's load() returned no { available } result` };
  }
  const r = result as BackendLoadResult;
  if (!r.available) return { status: 'unavailable', reason: String(r.reason) };
  if (typeof r.backend?.kernels !== 'object' || typeof r.backend.info !== 'function') {
    return { status: 'unavailable', reason: `the "${name}" backend's load() returned a backend without kernels or info()` };
  }
  return { status: 'available', loaded: merge(r.backend) };
}

/**
 * Loads a registered backend once; later calls return the same outcome. A loader that throws is
 * reported as unavailable, with its message as the reason.
 * @internal
 */
export function load(name: string): Promise<BackendState> {
  const entry = entries.get(name);
  if (!entry) return Promise.resolve({ status: 'unavailable', reason: `no backend named "${name}" is registered` });
  const state = entry.state;
  if (state.status === 'loading') return state.promise;
  if (state.status !== 'unloaded') return Promise.resolve(state);
  const promise = (async (): Promise<BackendState> => {
    try {
      return settle(await entry.descriptor.load(), name);
    } catch (error) {
      return { status: 'unavailable', reason: error instanceof Error ? error.message : String(error) };
    }
  })().then((settled) => {
    entry.state = settled;
    return settled;
  });
  entry.state = { status: 'loading', promise };
  return promise;
}
