// A multi-select over a fixed code list (categories, channels, sources, products), labelled
// from @cw/domain in the page's language and searchable in both.
import { useMemo, useState } from 'react';
import type { Label } from '@cw/domain';
import { useI18n } from '../../../app/I18nProvider';
import { MultiCombobox, type ComboOption } from './MultiCombobox';

interface Props {
  label: string;
  placeholder: string;
  testId: string;
  vocabulary: { codes: readonly string[]; labels: Readonly<Record<string, Label>> };
  codes: readonly string[];
  onChange: (codes: string[]) => void;
}

export function CodeFilter({ label, placeholder, testId, vocabulary, codes, onChange }: Props) {
  const { t, lang } = useI18n();
  const [query, setQuery] = useState('');
  const other = lang === 'zh' ? 'en' : 'zh';
  const options: ComboOption[] = useMemo(() => {
    const needle = query.trim().toLowerCase();
    return vocabulary.codes
      .filter((code) => {
        const l = vocabulary.labels[code]!;
        return !needle || `${l.zh} ${l.en} ${code}`.toLowerCase().includes(needle);
      })
      .map((code) => ({
        value: code,
        label: vocabulary.labels[code]![lang],
        hint: vocabulary.labels[code]![other],
      }));
  }, [vocabulary, query, lang, other]);
  const selected = codes.map((code) => ({
    value: code,
    label: vocabulary.labels[code]?.[lang] ?? code,
  }));
  return (
    <MultiCombobox
      label={label}
      placeholder={placeholder}
      testId={testId}
      query={query}
      onQueryChange={setQuery}
      options={options}
      selected={selected}
      noMatchesText={t('noMatches')}
      removeLabel={(l) => t('remove', { label: l })}
      onAdd={(code) => onChange([...codes, code])}
      onRemove={(code) => onChange(codes.filter((c) => c !== code))}
    />
  );
}
