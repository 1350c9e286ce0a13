import type { AdaptiveCard } from '@microsoft/teams-ai';
import {
  actionSet,
  adaptiveCard,
  type CardElement,
  choiceSet,
  columnSet,
  container,
  dateInput,
  executeAction,
  factSet,
  fieldError,
  heading,
  plainText,
  textBlock,
  textInput,
} from '../../cards/adaptive-card';
import { formatUkDate } from '../../domain/calendar';
import type { CurriculumCoverage } from '../../domain/benchmarks/curriculum-coverage';
import type { CurriculumLink, IsoDate } from '../../domain/school';
import { splitList } from '../../domain/typed-text';
import { LINK_LIMITS, yearsInEnglish, type LinkFieldErrors, type LinkFormValues } from './link-submission';
import { LINK_VERBS, type LinkPrefill } from './link-verbs';

/** Step 1: which subject (the teacher's own first). */
export function chooseSubjectCard(
  draftId: string,
  subjects: readonly string[],
  preferred: string | undefined,
  error?: string,
  typed: { prefill?: LinkPrefill; didYouMean?: string } = {},
): AdaptiveCard {
  // What the teacher already typed (year groups, topic, careers) rides on the buttons to step 2.
  const carried = { draftId, ...(typed.prefill ? { prefill: typed.prefill } : {}) };
  return adaptiveCard(
    [
      heading('Log a careers link'),
      textBlock('Step 1 of 2: which subject was the lesson in?', { subtle: true }),
      ...(typed.didYouMean ? [textBlock(`Did you mean ${typed.didYouMean}?`, { weight: 'Bolder' })] : []),
      choiceSet(
        'subject',
        'Subject',
        subjects.map((subject) => ({ title: subject, value: subject })),
        { value: typed.didYouMean ?? preferred },
      ),
      ...fieldError(error),
    ],
    [
      ...(typed.didYouMean
        ? [executeAction(`Yes, ${typed.didYouMean}`, LINK_VERBS.chooseSubject, { ...carried, subject: typed.didYouMean }, 'positive')]
        : []),
      executeAction('Next', LINK_VERBS.chooseSubject, carried, typed.didYouMean ? undefined : 'positive'),
    ],
  );
}

/** A teacher choosing a subject the roster doesn't list for them: a check, not a refusal. */
export function notYourSubjectCard(
  draftId: string,
  subject: string,
  theirSubjects: readonly string[],
  prefill?: LinkPrefill,
): AdaptiveCard {
  return adaptiveCard(
    [
      heading('Not your subject?'),
      textBlock(
        `The roster lists you for ${theirSubjects.join(', ')}, not ${subject}. If you taught this ${subject} lesson, carry ` +
          `on; otherwise choose another subject.`,
      ),
    ],
    [
      executeAction(
        `Yes, it was ${subject}`,
        LINK_VERBS.chooseSubject,
        { draftId, subject, subjectConfirmed: true, ...(prefill ? { prefill } : {}) },
        'positive',
      ),
      executeAction('Choose another subject', LINK_VERBS.start, { draftId, ...(prefill ? { prefill } : {}) }),
    ],
  );
}

export interface LinkFormCardInput {
  draftId: string;
  subject: string;
  taughtYearGroups: readonly number[];
  suggestions: readonly string[];
  values: Partial<LinkFormValues>;
  errors?: LinkFieldErrors;
  today: IsoDate;
  /** Links being edited (empty when logging new ones). */
  editing: readonly string[];
}

