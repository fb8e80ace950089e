import { useMemo, useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { useI18n } from '../../../app/I18nProvider';
import { AGENCIES } from '../graphql/agencies';
import { AGENCIES_BY_IDS } from '../graphql/agenciesByIds';
import { useDebouncedValue } from '../hooks/useDebouncedValue';
import { MultiCombobox, type ComboOption } from './MultiCombobox';

/** Collection agencies, searched by name or alias in the registry. */
export function AgencyFilter({
  ids,
  onChange,
}: {
  ids: readonly string[];
  onChange: (ids: string[]) => void;
}) {
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const search = useDebouncedValue(query.trim(), 250);
  const results = useQuery(AGENCIES, {
    variables: { search: search || null, first: 20 },
    skip: !open,
  });
  const known = useQuery(AGENCIES_BY_IDS, { variables: { ids: [...ids] }, skip: ids.length === 0 });
  const names = useMemo(() => {
    const m = new Map<string, string>();
    for (const a of [...(known.data?.agenciesByIds ?? []), ...(results.data?.agencies ?? [])])
      m.set(a.id, a.name);
    return m;
  }, [known.data, results.data]);
  const options: ComboOption[] = (results.data?.agencies ?? []).map((a) => ({
    value: a.id,
    label: a.name,
    hint: a.synthetic ? t('demoTag') : undefined,
  }));
  const status = results.error
    ? t('searchFailed')
    : results.loading && !results.data
      ? t('searching')
      : null;
  return (
    <MultiCombobox
      label={t('agencies')}
      placeholder={t('agencyPlaceholder')}
      testId="agency-search"
      query={query}
      onQueryChange={setQuery}
      onOpenChange={setOpen}
      options={options}
      selected={ids.map((id) => ({
        value: id,
        label: names.get(id) ?? t('unknownAgency', { id }),
      }))}
      status={status}
      noMatchesText={t('noMatches')}
      removeLabel={(l) => t('remove', { label: l })}
      onAdd={(id) => onChange([...ids, id])}
      onRemove={(id) => onChange(ids.filter((x) => x !== id))}
    />
  );
}
