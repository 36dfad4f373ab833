/**
 * The Python tools of the AWS test layers (moto's server for test/apply, checkov for
 * test/checkov), installed once by scripts/aws-tools.sh into git-ignored virtual environments
 * under .venv/aws-tools. A missing tool is an error, never a skip.
 */
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
const TOOLS_DIR = path.join(REPO_ROOT, '.venv', 'aws-tools');

/** Runs scripts/aws-tools.sh for `tool` (a no-op once installed) and returns the path of its executable. */
export function ensureAwsTool(tool: 'moto' | 'checkov'): string {
  const res = spawnSync('bash', [path.join(REPO_ROOT, 'scripts', 'aws-tools.sh'), tool], {
    cwd: REPO_ROOT, encoding: 'utf8', timeout: 900_000,
  });
  if (res.error || res.status !== 0) {
    throw new Error(`scripts/aws-tools.sh ${tool} failed (${res.error?.message ?? `exit ${res.status}`}):\n${res.stdout}\n${res.stderr}`);
  }
  const exe = path.join(TOOLS_DIR, tool, 'bin', tool === 'moto' ? 'moto_server' : 'checkov');
  if (!fs.existsSync(exe)) throw new Error(`${exe} is missing after scripts/aws-tools.sh ${tool}`);
  return exe;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

/** moto's server on 127.0.0.1 at a free port. */
export class AwsEmulator {
  public static async start(executable: string): Promise<AwsEmulator> {
    const port = await freePort();
    // Its request log goes to a file, not a pipe: the tests block in spawnSync while Terraform
    // runs, and a pipe nobody reads would fill up and stall the server.
    const log = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'aws-emulator-')), 'server.log');
    const fd = fs.openSync(log, 'a');
    const child = spawn(executable, ['-H', '127.0.0.1', '-p', String(port)], {
      stdio: ['ignore', fd, fd],
      // AWS managed policies (ReadOnlyAccess, ...) exist in every real account
      env: { ...process.env, MOTO_CALL_RESET_API: 'true', MOTO_IAM_LOAD_MANAGED_POLICIES: 'true' },
    });
    fs.closeSync(fd);
    const tail = () => fs.readFileSync(log, 'utf8').slice(-4000);
    const emulator = new AwsEmulator(child, `http://127.0.0.1:${port}`);
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`the AWS emulator exited with ${child.exitCode}:\n${tail()}`);
      try {
        const res = await fetch(`${emulator.url}/moto-api/data.json`);
        if (res.ok) return emulator;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    emulator.stop();
    throw new Error(`the AWS emulator did not answer on ${emulator.url} within 60 s:\n${tail()}`);
  }

  private readonly onExit: () => void;

  private constructor(private readonly child: ReturnType<typeof spawn>, public readonly url: string) {
    this.onExit = () => this.stop();
    process.once('exit', this.onExit);
  }

  /** Forget every resource (between examples). */
  public async reset(): Promise<void> {
    const res = await fetch(`${this.url}/moto-api/reset`, { method: 'POST' });
    if (!res.ok) throw new Error(`the AWS emulator's reset answered ${res.status}`);
  }

  public stop(): void {
    process.removeListener('exit', this.onExit);
    if (this.child.exitCode === null && !this.child.killed) this.child.kill('SIGTERM');
  }
}