/** Step 2: year groups, topic, careers, date and note; errors shown under their fields. */
export function linkDetailsCard(input: LinkFormCardInput): AdaptiveCard {
  const { values, errors = {} } = input;
  const chosenSuggestions = new Set(splitList(values.careerChoices ?? ''));
  const otherCareers = [...splitList(values.otherCareers ?? '')];
  // Careers that are not among the suggestions stay in the free-text box, so nothing is lost on a retry.
  const suggestionValues = input.suggestions.filter((career) => career.length <= LINK_LIMITS.career);
  return adaptiveCard(
    [
      heading(input.editing.length > 0 ? 'Edit careers link' : 'Log a careers link'),
      // Editing has no step 1: the subject is already chosen.
      textBlock(input.editing.length > 0 ? `Editing your link: ${input.subject}` : `Step 2 of 2: ${input.subject}`, { subtle: true }),
      ...(Object.keys(errors).length > 0
        ? [textBlock('Please check the highlighted answers. Nothing has been saved yet.', { color: 'Attention' })]
        : []),
      choiceSet(
        'yearGroups',
        'Year group(s)',
        input.taughtYearGroups.map((year) => ({ title: `Year ${year}`, value: String(year) })),
        { value: values.yearGroups, multiSelect: true, expanded: true },
      ),
      ...fieldError(errors.yearGroups),
      textInput('topic', 'Topic', { value: values.topic, placeholder: 'e.g. ratio and proportion', maxLength: LINK_LIMITS.topic }),
      ...fieldError(errors.topic),
      choiceSet(
        'careerChoices',
        'Careers it leads to',
        suggestionValues.map((career) => ({ title: career, value: career })),
        {
          value: [...chosenSuggestions].filter((career) => suggestionValues.includes(career)).join(','),
          multiSelect: true,
          expanded: true,
        },
      ),
      textInput('otherCareers', 'Other careers (separate with commas)', {
        value: [...otherCareers, ...[...chosenSuggestions].filter((career) => !suggestionValues.includes(career))].join(', '),
        placeholder: 'e.g. nurse, pharmacist',
      }),
      ...fieldError(errors.otherCareers),
      dateInput('date', 'Date of the lesson', { value: values.date || input.today }),
      ...fieldError(errors.date),
      textInput('note', 'Note (optional)', { value: values.note, maxLength: LINK_LIMITS.note, multiline: true }),
      ...fieldError(errors.note),
    ],
    [
      executeAction(
        'Save link',
        LINK_VERBS.save,
        { draftId: input.draftId, subject: input.subject, editing: [...input.editing] },
        'positive',
      ),
      ...(input.editing.length === 0 ? [executeAction('Change subject', LINK_VERBS.start, { draftId: input.draftId })] : []),
    ],
  );
}

/** What was recorded, exactly, with Edit and Undo. */
export function linkSavedCard(links: readonly CurriculumLink[], options: { updated: boolean; outsideCurriculum?: boolean }): AdaptiveCard {
  const [first] = links;
  if (!first) return adaptiveCard([heading('Nothing to show'), textBlock('That link has gone.')]);
  const ids = links.map((link) => link.id);
  const years = links.map((link) => `Year ${link.yearGroup}`).join(', ');
  return adaptiveCard(
    [
      heading(options.updated ? 'Careers link updated' : 'Careers link saved'),
      factSet([
        ['Subject', first.subject],
        [links.length > 1 ? 'Year groups' : 'Year group', years],
        ['Topic', first.topic],
        ['Careers', first.careers.join(', ')],
        ['Date', formatUkDate(first.date)],
        ...(first.note ? ([['Note', first.note]] as Array<[string, string]>) : []),
      ]),
      textBlock(
        options.outsideCurriculum
          ? 'Saved, but it doesn’t count towards Benchmark 4 because the curriculum doesn’t list this subject for that year group.'
          : `This counts towards Benchmark 4 for ${first.subject}, ${years}. Thank you!`,
        { subtle: true },
      ),
    ],
    [
      executeAction('Edit', LINK_VERBS.edit, { linkIds: ids }),
      // After an edit, Undo would take the whole link, not just the change: it asks first.
      options.updated
        ? executeAction('Undo', LINK_VERBS.remove, { linkIds: ids, afterEdit: true })
        : executeAction('Undo', LINK_VERBS.undo, { linkIds: ids }, 'destructive'),
      executeAction('Log another', LINK_VERBS.start, {}),
    ],
  );
}

/**
 * The same link was logged that day already: say so before saving, with the choice to save it as
 * well (the Save again, with everything that was typed) or not.
 */
export function alreadyLoggedCard(already: readonly CurriculumLink[], save: LinkFormValues & { draftId: string }): AdaptiveCard {
  const first = already[0]!;
  return adaptiveCard(
    [
      heading('You’ve logged this link already'),
      plainText(linkName(already), { weight: 'Bolder' }),
      plainText(`${formatUkDate(first.date)} · ${first.careers.join(', ')}`, { subtle: true }),
      textBlock('Nothing new has been saved. Save it again only if it was a different lesson, such as another class.', { subtle: true }),
    ],
    [executeAction('Save it anyway', LINK_VERBS.save, { ...save, saveAnyway: true }), executeAction('Don’t save it', LINK_VERBS.mine, {})],
  );
}

export function linksRemovedCard(count: number): AdaptiveCard {
  return adaptiveCard(
    [
      heading(count === 1 ? 'Link removed' : `${count} links removed`),
      textBlock('Nothing of it is kept in Waypoint now.', { subtle: true }),
    ],
    [executeAction('Log a link', LINK_VERBS.start, {}), executeAction('My links', LINK_VERBS.mine, {})],
  );
}

export const MY_LINKS_PAGE = 8;

/** "Mathematics, Years 12 and 13: ratio": how a link is named wherever it is listed. */
export function linkName(links: readonly CurriculumLink[]): string {
  const [first] = links;
  if (!first) return '';
  const years = [...new Set(links.map((link) => link.yearGroup))].sort((a, b) => a - b);
  const yearText = yearsInEnglish(years);
  return `${first.subject}, ${yearText}: ${first.topic}`;
}

