import type { TransactionAction } from '@azure/data-tables';
import { z } from 'zod/v4';
import type { CurriculumSubject, Person, SchoolData } from '../domain/school';
import { ExpiringCache, type ExpiringCacheOptions } from './expiring-cache';
import { encodeKey } from './keys';
import { SchoolCollection, type UpsertCounts } from './school-collection';
import {
  activityCodec,
  attendanceCodec,
  curriculumCodec,
  destinationCodec,
  linkCodec,
  meetingCodec,
  personCodec,
} from './school-codecs';
import { partitionFilter, type TableStorage } from './table-storage';

export type SchoolCollectionName = keyof SchoolData;
export type ImportCounts = Partial<Record<SchoolCollectionName, UpsertCounts>>;

export interface PersonAtSchool {
  schoolId: string;
  person: Person;
}

const emailIndexEntry = z.object({ personId: z.string() });

/** The contract's collections for each school, and the email index that finds a person's school. */
export class SchoolDataStore {
  readonly people: SchoolCollection<Person>;
  readonly collections: { [K in SchoolCollectionName]: SchoolCollection<SchoolData[K][number]> };
  // Read on nearly every turn, written only by import: kept per school (keys start "<school>/").
  private readonly cachedPeople: ExpiringCache<Person | undefined>;
  private readonly cachedCurricula: ExpiringCache<CurriculumSubject[]>;

  constructor(
    private readonly storage: TableStorage,
    cache: ExpiringCacheOptions,
  ) {
    this.cachedPeople = new ExpiringCache(cache);
    this.cachedCurricula = new ExpiringCache(cache);
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
    const attendanceRead = activitiesRead.then((activities) => this.collections.attendance.listSpread(schoolId, activities.map((activity) => activity.id)));
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
      .table('people')
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
      this.cachedPeople.deleteStartingWith(`${schoolId}/`);
      this.cachedCurricula.deleteStartingWith(`${schoolId}/`);
    }
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
      if (name === 'people') await this.reindexEmails(schoolId, data.people ?? [], existing.people);
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

  /** Finds who signs in with this email, in whichever school holds them. */
  async findByEmail(email: string): Promise<PersonAtSchool | undefined> {
    const entries = this.storage.table('emailIndex').listEntities<Record<string, unknown>>({
      queryOptions: { filter: partitionFilter(emailPartition(email)) },
    });
    for await (const entry of entries) {
      const schoolId = entry.rowKey!;
      const { personId } = emailIndexEntry.parse(entry);
      const person = await this.getPerson(schoolId, personId);
      // The index can lag a roster change; the roster itself decides.
      if (person && person.email.toLowerCase() === email.trim().toLowerCase()) return { schoolId, person };
    }
    return undefined;
  }

  private async reindexEmails(schoolId: string, imported: readonly Person[], before: readonly Person[]): Promise<void> {
    const previousEmail = new Map(before.map((person) => [person.id, person.email]));
    const actions: TransactionAction[] = [];
    const removals: Promise<unknown>[] = [];
    for (const person of imported) {
      const old = previousEmail.get(person.id);
      if (old !== undefined && old.toLowerCase() === person.email.toLowerCase()) continue;
      if (old !== undefined) removals.push(this.storage.table('emailIndex').deleteEntity(emailPartition(old), schoolId).catch(() => undefined));
      actions.push(['upsert', { partitionKey: emailPartition(person.email), rowKey: schoolId, personId: person.id }, 'Replace']);
    }
    await Promise.all(removals);
    await this.storage.submitInBatches('emailIndex', actions);
  }
}

function emailPartition(email: string): string {
  return encodeKey(email.trim().toLowerCase());
}
