#!/usr/bin/env node
/**
 * polyblas-bench: the published numpy BLAS workloads through every available polyblas backend,
 * numpy (when python3 has it) and ml-matrix (the pure-JavaScript baseline), each (workload, column)
 * in a fresh process. Prints a table per workload (median ± spread, ratio to the best), and writes
 * the figures as JSON and SVG charts on request. `--calibrate` measures where each backend
 * overtakes the others and derives size-policy rules.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem, type as osType } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { showConfig, VERSION } from '@polyblas/core';
import { charts, summaryTable, type CaseRecord, type CellResult, type WorkloadRecord } from './charts.js';
import { EXTRA_COLUMNS, parseOptions, threadEnvironment, USAGE, type Options } from './options.js';
import { deriveRules, winners, type CalibrationTiming } from './rules.js';
import { formatValue, spreadPercent, type Sample } from './stats.js';
import { calibrationCases, CALIBRATION_GROUPS, WORKLOADS, type CaseSpec } from './workloads.js';

interface Column { title: string; kind: 'polyblas' | 'numpy' | 'ml-matrix'; backend: string | null }
interface CaseResult { label: string; unit: string; higherIsBetter: boolean; sample: Sample | null; seconds?: Sample | null; error?: string }
interface WorkerResult { results: CaseResult[]; config: unknown; error?: string }

const jsWorker = fileURLToPath(new URL('./worker.js', import.meta.url));
const pythonWorker = fileURLToPath(new URL('../python/worker.py', import.meta.url));
const python = process.env.POLYBLAS_BENCH_PYTHON ?? 'python3';

function hasNumpy(): boolean {
  if (!existsSync(pythonWorker)) return false;
  const probe = spawnSync(python, ['-c', 'import numpy'], { stdio: 'ignore', timeout: 30_000 });
  return probe.status === 0;
}

/** Runs `cases` on `column` in a fresh process, reporting each case as it starts. */
function runWorker(column: Column, cases: readonly CaseSpec[], env: Record<string, string>, onStart: (label: string, index: number) => void): Promise<WorkerResult> {
  return new Promise((resolve) => {
    const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
    if (column.backend) childEnv.POLYBLAS_BACKEND = column.backend;
    const [command, args] = column.kind === 'numpy'
      ? [python, [pythonWorker]]
      : [process.execPath, [jsWorker, column.kind === 'polyblas' ? 'polyblas' : 'ml-matrix']];
    const child = spawn(command, args, { env: childEnv, stdio: ['pipe', 'pipe', 'pipe'] });
    const results: CaseResult[] = [];
    let config: unknown = null;
    let buffer = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      let nl: number;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        let record: { type: string; index?: number; config?: unknown } & CaseResult;
        try {
          record = JSON.parse(line) as typeof record;
        } catch {
          continue; // a library printing to stdout; not ours
        }
        if (record.type === 'config') config = record.config;
        else if (record.type === 'start') onStart(record.label, record.index ?? 0);
        else if (record.type === 'case') results.push(record);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', (error) => resolve({ results, config, error: error.message }));
    child.on('close', (code) => {
      resolve({ results, config, ...(code === 0 ? {} : { error: stderr.trim().split('\n').slice(-3).join(' ') || `exit code ${code}` }) });
    });
    child.stdin.end(JSON.stringify(cases));
  });
}

function table(rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows.map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('   ')).join('\n');
}

/** "median ±spread% (ratio)" for a table cell. */
function cell(r: CaseResult | undefined, best: number, failed: boolean): string {
  if (!r) return failed ? 'failed' : '-';
  if (r.error) return 'error';
  if (!r.sample) return 'n/a';
  const ratio = r.higherIsBetter ? best / r.sample.median : r.sample.median / best;
  return `${formatValue(r.sample.median)} ±${Math.round(spreadPercent(r.sample))}% ${ratio < 1.005 ? ' best' : `${ratio.toFixed(1).padStart(4)}x`}`;
}

