/// <reference types="office-js" />
import { SyncTimeoutError, type Language } from '../../core';

/** Counts syncs and guards each with a timeout, so no command can hang without a word. */
export class Syncer {
  count = 0;
  /**
   * Queued before a sync that writes: suspendApiCalculationUntilNextSync (ExcelApi 1.6) keeps Excel
   * from recalculating during the job without touching the user's application-wide calculation
   * mode, which reads back wrongly ("Automatic except tables" as Automatic) or may be ignored
   * (https://learn.microsoft.com/en-us/javascript/api/excel/excel.application#excel-excel-application-suspendapicalculationuntilnextsync-member(1)).
   */
  beforeWrites: (() => void) | null = null;
  constructor(
    private readonly context: Excel.RequestContext,
    private readonly timeoutMs: number,
    private readonly language: Language = 'zh',
  ) {}

  /** A sync that carries writes: calculation is suspended until it is done. */
  async syncWrites(): Promise<void> {
    this.beforeWrites?.();
    await this.sync();
  }

  async sync(): Promise<void> {
    this.count++;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new SyncTimeoutError(Math.round(this.timeoutMs / 1000), this.language)), this.timeoutMs);
    });
    try {
      await Promise.race([this.context.sync(), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}
