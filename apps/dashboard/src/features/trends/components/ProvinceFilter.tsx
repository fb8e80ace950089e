import { useMemo, useState } from 'react';
import { PROVINCES, regionName } from '@cw/domain';
import { useI18n } from '../../../app/I18nProvider';
import { regionMatches } from '../utils/provinceSearch';
import { MultiCombobox, type ComboOption } from './MultiCombobox';

interface Props {
  codes: readonly string[];
  onChange: (codes: string[]) => void;
  testId?: string;
  /** See MultiCombobox: for pickers inside a form. */
  closeOnPick?: boolean;
  /** Instead of 省份 / Provinces (e.g. for a single province). */
  label?: string;
  invalid?: boolean;
  describedBy?: string;
  required?: boolean;
}

export function ProvinceFilter({
  codes,
  onChange,
  testId = 'province-picker',
  closeOnPick,
  label,
  invalid,
  describedBy,
  required,
}: Props) {
  const { t, lang } = useI18n();
  const [query, setQuery] = useState('');

  const options: ComboOption[] = useMemo(
    () =>
      PROVINCES.filter((r) => regionMatches(r, query)).map((r) => ({
        value: r.code,
        label: regionName(r.code, lang),
        hint: regionName(r.code, lang === 'zh' ? 'en' : 'zh'),
      })),
    [query, lang],
  );

  const selected: ComboOption[] = codes.map((code) => ({
    value: code,
    label: regionName(code, lang),
  }));

  return (
    <MultiCombobox
      label={label ?? t('provinces')}
      invalid={invalid}
      describedBy={describedBy}
      required={required}
      placeholder={t('provincePlaceholder')}
      testId={testId}
      closeOnPick={closeOnPick}
      query={query}
      onQueryChange={setQuery}
      options={options}
      selected={selected}
      noMatchesText={t('noMatches')}
      removeLabel={(label) => t('remove', { label })}
      onAdd={(code) => onChange([...codes, code])}
      onRemove={(code) => onChange(codes.filter((c) => c !== code))}
    />
  );
}
