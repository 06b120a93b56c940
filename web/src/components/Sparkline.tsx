// A trend in a table cell: the figures of the periods as a small line, drawn
// as SVG (no style attribute, so the CSP has nothing to block). Gaps (no
// figure) break the line; the last figure is marked.
export function Sparkline({ values, label, width = 96, height = 26 }: { values: (number | null)[]; label: string; width?: number; height?: number }) {
  const known = values.filter((v): v is number => v !== null);
  if (known.length === 0) return <span aria-label={label}>—</span>;
  const lo = Math.min(...known);
  const hi = Math.max(...known);
  const pad = 3;
  const x = (i: number) => (values.length === 1 ? width / 2 : pad + (i * (width - 2 * pad)) / (values.length - 1));
  const y = (v: number) => (hi === lo ? height / 2 : height - pad - ((v - lo) * (height - 2 * pad)) / (hi - lo));
  // Runs of consecutive figures, each drawn as one polyline.
  const runs: string[][] = [];
  let run: string[] = [];
  values.forEach((v, i) => {
    if (v === null) {
      if (run.length) runs.push(run);
      run = [];
    } else run.push(`${x(i).toFixed(1)},${y(v).toFixed(1)}`);
  });
  if (run.length) runs.push(run);
  const lastIndex = values.length - 1 - [...values].reverse().findIndex((v) => v !== null);
  return (
    <svg className="sparkline" width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label}>
      {runs.map((r, i) =>
        r.length > 1 ? (
          <polyline key={i} points={r.join(' ')} fill="none" stroke="#1f5fa8" strokeWidth={1.6} />
        ) : (
          <circle key={i} cx={r[0].split(',')[0]} cy={r[0].split(',')[1]} r={1.6} fill="#1f5fa8" />
        ),
      )}
      <circle cx={x(lastIndex)} cy={y(values[lastIndex] as number)} r={2.6} fill="#14325c" />
    </svg>
  );
}
