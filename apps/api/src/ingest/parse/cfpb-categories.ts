// How the CFPB's debt-collection Issue / Sub-issue pairs map onto this product's conduct
// categories (DOMAIN.md) and contact channels. The table covers every pair found in the two
// sample extracts in shared/data/cfpb (2015-2020 and 2012-2026), including the pre-2017
// wording ("Cont'd attempts collect debt not owed", "Taking/threatening an illegal action").
//
// Rules applied:
// - a category only for abusive conduct in DOMAIN.md's sense; disputes about the debt itself
//   (not owed, already paid, identity theft), missing notices and lawful legal steps (suing,
//   garnishing, reporting to credit bureaus) map to none;
// - repeated contact after being told to stop counts as EXCESSIVE_CONTACT ("new numbers after
//   blocking"); threats to sue on a time-barred debt count as THREAT, as do threats of arrest;
//   a false claim that not paying is a crime is DECEPTION ("lying about legal consequences");
// - a channel only when the sub-issue says how they made contact ("calls" -> PHONE_CALL).
import type { Category, Channel, Product, Status } from '@cw/domain';
import { matchKey } from './values.js';

export interface CfpbIssueMapping {
  issue: string;
  subIssue: string;
  categories: readonly Category[];
  channels: readonly Channel[];
}

const row = (
  issue: string,
  subIssue: string,
  categories: readonly Category[] = [],
  channels: readonly Channel[] = [],
): CfpbIssueMapping => ({ issue, subIssue, categories, channels });

const NOT_OWED = 'Attempts to collect debt not owed';
const NOT_OWED_OLD = "Cont'd attempts collect debt not owed";
const TACTICS = 'Communication tactics';
const VERIFICATION_OLD = 'Disclosure verification of debt';
const FALSE_STATEMENTS = 'False statements or representation';
const IMPROPER_CONTACT_OLD = 'Improper contact or sharing of info';
const ILLEGAL_ACTION_OLD = 'Taking/threatening an illegal action';
const SHARE_INFO = 'Threatened to contact someone or share information improperly';
const LEGAL_ACTION = 'Took or threatened to take negative or legal action';
const NOTIFICATION = 'Written notification about debt';

export const CFPB_ISSUE_MAPPING: readonly CfpbIssueMapping[] = [
  row(NOT_OWED, 'Debt is not yours'),
  row(NOT_OWED, 'Debt was already discharged in bankruptcy and is no longer owed'),
  row(NOT_OWED, 'Debt was paid'),
  row(NOT_OWED, 'Debt was result of identity theft'),
  row(NOT_OWED_OLD, 'Debt is not mine'),
  row(NOT_OWED_OLD, 'Debt resulted from identity theft'),
  row(NOT_OWED_OLD, 'Debt was paid'),
  row(TACTICS, 'Called after sent written cease of comm', ['EXCESSIVE_CONTACT'], ['PHONE_CALL']),
  row(TACTICS, 'Called before 8am or after 9pm', ['OFF_HOURS'], ['PHONE_CALL']),
  row(TACTICS, 'Frequent or repeated calls', ['EXCESSIVE_CONTACT'], ['PHONE_CALL']),
  row(TACTICS, 'Used obscene, profane, or other abusive language', ['INSULT']),
  row(TACTICS, 'Used obscene/profane/abusive language', ['INSULT']),
  row(TACTICS, 'You told them to stop contacting you, but they keep trying', ['EXCESSIVE_CONTACT']),
  row(VERIFICATION_OLD, 'Not given enough info to verify debt'),
  row(VERIFICATION_OLD, 'Right to dispute notice not received'),
  row(FALSE_STATEMENTS, 'Attempted to collect wrong amount', ['DECEPTION']),
  row(FALSE_STATEMENTS, 'Impersonated attorney, law enforcement, or government official', [
    'IMPERSONATION',
  ]),
  row(FALSE_STATEMENTS, 'Indicated you were committing crime by not paying debt', ['DECEPTION']),
  row(FALSE_STATEMENTS, 'Told you not to respond to a lawsuit they filed against you', [
    'DECEPTION',
  ]),
  row(IMPROPER_CONTACT_OLD, 'Contacted employer after asked not to', ['THIRD_PARTY']),
  row(IMPROPER_CONTACT_OLD, 'Contacted me after I asked not to', ['EXCESSIVE_CONTACT']),
  row(ILLEGAL_ACTION_OLD, 'Threatened arrest/jail if do not pay', ['THREAT']),
  row(ILLEGAL_ACTION_OLD, 'Threatened to sue on too old debt', ['THREAT']),
  row(SHARE_INFO, 'Contacted you after you asked them to stop', ['EXCESSIVE_CONTACT']),
  row(SHARE_INFO, 'Contacted your employer', ['THIRD_PARTY']),
  row(SHARE_INFO, 'Talked to a third-party about your debt', ['THIRD_PARTY']),
  row(LEGAL_ACTION, 'Collected or attempted to collect exempt funds'),
  row(LEGAL_ACTION, 'Seized or attempted to seize your property'),
  row(LEGAL_ACTION, 'Sued you in a state where you do not live or did not sign for the debt'),
  row(LEGAL_ACTION, 'Sued you without properly notifying you of lawsuit'),
  row(LEGAL_ACTION, 'Threatened or suggested your credit would be damaged'),
  row(LEGAL_ACTION, 'Threatened to arrest you or take you to jail if you do not pay', ['THREAT']),
  row(LEGAL_ACTION, 'Threatened to sue you for very old debt', ['THREAT']),
  row(NOTIFICATION, "Didn't receive enough information to verify debt"),
  row(NOTIFICATION, "Didn't receive notice of right to dispute"),
  row(NOTIFICATION, "Notification didn't disclose it was an attempt to collect a debt"),
];

