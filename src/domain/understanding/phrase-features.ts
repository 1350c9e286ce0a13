// What a typed message is made of, for the intent model: its words, its word pairs, and the letter
// runs inside each word, so "apointment" and "carrers" still share most of their features with
// "appointment" and "careers".

/** Year groups as people write them ("Year 10", "y10", "yr 9s"): one word, so any year reads alike. */
const YEAR_GROUP = /\b(?:year|yr|y)\s*(?:1[0-3]|[7-9])s?\b/g;
/** A pupil's school id ("P0001"). */
const PUPIL_ID = /\bp\d{3,}\b/g;

/** Lower case, apostrophes and punctuation off, year groups, ids and numbers as placeholders. */
export function normalisePhrase(text: string): string {
  return text
    .toLowerCase()
    .replace(/[‘’`´]/g, "'")
    .replace(/'s\b/g, '')
    .replace(/'/g, '')
    .replace(YEAR_GROUP, ' yeargroup ')
    .replace(PUPIL_ID, ' pupilid ')
    .replace(/\d+(?:st|nd|rd|th)?/g, ' number ')
    .replace(/[^a-z ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Words that only carry politeness or grammar here: "please" asks for nothing by itself. */
const FILLER_WORDS = new Set(['please', 'pls', 'plz', 'the', 'a', 'an']);

/** Word forms that mean the same here, spelt the usual way. */
const SAME_WORD: Record<string, string> = {
  advisor: 'adviser',
  advisers: 'adviser',
  advisors: 'adviser',
  appointment: 'meeting',
  appointments: 'meeting',
  apointment: 'meeting',
  appt: 'meeting',
  meetings: 'meeting',
  career: 'careers',
  carrers: 'careers',
  carers: 'careers',
  carreers: 'careers',
  students: 'pupil',
  student: 'pupil',
  pupils: 'pupil',
  kids: 'pupil',
  children: 'pupil',
  uni: 'university',
  wanna: 'want',
  cant: 'cannot',
  u: 'you',
};

/** A plural off ("slots", "links"), so one form in the examples teaches both. */
function stem(word: string): string {
  const same = SAME_WORD[word] ?? word;
  if (same.length > 4 && same.endsWith('ies')) return `${same.slice(0, -3)}y`;
  if (same.length > 3 && same.endsWith('s') && !same.endsWith('ss') && !same.endsWith('us')) return same.slice(0, -1);
  return same;
}

/** Letter runs of these lengths inside each word (with its edges marked), for slips. */
const LETTER_RUNS = [3] as const;
/** How much the letter runs count beside the words, whose meaning is surer. */
const LETTER_RUN_WEIGHT = 0.5;

/** How much a feature counts before the model's rarity weighting: letter runs less than words. */
export function featureWeight(feature: string): number {
  return feature.startsWith('c:') ? LETTER_RUN_WEIGHT : 1;
}

/** Each feature of a message and how often it occurs there. */
export function phraseFeatures(text: string): Map<string, number> {
  const words = normalisePhrase(text)
    .split(' ')
    .filter((word) => word !== '' && !FILLER_WORDS.has(word))
    .map(stem);
  const features = new Map<string, number>();
  const add = (feature: string) => features.set(feature, (features.get(feature) ?? 0) + 1);
  words.forEach((word, index) => {
    add(`w:${word}`);
    if (index > 0) add(`b:${words[index - 1]} ${word}`);
    const marked = `^${word}$`;
    for (const length of LETTER_RUNS)
      for (let start = 0; start + length <= marked.length; start += 1) add(`c:${marked.slice(start, start + length)}`);
  });
  return features;
}
