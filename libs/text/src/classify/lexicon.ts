// The curated lexicons: for each conduct category and channel, the words and phrases
// complainants use, in simplified Chinese (traditional text is converted first) and English.
// Patterns run on normalised text (see normalize.ts): lower case, NFKC, simplified.
//
// Written from domain knowledge of abusive collection (the regulator's and consumer
// associations' descriptions of 暴力催收, the collection guidelines, complaint platforms' own
// category lists) before the gold set was read; some families were widened afterwards to
// generalise the errors measured on it and on CFPB narratives. No gold sentence is pasted
// here (docs/classification.md). Each family lists synonyms and colloquial forms; verb–object
// families allow a few characters or words between the two.
import type { Category, Channel } from '@cw/domain';
import type { Lang } from './negation.js';

export type Announced = 'threat' | 'also' | 'self';

export interface Rule {
  readonly lang: Lang;
  readonly pattern: RegExp;
  readonly categories: readonly Category[];
  readonly channels: readonly Channel[];
  /**
   * How a deed that is only announced ("扬言要上门", "threatened to post my photo") counts:
   * 'threat': as THREAT only (violence, a warrant: a threat of harm or arrest);
   * 'also': as its own category and as THREAT (exposure, contacting relatives: the threat
   *   already does part of the harm);
   * 'self': as its own category only (a visit: announcing one is pressure, not yet a threat);
   * undefined: the rule does not tell announcements from deeds.
   * An announced deed never names a channel.
   */
  readonly announced: Announced | undefined;
  /** Also look for a negator inside the match (patterns joining a verb and its object). */
  readonly inner: boolean;
  /** The channels count only if none of these channels is named in the same sentence. */
  readonly unless: readonly Channel[];
}

interface Options {
  readonly channels?: readonly Channel[];
  readonly announced?: Announced;
  readonly inner?: boolean;
  readonly unless?: readonly Channel[];
}

function rule(
  lang: Lang,
  source: string,
  categories: readonly Category[],
  options: Options = {},
): Rule {
  return {
    lang,
    pattern: new RegExp(source, 'g'),
    categories,
    channels: options.channels ?? [],
    announced: options.announced,
    inner: options.inner ?? false,
    unless: options.unless ?? [],
  };
}
const zh = (source: string, categories: readonly Category[], options?: Options) =>
  rule('zh', source, categories, options);
const en = (source: string, categories: readonly Category[], options?: Options) =>
  rule('en', `\\b(?:${source})\\b`, categories, options);
/** A channel-only rule. */
const zhCh = (source: string, channels: readonly Channel[], options: Options = {}) =>
  zh(source, [], { ...options, channels });
const enCh = (source: string, channels: readonly Channel[], options: Options = {}) =>
  en(source, [], { ...options, channels });

const alt = (...parts: readonly string[]) => `(?:${parts.join('|')})`;
/** Up to n characters of the same clause (Chinese). */
const gap = (n: number) => `[^,，。;；]{0,${n}}?`;
/** Up to n words (English). */
const words = (n: number) => `(?:[\\w'-]+ ){0,${n}}?`;

// ---------------------------------------------------------------------------------------
// Shared word families

/** People around the borrower whom collectors must not involve. */
// prettier-ignore
const ZH_PEOPLE = alt(
  '家人', '家里人', '家属', '亲人', '亲属', '亲戚', '亲友', '父母', '爸妈', '爸爸', '妈妈', '父亲',
  '母亲', '老爸', '老妈', '我爸', '我妈', '公公', '婆婆', '岳父', '岳母', '丈母娘', '老人', '老婆',
  '老公', '妻子', '丈夫', '爱人', '媳妇', '对象', '女朋友', '男朋友', '女友', '男友', '配偶',
  '孩子', '子女', '儿子', '女儿', '兄弟', '姐妹', '哥哥', '姐姐', '弟弟', '妹妹', '朋友(?!圈)',
  '好友(?!圈)', '同学', '老师', '班主任', '校长', '学校', '同事', '领导', '上司', '老板', '主管',
  '经理', '单位', '我(?:的|们)?公司', '人事', 'hr', '邻居', '村委', '村干部', '居委会', '社区',
  '物业', '房东', '客户', '担保人', '介绍人', '屋企人', '通讯录', '通信录', '联系人', '身边的人',
  '周围的人', '认识的人', '所有人', '熟人', '亲朋',
);
// prettier-ignore
const EN_PEOPLE = alt(
  'family', 'family members?', 'relatives?', 'parents?', 'mother', 'mom', 'mum', 'father', 'dad',
  'wife', 'husband', 'spouse', 'partner', 'girlfriend', 'boyfriend', 'fianc[eé]e?', 'sisters?',
  'brothers?', 'siblings?', 'sons?', 'daughters?', 'children', 'kids', 'friends?', 'neighbou?rs?',
  'co-?workers?', 'colleagues?', 'boss', 'manager', 'supervisor', 'employer', 'workplace', 'hr',
  'human resources', 'references?', 'in-laws?', 'grandmother', 'grandfather', 'grandparents?',
  'cousins?', 'aunt', 'uncle', 'landlord', 'pastor', 'church', 'contacts', 'contact list',
);
/** Authorities collectors pose as. */
// prettier-ignore
const ZH_AUTHORITY = alt(
  '警察', '公安', '民警', '警官', '刑警', '网警', '派出所', '公安局', '经侦', '法院', '法官',
  '检察院', '检察官', '律师', '律所', '律师事务所', '法务', '仲裁', '公证处', '政府', '监管',
  '银保监', '金融监管', '执行局', '执行庭', '调解中心', '调解员', '书记员', '国家机关', '公检法',
  '司法', '纪委', '税务',
);
// prettier-ignore
const EN_AUTHORITY = alt(
  'police', 'officers?', 'cops?', 'detectives?', 'sheriff', 'deputy', 'marshals?', 'fbi', 'irs',
  'court', 'judges?', 'attorneys?', 'lawyers?', 'law firm', 'legal (?:department|team)',
  'government', 'federal', 'agents?', 'prosecutors?', 'district attorney', 'law enforcement',
  'process servers?', 'investigators?', 'magistrate', 'bailiff',
);
// prettier-ignore
const ZH_HOME = alt(
  '家里', '家中', '家门口', '家门', '家', '住处', '住所', '住的地方', '租的房子', '出租屋', '小区',
  '楼下', '老家', '村里', '屋企', '宿舍', '门口',
);
// prettier-ignore
const ZH_WORK = alt(
  '单位', '公司', '店里', '店铺', '门店', '店', '厂里', '工厂', '工地', '办公室', '上班的地方',
  '工作的地方', '学校', '摊位', '档口', '写字楼',
);
// prettier-ignore
const EN_HOME = alt(
  'house', 'home', 'door', 'doorstep', 'front door', 'apartment', 'flat', 'place', 'residence',
  "parents' house", 'dorm', 'building',
);
// prettier-ignore
const EN_WORK = alt(
  'work', 'workplace', 'office', 'job', 'store', 'shop', 'business', 'restaurant', 'school',
  'job site',
);

/** The borrower's own workplace ("我单位", "my office"), not the collectors' office. */
export const ZH_WORKPLACE = new RegExp(`我(?:的|们|们的)?${ZH_WORK}`);
export const EN_WORKPLACE = new RegExp(`\\b(?:my|our) ${EN_WORK}\\b`);

