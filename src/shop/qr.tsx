// The QR code (lazy chunk: uqr is loaded only in shop mode, or when printing). An SVG drawn from
// uqr's module matrix as one path, with its quiet zone, so it needs no inline style (strict CSP).
import { encode } from 'uqr';

const QUIET = 4;

/** The dark modules as one SVG path (one "M x y h1 v1 h-1 z" square per module), and the size. */
export function qrPath(text: string): { size: number; d: string } {
  const { size, data } = encode(text, { ecc: 'M', border: 0 });
  let d = '';
  data.forEach((row, y) =>
    row.forEach((dark, x) => {
      if (dark) d += `M${x} ${y}h1v1h-1z`;
    }),
  );
  return { size, d };
}

export function QrCode({ text, label, className }: { text: string; label: string; className?: string }) {
  const { size, d } = qrPath(text);
  const full = size + 2 * QUIET;
  return (
    <svg
      className={className}
      role="img"
      aria-label={label}
      viewBox={`${-QUIET} ${-QUIET} ${full} ${full}`}
      shapeRendering="crispEdges"
      xmlns="http://www.w3.org/2000/svg"
    >
      <rect x={-QUIET} y={-QUIET} width={full} height={full} fill="#fff" />
      <path d={d} fill="#000" />
    </svg>
  );
}
