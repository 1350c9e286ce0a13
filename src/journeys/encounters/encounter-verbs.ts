import { z } from 'zod/v4';
import { defineVerb } from '../../cards/card-verb';
import { draftIdField, optionalText, typedText } from '../../cards/card-fields';
import { ACTIVITY_KINDS } from '../../domain/school';
import type { Role } from '../../domain/school';

// The careers team and any teacher may record what they ran; pupils may not. Teachers change only
// what they recorded (encounter-store.ts, mayChange).
export const RECORDING_ROLES: readonly Role[] = ['careers_leader', 'careers_adviser', 'teacher'];

const toggle = z.union([z.string().max(10), z.boolean()]).optional();
export const activityIdField = z.string().min(1).max(120);
export const startData = z.object({ draftId: draftIdField.optional(), kind: z.enum(ACTIVITY_KINDS).optional() });
export const kindData = z.object({ draftId: draftIdField, kind: z.enum(ACTIVITY_KINDS) });
// Loose: the checklist toggles arrive as check_<criterion> inputs beside the named fields.
export const saveData = z.looseObject({
  draftId: draftIdField,
  kind: z.enum(ACTIVITY_KINDS),
  editing: activityIdField.optional(),
  date: optionalText(20),
  title: typedText(2000),
  organisation: typedText(2000),
  providerType: optionalText(60),
  providerAccess: toggle,
  partTimeJob: toggle,
});
export const activityIdData = z.object({ activityId: activityIdField });

export const ACTIVITY_VERBS = {
  start: defineVerb('activity.start', startData),
  kind: defineVerb('activity.kind', kindData),
  save: defineVerb('activity.save', saveData),
  edit: defineVerb('activity.edit', activityIdData),
} as const;

const pupilIdField = z.string().min(1).max(120);
export const openData = z.object({ activityId: activityIdField });
// Loose: the toggles arrive as pick_<n> inputs beside the named fields.
export const formData = z.looseObject({
  activityId: activityIdField,
  removed: z.array(pupilIdField).max(5000).default([]),
  added: z.array(pupilIdField).max(5000).default([]),
  picks: z
    .array(z.object({ id: pupilIdField, list: z.enum(['removed', 'added']) }))
    .max(200)
    .default([]),
  shownCount: z.coerce.number().int().min(0).max(100_000).optional(),
  basedOn: z.string().max(64).default(''),
  editing: z.boolean().default(false),
  yearGroups: z.string().max(100).optional().default(''),
  forms: z.string().max(4000).optional().default(''),
  find: typedText(2000, { multiline: true }),
});

export const ATTENDANCE_VERBS = {
  open: defineVerb('attendance.open', openData),
  update: defineVerb('attendance.update', formData),
  save: defineVerb('attendance.save', formData),
} as const;