/** Verbs that carry a claim ("说我涉嫌诈骗", "claimed it was fraud"). */
// prettier-ignore
const ZH_SAY = alt('说', '声称', '谎称', '扬言', '告诉我', '称', '表示', '宣称', '恐吓', '威胁');
// prettier-ignore
const EN_SAY = alt(
  'said', 'says', 'claimed', 'claiming', 'told me', 'telling me', 'stated', 'insisted', 'falsely',
);

// ---------------------------------------------------------------------------------------
// Conduct categories

// prettier-ignore
const THREAT: readonly Rule[] = [
  zh(
    alt(
      '威胁', '威逼', '胁迫', '要挟', '恐吓', '吓唬', '吓我', '吓人', '吓得', '扬言', '放狠话',
      '撂狠话', '狠话', '警告我', '让你好看', '给你好看', '走着瞧', '等着瞧', '你等着', '后果自负',
      '后果很严重', '后果不堪设想', '承担(?:一切)?后果', '不会放过', '不放过', '别想好过',
      '不让你好过', '有你好受', '会后悔', '让你后悔', '吃不了兜着走', '不得安宁', '鸡犬不宁',
      '对你不客气', '黑社会', '道上的', '混社会', '下场',
      // Coercion.
      '逼迫', '强迫', '逼我',
      // Death images: a photo edited into a funeral portrait, sent to frighten.
      '遗照', '黑白照', '灵堂', '花圈', '寿衣',
    ),
    ['THREAT'],
  ),
  // Restrictions a court may order, announced by collectors as if automatic: a threat and a
  // false statement of the consequences.
  zh(
    alt(
      '限制(?:出行|高消费|乘坐|出境)', '限高', '(?:坐|乘)不了(?:高铁|飞机|火车)',
      `(?:高铁|飞机)${gap(4)}(?:限制|不能坐)`, '不能(?:坐|乘)(?:高铁|飞机)',
    ),
    ['THREAT', 'DECEPTION'],
  ),
  // Threats of harm.
  zh(
    alt(
      '弄死', '搞死', '整死', '打死你', '砍死', '砍你', '杀了你', '杀你', '杀全家', '灭(?:你)?全家',
      '灭门', '废了你', '打断(?:你|你的|他|我)?的?腿', '卸(?:你)?(?:一条)?(?:胳膊|腿)', '出门小心',
      `小心${alt('点', '你', '一点', '家人', '孩子', '出门', '你的')}`, '注意(?:你的)?安全',
      '路上小心', `找人${alt('收拾', '弄', '搞', '修理', '教训', '处理')}`, '收拾你', '修理你',
      '教训你', '弄你', '搞你', '泼你', '卸你',
    ),
    ['THREAT'],
  ),
  // Threats of arrest or jail, of the job, of the family.
  zh(
    alt(
      '坐牢', '吃牢饭', '蹲监狱', '进监狱', '蹲大牢', '牢狱', '抓(?:你|人|去|走|起来|进去)', '逮捕',
      '拘留', '判刑', '刑拘', '上门抓', '派人抓', '追究(?:你的?|我的?)?刑事责任',
      '(?:要|会|将|就|马上)(?:被)?(?:立案|刑拘|通缉)',
      `让(?:你|我|他|她)${alt('进去', '失业', '丢(?:了)?工作', '丢饭碗', '身败名裂', '混不下去', '家破人亡', '社死', '社会性死亡', '全家')}`,
      '开除你', `知道你${alt('家', '住', '在哪', '孩子', '老婆', '老公', '父母', '单位')}`,
      `你(?:的)?${alt('孩子', '小孩', '女儿', '儿子')}${alt('在哪', '的学校', '学校', '上学')}`,
      '孩子(?:的)?学校',
    ),
    ['THREAT'],
  ),
  en(
    alt(
      'threat(?:s|en|ened|ening|ens)?', 'intimidat\\w*', 'menac\\w*', 'blackmail\\w*', 'extort\\w*',
      'scare (?:me|us)', 'scared (?:me|us)', 'frighten\\w*', 'terrified', 'terrifying',
    ),
    ['THREAT'],
  ),
  en(
    alt(
      'arrest(?:ed)?', 'jail(?:ed)?', 'prison', 'locked up', 'lock (?:me|you|him|her) up',
      'put (?:me|you) (?:away|behind bars)', 'behind bars', 'criminal charges', 'press charges',
      `lose (?:my|your|his|her|our) ${alt('job', 'house', 'home', 'kids', 'children', 'license')}`,
      'get (?:me|you|him|her) fired', 'ruin (?:my|your|his|her|our)', 'kill (?:me|you|him|her|us)',
      'beat (?:me|you) up', 'break (?:my|your) (?:legs?|arms?|neck)', 'watch (?:your|my) back',
      "(?:you'll|you will|i'd|i would|we'd|we would) regret",
      'something (?:bad )?(?:will|would|could|might) happen',
      `know where ${alt('i', 'you', 'we', 'my \\w+', 'your \\w+', 'he', 'she', 'they')} ${alt('live', 'lives', 'work', 'works', 'sleep', 'sleeps', 'are', 'is', 'go to school', 'goes to school', 'stay', 'stays')}`,
      'warrants? (?:out )?(?:for|on) (?:me|my|your|you|him|her)', 'warrant out',
      'forc(?:ed|ing) me to', 'coerc\\w*',
      `take (?:my|your) ${alt('house', 'car', 'kids', 'children', 'property')}`, 'deport\\w*',
      'be sorry', 'or else',
    ),
    ['THREAT'],
  ),
];

// prettier-ignore
const INSULT: readonly Rule[] = [
  zh(
    alt(
      '辱骂', '谩骂', '漫骂', '咒骂', '骂', '脏话', '脏字', '粗话', '粗口', '爆粗', '国骂',
      '污言秽语', '恶语', '恶毒', '侮辱', '羞辱', '人格侮辱', '人身攻击', '语言暴力', '难听的话',
      '说话(?:很|非常|极其|特别)?难听', '讲话(?:很)?难听', '难听(?:的)?话', '诅咒', '咒我', '去死',
      '死全家', '全家死', '全家都死', '不得好死', '断子绝孙', '畜生', '畜牲', '狗东西', '狗娘',
      '杂种', '贱人', '贱货', '婊子', '傻逼', '傻b', '傻x', '煞笔', '(?<![a-z])sb(?![a-z])',
      '你妈(?!妈)', '他妈的', '(?<![a-z])tmd(?![a-z])', '(?<![a-z])nmsl(?![a-z])',
      '(?<![a-z])cnm(?![a-z])', '王八蛋', '混蛋', '人渣', '废物', '不要脸', '不是人', '垃圾东西',
      '你是垃圾', '穷鬼', '下三滥', '滚蛋', '骂我是?老赖', '叫我老赖', '说我是老赖',
      '问候(?:你|我|他|她)?(?:的)?(?:父母|家人|全家|祖宗|妈|娘|十八代|老母|八辈)',
    ),
    ['INSULT'],
  ),
  en(
    alt(
      'insult\\w*', 'curs(?:e|ed|es|ing)', 'cuss(?:ed|ing)?', 'swore', 'swear(?:ing|s)?',
      'profan\\w*', 'obscen\\w*', 'vulgar\\w*', 'foul(?:-mouthed| language| names)',
      'abusive language', 'verbal(?:ly)? abus\\w*', 'name-?calling',
      'called (?:me|us|my \\w+) names', 'slurs?', 'demean\\w*', 'degrad\\w*', 'humiliat\\w*',
      'belittl\\w*', 'ridiculed (?:me|us)', 'mocked (?:me|us)', 'derogatory',
      'offensive (?:language|names|remarks)',
      '(?:yell|scream|shout|screech)(?:ed|ing)? at (?:me|us|my \\w+)', 'berat\\w*', 'f-word',
      'f\\*+(?:ing)?', 'bitch\\w*', 'asshole', 'bastard', 'piece of (?:shit|garbage|trash)',
      `called (?:me|us|my \\w+) (?:an? )?${words(2)}${alt('deadbeat', 'loser', 'scum\\w*', 'idiot', 'moron', 'stupid', 'thief', 'liar', 'criminal', 'trash', 'garbage', 'worthless', 'lowlife', 'parasite', 'bum', 'dog', 'pig', 'whore', 'slut', 'retard\\w*')}`,
    ),
    ['INSULT'],
  ),
];

