// The fields an activity card and a planning card both ask for, checked once with the same words.

import { PROVIDER_ACCESS_TYPES, PROVIDER_TYPES, type ActivityKind, type ProviderType } from './school';
import { characterCount } from './typed-text';

/** What is wrong with a title (tidied to one line), or undefined. */
export function activityTitleError(title: string, limit: number, example: string): string | undefined {
  if (title === '') return `Give the activity a title, e.g. “${example}”.`;
  if (characterCount(title) > limit) return `Keep the title to ${limit} characters (it has ${characterCount(title)}).`;
  return undefined;
}

export interface ProviderFields {
  providerType?: ProviderType;
  /** Ticked for the Provider Access Legislation; only a provider encounter can be. */
  providerAccess: boolean;
  errors: { providerType?: string; providerAccess?: string };
}

/** A provider encounter's kind of provider and Provider Access tick, as typed; other kinds have neither. */
export function providerFields(kind: ActivityKind | undefined, typedType: string, accessTicked: boolean): ProviderFields {
  if (kind !== 'provider_encounter') return { providerAccess: false, errors: {} };
  const providerType = PROVIDER_TYPES.find((type) => type === typedType.trim());
  if (!providerType) return { providerAccess: accessTicked, errors: { providerType: 'Choose the kind of provider.' } };
  if (accessTicked && !PROVIDER_ACCESS_TYPES.includes(providerType)) {
    const providerAccess =
      'Only further education colleges and independent training providers (technical education or apprenticeships) count ' +
      'for the Provider Access Legislation. Untick it, or change the kind of provider.';
    return { providerType, providerAccess: accessTicked, errors: { providerAccess } };
  }
  return { providerType, providerAccess: accessTicked, errors: {} };
}