function osName(): string {
  try {
    const pretty = /^PRETTY_NAME="?([^"\n]*)"?/m.exec(readFileSync('/etc/os-release', 'utf8'));
    if (pretty) return `${pretty[1]} (${osType()} ${release()})`;
  } catch {
    // not Linux
  }
  return `${osType()} ${release()}`;
}

function machine() {
  return {
    cpu: cpus()[0]?.model ?? 'unknown CPU',
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    os: osName(),
    platform: `${process.platform}-${process.arch}`,
    loadAverageAtStart: loadavg().map((v) => Math.round(v * 100) / 100),
  };
}

/** Available polyblas backends, highest priority first. */
function availableBackends(): string[] {
  return showConfig().backends.filter((b) => b.available).sort((a, b) => b.priority - a.priority).map((b) => b.name);
}

function progressPrinter() {
  const interactive = process.stderr.isTTY;
  const started = Date.now();
  return {
    show(text: string) {
      const elapsed = `${((Date.now() - started) / 1000).toFixed(0)}s`;
      if (interactive) process.stderr.write(`\r\x1b[K${elapsed.padStart(4)} ${text}`.slice(0, (process.stderr.columns ?? 120) + 6));
      else process.stderr.write(`${elapsed.padStart(4)} ${text}\n`);
    },
    clear() {
      if (interactive) process.stderr.write('\r\x1b[K');
    },
    seconds: () => (Date.now() - started) / 1000,
  };
}

function resolveColumns(options: Options): { columns: Column[]; notes: string[] } {
  const available = availableBackends();
  const report = showConfig();
  const notes: string[] = [];
  const wanted = options.backends;
  const known = new Set([...report.backends.map((b) => b.name), ...EXTRA_COLUMNS]);
  for (const name of wanted ?? []) {
    if (!known.has(name)) throw new Error(`--backends: "${name}" is not a known backend or column; known: ${[...known].join(', ')}`);
    const backend = report.backends.find((b) => b.name === name);
    if (backend && !backend.available) throw new Error(`--backends: "${name}" is not available: ${backend.reason}; available: ${available.join(', ')}`);
  }
  const backends = wanted ? available.filter((b) => wanted.includes(b)) : available;
  const columns: Column[] = backends.map((b) => ({ title: b, kind: 'polyblas', backend: b }));
  const numpyWanted = wanted ? wanted.includes('numpy') : true;
  if (numpyWanted) {
    if (hasNumpy()) columns.push({ title: 'numpy', kind: 'numpy', backend: null });
    else if (wanted) throw new Error(`--backends: numpy asked for, but "${python} -c 'import numpy'" fails`);
    else notes.push(`numpy column left out: "${python} -c 'import numpy'" fails (set POLYBLAS_BENCH_PYTHON to another python)`);
  }
  if (options.baseline && (wanted ? wanted.includes('ml-matrix') : true)) columns.push({ title: 'ml-matrix', kind: 'ml-matrix', backend: null });
  return { columns, notes };
}