/**
 * One card's links, one per year group in storage, as the teacher logged them: the same subject,
 * topic, date, careers and note. Order (newest first) is kept.
 */
export function groupLoggedTogether(links: readonly CurriculumLink[]): CurriculumLink[][] {
  const groups = new Map<string, CurriculumLink[]>();
  for (const link of links) {
    const key = JSON.stringify([link.subject, link.topic, link.date, link.careers, link.note ?? '']);
    groups.set(key, [...(groups.get(key) ?? []), link]);
  }
  return [...groups.values()];
}

/** Delete asks first, naming the link. */
export function confirmDeleteCard(links: readonly CurriculumLink[], offset: number, options: { afterEdit?: boolean } = {}): AdaptiveCard {
  const first = links[0]!;
  return adaptiveCard(
    [
      heading('Delete this link?'),
      ...(options.afterEdit
        ? [textBlock('Undo can’t take back only your edit: it deletes the whole link, as it is now.', { color: 'Attention' })]
        : []),
      plainText(linkName(links), { weight: 'Bolder' }),
      plainText(`${formatUkDate(first.date)} · ${first.careers.join(', ')}`, { subtle: true }),
      textBlock('It will no longer count towards Benchmark 4, and nothing of it is kept in Waypoint.', { subtle: true }),
    ],
    [
      executeAction('Delete', LINK_VERBS.remove, { linkIds: links.map((link) => link.id), offset, confirmed: true }, 'destructive'),
      executeAction('Keep it', LINK_VERBS.mine, { offset }),
    ],
  );
}

export function myLinksCard(
  allLinks: readonly CurriculumLink[],
  academicYearLabel: string,
  requestedOffset: number,
  notice?: string,
): AdaptiveCard {
  const links = groupLoggedTogether(allLinks);
  const offset = Math.min(requestedOffset, Math.max(0, links.length - 1));
  const page = links.slice(offset, offset + MY_LINKS_PAGE);
  const rows: CardElement[] = page.map((group) => {
    const ids = group.map((link) => link.id);
    return container(
      [
        plainText(linkName(group), { weight: 'Bolder' }),
        plainText(`${formatUkDate(group[0]!.date)} · ${group[0]!.careers.join(', ')}`, { subtle: true }),
        actionSet([
          executeAction('Edit', LINK_VERBS.edit, { linkIds: ids }),
          executeAction('Delete', LINK_VERBS.remove, { linkIds: ids, offset }, 'destructive'),
        ]),
      ],
      { separator: true },
    );
  });
  const more = offset + MY_LINKS_PAGE < links.length;
  return adaptiveCard(
    [
      heading('My careers links'),
      textBlock(
        links.length === 0
          ? `You haven’t logged any links in ${academicYearLabel} yet.`
          : `${links.length} link${links.length === 1 ? '' : 's'} in ${academicYearLabel}, newest ` +
              `first${links.length > MY_LINKS_PAGE ? ` (showing ${offset + 1}–${offset + page.length})` : ''}.`,
        { subtle: true },
      ),
      ...(notice ? [plainText(notice, { color: 'Good' })] : []),
      ...rows,
    ],
    [
      ...(offset > 0 ? [executeAction('Newer', LINK_VERBS.mine, { offset: Math.max(0, offset - MY_LINKS_PAGE) })] : []),
      ...(more ? [executeAction('Older', LINK_VERBS.mine, { offset: offset + MY_LINKS_PAGE })] : []),
      executeAction('Log a link', LINK_VERBS.start, {}),
      executeAction('My coverage', LINK_VERBS.coverage, {}),
    ],
  );
}

/** Per subject of the teacher's: which year groups have a link this year, and a button for each gap. */
export function myCoverageCard(coverage: CurriculumCoverage, teacherSubjects: readonly string[]): AdaptiveCard {
  const keys = new Set(teacherSubjects.map((subject) => subject.trim().toLowerCase()));
  const mine = coverage.subjects.filter((subject) => keys.has(subject.key));
  const body: CardElement[] = [
    heading('My Benchmark 4 coverage'),
    textBlock(`Links logged by anyone in each subject you teach, ${coverage.academicYear.label}.`, { subtle: true }),
  ];
  if (mine.length === 0)
    body.push(textBlock('None of your roster subjects is on the school’s curriculum list, so there is nothing to cover yet.'));
  for (const subject of mine) {
    const covered = subject.cells.filter((cell) => cell.links > 0);
    const gaps = subject.cells.filter((cell) => cell.links === 0);
    body.push(
      container(
        [
          textBlock(`${subject.subject}: ${covered.length} of ${subject.cells.length} year groups covered`, { weight: 'Bolder' }),
          textBlock(
            covered.length > 0
              ? `Covered: ${covered.map((cell) => `Year ${cell.yearGroup} (${cell.links})`).join(', ')}`
              : 'No year group covered yet.',
            { subtle: true },
          ),
          ...(gaps.length > 0
            ? [
                textBlock(`Still to do: ${gaps.map((cell) => `Year ${cell.yearGroup}`).join(', ')}`, { color: 'Attention' }),
                actionSet(
                  gaps.slice(0, 6).map((cell) =>
                    executeAction(`Log a link for Year ${cell.yearGroup}`, LINK_VERBS.start, {
                      subject: subject.subject,
                      yearGroup: cell.yearGroup,
                    }),
                  ),
                ),
              ]
            : [textBlock('Every year group has a link. Well done!', { color: 'Good' })]),
        ],
        { separator: true },
      ),
    );
  }
  return adaptiveCard(body, [executeAction('Log a link', LINK_VERBS.start, {}), executeAction('My links', LINK_VERBS.mine, {})]);
}

