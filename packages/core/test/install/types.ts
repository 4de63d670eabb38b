// Compiled with `tsc --noEmit` in a scratch project that installed the packed tarballs: the
// published declarations must resolve and must type these calls (an `any` would leave the
// expected error unused, which tsc reports).
import { array, getBackend, linalg, matmul, showConfig, type ConfigReport, type NDArray } from '@polyblas/core';

const a: NDArray = array([[4, 1], [2, 3]]);
const product: NDArray = matmul(a, linalg.inv(a));
const report: ConfigReport = showConfig();
const name: string = getBackend();
// @ts-expect-error getBackend() returns the backend's name, a string
const wrong: number = getBackend();

export { product, report, name, wrong };
