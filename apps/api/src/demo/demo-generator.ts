// The demo data set: complaints with the shape DOMAIN.md describes (a few heavy offenders,
// regional concentration, seasonality, growth and decline, multi-category complaints,
// narratives in Chinese and English, handling times), from a seed. The same seed, size
// and end date give the same rows on every machine.
import {
  addDays,
  CATEGORY,
  citiesOf,
  daysBetween,
  periodStart,
  provincePopulation,
  PROVINCES,
  shanghaiDayStart,
  type Category,
  type Channel,
  type Evidence,
  type InstitutionType,
  type Product,
  type Source,
  type Status,
} from '@cw/domain';
import { demoNarrative } from './demo-narratives.js';
import { demoAgencies, demoInstitutions } from './demo-registry.js';
import { Random, WeightedPicker } from './random.js';

export interface DemoOptions {
  complaints: number;
  seed: number;
  /** Last day of the data (Asia/Shanghai); the data spans the three years before it. */
  endDate: string;
}

export interface DemoComplaint {
  source: Source;
  externalId: string;
  receivedAt: Date;
  incidentAt: Date | null;
  /** Index into `DemoDataSet.institutions`. */
  institution: number;
  /** Index into `DemoDataSet.agencies`, or null. */
  agency: number | null;
  product: Product | null;
  provinceCode: string;
  cityCode: string | null;
  channels: Channel[];
  categoriesDeclared: Category[];
  categoriesDetected: Category[];
  categories: Category[];
  narrative: string;
  amountOwed: number | null;
  overdueDays: number | null;
  status: Status;
  institutionResponse: string | null;
  respondedAt: Date | null;
  evidence: Evidence[];
}

export interface DemoDataSet {
  institutions: ReturnType<typeof demoInstitutions>;
  agencies: ReturnType<typeof demoAgencies>;
  complaints: () => Generator<DemoComplaint>;
}

const SPAN_DAYS = 3 * 365;

// Month-of-year factor: complaints rise after the Spring Festival and the November
// shopping festivals (debts fall due), and dip in the October holidays.
const MONTH_FACTOR = [1.0, 0.85, 1.2, 1.1, 1.0, 0.95, 1.0, 1.05, 1.0, 0.85, 1.1, 1.2];
// Fewer complaints are filed at weekends (Sunday first, as Date.getUTCDay counts).
const WEEKDAY_FACTOR = [0.6, 1.1, 1.1, 1.05, 1.0, 1.0, 0.7];

// Provinces where online lending, and complaints about it, are most common.
const BUSY_PROVINCES: Record<string, number> = {
  '440000': 3.2,
  '410000': 2.2,
  '370000': 2.0,
  '510000': 2.0,
  '320000': 1.9,
  '330000': 1.8,
  '430000': 1.6,
  '420000': 1.5,
  '130000': 1.5,
  '340000': 1.4,
  '350000': 1.2,
  '450000': 1.2,
  '500000': 1.2,
  '360000': 1.1,
  '610000': 1.0,
  '530000': 1.0,
  '110000': 1.0,
  '310000': 1.0,
};

const SOURCES = new WeightedPicker<Source>(
  ['ONLINE_PLATFORM', 'HOTLINE', 'CONSUMER_ASSOCIATION', 'INSTITUTION', 'POLICE', 'MEDIA'],
  [36, 26, 20, 10, 5, 3],
);

const CATEGORY_BASE = new WeightedPicker<Category>(
  [
    'EXCESSIVE_CONTACT',
    'THIRD_PARTY',
    'INSULT',
    'THREAT',
    'OFF_HOURS',
    'PRIVACY_DISCLOSURE',
    'IMPERSONATION',
    'DECEPTION',
    'VISIT',
    'VIOLENCE',
  ],
  [26, 20, 14, 13, 8, 7, 5, 4, 2.5, 0.5],
);

