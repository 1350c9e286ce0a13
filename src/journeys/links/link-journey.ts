import { randomUUID } from 'node:crypto';
import type { AdaptiveCard } from '@microsoft/teams-ai';
import { z } from 'zod/v4';
import { replyWith, type Turn } from '../../bot/route';
import { academicYearOf } from '../../domain/calendar';
import { curriculumCoverage, linksLoggedBy } from '../../domain/benchmarks/curriculum-coverage';
import { subjectKey, type CurriculumLink, type CurriculumSubject } from '../../domain/school';
import { messageDetails } from '../../domain/message-details';
import { schoolDateOf } from '../../domain/school-time';
import { ChangedUnderUsError } from '../../storage/school-collection';
import { careerSuggestionsFor } from './careers-suggestions';
import {
  alreadyLoggedCard,
  chooseSubjectCard,
  confirmDeleteCard,
  departmentCoverageCard,
  linkDetailsCard,
  linkName,
  linksRemovedCard,
  linkSavedCard,
  myCoverageCard,
  myLinksCard,
  notYourSubjectCard,
} from './link-cards';
import { coverageData, createLinks, deleteLinks, linksBy, linksFromDraft, loadOwnLinks, replaceLinks } from './link-store';
import { parseLinkShortcut } from './link-shortcut';
import {
  checkLinkSubject,
  sameLinksLogged,
  linkDraftFromForm,
  subjectProblem,
  validateLinkDraft,
  type LinkDraftValid,
  type LinkFieldErrors,
  type LinkFormValues,
} from './link-submission';
import { LINK_ROLES, chooseSubjectData, deleteData, linkIdsData, saveData, startData } from './link-verbs';

// The teacher-link journey, top to bottom: start, choose subject, details, save, then edit / undo,
// and the views of what is logged (my links, my coverage, department coverage).

export const NOT_YOURS = 'Sorry, you can only change links you logged yourself.';
const GONE = 'That link has already been removed, so there was nothing to change.';
const CHANGED = 'Someone changed that link at the same moment, so I didn’t save yours. Open “my links” and try again.';

async function curriculumOf(turn: Turn): Promise<CurriculumSubject[]> {
  return turn.services.school.curriculum(turn.sender.schoolId);
}

/** The subject as the school spells it, by the same check the one-line shortcut makes. */
function taughtSubject(text: string, curriculum: readonly CurriculumSubject[]): CurriculumSubject | undefined {
  const check = checkLinkSubject(text, curriculum);
  return check.kind === 'taught' ? check.entry : undefined;
}

function today(turn: Turn): string {
  return schoolDateOf(turn.services.now());
}

/** The teacher's own subjects first, then the rest of the curriculum. */
function subjectsInOrder(turn: Turn, curriculum: readonly CurriculumSubject[]): string[] {
  const own = new Set(turn.sender.person.subjects.map(subjectKey));
  const names = curriculum.map((entry) => entry.subject);
  return [...names.filter((name) => own.has(subjectKey(name))), ...names.filter((name) => !own.has(subjectKey(name)))];
}

function detailsCard(
  turn: Turn,
  draftId: string,
  taught: CurriculumSubject,
  values: Partial<LinkFormValues>,
  errors?: LinkFieldErrors,
  editing: string[] = [],
): AdaptiveCard {
  return linkDetailsCard({
    draftId,
    subject: taught.subject,
    taughtYearGroups: [...taught.yearGroups].sort((a, b) => a - b),
    suggestions: careerSuggestionsFor(taught.subject),
    values,
    errors,
    today: today(turn),
    editing,
  });
}

/** didYouMean: the subject an unknown one typed is a slip from, offered first on step 1 (the rest of what was typed kept). */
export async function startLink(turn: Turn, data: z.output<typeof startData>, didYouMean?: string): Promise<AdaptiveCard> {
  const curriculum = await curriculumOf(turn);
  const draftId = data.draftId ?? randomUUID();
  const taught = taughtSubject(data.subject ?? '', curriculum);
  if (taught) {
    return detailsCard(turn, draftId, taught, {
      yearGroups: data.prefill?.yearGroups || (data.yearGroup ? String(data.yearGroup) : ''),
      topic: data.prefill?.topic,
      otherCareers: data.prefill?.careers,
    });
  }
  const ordered = subjectsInOrder(turn, curriculum);
  return chooseSubjectCard(draftId, ordered, ordered[0], undefined, { ...(data.prefill ? { prefill: data.prefill } : {}), didYouMean });
}