// What the borrower did ("我告诉了家人", "I called my mother") is not a collector's contact.
const NOT_BORROWER_ZH = '(?<!我|我就|我也|我只好|我们|我先|我又)';
const NOT_BORROWER_EN = '(?<!\\bi |\\bwe |\\bi also |\\bi then |\\bi had )';

// prettier-ignore
const ZH_CONTACT_VERB = alt(
  '打电话(?:给|到)', '打了电话(?:给|到)', '打(?:给|到)', '打去', '打过去', '致电', '联系(?:了)?',
  '骚扰(?:了)?', '通知(?:了)?', '告诉(?:了)?', '告知(?:了)?',
  '发(?:了)?(?:短信|信息|消息|微信)?(?:给|到)', '群发(?:给|到)?', '轰炸(?:了)?',
  '问(?!候|题)(?:了)?', '催(?!收)(?:了)?', '打扰(?:了)?', 'call(?:给)?',
);
// prettier-ignore
const EN_CONTACT_VERB = alt(
  'call(?:ed|ing|s)?', 'phon(?:ed|ing)', 'contact(?:ed|ing|s)?', 'text(?:ed|ing|s)?',
  'messag(?:ed|ing|es)', 'e-?mail(?:ed|ing)?', 'reach(?:ed|ing)? out to', 'harass(?:ed|ing)?',
  'told', 'tell(?:ing|s)?', 'inform(?:ed|ing)?', 'notif(?:y|ied|ying)', 'rang', 'wrote to',
  `sent ${words(2)}to`, 'spoke (?:to|with)', 'talked (?:to|with)', 'asked', 'bother(?:ed|ing)',
  'went after',
);

// prettier-ignore
const THIRD_PARTY: readonly Rule[] = [
  zh(
    alt(
      '爆(?:了)?(?:我的?)?(?:手机)?(?:通讯录|通信录)', '爆通讯录', '爆讯录',
      '(?:通讯录|通信录)(?:被爆|被打|里的|上的|里面的|中的)', '紧急联系人', '第三方', '亲友团',
    ),
    ['THIRD_PARTY'],
    { announced: 'also' },
  ),
  // "打电话给我家人", "骚扰我的同事", "打到单位"
  zh(`${NOT_BORROWER_ZH}${ZH_CONTACT_VERB}${gap(6)}${ZH_PEOPLE}`, ['THIRD_PARTY'], {
    announced: 'also',
    inner: true,
  }),
  // "给我父母打电话", "向我领导施压"
  zh(
    `${alt('给', '向', '跟', '对')}(?:我的?|我们)?${ZH_PEOPLE}${gap(6)}${alt('打电话', '打了电话', '打', '发', '说', '讲', '催', '要钱', '施压', '告状', 'call')}`,
    ['THIRD_PARTY'],
    { announced: 'also', inner: true },
  ),
  // "家人都接到了催收电话", "同事也被骚扰"
  zh(
    `${ZH_PEOPLE}${gap(10)}${alt('接到', '收到', '被(?:骚扰|联系|打|催|轰炸|威胁|通知|告知|call)', '打(?:电话)?(?:给|问)我', '问我', '来问', '知道(?:了)?我')}`,
    ['THIRD_PARTY'],
    { announced: 'also', inner: true },
  ),
  // "把我老婆的号码公布了，导致她天天接到骚扰电话": the person, then a pronoun receiving contact.
  zh(
    `${ZH_PEOPLE}[^。]{0,30}?(?:他|她|她们)(?:也|都|每天|天天|经常|一直)*${alt(`(?:接到|收到)${gap(8)}${alt('电话', '短信', '信息', '消息', '催收', '骚扰', '来电', 'call')}`, '被(?:骚扰|联系|打扰|催|轰炸)')}`,
    ['THIRD_PARTY'],
    { announced: 'also', inner: true },
  ),
  en(
    alt(
      'contact list', 'phone ?book', 'address book', 'emergency contacts?',
      'third[- ]part(?:y|ies)', 'my contacts', 'everyone (?:in my|i know)', 'people i know',
      'friends and family',
    ),
    ['THIRD_PARTY'],
    { announced: 'also' },
  ),
  en(
    `${NOT_BORROWER_EN}${EN_CONTACT_VERB} ${words(3)}(?:my|our|his|her) (?:\\w+ )?${EN_PEOPLE}`,
    ['THIRD_PARTY'],
    {
      announced: 'also',
      inner: true,
    },
  ),
  en(
    `(?:my|our) (?:\\w+ )?${EN_PEOPLE} ${words(3)}${alt('were', 'was', 'have been', 'has been', 'got', 'get', 'gets', 'received', 'receive', 'started getting', 'kept getting', 'are getting', 'also got')} ${words(2)}${alt('calls?', 'called', 'contacted', 'texts?', 'texted', 'messages?', 'harassed', 'letters?', 'voicemails?', 'bothered')}`,
    ['THIRD_PARTY'],
    { announced: 'also', inner: true },
  ),
];

