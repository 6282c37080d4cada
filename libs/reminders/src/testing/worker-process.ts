import { ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';

const ROT = resolve(__dirname, '../../../..');

/**
 * The real reminder-worker app (apps/reminder-worker) as a child process, so a test can SIGKILL
 * it mid-batch. Runs from the TypeScript sources through ts-node with the scripts' tsconfig.
 */
export class WorkerProcess {
  private constructor(
    private readonly child: ChildProcess,
    private readonly exited: Promise<number | null>,
  ) {}

  static start(env: Record<string, string>): WorkerProcess {
    const child = spawn(process.execPath, ['-r', 'ts-node/register', 'apps/reminder-worker/src/main.ts'], {
      cwd: ROT,
      env: {
        ...process.env,
        TS_NODE_PROJECT: 'scripts/tsconfig.json',
        MIGRATE_ON_START: 'false',
        DEMO_DATA: 'false',
        NODE_ENV: 'test',
        LOG_LEVEL: 'error',
        ...env,
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    return new WorkerProcess(child, new Promise((done) => child.once('exit', (code) => done(code))));
  }

  async kill(signal: NodeJS.Signals): Promise<number | null> {
    this.child.kill(signal);
    return this.exited;
  }
}
