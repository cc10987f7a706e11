import { constants, createReadStream, createWriteStream } from 'node:fs';
import { access, chmod, mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { createBrotliDecompress } from 'node:zlib';
import { extract } from 'tar-fs';

/** Debian's Chromium (`apt-get install chromium`), used when it is there. */
export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/** A Chromium to launch: its executable, the environment it needs, and where it came from. */
export interface ChromiumBinary {
  executablePath: string;
  /** Extra environment for the browser process (the npm-shipped build's libraries and fonts). */
  env: Record<string, string>;
  source: string;
}

/**
 * `CHROMIUM_PATH` when set (a path, or `bundled` to ignore Debian's), else Debian's Chromium, else the
 * headless Chromium that `@sparticuz/chromium` ships inside its npm package, unpacked once per version.
 * Nothing is downloaded: the browser tests pass on a machine with only Node and npm.
 */
export async function findChromium(env: NodeJS.ProcessEnv = process.env): Promise<ChromiumBinary> {
  const wanted = env.CHROMIUM_PATH;
  if (wanted !== undefined && wanted !== '' && wanted !== 'bundled') {
    if (!(await isExecutable(wanted))) throw new Error(`CHROMIUM_PATH=${wanted} is not an executable file.`);
    return { executablePath: wanted, env: {}, source: `CHROMIUM_PATH (${wanted})` };
  }
  if (wanted !== 'bundled' && (await isExecutable(DEBIAN_CHROMIUM))) return { executablePath: DEBIAN_CHROMIUM, env: {}, source: `Debian's Chromium (${DEBIAN_CHROMIUM})` };
  return (bundled ??= unpackBundledChromium());
}

let bundled: Promise<ChromiumBinary> | undefined;

function isExecutable(path: string): Promise<boolean> {
  return access(path, constants.X_OK).then(
    () => true,
    () => false,
  );
}

/** The folder of `@sparticuz/chromium` (its `bin/` holds the brotli-compressed browser, libraries and fonts). */
async function bundledPackage(): Promise<{ bin: string; version: string }> {
  // The package exports only its script (build/index.js); its files sit one folder up.
  const root = join(dirname(fileURLToPath(import.meta.resolve('@sparticuz/chromium'))), '..');
  const { version } = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { version: string };
  return { bin: join(root, 'bin'), version };
}

async function unbrotli(from: string, to: string): Promise<void> {
  await pipeline(createReadStream(from), createBrotliDecompress(), createWriteStream(to));
}

async function untar(from: string, to: string): Promise<void> {
  await pipeline(createReadStream(from), createBrotliDecompress(), extract(to));
}

/**
 * Unpack the npm-shipped Chromium into `<tmp>/meshbot-chromium-<version>/`. Test workers may race:
 * each unpacks into its own folder and renames it into place, so nobody ever runs a half-written binary.
 */
async function unpackBundledChromium(): Promise<ChromiumBinary> {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(`The browser tests need Chromium: @sparticuz/chromium ships one for Linux x64 only (this is ${process.platform} ${process.arch}); install one (e.g. apt-get install chromium) or set CHROMIUM_PATH.`);
  }
  const { bin, version } = await bundledPackage();
  const home = join(tmpdir(), `meshbot-chromium-${version}`);
  const binary = (folder: string): ChromiumBinary => ({
    executablePath: join(folder, 'chromium'),
    // Built on Amazon Linux 2023: its NSS and expat come along, so no system package is needed.
    env: { LD_LIBRARY_PATH: [join(folder, 'al2023', 'lib'), process.env.LD_LIBRARY_PATH].filter(Boolean).join(':'), FONTCONFIG_FILE: join(folder, 'fonts.conf') },
    source: `@sparticuz/chromium ${version} (${folder})`,
  });
  if (await isExecutable(join(home, 'chromium'))) return binary(home);

  const staging = await mkdtemp(join(tmpdir(), 'meshbot-chromium-unpacking-'));
  try {
    await Promise.all([
      unbrotli(join(bin, 'chromium.br'), join(staging, 'chromium')),
      // The SwiftShader libraries sit beside the binary, where Chromium looks for them.
      untar(join(bin, 'swiftshader.tar.br'), staging),
      untar(join(bin, 'al2023.tar.br'), join(staging, 'al2023')),
      untar(join(bin, 'fonts.tar.br'), join(staging, 'fonts')),
    ]);
    await chmod(join(staging, 'chromium'), 0o755);
    // The system's fonts when it has any, and the package's own (Open Sans) in any case.
    await writeFile(
      join(staging, 'fonts.conf'),
      `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n  <dir>${join(home, 'fonts')}</dir>\n  <cachedir>${join(home, 'fontconfig-cache')}</cachedir>\n</fontconfig>\n`,
    );
    await mkdir(join(staging, 'fontconfig-cache'));
    await rename(staging, home);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    // Another worker finished first: use its copy.
    if (await isExecutable(join(home, 'chromium'))) return binary(home);
    throw error;
  }
  return binary(home);
}