// prettier-ignore
const EXCESSIVE_CONTACT: readonly Rule[] = [
  zh(
    alt(
      '呼死你', '轰炸', '狂轰滥炸', '狂打', '狂call',
      '疯狂(?:地|的)?(?:打|拨|发|轰炸|骚扰|催|call)', '连环(?:call|电话|夺命)', '夺命连环',
      '夺命call', '打爆', '爆(?:了)?(?:我的)?手机', '手机(?:被)?打爆', '打个不停', '打个没完',
      '响个不停', '不停(?:地|的)?(?:打|拨|发|来电|骚扰|催|轰炸|响|call)',
      '一直(?:在)?(?:打|拨|发|来电|骚扰|催|轰炸|响|call)',
      '反复(?:拨打|打|催|骚扰|联系|发|来电|call)', '频繁(?!借|贷|申请)', '高频',
      '天天(?:打|催|发|骚扰|来电|轰炸|call|接到|收到)', '每天都(?:打|催|发|来|骚扰|call|接到|收到)',
      '每隔',
      `隔${alt('几', '一', '两', '三', '五', '十', '半')}?(?:个)?(?:分钟|小时|会儿)(?:就|又)`,
      `${alt('几', '一', '两', '三', '五', '十', '\\d+')}分钟(?:一个|一次|一通|就)`,
      `换(?:了)?${gap(4)}号码`, '换号', '号码(?:轮流|轮番|不停|不断)', '轮流(?:打|拨|骚扰|call)',
      '轮番(?:打|轰炸|骚扰|上阵)', `拉黑(?:了|后)?${gap(8)}(?:又|换|还|继续)`,
      `屏蔽(?:了|后)?${gap(8)}(?:又|换|还|继续)`, '无数(?:个|次|条|通)?', '没完没了', '不间断',
      '接连不断', '不断(?:地|的)?(?:打|拨|发|来电|骚扰|催|call)',
      '持续(?:地|的)?(?:骚扰|轰炸|拨打|打|催)', '自动(?:拨号|外呼|拨打)',
      '机器人(?:外呼|电话|拨打|催收)', '语音机器人', '群呼', '一个接一个', '接二连三', '从早到晚',
      '一天到晚', '从早打到晚', '整天(?:打|发|骚扰|催)', '全天(?:打|发|骚扰|催)', '不分昼夜',
      '没日没夜', '(?:24|二十四)小时(?!内|之内|以内)', '全天候', '电话(?:不断|不停|没停|没断)',
      '短信(?:不断|不停)', '上百(?!万|元|块)', '成百上千(?!元|块)',
    ),
    ['EXCESSIVE_CONTACT'],
  ),
  en(
    alt(
      'non-?stop', 'incessant(?:ly)?', 'relentless(?:ly)?', 'over and over', 'again and again',
      'countless', 'dozens of', 'hundreds of', 'scores of', 'bombard\\w*', 'flood\\w*',
      'barrage\\w*', 'blow(?:ing|n|s)? up my phone', 'blew up my phone', '(?:blow|blew|blowing|blown) my phone up',
      '(?:kept|keep|keeps|keeping) (?:on )?trying',
      "(?:haven't|hasn't|have not|has not|never|didn't|did not) (?:stopped|ceased|quit) (?:calling|texting|contacting|harassing)", 'robo-?call\\w*',
      'auto-?dial\\w*', 'automated calls',
      '(?:different|new|multiple|various|spoofed|unknown) (?:phone )?numbers',
      'after (?:i|we) (?:had )?blocked', 'even (?:though|after) (?:i|we) (?:had )?blocked',
      '(?:kept|keep|keeps|continued to|continue to|continues to|kept on) (?:calling|texting|messaging|harassing|contacting|call|text|ringing|emailing)',
      "(?:won't|wouldn't|didn't|never|doesn't|don't|would not|will not|did not) stop (?:calling|texting|messaging|harassing|contacting)",
      'around the clock',
      'every (?:few|couple of|\\d+|five|ten|fifteen|twenty|thirty) (?:minutes|hours)', 'every hour',
      'hourly', '(?:multiple|several|many|numerous) times (?:a|per|each|every) day',
      '(?:multiple|several|many|numerous) (?:calls|texts|messages) (?:a|per|each|every) day',
      'numerous (?:calls|times|texts|messages)',
      `(?:constant|repeated|continuous|endless|daily|excessive|frequent|persistent|harassing) ${words(1)}(?:calls|texts|messages|phone calls|contact|calling|texting)`,
      `(?:call|text|contact|harass|dial|message|ring)\\w* ${words(3)}(?:constantly|repeatedly|continuously|nonstop|endlessly|excessively|persistently|every (?:single )?day|all day(?: long)?|day after day|daily)`,
      `(?:constantly|repeatedly|continuously|endlessly|persistently) ${words(1)}(?:call|text|contact|harass|dial|message)\\w*`,
      `every (?:single )?day ${words(2)}(?:call|text|contact|harass|dial|message)\\w*`,
    ),
    ['EXCESSIVE_CONTACT'],
  ),
];

// prettier-ignore
const OFF_HOURS: readonly Rule[] = [
  zh(
    alt(
      '凌晨', '半夜', '深夜', '午夜', '深更半夜', '三更半夜', '半夜三更', '大半夜', '后半夜',
      '夜里', '夜间', '夜深', '大晚上', '那么晚', '这么晚', '晚上很晚',
      '很晚(?:的时候)?(?:还|打|来|发)', '睡觉(?:的)?时(?:候)?', '睡着', '熟睡', '休息时间',
      '天没亮', '天还没亮', '天不亮', '吵醒', '惊醒', '不分昼夜', '没日没夜',
      '日夜(?:不停|打|骚扰|轰炸|催)', '(?:24|二十四)小时(?!内|之内|以内)', '全天候', '通宵',
    ),
    ['OFF_HOURS'],
  ),
  en(
    alt(
      'midnight', 'middle of the night', 'late at night', 'late-night', 'late night', 'at night',
      'night-?time', 'overnight', 'wee hours', 'small hours', 'before dawn', 'before sunrise',
      'early hours', 'early in the morning', 'early morning', 'woke (?:me|us|my \\w+)',
      'waking (?:me|us|my \\w+)', 'wake (?:me|us|my \\w+)',
      'while (?:i|we) (?:was|were) (?:asleep|sleeping)', 'in my sleep', 'around the clock',
      'day and night', 'night and day', 'all hours', '24/7', 'at all hours',
    ),
    ['OFF_HOURS'],
  ),
];

// prettier-ignore
const IMPERSONATION: readonly Rule[] = [
  zh(
    `${alt('冒充', '假冒', '假扮', '扮成', '伪装成?', '假装(?:是)?', '冒名', '冒用', '谎称(?:是|自己是)?', '自称(?:是)?', '号称(?:是)?', '声称(?:是|自己是)', '说(?:他|她|他们|自己)是')}${gap(8)}${ZH_AUTHORITY}`,
    ['IMPERSONATION'],
  ),
  zh(`以${gap(8)}${ZH_AUTHORITY}${gap(4)}${alt('名义', '身份', '口吻')}`, ['IMPERSONATION']),
  // Documents only courts, police or lawyers issue. Announced ("会发逮捕令") they are a threat.
  zh(
    alt('律师函', '传票', '逮捕令', '拘捕令', '拘留证', '立案通知', '协查通知', '协查函'),
    ['IMPERSONATION'],
    {
      announced: 'threat',
    },
  ),
  zh(`假(?:的)?${alt('案号', '案件编号', '立案号', '文书编号', '编号')}`, [
    'IMPERSONATION', 'DECEPTION',
  ]),
  zh(
    alt(
      '警官证', '公检法', '红头文件', '假律师', '假警察', '冒牌',
      `${alt('假', '伪造', '所谓', '虚假', '冒充')}(?:的)?${gap(6)}${alt('律师', '文件', '公文', '印章', '公章', '文书', '判决', '裁定', '起诉', '执行通知', '通知书', '证件', '法院', '函')}`,
      `${alt('盖', '印')}(?:着|了|有)?${gap(6)}${alt('法院', '公安', '检察院', '政府')}(?:的)?(?:章|公章|印章)`,
    ),
    ['IMPERSONATION'],
  ),
  en(
    alt(
      'impersonat\\w*', 'masquerad\\w*',
      `${alt('pos(?:ed|ing) as', 'pretend(?:ed|ing)? to be', 'claim(?:ed|ing|s)? to be', 'identif(?:y|ied|ying) (?:themselves|himself|herself) as', 'introduced (?:themselves|himself|herself) as', 'acting as', 'passed (?:themselves|himself|herself) off as')} ${words(3)}${EN_AUTHORITY}`,
      `${alt('said', 'says', 'told me', 'claimed')} (?:that )?(?:he|she|they|the caller) (?:was|were|is|are) ${words(2)}(?:from |with )?(?:the |a |an )?${EN_AUTHORITY}`,
      `${alt('fake', 'forged', 'counterfeit', 'bogus', 'phony', 'phoney', 'sham', 'fraudulent')} ${words(1)}${alt('police', 'officers?', 'cops?', 'lawyers?', 'attorneys?', 'law firm', 'subpoenas?', 'summons(?:es)?', 'warrants?', 'court', 'legal', 'arrest', 'badges?', 'judges?', 'notices?', 'documents?', 'letters?', 'lawsuits?', 'affidavits?')}`,
      `${alt('made', 'designed', 'dressed up', 'formatted', 'meant', 'disguised')} (?:to look )?(?:like|as) ${words(2)}${alt('court', 'summons(?:es)?', 'subpoenas?', 'warrants?', 'police', 'legal', 'government', 'official', 'lawsuits?', 'judgments?', 'attorney', 'lawyer')}`,
      `(?:looked|looks|look) like (?:an? |the )?(?:official |real )?${alt('court', 'summons(?:es)?', 'subpoenas?', 'warrants?', 'police', 'legal', 'government', 'lawsuits?', 'judgments?')}`,
    ),
    ['IMPERSONATION'],
  ),
  en(alt('subpoenas?', 'summons to appear', 'arrest warrants?'), ['IMPERSONATION'], {
    announced: 'threat',
  }),
  en(
    `${alt('fake', 'bogus', 'made-up', 'fictitious', 'false', 'phony', 'invented')} ${alt('case', 'docket', 'file', 'reference', 'badge', 'court')} numbers?`,
    ['IMPERSONATION', 'DECEPTION'],
  ),
];

