import { describe, expect, it } from 'vitest';
import { CANONICAL_FIELDS, FileError } from '../ingest-row.js';
import { HEADER_ALIASES, fieldForHeader, mapColumns, normaliseRow } from './canonical-row.js';

describe('header names', () => {
  it('knows every canonical column by its own name and its Chinese names', () => {
    for (const field of CANONICAL_FIELDS) {
      expect(fieldForHeader(field)).toBe(field);
      for (const alias of HEADER_ALIASES[field]) expect(fieldForHeader(alias)).toBe(field);
    }
  });

  it.each([
    ['External_ID', 'external_id'],
    [' external id ', 'external_id'],
    ['externalId', 'external_id'],
    ['ＥＸＴＥＲＮＡＬ＿ＩＤ', 'external_id'],
    ['received-at', 'received_at'],
    ['受理时间*', 'received_at'],
    ['欠款金额（元）', 'amount_owed'],
    ['省 份', 'province'],
    ['collectionAgency', 'collection_agency'],
    ['发生时间', 'incident_at'],
    ['证据', 'evidence'],
  ])('%s -> %s', (header, field) => {
    expect(fieldForHeader(header)).toBe(field);
  });

  it('knows no other names', () => {
    expect(fieldForHeader('备注')).toBeNull();
    expect(fieldForHeader('')).toBeNull();
  });
});

describe('mapColumns', () => {
  const required = ['external_id', 'received_at', 'institution', 'province'];

  it('maps columns to fields and reports unknown ones once', () => {
    const warnings: string[] = [];
    const map = mapColumns([...required, '备注', '', 'city'], (w) => warnings.push(w));
    expect([...map]).toEqual([
      ['external_id', 0],
      ['received_at', 1],
      ['institution', 2],
      ['province', 3],
      ['city', 6],
    ]);
    expect(warnings).toEqual(['ignored unknown columns: 备注']);
  });

  it.each([
    [['external_id;received_at;institution;province'], /containing semicolons/],
    [['external_id\treceived_at\tinstitution\tprovince'], /containing tabs/],
    [['external_id|received_at|institution|province'], /containing pipes/],
    [['外部编号；受理时间；机构；省份'], /containing semicolons/],
    [
      [...required, 'Province'],
      /^duplicated columns: "province" and "Province" \(both province\)$/,
    ],
    [
      ['external_id', 'city'],
      /^missing required columns: received_at \(受理时间\), institution \(机构\), province \(省份\)$/,
    ],
    [['', ' '], /^the header row is empty$/],
  ])('%j throws %s', (headers, message) => {
    expect(() => mapColumns(headers)).toThrow(FileError);
    expect(() => mapColumns(headers)).toThrow(message);
  });
});

describe('normaliseRow', () => {
  const context = { now: new Date('2025-12-31T16:00:00Z') };
  const base = { external_id: 'X', received_at: '2024-07-01', institution: '示例银行' };

  it('gives the same answer for a place name the second time (cached)', () => {
    for (let i = 0; i < 2; i++) {
      expect(normaliseRow(1, { ...base, province: '浙江', city: '成都' }, context)).toEqual({
        kind: 'rejected',
        errors: [
          {
            rowNumber: 1,
            field: 'city',
            value: '成都',
            reason: 'city "成都" is not in province 浙江省 (330000)',
          },
        ],
      });
      const ok = normaliseRow(1, { ...base, province: '浙江', city: '温州' }, context);
      expect(ok?.kind === 'ok' && ok.row.cityCode).toBe('330300');
    }
  });

  it('reads US states in the province column', () => {
    for (const province of ['US-NY', 'us-ny']) {
      const row = normaliseRow(1, { ...base, province }, context);
      expect(row?.kind === 'ok' && row.row.provinceCode).toBe('US-NY');
    }
  });

  it('rejects undecodable characters, naming the field', () => {
    expect(
      normaliseRow(1, { ...base, province: '浙江', narrative: 'ab\uFFFDcd' }, context),
    ).toEqual({
      kind: 'rejected',
      errors: [
        {
          rowNumber: 1,
          field: 'narrative',
          value: 'ab\uFFFDcd',
          reason:
            'holds bytes that are not valid in the file encoding (UTF-8 or GB18030): save the file again in one encoding',
        },
      ],
    });
  });

  it('returns null for a blank row', () => {
    expect(normaliseRow(1, { external_id: ' ', channels: [] }, context)).toBeNull();
  });
});
