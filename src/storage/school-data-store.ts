import type { TransactionAction } from '@azure/data-tables';
import { z } from 'zod/v4';
import { onRollOn, type CurriculumSubject, type IsoDate, type Person, type SchoolData } from '../domain/school';
import type { ErasedPeople } from './erased-people';
import { ExpiringCache, type ExpiringCacheOptions } from './expiring-cache';
import { encodeKey } from './keys';
import { SchoolCollection, type UpsertCounts } from './school-collection';
import { activityCodec, attendanceCodec, curriculumCodec, destinationCodec, linkCodec, meetingCodec, personCodec } from './school-codecs';
import { partitionFilter, type TableStorage } from './table-storage';

export type SchoolCollectionName = keyof SchoolData;
export type ImportCounts = Partial<Record<SchoolCollectionName, UpsertCounts>>;

export interface PersonAtSchool {
  schoolId: string;
  person: Person;
}

/** Who a sign-in name is today: one person on roll, a leaver, nobody, or people on roll in several schools. */
export type SignInResolution =
  | { kind: 'on-roll'; schoolId: string; person: Person }
  | { kind: 'left' }
  | { kind: 'unknown' }
  | { kind: 'several-schools'; schoolIds: string[] };

interface EmailIndexEntry {
  schoolId: string;
  personId: string;
}

const emailIndexEntry = z.object({ personId: z.string() });

/** The contract's collections for each school, and the email index that finds a person's school. */
export class SchoolDataStore {
  readonly people: SchoolCollection<Person>;
  readonly collections: { [K in SchoolCollectionName]: SchoolCollection<SchoolData[K][number]> };
  // Read on nearly every turn, written only by import: kept per school (keys start "<school>/").
  private readonly cachedPeople: ExpiringCache<Person | undefined>;
  private readonly cachedCurricula: ExpiringCache<CurriculumSubject[]>;
  // Keyed by the sign-in name (lower case): which schools' rosters hold it.
  private readonly cachedEmailEntries: ExpiringCache<EmailIndexEntry[]>;

  constructor(
    private readonly storage: TableStorage,
    cache: ExpiringCacheOptions,
    private readonly erased: ErasedPeople,
  ) {
    this.cachedPeople = new ExpiringCache(cache);
    this.cachedCurricula = new ExpiringCache(cache);
    this.cachedEmailEntries = new ExpiringCache(cache);
    this.people = new SchoolCollection(storage, personCodec);
    this.collections = {
      people: this.people,
      curriculum: new SchoolCollection(storage, curriculumCodec),
      activities: new SchoolCollection(storage, activityCodec),
      attendance: new SchoolCollection(storage, attendanceCodec),
      links: new SchoolCollection(storage, linkCodec),
      meetings: new SchoolCollection(storage, meetingCodec),
      destinations: new SchoolCollection(storage, destinationCodec),
    };
  }

  async load(schoolId: string): Promise<SchoolData> {
    const activitiesRead = this.collections.activities.list(schoolId);
    // Attendance is most of a school's rows, a partition per activity: read in ranges of them.
    const attendanceRead = activitiesRead.then((activities) =>
      this.collections.attendance.listSpread(
        schoolId,
        activities.map((activity) => activity.id),
      ),
    );
    const [people, curriculum, activities, attendance, links, meetings, destinations] = await Promise.all([
      this.collections.people.list(schoolId),
      this.collections.curriculum.list(schoolId),
      activitiesRead,
      attendanceRead,
      this.collections.links.list(schoolId),
      this.collections.meetings.list(schoolId),
      this.collections.destinations.list(schoolId),
    ]);
    return { people, curriculum, activities, attendance, links, meetings, destinations };
  }

  async isEmpty(schoolId: string): Promise<boolean> {
    const page = await this.storage
      .table('people', schoolId)
      .listEntities({ queryOptions: { filter: partitionFilter(schoolId) } })
      .byPage({ maxPageSize: 1 })
      .next();
    return page.done === true || page.value.length === 0;
  }

  /**
   * Writes the imported collections (already validated as a whole) and reports what changed.
   * Rows absent from a file are left alone: an import never deletes.
   */
  async import(schoolId: string, data: Partial<SchoolData>, existing: SchoolData): Promise<ImportCounts> {
    try {
      return await this.writeImport(schoolId, data, existing);
    } finally {
      // Even a failed import may have written some rows.
      this.forgetCachedRoster(schoolId);
    }
  }

  /** After this instance changed a school's roster: its next reads see the change at once. */
  forgetCachedRoster(schoolId: string): void {
    this.cachedPeople.deleteStartingWith(`${schoolId}/`);
    this.cachedCurricula.deleteStartingWith(`${schoolId}/`);
    // Sign-ins are keyed by email, not school; a roster change may move any of them.
    this.cachedEmailEntries.deleteStartingWith('');
  }

