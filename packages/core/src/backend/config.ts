/**
 * `showConfig()`: what polyblas runs on, in the spirit of `numpy.show_config()`.
 *
 * @module
 */
import type { BackendInfo, KernelName } from '@polyblas/contract';
import { KERNEL_NAMES } from '@polyblas/contract';
import { VERSION } from '../version.js';
import { entryOf, registeredNames } from './registry.js';
import { currentSelection, getSizePolicy, type SelectionSource, type SizeRule } from './select.js';

/**
 * One backend in a {@link ConfigReport}. Fields other than `name`, `priority` and `available`
 * come from the backend's own `info()` and appear only when it reports them.
 *
 * @example
 * ```ts
 * import { showConfig } from '@polyblas/core';
 * const js = showConfig().backends.find((b) => b.name === 'js');
 * js?.available; // true
 * ```
 */
export interface BackendReport extends BackendInfo {
  name: string;
  priority: number;
  /** `true`, `false`, or `null` when it has not been probed yet. */
  available: boolean | null;
  /** Why it is not available, with what to do about it. */
  reason?: string;
  /** Kernels the backend does not implement itself and takes from the TypeScript reference. */
  fallback?: readonly string[];
}

/**
 * The JSON-serialisable report `showConfig()` returns.
 *
 * @example
 * ```ts
 * import { showConfig } from '@polyblas/core';
 * const report = showConfig();
 * JSON.stringify(report); // safe to log or save
 * ```
 */
export interface ConfigReport {
  /** The selected backend, or null when the selection failed (see `error`). */
  active: string | null;
  /** How it was selected: by default, by `POLYBLAS_BACKEND`, or by `setBackend()`. */
  source: SelectionSource;
  /** The names asked for, in order, when a backend was forced. */
  requested: readonly string[] | null;
  /** Why the selection failed. */
  error?: string;
  /** Every registered backend, highest priority first. */
  backends: BackendReport[];
  /** The size policy, and whether it routes calls now. */
  sizePolicy: { mode: 'auto' | 'off'; routing: boolean; rules: readonly SizeRule[] };
  /** polyblas and the JavaScript runtime. */
  polyblas: { version: string; runtime: string; platform: string };
}

function runtime(): { runtime: string; platform: string } {
  const p = (globalThis as { process?: { versions?: { node?: string }; platform?: string; arch?: string } }).process;
  if (p?.versions?.node) return { runtime: `node ${p.versions.node}`, platform: `${p.platform}-${p.arch}` };
  const nav = (globalThis as { navigator?: { userAgent?: string } }).navigator;
  return { runtime: nav?.userAgent ?? 'unknown', platform: 'browser' };
}

function reportBackend(name: string): BackendReport {
  const entry = entryOf(name)!;
  const base = { name, priority: entry.descriptor.priority };
  const state = entry.state;
  if (state.status === 'available') {
    const { backend, own } = state.loaded;
    let info: BackendInfo;
    try {
      info = backend.info();
    } catch (error) {
      info = { infoError: error instanceof Error ? error.message : String(error) };
    }
    const fallback = KERNEL_NAMES.filter((k: KernelName) => !own.includes(k));
    return { ...info, ...base, available: true, ...(fallback.length > 0 ? { fallback } : {}) };
  }
  if (state.status === 'unavailable') return { ...base, available: false, reason: state.reason };
  return { ...base, available: null };
}

/**
 * Reports what polyblas runs on: the active backend, how it was chosen, every known backend with
 * its library, version, threads and SIMD or the reason it is unavailable, and the size policy.
 * With `{ print: true }` it also prints the report in a readable form (as `numpy.show_config()`
 * does); `polyblas info` on the command line prints the same.
 *
 * @example
 * ```ts
 * import { showConfig } from '@polyblas/core';
 * const report = showConfig();
 * console.log(report.active); // 'js'
 * showConfig({ print: true }); // prints a readable summary
 * ```
 */
export function showConfig(options: { print?: boolean } = {}): ConfigReport {
  const selection = currentSelection();
  const policy = getSizePolicy();
  const report: ConfigReport = {
    active: selection.active?.backend.name ?? null,
    source: selection.source,
    requested: selection.requested,
    ...(selection.error ? { error: selection.error.message } : {}),
    backends: registeredNames().map(reportBackend),
    sizePolicy: { mode: policy.mode, routing: policy.routing, rules: policy.rules },
    polyblas: { version: VERSION, ...runtime() },
  };
  if (options.print) console.log(formatConfig(report));
  return report;
}

/**
 * A readable, multi-line rendering of a {@link ConfigReport}.
 *
 * @example
 * ```ts
 * import { formatConfig, showConfig } from '@polyblas/core';
 * console.log(formatConfig(showConfig()));
 * ```
 */
export function formatConfig(report: ConfigReport): string {
  const lines: string[] = [];
  lines.push(`polyblas ${report.polyblas.version} on ${report.polyblas.runtime} (${report.polyblas.platform})`);
  const how = report.source === 'default' ? 'default order' : `${report.source}=${report.requested?.join(',')}`;
  lines.push(`active backend: ${report.active ?? 'none'} (${how})`);
  if (report.error) lines.push(`selection error: ${report.error}`);
  lines.push('backends:');
  for (const b of report.backends) {
    const mark = b.name === report.active ? '*' : ' ';
    if (b.available === false) {
      lines.push(`  ${mark} ${b.name.padEnd(11)} unavailable: ${b.reason}`);
      continue;
    }
    if (b.available === null) {
      lines.push(`  ${mark} ${b.name.padEnd(11)} not probed`);
      continue;
    }
    lines.push(`  ${mark} ${b.name.padEnd(11)} available`);
    const skip = new Set(['name', 'priority', 'available', 'reason', 'fallback']);
    for (const [key, value] of Object.entries(b)) {
      if (skip.has(key) || value === undefined) continue;
      lines.push(`      ${key}: ${Array.isArray(value) ? value.join(', ') : String(value)}`);
    }
    if (b.fallback) lines.push(`      falls back to js for: ${b.fallback.join(', ')}`);
  }
  const routing = report.sizePolicy.routing ? 'routing' : 'not routing';
  lines.push(`size policy: ${report.sizePolicy.mode} (${routing}), ${report.sizePolicy.rules.length} rule(s)`);
  for (const r of report.sizePolicy.rules) lines.push(`  n <= ${r.maxSize}: ${r.routines.join(', ')} -> ${r.backend}`);
  return lines.join('\n');
}
