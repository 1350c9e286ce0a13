import type { Role } from '../../domain/school';

// The careers leader owns Benchmark 1; the school office (admin) may keep the details up to date.
export const SETTINGS_ROLES: readonly Role[] = ['careers_leader', 'admin'];

export const SETTINGS_VERBS = {
  open: 'settings.open',
  save: 'settings.save',
} as const;
