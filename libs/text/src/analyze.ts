// The one call the import pipeline and the intake form make: classify the raw narrative, then
// redact it for storage. Classification reads the raw text; only the redacted text leaves.
import { classifyNarrative, type Classification } from './classify/classify.js';
import { redactNarrative } from './redact/redact.js';

export interface NarrativeAnalysis extends Classification {
  /** The narrative with personal data replaced by placeholders: the only text to store. */
  readonly redacted: string;
}

export function analyzeNarrative(text: string): NarrativeAnalysis {
  const { categories, channels } = classifyNarrative(text);
  return { categories, channels, redacted: redactNarrative(text) };
}
