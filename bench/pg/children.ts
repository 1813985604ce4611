import { execFile, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import net from 'node:net';

/**
 * Every long-running process the benchmark starts (gateway, pgbouncer, pgbench) is registered
 * here and started in its own process group, so a terminal Ctrl-C reaches only this script and
 * teardown can stop each group by its id, including the node process tsx starts under the gateway.
 */
const running = new Set<ChildProcess>();
/** The short-lived ones (pgbench runs), killed first on teardown. */
const transient = new Set<ChildProcess>();

export type Service = {
  name: string;
  child: ChildProcess;
  logPath: string;
  /** Resolves with how it ended ("exit code 1", "signal SIGKILL"), also stored in `ended`. */
  exited: Promise<string>;
  ended: string | null;
};

export function startService(name: string, command: string, args: string[], options: { env: NodeJS.ProcessEnv; logPath: string; cwd?: string }): Service {
  const log = createWriteStream(options.logPath);
  const child = spawn(command, args, { env: options.env, cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  child.stdout!.pipe(log, { end: false });
  child.stderr!.pipe(log, { end: false });
  running.add(child);
  const service: Service = { name, child, logPath: options.logPath, exited: Promise.resolve(''), ended: null };
  service.exited = new Promise<string>((resolve) => {
    const end = (how: string) => {
      running.delete(child);
      service.ended ??= how;
      resolve(service.ended);
    };
    child.on('error', (e) => {
      log.write(`\n[bench] cannot start ${command}: ${e.message}\n`);
      end(`could not start: ${e.message}`);
    });
    child.on('exit', (code, signal) => end(signal ? `signal ${signal}` : `exit code ${code ?? '?'}`));
  });
  return service;
}

export function readLog(service: Service): string {
  try {
    return readFileSync(service.logPath, 'utf8');
  } catch {
    return '';
  }
}

/** Waits until the service's log shows `ready`; fails with its log if it exits or times out first. */
export async function waitForLog(service: Service, ready: RegExp, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (ready.test(readLog(service))) return;
    if (service.ended) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const why = service.ended ? `ended (${service.ended})` : `did not become ready within ${timeoutMs / 1000} s`;
  throw new Error(`${service.name} ${why}. Its log (${service.logPath}):\n${indent(readLog(service).trim() || '(empty)')}`);
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    try {
      child.kill(signal);
    } catch {
      // Already gone.
    }
  }
}

/** SIGTERM, then SIGKILL after `graceMs` if the group's leader is still there. */
export async function stopService(service: Service, graceMs = 8_000): Promise<void> {
  signalGroup(service.child, 'SIGTERM');
  const timer = setTimeout(() => signalGroup(service.child, 'SIGKILL'), graceMs);
  await service.exited;
  clearTimeout(timer);
  // tsx's node child may outlive its parent for a moment; the group id still reaches it.
  if (service.child.pid !== undefined) {
    try {
      process.kill(-service.child.pid, 'SIGKILL');
    } catch {
      // The group is empty: everything has exited.
    }
  }
}

export function registerTransient(child: ChildProcess): () => void {
  running.add(child);
  transient.add(child);
  return () => {
    running.delete(child);
    transient.delete(child);
  };
}

export function killTransient(): void {
  for (const child of transient) signalGroup(child, 'SIGKILL');
}

export function killGroup(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): void {
  signalGroup(child, signal);
}

/** Last resort on exit: synchronous, so it also runs from process.on('exit'). */
export function killAllChildren(): void {
  for (const child of running) signalGroup(child, 'SIGKILL');
  running.clear();
  transient.clear();
}

export type CommandResult = { code: number; stdout: string; stderr: string };

export function runCommand(command: string, args: string[], options: { env?: NodeJS.ProcessEnv; cwd?: string; timeoutMs?: number } = {}): Promise<CommandResult> {
  return new Promise((resolve) => {
    execFile(
      command,
      args,
      { env: options.env ?? process.env, cwd: options.cwd, timeout: options.timeoutMs ?? 300_000, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout: String(stdout), stderr: error && !stderr ? `${stderr}${error.message}` : String(stderr) });
      },
    );
  });
}

/** Like runCommand, but a non-zero exit is an error that shows what the command printed. */
export async function mustRun(what: string, command: string, args: string[], options: { env?: NodeJS.ProcessEnv; cwd?: string; timeoutMs?: number } = {}): Promise<string> {
  const result = await runCommand(command, args, options);
  if (result.code !== 0) {
    throw new Error(`${what} failed (exit ${result.code}):\n${indent(`${result.stderr}\n${result.stdout}`.trim())}`);
  }
  return result.stdout;
}

export function hasProgram(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** The preferred port, or the next free one within 50. */
export async function freePort(preferred: number): Promise<number> {
  for (let port = preferred; port < preferred + 50; port++) if (await isPortFree(port)) return port;
  throw new Error(`no free TCP port on 127.0.0.1 in ${preferred}-${preferred + 49}`);
}

export function indent(text: string): string {
  return text
    .split('\n')
    .map((l) => `    ${l}`)
    .join('\n');
}