async function bench(options: Options): Promise<void> {
  const { columns, notes } = resolveColumns(options);
  if (columns.length === 0) throw new Error('no columns to run');
  const workloads = WORKLOADS.filter((w) => options.workloads.includes(w.id));
  const threadCounts = options.threads;
  const runs = workloads.flatMap((w) => (w.id === 'gemm' ? (threadCounts ?? [null]) : [threadCounts ? threadCounts[threadCounts.length - 1] : null])
    .map((threads) => ({ workload: w, threads, cases: w.cases(options.mode) })));
  const m = machine();
  console.log(`polyblas bench ${VERSION}, ${options.mode} mode: ${columns.map((c) => c.title).join(', ')}`);
  console.log(`${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, ${m.os}, node ${process.version}; load average ${m.loadAverageAtStart.join(' ')}`);
  console.log(`threads: ${threadCounts ? `${threadCounts.join(', ')} for gemm, ${threadCounts[threadCounts.length - 1]} for the rest` : "each library's default"}`);
  for (const note of notes) console.log(note);
  if (options.mode === 'quick') {
    console.log('quick mode scales the workloads down (--full runs the published sizes):');
    for (const w of workloads) console.log(`  ${w.id.padEnd(11)} ${w.quickNote}`);
  }
  const output = {
    tool: 'polyblas-bench',
    date: new Date().toISOString(),
    command: `polyblas-bench ${process.argv.slice(2).join(' ')}`.trim(),
    mode: options.mode,
    quickMode: options.mode === 'quick' ? Object.fromEntries(workloads.map((w) => [w.id, w.quickNote])) : null,
    machine: m,
    versions: { node: process.version, polyblas: VERSION } as Record<string, unknown>,
    threads: threadCounts,
    columns,
    configs: {} as Record<string, unknown>,
    workloads: [] as WorkloadRecord[],
    notes: [
      'Each figure is the median over `repeats` timed batches after warm-up; min and max are the fastest and slowest batch.',
      'Inputs have the same shapes and distributions in every column; numpy draws its own random numbers, so the very values differ.',
    ],
  };
  const progress = progressPrinter();
  const total = runs.length * columns.length;
  let step = 0;
  for (const run of runs) {
    const { workload, threads, cases } = run;
    const byColumn: Record<string, CaseResult[]> = {};
    const errors: Record<string, string> = {};
    const threadNote = threads === null ? '' : ` (${threads} thread${threads === 1 ? '' : 's'})`;
    for (const column of columns) {
      step++;
      const prefix = `[${step}/${total}] ${workload.id}${threadNote} · ${column.title}`;
      progress.show(`${prefix}: starting`);
      const result = await runWorker(column, cases, threadEnvironment(threads), (label, index) => {
        progress.show(`${prefix} · case ${index + 1}/${cases.length}: ${label}`);
      });
      byColumn[column.title] = result.results;
      if (result.error) errors[column.title] = result.error;
      if (result.config && !(column.title in output.configs)) output.configs[column.title] = result.config;
    }
    progress.clear();
    const rows: string[][] = [[`${workload.title}${threadNote}`, ...columns.map((c) => c.title)]];
    const records: CaseRecord[] = [];
    for (const spec of cases) {
      const cells = columns.map((c) => byColumn[c.title].find((r) => r.label === spec.label));
      const values = cells.map((r) => r?.sample?.median ?? NaN).filter((v) => Number.isFinite(v));
      const best = spec.higherIsBetter ? Math.max(...values) : Math.min(...values);
      rows.push([`${spec.label} (${spec.unit})`, ...cells.map((r, i) => cell(r, best, columns[i].title in errors))]);
      const results: Record<string, CellResult> = {};
      columns.forEach((c, i) => {
        const r = cells[i];
        results[c.title] = r?.sample ?? (r?.error ? { error: r.error } : errors[c.title] ? { error: errors[c.title] } : null);
      });
      records.push({ label: spec.label, unit: spec.unit, higherIsBetter: spec.higherIsBetter, op: spec.op, results });
    }
    console.log(`\n${table(rows)}`);
    for (const [title, message] of Object.entries(errors)) console.log(`  ${title} failed: ${message}`);
    for (const column of columns) {
      for (const r of byColumn[column.title]) if (r.error) console.log(`  ${column.title}, ${r.label}: ${r.error}`);
    }
    output.workloads.push({ id: workload.id, title: workload.title, threads, cases: records });
  }
  const numpyConfig = output.configs.numpy as { version?: string; blasName?: string; blasVersion?: string } | undefined;
  if (numpyConfig) output.versions.numpy = { version: numpyConfig.version, blas: numpyConfig.blasName, blasVersion: numpyConfig.blasVersion };
  const ml = output.configs['ml-matrix'] as { version?: string } | undefined;
  if (ml) output.versions['ml-matrix'] = ml.version;
  console.log(`\ncells: median ±spread (largest distance from the median to min or max, in % of the median) and the ratio to the best column`);
  if (numpyConfig) console.log(`numpy ${numpyConfig.version} uses ${numpyConfig.blasName ?? 'an unknown BLAS'} ${numpyConfig.blasVersion ?? ''}`.trimEnd());
  console.log(`finished in ${progress.seconds().toFixed(0)} s`);
  const json = `${JSON.stringify(output, null, 2)}\n`;
  if (options.json) {
    writeFileSync(options.json, json);
    console.log(`figures written to ${options.json}`);
  }
  if (options.out) {
    mkdirSync(options.out, { recursive: true });
    writeFileSync(join(options.out, 'results.json'), json);
    const files = charts(output);
    for (const [name, svg] of Object.entries(files)) writeFileSync(join(options.out, name), svg);
    writeFileSync(join(options.out, 'summary.md'), summaryTable(output));
    console.log(`results.json, summary.md and ${Object.keys(files).join(', ')} written to ${options.out}`);
  }
}

