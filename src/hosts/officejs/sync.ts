/// <reference types="office-js" />

/**
 * Excel did not answer a sync in time (Excel on the web can wait forever on a busy workbook,
 * office-js#6678). Giving up does not cancel the batch already sent, so the message must not say
 * that nothing was written: Excel may still apply it. A re-run gives the same result either way.
 */
export class SyncTimeoutError extends Error {
  constructor(readonly seconds: number) {
    super(`Excel 在 ${seconds} 秒内没有响应，工作簿可能正忙；已发出的写入可能稍后仍会完成。请等 Excel 空闲后检查工作簿，再重新运行（重新运行的结果相同）`);
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