/** Conduct that tends to come together in one complaint. */
const COMPANIONS: Partial<Record<Category, Category[]>> = {
  EXCESSIVE_CONTACT: ['OFF_HOURS', 'INSULT', 'THIRD_PARTY'],
  THIRD_PARTY: ['PRIVACY_DISCLOSURE', 'EXCESSIVE_CONTACT', 'INSULT'],
  THREAT: ['INSULT', 'IMPERSONATION', 'VISIT'],
  INSULT: ['THREAT', 'EXCESSIVE_CONTACT'],
  IMPERSONATION: ['THREAT', 'DECEPTION'],
  VISIT: ['THREAT', 'VIOLENCE'],
  PRIVACY_DISCLOSURE: ['THIRD_PARTY', 'INSULT'],
};

const CHANNELS_FOR: Record<Category, Channel[]> = {
  THREAT: ['PHONE_CALL', 'SMS'],
  INSULT: ['PHONE_CALL', 'SMS'],
  THIRD_PARTY: ['PHONE_CALL', 'SMS', 'SOCIAL_MEDIA'],
  EXCESSIVE_CONTACT: ['PHONE_CALL', 'SMS'],
  OFF_HOURS: ['PHONE_CALL'],
  IMPERSONATION: ['PHONE_CALL', 'LETTER', 'SMS'],
  PRIVACY_DISCLOSURE: ['SOCIAL_MEDIA', 'SMS'],
  VISIT: ['VISIT_HOME', 'VISIT_WORKPLACE'],
  VIOLENCE: ['VISIT_HOME'],
  DECEPTION: ['PHONE_CALL', 'APP_PUSH', 'EMAIL'],
};

const PRODUCTS: Record<InstitutionType, [Product[], number[]]> = {
  BANK: [
    ['CREDIT_CARD', 'CONSUMER_LOAN', 'BUSINESS_LOAN'],
    [6, 3, 1],
  ],
  INTERNET_BANK: [
    ['BUSINESS_LOAN', 'CONSUMER_LOAN'],
    [5, 5],
  ],
  CONSUMER_FINANCE: [
    ['CONSUMER_LOAN', 'BNPL'],
    [7, 3],
  ],
  MICROLOAN: [
    ['CONSUMER_LOAN', 'BUSINESS_LOAN', 'OTHER'],
    [7, 2, 1],
  ],
  LOAN_PLATFORM: [
    ['CONSUMER_LOAN', 'BNPL', 'OTHER'],
    [5, 4, 1],
  ],
  OTHER: [['OTHER'], [1]],
};

const RESPONSES = [
  '已核实，对催收人员进行处罚并暂停其催收权限。',
  '已与客户协商还款方案，减免部分罚息。',
  '经核查，催收行为符合规定，已向客户解释。',
  '已终止与相关催收机构的合作。',
];

const EVIDENCE: Evidence[] = ['RECORDING', 'SCREENSHOT', 'DOCUMENT', 'WITNESS'];