// prettier-ignore
const PRIVACY_DISCLOSURE: readonly Rule[] = [
  zh(
    alt(
      '曝光', '公布', '散布', '散播', '扩散', '泄露', '泄漏', '隐私', '通缉令', '悬赏令', '悬赏',
      '大字报', '传单', '张贴', '群发', '人肉', '横幅', '标语', '喇叭', '喊话',
      `公开(?:了)?(?:我的?)?${alt('照片', '信息', '个人信息', '欠款', '债务', '身份证', '隐私', '借款', '电话', '手机号', '住址', '地址', '头像')}`,
      `${alt('贴', '挂', '发', '传', '晒')}(?:到|在|了|上)?${gap(6)}${alt('网上', '朋友圈', '群里', '群', '抖音', '微博', '快手', '贴吧', '论坛', '门口', '楼道', '小区', '村里', '电线杆', '公告栏', '脸书')}`,
      `${alt('写', '喷', '刷', '涂')}(?:了|着|上|满)?${gap(6)}${alt('欠债还钱', '欠钱不还', '老赖', '借钱不还', '还钱', '欠钱')}(?!的?(?:承诺|保证|计划|协议))`,
      // 把-construction: "把我的欠款信息发给了…", "把她的号码公布在网上".
      `把(?:我|我们|她|他|我(?:老婆|老公|家人|父母)|[^,，。]{0,3})?的?${gap(3)}${alt('照片', '相片', '欠款信息', '借款信息', '身份证', '个人信息', '电话号码', '手机号', '号码', '欠款', '债务', '住址', '地址', '欠款记录')}${gap(8)}${alt('发(?:到|在|给(?!我))', '贴', '传(?:到|给(?!我)|遍)', '公布', '公开', '群发', '告诉(?!我)', '挂', '曝光', '散布')}`,
      `${alt('发', '转发', '传')}${gap(8)}${alt('照片', '身份证', '欠款信息', '借款信息', '债务信息', '个人信息', '欠款记录')}`,
      `${alt('拉', '建', '组')}(?:了)?(?:个|一个)?(?:微信|qq)?群`,
      `${NOT_BORROWER_ZH}${alt('告诉', '通知', '告知', '到处说', '跟', '对')}${gap(4)}${ZH_PEOPLE}${gap(6)}${alt('欠钱', '欠款', '欠债', '借钱不还', '网贷', '借贷', '是老赖', '逾期', '欠了')}`,
      '老赖(?:通缉|名单|曝光|公示)',
      `${alt('照片', '身份证', '欠款', '债务', '个人信息', '借款信息')}${gap(6)}${alt('发到', '发在', '发给', '贴到', '贴在', '挂在', '挂到', '传到', '传给', '被曝光', '被公开', '被泄露', '被发')}`,
      // Telling the people they call about the debt: "打到我公司，说我欠钱不还".
      `${NOT_BORROWER_ZH}${ZH_CONTACT_VERB}${gap(6)}${ZH_PEOPLE}[^。]{0,16}?${alt('说', '讲', '称', '告诉', '告知')}${gap(6)}${alt('欠钱', '欠款', '欠债', '不还钱', '借钱不还', '网贷', '借贷', '老赖', '逾期', '欠了', '跑路', '骗子')}`,
    ),
    ['PRIVACY_DISCLOSURE'],
    { announced: 'also' },
  ),
  en(
    alt(
      'expos(?:e|ed|es|ing|ure)', 'doxx?(?:ed|ing)?', 'leak(?:ed|ing|s)?', 'publicly',
      'public(?:ly)? sham\\w*', 'sham(?:e|ed|ing)', 'wanted posters?', 'posters?', 'flyers?', 'leaflets?',
      `${alt('put', 'posted', 'plastered', 'printed', 'pasted', 'stuck')} (?:up )?(?:my|our) ${alt('picture', 'photo', 'face', 'name', 'id', 'address', 'phone number', 'number')}`,
      'group (?:chats?|messages?|texts?)',
      `disclos(?:e|ed|ing) (?:my|our|his|her) ${alt('debt', 'personal', 'private', 'information', 'info', 'account', 'loan', 'address', 'details', 'situation')}`,
      `disclos(?:e|ed|ing) (?:the|this) (?:debt|loan|account) to`,
      `${alt('shared', 'posted', 'published', 'spread', 'circulated', 'broadcast', 'revealed', 'distributed', 'sent out')} ${words(2)}${alt('personal', 'private', 'information', 'info', 'details', 'photos?', 'pictures?', 'id', 'address', 'debts?', 'loans?', 'rumou?rs', 'word', 'picture')}`,
      `posted ${words(3)}(?:online|on (?:facebook|instagram|twitter|social media|the internet))`,
      `${alt('told', 'tell(?:ing)?', 'inform(?:ed|ing)?', 'notif(?:y|ied)')} ${words(2)}(?:(?:my|our) (?:\\w+ )?${EN_PEOPLE}|them|him|her|everyone|everybody|people) ${words(2)}(?:about |that )?(?:my|i|we|our) ${words(2)}${alt('debt', 'debts', 'loan', 'owe', 'owed', 'behind', 'late', 'deadbeat', 'default', 'defaulted', 'account', 'balance', 'money')}`,
    ),
    ['PRIVACY_DISCLOSURE'],
    { announced: 'also' },
  ),
];

