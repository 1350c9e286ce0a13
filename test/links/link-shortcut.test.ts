import { describe, it, expect } from 'vitest';
import type { CurriculumSubject } from '../../src/domain/school';
import { careerSuggestionsFor } from '../../src/journeys/links/careers-suggestions';
import { parseLinkShortcut } from '../../src/journeys/links/link-shortcut';
import type { LinkDraft } from '../../src/journeys/links/link-submission';
import { canonicalSubject } from '../../src/domain/subject-aliases';

const years = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, index) => from + index);

const curriculum: CurriculumSubject[] = [
  { subject: 'Mathematics', yearGroups: years(7, 13) },
  { subject: 'English', yearGroups: years(7, 13) },
  { subject: 'Science', yearGroups: years(7, 11) },
  { subject: 'Biology', yearGroups: years(12, 13) },
  { subject: 'Chemistry', yearGroups: years(12, 13) },
  { subject: 'Physics', yearGroups: years(12, 13) },
  { subject: 'Computing', yearGroups: years(7, 13) },
  { subject: 'Geography', yearGroups: years(7, 11) },
  { subject: 'History', yearGroups: years(7, 11) },
  { subject: 'French', yearGroups: years(7, 11) },
  { subject: 'Art and Design', yearGroups: years(7, 11) },
  { subject: 'Design and Technology', yearGroups: years(7, 11) },
  { subject: 'Music', yearGroups: years(7, 9) },
  { subject: 'Physical Education', yearGroups: years(7, 11) },
  { subject: 'Religious Education', yearGroups: years(7, 11) },
  { subject: 'Business', yearGroups: years(10, 13) },
  { subject: 'Psychology', yearGroups: years(12, 13) },
];

type Row =
  | { input: string; kind: 'not-a-link' }
  | { input: string; kind: 'complete'; draft: LinkDraft }
  | { input: string; kind: 'partial'; draft: Partial<LinkDraft>; problem: string };

const twelveCareers = 'a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12';
const longTopic = 'x'.repeat(201);
const longCareer = 'y'.repeat(81);

