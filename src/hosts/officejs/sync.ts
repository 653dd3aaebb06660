/// <reference types="office-js" />

/** Excel did not answer a sync in time (Excel on the web can wait forever on a busy workbook, office-js#6678). */
export class SyncTimeoutError extends Error {
  constructor(readonly seconds: number) {
    super(`Excel 在 ${seconds} 秒内没有响应；工作簿可能正忙，请稍后再试（未写入任何内容或已撤销）`);
    this.name = 'SyncTimeoutError';
  }
}

/** Counts syncs and guards each with a timeout, so no command can hang without a word. */
export class Syncer {
  count = 0;
  constructor(
    private readonly context: Excel.RequestContext,
    private readonly timeoutMs: number,
  ) {}

  async sync(): Promise<void> {
    this.count++;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new SyncTimeoutError(Math.round(this.timeoutMs / 1000))), this.timeoutMs);
    });
    try {
      await Promise.race([this.context.sync(), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}
