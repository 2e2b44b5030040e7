import qrcode from 'qrcode-generator';

export interface QrCodeProps {
  value: string;
  /** The accessible name, e.g. "QR code for TV-ABCD-1234". */
  label: string;
  /** Rendered width and height in CSS pixels. */
  size?: number;
}

/** Quiet zone around the symbol, in modules, as scanners expect. */
const MARGIN = 4;

/**
 * A QR code as an inline SVG: one path over a white square, crisp at any size. It is its own module so
 * the pages can load it (and the generator) after the text they show first.
 */
export default function QrCode({ value, label, size = 160 }: QrCodeProps) {
  const qr = qrcode(0, 'M');
  qr.addData(value);
  qr.make();
  const count = qr.getModuleCount();
  let path = '';
  for (let row = 0; row < count; row += 1) {
    for (let col = 0; col < count; col += 1) {
      if (qr.isDark(row, col)) path += `M${col + MARGIN},${row + MARGIN}h1v1h-1z`;
    }
  }
  const extent = count + 2 * MARGIN;
  return (
    <svg
      role="img"
      aria-label={label}
      viewBox={`0 0 ${extent} ${extent}`}
      width={size}
      height={size}
      shapeRendering="crispEdges"
      className="tally-qr-code"
    >
      <rect width={extent} height={extent} fill="#ffffff" />
      <path d={path} fill="#000000" />
    </svg>
  );
}
