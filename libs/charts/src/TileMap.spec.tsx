import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { BarList } from './BarList';
import { TileMap, type MapTile } from './TileMap';
import { NO_DATA_COLOR, SEQUENTIAL_BLUES } from './scale';

const tiles: MapTile[] = [
  { code: '110000', row: 1, col: 2, short: '京', label: '北京', value: 100, valueText: '100 件' },
  { code: '440000', row: 3, col: 2, short: '粤', label: '广东', value: 10, valueText: '10 件' },
  { code: '650000', row: 2, col: 1, short: '新', label: '新疆', value: null, valueText: '无' },
];

describe('TileMap', () => {
  const html = renderToStaticMarkup(
    <TileMap
      tiles={tiles}
      title="各省投诉件数"
      legendTitle="件数"
      noDataLabel="无数据"
      formatValue={(n) => String(Math.round(n))}
      selected={['440000']}
      onTileClick={() => undefined}
    />,
  );

  it('draws one keyboard-reachable tile a region, named with its value', () => {
    expect(html.match(/role="button"/g)).toHaveLength(3);
    expect(html.match(/tabindex="0"/g)).toHaveLength(3);
    expect(html).toContain('aria-label="广东: 10 件"');
    expect(html).toContain('aria-pressed="true"');
  });

  it('colours the largest darkest and a region without a value as no data', () => {
    expect(html).toContain(`fill="${SEQUENTIAL_BLUES[4]}"`);
    expect(html).toContain(`fill="${NO_DATA_COLOR}"`);
  });

  it('sizes the grid from the tiles and writes a legend of ranges', () => {
    expect(html).toContain('viewBox="0 0 108 162"');
    expect(html).toContain('无数据');
    expect(html).toContain('0–50');
    expect(html).toContain('50–100');
  });
});

describe('BarList', () => {
  it('draws bars against the largest value, as buttons when rows can be chosen', () => {
    const html = renderToStaticMarkup(
      <BarList
        title="t"
        rows={[
          { key: 'A', label: 'Alpha', value: 50, valueText: '50' },
          { key: 'B', label: 'Beta', value: 25, valueText: '25', note: '+5%' },
        ]}
        onRowClick={() => undefined}
        actionLabel={(r) => `Filter by ${r.label}`}
      />,
    );
    expect(html).toContain('width:100%');
    expect(html).toContain('width:50%');
    expect(html).toContain('aria-label="Filter by Beta"');
    expect(html.match(/<button/g)).toHaveLength(2);
  });
});
