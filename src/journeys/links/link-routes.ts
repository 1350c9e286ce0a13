import { type CardVerb, type MessageCommand, type Turn, cardCommand, cardVerb, replyWith } from '../../bot/route';
import { ALL_ROLES, STAFF_ROLES } from '../../domain/roles';
import { schoolDateOf } from '../../domain/school-time';
import { chooseSubjectCard, linkSavedCard } from './link-cards';
import {
  chooseSubject,
  chooseSubjectData,
  deleteData,
  deleteLink,
  departmentCoverage,
  editLinks,
  linkIdsData,
  myCoverage,
  myLinks,
  pageData,
  NOT_YOURS,
  saveData,
  saveLink,
  startData,
  startLink,
  undoLinks,
} from './link-journey';
import { createLinks, linksFromDraft } from './link-records';
import { parseLinkShortcut } from './link-shortcut';
import { validateLinkForm } from './link-submission';
import { LINK_VERBS } from './link-verbs';

// Anyone on the staff may log a link for a lesson they taught; pupils may not.
const LINK_ROLES = STAFF_ROLES;

export const logLinkCommand = cardCommand({
  name: 'log link',
  pattern: /^\s*(log|add|record|new)\s+(a\s+)?(careers?\s+)?link\s*[.!]?\s*$/i,
  roles: LINK_ROLES,
  help: {
    title: 'Log a careers link',
    description: 'Record how a lesson linked to careers (Benchmark 4) in three taps, or in one line such as “Y9 maths: ratio -> nurse, pharmacist”.',
    command: 'log link',
  },
  answer: (turn) => startLink(turn, {}),
});

export const myLinksCommand = cardCommand({
  name: 'my links',
  pattern: /^\s*my\s+(careers?\s+)?links\s*[.!?]?\s*$/i,
  roles: LINK_ROLES,
  help: { title: 'My links', description: 'See, edit or delete the careers links you logged this year.', command: 'my links' },
  answer: (turn) => myLinks(turn),
});

export const myCoverageCommand = cardCommand({
  name: 'my coverage',
  pattern: /^\s*my\s+coverage\s*[.!?]?\s*$/i,
  roles: LINK_ROLES,
  help: { title: 'My coverage', description: 'Which year groups in your subjects still need a careers link this year.', command: 'my coverage' },
  answer: (turn) => myCoverage(turn),
});

export const departmentCoverageCommand = cardCommand({
  name: 'coverage',
  pattern: /^\s*(department\s+|subject\s+)?coverage\s*[.!?]?\s*$/i,
  roles: LINK_ROLES,
  help: { title: 'Department coverage', description: 'The subject and year-group grid of careers links this year, with the gaps.', command: 'coverage' },
  answer: (turn) => departmentCoverage(turn),
});

/** "Y9 maths: ratio and proportion -> nursing, pharmacy": recorded at once when complete. */
export const linkShortcutCommand: MessageCommand = {
  name: 'link shortcut',
  // Loose on purpose: the parser decides; anything it rejects is answered as not understood.
  pattern: /(^\s*(log\s+|add\s+|careers\s+)?(a\s+)?link\b)|:|->|=>|→/i,
  // Everyone reaches it, because a pupil's message with a colon is not a link attempt: it is
  // answered as not understood rather than refused.
  roles: ALL_ROLES,
  async handle(turn) {
    const text = turn.context.activity.text ?? '';
    const curriculum = LINK_ROLES.includes(turn.sender.person.role) ? await turn.services.school.curriculum(turn.sender.schoolId) : [];
    const parsed = parseLinkShortcut(text, curriculum);
    if (parsed.kind === 'not-a-link' || !LINK_ROLES.includes(turn.sender.person.role)) {
      await turn.answerNotUnderstood();
      return;
    }
    // The sender and the message's own id key the links, so a redelivered message records nothing new.
    const draftId = `m-${turn.sender.person.id}-${turn.context.activity.id ?? ''}`.slice(0, 80).replace(/[^A-Za-z0-9_.:-]/g, '-');
    let problems = parsed.kind === 'partial' ? parsed.problems : [];
    if (parsed.kind === 'complete') {
      const values = { subject: parsed.draft.subject, yearGroups: parsed.draft.yearGroups.join(','), topic: parsed.draft.topic, careerChoices: '', otherCareers: parsed.draft.careers.join(', '), date: '', note: '' };
      const validation = validateLinkForm(values, curriculum, schoolDateOf(turn.services.now()));
      if (validation.ok) {
        const stored = await createLinks(turn, linksFromDraft(draftId, validation.draft, turn.sender.person.id));
        await replyWith(turn, stored === 'not-yours' ? NOT_YOURS : linkSavedCard(stored, { updated: false }));
        return;
      }
      problems = Object.values(validation.errors);
    }
    const draft = parsed.draft;
    const prefill = { topic: draft.topic ?? '', careers: (draft.careers ?? []).join(', '), yearGroups: (draft.yearGroups ?? []).join(',') };
    if (problems.length > 0) await turn.context.sendActivity(`I couldn’t record that yet: ${problems.join(' ')} Please finish it on the card.`);
    if (!draft.subject) {
      const ordered = curriculum.map((entry) => entry.subject);
      await replyWith(turn, chooseSubjectCard(draftId, ordered, undefined));
      return;
    }
    await replyWith(turn, await startLink(turn, { draftId, subject: draft.subject, prefill }));
  },
};

export const LINK_COMMANDS: readonly MessageCommand[] = [logLinkCommand, myLinksCommand, myCoverageCommand, departmentCoverageCommand];
/** Registered after every other command: its pattern is deliberately loose. */
export const LINK_SHORTCUT = linkShortcutCommand;

export const LINK_CARD_VERBS: readonly CardVerb[] = [
  cardVerb({ verb: LINK_VERBS.start, roles: LINK_ROLES, data: startData, handle: (turn, data) => startLink(turn, data) }),
  cardVerb({ verb: LINK_VERBS.chooseSubject, roles: LINK_ROLES, data: chooseSubjectData, handle: (turn, data) => chooseSubject(turn, data) }),
  cardVerb({ verb: LINK_VERBS.save, roles: LINK_ROLES, data: saveData, handle: (turn, data) => saveLink(turn, data) }),
  cardVerb({ verb: LINK_VERBS.edit, roles: LINK_ROLES, data: linkIdsData, handle: (turn, data) => editLinks(turn, data) }),
  cardVerb({ verb: LINK_VERBS.undo, roles: LINK_ROLES, data: linkIdsData, handle: (turn, data) => undoLinks(turn, data) }),
  cardVerb({ verb: LINK_VERBS.remove, roles: LINK_ROLES, data: deleteData, handle: (turn, data) => deleteLink(turn, data) }),
  cardVerb({ verb: LINK_VERBS.mine, roles: LINK_ROLES, data: pageData, handle: (turn: Turn, data) => myLinks(turn, data.offset) }),
  cardVerb({ verb: LINK_VERBS.coverage, roles: LINK_ROLES, data: pageData, handle: (turn: Turn) => myCoverage(turn) }),
];
