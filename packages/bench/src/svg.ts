/**
 * SVG charts written by hand (no dependencies): line charts with logarithmic axes for sweeps, in
 * one or more panels side by side, and panels of horizontal bars for the suite. Every chart has a
 * white background, readable fonts, labelled axes and ticks, a legend, and the min–max spread of
 * each figure as a whisker.
 */

/** One measured point: the median and its spread. */
export interface Point {
  x: number;
  y: number;
  lo?: number;
  hi?: number;
}

/** One line of a line chart. */
export interface Series {
  name: string;
  color: string;
  dash?: string;
  points: Point[];
}

/** One panel of a line chart. */
export interface LinePanel {
  title?: string;
  series: Series[];
}

/**
 * A line chart: panels side by side that share their axes.
 *
 * @example
 * ```ts
 * const svg = lineChart({ title: 'gemm', xLabel: 'n', yLabel: 'GFLOPS', xLog: true, yLog: true,
 *   panels: [{ series: [{ name: 'js', color: '#2a9d3f', points: [{ x: 64, y: 3 }, { x: 128, y: 3.1 }] }] }] });
 * ```
 */
export interface LineChartSpec {
  title: string;
  subtitle?: string;
  xLabel: string;
  yLabel: string;
  xLog: boolean;
  yLog: boolean;
  panels: LinePanel[];
  /** Formats x tick labels (default: compact numbers, 1k, 1M). */
  xFormat?: (x: number) => string;
}

/** One bar. */
export interface Bar {
  name: string;
  color: string;
  value: number;
  lo?: number;
  hi?: number;
  /** Text after the value, e.g. "best" or "3.2x". */
  note?: string;
}

/** One panel of bars with its own scale. */
export interface BarPanel {
  title: string;
  unit: string;
  bars: Bar[];
}

/**
 * Panels of horizontal bars on a logarithmic scale, each with its own axis.
 *
 * @example
 * ```ts
 * const svg = barChart({ title: 'suite', panels: [{ title: 'dot', unit: 's', bars: [{ name: 'js', color: '#2a9d3f', value: 0.6 }] }] });
 * ```
 */
export interface BarChartSpec {
  title: string;
  subtitle?: string;
  panels: BarPanel[];
  columns?: number;
}

/** Colours by column, stable across charts; others cycle through the rest of the palette. */
const KNOWN_COLORS: Record<string, string> = {
  openblas: '#1f6fd1',
  wasm: '#e8772e',
  js: '#2a9d3f',
  accelerate: '#c0392b',
  numpy: '#8e44ad',
  'ml-matrix': '#7f7f7f',
};
const PALETTE = ['#17becf', '#bcbd22', '#8c564b', '#e377c2', '#1a1a1a'];

/**
 * The colour of a column (backend, numpy or ml-matrix).
 *
 * @example
 * ```ts
 * colorOf('openblas', 0); // '#1f6fd1'
 * ```
 */
export function colorOf(name: string, index: number): string {
  return KNOWN_COLORS[name] ?? PALETTE[index % PALETTE.length];
}

const FONT = "font-family=\"-apple-system, 'Segoe UI', Helvetica, Arial, sans-serif\"";

/**
 * Escapes text for SVG content and attribute values.
 *
 * @example
 * ```ts
 * escapeXml('a < b & c'); // 'a &lt; b &amp; c'
 * ```
 */
export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const r2 = (v: number) => Math.round(v * 100) / 100;

/**
 * A compact number: 1k, 10k, 1M, 0.5, 25.
 *
 * @example
 * ```ts
 * compact(1e6); // '1M'
 * compact(2048); // '2048'
 * ```
 */
