import { describe, expect, it } from 'vitest';
import type { Category, Channel } from '@cw/domain';
import { classifyNarrative } from './classify.js';

type Case = readonly [text: string, categories: readonly Category[], channels?: readonly Channel[]];

function check(cases: readonly Case[]) {
  const rows = cases.map(([text, categories, channels]) => ({ text, categories, channels }));
  it.each(rows)('$text', ({ text, categories, channels }) => {
    const result = classifyNarrative(text);
    expect(result.categories).toEqual([...categories].sort(byCategory));
    if (channels !== undefined) expect(result.channels).toEqual([...channels].sort(byChannel));
  });
}

const CATEGORY_ORDER: readonly Category[] = [
  'THREAT',
  'INSULT',
  'THIRD_PARTY',
  'EXCESSIVE_CONTACT',
  'OFF_HOURS',
  'IMPERSONATION',
  'PRIVACY_DISCLOSURE',
  'VISIT',
  'VIOLENCE',
  'DECEPTION',
];
const CHANNEL_ORDER: readonly Channel[] = [
  'PHONE_CALL',
  'SMS',
  'SOCIAL_MEDIA',
  'VISIT_HOME',
  'VISIT_WORKPLACE',
  'LETTER',
  'EMAIL',
  'APP_PUSH',
  'OTHER',
];
const byCategory = (a: Category, b: Category) =>
  CATEGORY_ORDER.indexOf(a) - CATEGORY_ORDER.indexOf(b);
const byChannel = (a: Channel, b: Channel) => CHANNEL_ORDER.indexOf(a) - CHANNEL_ORDER.indexOf(b);

describe('classifyNarrative: THREAT', () => {
  check([
    ['催收人员在电话里威胁我，说不还钱就让我好看', ['THREAT'], ['PHONE_CALL']],
    ['对方恐吓我说知道我家住哪里', ['THREAT']],
    ['他们扬言要找人收拾我', ['THREAT']],
    ['说再不还款就让我坐牢', ['THREAT']],
    ['催收员放狠话：你等着，后果自负', ['THREAT']],
    ['说要让我丢工作，身败名裂', ['THREAT']],
    ['他说出门小心点，注意你孩子的学校', ['THREAT']],
    ['The collector threatened to have me arrested.', ['THREAT']],
    ['They said I would go to jail if I did not pay by Friday.', ['THREAT']],
    ['He told me I would lose my job and that they know where I live.', ['THREAT']],
    ['The agent was intimidating and said something bad could happen to my family.', ['THREAT']],
  ]);
});

describe('classifyNarrative: INSULT', () => {
  check([
    ['催收员在电话里破口大骂，满嘴脏话', ['INSULT'], ['PHONE_CALL']],
    ['对方辱骂我是老赖，说我不要脸', ['INSULT']],
    ['发短信骂我全家不得好死', ['INSULT'], ['SMS']],
    ['说话非常难听，进行人身攻击', ['INSULT']],
    ['The caller cursed at me and called me a deadbeat.', ['INSULT'], ['PHONE_CALL']],
    ['She used profanity and obscene language on every call.', ['INSULT'], ['PHONE_CALL']],
    ['The agent yelled at me and tried to humiliate me.', ['INSULT']],
  ]);
});

describe('classifyNarrative: THIRD_PARTY', () => {
  check([
    ['他们爆了我的通讯录，亲戚朋友都知道了', ['THIRD_PARTY']],
    ['催收打电话给我父母和同事', ['THIRD_PARTY'], ['PHONE_CALL']],
    ['给我领导打电话说我欠钱不还', ['THIRD_PARTY']],
    ['他们打到我单位，害得我被领导约谈', ['THIRD_PARTY'], ['PHONE_CALL']],
    ['我的紧急联系人天天接到催收电话', ['THIRD_PARTY', 'EXCESSIVE_CONTACT'], ['PHONE_CALL']],
    ['我老婆也收到了催收短信', ['THIRD_PARTY'], ['SMS']],
    ['They called my employer and my mother about the debt.', ['THIRD_PARTY'], ['PHONE_CALL']],
    ['The collector contacted my neighbors and coworkers.', ['THIRD_PARTY']],
    ['My sister has been getting calls from them too.', ['THIRD_PARTY'], ['PHONE_CALL']],
    ['They texted everyone in my contact list.', ['THIRD_PARTY'], ['SMS']],
  ]);
});

