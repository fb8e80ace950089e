// Cities: those of the chosen provinces, or all when none is chosen; Chinese or English names.
import { useMemo, useState } from 'react';
import { CITIES, citiesOf, regionName, type Region } from '@cw/domain';
import { useI18n } from '../../../app/I18nProvider';
import { regionMatches } from '../utils/provinceSearch';
import { MultiCombobox, type ComboOption } from './MultiCombobox';

const MAX_OPTIONS = 60;

export function CityFilter({
  provinceCodes,
  codes,
  onChange,
}: {
  provinceCodes: readonly string[];
  codes: readonly string[];
  onChange: (codes: string[]) => void;
}) {
  const { t, lang } = useI18n();
  const [query, setQuery] = useState('');
  const options: ComboOption[] = useMemo(() => {
    const pool: readonly Region[] =
      provinceCodes.length > 0 ? provinceCodes.flatMap((p) => citiesOf(p)) : CITIES;
    return pool
      .filter((r) => regionMatches(r, query))
      .slice(0, MAX_OPTIONS)
      .map((r) => ({
        value: r.code,
        label: regionName(r.code, lang),
        hint: `${regionName(r.provinceCode, lang)} · ${regionName(r.code, lang === 'zh' ? 'en' : 'zh')}`,
      }));
  }, [provinceCodes, query, lang]);
  return (
    <MultiCombobox
      label={t('cities')}
      placeholder={t('cityPlaceholder')}
      testId="city-picker"
      query={query}
      onQueryChange={setQuery}
      options={options}
      selected={codes.map((c) => ({ value: c, label: regionName(c, lang) }))}
      noMatchesText={t('noMatches')}
      removeLabel={(l) => t('remove', { label: l })}
      onAdd={(code) => onChange([...codes, code])}
      onRemove={(code) => onChange(codes.filter((c) => c !== code))}
    />
  );
}
