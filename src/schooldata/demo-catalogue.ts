// What the demo school teaches and offers: the fixed lists the generator draws on.
import type { ActivityKind, CurriculumSubject, ProviderType } from '../domain/school';

export const DEMO_CURRICULUM: readonly CurriculumSubject[] = [
  { subject: 'Mathematics', yearGroups: [7, 8, 9, 10, 11, 12, 13] },
  { subject: 'English', yearGroups: [7, 8, 9, 10, 11, 12, 13] },
  { subject: 'Science', yearGroups: [7, 8, 9, 10, 11] },
  { subject: 'Biology', yearGroups: [12, 13] },
  { subject: 'Chemistry', yearGroups: [12, 13] },
  { subject: 'Physics', yearGroups: [12, 13] },
  { subject: 'Computing', yearGroups: [7, 8, 9, 10, 11, 12, 13] },
  { subject: 'Geography', yearGroups: [7, 8, 9, 10, 11, 12, 13] },
  { subject: 'History', yearGroups: [7, 8, 9, 10, 11, 12, 13] },
  { subject: 'French', yearGroups: [7, 8, 9, 10, 11] },
  { subject: 'Art and Design', yearGroups: [7, 8, 9, 10, 11, 12, 13] },
  { subject: 'Design and Technology', yearGroups: [7, 8, 9, 10, 11] },
  { subject: 'Music', yearGroups: [7, 8, 9, 10, 11] },
  { subject: 'Physical Education', yearGroups: [7, 8, 9, 10, 11] },
  { subject: 'Religious Education', yearGroups: [7, 8, 9, 10, 11] },
  { subject: 'Drama', yearGroups: [7, 8, 9, 10, 11] },
  { subject: 'Business', yearGroups: [10, 11, 12, 13] },
];

/** Subjects of the teachers after T001, in id order (T002, T003, …): every subject has a teacher. */
export const DEMO_TEACHER_SUBJECTS: readonly (readonly string[])[] = [
  ['Mathematics'],
  ['Mathematics', 'Computing'],
  ['English'],
  ['English', 'Drama'],
  ['English'],
  ['Science', 'Biology'],
  ['Science', 'Chemistry'],
  ['Science', 'Physics'],
  ['Science'],
  ['Computing'],
  ['Geography'],
  ['Geography', 'Physical Education'],
  ['History'],
  ['History', 'Religious Education'],
  ['French'],
  ['Art and Design'],
  ['Design and Technology'],
  ['Music'],
  ['Physical Education'],
  ['Religious Education'],
  ['Drama'],
  ['Business'],
  ['Business', 'Mathematics'],
  ['Biology', 'Chemistry'],
];

export interface ActivityTemplate {
  kind: ActivityKind;
  title: string;
  providerType?: ProviderType;
  providerAccess?: boolean;
  meaningful: boolean;
  /** Year groups taking part, as they were on the day. */
  years: readonly number[];
  /** Days after 1 September within which it falls. */
  window: readonly [number, number];
  /** Share of those year groups who attend. */
  share: number;
}