const rows: Row[] = [
  // The forms the brief promises.
  {
    input: 'Y9 maths: ratio and proportion -> nursing, pharmacy',
    kind: 'complete',
    draft: { subject: 'Mathematics', yearGroups: [9], topic: 'ratio and proportion', careers: ['nursing', 'pharmacy'] },
  },
  {
    input: 'link 10 science: circuits -> electrician',
    kind: 'complete',
    draft: { subject: 'Science', yearGroups: [10], topic: 'circuits', careers: ['electrician'] },
  },
  {
    input: 'maths Y9: fractions -> chef, baker',
    kind: 'complete',
    draft: { subject: 'Mathematics', yearGroups: [9], topic: 'fractions', careers: ['chef', 'baker'] },
  },
  {
    input: 'maths, Y9: percentages -> retail manager',
    kind: 'complete',
    draft: { subject: 'Mathematics', yearGroups: [9], topic: 'percentages', careers: ['retail manager'] },
  },
  {
    input: 'Y9 maths - ratio -> nurse',
    kind: 'complete',
    draft: { subject: 'Mathematics', yearGroups: [9], topic: 'ratio', careers: ['nurse'] },
  },
  // Year-group spellings.
  {
    input: 'y8 history: the Industrial Revolution -> museum curator',
    kind: 'complete',
    draft: { subject: 'History', yearGroups: [8], topic: 'the Industrial Revolution', careers: ['museum curator'] },
  },
  {
    input: 'Year 7 geography: map skills -> town planner, surveyor',
    kind: 'complete',
    draft: { subject: 'Geography', yearGroups: [7], topic: 'map skills', careers: ['town planner', 'surveyor'] },
  },
  {
    input: 'yr10 english: persuasive writing -> copywriter',
    kind: 'complete',
    draft: { subject: 'English', yearGroups: [10], topic: 'persuasive writing', careers: ['copywriter'] },
  },
  {
    input: 'Yr 11 PE: anatomy → physiotherapist',
    kind: 'complete',
    draft: { subject: 'Physical Education', yearGroups: [11], topic: 'anatomy', careers: ['physiotherapist'] },
  },
  {
    input: 'year9 music: film scores => composer; sound engineer',
    kind: 'complete',
    draft: { subject: 'Music', yearGroups: [9], topic: 'film scores', careers: ['composer', 'sound engineer'] },
  },
  {
    input: 'Y9/10 computing: algorithms -> software developer',
    kind: 'complete',
    draft: { subject: 'Computing', yearGroups: [9, 10], topic: 'algorithms', careers: ['software developer'] },
  },
  {
    input: 'Y9 & Y10 French: ordering food -> chef, waiter',
    kind: 'complete',
    draft: { subject: 'French', yearGroups: [9, 10], topic: 'ordering food', careers: ['chef', 'waiter'] },
  },
  {
    input: 'Y9 and 10 RE: ethics --> social worker',
    kind: 'complete',
    draft: { subject: 'Religious Education', yearGroups: [9, 10], topic: 'ethics', careers: ['social worker'] },
  },
  {
    input: 'Y9, Y10 geog: rivers -> hydrologist',
    kind: 'complete',
    draft: { subject: 'Geography', yearGroups: [9, 10], topic: 'rivers', careers: ['hydrologist'] },
  },
  {
    input: 'Y9-11 D&T: CAD -> product designer',
    kind: 'complete',
    draft: { subject: 'Design and Technology', yearGroups: [9, 10, 11], topic: 'CAD', careers: ['product designer'] },
  },
  {
    input: 'Years 9 and 10 hist: the Tudors -> archivist',
    kind: 'complete',
    draft: { subject: 'History', yearGroups: [9, 10], topic: 'the Tudors', careers: ['archivist'] },
  },
  {
    input: 'KS3 science: cells -> nurse, doctor',
    kind: 'complete',
    draft: { subject: 'Science', yearGroups: [7, 8, 9], topic: 'cells', careers: ['nurse', 'doctor'] },
  },
  {
    input: 'KS4 business: cash flow -> accountant',
    kind: 'complete',
    draft: { subject: 'Business', yearGroups: [10, 11], topic: 'cash flow', careers: ['accountant'] },
  },
  {
    input: 'sixth form psych: memory -> clinical psychologist',
    kind: 'complete',
    draft: { subject: 'Psychology', yearGroups: [12, 13], topic: 'memory', careers: ['clinical psychologist'] },
  },
  {
    input: 'KS5 bio: genetics -> genetic counsellor',
    kind: 'complete',
    draft: { subject: 'Biology', yearGroups: [12, 13], topic: 'genetics', careers: ['genetic counsellor'] },
  },
  // Subject short forms.
  {
    input: 'Y12 chem: titrations -> pharmacist',
    kind: 'complete',
    draft: { subject: 'Chemistry', yearGroups: [12], topic: 'titrations', careers: ['pharmacist'] },
  },
  {
    input: 'Y13 phys: radioactivity -> radiographer',
    kind: 'complete',
    draft: { subject: 'Physics', yearGroups: [13], topic: 'radioactivity', careers: ['radiographer'] },
  },
  {
    input: 'Y8 P.E.: fitness testing -> personal trainer',
    kind: 'complete',
    draft: { subject: 'Physical Education', yearGroups: [8], topic: 'fitness testing', careers: ['personal trainer'] },
  },
  {
    input: 'Y10 comp sci: networks -> network engineer',
    kind: 'complete',
    draft: { subject: 'Computing', yearGroups: [10], topic: 'networks', careers: ['network engineer'] },
  },
  {
    input: 'Y7 ICT: spreadsheets -> data analyst',
    kind: 'complete',
    draft: { subject: 'Computing', yearGroups: [7], topic: 'spreadsheets', careers: ['data analyst'] },
  },
  {
    input: 'Y9 design tech: materials -> carpenter',
    kind: 'complete',
    draft: { subject: 'Design and Technology', yearGroups: [9], topic: 'materials', careers: ['carpenter'] },
  },
  {
    input: 'Y8 art: portraits -> illustrator, photographer',
    kind: 'complete',
    draft: { subject: 'Art and Design', yearGroups: [8], topic: 'portraits', careers: ['illustrator', 'photographer'] },
  },
  {
    input: 'Y11 eng lit: Macbeth -> actor, journalist',
    kind: 'complete',
    draft: { subject: 'English', yearGroups: [11], topic: 'Macbeth', careers: ['actor', 'journalist'] },
  },
  {
    input: 'Y9 MFL: holidays -> tour guide',
    kind: 'complete',
    draft: { subject: 'French', yearGroups: [9], topic: 'holidays', careers: ['tour guide'] },
  },
  {
    input: 'Y10 R.S.: crime and punishment -> probation officer',
    kind: 'complete',
    draft: { subject: 'Religious Education', yearGroups: [10], topic: 'crime and punishment', careers: ['probation officer'] },
  },
  // Command words, arrows and careers lists.
  {
    input: 'log a link: Y8 maths: area -> architect',
    kind: 'complete',
    draft: { subject: 'Mathematics', yearGroups: [8], topic: 'area', careers: ['architect'] },
  },
  {
    input: 'Add link Y11 science: electrolysis -> chemical engineer',
    kind: 'complete',
    draft: { subject: 'Science', yearGroups: [11], topic: 'electrolysis', careers: ['chemical engineer'] },
  },
  {
    input: 'careers link y7 english - poetry -> songwriter',
    kind: 'complete',
    draft: { subject: 'English', yearGroups: [7], topic: 'poetry', careers: ['songwriter'] },
  },
  {
    input: 'Y9 maths ratio and proportion -> nursing',
    kind: 'complete',
    draft: { subject: 'Mathematics', yearGroups: [9], topic: 'ratio and proportion', careers: ['nursing'] },
  },
  {
    input: 'Y10 science: forces leads to mechanical engineer and pilot',
    kind: 'complete',
    draft: { subject: 'Science', yearGroups: [10], topic: 'forces', careers: ['mechanical engineer', 'pilot'] },
  },
  {
    input: 'Y10 geography: coasts careers: coastal engineer / surveyor',
    kind: 'complete',
    draft: { subject: 'Geography', yearGroups: [10], topic: 'coasts', careers: ['coastal engineer', 'surveyor'] },
  },
  {
    input: '  Y9   maths :  ratio ->  Nurse,  nurse , Midwife &  Pharmacist , ,  ',
    kind: 'complete',
    draft: { subject: 'Mathematics', yearGroups: [9], topic: 'ratio', careers: ['Nurse', 'Midwife', 'Pharmacist'] },
  },
  {
    input: 'Y8 science: acids -&gt; careers in chemistry, pharmacy etc.',
    kind: 'complete',
    draft: { subject: 'Science', yearGroups: [8], topic: 'acids', careers: ['chemistry', 'pharmacy'] },
  },

  // Partly understood: the card opens with what was understood.
  {
    input: 'Y9 latin: verbs -> lawyer',
    kind: 'partial',
    draft: { yearGroups: [9], topic: 'verbs', careers: ['lawyer'] },
    problem: 'I don’t know a subject called “latin” here.',
  },
  {
    input: 'Y12 further maths: matrices -> actuary',
    kind: 'partial',
    draft: { yearGroups: [12], topic: 'matrices', careers: ['actuary'] },
    problem: 'I don’t know a subject called “further maths” here.',
  },
  {
    input: 'Y6 maths: fractions -> baker',
    kind: 'partial',
    draft: { subject: 'Mathematics', topic: 'fractions', careers: ['baker'] },
    problem: 'Mathematics isn’t taught to Year 6 here.',
  },
  {
    input: 'Y9/10/11 music: composing -> composer',
    kind: 'partial',
    draft: { subject: 'Music', yearGroups: [9], topic: 'composing', careers: ['composer'] },
    problem: 'Music isn’t taught to Years 10 and 11 here.',
  },
  {
    input: 'Y9 biology: cells -> doctor',
    kind: 'partial',
    draft: { subject: 'Biology', topic: 'cells', careers: ['doctor'] },
    problem: 'Biology isn’t taught to Year 9 here.',
  },
  {
    input: 'Y9 maths: ratio',
    kind: 'partial',
    draft: { subject: 'Mathematics', yearGroups: [9], topic: 'ratio' },
    problem: 'Which careers does it lead to?',
  },
  {
    input: 'Y9 maths: ratio ->',
    kind: 'partial',
    draft: { subject: 'Mathematics', yearGroups: [9], topic: 'ratio' },
    problem: 'Which careers does it lead to?',
  },
  {
    input: 'Y9 maths: ratio -> , ;',
    kind: 'partial',
    draft: { subject: 'Mathematics', yearGroups: [9], topic: 'ratio' },
    problem: 'Which careers does it lead to?',
  },
  {
    input: 'Y9 maths -> nursing',
    kind: 'partial',
    draft: { subject: 'Mathematics', yearGroups: [9], careers: ['nursing'] },
    problem: 'What did the lesson cover?',
  },
  {
    input: 'Y9 maths: -> nursing',
    kind: 'partial',
    draft: { subject: 'Mathematics', yearGroups: [9], careers: ['nursing'] },
    problem: 'What did the lesson cover?',
  },
  {
    input: `Y9 maths: ratio -> ${twelveCareers}`,
    kind: 'partial',
    draft: { subject: 'Mathematics', yearGroups: [9], topic: 'ratio', careers: twelveCareers.split(', ') },
    problem: 'That’s 12 careers',
  },
  {
    input: `Y9 maths: ${longTopic} -> nurse`,
    kind: 'partial',
    draft: { subject: 'Mathematics', yearGroups: [9], topic: longTopic, careers: ['nurse'] },
    problem: 'Keep the topic to 200 characters',
  },
  {
    input: `Y9 maths: ratio -> nurse, ${longCareer}`,
    kind: 'partial',
    draft: { subject: 'Mathematics', yearGroups: [9], topic: 'ratio', careers: ['nurse', longCareer] },
    problem: 'Keep each career to 80 characters',
  },
  {
    input: 'link maths: ratio -> nurse',
    kind: 'partial',
    draft: { subject: 'Mathematics', topic: 'ratio', careers: ['nurse'] },
    problem: 'Which year group is it for?',
  },
  {
    input: 'link',
    kind: 'partial',
    draft: {},
    problem: 'Which subject is it for?',
  },
  {
    input: 'link Y9 maths',
    kind: 'partial',
    draft: { subject: 'Mathematics', yearGroups: [9] },
    problem: 'What did the lesson cover?',
  },
  {
    input: 'Y9 maths set 3: ratio -> nurse',
    kind: 'partial',
    draft: { subject: 'Mathematics', yearGroups: [9], topic: 'ratio', careers: ['nurse'] },
    problem: 'I wasn’t sure what “set 3” meant',
  },
  {
    input: 'Y9 maths science: measures -> nurse',
    kind: 'partial',
    draft: { subject: 'Mathematics', yearGroups: [9], topic: 'measures', careers: ['nurse'] },
    problem: 'One subject per link',
  },

  // Not link attempts: left for other commands or the "not understood" reply.
  { input: 'help', kind: 'not-a-link' },
  { input: 'my links', kind: 'not-a-link' },
  { input: 'links', kind: 'not-a-link' },
  { input: 'book a meeting', kind: 'not-a-link' },
  { input: 'hello', kind: 'not-a-link' },
  { input: 'what is my coverage', kind: 'not-a-link' },
  { input: '9', kind: 'not-a-link' },
  { input: 'Y9 maths', kind: 'not-a-link' },
  { input: 'I taught Y9 about ratio today', kind: 'not-a-link' },
  { input: 'Reminder: Y9 parents evening -> main hall', kind: 'not-a-link' },
  { input: 'Note: see the attached worksheet', kind: 'not-a-link' },
  { input: 'maths: ratio -> nursing', kind: 'not-a-link' },
  { input: 'What time is Y9 parents evening: 6pm -> hall', kind: 'not-a-link' },
];

