import { z } from 'zod/v4';
import { visibleText } from '../domain/typed-text';

// Fields that cards of several journeys carry in their action data.

/** A multi-step card's own key: it keys what the card saves, so a resubmitted card writes nothing twice. */
export const draftIdField = z.string().regex(/^[A-Za-z0-9_.:-]{1,80}$/, 'card key');

/** A text input that may be left empty (an Adaptive Card leaves an untouched input out). */
export const optionalText = (max: number) => z.string().max(max).optional().default('');

/**
 * Words a person typed into a card (a reason, a title, advice), which staff or pupils will read:
 * may be left empty, and arrives without control or invisible format characters (visibleText), so
 * none is stored or shown. `multiline` keeps its line breaks.
 */
export const typedText = (max: number, options: { multiline?: boolean } = {}) =>
  optionalText(max).transform((text) => visibleText(text, options));
