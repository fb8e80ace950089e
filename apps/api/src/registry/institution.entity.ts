import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { InstitutionType } from '@cw/domain';

/** A lender: bank, internet bank, consumer-finance or micro-loan company, loan platform. */
@Entity('institutions')
@Check(`length(btrim(name)) BETWEEN 1 AND 200`)
@Check(
  `type IN ('BANK', 'INTERNET_BANK', 'CONSUMER_FINANCE', 'MICROLOAN', 'LOAN_PLATFORM', 'OTHER')`,
)
@Check(`credit_code_is_valid(credit_code)`)
@Check(`active_borrowers >= 0`)
export class InstitutionEntity {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'ALWAYS' })
  id!: number;

  @Column('text', { unique: true })
  name!: string;

  @Column('text', { default: 'OTHER' })
  type!: InstitutionType;

  /** Unified social credit code (GB 32100), checked by its check character. */
  @Column('text', { name: 'credit_code', unique: true, nullable: true })
  creditCode!: string | null;

  /** Product and short names it is also known by (网商贷 for 网商银行). */
  @Index('institutions_aliases_idx')
  @Column('text', { array: true, default: () => `'{}'` })
  aliases!: string[];

  /** Borrowers with an outstanding loan, when known: the denominator of its rate. */
  @Column('integer', { name: 'active_borrowers', nullable: true })
  activeBorrowers!: number | null;

  /** Invented for the demo data set. */
  @Column('boolean', { default: false })
  synthetic!: boolean;

  /** Created from an unrecognised name on import; waits for a data steward's review. */
  @Column('boolean', { default: false })
  provisional!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
