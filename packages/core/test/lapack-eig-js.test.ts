// The TypeScript eigensolvers (syevd, geev) against the conformance suite.
import type { Kernels } from '@polyblas/contract';
import { blasKernels } from '../../backend-js/src/blas/index.js';
import { createLapackContext } from '../../backend-js/src/lapack/context.js';
import { eigKernels } from '../../backend-js/src/lapack/eig-kernels.js';
import { eigConformance } from '../src/testing/lapack-eig.js';

// Only the eigenvalue kernels (and the BLAS under them) are exercised by this suite.
const kernels = { ...blasKernels, ...eigKernels(createLapackContext('d'), createLapackContext('s')) } as Kernels;
eigConformance({ name: 'js', kernels });
