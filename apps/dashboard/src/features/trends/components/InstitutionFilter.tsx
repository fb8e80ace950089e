import { useMemo, useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { useI18n } from '../../../app/I18nProvider';
import { INSTITUTIONS_BY_IDS } from '../graphql/institutionsByIds';
import { useInstitutionSearch } from '../hooks/useInstitutionSearch';
import { MultiCombobox, type ComboOption } from './MultiCombobox';

const PAGE_SIZE = 20;

interface Props {
  ids: readonly string[];
  onChange: (ids: string[]) => void;
  testId?: string;
  /** See MultiCombobox: for pickers inside a form. */
  closeOnPick?: boolean;
}

export function InstitutionFilter({
  ids,
  onChange,
  testId = 'institution-search',
  closeOnPick,
}: Props) {
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  // Names of institutions picked in this session; ids from a pasted link are looked up.
  const [picked, setPicked] = useState<Readonly<Record<string, string>>>({});
  const { search, results, list, hint } = useInstitutionSearch(query, open, PAGE_SIZE);

  const missing = useMemo(() => ids.filter((id) => !(id in picked)), [ids, picked]);
  const known = useQuery(INSTITUTIONS_BY_IDS, {
    variables: { ids: missing },
    skip: missing.length === 0,
  });

  const options: ComboOption[] = list.map((inst) => ({
    value: inst.id,
    label: inst.name,
    hint: hint(inst),
  }));

  const names = new Map<string, string>();
  for (const inst of known.data?.institutionsByIds ?? []) names.set(inst.id, inst.name);
  const selected: ComboOption[] = ids.map((id) => ({
    value: id,
    label: picked[id] ?? names.get(id) ?? t('unknownInstitution', { id }),
  }));

  const typing = query.trim() !== search;
  const status = results.error
    ? t('searchFailed')
    : (results.loading && !results.data) || (typing && list.length === 0)
      ? t('searching')
      : null;

  return (
    <MultiCombobox
      label={t('institutions')}
      placeholder={t('institutionPlaceholder')}
      testId={testId}
      closeOnPick={closeOnPick}
      query={query}
      onQueryChange={setQuery}
      onOpenChange={setOpen}
      options={options}
      selected={selected}
      status={status}
      noMatchesText={t('noMatches')}
      removeLabel={(label) => t('remove', { label })}
      onAdd={(id) => {
        const inst = list.find((i) => i.id === id);
        if (inst) setPicked((p) => ({ ...p, [id]: inst.name }));
        onChange([...ids, id]);
      }}
      onRemove={(id) => onChange(ids.filter((x) => x !== id))}
    />
  );
}
