// "Message the teachers" from a Benchmark 4 gap: a preview of who gets what, then, once confirmed,
// one message per teacher in the outbox. Only with the school's consent (settings) and never to a
// teacher who said "stop". The preview arrives as a new card, so the gaps card stays on screen.

import type { AdaptiveCard } from '@microsoft/teams-ai';
import { z } from 'zod/v4';
import { replyWith, type Turn } from '../../bot/route';
import { adaptiveCard, container, executeAction, factSet, heading, textBlock } from '../../cards/adaptive-card';
import { listOf } from '../../domain/benchmarks/gap-wording';
import { schoolDateOf } from '../../domain/school-time';
import { onRollOn, subjectKey, type Person, type Role } from '../../domain/school';
import { MONDAY, weekdayOnOrBefore } from '../../domain/calendar';
import { hasOptedOut } from './nudge-store';
import { LINK_VERBS } from '../links/link-verbs';
import { MESSAGE_TEACHERS_VERBS, type previewData, type sendData } from './nudge-verbs';

export const MESSAGE_TEACHERS_ROLES: readonly Role[] = ['careers_leader', 'admin'];

export interface TeacherAsk {
  teacher: Person;
  /** The year groups this teacher's subjects have no link in, with those subjects. */
  asks: { yearGroup: number; subjects: string[] }[];
}

/** Staff who teach a subject with no careers link, each with just the year groups and subjects that are theirs. */
export function teachersToAsk(
  people: readonly Person[],
  missing: readonly { yearGroup: number; subjects: readonly string[] }[],
): TeacherAsk[] {
  return people
    .filter((person) => person.role !== 'pupil')
    .map((teacher) => {
      const asks = missing
        .map((entry) => {
          const wanted = new Set(entry.subjects.map(subjectKey));
          return { yearGroup: entry.yearGroup, subjects: teacher.subjects.filter((subject) => wanted.has(subjectKey(subject))) };
        })
        .filter((entry) => entry.subjects.length > 0);
      return { teacher, asks };
    })
    .filter((entry) => entry.asks.length > 0);
}

/** "Mathematics, Year 9; Art or Music, Year 10". */
function asksText(asks: TeacherAsk['asks']): string {
  return asks.map((ask) => `${ask.subjects.join(' or ')}, Year ${ask.yearGroup}`).join('; ');
}

const fullName = (person: Person) => `${person.givenName} ${person.familyName}`;

function messageFor(sender: Person, ask: TeacherAsk): AdaptiveCard {
  const first = ask.asks[0]!;
  return adaptiveCard(
    [
      heading('A quick careers link?'),
      textBlock(
        `${fullName(sender)} (careers) would love a careers link for ${asksText(ask.asks)}: nothing is logged for it yet this year.`,
      ),
      textBlock('It takes under 30 seconds: one line like “Y9 maths: ratio -> nurse”, or the button below.', { subtle: true }),
    ],
    [executeAction(`Log a link for Year ${first.yearGroup}`, LINK_VERBS.start, { subject: first.subjects[0], yearGroup: first.yearGroup })],
  );
}

/** Who may be messaged now: the school's consent, the roster and every "stop" checked afresh. */
async function recipients(turn: Turn, missing: readonly { yearGroup: number; subjects: readonly string[] }[]) {
  const { schoolId } = turn.sender;
  const [{ settings }, people] = await Promise.all([
    turn.services.settings.get(schoolId),
    turn.services.school.collections.people.list(schoolId),
  ]);
  // Leavers are messaged about nothing from the day they leave.
  const today = schoolDateOf(turn.services.now());
  const teaching = teachersToAsk(
    people.filter((person) => onRollOn(person, today)),
    missing,
  );
  // Teachers who said "stop" asked for no more of these nudges, whoever sends them.
  const stopped = await Promise.all(teaching.map((entry) => hasOptedOut(turn.services, schoolId, entry.teacher.id)));
  return { consent: settings.nudgeTeachers, teaching, willGet: teaching.filter((_, index) => !stopped[index]) };
}

function optedOutNote(declined: number, subjectList: string): string {
  if (declined === 0) return '';
  return (
    ` ${declined === 1 ? 'One teacher' : `${declined} teachers`} of ${subjectList} asked me not to send them these reminders, ` +
    `so I’m leaving ${declined === 1 ? 'them' : 'those'} out.`
  );
}

