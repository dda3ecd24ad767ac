import { Temporal } from 'temporal-polyfill';
import { getInstrument, isInstrumentId } from '../../domain/instruments';

const BAND_COLORS = ['#d3f9d8', '#fff3bf', '#ffe8cc', '#ffd8a8', '#ffc9c9'];
const WIDTH = 640;
const HEIGHT = 220;
const PAD = { left: 36, right: 180, top: 10, bottom: 28 };
/** Points stay this far inside the plot, so their labels never run into the band names. */
const INSET = 18;

type Shade = { label: string; min: number; max: number };

/** The bands to shade and the top of the scale, from the instrument's own definition (domain). */
function scaleOf(instrumentId: string): { max: number; shades: Shade[] } | null {
  if (!isInstrumentId(instrumentId)) return null;
  const instrument = getInstrument(instrumentId);
  if (instrument.total !== 'sum') return null;
  const max = instrument.items
    .filter((item) => item.scored !== false)
    .reduce((sum, item) => sum + Math.max(...item.options.map((o) => o.value)), 0);
  const rule = instrument.bands;
  if (rule.kind === 'range' && rule.basis === 'total') {
    return { max, shades: rule.bands.map((b) => ({ label: b.label, min: b.min, max: b.max })) };
  }
  if (rule.kind === 'cutoff') {
    const cutoff = rule.cutoff.by === 'config' ? rule.cutoff.default : rule.cutoff.unknown;
    return {
      max,
      shades: [
        { label: rule.negative.label, min: 0, max: cutoff - 1 },
        { label: rule.positive.label, min: cutoff, max },
      ],
    };
  }
  return { max, shades: [] };
}

/**
 * One instrument's totals over the episode, drawn by hand in SVG: the severity bands shaded behind the line,
 * so a clinician sees at a glance which band each score fell in.
 */
export function TrendChart({
  instrumentId,
  title,
  points,
}: {
  instrumentId: string;
  title: string;
  points: { administeredOn: string; total: number }[];
}) {
  const scale = scaleOf(instrumentId);
  if (!scale || points.length === 0) return null;
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const y = (v: number) => PAD.top + plotH - (v / scale.max) * plotH;
  const days = points.map(
    (p) => Temporal.PlainDate.from(p.administeredOn).toZonedDateTime('UTC').epochMilliseconds / 86_400_000,
  );
  const first = Math.min(...days);
  const span = Math.max(...days) - first;
  const x = (d: number) =>
    PAD.left + INSET + (span === 0 ? (plotW - 2 * INSET) / 2 : ((d - first) / span) * (plotW - 2 * INSET));
  const coords = points.map((p, i) => ({ x: x(days[i]!), y: y(p.total), ...p }));
  const summary = points.map((p) => `${p.administeredOn}: ${p.total}`).join(', ');

  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      width="100%"
      role="img"
      aria-label={`${title} over the episode — ${summary}`}
      style={{ maxWidth: WIDTH, display: 'block' }}
    >
      {scale.shades.map((band, i) => {
        // A band covers its whole points, so a score on an edge sits inside its own band.
        const top = y(Math.min(scale.max, band.max + 0.5));
        const bottom = y(Math.max(0, band.min - 0.5));
        return (
          <g key={band.label}>
            <rect
              x={PAD.left}
              y={top}
              width={plotW}
              height={Math.max(0, bottom - top)}
              fill={
                BAND_COLORS[Math.round((i * (BAND_COLORS.length - 1)) / Math.max(1, scale.shades.length - 1))]
              }
            />
            <text x={PAD.left + plotW + 6} y={(top + bottom) / 2 + 4} fontSize="11" fill="#495057">
              {band.label} ({band.min}–{band.max})
            </text>
          </g>
        );
      })}
      <line x1={PAD.left} y1={PAD.top + plotH} x2={PAD.left + plotW} y2={PAD.top + plotH} stroke="#868e96" />
      <line x1={PAD.left} y1={PAD.top} x2={PAD.left} y2={PAD.top + plotH} stroke="#868e96" />
      {[0, scale.max].map((v) => (
        <text key={v} x={PAD.left - 6} y={y(v) + 4} fontSize="11" textAnchor="end" fill="#495057">
          {v}
        </text>
      ))}
      <polyline
        points={coords.map((c) => `${c.x},${c.y}`).join(' ')}
        fill="none"
        stroke="#0b7285"
        strokeWidth="2.5"
      />
      {coords.map((c) => (
        <g key={`${c.administeredOn}-${c.x}-${c.total}`}>
          <circle cx={c.x} cy={c.y} r="5" fill="#0b7285">
            <title>{`${c.administeredOn}: ${c.total}`}</title>
          </circle>
          <text x={c.x} y={c.y - 9} fontSize="12" fontWeight="700" textAnchor="middle" fill="#212529">
            {c.total}
          </text>
        </g>
      ))}
      {coords.length > 0 && (
        <>
          <text x={coords[0]!.x} y={HEIGHT - 8} fontSize="11" textAnchor="middle" fill="#495057">
            {coords[0]!.administeredOn}
          </text>
          {coords.length > 1 && (
            <text x={coords.at(-1)!.x} y={HEIGHT - 8} fontSize="11" textAnchor="end" fill="#495057">
              {coords.at(-1)!.administeredOn}
            </text>
          )}
        </>
      )}
    </svg>
  );
}