describe('parseLinkShortcut', () => {
  it.each(rows)('$input', (row) => {
    const result = parseLinkShortcut(row.input, curriculum);
    if (row.kind === 'not-a-link') {
      expect(result).toEqual({ kind: 'not-a-link' });
    } else if (row.kind === 'complete') {
      expect(result).toEqual({ kind: 'complete', draft: row.draft });
    } else {
      expect(result.kind).toBe('partial');
      if (result.kind !== 'partial') return;
      expect(result.draft).toEqual(row.draft);
      expect(result.problems.join(' ')).toContain(row.problem);
    }
  });

  it('asks which language when "MFL" could mean several', () => {
    const twoLanguages = [...curriculum, { subject: 'Spanish', yearGroups: years(7, 11) }];
    const result = parseLinkShortcut('Y9 MFL: holidays -> tour guide', twoLanguages);
    expect(result).toMatchObject({ kind: 'partial', problems: ['“MFL” could be French or Spanish here: which one?'] });
  });

  it('stores the school’s own spelling of the subject', () => {
    const spelledDifferently = [
      { subject: 'Maths', yearGroups: years(7, 11) },
      { subject: 'Religious Studies', yearGroups: years(7, 11) },
      { subject: 'English Literature', yearGroups: years(10, 11) },
    ];
    expect(parseLinkShortcut('Y9 mathematics: ratio -> nurse', spelledDifferently)).toMatchObject({ draft: { subject: 'Maths' } });
    expect(parseLinkShortcut('Y9 RE: ethics -> nurse', spelledDifferently)).toMatchObject({ draft: { subject: 'Religious Studies' } });
    expect(parseLinkShortcut('Y10 eng lit: poetry -> poet', spelledDifferently)).toMatchObject({
      draft: { subject: 'English Literature' },
    });
  });

  it('reads a head only as far as a real one goes: a hostile list of year groups is not walked to its end', () => {
    // The longest real head is "food preparation and nutrition Years 7, 8, 9, 10, 11, 12 and 13".
    expect(
      parseLinkShortcut('Food preparation and nutrition years 7, 8, 9, 10, 11, 12 and 13: diet -> chef', [
        { subject: 'Food Preparation and Nutrition', yearGroups: years(7, 13) },
      ]),
    ).toMatchObject({ kind: 'complete', draft: { yearGroups: years(7, 13) } });
    const hostile = parseLinkShortcut(`Y8 maths ${'y9 '.repeat(3000)}: ratio -> nurse`, curriculum);
    expect(hostile.kind).toBe('partial');
    expect(hostile.kind === 'partial' && hostile.problems.some((problem) => problem.startsWith('I wasn’t sure what “y9 y9'))).toBe(true);
  });
});