// Verbs that bring a visitor: "跑到我家", "冲进店里", "堵在门口".
// prettier-ignore
const VISITOR_VERB_ZH = alt(
  '跑到', '跑来', '找到', '找来', '找上', '堵到', '闯到', '闯进', '闯入', '冲到', '冲进', '赶到',
  '守在', '蹲在', '等在', '堵在', '坐在', '来到', '摸到', '杀到', '上',
);
// Plain 来/到/去 need the borrower's place ("到我家", "来我们店"): "回到家" is the borrower's own.
const PLAIN_VERB_ZH = `(?<!回|我)${alt('来', '到', '去')}(?:了)?(?:我|我们|我父母|我爸妈|你|你们|你父母)(?:的|家的)?`;
// "打到单位" and "打电话到公司" are calls, not visits.
const NOT_AFTER_CALL = '(?<!打|电话|信息|短信|发|寄|call)';
// prettier-ignore
const DISTURB = alt(
  '闹', '堵', '吵', '骂', '喊', '拉横幅', '挂横幅', '围堵', '蹲守', '静坐', '找我', '要钱', '催收', '催债', '讨债',
);
// prettier-ignore
const VISIT_TAIL = alt(
  '找', '堵', '闹', '等', '敲门', '砸门', '坐', '催', '要', '蹲', '守', '骂', '威胁', '来', '了',
  '拉横幅', '挂横幅', '贴', '喊', '围', '静坐', '发传单', '散发', '吵', '',
);

// prettier-ignore
const EN_VISIT_VERB = alt(
  'came', 'come', 'comes', 'coming', 'showed up', 'show up', 'shows up', 'showing up', 'turned up',
  'turn up', 'turning up', 'appeared', 'visited', 'visit', 'visiting', 'stopped by', 'stop by',
  'went', 'go', 'going', 'waited', 'waiting', 'wait', 'camped', 'stood', 'banged on', 'knocked on',
  'pounded on', 'sent (?:\\w+ ){0,2}(?:agents?|collectors?|people|men|someone|somebody|a guy|guys)',
);

// prettier-ignore
const VISIT: readonly Rule[] = [
  zh(
    alt(
      '上门', '登门', '找上门', '家访', '外访', '实地催收', '当面(?:催|要|骂|威胁|堵)',
      `(?:派|带|叫)(?:了)?${alt('人', '几个人', '一群人', '一帮人', '两个人', '三个人', '催收员', '外访员')}${gap(2)}(?:来|到|过来|上门)`,
      '来找我', '找到我(?!的|们的|的联系)', '堵我', '蹲守', '蹲点', '守着我', '在门口等', '大喇叭',
    ),
    ['VISIT'],
    { announced: 'self' },
  ),
  zh(
    `${NOT_AFTER_CALL}(?:${VISITOR_VERB_ZH}(?:了)?(?:我|我们|我父母|我爸妈|你|你们)?(?:的)?|${PLAIN_VERB_ZH})${ZH_HOME}(?:里|来|去|门口|楼下)?${gap(4)}${VISIT_TAIL}`,
    ['VISIT'],
    { announced: 'self', channels: ['VISIT_HOME'] },
  ),
  zh('(?:来|到|上)(?:了)?家里(?:来|去)?', ['VISIT'], { announced: 'self', channels: ['VISIT_HOME'] }),
  // A disturbance at a place is a visit, whoever's place it is said to be: "来店里闹事".
  zh(`(?<!回|我)(?:来|到|去|在)(?:了)?${ZH_HOME}(?:里|门口|楼下)?${gap(2)}${DISTURB}`, ['VISIT'], {
    announced: 'self', channels: ['VISIT_HOME'],
  }),
  zh(`(?<!回|我)(?:来|到|去|在)(?:了)?${ZH_WORK}(?:里|门口|楼下)?${gap(2)}${DISTURB}`, ['VISIT'], {
    announced: 'self', channels: ['VISIT_WORKPLACE'],
  }),
  zh(
    `${NOT_AFTER_CALL}(?:${VISITOR_VERB_ZH}(?:了)?(?:我|我们|你|你们)?(?:的)?|${PLAIN_VERB_ZH})${ZH_WORK}(?:里|来|去|门口|楼下)?${gap(4)}${VISIT_TAIL}`,
    ['VISIT'],
    { announced: 'self', channels: ['VISIT_WORKPLACE'] },
  ),
  zh(
    `在(?:我|我们)?(?:的)?${ZH_HOME}${gap(3)}${alt('堵', '蹲', '守', '等我', '闹', '吵', '喊', '静坐', '拉横幅', '敲门', '砸门', '转悠', '徘徊')}`,
    ['VISIT'],
    { announced: 'self', channels: ['VISIT_HOME'] },
  ),
  zh(
    `在(?:我|我们)?(?:的)?${ZH_WORK}${gap(3)}${alt('堵', '蹲', '守', '等我', '闹', '吵', '喊', '静坐', '拉横幅', '转悠', '徘徊')}`,
    ['VISIT'],
    { announced: 'self', channels: ['VISIT_WORKPLACE'] },
  ),
  en(
    alt(
      'home visits?', 'in person', 'field (?:agents?|visits?|collectors?)', 'door-?to-?door',
      'at (?:my|our) door', 'on (?:my|our) (?:door|doorstep)',
    ),
    ['VISIT'],
    { announced: 'self' },
  ),
  en(
    `${NOT_BORROWER_EN}${EN_VISIT_VERB} ${words(3)}(?:to |at |on |outside |in front of |by )?(?:my|our) (?:\\w+ )?${EN_HOME}`,
    ['VISIT'],
    { announced: 'self', channels: ['VISIT_HOME'] },
  ),
  en(
    `${NOT_BORROWER_EN}${EN_VISIT_VERB} ${words(3)}(?:to |at |on |outside |in front of |by )?(?:my|our) ${EN_WORK}`,
    ['VISIT'],
    { announced: 'self', channels: ['VISIT_WORKPLACE'] },
  ),
];

