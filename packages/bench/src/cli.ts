#!/usr/bin/env node
/**
 * polyblas-bench: the same workloads through every available polyblas backend, with ml-matrix as
 * the pure-JavaScript baseline, each in a fresh process; prints a table per workload (each cell
 * the median with its ratio to the best) and optionally writes every figure as JSON.
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { showConfig } from '@polyblas/core';
import type { Sample } from './stats.js';
import { WORKLOADS, type Mode } from './workloads.js';

const USAGE = `usage: pnpm bench [options]

  --full                the published sizes (default: quick mode, scaled down, a few minutes)
  --backends a,b        polyblas backends to compare (default: every available one)
  --baseline none       leave out the ml-matrix column (default: ml-matrix)
  --workloads a,b       any of ${WORKLOADS.map((w) => w.id).join(', ')} (default: all)
  --json FILE           also write every figure, with machine and backend details, to FILE
  --help                this message`;

interface Options {
  mode: Mode;
  backends: string[] | null;
  baseline: boolean;
  workloads: string[];
  json: string | null;
}

function parse(argv: readonly string[]): Options {
  const options: Options = { mode: 'quick', backends: null, baseline: true, workloads: WORKLOADS.map((w) => w.id), json: null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new Error(`${arg} needs a value\n\n${USAGE}`);
      return v;
    };
    if (arg === '--full') options.mode = 'full';
    else if (arg === '--quick') options.mode = 'quick';
    else if (arg === '--backends') options.backends = value().split(',').map((s) => s.trim()).filter(Boolean);
    else if (arg === '--baseline') options.baseline = value() !== 'none';
    else if (arg === '--workloads') {
      options.workloads = value().split(',').map((s) => s.trim()).filter(Boolean);
      const unknown = options.workloads.filter((w) => !WORKLOADS.some((x) => x.id === w));
      if (unknown.length) throw new Error(`--workloads: unknown workload "${unknown[0]}"; valid: ${WORKLOADS.map((w) => w.id).join(', ')}`);
    } else if (arg === '--json') options.json = value();
    else if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else throw new Error(`unknown option ${arg}\n\n${USAGE}`);
  }
  return options;
}

interface Column { title: string; engine: string; backend: string | null }
interface CaseResult { label: string; unit: string; higherIsBetter: boolean; sample: Sample | null; error?: string }

const worker = fileURLToPath(new URL('./worker.js', import.meta.url));

function runWorker(column: Column, workload: string, mode: Mode, onStart: (label: string) => void): Promise<{ results: CaseResult[]; config: unknown; error?: string }> {
  return new Promise((resolve) => {
    const env = { ...process.env };
    if (column.backend) env.POLYBLAS_BACKEND = column.backend;
    const child = spawn(process.execPath, [worker, column.engine, workload, mode], { env, stdio: ['ignore', 'pipe', 'pipe'] });
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
        const record = JSON.parse(line) as { type: string } & CaseResult & { config: unknown };
        if (record.type === 'config') config = record.config;
        else if (record.type === 'start') onStart(record.label);
        else if (record.type === 'case') results.push(record);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => {
      resolve({ results, config, ...(code === 0 ? {} : { error: stderr.trim().split('\n').slice(-3).join(' ') || `exit code ${code}` }) });
    });
  });
}

function formatValue(value: number): string {
  if (value === 0) return '0';
  const abs = Math.abs(value);
  return abs >= 100 ? value.toFixed(0) : abs >= 10 ? value.toFixed(1) : abs >= 1 ? value.toFixed(2) : value.toPrecision(3);
}

function table(rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows.map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ')).join('\n');
}

async function main(): Promise<void> {
  const options = parse(process.argv.slice(2));
  const report = showConfig();
  const available = report.backends.filter((b) => b.available).map((b) => b.name);
  const backends = options.backends ?? available;
  for (const b of backends) {
    if (!available.includes(b)) {
      const known = report.backends.find((x) => x.name === b);
      throw new Error(`--backends: "${b}" is ${known ? `not available: ${known.reason}` : 'not a known backend'}; available: ${available.join(', ')}`);
    }
  }
  const columns: Column[] = [
    ...backends.map((b) => ({ title: b, engine: 'polyblas', backend: b })),
    ...(options.baseline ? [{ title: 'ml-matrix', engine: 'ml-matrix', backend: null }] : []),
  ];
  const workloads = WORKLOADS.filter((w) => options.workloads.includes(w.id));
  console.log(`polyblas bench, ${options.mode} mode: ${columns.map((c) => c.title).join(', ')} on ${cpus()[0]?.model ?? 'unknown CPU'} (${cpus().length} cores)`);
  if (options.mode === 'quick') console.log('quick mode scales sizes down (--full for the published sizes):');
  const output: Record<string, unknown> = {
    mode: options.mode,
    machine: { cpu: cpus()[0]?.model, cores: cpus().length, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version, platform: `${process.platform}-${process.arch}` },
    configs: {} as Record<string, unknown>,
    workloads: [] as unknown[],
  };
  const total = workloads.length * columns.length;
  let step = 0;
  const interactive = process.stderr.isTTY;
  for (const workload of workloads) {
    if (options.mode === 'quick') console.log(`  ${workload.id}: ${workload.quickNote}`);
    const byColumn: Record<string, CaseResult[]> = {};
    const errors: Record<string, string> = {};
    for (const column of columns) {
      step++;
      const prefix = `[${step}/${total}] ${workload.id} · ${column.title}`;
      const progress = (label: string) => {
        if (interactive) process.stderr.write(`\r\x1b[K${prefix}: ${label}`);
        else process.stderr.write(`${prefix}: ${label}\n`);
      };
      progress('starting');
      const result = await runWorker(column, workload.id, options.mode, progress);
      byColumn[column.title] = result.results;
      if (result.error) errors[column.title] = result.error;
      if (result.config) (output.configs as Record<string, unknown>)[column.title] = result.config;
    }
    if (interactive) process.stderr.write('\r\x1b[K');
    const labels = workload.cases(options.mode).map((c) => c.label);
    const rows: string[][] = [[workload.title, ...columns.map((c) => c.title)]];
    const records: unknown[] = [];
    for (const label of labels) {
      const cells = columns.map((c) => byColumn[c.title].find((r) => r.label === label));
      const first = cells.find((r) => r?.sample);
      const values = cells.map((r) => r?.sample?.median ?? NaN).filter((v) => Number.isFinite(v));
      const best = first?.higherIsBetter ? Math.max(...values) : Math.min(...values);
      rows.push([
        `${label} (${first?.unit ?? cells.find(Boolean)?.unit ?? ''})`,
        ...cells.map((r, i) => {
          if (!r) return errors[columns[i].title] ? 'failed' : '-';
          if (r.error) return 'error';
          if (!r.sample) return 'n/a';
          const ratio = r.higherIsBetter ? best / r.sample.median : r.sample.median / best;
          return `${formatValue(r.sample.median)} (${ratio < 1.005 ? 'best' : `${ratio.toFixed(1)}x`})`;
        }),
      ]);
      records.push({ label, unit: first?.unit, results: Object.fromEntries(columns.map((c, i) => [c.title, cells[i]?.sample ?? (cells[i]?.error ? { error: cells[i]?.error } : null)])) });
    }
    console.log(`\n${table(rows)}`);
    for (const [title, message] of Object.entries(errors)) console.log(`  ${title} failed: ${message}`);
    for (const column of columns) {
      for (const r of byColumn[column.title]) if (r.error) console.log(`  ${column.title}, ${r.label}: ${r.error}`);
    }
    (output.workloads as unknown[]).push({ id: workload.id, title: workload.title, cases: records });
  }
  console.log('\ncells: median (ratio to the best column); "best" marks the fastest');
  if (options.json) {
    writeFileSync(options.json, `${JSON.stringify(output, null, 2)}\n`);
    console.log(`figures written to ${options.json}`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
