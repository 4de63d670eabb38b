/**
 * Runs a list of cases on one engine in this process and writes one JSON line per event to stdout:
 * `{type:'config'}` first, then `{type:'start'}` and `{type:'case'}` per case. The cases (see
 * workloads.ts) arrive as JSON on stdin, so this worker and the Python one measure the very same
 * specs. The comparison starts a fresh worker for every (workload, column) pair, so no backend's
 * threads or heap colour another's figures; POLYBLAS_BACKEND, set by the parent, picks the backend.
 *
 * usage: node worker.js <engine> < cases.json
 */
import { readFileSync } from 'node:fs';
import { showConfig } from '@polyblas/core';
import { ENGINES, prepare } from './engines.js';
import { timeIt, toFigure } from './stats.js';
import type { CaseSpec } from './workloads.js';

const [engineName] = process.argv.slice(2);
const engine = ENGINES[engineName];
if (!engine) {
  console.error(`usage: node worker.js <${Object.keys(ENGINES).join('|')}> < cases.json`);
  process.exit(2);
}

const cases = JSON.parse(readFileSync(0, 'utf8')) as CaseSpec[];
const emit = (record: object) => process.stdout.write(`${JSON.stringify(record)}\n`);
emit({ type: 'config', config: engine.name === 'polyblas' ? showConfig() : { library: 'ml-matrix', version: mlMatrixVersion() } });
for (const [index, item] of cases.entries()) {
  emit({ type: 'start', label: item.label, index, count: cases.length });
  const base = { type: 'case', label: item.label, unit: item.unit, higherIsBetter: item.higherIsBetter };
  try {
    const fn = prepare(engine, item.op);
    const seconds = fn === null ? null : timeIt(fn, item.timing);
    emit({ ...base, seconds, sample: seconds === null ? null : toFigure(seconds, item.report) });
  } catch (error) {
    emit({ ...base, sample: null, error: error instanceof Error ? error.message : String(error) });
  }
}

function mlMatrixVersion(): string | null {
  try {
    const url = import.meta.resolve('ml-matrix');
    const dir = url.slice(0, url.lastIndexOf('/ml-matrix/') + '/ml-matrix/'.length);
    return (JSON.parse(readFileSync(new URL('package.json', dir), 'utf8')) as { version: string }).version;
  } catch {
    return null;
  }
}
