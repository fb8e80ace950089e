// Negation and intent: whether a cue found in a sentence is denied ("没有威胁", "并未上门",
// "didn't threaten", "not at night") or only announced ("扬言要上门", "threatened to come to
// my house"). Both look at a short window before the cue, cut at the nearest clause break, so
// that "没还钱，他们就上门了" and "I didn't pay, so they came to my house" are not negated.

export type Lang = 'zh' | 'en';

/** Where a cue sits in its sentence. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

interface Grammar {
  /** Words that look negative but deny nothing the rules look for; masked first. */
  readonly pseudo: RegExp;
  readonly negator: RegExp;
  readonly negationBreak: RegExp;
  readonly negationWindow: number;
  readonly intent: RegExp;
  readonly actual: RegExp;
  readonly intentBreak: RegExp;
  readonly intentWindow: number;
}

const ZH: Grammar = {
  // 没完没了 (endlessly), 没停 (non-stop), 未接 (missed call), 未经同意 (without consent),
  // 无数 (countless), 不停 (non-stop), 不还 (a condition, 不还就…), 不放过 (a threat) …
  pseudo:
    /没完没了|没日没夜|没(?:有)?(?:停|断|接|还|钱|办法|能力|工作|收入|想到|料到|理|回|收|多久|过多久|几天|两天|一会|隔多久|过几天)|未(?:接|经|还|成年|婚|来)|逾期未|尚未还|无(?:数|论|故|缘无故|休止|时无刻|法|耻|赖|力|奈|辜|良|视|底线|理|效|关|限)|毫无|不(?:停|断|仅|但|止|少|管|论|分|得不|顾|堪|了|知|厌其烦|依不饶|择手段|还|接|放过|得好死|要脸|好过|客气|得安宁|是人|然|久|满|服|及时|到位|当|合理|正常|文明|法|良|该|符|实)|是不是|要不要/g,
  negator:
    /没有|没|并未|未曾|尚未|从未|从没|从来没|未|不曾|并非|并不|并没|无人|并无|绝无|无任何|不是|没人/,
  negationBreak:
    /[,，、:：;；]|但是?|可是|却|然而|不过|就|而是|结果|后来|然后|反而|只是|直到|还(?!没|未)|又|竟然|居然|甚至|之后|以后/g,
  negationWindow: 8,
  intent:
    /要(?!求|账|钱|债|回)|将|(?<!居委|村委|协|学)会(?!议)|(?:不|没)(?:还|给|交|处理|配合|接|回)[^,，]{0,4}就|准备|打算|扬言|威胁|恐吓|声称|否则|不然|再不|如果|若|马上|随时|小心|等着|下次|明天|过几天|迟早/g,
  actual: /已经|已|真的|竟然|居然|果然|还真|确实|直接|曾/g,
  // 就 joins a condition to its threat (不还就上门): it does not cut the intent window.
  intentBreak: /[,，:：;；]|但是?|可是|然而|不过|结果|后来|然后/g,
  intentWindow: 16,
};

const EN_BREAK =
  /[,;:]|\b(?:and|but|yet|then|so|instead|however|although|though|because|since|until|unless|when|while|whereas|even|still)\b/g;

const EN: Grammar = {
  pseudo:
    /\b(?:not only|no matter|no longer|never (?:stop(?:ped)?|end(?:ed)?)|(?:didn't|did not|don't|do not|doesn't|does not|wouldn't|would not|won't|will not|couldn't|haven't|hasn't|have not|has not|not) (?:stop|stopped|quit|let up|give up|end|cease|ceased)|without (?:my |our |their |any )?(?:consent|permission|authori[sz]ation|warning|notice)|(?:don't|didn't|do not|did not) (?:know|understand|recognize|recognise)|no (?:idea|choice|way)|(?:can't|couldn't|cannot|could not) (?:afford|sleep|pay|work|believe|focus)|(?:didn't|did not|haven't|have not|hadn't|not|never) (?:pay|paid|answer|answered|pick up|picked up|respond|responded|reply|replied)|no one answered)\b/g,
  negator:
    /\b(?:not|no|never|none|nobody|no one|nothing|neither|nor|without|didn't|didnt|don't|dont|doesn't|isn't|wasn't|weren't|aren't|haven't|hasn't|hadn't|won't|wouldn't|cannot|can't|couldn't|shouldn't)\b/,
  negationBreak: EN_BREAK,
  negationWindow: 40,
  intent:
    /\b(?:threat\w*|warn\w*|will|would|going to|gonna|plan\w* to|about to|intend\w* to|could|might|may|if i|if we|unless|or else|next time|tomorrow)\b|'ll\b|'d\b/g,
  actual: /\b(?:actually|really|did|already|eventually|later)\b/g,
  intentBreak:
    /[,;:]|\b(?:but|yet|then|so|however|although|though|because|since|until|when|while|even|still)\b/g,
  intentWindow: 50,
};

const GRAMMAR: Readonly<Record<Lang, Grammar>> = { zh: ZH, en: EN };

// Plain 不 negates only what follows at once (不骂, 不再上门); elsewhere it is too often a
// condition (不还就上门) or part of a fixed phrase.
const ZH_BU_BEFORE = /不(?:再|曾|会|敢|要|用)?$/;

function mask(text: string, pseudo: RegExp): string {
  return text.replace(pseudo, (m) => '_'.repeat(m.length));
}

/** What follows the last clause break in `text`. */
function afterLastBreak(text: string, breaks: RegExp): string {
  let cut = 0;
  for (const m of text.matchAll(breaks)) cut = m.index + m[0].length;
  return text.slice(cut);
}

function lastIndexOf(text: string, pattern: RegExp): number {
  let last = -1;
  for (const m of text.matchAll(pattern)) last = m.index;
  return last;
}

/**
 * True when the cue at `span` is denied: a negator stands in the same clause shortly before it
 * or, with `inner`, inside it (for patterns that join a verb and its object).
 */
export function isNegated(sentence: string, span: Span, lang: Lang, inner = false): boolean {
  const g = GRAMMAR[lang];
  const masked = mask(sentence, g.pseudo);
  const from = Math.max(0, span.start - g.negationWindow);
  const before = afterLastBreak(masked.slice(from, span.start), g.negationBreak);
  if (g.negator.test(before)) return true;
  if (lang === 'zh' && ZH_BU_BEFORE.test(before)) return true;
  if (!inner) return false;
  return g.negator.test(afterLastBreak(masked.slice(span.start, span.end), g.negationBreak));
}

/** True when the cue at `span` is announced or threatened rather than reported as done. */
export function isIntended(sentence: string, span: Span, lang: Lang): boolean {
  const g = GRAMMAR[lang];
  const from = Math.max(0, span.start - g.intentWindow);
  const before = afterLastBreak(sentence.slice(from, span.start), g.intentBreak);
  const intent = lastIndexOf(before, g.intent);
  return intent >= 0 && lastIndexOf(before, g.actual) < intent;
}
