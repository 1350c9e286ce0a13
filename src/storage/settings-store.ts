import { z } from 'zod/v4';
import { defaultSchoolSettings, type SchoolSettings } from '../domain/school-settings';
import { isAlreadyExists, isChangedUnderUs } from './errors';
import { tryGet } from './not-found';
import { ChangedUnderUsError } from './school-collection';
import type { TableStorage } from './table-storage';

const ROW = 'school';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const dateRange = z.object({ start: isoDate, end: isoDate });
const storedSettings = z.object({
  schoolName: z.string().optional(),
  meetingChangeCutoffHours: z
    .number()
    .min(0)
    .max(24 * 14)
    .optional(),
  nudgeTeachers: z.boolean().optional(),
  nudgePupils: z.boolean().optional(),
  digestDay: z.number().int().min(1).max(7).optional(),
  digestHour: z.number().int().min(0).max(23).optional(),
  programmeUrl: z.string().optional(),
  careersLeader: z.object({ name: z.string().optional(), email: z.string().optional(), phone: z.string().optional() }).optional(),
  policyReviewDate: isoDate.optional(),
  lastEvaluatedDate: isoDate.optional(),
  meetingsPerAdviserDay: z.number().int().min(1).max(20).optional(),
  equityMarginPercent: z.number().min(0).max(100).optional(),
  retention: z
    .object({ pupilsUntilAge: z.number().int().min(16).max(100), staffYearsAfterLeaving: z.number().int().min(0).max(100) })
    .optional(),
  termDates: z
    .object({
      terms: z.array(z.object({ name: z.enum(['autumn', 'spring', 'summer']), start: isoDate, end: isoDate, breaks: z.array(dateRange) })),
      closures: z.array(isoDate),
    })
    .optional(),
});

export interface StoredSettings {
  settings: SchoolSettings;
  /** Undefined until the school first saves a setting. */
  etag?: string;
}

/** One settings record per school (JSON, validated on the way in and out), changed with etags. */
export class SettingsStore {
  constructor(private readonly storage: TableStorage) {}

  async get(schoolId: string): Promise<StoredSettings> {
    const entity = await tryGet<{ json: string }>(this.storage.table('settings', schoolId), schoolId, ROW);
    if (!entity) return { settings: defaultSchoolSettings() };
    const stored = storedSettings.parse(JSON.parse(entity.json));
    return { settings: defaultSchoolSettings(withoutUndefined(stored) as Partial<SchoolSettings>), etag: entity.etag };
  }

  /** Saves the whole settings record if nobody changed it since `etag` was read. */
  async save(schoolId: string, settings: SchoolSettings, etag: string | undefined): Promise<void> {
    const entity = { partitionKey: schoolId, rowKey: ROW, json: JSON.stringify(storedSettings.parse(settings)) };
    try {
      if (etag === undefined) await this.storage.table('settings', schoolId).createEntity(entity);
      else await this.storage.table('settings', schoolId).updateEntity(entity, 'Replace', { etag });
    } catch (error) {
      if (isChangedUnderUs(error) || isAlreadyExists(error)) throw new ChangedUnderUsError();
      throw error;
    }
  }
}

function withoutUndefined(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined));
}