describe('canonicalSubject', () => {
  it('maps short forms onto the school’s subjects and leaves unknown ones alone', () => {
    expect(canonicalSubject('maths', curriculum)).toBe('Mathematics');
    expect(canonicalSubject('D.T.', curriculum)).toBe('Design and Technology');
    expect(canonicalSubject('art & design', curriculum)).toBe('Art and Design');
    expect(canonicalSubject('bus studies', curriculum)).toBe('Business');
    expect(canonicalSubject('psych', curriculum)).toBe('Psychology');
    expect(canonicalSubject('drama', curriculum)).toBeUndefined();
    expect(canonicalSubject('', curriculum)).toBeUndefined();
  });
});

describe('careerSuggestionsFor', () => {
  it('finds a subject by any of its names', () => {
    expect(careerSuggestionsFor('Mathematics')).toContain('Actuary');
    expect(careerSuggestionsFor('maths')).toEqual(careerSuggestionsFor('Mathematics'));
    expect(careerSuggestionsFor('D&T')).toContain('Product designer');
    expect(careerSuggestionsFor('Religious Studies')).toEqual(careerSuggestionsFor('Religious Education'));
    expect(careerSuggestionsFor('English Literature')).toEqual(careerSuggestionsFor('English'));
    expect(careerSuggestionsFor('food tech')).toContain('Chef');
  });

  it('offers 6 to 12 careers for each common subject', () => {
    const common = [
      'Mathematics',
      'English',
      'Science',
      'Biology',
      'Chemistry',
      'Physics',
      'Computing',
      'Geography',
      'History',
      'French',
      'Spanish',
      'German',
      'MFL',
      'Art and Design',
      'Design and Technology',
      'Music',
      'Drama',
      'Physical Education',
      'Religious Education',
      'Business',
      'Economics',
      'Psychology',
      'Sociology',
      'Food Preparation and Nutrition',
      'Citizenship',
    ];
    const general = careerSuggestionsFor('Underwater Basket Weaving');
    for (const subject of common) {
      const careers = careerSuggestionsFor(subject);
      expect(careers, subject).not.toEqual(general);
      expect(careers.length, subject).toBeGreaterThanOrEqual(6);
      expect(careers.length, subject).toBeLessThanOrEqual(12);
    }
  });

  it('falls back to a short general list, and hands out copies', () => {
    const general = careerSuggestionsFor('Underwater Basket Weaving');
    expect(general.length).toBeGreaterThan(0);
    general.push('Changed');
    expect(careerSuggestionsFor('Underwater Basket Weaving')).not.toContain('Changed');
  });
});