async function calibrate(options: Options): Promise<void> {
  const available = availableBackends();
  const backends = options.backends ? available.filter((b) => options.backends!.includes(b)) : available;
  if (backends.length < 2) throw new Error(`calibration compares backends; available: ${available.join(', ')}`);
  const defaultBackend = available[0];
  const cases = calibrationCases(options.sizes);
  console.log(`polyblas calibrate: ${backends.join(', ')} for ${Object.keys(CALIBRATION_GROUPS).join(', ')} at n = ${options.sizes.join(', ')}`);
  console.log(`default backend here: ${defaultBackend}; rules route sizes up to maxSize to another backend where that saves more than the cost of switching`);
  const progress = progressPrinter();
  const timings: CalibrationTiming[] = [];
  const configs: Record<string, unknown> = {};
  for (const [i, backend] of backends.entries()) {
    const prefix = `[${i + 1}/${backends.length}] calibrate · ${backend}`;
    const result = await runWorker({ title: backend, kind: 'polyblas', backend }, cases, threadEnvironment(options.threads?.[options.threads.length - 1] ?? null),
      (label, index) => progress.show(`${prefix} · case ${index + 1}/${cases.length}: ${label}`));
    if (result.error) throw new Error(`calibration on ${backend} failed: ${result.error}`);
    configs[backend] = result.config;
    for (const [k, r] of result.results.entries()) {
      if (r.seconds) timings.push({ backend, op: cases[k].op.kind, n: (cases[k].op as { n: number }).n, seconds: r.seconds.median });
    }
  }
  progress.clear();
  const crossovers = winners(timings, defaultBackend, 0);
  const rules = deriveRules(timings, defaultBackend);
  for (const [group, { routines }] of Object.entries(CALIBRATION_GROUPS)) {
    const mine = rules.filter((r) => r.routines.join() === routines.join());
    const rows = [[`${group}: µs per call`, ...backends, 'fastest', 'routed to']];
    for (const c of crossovers.filter((x) => x.group === group)) {
      const routed = mine.find((r) => c.n <= r.maxSize)?.backend ?? defaultBackend;
      rows.push([`n=${c.n}`, ...backends.map((b) => (c.seconds[b] === undefined ? '-' : formatValue(c.seconds[b] * 1e6))), c.winner, routed]);
    }
    console.log(`\n${table(rows)}`);
  }
  const file = options.rules ?? (options.out ? join(options.out, 'size-rules.json') : 'size-rules.json');
  if (options.out) mkdirSync(options.out, { recursive: true });
  const date = new Date().toISOString();
  writeFileSync(file, `${JSON.stringify({
    tool: 'polyblas-bench calibrate', date, machine: machine(), versions: { node: process.version, polyblas: VERSION },
    defaultBackend, sizes: options.sizes, policy: { mode: 'auto', rules }, crossovers, timings, configs,
  }, null, 2)}\n`);
  console.log(`\nsize policy (setSizePolicy({ mode: 'auto', rules })), also written to ${file}:`);
  console.log(`// polyblas-bench calibrate, ${date.slice(0, 10)}, ${machine().cpu} (${machine().cores} cores), default backend ${defaultBackend}`);
  console.log(`[\n${rules.map((r) => `  { routines: [${r.routines.map((x) => `'${x}'`).join(', ')}], maxSize: ${r.maxSize}, backend: '${r.backend}' },`).join('\n')}\n]`);
  console.log(`finished in ${progress.seconds().toFixed(0)} s`);
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  if (options.command === 'help') console.log(USAGE);
  else if (options.command === 'calibrate') await calibrate(options);
  else await bench(options);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
