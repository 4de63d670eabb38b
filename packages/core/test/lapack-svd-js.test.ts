// The TypeScript singular value kernels against the conformance suite.
import type { Kernels } from '@polyblas/contract';
import { blasKernels } from '../../backend-js/src/blas/index.js';
import { createLapackContext } from '../../backend-js/src/lapack/context.js';
import { svdKernels } from '../../backend-js/src/lapack/svd-kernels.js';
import { svdConformance } from '../src/testing/lapack-svd.js';

// The suite only calls gesdd and gelsd; the other LAPACK kernels are not needed here.
const kernels = { ...blasKernels, ...svdKernels(createLapackContext('d'), createLapackContext('s')) } as Kernels;
svdConformance({ name: 'js', kernels });