const NO_CONSENT =
  'The school’s settings don’t allow Waypoint to message teachers, so I haven’t messaged anyone. If the school agrees, the ' +
  'careers leader or an admin can turn on “Message teachers” in “settings”.';

export async function preview(turn: Turn, data: z.output<typeof previewData>): Promise<AdaptiveCard | string> {
  const subjectList = listOf([...new Set(data.missing.flatMap((entry) => entry.subjects))], 40);
  const { consent, teaching, willGet } = await recipients(turn, data.missing);
  if (teaching.length === 0) return `Nobody on the roster teaches ${subjectList}; check the teachers’ subjects in the roster.`;
  if (!consent) return NO_CONSENT;
  const declined = optedOutNote(teaching.length - willGet.length, subjectList);
  if (willGet.length === 0) return `I haven’t messaged anyone.${declined}`;
  const payload = { missing: data.missing, teacherIds: willGet.map((entry) => entry.teacher.id) };
  const count = `${willGet.length} teacher${willGet.length === 1 ? '' : 's'}`;
  const card = adaptiveCard(
    [
      heading(`Message ${count}?`),
      textBlock('Each gets this in their personal chat with Waypoint, with a button to log a link:', { subtle: true }),
      container(
        [
          textBlock(
            `${fullName(turn.sender.person)} (careers) would love a careers link for [their subjects and year groups]: ` +
              `nothing is logged for it yet this year. It takes under 30 seconds: one line like “Y9 maths: ratio -> nurse”.`,
          ),
        ],
        { style: 'emphasis' },
      ),
      textBlock('Who gets it, and for what', { weight: 'Bolder' }),
      factSet(willGet.map((entry) => [fullName(entry.teacher), asksText(entry.asks)] as const)),
      ...(declined ? [textBlock(declined.trim(), { subtle: true })] : []),
    ],
    [
      executeAction(`Send to ${count}`, MESSAGE_TEACHERS_VERBS.send, payload, 'positive'),
      executeAction('Cancel', MESSAGE_TEACHERS_VERBS.cancel, {}),
    ],
  );
  // A new card beside the gaps card, which stays; in a shared conversation the answer goes privately.
  if (turn.conversationKind === 'shared') return card;
  await replyWith(turn, card);
  return 'Here is who would get what: nothing is sent until you confirm.';
}

export async function send(turn: Turn, data: z.output<typeof sendData>): Promise<AdaptiveCard | string> {
  const { consent, willGet } = await recipients(turn, data.missing);
  if (!consent) return NO_CONSENT;
  // Only those the preview named, and only those still willing: someone may have said "stop" since.
  const confirmed = new Set(data.teacherIds);
  const chosen = willGet.filter((entry) => confirmed.has(entry.teacher.id));
  const week = weekdayOnOrBefore(schoolDateOf(turn.services.now()), MONDAY);
  let queued = 0;
  for (const entry of chosen) {
    const years = entry.asks.map((ask) => ask.yearGroup).join('-');
    const outcome = await turn.services.outbox.enqueue({
      schoolId: turn.sender.schoolId,
      // One nudge per teacher, year groups and week, however often the button is pressed.
      key: `nudge-links:${entry.teacher.id}:${years}:${week}`,
      to: { kind: 'person', personId: entry.teacher.id },
      card: messageFor(turn.sender.person, entry),
    });
    if (outcome === 'queued') queued++;
  }
  const left = data.teacherIds.length - chosen.length;
  const leftOut =
    left === 0
      ? ''
      : ` ${left === 1 ? 'One teacher' : `${left} teachers`} from the preview asked for no more reminders since, so I ` +
        `left ${left === 1 ? 'them' : 'those'} out.`;
  const again = chosen.length - queued;
  const already =
    again === 0
      ? ''
      : ` ${again === 1 ? 'One was' : `${again} were`} already queued this week, ` +
        `so ${again === 1 ? 'it isn’t' : 'they aren’t'} sent twice.`;
  return adaptiveCard([
    heading(chosen.length === 0 ? 'Nothing queued' : `Queued for ${chosen.length} teacher${chosen.length === 1 ? '' : 's'}`),
    textBlock(
      (chosen.length === 0
        ? 'I haven’t messaged anyone.'
        : `I’ve queued a friendly nudge for ${chosen.map((entry) => fullName(entry.teacher)).join(', ')}. Each gets it in ` +
          `their personal chat with Waypoint shortly.`) +
        already +
        leftOut,
    ),
  ]);
}
