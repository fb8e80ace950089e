// @cw/text: pure text capabilities shared by the import pipeline (server) and the intake form
// (browser): conduct classification of complaint narratives and redaction of personal data.
// No Node-only APIs here (the build's tsconfig.lib.json has no Node types).
export { analyzeNarrative, type NarrativeAnalysis } from './analyze.js';
export { classifyNarrative, DEFAULT_CHANNEL, type Classification } from './classify/classify.js';
export { isOffHour } from './classify/time.js';
export {
  findPersonalData,
  narrativeLanguage,
  PLACEHOLDERS,
  redactNarrative,
  type NarrativeLanguage,
  type PersonalData,
  type PersonalDataKind,
} from './redact/redact.js';
export {
  isValidBankCard,
  isValidResidentId15,
  isValidResidentId18,
  isValidSsn,
  isMainlandLandline,
  isMainlandMobile,
  passesLuhn,
  residentIdCheckChar,
} from './redact/validators.js';