describe('classifyNarrative: EXCESSIVE_CONTACT', () => {
  check([
    ['一天打了三十多个电话', ['EXCESSIVE_CONTACT'], ['PHONE_CALL']],
    ['每天打五六次电话催款', ['EXCESSIVE_CONTACT'], ['PHONE_CALL']],
    ['半小时内打了5个电话', ['EXCESSIVE_CONTACT'], ['PHONE_CALL']],
    ['用呼死你软件轰炸我的手机', ['EXCESSIVE_CONTACT'], ['PHONE_CALL']],
    ['我拉黑以后他们又换号码继续打', ['EXCESSIVE_CONTACT']],
    ['电话一个接一个，从早到晚响个不停', ['EXCESSIVE_CONTACT'], ['PHONE_CALL']],
    ['收到了几十条催收短信', ['EXCESSIVE_CONTACT'], ['SMS']],
    ['They call me dozens of times a day.', ['EXCESSIVE_CONTACT'], ['PHONE_CALL']],
    [
      'I received 40 calls in one day from different numbers.',
      ['EXCESSIVE_CONTACT'],
      ['PHONE_CALL'],
    ],
    ['They keep calling even after I blocked their number.', ['EXCESSIVE_CONTACT'], ['PHONE_CALL']],
    ['The calls come every 15 minutes.', ['EXCESSIVE_CONTACT'], ['PHONE_CALL']],
    ['He called me constantly, eight times a day.', ['EXCESSIVE_CONTACT'], ['PHONE_CALL']],
  ]);
  it('does not count a few calls or months', () => {
    expect(classifyNarrative('一天打了三个电话').categories).toEqual([]);
    expect(classifyNarrative('逾期三个月了，打过两次电话').categories).toEqual([]);
    expect(classifyNarrative('They called me twice last week.').categories).toEqual([]);
  });
});

describe('classifyNarrative: OFF_HOURS', () => {
  check([
    ['凌晨两点还在打电话', ['OFF_HOURS'], ['PHONE_CALL']],
    ['晚上十一点多发短信催款', ['OFF_HOURS'], ['SMS']],
    ['半夜打电话把孩子吵醒了', ['OFF_HOURS'], ['PHONE_CALL']],
    ['23:30打来电话', ['OFF_HOURS'], ['PHONE_CALL']],
    ['早上6点就开始打电话', ['OFF_HOURS'], ['PHONE_CALL']],
    ['每天早上八点前就打电话来', ['OFF_HOURS'], ['PHONE_CALL']],
    ['They called me at 2 am.', ['OFF_HOURS'], ['PHONE_CALL']],
    ['Calls came after 10pm almost every night.', ['OFF_HOURS'], ['PHONE_CALL']],
    ['The texts arrive at 11:45 p.m.', ['OFF_HOURS'], ['SMS']],
    ['He rang at three in the morning.', ['OFF_HOURS'], ['PHONE_CALL']],
    ['They call me late at night.', ['OFF_HOURS'], ['PHONE_CALL']],
  ]);
  it('does not count daytime hours', () => {
    expect(classifyNarrative('下午三点打来电话').categories).toEqual([]);
    expect(classifyNarrative('晚上八点打来电话').categories).toEqual([]);
    expect(classifyNarrative('早上8点打来电话').categories).toEqual([]);
    expect(classifyNarrative('They called at 9:30 am and 4 pm.').categories).toEqual([]);
    expect(classifyNarrative('小心一点，早一点还钱').categories).toEqual(['THREAT']);
  });
});

