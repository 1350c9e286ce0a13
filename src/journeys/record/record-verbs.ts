// Every card verb of the careers record, in one place so cards and routes agree.
export const RECORD_VERBS = {
  open: 'record.open',
  plansForm: 'record.plansForm',
  savePlans: 'record.savePlans',
  /** Staff who record activities: the recent activities, to add the pupil to one's attendance. */
  addToActivity: 'record.addToActivity',
} as const;
