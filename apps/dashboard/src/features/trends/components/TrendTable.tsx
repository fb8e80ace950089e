import type { ColoredSeries, TrendRow } from '@cw/charts';
import { useI18n } from '../../../app/I18nProvider';

interface Props {
  id: string;
  caption: string;
  rows: readonly TrendRow[];
  series: readonly (ColoredSeries & { total: number })[];
}

/** The chart's numbers as a table: the accessible alternative to the picture. */
export function TrendTable({ id, caption, rows, series }: Props) {
  const { t, formatNumber } = useI18n();
  return (
    <div className="table-wrap" id={id} tabIndex={0} role="region" aria-label={caption}>
      <table className="data-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('tablePeriod')}</th>
            {series.map((s) => (
              <th key={s.key} scope="col" className="num">
                <span className="swatch" style={{ background: s.color }} aria-hidden="true" />
                {s.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.period}>
              <th scope="row">{row.label}</th>
              {series.map((s) => (
                <td key={s.key} className="num">
                  {formatNumber(row.values[s.key] ?? 0)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('tableTotal')}</th>
            {series.map((s) => (
              <td key={s.key} className="num">
                {formatNumber(s.total)}
              </td>
            ))}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