describe('classifyNarrative: IMPERSONATION', () => {
  check([
    ['对方冒充律师给我打电话', ['IMPERSONATION'], ['PHONE_CALL']],
    ['自称是法院的工作人员，说已经立案', ['IMPERSONATION', 'DECEPTION']],
    ['寄来一份假的律师函', ['IMPERSONATION'], ['LETTER']],
    ['冒充公检法，说要发传票', ['THREAT', 'IMPERSONATION']],
    ['以派出所的名义发短信', ['IMPERSONATION'], ['SMS']],
    ['The caller posed as a police officer.', ['IMPERSONATION'], ['PHONE_CALL']],
    ['He claimed to be an attorney from a law firm.', ['IMPERSONATION']],
    ['I got a fake subpoena in the mail.', ['IMPERSONATION'], ['LETTER']],
    ['They said they were from the sheriff department.', ['IMPERSONATION']],
  ]);
});

describe('classifyNarrative: PRIVACY_DISCLOSURE', () => {
  check([
    ['把我的照片P成通缉令发到朋友圈', ['PRIVACY_DISCLOSURE'], ['SOCIAL_MEDIA']],
    ['在网上曝光我的身份证信息', ['PRIVACY_DISCLOSURE'], ['SOCIAL_MEDIA']],
    ['拉了一个微信群，把我的欠款信息发在群里', ['PRIVACY_DISCLOSURE'], ['SOCIAL_MEDIA']],
    ['在小区张贴大字报', ['PRIVACY_DISCLOSURE']],
    ['They posted my photo on Facebook.', ['PRIVACY_DISCLOSURE'], ['SOCIAL_MEDIA']],
    ['The agent told my coworkers about my debt.', ['THIRD_PARTY', 'PRIVACY_DISCLOSURE']],
    ['They shared my personal information in a group chat.', ['PRIVACY_DISCLOSURE']],
  ]);
});

describe('classifyNarrative: VISIT', () => {
  check([
    ['催收人员上门催收', ['VISIT'], ['VISIT_HOME']],
    ['两个人跑到我家里堵门', ['VISIT'], ['VISIT_HOME']],
    ['他们到我公司找我，当着同事的面要钱', ['VISIT'], ['VISIT_WORKPLACE']],
    ['来店里闹事，影响我做生意', ['VISIT'], ['VISIT_WORKPLACE']],
    ['在我家门口蹲守了一整天', ['VISIT'], ['VISIT_HOME']],
    ['Two men showed up at my house.', ['VISIT'], ['VISIT_HOME']],
    ['A collector came to my office and asked for me.', ['VISIT'], ['VISIT_WORKPLACE']],
  ]);
  it('counts an announced visit as a visit, without a visit channel', () => {
    expect(classifyNarrative('短信里说要上门')).toEqual({
      categories: ['VISIT'],
      channels: ['SMS'],
    });
    expect(classifyNarrative('说不还就上门找我').categories).toEqual(['VISIT']);
    expect(classifyNarrative('They threatened to come to my house.').categories).toEqual([
      'THREAT',
      'VISIT',
    ]);
    expect(classifyNarrative('They said they would show up at my work.')).toEqual({
      categories: ['VISIT'],
      channels: ['PHONE_CALL'],
    });
  });
  it('counts an announced exposure as exposure and threat', () => {
    expect(classifyNarrative('扬言要把我的照片发到网上').categories).toEqual([
      'THREAT',
      'PRIVACY_DISCLOSURE',
    ]);
    expect(classifyNarrative('说再不还就打电话给你所有同事').categories).toEqual([
      'THREAT',
      'THIRD_PARTY',
    ]);
    expect(
      classifyNarrative('They threatened to tell my employer about the debt.').categories,
    ).toEqual(['THREAT', 'THIRD_PARTY']);
  });
  it('gives violence a visit channel', () => {
    expect(classifyNarrative('催收员在我店里动手打人').channels).toEqual(['VISIT_WORKPLACE']);
    expect(classifyNarrative('他们把我拉上车，带到他们办公室关了一夜').channels).toEqual([
      'VISIT_HOME',
    ]);
  });
  it('does not take a call to the workplace for a visit', () => {
    expect(classifyNarrative('打电话到我单位').channels).toEqual(['PHONE_CALL']);
  });
});