/**
 * “log link”, or other words for it that name a subject or year group (“log a link for Y9 science”):
 * step 1, or step 2 on the subject named, with the year groups filled.
 */
export async function startLinkFromMessage(turn: Turn): Promise<AdaptiveCard> {
  const curriculum = await curriculumOf(turn);
  const details = messageDetails(turn.context.activity.text ?? '', { now: turn.services.now(), curriculum });
  const prefill = details.yearGroups.length > 0 ? { prefill: { topic: '', careers: '', yearGroups: details.yearGroups.join(',') } } : {};
  const { subject } = details;
  if (subject?.kind === 'taught') return startLink(turn, { subject: subject.subject, ...prefill });
  return startLink(turn, prefill, subject?.kind === 'near' ? subject.suggestion : undefined);
}

/**
 * A typed one-line link ("Y9 maths: ratio -> nurse"): recorded at once when it is complete and
 * valid, otherwise the card opens with what was understood and the problems are said first. Checked
 * by validateLinkDraft, as the card's own submission is.
 */
export async function logLinkFromMessage(turn: Turn): Promise<void> {
  const maySave = LINK_ROLES.includes(turn.sender.person.role);
  const curriculum = maySave ? await curriculumOf(turn) : [];
  const parsed = parseLinkShortcut(turn.context.activity.text ?? '', curriculum);
  if (parsed.kind === 'not-a-link' || !maySave) {
    await turn.answerNotUnderstood();
    return;
  }
  // The sender and the message's own id key the links, so a redelivered message records nothing new.
  const draftId = `m-${turn.sender.person.id}-${turn.context.activity.id ?? ''}`.slice(0, 80).replace(/[^A-Za-z0-9_.:-]/g, '-');
  let problems = parsed.kind === 'partial' ? parsed.problems : [];
  if (parsed.kind === 'complete') {
    const validation = validateLinkDraft(parsed.draft, curriculum, today(turn));
    if (validation.ok) {
      await replyWith(turn, await createUnlessRepeated(turn, draftId, validation.draft, false));
      return;
    }
    problems = Object.values(validation.errors);
  }
  const { draft } = parsed;
  const prefill = { topic: draft.topic ?? '', careers: (draft.careers ?? []).join(', '), yearGroups: (draft.yearGroups ?? []).join(',') };
  if (problems.length > 0)
    await turn.context.sendActivity(`I couldn’t record that yet: ${problems.join(' ')} Please finish it on the card.`);
  const didYouMean = parsed.kind === 'partial' ? parsed.didYouMean : undefined;
  await replyWith(turn, await startLink(turn, { draftId, subject: draft.subject, prefill }, didYouMean));
}

export async function chooseSubject(turn: Turn, data: z.output<typeof chooseSubjectData>): Promise<AdaptiveCard> {
  const curriculum = await curriculumOf(turn);
  const check = checkLinkSubject(data.subject, curriculum);
  if (check.kind !== 'taught')
    return chooseSubjectCard(data.draftId, subjectsInOrder(turn, curriculum), undefined, subjectProblem(data.subject, check));
  const taught = check.entry;
  const own = turn.sender.person.subjects;
  const teachesIt = own.some((subject) => subjectKey(subject) === subjectKey(taught.subject));
  if (turn.sender.person.role === 'teacher' && own.length > 0 && !teachesIt && !data.subjectConfirmed)
    return notYourSubjectCard(data.draftId, taught.subject, own, data.prefill);
  return startLink(turn, { ...data, subject: taught.subject });
}

export async function saveLink(turn: Turn, data: z.output<typeof saveData>): Promise<AdaptiveCard | string> {
  const curriculum = await curriculumOf(turn);
  const validation = validateLinkDraft(linkDraftFromForm(data), curriculum, today(turn));
  if (!validation.ok) {
    const taught = taughtSubject(data.subject, curriculum);
    if (!taught) return chooseSubjectCard(data.draftId, subjectsInOrder(turn, curriculum), undefined, validation.errors.subject);
    return detailsCard(turn, data.draftId, taught, data, validation.errors, data.editing);
  }
  if (data.editing.length === 0) return createUnlessRepeated(turn, data.draftId, validation.draft, data.saveAnyway);
  const owned = await loadOwnLinks(turn, data.editing);
  if (owned.kind === 'not-yours') return NOT_YOURS;
  if (owned.kind === 'gone') return GONE;
  try {
    return linkSavedCard(await replaceLinks(turn, owned.links, data.draftId, validation.draft), { updated: true });
  } catch (error) {
    if (error instanceof ChangedUnderUsError) return CHANGED;
    throw error;
  }
}

