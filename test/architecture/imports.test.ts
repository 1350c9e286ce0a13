import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/project-root';

// Which way the imports point (README, "Where things live"): the bot knows no journey (the
// registry, src/journeys/index.ts, is handed to it); a journey reaches another only through that
// journey's shared modules; the pure domain imports nothing outside itself; the bench never
// borrows from the tests (both use testing/).

/**
 * What one journey may import from another: its verbs (names, data schemas and the roles that may
 * use them, so a card can carry another journey's button) and its store (to read its data).
 */
const SHARED_MODULE = /-(verbs|store)\.ts$/;
/** Named exceptions, each a module other journeys use today, and why. */
const SHARED_MODULES: Record<string, string> = {
  'src/journeys/encounters/attendance-journey.ts': 'recent activities, which a pupil’s record offers to add the pupil to',
  'src/journeys/meetings/actions-journey.ts': 'the actions agreed at guidance meetings, as a pupil’s record lists them (recordActions)',
};

/**
 * Where a journey's storage queries live: a file under src/journeys that builds an OData filter
 * is that journey's store (`<journey>-store.ts`), never its journey or routes file. Named
 * exceptions, each with its reason.
 */
const QUERIES_OUTSIDE_STORES: Record<string, string> = {};

/** Packages the pure domain may use: each does no I/O and keeps no state between calls. */
const PURE_PACKAGES: Record<string, string> = {
  'chrono-node': 'reads dates and times in typed text (src/domain/message-details.ts), from a reference time it is given',
};

interface Import {
  from: string;
  to: string;
}

const FOLDERS = ['src', 'bench', 'test', 'testing'];
const IMPORT =
  /(?:^|\n)\s*(?:import|export)\s[^;]*?\sfrom\s+'([^']+)'|(?:^|\n)\s*import\s+'([^']+)'|\b(?:import|require)\(\s*'([^']+)'\s*\)/g;

function sourceFiles(folder: string): string[] {
  return readdirSync(path.join(PROJECT_ROOT, folder), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(ts|mts|cts|cjs|js)$/.test(entry.name))
    .map((entry) => path.relative(PROJECT_ROOT, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
}

/** Every import of a file, relative ones resolved to a path from the project root. */
function importsOf(file: string, text: string): Import[] {
  const found: Import[] = [];
  for (const match of text.matchAll(IMPORT)) {
    const specifier = match[1] ?? match[2] ?? match[3]!;
    const to = specifier.startsWith('.') ? path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier)) : specifier;
    found.push({ from: file, to });
  }
  return found;
}

const within = (file: string, folder: string) => file.startsWith(`${folder}/`) || file === folder;
const journeyOf = (file: string) => /^src\/journeys\/([^/]+)\//.exec(file)?.[1];
const asModule = (to: string) => (/\.(ts|cjs|js|json)$/.test(to) ? to : `${to}.ts`);

/** Why a journey file that imports these names from @azure/data-tables builds a query where it does not belong. */
function queryOutsideStore(file: string, names: readonly string[]): string | undefined {
  if (!names.includes('odata') || !journeyOf(file) || /-store\.ts$/.test(file) || file in QUERIES_OUTSIDE_STORES) return undefined;
  return /-(journey|routes)\.ts$/.test(file)
    ? 'a journey or routes file builds a storage query (move it into the journey’s -store.ts)'
    : 'a storage query outside the journey’s -store.ts';
}

/** Named exceptions whose file is gone or builds no query any more: each should be struck off. */
function staleQueryExceptions(
  exceptions: Record<string, string>,
  files: ReadonlyArray<{ file: string; names: readonly string[] }>,
): string[] {
  return Object.entries(exceptions).flatMap(([file, reason]) =>
    files.find((entry) => entry.file === file)?.names.includes('odata') ? [] : [`${file} (${reason})`],
  );
}

const DATA_TABLES_IMPORT = /import\s*(?:type\s*)?\{([^}]*)\}\s*from\s*'@azure\/data-tables'/g;

/** The names a file imports from @azure/data-tables (`import { odata, type X as Y }` gives odata and X). */
function dataTablesNames(text: string): string[] {
  return [...text.matchAll(DATA_TABLES_IMPORT)].flatMap((match) =>
    match[1]!.split(',').flatMap(
      (part) =>
        part
          .trim()
          .replace(/^type\s+/, '')
          .split(/\s+as\s+/)[0] || [],
    ),
  );
}

/** Why an import breaks the layering, or undefined when it is fine. */
function breach({ from, to }: Import): string | undefined {
  if (within(from, 'src/bot') && within(to, 'src/journeys'))
    return 'the bot imports a journey (register it in src/journeys/index.ts instead)';
  const [fromJourney, toJourney] = [journeyOf(from), journeyOf(to)];
  if (fromJourney && toJourney && fromJourney !== toJourney && !SHARED_MODULE.test(asModule(to)) && !(asModule(to) in SHARED_MODULES)) {
    return `journey “${fromJourney}” imports a private module of “${toJourney}”`;
  }
  if (within(from, 'src/domain') && !within(to, 'src/domain') && !(to in PURE_PACKAGES))
    return 'the pure domain imports something outside it';
  if (within(from, 'bench') && within(to, 'test')) return 'the bench imports the tests (share through testing/)';
  return undefined;
}

