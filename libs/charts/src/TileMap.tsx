// A props-only tile-grid map: one square a region, placed on a grid, coloured on a
// sequential scale, with a legend and a tooltip. It draws no boundaries. Tiles are buttons
// (Tab to reach, Enter or Space to choose) when `onTileClick` is given.
import { useId, useState } from 'react';
import { colorFor, NO_DATA_COLOR, sequentialClasses, textColorOn } from './scale';

export interface MapTile {
  code: string;
  row: number;
  col: number;
  /** Short text on the tile, e.g. 粤 or GD. */
  short: string;
  /** Full name, for the tooltip and the accessible name. */
  label: string;
  /** What colours the tile; null when there is none (e.g. no rate). */
  value: number | null;
  /** The value as the tooltip says it, e.g. "12,345 件". */
  valueText: string;
}

export interface TileMapProps {
  tiles: readonly MapTile[];
  /** Accessible name of the map. */
  title: string;
  legendTitle: string;
  noDataLabel: string;
  formatValue: (n: number) => string;
  /** Codes drawn with a thick outline (the current filter). */
  selected?: readonly string[];
  onTileClick?: (code: string) => void;
  /** Side of a tile in SVG units. */
  cell?: number;
}

export function TileMap({
  tiles,
  title,
  legendTitle,
  noDataLabel,
  formatValue,
  selected = [],
  onTileClick,
  cell = 54,
}: TileMapProps) {
  const id = useId();
  const [hover, setHover] = useState<string | null>(null);
  const classes = sequentialClasses(tiles.map((t) => t.value ?? 0));
  const rows = Math.max(1, ...tiles.map((t) => t.row));
  const cols = Math.max(1, ...tiles.map((t) => t.col));
  const gap = 4;
  const width = cols * cell;
  const height = rows * cell;
  const chosen = new Set(selected);
  const hovered = tiles.find((t) => t.code === hover);

  return (
    <figure className="tile-map" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`} className="visually-hidden">
        {title}
      </figcaption>
      <div className="tile-map-frame">
        <svg
          viewBox={`0 0 ${width} ${height}`}
          className="tile-map-svg"
          role="group"
          aria-label={title}
        >
          {tiles.map((t) => {
            const fill = colorFor(t.value, classes);
            const x = (t.col - 1) * cell + gap / 2;
            const y = (t.row - 1) * cell + gap / 2;
            const size = cell - gap;
            const isChosen = chosen.has(t.code);
            const name = `${t.label}: ${t.valueText}`;
            const choose = () => onTileClick?.(t.code);
            return (
              <g
                key={t.code}
                data-code={t.code}
                className={onTileClick ? 'tile is-clickable' : 'tile'}
                role={onTileClick ? 'button' : 'img'}
                tabIndex={onTileClick ? 0 : undefined}
                aria-label={name}
                aria-pressed={onTileClick ? isChosen : undefined}
                onClick={choose}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' || e.key === ' ') {
                    e.preventDefault();
                    choose();
                  }
                }}
                onMouseEnter={() => setHover(t.code)}
                onMouseLeave={() => setHover(null)}
                onFocus={() => setHover(t.code)}
                onBlur={() => setHover(null)}
              >
                <title>{name}</title>
                <rect
                  x={x}
                  y={y}
                  width={size}
                  height={size}
                  rx={4}
                  fill={fill}
                  stroke={isChosen ? '#1b2430' : fill === NO_DATA_COLOR ? '#c5cad3' : '#ffffff'}
                  strokeWidth={isChosen ? 3 : 1}
                />
                <text
                  x={x + size / 2}
                  y={y + size / 2}
                  textAnchor="middle"
                  dominantBaseline="central"
                  fontSize={size * 0.36}
                  fill={textColorOn(fill)}
                  pointerEvents="none"
                >
                  {t.short}
                </text>
              </g>
            );
          })}
        </svg>
        <div className="tile-map-tooltip" aria-hidden="true" hidden={!hovered}>
          {hovered && (
            <>
              <strong>{hovered.label}</strong>
              <span>{hovered.valueText}</span>
            </>
          )}
        </div>
      </div>
      <div className="tile-map-legend">
        <span className="tile-map-legend-title">{legendTitle}</span>
        <ul>
          <li>
            <span className="legend-swatch" style={{ background: NO_DATA_COLOR }} />
            {noDataLabel}
          </li>
          {classes.map((c) => (
            <li key={c.color}>
              <span className="legend-swatch" style={{ background: c.color }} />
              {formatValue(c.from)}–{formatValue(c.to)}
            </li>
          ))}
        </ul>
      </div>
    </figure>
  );
}
