import type { ImportCounts } from '../storage/school-data-store';
import { COLLECTION_OF_FILE, type SchoolFileName } from '../schooldata/school-files';

/** One line per imported file: "people.csv: 3 added, 1 changed, 296 left alone". */
export function describeImportCounts(files: readonly string[], counts: ImportCounts): string[] {
  return files.map((file) => {
    const collection = COLLECTION_OF_FILE[file as SchoolFileName];
    const count = counts[collection] ?? { added: 0, changed: 0, unchanged: 0 };
    return `${file}: ${count.added} added, ${count.changed} changed, ${count.unchanged} left alone`;
  });
}