describe('the direction of imports', () => {
  const imports = FOLDERS.flatMap(sourceFiles).flatMap((file) => importsOf(file, readFileSync(path.join(PROJECT_ROOT, file), 'utf8')));

  it('reads the import statements of every folder', () => {
    expect(imports.length).toBeGreaterThan(500);
    expect(imports).toContainEqual({ from: 'src/waypoint.ts', to: 'src/journeys' });
    expect(imports).toContainEqual({ from: 'bench/loopback-connector.ts', to: 'testing/loopback-teams-service' });
  });

  it(
    'has no import from the bot into a journey, between two journeys’ private modules, out of the domain, or from the bench ' +
      'into the tests',
    () => {
      const breaches = imports.flatMap((entry) => {
        const why = breach(entry);
        return why ? [`${entry.from} -> ${entry.to}: ${why}`] : [];
      });
      expect(breaches).toEqual([]);
    },
  );

  it('names only shared modules that exist and that another journey uses', () => {
    for (const module of Object.keys(SHARED_MODULES)) {
      expect(
        imports.some(({ from, to }) => asModule(to) === module && journeyOf(from) !== journeyOf(module)),
        module,
      ).toBe(true);
    }
  });

  it('catches each kind of breach', () => {
    expect(breach({ from: 'src/bot/application.ts', to: 'src/journeys/help/help-card' })).toMatch(/bot imports a journey/);
    expect(breach({ from: 'src/bot/application.ts', to: 'src/journeys' })).toMatch(/bot imports a journey/);
    expect(breach({ from: 'src/journeys/report/report-cards.ts', to: 'src/journeys/settings/settings-cards' })).toMatch(
      /private module of “settings”/,
    );
    expect(breach({ from: 'src/journeys/report/report-cards.ts', to: 'src/journeys/settings/settings-verbs' })).toBeUndefined();
    expect(breach({ from: 'src/journeys/record/record-journey.ts', to: 'src/journeys/meetings/meeting-store' })).toBeUndefined();
    expect(breach({ from: 'src/domain/calendar.ts', to: 'src/storage/keys' })).toMatch(/domain/);
    expect(breach({ from: 'src/domain/calendar.ts', to: 'node:fs' })).toMatch(/domain/);
    expect(breach({ from: 'src/domain/digest/digest-text.ts', to: 'src/domain/calendar' })).toBeUndefined();
    expect(breach({ from: 'bench/loopback-connector.ts', to: 'test/support/loopback-teams-service' })).toMatch(/bench imports the tests/);
  });
});

describe('where storage queries are built', () => {
  const journeyFiles = sourceFiles('src/journeys')
    .filter((file) => file.endsWith('.ts'))
    .map((file) => ({ file, names: dataTablesNames(readFileSync(path.join(PROJECT_ROOT, file), 'utf8')) }));

  it('builds every OData filter of a journey in its -store.ts, never in a journey or routes file', () => {
    expect(journeyFiles.filter(({ file, names }) => file.endsWith('-store.ts') && names.includes('odata')).length).toBeGreaterThan(5);
    const misplaced = journeyFiles.flatMap(({ file, names }) => {
      const why = queryOutsideStore(file, names);
      return why ? [`${file}: ${why}`] : [];
    });
    expect(misplaced).toEqual([]);
  });

  it('names only exceptions that exist and still build a query', () => {
    expect(staleQueryExceptions(QUERIES_OUTSIDE_STORES, journeyFiles)).toEqual([]);
    // An exception left behind after its query moved, or after its file went, is caught.
    expect(
      staleQueryExceptions(
        {
          'src/journeys/links/link-store.ts': 'builds one',
          'src/journeys/links/link-journey.ts': 'moved out',
          'src/journeys/links/gone.ts': 'deleted',
        },
        journeyFiles,
      ),
    ).toEqual(['src/journeys/links/link-journey.ts (moved out)', 'src/journeys/links/gone.ts (deleted)']);
  });

  it('catches a query in a journey, routes or other journey file, and reads the imported names', () => {
    expect(queryOutsideStore('src/journeys/links/link-journey.ts', ['odata'])).toMatch(/journey or routes file/);
    expect(queryOutsideStore('src/journeys/leavers/leavers-routes.ts', ['odata', 'TableClient'])).toMatch(/journey or routes file/);
    expect(queryOutsideStore('src/journeys/meetings/booking.ts', ['odata'])).toMatch(/outside the journey/);
    expect(queryOutsideStore('src/journeys/links/link-store.ts', ['odata'])).toBeUndefined();
    expect(queryOutsideStore('src/journeys/links/link-journey.ts', ['TableClient'])).toBeUndefined();
    expect(queryOutsideStore('src/storage/identity-store.ts', ['odata'])).toBeUndefined();
    expect(dataTablesNames("import { odata, type TableClient as Client } from '@azure/data-tables';")).toEqual(['odata', 'TableClient']);
    expect(dataTablesNames("import {\n  odata,\n} from '@azure/data-tables';\nimport { odata as other } from 'elsewhere';")).toEqual([
      'odata',
    ]);
  });
});