  private async writeImport(schoolId: string, data: Partial<SchoolData>, existing: SchoolData): Promise<ImportCounts> {
    const counts: ImportCounts = {};
    // Referenced records first, so a crash part-way never leaves rows pointing at nothing.
    const order: SchoolCollectionName[] = ['people', 'curriculum', 'activities', 'attendance', 'links', 'meetings', 'destinations'];
    for (const name of order) {
      const items = data[name];
      if (!items) continue;
      const collection = this.collections[name] as SchoolCollection<object>;
      counts[name] = await collection.upsertAll(schoolId, items, existing[name]);
      if (name === 'people') {
        await this.reindexEmails(schoolId, data.people ?? [], existing.people);
        // Someone erased and now on the roster again may use the bot again.
        await this.erased.lift(
          schoolId,
          (data.people ?? []).map((person) => person.id),
        );
      }
    }
    return counts;
  }

  getPerson(schoolId: string, personId: string): Promise<Person | undefined> {
    return this.cachedPeople.get(`${schoolId}/${personId}`, async () => (await this.people.get(schoolId, encodeKey(personId)))?.item);
  }

  /** The subjects the school teaches, with their year groups. */
  curriculum(schoolId: string): Promise<CurriculumSubject[]> {
    return this.cachedCurricula.get(`${schoolId}/`, () => this.collections.curriculum.list(schoolId));
  }

  /**
   * Who signs in with this email on `today`, across every school of the deployment, from the roster
   * this instance holds (read again after WAYPOINT_ROSTER_CACHE_SECONDS).
   */
  async resolveSignIn(email: string, today: IsoDate): Promise<SignInResolution> {
    const signIn = email.trim().toLowerCase();
    const entries = await this.cachedEmailEntries.get(signIn, () => this.readEmailEntries(signIn));
    const found = await Promise.all(
      entries.map(async ({ schoolId, personId }) => ({ schoolId, person: await this.getPerson(schoolId, personId) })),
    );
    // The index can lag a roster change; the roster itself decides.
    const matching = found.filter(
      (entry): entry is PersonAtSchool => entry.person !== undefined && entry.person.email.trim().toLowerCase() === signIn,
    );
    const onRoll = matching.filter((entry) => onRollOn(entry.person, today));
    if (onRoll.length === 1) return { kind: 'on-roll', ...onRoll[0]! };
    if (onRoll.length > 1) return { kind: 'several-schools', schoolIds: onRoll.map((entry) => entry.schoolId).sort() };
    return matching.length > 0 ? { kind: 'left' } : { kind: 'unknown' };
  }

  private async readEmailEntries(signIn: string): Promise<EmailIndexEntry[]> {
    const entries: EmailIndexEntry[] = [];
    const query = this.storage
      .table('emailIndex')
      .listEntities<Record<string, unknown>>({ queryOptions: { filter: partitionFilter(emailPartition(signIn)) } });
    for await (const entry of query) entries.push({ schoolId: entry.rowKey!, personId: emailIndexEntry.parse(entry).personId });
    return entries;
  }

  /** Removes the person from the roster, and their sign-in from the index unless someone else in the school has it. */
  async eraseFromRoster(schoolId: string, person: Person): Promise<void> {
    const remaining = (await this.people.list(schoolId)).filter((other) => other.id !== person.id);
    const signIn = person.email.trim().toLowerCase();
    const owner = signInOwners(remaining).get(signIn);
    const index = this.storage.table('emailIndex');
    if (owner === undefined) await index.deleteEntity(emailPartition(signIn), schoolId).catch(() => undefined);
    else await index.upsertEntity({ partitionKey: emailPartition(signIn), rowKey: schoolId, personId: owner }, 'Replace');
    await this.people.delete(schoolId, encodeKey(person.id));
    this.forgetCachedRoster(schoolId);
  }

  /**
   * One index row per (email, school): the person on roll with that sign-in, else the latest
   * leaver. Rewrites only the rows whose answer the import changed.
   */
  private async reindexEmails(schoolId: string, imported: readonly Person[], before: readonly Person[]): Promise<void> {
    const after = new Map(before.map((person) => [person.id, person]));
    for (const person of imported) after.set(person.id, person);
    const previous = signInOwners(before);
    const next = signInOwners([...after.values()]);
    const actions: TransactionAction[] = [];
    for (const [signIn, personId] of next) {
      if (previous.get(signIn) !== personId)
        actions.push(['upsert', { partitionKey: emailPartition(signIn), rowKey: schoolId, personId }, 'Replace']);
    }
    const removals = [...previous.keys()]
      .filter((signIn) => !next.has(signIn))
      .map((signIn) =>
        this.storage
          .table('emailIndex')
          .deleteEntity(emailPartition(signIn), schoolId)
          .catch(() => undefined),
      );
    await Promise.all(removals);
    await this.storage.submitInBatches(this.storage.table('emailIndex'), actions);
  }
}

/** Each sign-in name's owner within one school: whoever is on roll, else whoever left last. */
function signInOwners(people: readonly Person[]): Map<string, string> {
  const owners = new Map<string, Person>();
  for (const person of people) {
    const signIn = person.email.trim().toLowerCase();
    const current = owners.get(signIn);
    if (current === undefined || ownsSignInBefore(person, current)) owners.set(signIn, person);
  }
  return new Map([...owners].map(([signIn, person]) => [signIn, person.id]));
}

function ownsSignInBefore(a: Person, b: Person): boolean {
  if (a.leftOn === undefined) return b.leftOn !== undefined;
  return b.leftOn !== undefined && a.leftOn > b.leftOn;
}

function emailPartition(email: string): string {
  return encodeKey(email.trim().toLowerCase());
}
