/**
 * The flags Waypoint's process starts with: package.json's start script and App Service's command
 * line (infra/azure.bicep) carry the same ones, which a test checks, and the bench starts its
 * bots with them.
 *
 * V8 lets the heap grow to up to four times what survived the last full collection. A bot's turns
 * make short-lived garbage quickly, so the heap swells to that limit and stays resident: 1.5 times
 * keeps about 100 MB less for a few more collections, and the heap still grows as far as it needs.
 */
export const NODE_FLAGS: readonly string[] = ['--heap-growing-percent=50'];
