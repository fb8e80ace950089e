import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

/** A province, prefecture-level city or US state; kept in step with @cw/domain at start. */
@Entity('regions')
@Check(`country IN ('CN', 'US')`)
@Check(`level IN ('PROVINCE', 'CITY')`)
@Check(`population >= 0`)
export class RegionEntity {
  @PrimaryColumn('text')
  code!: string;

  @Column('text')
  country!: 'CN' | 'US';

  @Column('text')
  level!: 'PROVINCE' | 'CITY';

  @Column('text', { name: 'name_zh' })
  nameZh!: string;

  @Column('text', { name: 'short_zh' })
  shortZh!: string;

  @Column('text', { name: 'name_en' })
  nameEn!: string;

  @Column('text', { name: 'province_code' })
  provinceCode!: string;

  /** Resident population (7th census, 2020) for provinces; null where unknown. */
  @Column('bigint', { nullable: true })
  population!: string | null;
}
