/**
 * Runs one workload on one engine in this process and writes one JSON line per case to stdout.
 * The comparison starts a fresh worker for every (workload, column) pair, so no backend's threads
 * or heap colour another's figures. The polyblas backend is chosen by POLYBLAS_BACKEND, which the
 * parent sets.
 *
 * usage: node worker.js <engine> <workload> <quick|full>
 */
import { showConfig } from '@polyblas/core';
import { ENGINES } from './engines.js';
import { WORKLOADS, type Mode } from './workloads.js';

const [engineName, workloadId, mode] = process.argv.slice(2);
const engine = ENGINES[engineName];
const workload = WORKLOADS.find((w) => w.id === workloadId);
if (!engine || !workload || (mode !== 'quick' && mode !== 'full')) {
  console.error('usage: node worker.js <engine> <workload> <quick|full>');
  process.exit(2);
}

const emit = (record: object) => process.stdout.write(`${JSON.stringify(record)}\n`);
emit({ type: 'config', config: engine.name === 'polyblas' ? showConfig() : null });
for (const item of workload.cases(mode as Mode)) {
  emit({ type: 'start', label: item.label });
  try {
    emit({ type: 'case', label: item.label, unit: item.unit, higherIsBetter: item.higherIsBetter, sample: item.run(engine) });
  } catch (error) {
    emit({ type: 'case', label: item.label, unit: item.unit, higherIsBetter: item.higherIsBetter, sample: null, error: error instanceof Error ? error.message : String(error) });
  }
}
