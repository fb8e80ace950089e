// The narrative's analysis, asked for once typing has paused for 400 ms. The last answer
// stays on screen while the next is on its way, so the chips do not flicker.
import { useQuery } from '@apollo/client/react';
import { hasErrorCode } from '../../../app/errors';
import { useDebouncedValue } from '../../trends/hooks/useDebouncedValue';
import { ANALYZE_NARRATIVE, type NarrativeAnalysisData } from '../graphql/analyzeNarrative';

export const ANALYZE_DEBOUNCE_MS = 400;

export interface NarrativeAnalysis {
  analysis: NarrativeAnalysisData | null;
  /** Typing, or waiting for the answer to the latest text. */
  pending: boolean;
  failed: boolean;
  forbidden: boolean;
}

export function useNarrativeAnalysis(narrative: string): NarrativeAnalysis {
  const text = narrative.trim();
  const debounced = useDebouncedValue(text, ANALYZE_DEBOUNCE_MS);
  const { data, previousData, loading, error } = useQuery(ANALYZE_NARRATIVE, {
    variables: { text: debounced },
    skip: debounced === '',
  });
  const typed = text !== '';
  return {
    analysis: typed && debounced !== '' ? ((data ?? previousData)?.analyzeNarrative ?? null) : null,
    pending: typed && (text !== debounced || loading),
    failed: typed && text === debounced && Boolean(error) && !loading,
    forbidden: hasErrorCode(error, 'FORBIDDEN'),
  };
}