describe('classifyNarrative: VIOLENCE', () => {
  check([
    ['催收人员动手打了我一顿', ['VIOLENCE']],
    ['往我家门上泼红油漆', ['VIOLENCE']],
    ['把我关在屋里不让我走', ['VIOLENCE']],
    ['锁眼被灌了胶水', ['VIOLENCE']],
    ['They slapped me and pushed me to the ground.', ['VIOLENCE']],
    ['The agents smashed my car window.', ['VIOLENCE']],
    ["They wouldn't let me leave the office for three hours.", ['VIOLENCE']],
  ]);
  it('does not take a phone call for a blow', () => {
    expect(classifyNarrative('他们打我电话').categories).toEqual([]);
    expect(classifyNarrative('被打电话骚扰').categories).toEqual([]);
  });
  it('treats a threatened beating as a threat', () => {
    expect(classifyNarrative('扬言要砸了我的店').categories).toEqual(['THREAT']);
    expect(classifyNarrative('He threatened to hurt my kids.').categories).toEqual(['THREAT']);
  });
});

describe('classifyNarrative: DECEPTION', () => {
  check([
    ['谎称我已经涉嫌诈骗罪', ['DECEPTION']],
    ['说不还钱会影响子女上学', ['DECEPTION']],
    ['借了5000，却说我欠了两万，金额虚高', ['DECEPTION']],
    ['收取高额服务费，利滚利', ['DECEPTION']],
    ['说马上冻结我的银行卡和微信', ['DECEPTION']],
    ['They lied about the balance and added hidden fees.', ['DECEPTION']],
    ['The amount they demanded was more than I ever borrowed.', ['DECEPTION']],
    ['They claimed it was a criminal matter.', ['DECEPTION']],
  ]);
});

describe('classifyNarrative: negation', () => {
  check([
    ['他们没有威胁我', []],
    ['并未上门', []],
    ['催收员从未辱骂过我', []],
    ['没有联系我的家人', []],
    ['没有在半夜打电话', [], []],
    ['不是凌晨打的', []],
    ['虽然没有上门，但是打电话到我单位', ['THIRD_PARTY'], ['PHONE_CALL']],
    ['没还钱，他们就上门了', ['VISIT'], ['VISIT_HOME']],
    ['没接电话就一直打', ['EXCESSIVE_CONTACT'], ['PHONE_CALL']],
    ['没想到他们竟然上门了', ['VISIT'], ['VISIT_HOME']],
    ["They didn't threaten me.", []],
    ['The collector never came to my house.', []],
    ['They call, but not at night.', [], ['PHONE_CALL']],
    ['No one contacted my family.', []],
    ["I didn't pay, so they came to my house.", ['VISIT'], ['VISIT_HOME']],
    ['They would not stop calling me.', ['EXCESSIVE_CONTACT'], ['PHONE_CALL']],
    ['They contacted my employer without my consent.', ['THIRD_PARTY']],
  ]);
});

describe('classifyNarrative: traditional Chinese', () => {
  check([
    ['催收人員每天打電話恐嚇我', ['THREAT'], ['PHONE_CALL']],
    [
      '他們爆了我的通訊錄，還在臉書上曝光我的照片',
      ['THIRD_PARTY', 'PRIVACY_DISCLOSURE'],
      ['SOCIAL_MEDIA'],
    ],
    ['凌晨三點傳簡訊辱罵我', ['INSULT', 'OFF_HOURS'], ['SMS']],
    ['冒充警察說要逮捕我', ['THREAT', 'IMPERSONATION']],
    ['並沒有上門', []],
    ['一天打了四十幾通電話', ['EXCESSIVE_CONTACT'], ['PHONE_CALL']],
    ['跑到我公司鬧事', ['VISIT'], ['VISIT_WORKPLACE']],
  ]);
});

