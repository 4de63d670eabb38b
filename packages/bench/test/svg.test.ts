import { describe, expect, it } from 'vitest';
import { charts, summaryTable, type ResultsForCharts } from '../src/charts.js';
import { barChart, compact, escapeXml, lineChart, ticks } from '../src/svg.js';

/** Checks that every tag is closed in order and attributes are quoted: well-formed XML for our output. */
function expectWellFormed(svg: string): void {
  expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
  expect(svg).not.toMatch(/NaN|undefined|Infinity/);
  const stack: string[] = [];
  const tag = /<(\/?)([a-zA-Z][\w-]*)((?:\s+[\w-]+="[^"<]*")*)\s*(\/?)>/g;
  let consumed = 0;
  for (let m = tag.exec(svg); m !== null; m = tag.exec(svg)) {
    const between = svg.slice(consumed, m.index);
    expect(between).not.toMatch(/[<>]/);
    expect(between).not.toMatch(/&(?!amp;|lt;|gt;|quot;)/);
    consumed = m.index + m[0].length;
    const [, close, name, , self] = m;
    if (close) expect(stack.pop()).toBe(name);
    else if (!self) stack.push(name);
  }
  expect(svg.slice(consumed).trim()).toBe('');
  expect(stack).toEqual([]);
}

describe('axes', () => {
  it('ticks powers of two for power-of-two sizes, decades for wide ranges and 1-2-5 for narrow ones', () => {
    expect(ticks(64, 4096, true, [64, 256, 4096])).toEqual([64, 128, 256, 512, 1024, 2048, 4096]);
    expect(ticks(1e3, 1e7, true, [1e3, 1e7])).toEqual([1e3, 1e4, 1e5, 1e6, 1e7]);
    expect(ticks(1, 50, true)).toEqual([1, 2, 5, 10, 20, 50]);
    expect(ticks(0, 10, false)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(compact(1e6)).toBe('1M');
    expect(compact(10000)).toBe('10k');
    expect(compact(2048)).toBe('2048');
    expect(compact(0.5)).toBe('0.5');
    expect(escapeXml('a<b & "c"')).toBe('a&lt;b &amp; &quot;c&quot;');
  });
});

describe('charts', () => {
  it('writes well-formed line and bar charts, escaping names', () => {
    const line = lineChart({
      title: 'A & B <test>', xLabel: 'n', yLabel: 'GFLOPS', xLog: true, yLog: true,
      panels: [{ title: 'one', series: [{ name: 'x<y', color: '#000', points: [{ x: 64, y: 1, lo: 0.9, hi: 1.1 }, { x: 128, y: 2 }] }] },
        { series: [{ name: 'z', color: '#f00', dash: '4 2', points: [{ x: 64, y: 3 }, { x: 128, y: NaN }] }] }],
    });
    expectWellFormed(line);
    expect(line).toContain('x&lt;y');
    expect(line).toContain('stroke-dasharray="4 2"');
    const bars = barChart({ title: 'suite', panels: [{ title: 'dot', unit: 's', bars: [{ name: 'a', color: '#111', value: 0.5, lo: 0.4, hi: 0.6, note: 'best' }, { name: 'b', color: '#222', value: NaN }] }] });
    expectWellFormed(bars);
    expect(bars).toContain('n/a');
  });

  it('draws the three charts of a run from its results', () => {
    const sample = (median: number) => ({ median, min: median * 0.9, max: median * 1.1, repeats: 3 });
    const results: ResultsForCharts = {
      mode: 'quick', date: '2026-01-01T00:00:00Z', machine: { cpu: 'Test CPU', cores: 2 },
      columns: [{ title: 'openblas' }, { title: 'js' }, { title: 'numpy' }],
      workloads: [
        { id: 'gemm', title: 'gemm', threads: 1, cases: [64, 128].map((n) => ({ label: `gemm n=${n}`, unit: 'GFLOPS', higherIsBetter: true, op: { kind: 'gemm', n }, results: { openblas: sample(40), js: sample(4), numpy: { error: 'boom' } } })) },
        { id: 'gemm', title: 'gemm', threads: 2, cases: [64, 128].map((n) => ({ label: `gemm n=${n}`, unit: 'GFLOPS', higherIsBetter: true, op: { kind: 'gemm', n }, results: { openblas: sample(80), js: sample(4), numpy: sample(70) } })) },
        { id: 'elementwise', title: 'ew', threads: null, cases: (['plain', 'out', 'blocked'] as const).flatMap((variant) => [1e3, 1e4].map((n) => ({ label: `${variant} n=${n}`, unit: 'ns/element', higherIsBetter: false, op: { kind: 'elementwise', n, variant }, results: { openblas: sample(10), js: sample(12), numpy: sample(5) } }))) },
        { id: 'suite', title: 'suite', threads: null, cases: [{ label: 'dot 1024x1024', unit: 's', higherIsBetter: false, results: { openblas: sample(0.06), js: sample(0.6), numpy: null } }] },
      ],
    };
    const files = charts(results);
    expect(Object.keys(files).sort()).toEqual(['elementwise.svg', 'gemm.svg', 'suite.svg']);
    for (const svg of Object.values(files)) expectWellFormed(svg);
    expect(files['gemm.svg']).toContain('openblas, 2 threads');
    expect(files['suite.svg']).toContain('10.0x');
    expect(charts({ ...results, workloads: [] })).toEqual({});
    const summary = summaryTable(results).trim().split('\n');
    expect(summary[0]).toBe('| workload | openblas | js | numpy |');
    expect(summary).toContain('| dot 1024x1024 (s) | **0.0600** ±10% | 0.600 ±10% (10.0x) | n/a |');
    expect(summary).toContain('| gemm n=128, 1 thread (GFLOPS) | **40.0** ±10% | 4.00 ±10% (10.0x) | error |');
    expect(summary).toContain('| gemm n=128, 2 threads (GFLOPS) | **80.0** ±10% | 4.00 ±10% (20.0x) | 70.0 ±10% (1.1x) |');
  });
});
