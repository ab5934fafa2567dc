/** Rule repositories are flattened by many tools; two files with one name overwrite each other. */
import type { SetCheck } from '../types.js';

/** The file name without its folders (either separator). */
function baseName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1).toLowerCase();
}

/** Reports every file whose name an earlier file of the set (in another folder) already has. */
export const duplicateFilename: SetCheck = {
  name: 'duplicate-filename',
  help: 'rename one of the files so every rule file name is unique',
  scope: 'set',
  run(set, _ctx, emit) {
    const seen = new Map<string, string>();
    for (const file of set.files) {
      const name = baseName(file);
      const first = seen.get(name);
      if (first !== undefined && first !== file)
        emit(file, undefined, `file name '${name}' is also used by ${first}; rename one of them`);
      else seen.set(name, file);
    }
  },
};
