// Measures the classifier on the labelled gold narratives (/work/shared/data, outside the
// repo): precision, recall and F1 per category and channel, and their macro averages. The
// rules were written before these sentences were read; see docs/classification.md.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CATEGORY, CHANNEL } from '@cw/domain';
import { classifyNarrative } from './index.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const GOLD = path.resolve(repoRoot, '../shared/data/narratives-gold.jsonl');

/** The macro F1 over categories this suite holds the classifier to. */
const MIN_MACRO_F1 = 0.85;

interface GoldRow {
  readonly id: string;
  readonly lang: string;
  readonly text: string;
  readonly categories: readonly string[];
  readonly channels: readonly string[];
}

interface Score {
  readonly label: string;
  readonly support: number;
  readonly tp: number;
  readonly fp: number;
  readonly fn: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

function score(
  label: string,
  gold: readonly (readonly string[])[],
  predicted: readonly (readonly string[])[],
): Score {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  gold.forEach((g, i) => {
    const inGold = g.includes(label);
    const inPredicted = (predicted[i] ?? []).includes(label);
    if (inGold && inPredicted) tp++;
    else if (inPredicted) fp++;
    else if (inGold) fn++;
  });
  // A label with neither gold nor predicted cases has nothing to measure: precision and recall 1.
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { label, support: tp + fn, tp, fp, fn, precision, recall, f1 };
}

function table(title: string, scores: readonly Score[]): string {
  const pct = (x: number) => x.toFixed(2);
  const rows = scores.map(
    (s) =>
      `| ${s.label.padEnd(18)} | ${String(s.support).padStart(7)} | ${String(s.tp).padStart(3)} | ${String(s.fp).padStart(3)} | ${String(s.fn).padStart(3)} | ${pct(s.precision)} | ${pct(s.recall)} | ${pct(s.f1)} |`,
  );
  return [
    `\n${title}`,
    `| label              | support |  tp |  fp |  fn | prec | rec  | F1   |`,
    `|--------------------|---------|-----|-----|-----|------|------|------|`,
    ...rows,
    `macro F1 = ${macroF1(scores).toFixed(3)}`,
  ].join('\n');
}

const macroF1 = (scores: readonly Score[]) =>
  scores.reduce((sum, s) => sum + s.f1, 0) / scores.length;

describe('classifier on the gold narratives', () => {
  const rows: GoldRow[] = readFileSync(GOLD, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as GoldRow);
  const predictions = rows.map((row) => classifyNarrative(row.text));

  // Categories: all ten are in the gold set. Channels: only those the gold set uses, since a
  // channel with no gold case can only add false positives (its row is printed anyway).
  const categoryScores = CATEGORY.codes.map((c) =>
    score(
      c,
      rows.map((r) => r.categories),
      predictions.map((p) => p.categories),
    ),
  );
  const channelScores = CHANNEL.codes.map((c) =>
    score(
      c,
      rows.map((r) => r.channels),
      predictions.map((p) => p.channels),
    ),
  );
  const usedChannelScores = channelScores.filter((s) => s.support > 0);

  it('prints the scores', () => {
    console.log(table(`Categories (${rows.length} narratives)`, categoryScores));
    console.log(table('Channels present in the gold set', usedChannelScores));
    const disagreements = rows.flatMap((row, i) => {
      const p = predictions[i] ?? { categories: [], channels: [] };
      const diff = (gold: readonly string[], got: readonly string[]) => [
        ...gold.filter((x) => !got.includes(x)).map((x) => `-${x}`),
        ...got.filter((x) => !gold.includes(x)).map((x) => `+${x}`),
      ];
      const d = [...diff(row.categories, p.categories), ...diff(row.channels, p.channels)];
      return d.length > 0 ? [`${row.id}: ${d.join(' ')}`] : [];
    });
    console.log(`Disagreements (- missed, + extra):\n${disagreements.join('\n')}`);
    const unused = channelScores.filter((s) => s.support === 0);
    console.log(
      `Channels absent from the gold set (false positives only): ${unused.map((s) => `${s.label} fp=${s.fp}`).join(', ')}`,
    );
    expect(rows.length).toBeGreaterThan(0);
  });

  it(`reaches a macro F1 of at least ${MIN_MACRO_F1} on categories`, () => {
    expect(macroF1(categoryScores)).toBeGreaterThanOrEqual(MIN_MACRO_F1);
  });
});