// prettier-ignore
const VIOLENCE: readonly Rule[] = [
  zh(
    alt(
      '殴打', '打伤', '打人', '被打(?!电|爆|扰|了电|来|过来|给)', '挨打', '动手', '拳打脚踢',
      '扇(?:了)?(?:我)?(?:耳光|巴掌|脸)', '打(?:了)?我一(?:顿|拳|巴掌|耳光)',
      '打我(?:的)?(?:头|脸)', '推搡', '推倒', '推了我', '掐(?:我|住|脖子)', '揍', '踹',
      '踢(?:了)?(?:我|门)', '抓伤', '打成', '受伤', '流血', '骨折', '非法拘禁', '拘禁', '软禁',
      '限制(?:了)?(?:我的?)?(?:人身)?自由', '关(?:在|进|起来)', '扣押', '扣留', '强行带(?:走|到)',
      '(?:拉|拖|塞|押|推|架)(?:上|进)(?:了)?车', '关了(?:我|他|她)',
      `关(?:了)?(?:我|他|她)?${alt('\\d+', '[一二两三四五六七八九十几]+')}(?:个)?(?:小时|钟头|天)`,
      '推(?:了|倒|搡)(?:我|他|她)', '绑架', '绑(?:了|走)', '不让(?:我)?(?:走|离开|出门|回家|出去)',
      '砸(?:了|坏|烂|碎|门|车|窗|玻璃|东西|店|锁)', '泼(?:了)?(?:油漆|红漆|粪|大粪|脏水)', '喷漆',
      '刷漆', '油漆', '(?:灌|堵|塞|粘)(?:了)?锁眼', '锁眼', '(?:划|刮)(?:了|坏|花)?(?:我的)?车',
      '毁坏', '损坏', '破坏(?:了)?(?:我的?)?(?:门|车|窗|财物|东西|房|店|锁)', '放火', '纵火',
      '烧(?:了|毁)(?:我的)?(?:房|车|门|店)', '抢(?:走|了|夺)', '强行(?:拿|拿走|拖走|开走|搬走)',
      '没收(?:了)?(?:我的)?(?:手机|身份证|车)',
    ),
    ['VIOLENCE'],
    { announced: 'threat' },
  ),
  en(
    alt(
      'hit (?:me|my \\w+|him|her|us)', 'punch(?:ed|ing)?', 'slapp?(?:ed|ing)',
      'kick(?:ed|ing) (?:me|my|him|her|us|in)', 'shov(?:e|ed|ing)',
      'pushed (?:me|my \\w+|him|her|us)(?! (?:to|into|for|hard))', 'assault\\w*', 'attack(?:ed|ing)',
      'beat (?:me|him|her|us)', 'beaten', 'chok(?:e|ed|ing)', 'strangl\\w*',
      'grabb(?:ed|ing) (?:me|my \\w+|him|her|us)', 'injur(?:ed|ing) (?:me|my|him|her|us)',
      'hurt (?:me|my \\w+|us)', 'physically (?:assault|attack|harm|hurt|abus)\\w*', 'bruis\\w*',
      'held (?:me|us) (?:against|hostage|captive|in)', 'locked (?:me|us) (?:in|up)',
      "(?:wouldn't|would not|didn't|did not) let (?:me|us) (?:leave|go)", 'confined (?:me|us)',
      'kidnap\\w*',
      `${alt('damaged', 'smashed', 'broke', 'vandali[sz]ed', 'slashed', 'spray[- ]?painted', 'keyed', 'destroyed', 'set fire to', 'burned', 'egged', 'glued')} ${words(2)}${alt('car', 'door', 'windows?', 'property', 'tires', 'tyres', 'locks?', 'house', 'home', 'mailbox', 'fence', 'store', 'shop')}`,
      'vandalism', 'property damage', 'violen(?:ce|t)',
    ),
    ['VIOLENCE'],
    { announced: 'threat' },
  ),
];

// prettier-ignore
const DECEPTION: readonly Rule[] = [
  zh(
    alt(
      '虚假', '虚构', '谎称', '谎报', '谎话', '撒谎', '说谎', '编造', '捏造', '欺骗', '骗我',
      '骗人', '诱骗', '蒙骗', '忽悠', '误导', '套路', '夸大', '虚报', '虚增', '虚高', '乱收费',
      '乱收', '多收', '额外收取', '巧立名目', '莫名其妙的?(?:费用|收费)', '砍头息', '利滚利',
      `${alt('高额', '高昂', '不合理', '不明', '莫名', '额外', '各种', '乱七八糟', '离谱', '天价')}的?${alt('手续费', '服务费', '违约金', '罚息', '逾期费', '管理费', '催收费', '费用', '利息', '上门费', '律师费')}`,
      `${alt('金额', '数额', '欠款', '账目', '账单')}${alt('不对', '有误', '错误', '不符', '不清', '虚高', '被夸大', '对不上')}`,
      `${alt('明明', '实际', '本来', '其实')}(?:只|才)?(?:欠|借)`, '本金(?:只有|才|只)',
      '远(?:远)?超(?:过|出)', '翻(?:了)?(?:几|好几|一)?倍', '已(?:经)?(?:还清|结清|还完)',
      '早就(?:还清|结清|还完)', '不是我(?:的|借的)(?:钱|账|债|欠款)?', '冒用我',
      `${ZH_SAY}${gap(10)}${alt('涉嫌', '构成', '属于', '犯了?', '是', '定性为', '按')}${gap(4)}${alt('诈骗', '犯罪', '刑事', '违法', '恶意逃', '恶意拖欠', '骗贷', '拒执', '拒不执行', '信用卡诈骗', '恶意透支', '非法占有', '刑事案件', '经济犯罪', '洗钱')}`,
      // Lies about the borrower told to others: "说我跑路了", "说她是骗子".
      `${ZH_SAY}${gap(8)}${alt('跑路', '潜逃', '失联', '逃跑', '被抓', '出事', '进去了', '坐牢了', '是骗子', '骗钱', '诈骗犯', '犯罪分子', '吸毒', '赌博', '高利贷')}`,
      // The amount: "合同上只有五万", "多出来的钱", "所谓的服务费".
      `${alt('合同', '借款合同', '借条', '协议', '账单', '借款记录', 'app上')}(?:上|里|中)?(?:写的|约定的?|显示的?)?(?:只有|只|才|明明)`,
      `多出(?:来)?的?${alt('钱', '部分', '金额', '费用', '几万', '几千')}`, '凭空多',
      '莫名(?:其妙)?多(?:了|出)',
      `${alt('什么', '所谓的?', '名目', '说是', '巧立')}${alt('手续费', '服务费', '违约金', '罚息', '逾期费', '管理费', '催收费', '费用', '会员费', '担保费', '咨询费')}`,
      // The complainant refutes the claim: "实际上我只逾期了十天", "根本没有起诉".
      `${alt('实际上', '事实上', '其实', '实际')}(?:我)?(?:只|才)${alt('逾期', '欠', '借')}`,
      `根本${alt('没有', '没', '不存在', '就没')}${alt('起诉', '立案', '判决', '案件', '这回事', '这笔', '逮捕令', '传票')}`,
      `${alt('影响', '连累', '牵连', '波及')}${gap(4)}${alt('子女', '孩子', '小孩', '家人', '下一代')}${gap(4)}${alt('上学', '升学', '入学', '考公', '考编', '就业', '政审', '参军', '当兵', '前途')}`,
      `${alt('子女', '孩子', '小孩')}${gap(4)}${alt('不能', '无法', '没法', '上不了')}${gap(2)}${alt('上学', '考公', '入学', '参军', '考编')}`,
      `${alt('冻结', '查封', '拍卖', '扣押', '划扣')}${gap(6)}${alt('银行卡', '账户', '微信', '支付宝', '房子', '房产', '车', '资产', '财产', '工资', '社保', '医保')}`,
      `${ZH_SAY}${gap(6)}${alt('已经', '已')}${alt('立案', '起诉', '报案', '移交', '上报', '提交', '备案')}`,
      `${alt('列入', '上了?', '纳入', '拉入')}${alt('失信', '黑名单')}`, '征信黑名单',
    ),
    ['DECEPTION'],
  ),
  en(
    alt(
      'lie[sd]? (?:to|about)', 'lied', 'lying (?:to|about)', 'false(?:ly)?', 'untrue',
      'misrepresent\\w*', 'mislead\\w*', 'misled', 'deceiv\\w*', 'decepti\\w*',
      'bogus (?:fees?|charges?|amount|debt|balance)',
      'made[- ]up (?:fees?|charges?|amount|debt|balance)', 'fabricat\\w*', 'inflat(?:e|ed|ing)',
      `more than (?:i|we) ${words(1)}(?:owe|owed|borrowed|took out)`,
      '(?:wrong|incorrect|inaccurate|different) (?:amount|balance|figure|sum)',
      '(?:amount|balance) (?:was|is|they claimed) (?:wrong|incorrect|inaccurate|inflated)',
      '(?:hidden|extra|illegal|unauthori[sz]ed|junk|excessive|unexplained|unlawful|made-up|fake|bogus) (?:fees?|charges|interest)',
      "fees? (?:i|we) (?:never|didn't|did not) agree",
      `(?:fees?|charges?|interest) ${words(2)}(?:not|never) ${alt('in', 'part of', 'included in', 'listed in', 'disclosed in', 'authori[sz]ed by', 'mentioned in', 'stated in')} (?:my|the|our) ${alt('agreement', 'contract', 'loan agreement', 'terms', 'note')}`,
      `no ${alt('lawsuit', 'suit', 'case', 'court case', 'judgment', 'judgement', 'warrant', 'charges?', 'legal action')} ${alt('has', 'had', 'was', 'were', 'have')} (?:ever )?(?:been )?${alt('filed', 'issued', 'brought', 'taken', 'started')}`,
      `there (?:is|was|has been) no ${alt('lawsuit', 'warrant', 'case', 'judgment', 'court case', 'legal action')}`,
      'not my debt', "(?:debt|account|loan) (?:is|was|isn't|wasn't) (?:not )?mine",
      "(?:don't|do not|didn't|did not) (?:actually )?owe", 'already (?:paid|settled|repaid)',
      // False legal consequences. A threat of arrest or jail is THREAT; calling the default a
      // crime or announcing seizures is a false statement.
      `${EN_SAY} ${words(6)}${alt('criminal', 'crime', 'fraud', 'prosecut\\w*', 'garnish\\w*', 'seiz\\w*', 'felony', 'illegal', 'freeze', 'frozen')}`,
      `${EN_SAY} ${words(4)}(?:already|had) ${alt('filed', 'sued', 'started', 'taken', 'reported', 'issued')}`,
    ),
    ['DECEPTION'],
  ),
];

