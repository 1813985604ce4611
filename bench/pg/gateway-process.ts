import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readLog, startService, waitForLog, type Service } from './children';
import { REPO_ROOT } from './setup';

const READY = /gateway: PostgreSQL listener on /;

/** Lines of the gateway's log that are neither its start-up chatter nor its clean shutdown. */
const ROUTINE = [READY, /generated a self-signed TLS certificate/, /SIG(TERM|INT) received, stopping/, /gateway: stopped/, /session\(s\) left open by a previous run/];

/**
 * How to start the gateway: the bench entry under tsx; with BENCH_GATEWAY_CPU_PROF=<dir>, node
 * itself with tsx as a loader and --cpu-prof (which NODE_OPTIONS refuses), writing a V8
 * .cpuprofile there when it stops; with BENCH_GATEWAY_VIA_CLI=1, ./bin/gatehouse gateway.
 */
function gatewayCommand(env: NodeJS.ProcessEnv): [string, string[]] {
  const entry = path.join(import.meta.dirname, 'proxy-under-test.ts');
  if (env.BENCH_GATEWAY_VIA_CLI === '1') return [path.join(REPO_ROOT, 'bin/gatehouse'), ['gateway']];
  const profileDir = env.BENCH_GATEWAY_CPU_PROF;
  if (profileDir) return [process.execPath, ['--cpu-prof', `--cpu-prof-dir=${path.resolve(profileDir)}`, '--import', 'tsx', entry]];
  return [path.join(REPO_ROOT, 'node_modules/.bin/tsx'), [entry]];
}

/** `noticed` names the run after which the gateway was found dead. */
export type GatewayCrash = { noticed: string; ended: string; logTail: string[] };

/**
 * The gateway as a child process (see proxy-under-test.ts for why not `gatehouse gateway`). When
 * it dies between runs, how it ended and the end of its log are recorded and a fresh gateway is
 * started, so later runs still measure.
 */
export class GatewayProcess {
  readonly crashes: GatewayCrash[] = [];
  private readonly logPaths: string[] = [];
  private service: Service | undefined;
  private offset = 0;

  private constructor(
    private readonly env: NodeJS.ProcessEnv,
    private readonly tempDir: string,
    private readonly track: (service: Service) => void,
  ) {}

  /** Starts the gateway and waits for its listener; a failed start throws with the gateway's log. */
  static async launch(env: NodeJS.ProcessEnv, tempDir: string, track: (service: Service) => void): Promise<GatewayProcess> {
    const gateway = new GatewayProcess(env, tempDir, track);
    await gateway.startOne();
    return gateway;
  }

  private async startOne(): Promise<void> {
    const logPath = path.join(this.tempDir, `gateway-${this.logPaths.length + 1}.log`);
    this.logPaths.push(logPath);
    this.offset = 0;
    const [command, args] = gatewayCommand(this.env);
    this.service = startService('the gateway', command, args, { env: this.env, cwd: REPO_ROOT, logPath });
    this.track(this.service);
    await waitForLog(this.service, READY, 60_000);
  }

  private get current(): Service {
    if (!this.service) throw new Error('the gateway was not started');
    return this.service;
  }

  get pid(): number | undefined {
    return this.current.child.pid;
  }

  get isRunning(): boolean {
    return this.current.ended === null;
  }

  /** Restarts a dead gateway; returns the crash it found, or null when it was running. */
  async ensureRunning(noticed: string): Promise<GatewayCrash | null> {
    const { ended } = this.current;
    if (!ended) return null;
    const crash: GatewayCrash = { noticed, ended, logTail: readLog(this.current).trim().split('\n').slice(-30) };
    this.crashes.push(crash);
    await this.startOne();
    return crash;
  }

  /** What the gateway logged since the last call beyond the routine lines (audit failures, errors). */
  newComplaints(): string[] {
    const log = readLog(this.current);
    const lines = log.slice(this.offset).split('\n');
    this.offset = log.length;
    return lines.filter((l) => l.trim() !== '' && !ROUTINE.some((r) => r.test(l)));
  }

  /** Every gateway log of the run, one after the other, for keeping next to the results. */
  allLogs(): string {
    return this.logPaths
      .map((p, i) => {
        let text = '';
        try {
          text = readFileSync(p, 'utf8');
        } catch {
          text = '(missing)';
        }
        return `==> gateway #${i + 1} (${path.basename(p)})\n${text}`;
      })
      .join('\n');
  }
}
