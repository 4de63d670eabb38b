import { describe, expect, it } from 'vitest';
import { parseOptions, threadEnvironment } from '../src/options.js';
import { CALIBRATION_SIZES, WORKLOADS } from '../src/workloads.js';

describe('parseOptions', () => {
  it('defaults to every workload in quick mode on every available column', () => {
    const o = parseOptions([]);
    expect(o).toMatchObject({ command: 'bench', mode: 'quick', backends: null, baseline: true, threads: null, json: null, out: null, rules: null });
    expect(o.workloads).toEqual(WORKLOADS.map((w) => w.id));
    expect(o.sizes).toEqual(CALIBRATION_SIZES);
  });

  it('reads every option', () => {
    const o = parseOptions(['--full', '--backends', 'openblas, numpy', '--workloads', 'gemm,small', '--threads', '2,1,2',
      '--json', 'r.json', '--out', 'charts', '--baseline', 'none']);
    expect(o).toMatchObject({
      mode: 'full', backends: ['openblas', 'numpy'], workloads: ['gemm', 'small'], threads: [1, 2], json: 'r.json', out: 'charts', baseline: false,
    });
  });

  it('knows the calibrate command in both spellings', () => {
    expect(parseOptions(['--calibrate', '--sizes', '8,2,4', '--rules', 'x.json'])).toMatchObject({ command: 'calibrate', sizes: [2, 4, 8], rules: 'x.json' });
    expect(parseOptions(['calibrate']).command).toBe('calibrate');
    expect(parseOptions(['--help']).command).toBe('help');
  });

  it('rejects unknown options, unknown workloads, missing values and bad thread counts', () => {
    expect(() => parseOptions(['--fast'])).toThrow(/unknown option --fast/);
    expect(() => parseOptions(['--workloads', 'gemm,fft'])).toThrow(/unknown workload "fft"/);
    expect(() => parseOptions(['--json'])).toThrow(/--json needs a value/);
    expect(() => parseOptions(['--json', '--full'])).toThrow(/--json needs a value/);
    expect(() => parseOptions(['--threads', '0'])).toThrow(/--threads: expected/);
    expect(() => parseOptions(['--threads', '1.5'])).toThrow(/--threads: expected/);
    expect(() => parseOptions(['--backends', ','])).toThrow(/--backends/);
    expect(() => parseOptions(['calibrate', 'calibrate'])).toThrow(/unknown option calibrate/);
  });
});

describe('threadEnvironment', () => {
  it('sets the three variables the libraries read, or nothing', () => {
    expect(threadEnvironment(null)).toEqual({});
    expect(threadEnvironment(3)).toEqual({ POLYBLAS_NUM_THREADS: '3', OPENBLAS_NUM_THREADS: '3', OMP_NUM_THREADS: '3' });
  });
});

describe('workload specs', () => {
  it('quick mode is never larger than full mode, and every label is unique within a workload', () => {
    for (const w of WORKLOADS) {
      const quick = w.cases('quick');
      const full = w.cases('full');
      expect(new Set(quick.map((c) => c.label)).size).toBe(quick.length);
      expect(quick.length).toBeLessThanOrEqual(full.length);
      // Specs travel to the workers as JSON.
      expect(JSON.parse(JSON.stringify(full)).map((c: { label: string }) => c.label)).toEqual(full.map((c) => c.label));
    }
  });
});
