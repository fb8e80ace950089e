// Series names in the reader's language. The server's labels are Chinese or codes; codes of
// the shared vocabulary and regions are labelled here from @cw/domain, and registry entries
// (institutions, agencies) keep the server's label.
import {
  CATEGORY,
  CHANNEL,
  INSTITUTION_TYPE,
  PRODUCT,
  regionName,
  SOURCE,
  type Dimension,
  type Label,
  type Lang,
} from '@cw/domain';
import { translate } from '../../../app/i18n';

/** Key of the single series of an ungrouped trend. */
export const ALL_KEY = 'ALL';
/** Key of the rest-of-top-N series. */
export const OTHER_KEY = 'OTHER';

const VOCABULARIES = {
  CATEGORY,
  CHANNEL,
  SOURCE,
  PRODUCT,
  INSTITUTION_TYPE,
} as const;

export function seriesLabel(
  dimension: Dimension | null,
  key: string,
  serverLabel: string,
  lang: Lang,
): string {
  if (dimension === null) return key === ALL_KEY ? translate(lang, 'allSeries') : serverLabel;
  switch (dimension) {
    case 'CATEGORY':
    case 'CHANNEL':
    case 'SOURCE':
    case 'PRODUCT':
    case 'INSTITUTION_TYPE': {
      const labels: Readonly<Record<string, Label | undefined>> = VOCABULARIES[dimension].labels;
      const label = labels[key];
      if (label) return label[lang];
      break;
    }
    case 'PROVINCE':
    case 'CITY': {
      const name = regionName(key, lang);
      if (name && name !== key) return name;
      break;
    }
    case 'INSTITUTION':
    case 'AGENCY':
      break;
  }
  if (key === OTHER_KEY) return translate(lang, 'otherSeries');
  return serverLabel || key;
}
