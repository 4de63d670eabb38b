/**
 * One computation, two ways to run it. A linalg function is written once as a generator that
 * yields each kernel call it needs ({@link call}) and receives the kernel's result back. The
 * synchronous driver makes each call on the spot; the asynchronous one awaits the kernel's promise
 * form where the backend has one (a native library computing on a worker thread) and calls it
 * directly otherwise.
 *
 * @module
 */
import { asyncFormOf } from '../backend/async-forms.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyKernel = (...args: any[]) => unknown;

/** A kernel call a computation asks its driver to make. @internal */
export interface KernelCall {
  readonly kernel: AnyKernel;
  readonly args: readonly unknown[];
}

/**
 * A computation that yields kernel calls, receives each call's result (LAPACK's `info`, a BLAS
 * reduction's value, or undefined) and returns `R`. @internal
 */
export type Steps<R> = Generator<KernelCall, R, number>;

/**
 * How a computation is run. Synchronous runs may reuse the module's scratch buffers; asynchronous
 * ones allocate their own, since other calls run while they wait. @internal
 */
export interface Run {
  readonly sync: boolean;
}

/** A synchronous run. @internal */
export const SYNC: Run = Object.freeze({ sync: true });
/** An asynchronous run. @internal */
export const ASYNC: Run = Object.freeze({ sync: false });

/** The call `kernel(...args)`, to be yielded. @internal */
export function call<F extends AnyKernel>(kernel: F, ...args: Parameters<F>): KernelCall {
  return { kernel, args };
}

/** Runs a computation to its end on the calling thread. @internal */
export function runSync<R>(steps: Steps<R>): R {
  let step = steps.next();
  while (!step.done) {
    const { kernel, args } = step.value;
    let result: number;
    try {
      result = kernel(...args) as number;
    } catch (error) {
      // Into the computation, so that its own handlers (cond's singular case) see it.
      step = steps.throw(error);
      continue;
    }
    step = steps.next(result);
  }
  return step.value;
}

/**
 * Runs a computation, awaiting each kernel's promise form where it has one. Everything before the
 * first such kernel (argument checks, copying the inputs) happens before this returns, so a call
 * sees its inputs as they were when it was made; any error rejects the promise. @internal
 */
export async function runAsync<R>(steps: Steps<R>): Promise<R> {
  let step = steps.next();
  while (!step.done) {
    const { kernel, args } = step.value;
    const form = asyncFormOf(kernel);
    let result: number;
    try {
      result = (form === undefined ? kernel(...args) : await form(...(args as never[]))) as number;
    } catch (error) {
      step = steps.throw(error);
      continue;
    }
    step = steps.next(result);
  }
  return step.value;
}
