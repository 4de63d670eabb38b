/**
 * OpenBLAS core types: which SIMD instruction set each one's kernels use, and whether a core type
 * requested through `OPENBLAS_CORETYPE` can run on this CPU.
 *
 * OpenBLAS (a DYNAMIC_ARCH build, as Debian's and Homebrew's are) picks its kernels once, when the
 * library loads: from `OPENBLAS_CORETYPE` if it names a core it knows, else from the CPU. A name it
 * does not know is ignored (the detected core is used). A name it knows is taken as it is, even
 * when the CPU lacks the instructions, which would end the process with an illegal instruction on
 * the first call; {@link unsupportedCoreType} catches that case before the library is loaded.
 *
 * @module
 */

/** Core types whose kernels need AVX-512 F, DQ, BW and VL. */
const AVX512_CORES = ['skylakex', 'cooperlake', 'sapphirerapids'];
/** Core types whose kernels need AVX2 and FMA. */
const AVX2_CORES = ['haswell', 'zen', 'skylake'];
/** Core types whose kernels need AVX. */
const AVX_CORES = ['sandybridge', 'bulldozer', 'piledriver', 'steamroller', 'excavator'];

/**
 * The SIMD instruction set an OpenBLAS core type's kernels use, for `showConfig()`.
 *
 * @example
 * ```ts
 * import { simdOfCore } from '@polyblas/backend-openblas';
 * simdOfCore('SkylakeX'); // 'AVX-512'
 * simdOfCore('Haswell'); // 'AVX2'
 * ```
 */
export function simdOfCore(core: string): string {
  const c = core.toLowerCase();
  if (AVX512_CORES.includes(c)) return 'AVX-512';
  if (AVX2_CORES.includes(c)) return 'AVX2';
  if (AVX_CORES.includes(c)) return 'AVX';
  if (/^(neoversev1|neoversev2|a64fx|armv8sve|armv9sme)$/.test(c)) return 'SVE';
  if (/^(armv8|cortex|neoverse|thunderx|falkor|tsv110|emag|vortex|ft2000|m1|applem1)/.test(c)) return 'NEON';
  if (/^power/.test(c)) return 'VSX';
  if (/^(nehalem|core2|penryn|dunnington|atom|opteron|barcelona|bobcat|nano|prescott|katmai|coppermine|northwood|banias|athlon)/.test(c)) return 'SSE';
  return 'unknown';
}

/** The CPU feature flags of this machine, where the platform tells (Linux /proc/cpuinfo); null otherwise. */
export type CpuFlags = ReadonlySet<string> | null;

/**
 * Why `OPENBLAS_CORETYPE=requested` cannot run on a CPU with these flags, or null when it can (or
 * when the flags are unknown, or the name is not one OpenBLAS would honour anyway).
 *
 * @example
 * ```ts
 * import { unsupportedCoreType } from '@polyblas/backend-openblas';
 * unsupportedCoreType('SkylakeX', new Set(['avx2', 'fma'])); // 'OPENBLAS_CORETYPE=SkylakeX needs AVX-512 ...'
 * unsupportedCoreType('Haswell', new Set(['avx2', 'fma'])); // null
 * ```
 */
export function unsupportedCoreType(requested: string, flags: CpuFlags): string | null {
  if (flags === null || requested === '') return null;
  const c = requested.toLowerCase();
  const need = AVX512_CORES.includes(c)
    ? ['avx512f', 'avx512dq', 'avx512bw', 'avx512vl']
    : AVX2_CORES.includes(c)
      ? ['avx2', 'fma']
      : AVX_CORES.includes(c)
        ? ['avx']
        : [];
  const missing = need.filter((f) => !flags.has(f));
  if (missing.length === 0) return null;
  return `OPENBLAS_CORETYPE=${requested} needs ${missing.join(', ')}, which this CPU lacks; unset it or choose a core this CPU supports`;
}
