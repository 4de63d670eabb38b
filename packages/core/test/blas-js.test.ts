// The TypeScript BLAS against the conformance suite.
import type { Kernels } from '@polyblas/contract';
import { blasKernels } from '../../backend-js/src/blas/index.js';
import { blasConformance } from '../src/testing/blas.js';

// Only the BLAS half of the kernel set is exercised here; the LAPACK suites bring their own.
blasConformance({ name: 'js', kernels: blasKernels as Kernels });
