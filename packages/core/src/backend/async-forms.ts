/**
 * The promise forms of kernels, found from the synchronous kernel function itself: a linalg
 * computation names the kernel it calls, and its asynchronous driver looks up whether that
 * function has a form that runs off the calling thread.
 *
 * @module
 */
import { KERNEL_NAMES, type Backend } from '@polyblas/contract';

type AnyKernel = (...args: never[]) => unknown;
type AsyncForm = (...args: never[]) => Promise<unknown>;

const forms = new WeakMap<AnyKernel, AsyncForm>();

/** Records the async forms a backend offers, keyed by its synchronous kernels. @internal */
export function registerAsyncForms(backend: Backend): void {
  const asyncKernels = backend.asyncKernels;
  if (asyncKernels === undefined || asyncKernels === null) return;
  for (const name of KERNEL_NAMES) {
    const sync = backend.kernels[name] as AnyKernel | undefined;
    const form = asyncKernels[name] as AsyncForm | undefined;
    if (typeof sync === 'function' && typeof form === 'function') forms.set(sync, form);
  }
}

/** The promise form of a kernel function, or undefined when it has none. @internal */
export function asyncFormOf(kernel: AnyKernel): AsyncForm | undefined {
  return forms.get(kernel);
}
