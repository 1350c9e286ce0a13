// Input builders the shared card module does not have yet (toggles, numbers, typed text). Kept
// here so this journey does not edit src/cards/adaptive-card.ts; they belong there in time.

import type { CardAction, CardElement } from '../../cards/adaptive-card';

/** A tick box. Teams sends "true" or "false" for it. */
export function toggleInput(id: string, title: string, on: boolean): CardElement {
  return { type: 'Input.Toggle', id, title, value: on ? 'true' : 'false', valueOn: 'true', valueOff: 'false', wrap: true };
}

/** How a toggle's value arrives: a string from Teams, sometimes a boolean from other clients. */
export function isOn(value: unknown): boolean {
  return value === true || value === 'true';
}

export function numberInput(id: string, label: string, options: { value?: number; min?: number; max?: number; placeholder?: string } = {}): CardElement {
  return {
    type: 'Input.Number',
    id,
    label,
    ...(options.value !== undefined ? { value: options.value } : {}),
    ...(options.min !== undefined ? { min: options.min } : {}),
    ...(options.max !== undefined ? { max: options.max } : {}),
    ...(options.placeholder ? { placeholder: options.placeholder } : {}),
  };
}

/** A text input whose keyboard suits its content on a phone. */
export function typedTextInput(
  id: string,
  label: string,
  style: 'Url' | 'Email' | 'Tel' | 'Text',
  options: { value?: string; placeholder?: string; maxLength?: number } = {},
): CardElement {
  return {
    type: 'Input.Text',
    id,
    label,
    style,
    ...(options.value ? { value: options.value } : {}),
    ...(options.placeholder ? { placeholder: options.placeholder } : {}),
    ...(options.maxLength ? { maxLength: options.maxLength } : {}),
  };
}

/** Makes a Container, ColumnSet or Column tappable (a report row opens its list); TextBlocks cannot be. */
export function tappable(element: CardElement, action: CardAction): CardElement {
  return { ...element, selectAction: action };
}
