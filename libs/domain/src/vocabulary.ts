// The vocabulary of DOMAIN.md: every code a complaint record can carry, with its
// Chinese and English label. Both apps and the reports read labels from here only.

export type Lang = 'zh' | 'en';
export type Label = Readonly<Record<Lang, string>>;

/** Builds a code list, its type and its labels from one table, so they cannot drift. */
function vocabulary<const T extends Record<string, Label>>(table: T) {
  const codes = Object.keys(table) as (keyof T & string)[];
  return {
    codes: codes as readonly (keyof T & string)[],
    labels: table as Readonly<Record<keyof T & string, Label>>,
    is(value: unknown): value is keyof T & string {
      return typeof value === 'string' && Object.prototype.hasOwnProperty.call(table, value);
    },
  };
}

export const CATEGORY = vocabulary({
  THREAT: { zh: '威胁恐吓', en: 'Threats and intimidation' },
  INSULT: { zh: '辱骂侮辱', en: 'Insults and abuse' },
  THIRD_PARTY: { zh: '骚扰第三方', en: 'Contacting third parties' },
  EXCESSIVE_CONTACT: { zh: '频繁催收', en: 'Excessive contact' },
  OFF_HOURS: { zh: '非合理时间催收', en: 'Contact at unreasonable hours' },
  IMPERSONATION: { zh: '冒充公检法', en: 'Impersonating authorities' },
  PRIVACY_DISCLOSURE: { zh: '泄露隐私', en: 'Disclosure of private data' },
  VISIT: { zh: '上门催收', en: 'Visits to home or work' },
  VIOLENCE: { zh: '暴力', en: 'Violence or confinement' },
  DECEPTION: { zh: '虚假陈述', en: 'Deception' },
});
export type Category = (typeof CATEGORY.codes)[number];

export const CHANNEL = vocabulary({
  PHONE_CALL: { zh: '电话', en: 'Phone call' },
  SMS: { zh: '短信', en: 'Text message' },
  SOCIAL_MEDIA: { zh: '社交媒体', en: 'Social media' },
  VISIT_HOME: { zh: '上门（住所）', en: 'Visit at home' },
  VISIT_WORKPLACE: { zh: '上门（单位）', en: 'Visit at workplace' },
  LETTER: { zh: '信函', en: 'Letter' },
  EMAIL: { zh: '电子邮件', en: 'E-mail' },
  APP_PUSH: { zh: 'App推送', en: 'App notification' },
  OTHER: { zh: '其他', en: 'Other' },
});
export type Channel = (typeof CHANNEL.codes)[number];

export const SOURCE = vocabulary({
  HOTLINE: { zh: '12378热线', en: 'Regulator hotline (12378)' },
  CONSUMER_ASSOCIATION: { zh: '消费者协会（12315）', en: 'Consumer association (12315)' },
  POLICE: { zh: '公安报案', en: 'Police report' },
  ONLINE_PLATFORM: { zh: '网络投诉平台', en: 'Online complaint platform' },
  INSTITUTION: { zh: '机构自有渠道', en: "Institution's own channel" },
  MEDIA: { zh: '媒体', en: 'Media' },
  INTAKE: { zh: '本系统录入', en: 'Entered here' },
  FILE_IMPORT: { zh: '文件导入', en: 'File import' },
  CFPB: { zh: '美国CFPB', en: 'US CFPB' },
});
export type Source = (typeof SOURCE.codes)[number];

export const PRODUCT = vocabulary({
  BUSINESS_LOAN: { zh: '经营贷', en: 'Business loan' },
  CONSUMER_LOAN: { zh: '消费贷', en: 'Consumer loan' },
  CREDIT_CARD: { zh: '信用卡', en: 'Credit card' },
  BNPL: { zh: '先享后付', en: 'Buy now, pay later' },
  OTHER: { zh: '其他', en: 'Other' },
});
export type Product = (typeof PRODUCT.codes)[number];

export const STATUS = vocabulary({
  RECEIVED: { zh: '已受理', en: 'Received' },
  FORWARDED: { zh: '已转办', en: 'Forwarded' },
  RESPONDED: { zh: '机构已答复', en: 'Responded' },
  MEDIATED: { zh: '已调解', en: 'Mediated' },
  CLOSED: { zh: '已办结', en: 'Closed' },
  REFERRED_TO_POLICE: { zh: '已移送公安', en: 'Referred to police' },
});
export type Status = (typeof STATUS.codes)[number];

export const EVIDENCE = vocabulary({
  RECORDING: { zh: '录音', en: 'Recording' },
  SCREENSHOT: { zh: '截图', en: 'Screenshot' },
  DOCUMENT: { zh: '书面材料', en: 'Document' },
  WITNESS: { zh: '证人', en: 'Witness' },
});
export type Evidence = (typeof EVIDENCE.codes)[number];

export const INSTITUTION_TYPE = vocabulary({
  BANK: { zh: '商业银行', en: 'Commercial bank' },
  INTERNET_BANK: { zh: '互联网银行', en: 'Internet bank' },
  CONSUMER_FINANCE: { zh: '消费金融公司', en: 'Consumer finance company' },
  MICROLOAN: { zh: '小额贷款公司', en: 'Micro-loan company' },
  LOAN_PLATFORM: { zh: '助贷平台', en: 'Loan facilitation platform' },
  OTHER: { zh: '其他', en: 'Other' },
});
export type InstitutionType = (typeof INSTITUTION_TYPE.codes)[number];

/** Days an institution has to answer before a complaint counts as late (simple cases). */
export const TIMELY_RESPONSE_DAYS = 15;

/** Local hours (Asia/Shanghai) in which contact is off-hours: from 22:00 to 08:00. */
export const OFF_HOURS = { fromHour: 22, toHour: 8 } as const;
