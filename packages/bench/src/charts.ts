/**
 * The charts of a bench run, from its results: gemm GFLOPS against n, nanoseconds per element
 * against n for the elementwise study, and bars for the five-item suite and the svd-loop.
 */
import type { Sample } from './stats.js';
import { barChart, colorOf, lineChart, type BarPanel, type Series } from './svg.js';

/** A figure, an error, or nothing (the column has no such operation). */
export type CellResult = Sample | { error: string } | null;

/** One case of a workload run, with every column's figure. */
export interface CaseRecord {
  label: string;
  unit: string;
  higherIsBetter: boolean;
  op?: { kind: string; n?: number; variant?: string };
  results: Record<string, CellResult>;
}

/** One workload run (gemm runs once per thread count). */
export interface WorkloadRecord {
  id: string;
  title: string;
  threads: number | null;
  cases: CaseRecord[];
}

/** The parts of a results file the charts read. */
export interface ResultsForCharts {
  mode: string;
  date: string;
  machine: { cpu: string; cores: number; loadAverageAtStart?: number[] };
  columns: { title: string }[];
  workloads: WorkloadRecord[];
}

function isSample(r: CellResult | undefined): r is Sample {
  return r !== null && r !== undefined && 'median' in r && Number.isFinite(r.median);
}

function caption(results: ResultsForCharts): string {
  const load = results.machine.loadAverageAtStart?.[0];
  const machine = `${results.machine.cpu} (${results.machine.cores} cores${load === undefined ? '' : `, load ${load.toFixed(1)} at start`})`;
  return `${results.mode} mode, ${results.date.slice(0, 10)}, ${machine}; median of repeats, whiskers min–max`;
}

/**
 * The charts as `{ file name: SVG text }`; charts whose workload did not run are left out.
 *
 * @example
 * ```ts
 * for (const [name, svg] of Object.entries(charts(results))) writeFileSync(join(dir, name), svg);
 * ```
 */
export function charts(results: ResultsForCharts): Record<string, string> {
  const out: Record<string, string> = {};
  const columns = results.columns.map((c) => c.title);
  const color = (name: string) => colorOf(name, columns.indexOf(name));

  const gemmRuns = results.workloads.filter((w) => w.id === 'gemm');
  if (gemmRuns.length > 0) {
    const dashes = ['', '7 4', '2 3', '10 3 2 3'];
    const series: Series[] = [];
    gemmRuns.forEach((run, t) => {
      for (const column of columns) {
        const points = run.cases.flatMap((c) => {
          const r = c.results[column];
          return isSample(r) && c.op?.n ? [{ x: c.op.n, y: r.median, lo: r.min, hi: r.max }] : [];
        });
        if (points.length === 0) continue;
        const threads = gemmRuns.length > 1 ? `, ${run.threads ?? 'default'} thread${run.threads === 1 ? '' : 's'}` : '';
        series.push({ name: `${column}${threads}`, color: color(column), ...(dashes[t] ? { dash: dashes[t] } : {}), points });
      }
    });
    const single = gemmRuns.length === 1 && gemmRuns[0].threads !== null ? `, ${gemmRuns[0].threads} thread(s)` : '';
    out['gemm.svg'] = lineChart({
      title: `gemm: C = A·B, float64, GFLOPS by matrix size${single}`,
      subtitle: caption(results),
      xLabel: 'n (n×n matrices)',
      yLabel: 'GFLOPS (higher is better)',
      xLog: true,
      yLog: true,
      panels: [{ series }],
      xFormat: (x) => String(x),
    });
  }

  const elementwise = results.workloads.find((w) => w.id === 'elementwise');
  if (elementwise) {
    const panels = (['plain', 'out', 'blocked'] as const).map((variant) => ({
      title: { plain: 'plain (temporaries)', out: 'in place (out=)', blocked: 'blocked (4096-element chunks)' }[variant],
      series: columns.flatMap((column): Series[] => {
        const points = elementwise.cases.filter((c) => c.op?.variant === variant).flatMap((c) => {
          const r = c.results[column];
          return isSample(r) && c.op?.n ? [{ x: c.op.n, y: r.median, lo: r.min, hi: r.max }] : [];
        });
        return points.length ? [{ name: column, color: color(column), points }] : [];
      }),
    }));
    out['elementwise.svg'] = lineChart({
      title: 'Elementwise y / sqrt(x*x + y*y): nanoseconds per element',
      subtitle: caption(results),
      xLabel: 'n (elements)',
      yLabel: 'ns per element (lower is better)',
      xLog: true,
      yLog: true,
      panels,
    });
  }

  const panels: BarPanel[] = [];
  for (const id of ['svd-loop', 'suite']) {
    const run = results.workloads.find((w) => w.id === id);
    for (const c of run?.cases ?? []) {
      const samples = columns.map((column) => c.results[column]).filter(isSample);
      if (samples.length === 0) continue;
      const best = c.higherIsBetter ? Math.max(...samples.map((s) => s.median)) : Math.min(...samples.map((s) => s.median));
      panels.push({
        title: c.label,
        unit: c.unit,
        bars: columns.filter((column) => c.results[column] !== undefined).map((column) => {
          const r = c.results[column];
          if (!isSample(r)) return { name: column, color: color(column), value: NaN };
          const ratio = c.higherIsBetter ? best / r.median : r.median / best;
          return { name: column, color: color(column), value: r.median, lo: r.min, hi: r.max, note: ratio < 1.005 ? 'best' : `${ratio.toFixed(1)}x` };
        }),
      });
    }
  }
  if (panels.length > 0) {
    out['suite.svg'] = barChart({
      title: 'The five-item suite and the svd-loop: time per item (lower is better)',
      subtitle: `${caption(results)}; log scale`,
      panels,
      columns: 2,
    });
  }
  return out;
}