export function compact(v: number): string {
  const abs = Math.abs(v);
  const trim = (s: string) => s.replace(/\.0+$/, '').replace(/(\.\d*?)0+$/, '$1');
  if (abs >= 1e9 && Number.isInteger(Math.log10(abs))) return `${trim((v / 1e9).toFixed(1))}G`;
  if (abs >= 1e6 && v % 1e5 === 0) return `${trim((v / 1e6).toFixed(1))}M`;
  if (abs >= 1e3 && v % 1e3 === 0 && !isPowerOfTwo(abs)) return `${trim((v / 1e3).toFixed(1))}k`;
  if (abs >= 1) return trim(v.toFixed(abs >= 100 ? 0 : 1));
  return trim(v.toPrecision(2));
}

function isPowerOfTwo(v: number): boolean {
  return Number.isInteger(v) && v > 0 && (v & (v - 1)) === 0 && v >= 2;
}

/**
 * Tick values for an axis from `min` to `max`: on a log axis powers of two when every data value
 * is one and the range is narrow, otherwise 1-2-5 steps per decade (decades only when wide); on a
 * linear axis round steps from zero.
 *
 * @example
 * ```ts
 * ticks(64, 4096, true, [64, 4096]); // [64, 128, 256, 512, 1024, 2048, 4096]
 * ticks(1e3, 1e7, true); // [1000, 10000, 100000, 1000000, 10000000]
 * ```
 */
export function ticks(min: number, max: number, log: boolean, data: readonly number[] = []): number[] {
  if (!log) {
    const span = max - min || Math.abs(max) || 1;
    const raw = span / 5;
    const step = [1, 2, 2.5, 5, 10].map((m) => m * 10 ** Math.floor(Math.log10(raw))).find((s) => s >= raw)!;
    const out: number[] = [];
    for (let v = Math.ceil(min / step) * step; v <= max + step * 1e-9; v += step) out.push(r2(v / step) * step);
    return out;
  }
  if (data.length > 0 && data.every(isPowerOfTwo) && max / min <= 2 ** 12) {
    const out: number[] = [];
    for (let e = Math.ceil(Math.log2(min)); 2 ** e <= max * (1 + 1e-9); e++) out.push(2 ** e);
    return out;
  }
  const lo = Math.floor(Math.log10(min));
  const hi = Math.ceil(Math.log10(max));
  const steps = hi - lo <= 3 ? [1, 2, 5] : [1];
  const out: number[] = [];
  for (let e = lo; e <= hi; e++) {
    for (const m of steps) {
      const v = m * 10 ** e;
      if (v >= min * (1 - 1e-9) && v <= max * (1 + 1e-9)) out.push(Number(v.toPrecision(12)));
    }
  }
  return out;
}

/** The plotted range: data extent padded, log ranges snapped outward to a 1-2-5 value. */
function range(values: readonly number[], log: boolean, zeroBased: boolean): [number, number] {
  const finite = values.filter((v) => Number.isFinite(v) && (!log || v > 0));
  if (finite.length === 0) return log ? [1, 10] : [0, 1];
  let min = Math.min(...finite);
  const max = Math.max(...finite);
  if (log) {
    if (min === max) return [min / 2, max * 2];
    const down = (v: number) => { const e = 10 ** Math.floor(Math.log10(v)); return [5, 2, 1].map((m) => m * e).find((c) => c <= v * (1 + 1e-9))!; };
    const up = (v: number) => { const e = 10 ** Math.floor(Math.log10(v)); return [1, 2, 5, 10].map((m) => m * e).find((c) => c >= v * (1 - 1e-9))!; };
    return [down(min), up(max)];
  }
  if (zeroBased) min = Math.min(0, min);
  const pad = (max - min || 1) * 0.05;
  return [zeroBased && min === 0 ? 0 : min - pad, max + pad];
}

function text(x: number, y: number, content: string, attrs = ''): string {
  return `<text x="${r2(x)}" y="${r2(y)}" ${attrs}>${escapeXml(content)}</text>`;
}

