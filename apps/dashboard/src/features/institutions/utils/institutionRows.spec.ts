import { describe, expect, it } from 'vitest';
import { joinInstitutionRows, rankOrderFor, sortInstitutionRows } from './institutionRows';

const ranking = [
  { key: '1', label: '甲银行', count: 500, previousCount: 400, change: 0.25, rate: null },
  { key: '2', label: '乙消费金融', count: 300, previousCount: 100, change: 2, rate: 4.5 },
  { key: '3', label: '丙小贷', count: 300, previousCount: 0, change: null, rate: 9.1 },
];
const handling = [
  {
    institution: null,
    total: 1100,
    responded: 0,
    timely: 0,
    timelyShare: 0.5,
    medianDaysToAnswer: null,
    referredToPolice: 0,
    policeShare: null,
  },
  {
    institution: { id: '2', name: '乙消费金融' },
    total: 300,
    responded: 0,
    timely: 0,
    timelyShare: 0.2,
    medianDaysToAnswer: null,
    referredToPolice: 0,
    policeShare: null,
  },
  {
    institution: { id: '1', name: '甲银行' },
    total: 500,
    responded: 0,
    timely: 0,
    timelyShare: 0.9,
    medianDaysToAnswer: null,
    referredToPolice: 0,
    policeShare: null,
  },
];

describe('institution rows', () => {
  const rows = joinInstitutionRows(ranking, handling);

  it('joins the timely share by institution, none where handling has no row', () => {
    expect(rows.map((r) => [r.id, r.timelyShare])).toEqual([
      ['1', 0.9],
      ['2', 0.2],
      ['3', null],
    ]);
  });

  it('sorts by count, rate and change largest first, missing values last', () => {
    expect(sortInstitutionRows(rows, 'count').map((r) => r.id)).toEqual(['1', '3', '2']);
    expect(sortInstitutionRows(rows, 'rate').map((r) => r.id)).toEqual(['3', '2', '1']);
    expect(sortInstitutionRows(rows, 'change').map((r) => r.id)).toEqual(['2', '1', '3']);
  });

  it('sorts the share answered on time worst first', () => {
    expect(sortInstitutionRows(rows, 'timely').map((r) => r.id)).toEqual(['2', '1', '3']);
  });

  it('asks the API for the order it can give', () => {
    expect([
      rankOrderFor('count'),
      rankOrderFor('rate'),
      rankOrderFor('change'),
      rankOrderFor('timely'),
    ]).toEqual(['COUNT', 'RATE', 'CHANGE', 'COUNT']);
  });
});
