import type { AdaptiveCard } from '@microsoft/teams-ai';
import type { z } from 'zod/v4';
import type { Turn } from '../../bot/route';
import { academicStartYearOf } from '../../domain/calendar';
import { calendarFormValues, describeCalendar, validateCalendar, withCalendar } from './calendar-submission';
import { schoolDateOf } from '../../domain/school-time';
import { ChangedUnderUsError } from '../../storage/school-collection';
import { calendarCard, calendarSavedCard } from './calendar-cards';
import { sameSettings, SOMEONE_ELSE } from './settings-journey';
import type { SCHOOL_CALENDAR_VERBS } from './settings-verbs';

// The school's name, term dates and meeting-change cut-off: opened for one academic year with the
// stored settings' etag, saved only over that version and only when every answer is good.

type OpenData = z.output<(typeof SCHOOL_CALENDAR_VERBS)['open']['data']>;
type SaveData = z.output<(typeof SCHOOL_CALENDAR_VERBS)['save']['data']>;

const yearOf = (turn: Turn, year: number | undefined) => year ?? academicStartYearOf(schoolDateOf(turn.services.now()));

export async function openCalendar(turn: Turn, data: OpenData): Promise<AdaptiveCard> {
  const year = yearOf(turn, data.year);
  const stored = await turn.services.settings.get(turn.sender.schoolId);
  return calendarCard({ year, values: calendarFormValues(stored.settings, year), ...(stored.etag ? { etag: stored.etag } : {}) });
}

export async function saveCalendar(turn: Turn, data: SaveData): Promise<AdaptiveCard> {
  const { schoolId } = turn.sender;
  const year = yearOf(turn, data.year);
  const { etag, year: _year, ...values } = data;
  const stored = await turn.services.settings.get(schoolId);
  const validation = validateCalendar(values, year);
  if (!validation.ok) return calendarCard({ year, values, errors: validation.errors, ...(etag ? { etag } : {}) });
  const settings = withCalendar(stored.settings, validation.change);
  // Already what is stored (a redelivered card, or nothing changed): nothing to write.
  if (sameSettings(stored.settings, settings))
    return calendarSavedCard(year, describeCalendar(settings, year), etag === (stored.etag ?? ''));
  const refused = (latest: typeof stored) =>
    calendarCard({
      year,
      values: calendarFormValues(latest.settings, year),
      notice: SOMEONE_ELSE,
      ...(latest.etag ? { etag: latest.etag } : {}),
    });
  if ((stored.etag ?? '') !== etag) return refused(stored);
  try {
    await turn.services.settings.save(schoolId, settings, stored.etag);
  } catch (error) {
    if (!(error instanceof ChangedUnderUsError)) throw error;
    return refused(await turn.services.settings.get(schoolId));
  }
  await turn.services.audit.record(
    schoolId,
    { actorId: turn.sender.person.id, action: 'settings.calendar', subject: String(year), at: turn.occurredAt },
    turn.context.activity.id ?? turn.occurredAt,
  );
  return calendarSavedCard(year, describeCalendar(settings, year), false);
}
