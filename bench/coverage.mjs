// Corpus coverage report: every registered target, with its default pipelines, over the SigmaHQ corpus.
// Prints one JSON object: per target converted / unsupported counts, pySigma's count where known, and
// the most common unsupported reasons (rule-specific names folded). Usage: node bench/coverage.mjs [corpus]
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { convertRuleSet, TARGETS } from '../dist/backends/index.js';
import { builtinPipeline } from '../dist/pipelines/index.js';
import { loadRules } from '../dist/ruleset/load.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const corpus = process.argv[2] ?? resolve(root, '../shared/corpus/sigma');
/** pySigma's converted counts on this corpus (from the issues). */
const PYSIGMA = {
  kql: 2318,
  spl: 3752,
  eql: 3750,
  lucene: 3750,
  esql: 3648,
  logscale: 3725,
  sumo: 3611,
  aql: 2530,
  yaral: 2346,
};

const ruleSet = await loadRules([corpus], { keepDocuments: false });
const out = { corpus, rules: ruleSet.detections.length + ruleSet.correlations.length, targets: {} };
for (const [name, dialect] of Object.entries(TARGETS)) {
  const pipelines = dialect.pipelines.default.map((p) => builtinPipeline(p));
  const results = convertRuleSet(ruleSet, dialect, pipelines);
  const converted = results.filter((r) => r.queries.length > 0).length;
  const reasons = {};
  for (const r of results) {
    const first = r.errors[0];
    if (!first) continue;
    const key = first.message
      .replace(/^rule '.*?': /, '')
      .replace(/ \(target [^)]*\)$/, '')
      .replace(/'[^']*'|%[^%]+%|"[^"]*"/g, '…');
    reasons[key] = (reasons[key] ?? 0) + 1;
  }
  const top = Object.entries(reasons)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 5)
    .map(([reason, rules]) => `${rules} × ${reason}`);
  out.targets[name] = {
    pipelines: dialect.pipelines.default.join('+'),
    converted,
    unsupported: results.length - converted,
    pysigma: PYSIGMA[name] ?? 'n/a',
    top_unsupported: top.join('; '),
  };
}
console.log(JSON.stringify(out, null, 2));
