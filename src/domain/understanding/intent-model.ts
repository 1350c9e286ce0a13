import { featureWeight, phraseFeatures } from './phrase-features';

// A small intent classifier of our own: each example phrasing becomes a TF-IDF vector of its words,
// word pairs and letter runs (phrase-features.ts), and a softmax regression learns from them which
// features tell the intents apart. No library: the job is a few hundred short phrases, it must
// narrow to what one role may use before it decides, stay deterministic, and train in a fraction
// of a second at start.

/** What an intent is trained from: its id (a command's name, or NOT_A_COMMAND), who means it so, and its examples. */
export interface IntentExamples {
  intent: string;
  /** The roles these examples count for (undefined: everyone). */
  roles?: readonly string[];
  examples: readonly string[];
}

/** The intent of things people say that ask for no command ("thanks!", "i hate school"). */
export const NOT_A_COMMAND = 'none';

export interface RankedIntent {
  intent: string;
  /** How likely this intent is among those the role may mean, 0 to 1 (all sum to 1). */
  score: number;
}

/** One class of the regression: an intent as some roles mean it (one intent may have several). */
interface IntentClass {
  intent: string;
  roles?: ReadonlySet<string>;
}

export interface IntentModel {
  readonly classes: readonly IntentClass[];
  /** Each feature seen in training: its column and its rarity weight. Unseen features carry nothing. */
  readonly features: ReadonlyMap<string, { column: number; rarity: number }>;
  /** Weights, one row of class weights per feature column. */
  readonly weights: Float64Array;
  readonly bias: Float64Array;
}

/** Passes over the examples, and how fast and how firmly (L2) the weights move. */
const EPOCHS = 40;
const LEARNING_RATE = 1.2;
const L2 = 1e-5;
/** A class this far from its target for an example (nearly ruled out, or already sure) learns nothing more from it. */
const SETTLED = 1e-2;

/** A message's features: their columns, and their weights, scaled to length 1. */
interface Vector {
  columns: Int32Array;
  values: Float64Array;
}

/** Builds the model. The same examples always give the same model: fixed order, no randomness. */
export function trainIntentModel(training: readonly IntentExamples[]): IntentModel {
  const classes: IntentClass[] = [];
  const classOf = (intent: string, roles: readonly string[] | undefined): number => {
    const key = roles ? [...roles].sort().join(',') : undefined;
    const found = classes.findIndex(
      (candidate) => candidate.intent === intent && (candidate.roles ? [...candidate.roles].sort().join(',') : undefined) === key,
    );
    if (found !== -1) return found;
    classes.push({ intent, ...(roles ? { roles: new Set(roles) } : {}) });
    return classes.length - 1;
  };
  const raw = training.flatMap(({ intent, roles, examples }) => {
    const label = classOf(intent, roles);
    return examples.map((text) => ({ label, counts: phraseFeatures(text) }));
  });
  const documents = new Map<string, number>();
  for (const { counts } of raw) for (const feature of counts.keys()) documents.set(feature, (documents.get(feature) ?? 0) + 1);
  const features = new Map<string, { column: number; rarity: number }>();
  for (const [feature, count] of documents)
    features.set(feature, { column: features.size, rarity: Math.log((raw.length + 1) / (count + 1)) + 1 });
  const examples = raw.map(({ label, counts }) => ({ label, vector: vectorOf(counts, features) }));

  const width = classes.length;
  const weights = new Float64Array(features.size * width);
  const bias = new Float64Array(width);
  const probabilities = new Float64Array(width);
  // Interleaved by class, so no intent's examples all come last in an epoch.
  const order = interleave(examples);
  for (let epoch = 0; epoch < EPOCHS; epoch += 1) {
    const rate = LEARNING_RATE / (1 + epoch / 10);
    for (const { label, vector } of order) {
      softmaxInto(probabilities, weights, bias, vector, width);
      for (let target = 0; target < width; target += 1) {
        const error = probabilities[target]! - (target === label ? 1 : 0);
        probabilities[target] = Math.abs(error) < SETTLED ? 0 : rate * error;
        bias[target] = bias[target]! - probabilities[target]!;
      }
      for (let index = 0; index < vector.columns.length; index += 1) {
        const row = vector.columns[index]! * width;
        const value = vector.values[index]!;
        for (let target = 0; target < width; target += 1) {
          const step = probabilities[target]!;
          if (step !== 0) weights[row + target] = weights[row + target]! - step * value - rate * L2 * weights[row + target]!;
        }
      }
    }
  }
  return { classes, features, weights, bias };
}

function interleave<T extends { label: number }>(examples: readonly T[]): T[] {
  const byLabel = new Map<number, T[]>();
  for (const example of examples) byLabel.set(example.label, [...(byLabel.get(example.label) ?? []), example]);
  const queues = [...byLabel.values()];
  const longest = Math.max(0, ...queues.map((queue) => queue.length));
  const order: T[] = [];
  for (let index = 0; index < longest; index += 1) for (const queue of queues) if (queue[index]) order.push(queue[index]!);
  return order;
}

/** Sublinear counts times rarity, scaled to length 1. */
function vectorOf(counts: ReadonlyMap<string, number>, features: IntentModel['features']): Vector {
  const columns: number[] = [];
  const values: number[] = [];
  for (const [feature, count] of counts) {
    const known = features.get(feature);
    if (!known) continue;
    columns.push(known.column);
    values.push((1 + Math.log(count)) * known.rarity * featureWeight(feature));
  }
  const length = Math.sqrt(values.reduce((sum, weight) => sum + weight * weight, 0));
  return { columns: Int32Array.from(columns), values: Float64Array.from(values, (weight) => (length > 0 ? weight / length : 0)) };
}

function softmaxInto(
  into: Float64Array,
  weights: Float64Array,
  bias: Float64Array,
  vector: Vector,
  width: number,
  allowed?: readonly boolean[],
): void {
  into.set(bias);
  for (let index = 0; index < vector.columns.length; index += 1) {
    const row = vector.columns[index]! * width;
    const value = vector.values[index]!;
    for (let target = 0; target < width; target += 1) into[target] = into[target]! + weights[row + target]! * value;
  }
  let highest = Number.NEGATIVE_INFINITY;
  for (let target = 0; target < width; target += 1) if ((!allowed || allowed[target]) && into[target]! > highest) highest = into[target]!;
  let total = 0;
  for (let target = 0; target < width; target += 1) {
    const value = !allowed || allowed[target] ? Math.exp(into[target]! - highest) : 0;
    into[target] = value;
    total += value;
  }
  for (let target = 0; target < width; target += 1) into[target] = into[target]! / total;
}

/**
 * Every intent trained for this role, most likely first: the regression's probabilities over only
 * the classes this role may mean (NOT_A_COMMAND always among them), an intent's classes summed.
 */
export function rankIntents(model: IntentModel, text: string, role: string): RankedIntent[] {
  const { classes, weights, bias } = model;
  const allowed = classes.map(({ roles }) => !roles || roles.has(role));
  const probabilities = new Float64Array(classes.length);
  softmaxInto(probabilities, weights, bias, vectorOf(phraseFeatures(text), model.features), classes.length, allowed);
  const byIntent = new Map<string, number>();
  classes.forEach(({ intent }, index) => {
    if (allowed[index]) byIntent.set(intent, (byIntent.get(intent) ?? 0) + probabilities[index]!);
  });
  return [...byIntent].map(([intent, score]) => ({ intent, score })).sort((a, b) => b.score - a.score || a.intent.localeCompare(b.intent));
}
