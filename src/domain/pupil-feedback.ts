// Pupils' feedback on the activities they attended (Benchmark 1: the programme "evaluated with
// feedback from pupils"). A pupil is asked at most once a week; the leader sees an activity's
// results only once enough pupils answered that no one answer can be picked out.

import { addDays, dayNumber, weekday } from './calendar';
import type { IsoDate } from './school';

/** Results show from this many answers: fewer could identify who said what. */
export const FEWEST_ANSWERS_SHOWN = 5;
/** "One thing you learned": a line, not an essay. */
export const LEARNED_MAX_LENGTH = 280;
/** Attendance taken later than this after the day asks nobody: the pupils would not remember it well. */
export const ASK_WITHIN_DAYS = 14;

export interface PupilFeedback {
  activityId: string;
  pupilId: string;
  /** 1 (not useful) to 5 (very useful). */
  rating: number;
  learned?: string;
  answeredAt: string;
}

/** The ISO week a date falls in, "2026-W10": weeks start on Monday, week 1 holds the year's first Thursday. */
export function isoWeekOf(date: IsoDate): string {
  const thursday = addDays(date, 4 - weekday(date));
  const year = thursday.slice(0, 4);
  const week = Math.floor((dayNumber(thursday) - dayNumber(`${year}-01-01`)) / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** Whether pupils are still asked about an activity held on `date` when its attendance is saved on `today`. */
export function asksForFeedback(date: IsoDate, today: IsoDate): boolean {
  return date <= today && date >= addDays(today, -ASK_WITHIN_DAYS);
}

export type FeedbackResult = { shown: true; count: number; average: number; learned: string[] } | { shown: false; count: number };

/** An activity's results: the average to one decimal place and what pupils learned, without names, or nothing under 5 answers. */
export function feedbackResult(answers: readonly Pick<PupilFeedback, 'rating' | 'learned'>[]): FeedbackResult {
  const count = answers.length;
  if (count < FEWEST_ANSWERS_SHOWN) return { shown: false, count };
  const average = Math.round((answers.reduce((sum, answer) => sum + answer.rating, 0) * 10) / count) / 10;
  const learned = answers
    .map((answer) => answer.learned?.trim() ?? '')
    .filter((line) => line !== '')
    // In alphabetical order, not the order pupils answered (or their ids), so no line points to its writer.
    .sort((a, b) => a.localeCompare(b));
  return { shown: true, count, average, learned };
}