/**
 * Who is looking at the coverage grid. Colleagues who have logged nothing are named only to the
 * careers leader (the roster does not mark heads of department); the school office sees how many,
 * and a teacher their own total and their subjects' totals.
 */
export type CoverageView =
  { scope: 'school'; namesColleagues: boolean } | { scope: 'subjects'; subjects: readonly string[]; ownLinks: number };

const linkCount = (count: number) => `${count} link${count === 1 ? '' : 's'}`;

/** Subject x year-group grid with link counts; gaps marked. */
export function departmentCoverageCard(coverage: CurriculumCoverage, view: CoverageView): AdaptiveCard {
  const keys = view.scope === 'subjects' ? new Set(view.subjects.map((subject) => subject.trim().toLowerCase())) : undefined;
  const subjects = coverage.subjects.filter((subject) => !keys || keys.has(subject.key));
  const years = [7, 8, 9, 10, 11, 12, 13].filter((year) =>
    subjects.some((subject) => subject.cells.some((cell) => cell.yearGroup === year)),
  );
  const headerRow = columnSet([
    { items: [textBlock('Subject', { weight: 'Bolder' })], width: '3' },
    ...years.map((year) => ({ items: [textBlock(`Y${year}`, { weight: 'Bolder' })], width: '1' })),
  ]);
  const gridRows = subjects.map((subject) =>
    columnSet([
      { items: [textBlock(subject.subject)], width: '3' },
      ...years.map((year) => {
        const cell = subject.cells.find((c) => c.yearGroup === year);
        const text = !cell ? ' ' : cell.links === 0 ? '✗' : String(cell.links);
        return { items: [textBlock(text, cell?.links === 0 ? { color: 'Attention', weight: 'Bolder' } : {})], width: '1' };
      }),
    ]),
  );
  const gaps = coverage.gaps.filter((gap) => !keys || keys.has(gap.subject.trim().toLowerCase()));
  const cells = subjects.reduce((sum, subject) => sum + subject.cells.length, 0);
  return adaptiveCard([
    heading(keys ? 'Coverage in your subjects' : 'Department coverage'),
    textBlock(
      `Benchmark 4, ${coverage.academicYear.label}: ${cells - gaps.length} of ${cells} subject and year-group pairs have a ` +
        `careers link. Numbers are links logged; ✗ marks a gap.`,
      { subtle: true },
    ),
    headerRow,
    ...gridRows,
    container(coverageTotals(coverage, view, subjects), { separator: true }),
  ]);
}

function coverageTotals(coverage: CurriculumCoverage, view: CoverageView, subjects: CurriculumCoverage['subjects']): CardElement[] {
  if (view.scope === 'subjects') {
    const inSubjects = subjects.reduce((sum, subject) => sum + subject.cells.reduce((count, cell) => count + cell.links, 0), 0);
    return [
      textBlock(
        view.ownLinks === 0 ? 'You haven’t logged a link yet this year.' : `You have logged ${linkCount(view.ownLinks)} this year.`,
        {
          weight: 'Bolder',
        },
      ),
      textBlock(`Links logged in your subjects this year, by you and your colleagues: ${inSubjects}.`),
    ];
  }
  const quiet = coverage.teachersWithoutLinks;
  if (quiet.length === 0) return [textBlock('Every teacher with subjects has logged at least one link this year.', { weight: 'Bolder' })];
  if (!view.namesColleagues)
    return [
      textBlock(`${quiet.length} teacher${quiet.length === 1 ? '' : 's'} with subjects haven’t logged a link yet this year.`, {
        weight: 'Bolder',
      }),
    ];
  return [
    textBlock(`Teachers who haven’t logged a link yet (${quiet.length}):`, { weight: 'Bolder' }),
    textBlock(quiet.map((teacher) => `${teacher.name} (${teacher.subjects.join(', ')})`).join('; ')),
  ];
}