// Windows: October is days 30-60, November 61-90, January 122-150, February 153-180, March 181-211,
// June 273-302, July 303-320.
export const DEMO_ACTIVITIES: readonly ActivityTemplate[] = [
  {
    kind: 'labour_market_information',
    title: 'Labour market information assembly',
    meaningful: false,
    years: [7, 8, 9],
    window: [8, 40],
    share: 0.7,
  },
  {
    kind: 'labour_market_information',
    title: 'LMI lesson: local jobs and skills',
    meaningful: false,
    years: [10, 11],
    window: [61, 90],
    share: 0.65,
  },
  {
    kind: 'labour_market_information',
    title: 'Careers lesson: exploring LMI on Start',
    meaningful: false,
    years: [12, 13],
    window: [122, 150],
    share: 0.6,
  },
  { kind: 'employer_encounter', title: 'NHS careers talk', meaningful: true, years: [10, 11, 12, 13], window: [15, 75], share: 0.45 },
  {
    kind: 'employer_encounter',
    title: 'Year 7 enterprise challenge with Arup',
    meaningful: true,
    years: [7],
    window: [153, 180],
    share: 0.8,
  },
  { kind: 'employer_encounter', title: 'Careers fair', meaningful: false, years: [8, 9, 10, 11, 12, 13], window: [181, 211], share: 0.6 },
  {
    kind: 'employer_encounter',
    title: 'Mock interviews with local employers',
    meaningful: true,
    years: [11],
    window: [122, 150],
    share: 0.6,
  },
  { kind: 'employer_encounter', title: 'Employer speed networking', meaningful: true, years: [8, 9], window: [273, 302], share: 0.55 },
  { kind: 'employer_encounter', title: 'Sixth form employer mentoring', meaningful: true, years: [12, 13], window: [30, 90], share: 0.35 },
  { kind: 'workplace_experience', title: 'Year 10 work experience week', meaningful: true, years: [10], window: [303, 316], share: 0.8 },
  {
    kind: 'workplace_experience',
    title: 'Engineering workplace visit: Siemens',
    meaningful: true,
    years: [10, 11],
    window: [181, 211],
    share: 0.3,
  },
  {
    kind: 'workplace_experience',
    title: 'Virtual work experience: Springpod',
    meaningful: false,
    years: [10, 11, 12, 13],
    window: [91, 110],
    share: 0.3,
  },
  { kind: 'workplace_experience', title: 'Year 12 work placement', meaningful: true, years: [12], window: [273, 295], share: 0.55 },
  { kind: 'workplace_experience', title: 'Hospital work shadowing', meaningful: true, years: [12, 13], window: [61, 90], share: 0.15 },
  {
    kind: 'provider_encounter',
    title: 'Sixth form open evening',
    providerType: 'sixth_form',
    meaningful: true,
    years: [10, 11],
    window: [61, 80],
    share: 0.55,
  },
  {
    kind: 'provider_encounter',
    title: 'Northfield College taster day',
    providerType: 'further_education_college',
    providerAccess: true,
    meaningful: true,
    years: [8, 10, 12],
    window: [122, 175],
    share: 0.7,
  },
  {
    kind: 'provider_encounter',
    title: 'T Levels assembly: Northfield College',
    providerType: 'further_education_college',
    providerAccess: true,
    meaningful: false,
    years: [9, 11, 13],
    window: [30, 60],
    share: 0.75,
  },
  {
    kind: 'provider_encounter',
    title: 'Apprenticeships with BuildRight Training',
    providerType: 'independent_training_provider',
    providerAccess: true,
    meaningful: true,
    years: [8, 9, 10, 11, 12, 13],
    window: [153, 175],
    share: 0.6,
  },
  {
    kind: 'provider_encounter',
    title: 'Apprenticeship fair',
    providerType: 'independent_training_provider',
    providerAccess: true,
    meaningful: false,
    years: [10, 11, 12, 13],
    window: [181, 211],
    share: 0.4,
  },
  {
    kind: 'provider_encounter',
    title: 'University of Leeds campus visit',
    providerType: 'university',
    meaningful: true,
    years: [12, 13],
    window: [91, 105],
    share: 0.5,
  },
  {
    kind: 'provider_encounter',
    title: 'Russell Group admissions talk',
    providerType: 'university',
    meaningful: true,
    years: [12, 13],
    window: [181, 211],
    share: 0.5,
  },
  {
    kind: 'provider_encounter',
    title: 'University summer school taster',
    providerType: 'university',
    meaningful: true,
    years: [10],
    window: [273, 302],
    share: 0.35,
  },
  {
    kind: 'provider_encounter',
    title: 'University of York taster day',
    providerType: 'university',
    meaningful: true,
    years: [11],
    window: [61, 85],
    share: 0.4,
  },
  {
    kind: 'provider_encounter',
    title: 'UCAS fair',
    providerType: 'university',
    meaningful: false,
    years: [12],
    window: [273, 290],
    share: 0.7,
  },
];

