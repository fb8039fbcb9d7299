/** A small inline line of monthly counts; hidden from assistive technology (the cell says the numbers). */

/** Props of Sparkline. */
export interface SparklineProps {
  values: readonly number[];
  /** @default 56 */
  width?: number;
  /** @default 20 */
  height?: number;
  /** Values withheld (publication): gaps in the line, and not part of its scale. */
  hidden?: readonly boolean[];
}

const PAD_PX = 2;

/** An SVG sparkline scaled to the maximum of its shown values. */
export function Sparkline({values, width = 56, height = 20, hidden}: SparklineProps) {
  const shown = (i: number) => !hidden?.[i];
  const max = Math.max(1, ...values.filter((_, i) => shown(i)));
  const step = values.length > 1 ? (width - 2 * PAD_PX) / (values.length - 1) : 0;
  const x = (i: number) => PAD_PX + i * step;
  const y = (v: number) => height - PAD_PX - (v / max) * (height - 2 * PAD_PX);
  // Runs of shown values, each its own line.
  const d = values
    .map((v, i) => {
      if (!shown(i)) return '';
      const cmd = i > 0 && shown(i - 1) ? 'L' : 'M';
      return `${cmd}${x(i).toFixed(1)},${y(v).toFixed(1)}`;
    })
    .join('');
  const last = values.length - 1;
  return (
    <svg
      className="sparkline"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      aria-hidden="true"
      focusable="false"
    >
      {values.length > 1 && <path d={d} fill="none" strokeWidth={1.2} />}
      {last >= 0 && shown(last) && <circle cx={x(last)} cy={y(values[last])} r={1.8} />}
    </svg>
  );
}
