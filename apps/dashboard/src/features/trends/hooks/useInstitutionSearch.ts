// The registry type-ahead both institution pickers use (trend filter, intake form): the
// debounced search, its results, and a hint per result (type, the alias that matched, demo).
import { useQuery } from '@apollo/client/react';
import { INSTITUTION_TYPE } from '@cw/domain';
import { useI18n } from '../../../app/I18nProvider';
import { INSTITUTIONS, type InstitutionData } from '../graphql/institutions';
import { useDebouncedValue } from './useDebouncedValue';

export function useInstitutionSearch(typed: string, open: boolean, pageSize: number) {
  const { t, lang } = useI18n();
  const search = useDebouncedValue(typed.trim(), 250);
  const results = useQuery(INSTITUTIONS, {
    variables: { search: search || null, first: pageSize },
    skip: !open,
  });

  const hint = (inst: InstitutionData) => {
    const parts: string[] = [];
    if (INSTITUTION_TYPE.is(inst.type)) parts.push(INSTITUTION_TYPE.labels[inst.type][lang]);
    const needle = search.toLowerCase();
    const alias =
      needle && !inst.name.toLowerCase().includes(needle)
        ? inst.aliases.find((a) => a.toLowerCase().includes(needle))
        : undefined;
    if (alias) parts.push(t('alias', { alias }));
    if (inst.synthetic) parts.push(t('demoTag'));
    return parts.join(' · ');
  };

  return { search, results, list: results.data?.institutions ?? [], hint };
}