/** Per subject, a few lessons that point at careers: [topic, careers]. */
export const DEMO_LINK_TOPICS: Readonly<Record<string, readonly (readonly [string, readonly string[]])[]>> = {
  Mathematics: [
    ['Percentages and compound interest', ['Accountant', 'Financial adviser']],
    ['Statistics and sampling', ['Data analyst', 'Actuary']],
  ],
  English: [
    ['Persuasive writing', ['Journalist', 'Marketing executive']],
    ['Speeches and rhetoric', ['Barrister', 'Politician']],
  ],
  Science: [
    ['Forces and motion', ['Mechanical engineer', 'Vehicle technician']],
    ['Cells and microscopy', ['Biomedical scientist', 'Nurse']],
  ],
  Biology: [['Genetics', ['Genetic counsellor', 'Laboratory technician']]],
  Chemistry: [['Rates of reaction', ['Chemical engineer', 'Pharmacist']]],
  Physics: [
    ['Electric circuits', ['Electrician', 'Electrical engineer']],
    ['Waves and imaging', ['Radiographer', 'Sound engineer']],
  ],
  Computing: [
    ['Algorithms', ['Software developer', 'Games designer']],
    ['Networks and security', ['Cyber security analyst']],
  ],
  Geography: [
    ['Flooding and rivers', ['Environmental consultant', 'Civil engineer']],
    ['Urban change', ['Town planner']],
  ],
  History: [
    ['Using sources', ['Archivist', 'Museum curator']],
    ['The Industrial Revolution', ['Heritage officer', 'Teacher']],
  ],
  French: [['Talking about jobs', ['Translator', 'Tourism manager']]],
  'Art and Design': [['Typography and branding', ['Graphic designer', 'Illustrator']]],
  'Design and Technology': [['Materials and manufacture', ['Product designer', 'Manufacturing engineer']]],
  Music: [['Film music', ['Composer', 'Sound engineer']]],
  'Physical Education': [['Training and fitness', ['Physiotherapist', 'Personal trainer']]],
  'Religious Education': [['Medical ethics', ['Doctor', 'Social worker']]],
  Drama: [['Stagecraft', ['Set designer', 'Lighting technician']]],
  Business: [
    ['Marketing mix', ['Marketing manager', 'Entrepreneur']],
    ['Finance and cash flow', ['Accountant', 'Bank manager']],
  ],
};

export const DEMO_ADVICE: readonly (readonly [advice: string, agreedActions: string])[] = [
  [
    'Talked through A level choices against interest in engineering; Mathematics and Physics keep most routes open.',
    'Visit the sixth form open evening; research two engineering apprenticeships.',
  ],
  [
    'Keen on healthcare. Discussed nursing degrees, nursing apprenticeships and the T Level in Health.',
    'Book a place on the NHS talk; look at the UCAS nursing pages.',
  ],
  [
    'Unsure about next steps. Explored strengths in art and IT, and creative digital careers.',
    'Try the Start careers quiz; come back after mock exams.',
  ],
  [
    'Wants to work straight after Year 11, ideally in construction. Covered apprenticeships, entry requirements and applying.',
    'Register on Find an Apprenticeship; ask BuildRight Training about their bricklaying programme.',
  ],
  [
    'Discussed UCAS choices, including\ncourses with a foundation year.',
    'Draft a personal statement by half term; share it with the tutor.',
  ],
  [
    'Considering law. Compared a law degree with a solicitor apprenticeship, and the "Russell Group" entry requirements.',
    'Attend the admissions talk; arrange a day at a local firm.',
  ],
];

export const DEMO_ASPIRATIONS = [
  'Paramedic',
  'Software developer',
  'Electrician',
  'Primary school teacher',
  'Veterinary nurse',
  'Mechanical engineer',
  'Graphic designer',
  'Accountant',
  'Police officer',
  'Chef',
  'Physiotherapist',
  'Solicitor',
  'Games designer',
  'Hairdresser',
  'Architect',
  'Undecided',
] as const;

export const DEMO_INTENDED_AFTER_YEAR_11 = [
  'A levels at Northfield Academy sixth form',
  'T Level in Digital at Northfield College',
  'Level 3 apprenticeship, BuildRight Training',
  'BTEC in Health and Social Care at Northfield College',
  'A levels at St Anne’s Sixth Form College',
] as const;

export const DEMO_INTENDED_AFTER_YEAR_13 = [
  'BSc Computer Science, University of Leeds',
  'BA History, University of York',
  'Degree apprenticeship in engineering, Siemens',
  'Nursing degree, University of Bradford',
  'Employment: trainee at a local accountancy firm',
  'Gap year, then university',
] as const;