/**
 * A short Markdown table of a run for a README: the svd-loop, the suite items, the 10x10 latency
 * and gemm at the largest n (per thread count), each cell the median ± spread (the larger distance
 * to min or max, in %) with its ratio to the best.
 *
 * @example
 * ```ts
 * writeFileSync('summary.md', summaryTable(results));
 * ```
 */
export function summaryTable(results: ResultsForCharts): string {
  const columns = results.columns.map((c) => c.title);
  const rows: CaseRecord[] = [];
  for (const id of ['svd-loop', 'suite', 'small']) rows.push(...(results.workloads.find((w) => w.id === id)?.cases ?? []));
  for (const gemm of results.workloads.filter((w) => w.id === 'gemm')) {
    const largest = gemm.cases[gemm.cases.length - 1];
    if (largest) rows.push({ ...largest, label: `${largest.label}${gemm.threads === null ? '' : `, ${gemm.threads} thread${gemm.threads === 1 ? '' : 's'}`}` });
  }
  if (rows.length === 0) return '';
  const lines = [`| workload | ${columns.join(' | ')} |`, `| --- |${columns.map(() => ' ---: |').join('')}`];
  for (const row of rows) {
    const samples = columns.map((c) => row.results[c]);
    const medians = samples.filter(isSample).map((s) => s.median);
    const best = row.higherIsBetter ? Math.max(...medians) : Math.min(...medians);
    const cells = samples.map((s) => {
      if (!isSample(s)) return s && 'error' in s ? 'error' : 'n/a';
      const ratio = row.higherIsBetter ? best / s.median : s.median / best;
      const value = s.median >= 100 ? s.median.toFixed(0) : s.median >= 10 ? s.median.toFixed(1) : s.median >= 1 ? s.median.toFixed(2) : s.median.toPrecision(3);
      const spread = Math.round((100 * Math.max(s.median - s.min, s.max - s.median)) / s.median);
      return ratio < 1.005 ? `**${value}** ±${spread}%` : `${value} ±${spread}% (${ratio.toFixed(1)}x)`;
    });
    lines.push(`| ${row.label} (${row.unit}) | ${cells.join(' | ')} |`);
  }
  return `${lines.join('\n')}\n`;
}
