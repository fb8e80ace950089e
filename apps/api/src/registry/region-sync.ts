// Keeps the regions table equal to the region tables in @cw/domain (China and US states) (reference data that
// changes with the package, not with migrations).
import type { DataSource } from 'typeorm';
import { CITIES, PROVINCES, US_STATES } from '@cw/domain';

export async function syncRegions(db: DataSource): Promise<void> {
  const rows = [
    ...[...PROVINCES, ...CITIES].map((r) => ({ ...r, country: 'CN' })),
    // US states, for complaints from the CFPB database.
    ...US_STATES.map((s) => ({
      code: s.code,
      country: 'US',
      level: 'PROVINCE',
      nameZh: s.nameZh,
      shortZh: s.nameZh,
      nameEn: s.nameEn,
      provinceCode: s.code,
    })),
  ];
  await db.query(
    `INSERT INTO regions (code, country, level, name_zh, short_zh, name_en, province_code)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])
     ON CONFLICT (code) DO UPDATE SET country = excluded.country, level = excluded.level, name_zh = excluded.name_zh,
       short_zh = excluded.short_zh, name_en = excluded.name_en, province_code = excluded.province_code
     WHERE (regions.country, regions.level, regions.name_zh, regions.short_zh, regions.name_en, regions.province_code)
       IS DISTINCT FROM (excluded.country, excluded.level, excluded.name_zh, excluded.short_zh, excluded.name_en, excluded.province_code)`,
    [
      rows.map((r) => r.code),
      rows.map((r) => r.country),
      rows.map((r) => r.level),
      rows.map((r) => r.nameZh),
      rows.map((r) => r.shortZh),
      rows.map((r) => r.nameEn),
      rows.map((r) => r.provinceCode),
    ],
  );
}