/** Builds the data set; complaints are generated lazily, in order of receipt. */
export function demoDataSet(options: DemoOptions): DemoDataSet {
  const setup = new Random(options.seed);
  const institutions = demoInstitutions(setup);
  const agencies = demoAgencies(setup);
  // Each lender uses a handful of collection agencies.
  const agenciesOf = institutions.map(() =>
    Array.from({ length: setup.int(2, 5) }, () => setup.int(0, agencies.length - 1)),
  );
  // Complaints follow population (2020 census), more so where online lending is common.
  // Hong Kong, Macao and Taiwan get none: their complaints reach other bodies.
  const provinceWeights = PROVINCES.map((p) => {
    const people = provincePopulation(p.code);
    if (!people?.census) return 0;
    const busy = BUSY_PROVINCES[p.code];
    return (
      (people.population / 1e7) * (busy ? 1 + (busy - 1) / 2 : 0.8) * (0.8 + setup.next() * 0.4)
    );
  });
  const nationalWeight = provinceWeights.reduce((a, b) => a + b, 0);
  const cityPickers = new Map(
    PROVINCES.map((p) => {
      const cities = citiesOf(p.code);
      // The capital (listed first) takes the largest share.
      const weights = cities.map((_, i) => (i === 0 ? 4 : 0.3 + setup.next()));
      return [
        p.code,
        cities.length
          ? new WeightedPicker(
              cities.map((c) => c.code),
              weights,
            )
          : null,
      ];
    }),
  );
  const homePickers = institutions.map(
    (inst) =>
      new WeightedPicker(
        PROVINCES.map((p) => p.code),
        // A lender's home province draws a third of its complaints on top of its share.
        provinceWeights.map((w, i) =>
          PROVINCES[i]?.code === inst.homeProvince ? w + nationalWeight / 2 : w,
        ),
      ),
  );
  const nationalPicker = new WeightedPicker(
    PROVINCES.map((p) => p.code),
    provinceWeights,
  );
  const firstDay = addDays(options.endDate, -(SPAN_DAYS - 1));
  // A few bursts in the last months (a lender's new collection agency, a campaign of calls):
  // for a week, many of the day's complaints are about one lender in one province.
  const bursts = [40, 95, 150].map((daysBack, k) => {
    const institution = setup.int(0, 7);
    const week = periodStart(addDays(options.endDate, -daysBack), 'WEEK');
    return {
      institution,
      province: k === 1 ? '510000' : institutions[institution]!.homeProvince,
      from: week,
      to: addDays(week, 6),
      perDay: Math.max(3, Math.round((options.complaints * 0.0004 * (k + 2)) / 7)),
    };
  });

  function* complaints(): Generator<DemoComplaint> {
    const random = new Random(options.seed ^ 0x5eed);
    const days = Array.from({ length: SPAN_DAYS }, (_, i) => addDays(firstDay, i));
    const dayWeights = days.map((d, i) => {
      const weekday = new Date(`${d}T00:00:00Z`).getUTCDay();
      const month = Number(d.slice(5, 7)) - 1;
      const growth = 0.8 + 0.5 * (i / SPAN_DAYS); // complaints rise over the years
      return (MONTH_FACTOR[month] ?? 1) * (WEEKDAY_FACTOR[weekday] ?? 1) * growth;
    });
    // Allocate counts to days by weight, then generate each day's complaints in order.
    const totalWeight = dayWeights.reduce((a, b) => a + b, 0);
    let carried = 0;
    let index = 0;
    for (let i = 0; i < days.length; i++) {
      const exact = (options.complaints * (dayWeights[i] ?? 0)) / totalWeight + carried;
      const count = i === days.length - 1 ? options.complaints - index : Math.floor(exact);
      carried = exact - Math.floor(exact);
      const day = days[i] as string;
      const t = i / SPAN_DAYS;
      const institutionPicker = new WeightedPicker(
        institutions.map((_, k) => k),
        institutions.map((inst) => inst.weight * Math.max(0.05, 1 + inst.growth * t)),
      );
      const times = Array.from({ length: count }, () => receivedSecond(random)).sort(
        (a, b) => a - b,
      );
      const burst = bursts.find((b) => day >= b.from && day <= b.to);
      let inBurst = burst ? Math.min(burst.perDay, times.length) : 0;
      for (const second of times) {
        if (burst && inBurst-- > 0 && random.chance(0.9)) {
          yield complaint(random, index++, day, second, burst.institution, burst.province);
        } else {
          yield complaint(random, index++, day, second, institutionPicker.pick(random));
        }
      }
    }
  }

  function receivedSecond(random: Random): number {
    // Mostly office hours (hotlines), some at any time (online platforms).
    const hour = random.chance(0.75) ? random.int(8, 19) : random.int(0, 23);
    return hour * 3600 + random.int(0, 3599);
  }

  function complaint(
    random: Random,
    index: number,
    day: string,
    second: number,
    institutionIndex: number,
    province?: string,
  ): DemoComplaint {
    const inst = institutions[institutionIndex]!;
    const source = SOURCES.pick(random);
    const receivedAt = new Date(shanghaiDayStart(day).getTime() + second * 1000);
    const provinceCode =
      province ??
      (random.chance(0.65)
        ? homePickers[institutionIndex]!.pick(random)
        : nationalPicker.pick(random));
    const cityCode = random.chance(0.92)
      ? (cityPickers.get(provinceCode)?.pick(random) ?? null)
      : null;

    const categories = pickCategories(random);
    const channels = [...new Set(categories.map((c) => random.pick(CHANNELS_FOR[c])))];
    const overdueDays = random.chance(0.85)
      ? Math.min(1500, Math.round(Math.exp(3 + random.normal())))
      : null;
    const english = random.chance(0.12);
    const narrative = demoNarrative(random, categories, english, overdueDays);
    // What the complainant ticked: usually the main conduct, sometimes everything.
    const declared = random.chance(0.4) ? [...categories] : categories.slice(0, 1);
    const detected = narrative.expressed;
    const [products, weights] = PRODUCTS[inst.type];
    const product = random.chance(0.95) ? new WeightedPicker(products, weights).pick(random) : null;

    const offHours = categories.includes('OFF_HOURS') || random.chance(0.08);
    const incidentHour = offHours ? random.pick([22, 23, 0, 1, 2, 3, 5, 6, 7]) : random.int(8, 21);
    const incidentAt = random.chance(0.8)
      ? new Date(
          shanghaiDayStart(addDays(day, -random.int(0, 10))).getTime() +
            (incidentHour * 3600 + random.int(0, 3599)) * 1000,
        )
      : null;

    const handling = handle(random, receivedAt, categories, day);
    const agencies = agenciesOf[institutionIndex]!;
    return {
      source,
      externalId: `DEMO-${options.seed}-${String(index).padStart(8, '0')}`,
      receivedAt,
      incidentAt: incidentAt && incidentAt <= receivedAt ? incidentAt : null,
      institution: institutionIndex,
      agency: random.chance(0.7) ? random.pick(agencies) : null,
      product,
      provinceCode,
      cityCode,
      channels,
      categoriesDeclared: [...new Set(declared)].sort(),
      categoriesDetected: [...new Set(detected)].sort(),
      categories: [...new Set(categories)].sort(),
      narrative: narrative.text,
      amountOwed: random.chance(0.8)
        ? Math.round(
            Math.exp((product === 'BUSINESS_LOAN' ? 11 : 9.3) + 0.9 * random.normal()) * 100,
          ) / 100
        : null,
      overdueDays,
      evidence: EVIDENCE.filter(() => random.chance(0.3)),
      ...handling,
    };
  }

  function pickCategories(random: Random): Category[] {
    const first = CATEGORY_BASE.pick(random);
    const out = new Set<Category>([first]);
    const extra = random.chance(0.45) ? (random.chance(0.35) ? 2 : 1) : 0;
    for (let k = 0; k < extra; k++) {
      const companions = COMPANIONS[first];
      out.add(
        companions && random.chance(0.8) ? random.pick(companions) : CATEGORY_BASE.pick(random),
      );
    }
    return [...out].filter((c) => CATEGORY.is(c));
  }

  function handle(
    random: Random,
    receivedAt: Date,
    categories: Category[],
    day: string,
  ): Pick<DemoComplaint, 'status' | 'institutionResponse' | 'respondedAt'> {
    const age = daysBetween(day, options.endDate);
    const serious = categories.includes('VIOLENCE') || categories.includes('IMPERSONATION');
    if (random.chance(serious ? 0.25 : 0.02)) {
      return { status: 'REFERRED_TO_POLICE', institutionResponse: null, respondedAt: null };
    }
    // Most answers come within the 15 days the rules allow; some are late.
    const delay = random.chance(0.82) ? random.int(1, 15) : random.int(16, 45);
    if (age < delay) {
      return {
        status: random.chance(0.5) ? 'RECEIVED' : 'FORWARDED',
        institutionResponse: null,
        respondedAt: null,
      };
    }
    const respondedAt = new Date(
      receivedAt.getTime() + delay * 86_400_000 + random.int(0, 36_000) * 1000,
    );
    const status: Status =
      age > delay + 20 ? random.pick(['CLOSED', 'CLOSED', 'MEDIATED', 'RESPONDED']) : 'RESPONDED';
    return { status, institutionResponse: random.pick(RESPONSES), respondedAt };
  }

  return { institutions, agencies, complaints };
}
