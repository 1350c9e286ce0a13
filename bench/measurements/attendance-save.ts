import { emptySchoolData, type Activity, type Person, type SchoolData } from '../../src/domain/school';
import { schoolDateOf } from '../../src/domain/school-time';
import { ATTENDANCE_VERBS } from '../../src/journeys/encounters/encounter-verbs';
import { postJson } from '../bench-http';
import { startBotChild } from '../bot-child';
import { executeActivity, teamsUserFor } from '../teams-activities';
import { timed } from '../timing';
import { say, type TurnMeasurement } from '../turn-bench';
import { msAtMost, msLine } from '../turn-lines';

// Issue 23, item 4: saving attendance for a whole school asked every pupil for feedback inside the
// turn (3,010 pupils: 10.1 s, past Teams' 15 s with two instances). Now the turn writes the rows and
// one fan-out record, and the bot's background job asks the pupils.

const SCHOOL_ID = 'fanout-bench';
const PUPILS = 3_000;
const YEAR_GROUPS = [7, 8, 9, 10, 11, 12, 13];
const SAVE_TARGET_MS = 1_500;
const ASKED_TARGET_MS = 60_000;
const GIVE_UP_MS = 180_000;

const leader: Person = {
  id: 'FB-L',
  role: 'careers_leader',
  givenName: 'Bench',
  familyName: 'Leader',
  email: 'fanout.leader@bench.example',
  send: false,
  pupilPremium: false,
  lookedAfter: false,
  consideringHigherEducation: false,
  subjects: [],
};

function pupil(index: number): Person {
  const yearGroup = YEAR_GROUPS[index % YEAR_GROUPS.length]!;
  return {
    ...leader,
    id: `FB${index}`,
    role: 'pupil',
    givenName: 'Bench',
    familyName: `Pupil${index}`,
    email: `fb${index}@bench.example`,
    yearGroup,
    form: `${yearGroup}${'ABCDEFGH'[Math.floor(index / YEAR_GROUPS.length) % 8]}`,
  };
}

interface Action {
  verb: string;
  data: Record<string, unknown>;
}

/** The card's Action.Execute buttons, wherever they are in it. */
function actionsOf(node: unknown): Action[] {
  if (Array.isArray(node)) return node.flatMap(actionsOf);
  if (node === null || typeof node !== 'object') return [];
  const own = node as Record<string, unknown>;
  const here = own.type === 'Action.Execute' ? [{ verb: String(own.verb), data: (own.data ?? {}) as Record<string, unknown> }] : [];
  return [...here, ...Object.values(own).flatMap(actionsOf)];
}

function buttonFor(answerText: string, verb: string): Action {
  const card = (JSON.parse(answerText) as { value?: unknown }).value;
  const action = actionsOf(card).find((candidate) => candidate.verb === verb);
  if (!action) throw new Error(`no ${verb} button on the card: ${answerText.slice(0, 300)}`);
  return action;
}

/**
 * The careers leader ticks every year group of a 3,000-pupil school on the attendance card and
 * saves: the save turn end to end (HTTP invoke to the answer card), then how long after it the
 * background job has queued every pupil's feedback ask. One bot process with its background jobs,
 * on the turn bench's storage (the school is a second one there).
 */
export const attendanceSave: TurnMeasurement = {
  name: 'attendance-save',
  async run(bench) {
    const today = schoolDateOf(new Date());
    const activity: Activity = {
      id: 'FB-FAIR',
      date: today,
      kind: 'employer_encounter',
      title: 'Whole-school careers fair',
      providerAccess: false,
      meaningful: true,
    };
    const school: SchoolData = {
      ...emptySchoolData(),
      people: [leader, ...Array.from({ length: PUPILS }, (_, index) => pupil(index))],
      activities: [activity],
    };
    await bench.services.school.import(SCHOOL_ID, school, emptySchoolData());
    const user = teamsUserFor(leader);
    bench.connector.addMember(user);

    const bot = await startBotChild(bench.botEnv, 'waypoint-with-background-jobs');
    try {
      await say(bot.url, bench, user, 'help');
      const invoke = (verb: string, data: Record<string, unknown>) =>
        postJson(`${bot.url}/api/messages`, executeActivity(user, bench.connector.url, verb, data));
      const opened = await invoke(ATTENDANCE_VERBS.open.name, { activityId: activity.id });
      const ticks = { yearGroups: YEAR_GROUPS.join(',') };
      const counted = await invoke(ATTENDANCE_VERBS.update.name, {
        ...buttonFor(opened.text, ATTENDANCE_VERBS.update.name).data,
        ...ticks,
      });
      const save = buttonFor(counted.text, ATTENDANCE_VERBS.save.name);

      const { ms: saveMs, result: saved } = await timed(() => invoke(ATTENDANCE_VERBS.save.name, { ...save.data, ...ticks }));
      if (!saved.text.includes(`${PUPILS} pupils at`)) throw new Error(`the save answered ${saved.text.slice(0, 300)}`);
      const { ms: askedMs, result: asked } = await timed(async () => {
        const started = Date.now();
        for (;;) {
          const queued = (await bench.services.outbox.history(SCHOOL_ID)).filter((entry) =>
            entry.message.key.startsWith('pupil-feedback:'),
          ).length;
          if (queued >= PUPILS || Date.now() - started > GIVE_UP_MS) return queued;
          await new Promise((resolve) => setTimeout(resolve, 500));
        }
      });
      return [
        msLine(
          `attendance save: ${PUPILS.toLocaleString('en-GB')} pupils ticked`,
          saveMs,
          [msAtMost(saveMs, SAVE_TARGET_MS)],
          'HTTP invoke to the answer card',
        ),
        msLine(
          'attendance save: every feedback ask queued',
          askedMs,
          [msAtMost(askedMs, ASKED_TARGET_MS)],
          `after the answer; ${asked.toLocaleString('en-GB')} of ${PUPILS.toLocaleString('en-GB')} queued by the background job`,
        ),
      ];
    } finally {
      await bot.stop();
    }
  },
};
