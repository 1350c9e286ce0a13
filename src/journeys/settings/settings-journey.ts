import type { AdaptiveCard } from '@microsoft/teams-ai';
import { z } from 'zod/v4';
import type { Turn } from '../../bot/route';
import type { SchoolSettings } from '../../domain/school-settings';
import { schoolDateOf } from '../../domain/school-time';
import { ChangedUnderUsError } from '../../storage/school-collection';
import { settingsCard, settingsSavedCard } from './settings-cards';
import { validateSettingsForm } from './settings-submission';
import { saveData } from './settings-verbs';

// School settings: open the card with what is stored (and its etag), save only over that version.

export const SOMEONE_ELSE =
  'Someone else saved the settings while you were editing, so I didn’t save yours. These are theirs: make your changes again.';

function today(turn: Turn): string {
  return schoolDateOf(turn.services.now());
}

export async function openSettings(turn: Turn): Promise<AdaptiveCard> {
  const stored = await turn.services.settings.get(turn.sender.schoolId);
  return settingsCard({ settings: stored.settings, etag: stored.etag, today: today(turn) });
}

export async function saveSettings(turn: Turn, data: z.output<typeof saveData>): Promise<AdaptiveCard> {
  const { schoolId } = turn.sender;
  const stored = await turn.services.settings.get(schoolId);
  const validation = validateSettingsForm(data, stored.settings, today(turn));
  if (!validation.ok)
    return settingsCard({
      settings: stored.settings,
      etag: data.etag || undefined,
      today: today(turn),
      values: data,
      errors: validation.errors,
    });

  // Already what is stored (a redelivered card, or nothing changed): nothing to write.
  if (sameSettings(stored.settings, validation.settings))
    return settingsSavedCard(stored.settings, today(turn), data.etag === (stored.etag ?? ''));
  if ((stored.etag ?? '') !== data.etag)
    return settingsCard({ settings: stored.settings, etag: stored.etag, today: today(turn), notice: SOMEONE_ELSE });
  try {
    await turn.services.settings.save(schoolId, validation.settings, stored.etag);
  } catch (error) {
    if (!(error instanceof ChangedUnderUsError)) throw error;
    const latest = await turn.services.settings.get(schoolId);
    return settingsCard({ settings: latest.settings, etag: latest.etag, today: today(turn), notice: SOMEONE_ELSE });
  }
  await turn.services.audit.record(
    schoolId,
    { actorId: turn.sender.person.id, action: 'settings.save', subject: 'settings', at: turn.occurredAt },
    turn.context.activity.id ?? turn.occurredAt,
  );
  return settingsSavedCard(validation.settings, today(turn), false);
}

export function sameSettings(a: SchoolSettings, b: SchoolSettings): boolean {
  const canonical = (value: unknown): unknown =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(
          Object.entries(value)
            .filter(([, field]) => field !== undefined)
            .sort(([x], [y]) => x.localeCompare(y))
            .map(([key, field]) => [key, canonical(field)]),
        )
      : value;
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}
