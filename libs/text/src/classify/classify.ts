// Rule-based classification of a complaint narrative into conduct categories and contact
// channels. Each sentence is matched against the lexicons (lexicon.ts); a cue counts unless it
// is negated ("没有威胁", "didn't threaten"); a deed that is only announced ("扬言要曝光",
// "threatened to hurt me") counts as its rule says (Rule.announced). Clock times feed OFF_HOURS and
// counted contacts feed EXCESSIVE_CONTACT. Violence implies presence, so it brings a visit
// channel; a narrative that names no channel at all gets the phone (DEFAULT_CHANNEL).
import { CATEGORY, CHANNEL, type Category, type Channel } from '@cw/domain';
import { excessiveCounts } from './counts.js';
import { EN_WORKPLACE, RULES, ZH_WORKPLACE, type Rule } from './lexicon.js';
import { isIntended, isNegated } from './negation.js';
import { normalize, sentences } from './normalize.js';
import { offHourTimes } from './time.js';

/** The channel assumed when a narrative reports conduct but names no channel. */
export const DEFAULT_CHANNEL: Channel = 'PHONE_CALL';

export interface Classification {
  /** Conduct categories detected, in the order of CATEGORY.codes. */
  readonly categories: Category[];
  /** Contact channels detected, in the order of CHANNEL.codes. */
  readonly channels: Channel[];
}

/** What one rule says about one sentence. */
type Verdict = 'none' | 'done' | 'announced';

function judge(rule: Rule, sentence: string): Verdict {
  let verdict: Verdict = 'none';
  for (const m of sentence.matchAll(rule.pattern)) {
    const span = { start: m.index, end: m.index + m[0].length };
    if (isNegated(sentence, span, rule.lang, rule.inner)) continue;
    if (rule.announced !== undefined && isIntended(sentence, span, rule.lang)) {
      verdict = 'announced';
      continue;
    }
    return 'done';
  }
  return verdict;
}

const CJK = /[\u3400-\u9fff]/;
const LATIN = /[a-z]{2}/;

/** Where an in-person deed happened: the borrower's workplace if the sentence names it, else home. */
function inPersonChannel(sentence: string): Channel {
  return ZH_WORKPLACE.test(sentence) || EN_WORKPLACE.test(sentence)
    ? 'VISIT_WORKPLACE'
    : 'VISIT_HOME';
}

interface Found {
  readonly categories: Set<Category>;
  readonly channels: Set<Channel>;
}

function classifySentence(sentence: string, found: Found): void {
  const channels = new Set<Channel>();
  const conditional: Rule[] = [];
  let inPerson = false;
  // Chinese rules read Chinese sentences only, so "call" in "until I called the police" is not
  // taken for the "连环call" of a Chinese complaint; English rules read any sentence with Latin
  // words (Chinese complaints mention Facebook, WhatsApp, App).
  const langs = { zh: CJK.test(sentence), en: LATIN.test(sentence) };
  for (const rule of RULES) {
    if (!langs[rule.lang]) continue;
    const verdict = judge(rule, sentence);
    if (verdict === 'none') continue;
    if (verdict === 'announced') {
      if (rule.announced !== 'self') found.categories.add('THREAT');
      if (rule.announced !== 'threat')
        for (const category of rule.categories) found.categories.add(category);
      continue;
    }
    for (const category of rule.categories) found.categories.add(category);
    if (rule.unless.length > 0) conditional.push(rule);
    else for (const channel of rule.channels) channels.add(channel);
    // A visit without a named place ("上门", "in person"), or violence, which needs presence.
    const bodily = rule.categories.includes('VISIT') || rule.categories.includes('VIOLENCE');
    if (bodily && rule.channels.length === 0) inPerson = true;
  }
  for (const rule of conditional) {
    if (!rule.unless.some((c) => channels.has(c)))
      for (const channel of rule.channels) channels.add(channel);
  }
  if (inPerson && !channels.has('VISIT_HOME') && !channels.has('VISIT_WORKPLACE')) {
    channels.add(inPersonChannel(sentence));
  }
  if (offHourTimes(sentence).length > 0) found.categories.add('OFF_HOURS');
  if (excessiveCounts(sentence).length > 0) found.categories.add('EXCESSIVE_CONTACT');
  for (const channel of channels) found.channels.add(channel);
}

/**
 * The conduct categories and channels a narrative (Chinese, simplified or traditional, or
 * English) describes. Pure and synchronous; safe in the browser.
 */
export function classifyNarrative(text: string): Classification {
  const found: Found = { categories: new Set(), channels: new Set() };
  for (const sentence of sentences(normalize(text))) classifySentence(sentence, found);
  // Conduct reported with no channel named ("催收员威胁说…", "They told me…") came by phone,
  // the channel of nearly all collection contact.
  if (found.categories.size > 0 && found.channels.size === 0) found.channels.add(DEFAULT_CHANNEL);
  return {
    categories: CATEGORY.codes.filter((c) => found.categories.has(c)),
    channels: CHANNEL.codes.filter((c) => found.channels.has(c)),
  };
}
