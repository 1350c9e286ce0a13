// Table keys may not hold / \ # ? or control characters, and '%' breaks point reads on some
// services. Anything beyond a safe set is written as ~XX (UTF-8 bytes in hex): reversible,
// and plain ids stay readable in Storage Explorer.
const SAFE_KEY_CHARACTER = /[A-Za-z0-9_.\-@]/;

export function encodeKey(value: string): string {
  let encoded = '';
  for (const character of value) {
    if (SAFE_KEY_CHARACTER.test(character)) {
      encoded += character;
    } else {
      for (const byte of Buffer.from(character, 'utf8')) encoded += `~${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    }
  }
  return encoded;
}

export function decodeKey(encoded: string): string {
  const bytes: number[] = [];
  for (let index = 0; index < encoded.length; index++) {
    if (encoded[index] === '~') {
      bytes.push(Number.parseInt(encoded.slice(index + 1, index + 3), 16));
      index += 2;
    } else {
      bytes.push(encoded.charCodeAt(index));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/** Joins encoded parts: '|' never appears inside an encoded part, so the key splits back unambiguously. */
export function compoundKey(...parts: string[]): string {
  return parts.map(encodeKey).join('|');
}

export function splitCompoundKey(key: string): string[] {
  return key.split('|').map(decodeKey);
}
