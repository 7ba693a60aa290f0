// Counts the training messages the host sends the views, and their bytes as JSON: only while a
// benchmark measures (npm run bench -- bounds); otherwise `see` returns at once.
import type { HostMessage } from '../protocol';

export interface MessageCounts {
  progressMessages: number;
  progressBytes: number;
  otherMessages: number;
  otherBytes: number;
}

export class MessageMeter {
  private counts?: MessageCounts;

  see(message: HostMessage): void {
    if (!this.counts) return;
    const bytes = JSON.stringify(message).length;
    if (message.type === 'progress') {
      this.counts.progressMessages++;
      this.counts.progressBytes += bytes;
    } else {
      this.counts.otherMessages++;
      this.counts.otherBytes += bytes;
    }
  }

  start(): { stop(): MessageCounts } {
    const counts: MessageCounts = { progressMessages: 0, progressBytes: 0, otherMessages: 0, otherBytes: 0 };
    this.counts = counts;
    return {
      stop: () => {
        if (this.counts === counts) this.counts = undefined;
        return counts;
      },
    };
  }
}
