// One Python process for one Check: its stdout read as lines, its stderr kept up to a cap, and
// kill() ending the whole process tree (whatever the learner's code started too). Node only.
import { spawn, type ChildProcess } from 'node:child_process';

export interface ProcessOptions {
  command: string;
  args: string[];
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Written to stdin, which is then closed. */
  input: string;
  /** A longer stdout line ends the process (the harness never writes one). */
  maxLineChars: number;
  /** stderr past this many characters ends the process. */
  maxOutputChars: number;
  /** stderr kept for display. */
  keepOutputChars: number;
}

export interface ProcessEnd {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** The interpreter could not be started at all (ENOENT, EACCES). */
  spawnError?: NodeJS.ErrnoException;
  /** Why kill() was called, if it was. */
  killedBecause?: string;
}

export interface ProcessHandlers {
  line(line: string): void;
  /** Text written to stderr (the learner's prints go to the harness's capture instead). */
  output?(text: string): void;
}

export class HarnessProcess {
  readonly ended: Promise<ProcessEnd>;
  private readonly child: ChildProcess;
  private killedBecause?: string;
  private stdoutBuffer = '';
  private outputChars = 0;
  private keptOutput = '';

  constructor(private readonly options: ProcessOptions, private readonly handlers: ProcessHandlers) {
    const windows = process.platform === 'win32';
    this.child = spawn(options.command, options.args, {
      cwd: options.cwd,
      env: options.env,
      stdio: ['pipe', 'pipe', 'pipe'],
      // Its own process group, so kill() reaches every process the learner's code starts.
      detached: !windows,
      windowsHide: true,
    });
    this.ended = new Promise((resolve) => {
      let spawnError: NodeJS.ErrnoException | undefined;
      this.child.once('error', (error: NodeJS.ErrnoException) => {
        spawnError = error;
        if (this.child.pid === undefined) resolve({ code: null, signal: null, spawnError });
      });
      this.child.once('exit', (code, signal) => {
        // Give the pipes a moment to drain; a process the learner's code left running may hold
        // them open, and is ended with the rest of the group.
        const finish = () => {
          this.flushLine();
          this.killTree();
          resolve({ code, signal, spawnError, killedBecause: this.killedBecause });
        };
        let finished = false;
        const once = () => { if (!finished) { finished = true; finish(); } };
        this.child.once('close', once);
        setTimeout(once, 200);
      });
    });
    this.child.stdout?.setEncoding('utf8');
    this.child.stderr?.setEncoding('utf8');
    this.child.stdout?.on('data', (chunk: string) => this.onStdout(chunk));
    this.child.stderr?.on('data', (chunk: string) => this.onStderr(chunk));
    this.child.stdin?.on('error', () => undefined); // the process may exit before reading all of it
    this.child.stdin?.end(options.input, 'utf8');
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** stderr as kept for display (the first keepOutputChars characters). */
  get output(): { text: string; chars: number } {
    return { text: this.keptOutput, chars: this.outputChars };
  }

  /** Ends the process and everything it started; the reason is reported by `ended`. */
  kill(reason: string): void {
    this.killedBecause ??= reason;
    this.killTree();
  }

  private killTree(): void {
    const pid = this.child.pid;
    if (pid === undefined) return;
    if (process.platform === 'win32') {
      spawn('taskkill', ['/pid', String(pid), '/T', '/F'], { windowsHide: true, stdio: 'ignore' }).on('error', () => undefined);
      return;
    }
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // the group is gone already
    }
  }

  private onStdout(chunk: string): void {
    this.stdoutBuffer += chunk;
    let newline: number;
    while ((newline = this.stdoutBuffer.indexOf('\n')) >= 0) {
      const line = this.stdoutBuffer.slice(0, newline);
      this.stdoutBuffer = this.stdoutBuffer.slice(newline + 1);
      if (line.trim() !== '') this.handlers.line(line);
    }
    if (this.stdoutBuffer.length > this.options.maxLineChars) {
      this.stdoutBuffer = '';
      this.kill('protocolLine');
    }
  }

  private flushLine(): void {
    const rest = this.stdoutBuffer;
    this.stdoutBuffer = '';
    if (rest.trim() !== '') this.handlers.line(rest);
  }

  private onStderr(chunk: string): void {
    this.outputChars += chunk.length;
    if (this.keptOutput.length < this.options.keepOutputChars) {
      const part = chunk.slice(0, this.options.keepOutputChars - this.keptOutput.length);
      this.keptOutput += part;
      this.handlers.output?.(part);
    }
    if (this.outputChars > this.options.maxOutputChars) this.kill('output');
  }
}
