import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

/** A third-party collection firm acting for lenders. */
@Entity('collection_agencies')
@Check(`length(btrim(name)) BETWEEN 1 AND 200`)
@Check(`credit_code_is_valid(credit_code)`)
export class CollectionAgencyEntity {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'ALWAYS' })
  id!: number;

  @Column('text', { unique: true })
  name!: string;

  @Column('text', { name: 'credit_code', unique: true, nullable: true })
  creditCode!: string | null;

  @Column('text', { array: true, default: () => `'{}'` })
  aliases!: string[];

  @Column('boolean', { default: false })
  synthetic!: boolean;

  @Column('boolean', { default: false })
  provisional!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