describe('classifyNarrative: mixed', () => {
  it('finds several categories in one narrative', () => {
    const result = classifyNarrative(
      '我在某平台借了5万元经营贷，逾期后催收员每天打几十个电话，晚上十一点还在打，骂我是老赖，还打电话给我老婆，说要上门。',
    );
    expect(result.categories).toEqual([
      'INSULT',
      'THIRD_PARTY',
      'EXCESSIVE_CONTACT',
      'OFF_HOURS',
      'VISIT',
    ]);
    expect(result.channels).toEqual(['PHONE_CALL']);
  });
  it('returns nothing for a neutral text', () => {
    expect(classifyNarrative('我想咨询一下提前还款的手续。')).toEqual({
      categories: [],
      channels: [],
    });
    expect(classifyNarrative('')).toEqual({ categories: [], channels: [] });
    expect(classifyNarrative('I would like to know my balance.')).toEqual({
      categories: [],
      channels: [],
    });
  });
});

describe('classifyNarrative: no false alarms on neutral sentences', () => {
  it.each([
    '我下班回到家，看了一下还款计划。',
    '我向朋友借了钱，已经还了一部分。',
    '我告诉了家人我欠款的事情。',
    '我想申请延期还款，24小时内给我答复。',
    '我在网上借了三万块，逾期两个月。',
    '本人遭遇暴力催收，请求处理。',
    '利息太高了，我还不起。',
    '合同写明每月还款2000元。',
    '他们打到我卡上的钱少了500。',
    '我被逼无奈只好借了别的网贷来还。',
    '我爸住院了，实在没钱还。',
    '他们每天打两个电话。',
    '借款金额上百万的企业贷款。',
    'I called my mother to borrow money.',
    "I went to my parents' house for the weekend.",
    "I have a back injury and can't work.",
    'The fees seem ridiculous but I agreed to them.',
    'I paid the loan in full in March.',
    'They called me at 10:30 and again at 4 pm.',
  ])('%s', (text) => {
    expect(classifyNarrative(text).categories).toEqual([]);
  });
});

describe('classifyNarrative: paraphrases', () => {
  check([
    [
      '催收员把我的借款合同和身份证照片发到了我们家族群里',
      ['PRIVACY_DISCLOSURE'],
      ['SOCIAL_MEDIA'],
    ],
    ['对方说我的行为已经涉嫌诈骗，马上就要立案了', ['THREAT', 'DECEPTION'], ['PHONE_CALL']],
    ['催收员拿着大喇叭在我家小区里喊我的名字', ['PRIVACY_DISCLOSURE', 'VISIT'], ['VISIT_HOME']],
    ['上个星期有两个男的在我家楼下守了一晚上', ['VISIT'], ['VISIT_HOME']],
    ['连着打了十几个电话，我手机都没电了', ['EXCESSIVE_CONTACT'], ['PHONE_CALL']],
    ['深夜十二点多还在给我发信息', ['OFF_HOURS'], ['SMS']],
    ['他们冒用法院名义给我发了一份执行通知书', ['IMPERSONATION'], ['PHONE_CALL']],
    ['我老婆说她也接到了催收电话', ['THIRD_PARTY'], ['PHONE_CALL']],
    [
      'The agent told my landlord that I was a deadbeat who never pays.',
      ['THIRD_PARTY', 'PRIVACY_DISCLOSURE'],
    ],
    ['They sent me a text at 5:30 in the morning.', ['OFF_HOURS'], ['SMS']],
    [
      'Someone from the agency kept calling my husband at his office.',
      ['THIRD_PARTY', 'EXCESSIVE_CONTACT'],
    ],
    [
      'The letter claimed I had committed fraud and would be prosecuted.',
      ['DECEPTION'],
      ['LETTER'],
    ],
    [
      'A guy from the company came by my shop and yelled at me.',
      ['INSULT', 'VISIT'],
      ['VISIT_WORKPLACE'],
    ],
    [
      'They called me 12 times between 9 pm and 11 pm.',
      ['EXCESSIVE_CONTACT', 'OFF_HOURS'],
      ['PHONE_CALL'],
    ],
    ['催收的在电话里问候我祖宗十八代', ['INSULT'], ['PHONE_CALL']],
    ['他们说再不还就让我坐不了高铁', ['THREAT', 'DECEPTION'], ['PHONE_CALL']],
    ['把我的照片和欠款金额印成传单在村里散发', ['PRIVACY_DISCLOSURE']],
  ]);
});