// ---------------------------------------------------------------------------------------
// Channels (VISIT_HOME and VISIT_WORKPLACE come with the VISIT rules above)

const ELECTRONIC: readonly Channel[] = ['SMS', 'SOCIAL_MEDIA', 'EMAIL', 'APP_PUSH'];

// prettier-ignore
const CHANNELS: readonly Rule[] = [
  zhCh(
    alt(
      '电话(?!号)', '来电', '致电', '打来', '打过来', '打给我', '打我(?:电话|手机)', '拨打', '通话',
      '未接', '外呼', '呼死你', '打爆', '(?<![a-z])call', '语音电话', '座机', '接听', '挂断',
      '回拨', '打嚟', '打(?:给|到|去)(?!(?:我的?)?(?:卡|账|银行|支付宝|微信|钱))', '响个不停', '一直打', '狂打',
    ),
    ['PHONE_CALL'],
  ),
  zhCh(alt('短信', '短讯', '简讯', '彩信', '讯息', '文字信息', '手机信息'), ['SMS']),
  // A bare "message" is an SMS unless a messaging app is named alongside.
  zhCh(
    `${alt('发', '收到', '条', '接到')}(?:了)?(?:\\d+|[一二两三四五六七八九十几]+)?(?:条)?${alt('催收', '威胁', '恐吓', '辱骂', '骚扰')}?${alt('信息', '消息')}`,
    ['SMS'],
    { unless: ELECTRONIC },
  ),
  zhCh(
    alt(
      '微信(?!支付|转账|还款|零钱)', '朋友圈', '(?<![a-z])qq(?![a-z])', '微博', '抖音', '快手',
      '小红书', '贴吧', '论坛', '脸书', 'facebook', 'instagram', '推特', 'twitter',
      '(?<![a-z])line(?:群|上|群组)', 'whatsapp', 'telegram', '社交(?:媒体|平台|软件|网络|账号)',
      `${alt('发', '贴', '挂', '曝光', '公布', '传')}(?:到|在|了)?${alt('网上', '网络上', '互联网上', '网络')}`,
      `网上${alt('曝光', '公开', '发布', '挂')}`, '公众号', '视频号', '直播', '群聊', '群里',
      '拉群', '建群', '微信群', '群组',
    ),
    ['SOCIAL_MEDIA'],
  ),
  zhCh(
    alt(
      '信函', '信件', '来信', '纸质(?:信|函|通知|文件)', '(?:寄|邮寄)(?:了|来|到|给|过来)?', '快递',
      '挂号信', '(?<![a-z])ems(?![a-z])', '函件', '明信片', '信封',
    ),
    ['LETTER'],
  ),
  // Sent to people without a named channel: "发给了通讯录里的所有人".
  zhCh(`发(?:了)?给|群发`, ['SMS'], { unless: ELECTRONIC }),
  // Letters from (or posing as) lawyers and courts, unless they came by an electronic channel.
  zhCh(alt('律师函', '催收函', '催告函', '告知函', '通知函', '传票', '法院文书'), ['LETTER'], {
    unless: ELECTRONIC,
  }),
  zhCh(alt('电子邮件', '电邮', '邮件(?!寄)', '邮箱', '(?<![a-z])e-?mail'), ['EMAIL']),
  zhCh(
    alt(
      '(?<![a-z])app(?:推送|通知|消息|弹窗|里|内|上)', '推送', '站内信', '弹窗',
      '系统(?:消息|通知)', '应用内', '客户端(?:消息|通知|推送)', '(?:软件|平台)(?:推送|通知|弹窗)',
    ),
    ['APP_PUSH'],
  ),
  enCh(
    alt(
      // Not the complainant's own call ("I called the police").
      '(?<!so-|\\bi |\\bwe )call(?:s|ed|ing)?(?! (?:the )?(?:police|911|cops|my bank|the bank))',
      'phone(?:d|s)?(?! number)', 'phone calls?', 'voicemails?', 'voice mails?', 'robo-?calls?',
      'rang', 'ringing', 'dial(?:l?ed|l?ing)?', 'hung up', 'callers?', 'on the phone',
    ),
    ['PHONE_CALL'],
  ),
  enCh(alt('texts?', 'texted', 'texting', 'text messages?', 'sms', 'imessages?'), ['SMS']),
  enCh(
    alt(
      'facebook', 'instagram', 'twitter', 'tiktok', 'linkedin', 'whatsapp', 'wechat', 'weibo',
      'telegram', 'snapchat', 'messenger', 'social media', 'social network\\w*', 'online posts?',
      `posted ${words(3)}online`, 'on the internet',
    ),
    ['SOCIAL_MEDIA'],
  ),
  enCh(
    alt(
      'letters?', '(?<!e-?)mail(?:ed|s)?(?! ?box)', 'in the mail', 'envelopes?', 'postcards?',
      'certified mail', 'collection notices?', 'by post', 'mailbox',
    ),
    ['LETTER'],
  ),
  enCh(alt('e-?mails?', 'e-?mailed', 'e-?mailing'), ['EMAIL']),
  enCh(
    alt(
      'push notifications?', 'app notifications?', 'in-app', 'through (?:the|their) app',
      '(?:on|in|via) (?:the|their) app', 'app messages?', 'app alerts?',
    ),
    ['APP_PUSH'],
  ),
];

export const RULES: readonly Rule[] = [
  ...THREAT,
  ...INSULT,
  ...THIRD_PARTY,
  ...EXCESSIVE_CONTACT,
  ...OFF_HOURS,
  ...IMPERSONATION,
  ...PRIVACY_DISCLOSURE,
  ...VISIT,
  ...VIOLENCE,
  ...DECEPTION,
  ...CHANNELS,
];
