/**
 * Shared by the package and browser tests: where the repository is, whether dist/ is built
 * and current, and running a command with its output kept for the failure message.
 * @module
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * Throws unless dist/ exists and is at least as new as every file in src/. `npm test` runs
 * `npm run build` before the tests; run it yourself when running one test file alone.
 * (The tests do not build: several test files run in parallel and would race on dist/.)
 */
export function assertDistFresh(): void {
  const entry = join(repoRoot, 'dist', 'index.js');
  if (!existsSync(entry)) throw new Error('dist/ is missing: run `npm run build` (npm test does it first)');
  const srcTime = newestMtime(join(repoRoot, 'src'));
  const distTime = statSync(entry).mtimeMs;
  if (distTime + 1 < srcTime) {
    throw new Error('dist/ is older than src/: run `npm run build` (npm test does it first)');
  }
}

/** The result of {@link run}. */
export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs a command synchronously; throws with its output when it exits non-zero.
 * @param command executable
 * @param args arguments
 * @param cwd working directory
 * @param env extra environment variables
 * @returns the exit status and output
 */
export function run(command: string, args: readonly string[], cwd: string, env: Record<string, string> = {}): RunResult {
  const r = spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  const result = { status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
  if (r.error !== undefined || r.status !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} (in ${cwd}) failed: ${r.error?.message ?? `exit ${r.status}`}\n` +
        `--- stdout\n${result.stdout}\n--- stderr\n${result.stderr}`,
    );
  }
  return result;
}

/**
 * The ```js block under the README's "Quick start" heading.
 * @param readme the README text
 * @returns the code
 */
export function quickStartCode(readme: string): string {
  const match = /^## Quick start\s*$[\s\S]*?^```js\n([\s\S]*?)^```/m.exec(readme);
  if (match === null) throw new Error('README.md has no ```js block under "## Quick start"');
  return match[1]!;
}

/**
 * The output a quick-start block promises: for each `console.log(...)` line, its trailing
 * `// text` comment (if any), then the `// ` comment lines right below it (multi-line output).
 * @param code the quick-start code
 * @returns the expected stdout lines
 */
export function expectedQuickStartOutput(code: string): string[] {
  const lines = code.split('\n');
  const expected: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!/^\s*console\.log\(/.test(line)) continue;
    const comment = /\/\/ ?(.*)$/.exec(line);
    if (comment !== null) expected.push(comment[1]!.trimEnd());
    else if (!/^\s*\/\/ /.test(lines[i + 1] ?? '')) {
      throw new Error(`quick start: console.log without an expected-output comment: ${line}`);
    }
    while (i + 1 < lines.length && /^\s*\/\/ /.test(lines[i + 1]!)) {
      expected.push(lines[++i]!.replace(/^\s*\/\/ /, '').trimEnd());
    }
  }
  return expected;
}
