import { existsSync, readFileSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { formatIssues } from '../../../mesh/domain/format-issues';
import { WorldSchema, type World } from '../world';

/** The persisted world file cannot be used; the message names the file and what to do. */
export class WorldFileError extends Error {
  override readonly name = 'WorldFileError';

  constructor(
    readonly file: string,
    reason: string,
    options?: ErrorOptions,
  ) {
    super(`Sandbox state file ${file} ${reason}. Delete it (or start with --no-persist) to start from the seed.`, options);
  }
}

/** Read a persisted world; undefined when the file does not exist, `WorldFileError` when it is not a world. */
export function loadWorldFile(file: string): World | undefined {
  if (!existsSync(file)) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new WorldFileError(file, 'is not valid JSON', { cause: error });
  }
  const parsed = WorldSchema.safeParse(json);
  if (!parsed.success) throw new WorldFileError(file, `is not a sandbox world (${formatIssues(parsed.error)})`);
  return parsed.data;
}

/** Debounced, atomic writes of the live world to a file. */
export interface WorldWriter {
  /** Ask for a write soon; many asks within the debounce make one write. */
  schedule(): void;
  /** Write now if anything is pending (or forced); resolves when it is on disk. */
  flush(): Promise<void>;
}

/**
 * Write `world` to `file` after changes: temp file + rename, so a crash never leaves half a file;
 * unchanged content is not rewritten.
 */
export function createWorldWriter(file: string, world: World, onError: (error: unknown) => void, debounceMs = 50): WorldWriter {
  let timer: NodeJS.Timeout | undefined;
  let lastWritten: string | undefined;
  let writing: Promise<void> = Promise.resolve();
  const write = async (): Promise<void> => {
    const content = JSON.stringify(world, null, 1);
    if (content === lastWritten) return;
    const temp = `${file}.${process.pid}.tmp`;
    await mkdir(dirname(file), { recursive: true });
    await writeFile(temp, content, 'utf8');
    await rename(temp, file);
    lastWritten = content;
  };
  const enqueue = (): Promise<void> => {
    writing = writing.then(write).catch(onError);
    return writing;
  };
  return {
    schedule() {
      if (timer) return;
      timer = setTimeout(() => {
        timer = undefined;
        void enqueue();
      }, debounceMs);
    },
    flush() {
      if (timer) {
        clearTimeout(timer);
        timer = undefined;
      }
      return enqueue();
    },
  };
}
