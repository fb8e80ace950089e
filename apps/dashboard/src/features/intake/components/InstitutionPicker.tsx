// One institution: searched in the registry (the trend page's type-ahead, by name or
// alias), or typed freely when it is not there, in which case the API creates a
// provisional entry. What is typed and not picked is sent as it is.
import { useState } from 'react';
import { useI18n } from '../../../app/I18nProvider';
import { MultiCombobox, type ComboOption } from '../../trends/components/MultiCombobox';
import { useInstitutionSearch } from '../../trends/hooks/useInstitutionSearch';
import type { InstitutionChoice } from '../utils/intakeForm';

const PAGE_SIZE = 10;
/** The option "use what I typed"; the chosen typed name has its own value. */
const TYPED = '__typed__';
const TYPED_CHOSEN = '__typed_chosen__';

interface Props {
  value: InstitutionChoice | null;
  onChange: (value: InstitutionChoice | null) => void;
  query: string;
  onQueryChange: (query: string) => void;
  label: string;
  testId: string;
  invalid?: boolean;
  describedBy?: string;
  required?: boolean;
}

export function InstitutionPicker({
  value,
  onChange,
  query,
  onQueryChange,
  label,
  testId,
  invalid,
  describedBy,
  required,
}: Props) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const typed = query.trim();
  const { search, results, list, hint } = useInstitutionSearch(typed, open, PAGE_SIZE);

  const searching = typed !== search || (results.loading && !results.data);
  const exact = list.some(
    (i) =>
      i.name.toLowerCase() === typed.toLowerCase() ||
      i.aliases.some((a) => a.toLowerCase() === typed.toLowerCase()),
  );
  const options: ComboOption[] = list.map((inst) => ({
    value: inst.id,
    label: inst.name,
    hint: hint(inst),
  }));
  if (typed !== '' && !searching && !exact) {
    options.push({
      value: TYPED,
      label: t('useTyped', { text: typed }),
      hint: t('provisionalTag'),
    });
  }

  const selected: ComboOption[] = value
    ? [
        value.id
          ? { value: value.id, label: value.name }
          : { value: TYPED_CHOSEN, label: t('provisionalChip', { name: value.name }) },
      ]
    : [];

  const status = results.error
    ? t('searchFailed')
    : searching && list.length === 0
      ? t('searching')
      : null;

  return (
    <MultiCombobox
      label={label}
      placeholder={t('intakeInstitutionPlaceholder')}
      testId={testId}
      closeOnPick
      invalid={invalid}
      describedBy={describedBy}
      required={required}
      query={query}
      onQueryChange={onQueryChange}
      onOpenChange={setOpen}
      options={options}
      selected={selected}
      status={status}
      noMatchesText={t('noMatches')}
      removeLabel={(name) => t('remove', { label: name })}
      onAdd={(id) => {
        if (id === TYPED) {
          onChange({ id: null, name: typed });
          return;
        }
        const inst = list.find((i) => i.id === id);
        if (inst) onChange({ id: inst.id, name: inst.name });
      }}
      onRemove={() => onChange(null)}
    />
  );
}
