import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The folder holding package.json. Found by walking up, so it is the same whether this file runs
 * from src/ (tsx, tests) or compiled from lib/src/ (`npm start`, App Service).
 */
export const PROJECT_ROOT = findProjectRoot(__dirname);

function findProjectRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error('Waypoint: no package.json above its own code');
  }
}