function frame(width: number, height: number, title: string, subtitle: string | undefined, body: string[]): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ${FONT} font-size="13" fill="#222">`,
    `<rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>`,
    text(20, 30, title, 'font-size="18" font-weight="600"'),
    ...(subtitle ? [text(20, 50, subtitle, 'font-size="12.5" fill="#555"')] : []),
    ...body,
    '</svg>',
    '',
  ].join('\n');
}

/**
 * Renders a line chart as an SVG document.
 *
 * @example
 * ```ts
 * import { writeFileSync } from 'node:fs';
 * writeFileSync('gemm.svg', lineChart({ title: 'gemm', xLabel: 'n', yLabel: 'GFLOPS', xLog: true, yLog: false,
 *   panels: [{ series: [{ name: 'js', color: '#2a9d3f', points: [{ x: 64, y: 3 }] }] }] }));
 * ```
 */
export function lineChart(spec: LineChartSpec): string {
  const names: { name: string; color: string; dash?: string }[] = [];
  for (const s of spec.panels.flatMap((p) => p.series)) {
    if (!names.some((n) => n.name === s.name)) names.push({ name: s.name, color: s.color, ...(s.dash ? { dash: s.dash } : {}) });
  }
  const panelCount = Math.max(1, spec.panels.length);
  const legendWidth = 30 + Math.max(60, ...names.map((n) => n.name.length * 7.4));
  const plotWidth = panelCount === 1 ? 640 : 320;
  const gap = 26;
  const left = 78;
  const top = spec.subtitle ? 92 : 72;
  const plotHeight = 380;
  const width = Math.round(left + panelCount * plotWidth + (panelCount - 1) * gap + 24 + legendWidth);
  const height = top + plotHeight + 64;

  const points = spec.panels.flatMap((p) => p.series.flatMap((s) => s.points));
  const xs = points.map((p) => p.x);
  const ys = points.flatMap((p) => [p.y, p.lo ?? p.y, p.hi ?? p.y]);
  const [x0, x1] = spec.xLog ? [Math.min(...xs), Math.max(...xs)] : range(xs, false, false);
  const [y0, y1] = range(ys, spec.yLog, true);
  // Labels must not collide: on a crowded log axis keep the decades only.
  const thin = (t: number[], log: boolean, room: number) => {
    if (!log || t.length <= room) return t;
    const decades = t.filter((v) => Math.abs(Math.log10(v) - Math.round(Math.log10(v))) < 1e-9);
    return decades.length >= 2 ? decades : t.filter((_, i) => i % 2 === 0);
  };
  const xt = thin(ticks(x0, x1, spec.xLog, xs), spec.xLog, panelCount === 1 ? 12 : 6);
  const yt = thin(ticks(y0, y1, spec.yLog), spec.yLog, 14);
  const fx = (v: number, p: number) => {
    const base = left + p * (plotWidth + gap);
    const t = spec.xLog ? (Math.log(v) - Math.log(x0)) / (Math.log(x1) - Math.log(x0) || 1) : (v - x0) / (x1 - x0 || 1);
    return base + 14 + t * (plotWidth - 28);
  };
  const fy = (v: number) => {
    const t = spec.yLog ? (Math.log(v) - Math.log(y0)) / (Math.log(y1) - Math.log(y0) || 1) : (v - y0) / (y1 - y0 || 1);
    return top + plotHeight - t * plotHeight;
  };
  const xFormat = spec.xFormat ?? compact;
  const body: string[] = [];
  spec.panels.forEach((panel, p) => {
    const base = left + p * (plotWidth + gap);
    body.push(`<rect x="${base}" y="${top}" width="${plotWidth}" height="${plotHeight}" fill="#fafafa" stroke="#bbb"/>`);
    if (panel.title) body.push(text(base + plotWidth / 2, top - 10, panel.title, 'font-size="14" font-weight="600" text-anchor="middle"'));
    for (const v of yt) {
      const y = fy(v);
      body.push(`<line x1="${base}" y1="${r2(y)}" x2="${base + plotWidth}" y2="${r2(y)}" stroke="#e3e3e3"/>`);
      if (p === 0) body.push(text(base - 8, y + 4.5, compact(v), 'text-anchor="end" fill="#444"'));
    }
    for (const v of xt) {
      const x = fx(v, p);
      body.push(`<line x1="${r2(x)}" y1="${top}" x2="${r2(x)}" y2="${top + plotHeight}" stroke="#eeeeee"/>`);
      body.push(`<line x1="${r2(x)}" y1="${top + plotHeight}" x2="${r2(x)}" y2="${top + plotHeight + 5}" stroke="#888"/>`);
      body.push(text(x, top + plotHeight + 20, xFormat(v), 'text-anchor="middle" fill="#444"'));
    }
    for (const s of panel.series) {
      const pts = s.points.filter((q) => Number.isFinite(q.y) && (!spec.yLog || q.y > 0)).sort((a, b) => a.x - b.x);
      if (pts.length === 0) continue;
      for (const q of pts) {
        if (q.lo !== undefined && q.hi !== undefined && q.hi > q.lo) {
          const x = r2(fx(q.x, p));
          body.push(`<line x1="${x}" y1="${r2(fy(Math.max(q.lo, y0)))}" x2="${x}" y2="${r2(fy(Math.min(q.hi, y1)))}" stroke="${s.color}" stroke-width="1.2" opacity="0.55"/>`);
        }
      }
      const d = pts.map((q, i) => `${i === 0 ? 'M' : 'L'}${r2(fx(q.x, p))},${r2(fy(q.y))}`).join(' ');
      body.push(`<path d="${d}" fill="none" stroke="${s.color}" stroke-width="2.4"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''} stroke-linejoin="round"/>`);
      for (const q of pts) body.push(`<circle cx="${r2(fx(q.x, p))}" cy="${r2(fy(q.y))}" r="3.4" fill="${s.color}"/>`);
    }
  });
  const plotsRight = left + panelCount * plotWidth + (panelCount - 1) * gap;
  body.push(text((left + plotsRight) / 2, top + plotHeight + 46, spec.xLabel + (spec.xLog ? ' (log scale)' : ''), 'text-anchor="middle" font-size="14"'));
  body.push(text(0, 0, spec.yLabel + (spec.yLog ? ' (log scale)' : ''), `text-anchor="middle" font-size="14" transform="translate(22 ${top + plotHeight / 2}) rotate(-90)"`));
  names.forEach((n, i) => {
    const x = plotsRight + 24;
    const y = top + 12 + i * 24;
    body.push(`<line x1="${x}" y1="${y}" x2="${x + 26}" y2="${y}" stroke="${n.color}" stroke-width="3"${n.dash ? ` stroke-dasharray="${n.dash}"` : ''}/>`);
    body.push(text(x + 32, y + 4.5, n.name));
  });
  return frame(width, height, spec.title, spec.subtitle, body);
}

/**
 * Renders panels of horizontal bars (log scale, each panel its own axis) as an SVG document; each
 * bar is labelled with its value and note, with its min–max as a whisker.
 *
 * @example
 * ```ts
 * barChart({ title: 'The five-item suite', panels: [{ title: 'dot 1024x1024', unit: 's',
 *   bars: [{ name: 'openblas', color: '#1f6fd1', value: 0.065, note: 'best' }] }] });
 * ```
 */
export function barChart(spec: BarChartSpec): string {
  const columns = Math.max(1, Math.min(spec.columns ?? 2, spec.panels.length));
  const rows = Math.ceil(spec.panels.length / columns);
  const maxBars = Math.max(1, ...spec.panels.map((p) => p.bars.length));
  const nameWidth = 14 + Math.max(40, ...spec.panels.flatMap((p) => p.bars.map((b) => b.name.length * 7.4)));
  const barArea = 250;
  const labelRoom = 118;
  const panelWidth = nameWidth + barArea + labelRoom;
  const barHeight = 20;
  const panelHeight = 34 + maxBars * (barHeight + 6) + 30;
  const top = spec.subtitle ? 70 : 52;
  const width = Math.round(20 + columns * panelWidth + (columns - 1) * 24 + 20);
  const height = Math.round(top + rows * (panelHeight + 18) + 10);
  const body: string[] = [];
  spec.panels.forEach((panel, index) => {
    const px = 20 + (index % columns) * (panelWidth + 24);
    const py = top + Math.floor(index / columns) * (panelHeight + 18);
    body.push(text(px, py + 18, `${panel.title} (${panel.unit})`, 'font-size="14" font-weight="600"'));
    const values = panel.bars.flatMap((b) => [b.value, b.lo ?? b.value, b.hi ?? b.value]).filter((v) => v > 0 && Number.isFinite(v));
    // The axis starts well below the smallest bar, so the fastest bar still has a visible length.
    const [lo, v1] = range([...values, Math.min(...values) / 4], true, false);
    const x0 = px + nameWidth;
    const fx = (v: number) => x0 + ((Math.log(Math.max(v, lo)) - Math.log(lo)) / (Math.log(v1) - Math.log(lo) || 1)) * barArea;
    const axisY = py + 30 + maxBars * (barHeight + 6);
    const tv = ticks(lo, v1, true);
    for (const v of tv.length > 6 ? tv.filter((_, i) => i % 2 === 0) : tv) {
      const x = r2(fx(v));
      body.push(`<line x1="${x}" y1="${py + 28}" x2="${x}" y2="${axisY}" stroke="#e6e6e6"/>`);
      body.push(text(x, axisY + 15, compact(v), 'text-anchor="middle" font-size="11.5" fill="#555"'));
    }
    body.push(`<line x1="${x0}" y1="${py + 28}" x2="${x0}" y2="${axisY}" stroke="#999"/>`);
    panel.bars.forEach((bar, i) => {
      const y = py + 32 + i * (barHeight + 6);
      body.push(text(x0 - 8, y + barHeight / 2 + 4.5, bar.name, 'text-anchor="end"'));
      if (!(bar.value > 0) || !Number.isFinite(bar.value)) {
        body.push(text(x0 + 6, y + barHeight / 2 + 4.5, 'n/a', 'fill="#888"'));
        return;
      }
      const x = fx(bar.value);
      body.push(`<rect x="${x0}" y="${y}" width="${r2(Math.max(1.5, x - x0))}" height="${barHeight}" fill="${bar.color}" opacity="0.88"/>`);
      if (bar.lo !== undefined && bar.hi !== undefined && bar.hi > bar.lo) {
        const cy = y + barHeight / 2;
        body.push(`<line x1="${r2(fx(bar.lo))}" y1="${cy}" x2="${r2(fx(bar.hi))}" y2="${cy}" stroke="#222" stroke-width="1.2"/>`);
        for (const v of [bar.lo, bar.hi]) body.push(`<line x1="${r2(fx(v))}" y1="${cy - 4}" x2="${r2(fx(v))}" y2="${cy + 4}" stroke="#222" stroke-width="1.2"/>`);
      }
      const label = `${compactValue(bar.value)}${bar.note ? (bar.note === 'best' ? '  best' : `  (${bar.note})`) : ''}`;
      const right = Math.max(x, bar.hi !== undefined ? fx(bar.hi) : x);
      body.push(text(right + 6, y + barHeight / 2 + 4.5, label, bar.note === 'best' ? 'font-weight="600"' : ''));
    });
  });
  return frame(width, height, spec.title, spec.subtitle, body);
}

function compactValue(v: number): string {
  const abs = Math.abs(v);
  return abs >= 100 ? v.toFixed(0) : abs >= 10 ? v.toFixed(1) : abs >= 1 ? v.toFixed(2) : v.toPrecision(3);
}
