import { useCallback, useEffect, useRef, useState } from 'react';
import { baseFileName, checkMeetingFilesSize, detectLedger, findLedgerUnit, unitFromFileName, type JobInput, type Language, type MeetingLedger } from '../../core';
import { fileProblemText, uiText } from '../../ui';

/** Another unit's ledger added to the meeting, read here in the pane from its file (never uploaded). */
export interface PaneLedger {
  id: number;
  file: File;
  status: 'waiting' | 'reading' | 'ready' | 'failed';
  /** The ledger sheet found, once read. */
  sheet: string | null;
  /** The unit as shown: the one the ledger's title or 填报单位 line names once read, or what the user typed. */
  unit: string;
  /** The unit as the ledger names it (else its file's name): what the meeting calls it unless the user changes it. */
  found: string;
  unitEdited: boolean;
  input: JobInput | null;
  /** Why it cannot be read, in the pane's language, naming the file. */
  error: string | null;
}

export interface MeetingLedgersState {
  ledgers: PaneLedger[];
  /** The file being read and its place among all added, while one is being read. */
  reading: { name: string; index: number; count: number } | null;
  /** A file that was not added because it is in the list already. */
  duplicate: string | null;
  add(files: readonly File[]): void;
  remove(id: number): void;
  setUnit(id: number, unit: string): void;
  /** Why a joint summary must wait: a ledger still being read, or one that cannot be. */
  block: 'reading' | 'failed' | null;
  /** The other units' ledgers for the host, or null while `block`. A unit goes only when the user changed it. */
  others(): MeetingLedger[] | null;
}

const sameFile = (a: File, b: File) => a.name === b.name && a.size === b.size && a.lastModified === b.lastModified;

/** Lets the pane paint what it is about to read before reading holds it. */
const nextPaint = () => new Promise<void>((resolve) => setTimeout(resolve, 30));

/**
 * Other units' ledgers for 联席会议汇总: each file read in the order added, one at a time, with the
 * file host's reader (readLedgerWorkbook: the sheet `tricolor meeting` would read, and its errors,
 * which name the file); the reader is loaded on first use, so the pane inside Excel carries it only
 * when someone adds a file.
 */
export function useMeetingLedgers(language: Language): MeetingLedgersState {
  const [ledgers, setLedgers] = useState<PaneLedger[]>([]);
  const [duplicate, setDuplicate] = useState<string | null>(null);
  const nextId = useRef(1);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const add = useCallback(
    (files: readonly File[]) => {
      const next = [...ledgers];
      let repeated: string | null = null;
      for (const file of files) {
        if (next.some((l) => sameFile(l.file, file))) repeated = file.name;
        else next.push({ id: nextId.current++, file, status: 'waiting', sheet: null, unit: '', found: '', unitEdited: false, input: null, error: null });
      }
      setLedgers(next);
      setDuplicate(repeated);
    },
    [ledgers],
  );

  const remove = useCallback((id: number) => {
    setLedgers((list) => list.filter((l) => l.id !== id));
    setDuplicate(null);
  }, []);

  const setUnit = useCallback((id: number, unit: string) => {
    setLedgers((list) => list.map((l) => (l.id === id ? { ...l, unit, unitEdited: true } : l)));
  }, []);

  // One file at a time, in the order added.
  useEffect(() => {
    if (ledgers.some((l) => l.status === 'reading')) return;
    const next = ledgers.find((l) => l.status === 'waiting');
    if (!next) return;
    const update = (change: (l: PaneLedger) => PaneLedger) => {
      if (mounted.current) setLedgers((list) => list.map((l) => (l.id === next.id ? change(l) : l)));
    };
    update((l) => ({ ...l, status: 'reading' }));
    const name = next.file.name;
    void (async () => {
      try {
        // A file past what any host opens is refused by its size, not read whole into the pane; so is
        // one that would bring the ledgers the pane holds (each one's grid, read) past it together.
        const held = ledgers.slice(0, ledgers.indexOf(next)).filter((l) => l.status !== 'failed');
        checkMeetingFilesSize([...held, next].map((l) => ({ bytes: l.file.size, file: l.file.name })), language);
        const bytes = new Uint8Array(await next.file.arrayBuffer());
        const { readLedgerWorkbook } = await import('../../hosts/xlsx');
        await nextPaint();
        const read = readLedgerWorkbook(bytes, { fileName: name, language });
        const layout = detectLedger(read.input.ledger);
        // As runMeetingJob names the unit: the ledger's title or 填报单位 line, else the file's name.
        const found = (layout && findLedgerUnit(read.input.ledger, layout.headerTop)) ?? unitFromFileName(name) ?? baseFileName(name);
        update((l) => ({ ...l, status: 'ready', sheet: read.sheet, input: read.input, found, unit: l.unitEdited ? l.unit : found }));
      } catch (e) {
        // The file host's WorkbookError says what is wrong, in the pane's language; the file is named
        // before it where the message does not name it (工作簿中没有找到矛盾纠纷台账 …).
        const message = e instanceof Error && e.name === 'WorkbookError' ? fileProblemText(language, name, e.message) : uiText(language)('summary.readFailed', { file: name });
        update((l) => ({ ...l, status: 'failed', error: message }));
      }
    })();
  }, [ledgers, language]);

  const readingIndex = ledgers.findIndex((l) => l.status === 'reading');
  const reading = readingIndex < 0 ? null : { name: ledgers[readingIndex].file.name, index: readingIndex, count: ledgers.length };
  const block = ledgers.some((l) => l.status === 'failed') ? 'failed' : ledgers.some((l) => l.status !== 'ready') ? 'reading' : null;

  const others = useCallback((): MeetingLedger[] | null => {
    if (ledgers.some((l) => l.status !== 'ready')) return null;
    return ledgers.map((l) => {
      const typed = l.unit.trim();
      return { file: l.file.name, ...(typed && typed !== l.found ? { unit: typed } : {}), input: l.input! };
    });
  }, [ledgers]);

  return { ledgers, reading, duplicate, add, remove, setUnit, block, others };
}
