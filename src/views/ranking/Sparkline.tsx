/** A small inline line of monthly counts; hidden from assistive technology (the cell says the numbers). */

/** Props of Sparkline. */
export interface SparklineProps {
  values: readonly number[];
  /** @default 56 */
  width?: number;
  /** @default 20 */
  height?: number;
}

const PAD_PX = 2;

/** An SVG sparkline scaled to its own maximum. */
export function Sparkline({values, width = 56, height = 20}: SparklineProps) {
  const max = Math.max(1, ...values);
  const step = values.length > 1 ? (width - 2 * PAD_PX) / (values.length - 1) : 0;
  const x = (i: number) => PAD_PX + i * step;
  const y = (v: number) => height - PAD_PX - (v / max) * (height - 2 * PAD_PX);
  const points = values.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
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
      {values.length > 1 && <polyline points={points} fill="none" strokeWidth={1.2} />}
      {last >= 0 && <circle cx={x(last)} cy={y(values[last])} r={1.8} />}
    </svg>
  );
}
