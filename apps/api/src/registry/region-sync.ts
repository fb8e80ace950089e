// Keeps the regions table equal to the region table in @cw/domain (reference data that
// changes with the package, not with migrations).
import type { DataSource } from 'typeorm';
import { CITIES, PROVINCES } from '@cw/domain';

export async function syncRegions(db: DataSource): Promise<void> {
  const all = [...PROVINCES, ...CITIES];
  await db.query(
    `INSERT INTO regions (code, country, level, name_zh, short_zh, name_en, province_code)
     SELECT code, 'CN', level, name_zh, short_zh, name_en, province_code
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[])
       AS r(code, level, name_zh, short_zh, name_en, province_code)
     ON CONFLICT (code) DO UPDATE SET level = excluded.level, name_zh = excluded.name_zh,
       short_zh = excluded.short_zh, name_en = excluded.name_en, province_code = excluded.province_code
     WHERE (regions.level, regions.name_zh, regions.short_zh, regions.name_en, regions.province_code)
       IS DISTINCT FROM (excluded.level, excluded.name_zh, excluded.short_zh, excluded.name_en, excluded.province_code)`,
    [
      all.map((r) => r.code),
      all.map((r) => r.level),
      all.map((r) => r.nameZh),
      all.map((r) => r.shortZh),
      all.map((r) => r.nameEn),
      all.map((r) => r.provinceCode),
    ],
  );
}
