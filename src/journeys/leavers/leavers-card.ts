import type { AdaptiveCard } from '@microsoft/teams-ai';
import { adaptiveCard, container, heading, plainText, textBlock } from '../../cards/adaptive-card';
import { formatUkDate } from '../../domain/calendar';
import type { LeaverDestinations } from '../../domain/leavers';
import { fullName } from '../../domain/school';

/** Leavers shown on one card; the rest are in the export (people.csv and destinations.csv). */
export const LEAVERS_SHOWN = 60;

export function leaversCard(leavers: readonly LeaverDestinations[], today: string): AdaptiveCard {
  const withActual = leavers.filter((leaver) => leaver.actual !== undefined).length;
  const body = [
    heading('Leavers in the last 12 months'),
    textBlock(
      leavers.length === 0
        ? 'No pupil has left in the last 12 months.'
        : `${leavers.length} ${leavers.length === 1 ? 'pupil has' : 'pupils have'} left; ${withActual} with an actual ` +
            `destination recorded. Benchmark 3 asks you to track where leavers go.`,
      { weight: 'Bolder' },
    ),
    ...leavers.slice(0, LEAVERS_SHOWN).map((leaver) =>
      container(
        [
          textBlock(`${fullName(leaver.pupil)} · Year ${leaver.pupil.yearGroup ?? '?'} · left ${formatUkDate(leaver.leftOn)}`, {
            weight: 'Bolder',
          }),
          plainText(`Intended: ${leaver.intended?.destination ?? 'not recorded'}`, { subtle: leaver.intended === undefined }),
          plainText(
            `Actual: ${leaver.actual?.destination ?? 'not recorded yet'}`,
            leaver.actual === undefined ? { color: 'Attention' } : {},
          ),
        ],
        { separator: true },
      ),
    ),
  ];
  const more = leavers.length - LEAVERS_SHOWN;
  body.push(
    textBlock(
      `${more > 0 ? `And ${more} more: export people.csv and destinations.csv for the full list. ` : ''}Record actual ` +
        `destinations in destinations.csv (kind actual) and import it. As of ${formatUkDate(today)}.`,
      { subtle: true },
    ),
  );
  return adaptiveCard(body);
}
