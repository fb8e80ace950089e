// Sentence templates for demo narratives, one list per conduct category, in Chinese and
// English. Personal data appears only as the placeholders redaction leaves behind.
import type { Category } from '@cw/domain';
import type { Random } from './random.js';

const ZH: Record<Category, string[]> = {
  THREAT: [
    '催收人员在电话中威胁说如果不还钱就让我坐牢。',
    '对方扬言要找人上门"处理"我，还说知道我孩子在哪上学。',
    '催收员威胁要让我丢掉工作，说会通知单位领导。',
  ],
  INSULT: [
    '催收员在电话里用极其难听的话辱骂我和家人。',
    '对方发短信侮辱我，言语非常下流。',
    '每次通话都夹杂脏话，骂我是骗子、老赖。',
  ],
  THIRD_PARTY: [
    '他们给我通讯录里的亲戚朋友挨个打电话，说我欠钱不还。',
    '催收人员联系了我的同事和领导，导致我在单位抬不起头。',
    '我母亲和妹妹都接到了催收电话，被要求替我还款。',
  ],
  EXCESSIVE_CONTACT: [
    '一天之内接到三十多个催收电话，拉黑后又换新号码继续打。',
    '对方用多个号码轮番轰炸，短信一天几十条。',
    '连续一周每天不停打电话，严重影响正常生活。',
  ],
  OFF_HOURS: [
    '凌晨两点还在给我打催收电话。',
    '晚上十一点以后连续来电，家人无法休息。',
    '早上六点不到就开始打电话催款。',
  ],
  IMPERSONATION: [
    '对方自称是公安局民警，说要对我立案抓捕。',
    '收到一封所谓律师函，盖着假公章，说法院马上强制执行。',
    '有人冒充法院工作人员打电话，称已对我发起诉讼。',
  ],
  PRIVACY_DISCLOSURE: [
    '他们把我的照片和身份证信息发到了微信群里。',
    '催收方在朋友圈发布我的"通缉令"，写着欠款不还。',
    '对方把我的欠款信息发给了小区业主群。',
  ],
  VISIT: [
    '两名催收人员直接到我家门口蹲守，敲门不走。',
    '催收人员跑到我工作的单位找我，在办公室大声喧哗。',
    '对方说已经派人上门，第二天果然有人来到我家楼下。',
  ],
  VIOLENCE: [
    '上门的催收人员推搡了我，并砸坏了家里的门锁。',
    '对方把我堵在车里不让离开，持续了好几个小时。',
  ],
  DECEPTION: [
    '催收员说的欠款金额比合同多出一倍，还有各种不明费用。',
    '对方谎称不还款会影响子女考公务员和上学。',
    '催收人员声称逾期会被列为刑事犯罪，这明显是虚假说法。',
  ],
};

const EN: Record<Category, string[]> = {
  THREAT: [
    'The collector threatened that I would be arrested and sent to jail if I did not pay today.',
    'They said they would send people to deal with me and that they knew where my kids go to school.',
  ],
  INSULT: [
    'The agent used obscene and degrading language on every call.',
    'I was called a cheat and a deadbeat in abusive text messages.',
  ],
  THIRD_PARTY: [
    'They called everyone in my contact list and told them I refuse to pay my debt.',
    'The collector contacted my employer and my colleagues about the loan.',
  ],
  EXCESSIVE_CONTACT: [
    'I received more than thirty calls in one day; after I blocked the number they used new ones.',
    'They called and texted dozens of times a day for a week.',
  ],
  OFF_HOURS: [
    'They kept calling me at 2 a.m.',
    'Calls started after 11 p.m. and continued until early morning.',
  ],
  IMPERSONATION: [
    'A caller claimed to be a police officer and said a warrant had been issued for me.',
    'I received a fake lawyer letter saying the court would seize my property next week.',
  ],
  PRIVACY_DISCLOSURE: [
    'They posted my photo and ID details in a group chat.',
    'My debt was published on social media with a "wanted" poster.',
  ],
  VISIT: [
    'Two collectors came to my home and refused to leave.',
    'A collector showed up at my workplace and made a scene.',
  ],
  VIOLENCE: [
    'The collectors pushed me and damaged my front door.',
    'They blocked me in my car and would not let me leave for hours.',
  ],
  DECEPTION: [
    'The amount they demanded was double what my contract says, with unexplained fees.',
    'They lied that not paying is a criminal offence.',
  ],
};

const ZH_OPENINGS = [
  '本人于{product}借款后逾期，',
  '我在该平台借了一笔钱，因失业暂时无法还款，',
  '因生意周转困难逾期{days}天，',
  '',
];
const ZH_CLOSINGS = [
  '我有通话录音和截图为证，请求监管部门处理。',
  '催收人员留下的联系电话是[手机号]。',
  '希望相关部门依法查处这种暴力催收行为。',
  '',
];
const EN_CLOSINGS = [
  'I have recordings and screenshots. Please investigate.',
  'The number they called from was [PHONE].',
  '',
];

export interface DemoNarrative {
  text: string;
  /** Categories the text actually expresses (what a classifier should find). */
  expressed: Category[];
}

/** A narrative expressing `categories` (all of them, or all but one left unsaid). */
export function demoNarrative(
  random: Random,
  categories: readonly Category[],
  english: boolean,
  overdueDays: number | null,
): DemoNarrative {
  // Complainants often leave one thing out of the story that they did tick on the form.
  const expressed =
    categories.length > 1 && random.chance(0.25) ? categories.slice(0, -1) : [...categories];
  const sentences = expressed.map((c) => random.pick((english ? EN : ZH)[c]));
  if (english)
    return { text: [...sentences, random.pick(EN_CLOSINGS)].join(' ').trim(), expressed };
  const opening = random
    .pick(ZH_OPENINGS)
    .replace('{product}', '网贷平台')
    .replace('{days}', String(overdueDays ?? 30));
  return { text: (opening + sentences.join('') + random.pick(ZH_CLOSINGS)).trim(), expressed };
}