/** Saves a new link, unless the teacher logged the same one that day and has not said to save it anyway. */
async function createUnlessRepeated(
  turn: Turn,
  draftId: string,
  draft: LinkDraftValid,
  saveAnyway: boolean,
): Promise<AdaptiveCard | string> {
  const fresh = linksFromDraft(draftId, draft, turn.sender.person.id);
  if (!saveAnyway) {
    const already = sameLinksLogged(await linksBy(turn, turn.sender.person.id, draft.date, draft.date), fresh);
    if (already.length > 0) {
      const values = { subject: draft.subject, yearGroups: draft.yearGroups.join(','), topic: draft.topic, careerChoices: '' };
      return alreadyLoggedCard(already, {
        draftId,
        ...values,
        otherCareers: draft.careers.join(', '),
        date: draft.date,
        note: draft.note ?? '',
      });
    }
  }
  const stored = await createLinks(turn, fresh);
  return stored === 'not-yours' ? NOT_YOURS : linkSavedCard(stored, { updated: false });
}

export async function editLinks(turn: Turn, data: z.output<typeof linkIdsData>): Promise<AdaptiveCard | string> {
  const owned = await loadOwnLinks(turn, data.linkIds);
  if (owned.kind === 'not-yours') return NOT_YOURS;
  if (owned.kind === 'gone') return GONE;
  const first = owned.links[0]!.link;
  const curriculum = await curriculumOf(turn);
  const taught = curriculum.find((entry) => subjectKey(entry.subject) === subjectKey(first.subject)) ?? {
    subject: first.subject,
    yearGroups: owned.links.map((entry) => entry.link.yearGroup),
  };
  const ids = owned.links.map((entry) => entry.link.id);
  return detailsCard(
    turn,
    first.id,
    taught,
    {
      yearGroups: owned.links.map((entry) => entry.link.yearGroup).join(','),
      topic: first.topic,
      otherCareers: first.careers.join(', '),
      date: first.date,
      note: first.note ?? '',
    },
    undefined,
    ids,
  );
}

export async function undoLinks(turn: Turn, data: z.output<typeof linkIdsData>): Promise<AdaptiveCard | string> {
  const owned = await loadOwnLinks(turn, data.linkIds);
  if (owned.kind === 'not-yours') return NOT_YOURS;
  if (owned.kind === 'ok')
    await deleteLinks(
      turn,
      owned.links.map((entry) => entry.link),
    );
  return linksRemovedCard(data.linkIds.length);
}

export async function deleteLink(turn: Turn, data: z.output<typeof deleteData>): Promise<AdaptiveCard | string> {
  const owned = await loadOwnLinks(turn, data.linkIds ?? [data.linkId!]);
  if (owned.kind === 'not-yours') return NOT_YOURS;
  if (owned.kind === 'gone') return myLinks(turn, data.offset, 'That link had already been deleted.');
  const links = owned.links.map((entry) => entry.link);
  if (!data.confirmed) return confirmDeleteCard(links, data.offset, { afterEdit: data.afterEdit });
  await deleteLinks(turn, links);
  return myLinks(turn, data.offset, `Deleted “${linkName(links)}”.`);
}

export async function myLinks(turn: Turn, offset = 0, notice?: string): Promise<AdaptiveCard> {
  const year = academicYearOf(today(turn));
  const links = await linksBy(turn, turn.sender.person.id, year.start, year.end);
  return myLinksCard(links, year.label, Math.min(offset, Math.max(0, links.length - 1)), notice);
}

export async function myCoverage(turn: Turn): Promise<AdaptiveCard> {
  const coverage = await coverageNow(turn);
  return myCoverageCard(coverage, turn.sender.person.subjects);
}

export async function departmentCoverage(turn: Turn): Promise<AdaptiveCard> {
  const { person } = turn.sender;
  const data = await coverageDataNow(turn);
  const coverage = curriculumCoverage(data, today(turn));
  if (person.role === 'careers_leader' || person.role === 'admin')
    return departmentCoverageCard(coverage, { scope: 'school', namesColleagues: person.role === 'careers_leader' });
  return departmentCoverageCard(coverage, {
    scope: 'subjects',
    subjects: person.subjects,
    ownLinks: linksLoggedBy(data.links, person.id, today(turn)),
  });
}

async function coverageDataNow(turn: Turn) {
  return { ...(await coverageData(turn)), activities: [], attendance: [], meetings: [], destinations: [] };
}

async function coverageNow(turn: Turn) {
  return curriculumCoverage(await coverageDataNow(turn), today(turn));
}

export type { CurriculumLink };
