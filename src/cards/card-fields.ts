import { z } from 'zod/v4';

// Fields that cards of several journeys carry in their action data.

/** A multi-step card's own key: it keys what the card saves, so a resubmitted card writes nothing twice. */
export const draftIdField = z.string().regex(/^[A-Za-z0-9_.:-]{1,80}$/, 'card key');

/** A text input that may be left empty (an Adaptive Card leaves an untouched input out). */
export const optionalText = (max: number) => z.string().max(max).optional().default('');
