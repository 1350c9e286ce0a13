import { odata } from '@azure/data-tables';
import type { Turn } from '../../bot/route';
import type { CurriculumLink, SchoolData } from '../../domain/school';
import { encodeKey } from '../../storage/keys';
import type { LinkDraftValid } from './link-submission';

export type OwnedLinks = { kind: 'ok'; links: Array<{ link: CurriculumLink; etag: string }> } | { kind: 'gone' } | { kind: 'not-yours' };

function linksTable(turn: Turn) {
  return turn.services.school.collections.links;
}

/** The link ids a card creates: its own key plus the year group, so a second delivery finds them taken. */
export function linkIdFor(draftId: string, yearGroup: number): string {
  return `${draftId}-Y${yearGroup}`;
}

export function linksFromDraft(draftId: string, draft: LinkDraftValid, teacherId: string): CurriculumLink[] {
  return draft.yearGroups.map((yearGroup) => ({
    id: linkIdFor(draftId, yearGroup),
    date: draft.date,
    teacherId,
    subject: draft.subject,
    yearGroup,
    topic: draft.topic,
    careers: draft.careers,
    ...(draft.note ? { note: draft.note } : {}),
  }));
}

/**
 * Creates each link once; a repeated delivery of the same card or message changes nothing and
 * answers with what is stored. 'not-yours' when the card's key already belongs to someone
 * else's link (a card forwarded or shared in a channel): nothing of theirs is touched.
 */
export async function createLinks(turn: Turn, links: readonly CurriculumLink[]): Promise<CurriculumLink[] | 'not-yours'> {
  const stored: CurriculumLink[] = [];
  let created = 0;
  for (const link of links) {
    if ((await linksTable(turn).createOnce(turn.sender.schoolId, link)) === 'created') {
      created++;
      stored.push(link);
      continue;
    }
    const existing = await linksTable(turn).get(turn.sender.schoolId, encodeKey(link.id));
    if (existing && existing.item.teacherId !== turn.sender.person.id) return 'not-yours';
    stored.push(existing?.item ?? link);
  }
  if (created > 0) await audit(turn, 'link.create', links);
  return stored;
}

/** Loads links for a change, refusing unless the sender logged every one of them. */
export async function loadOwnLinks(turn: Turn, ids: readonly string[]): Promise<OwnedLinks> {
  const found = await Promise.all(ids.map((id) => linksTable(turn).get(turn.sender.schoolId, encodeKey(id))));
  const present = found.filter((entry) => entry !== undefined);
  if (present.length === 0) return { kind: 'gone' };
  if (present.some((entry) => entry.item.teacherId !== turn.sender.person.id)) return { kind: 'not-yours' };
  return { kind: 'ok', links: present.map((entry) => ({ link: entry.item, etag: entry.etag })) };
}

/** Replaces the edited links with the new draft: kept year groups updated, new ones added, dropped ones removed. */
export async function replaceLinks(
  turn: Turn,
  previous: Array<{ link: CurriculumLink; etag: string }>,
  draftId: string,
  draft: LinkDraftValid,
): Promise<CurriculumLink[]> {
  const byYear = new Map(previous.map((entry) => [entry.link.yearGroup, entry]));
  const result: CurriculumLink[] = [];
  for (const fresh of linksFromDraft(draftId, draft, turn.sender.person.id)) {
    const existing = byYear.get(fresh.yearGroup);
    if (existing) {
      const updated = { ...fresh, id: existing.link.id };
      await linksTable(turn).replace(turn.sender.schoolId, updated, existing.etag);
      result.push(updated);
      byYear.delete(fresh.yearGroup);
    } else {
      await linksTable(turn).createOnce(turn.sender.schoolId, fresh);
      result.push(fresh);
    }
  }
  for (const dropped of byYear.values()) await linksTable(turn).delete(turn.sender.schoolId, encodeKey(dropped.link.id), dropped.etag);
  await audit(turn, 'link.edit', result);
  return result;
}

export async function deleteLinks(turn: Turn, links: readonly CurriculumLink[]): Promise<void> {
  for (const link of links) await linksTable(turn).delete(turn.sender.schoolId, encodeKey(link.id));
  await audit(turn, 'link.delete', links);
}

/** The sender's links in a date range, newest first. */
export async function linksBy(turn: Turn, teacherId: string, from: string, to: string): Promise<CurriculumLink[]> {
  const links = await linksTable(turn).list(turn.sender.schoolId, odata`teacherId eq ${teacherId} and date ge ${from} and date le ${to}`);
  return links.sort((a, b) => (a.date === b.date ? b.id.localeCompare(a.id) : b.date.localeCompare(a.date)));
}

/** What departments' coverage is computed from: the curriculum, every link and the roster. */
export async function coverageData(turn: Turn): Promise<Pick<SchoolData, 'curriculum' | 'links' | 'people'>> {
  const { school } = turn.services;
  const [curriculum, links, people] = await Promise.all([
    school.curriculum(turn.sender.schoolId),
    linksTable(turn).list(turn.sender.schoolId),
    school.collections.people.list(turn.sender.schoolId),
  ]);
  return { curriculum, links, people };
}

async function audit(turn: Turn, action: string, links: readonly CurriculumLink[]): Promise<void> {
  await turn.services.audit.record(
    turn.sender.schoolId,
    { actorId: turn.sender.person.id, action, subject: links.map((link) => link.id).join(','), at: turn.occurredAt },
    turn.context.activity.id ?? links.map((link) => link.id).join(','),
  );
}