const pairKey = (issue: string, subIssue: string) => `${matchKey(issue)}|${matchKey(subIssue)}`;

const BY_PAIR: ReadonlyMap<string, CfpbIssueMapping> = new Map(
  CFPB_ISSUE_MAPPING.map((m) => [pairKey(m.issue, m.subIssue), m]),
);

/** The mapping of an Issue / Sub-issue pair (case, spacing and punctuation ignored), if known. */
export function cfpbIssueMapping(issue: string, subIssue: string): CfpbIssueMapping | undefined {
  return BY_PAIR.get(pairKey(issue, subIssue));
}

/** `Company response to consumer` -> status. */
export const CFPB_STATUS: Readonly<Record<string, Status>> = {
  'Closed with explanation': 'CLOSED',
  'Closed with non-monetary relief': 'CLOSED',
  'Closed with monetary relief': 'CLOSED',
  'Closed with relief': 'CLOSED',
  'Closed without relief': 'CLOSED',
  Closed: 'CLOSED',
  'In progress': 'FORWARDED',
  'Untimely response': 'FORWARDED',
};

const STATUS_BY_KEY: ReadonlyMap<string, Status> = new Map(
  Object.entries(CFPB_STATUS).map(([k, v]) => [matchKey(k), v]),
);

export function cfpbStatus(response: string): Status | undefined {
  return STATUS_BY_KEY.get(matchKey(response));
}

/** `Sub-product` -> product; every other sub-product (medical, auto, student loan...) is OTHER. */
export const CFPB_PRODUCT: Readonly<Record<string, Product>> = {
  'Credit card debt': 'CREDIT_CARD',
  'Credit card': 'CREDIT_CARD',
  'Payday loan debt': 'CONSUMER_LOAN',
  'Payday loan': 'CONSUMER_LOAN',
  'Installment loan': 'CONSUMER_LOAN',
  'Installment loan debt': 'CONSUMER_LOAN',
};

const PRODUCT_BY_KEY: ReadonlyMap<string, Product> = new Map(
  Object.entries(CFPB_PRODUCT).map(([k, v]) => [matchKey(k), v]),
);

export function cfpbProduct(subProduct: string): Product {
  return PRODUCT_BY_KEY.get(matchKey(subProduct)) ?? 'OTHER';
}
