/// <reference types="office-js" />
/**
 * createExcelHost(): Microsoft's real Excel JavaScript API, answered by an in-memory workbook.
 * See test/officejs/harness/README.md for the protocol and what is emulated. The library must be
 * loaded first: in node by the harness (test/officejs/harness), in a page by loadLibraryInPage().
 */
import { FakeWorkbook } from './fake-workbook';
import { createExcelModel } from './excel';
import { ClassMetadata, ExcelApiError, HARNESS_FAILURE, RequestBody, ResponseBody, RichApiServer, ServerContext, ServerObject } from './rich-api';
import { apiRequirements, closeSession, HostReply, HostSession, isSetSupported, LibraryBuild, loadedBuild, methodDispIds, openSession, osfErrorCodes, useRuntime } from './office-runtime';

export { FakeWorkbook, FakeSheet, DEFAULT_COLUMN_WIDTH, DEFAULT_ROW_HEIGHT } from './fake-workbook';
export type {
  CellValue,
  FakeCell,
  FakeFont,
  BorderLine,
  FakeConditionalFormat,
  FakeChart,
  FakeChartSeries,
  FakeChartSource,
  FakeDataValidation,
  FakePageLayout,
  FakeName,
  FakeTable,
  SheetSpec,
  WorkbookSpec,
} from './fake-workbook';
export { DEFAULT_FONT } from './excel';
export type { LibraryBuild } from './office-runtime';

/** Excel on the web refuses requests (and responses) larger than this. */
export const EXCEL_WEB_PAYLOAD_LIMIT = 5 * 1024 * 1024;

export interface ExcelHostOptions {
  /** The highest ExcelApi requirement set Office.context.requirements.isSetSupported reports. Default '1.17'. */
  apiVersion?: string;
  /** Further requirement sets to report, e.g. { ExcelApiOnline: '1.1' }. */
  requirementSets?: Record<string, string>;
  /** Requests whose JSON body is larger are refused as Excel on the web does (RequestPayloadSizeLimitExceeded). */
  maxRequestBytes?: number;
  /** Responses larger than this are refused (ResponsePayloadSizeLimitExceeded). */
  maxResponseBytes?: number;
  /** 'debug' (default): excel-web-16.00.debug.js, 'release': the minified excel-web-16.00.js. One per test file (or page). */
  build?: LibraryBuild;
  /** Keep each request and response body in stats.requests (for debugging and protocol tests). */
  recordBodies?: boolean;
  /** Don't make dispose() throw when something not emulated was asked for. */
  allowNotEmulated?: boolean;
  /** Called after each request has been served (e.g. so a page can show the new selection). */
  onRequest?: () => void;
}

export interface RequestStat {
  /** UTF-8 size of the request's JSON body (what Excel on the web limits). */
  bytes: number;
  /** Actions in the body, including the library's instantiate actions. */
  actions: number;
  /** 'cleanup' for the reference releases Excel.run sends after the batch function; 'sync' for everything else. */
  kind: 'sync' | 'cleanup';
  /** The request flags said the batch writes. */
  write: boolean;
  responseBytes: number;
  /** Error code when the request failed (in Excel or at the size limit). */
  error?: string;
  body?: unknown;
  response?: unknown;
}

export interface ExcelHostStats {
  /** Requests the library sent for context.sync() (and Excel.run's final sync); cleanups not counted. */
  syncs: number;
  requests: RequestStat[];
  /** Calls with no effect on the workbook the fake counts: calculate, suspendScreenUpdatingUntilNextSync, … */
  events: Record<string, number>;
  /** Office.context.document.settings.saveAsync calls that reached the host. */
  settingsSaves: number;
}

export interface ExcelHost {
  Excel: typeof Excel;
  Office: typeof Office;
  OfficeExtension: typeof OfficeExtension;
  workbook: FakeWorkbook;
  stats: ExcelHostStats;
  /** Every API the code asked for that the fake does not emulate, and any failure of the fake itself (each also failed its request). */
  notEmulated: string[];
  /** Zeroes stats (e.g. after a test's setup runs), keeping the workbook. */
  resetStats(): void;
  /**
   * Runs what follows in another add-in runtime on the same open workbook (e.g. 'commands', the
   * ribbon's function file, beside the default 'taskpane'): its own Office.context, whose settings
   * are an in-memory copy taken when that runtime first starts. Excel and the workbook are shared.
   */
  useRuntime(name: string): void;
  /** Ends the session. Throws if anything not emulated was asked for, unless allowNotEmulated. */
  dispose(): void;
}

type Loose = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const g = globalThis as unknown as Loose;

let sessions = 0;

/**
 * Properties whose setter needs a newer set than reading them. The library checks neither; the
 * reference says so in each property's remarks ("[API set: ExcelApi 1.1 for get, 1.8 for set]").
 */
const SETTER_REQUIREMENTS: Record<string, { set: string; version: string }> = {
  // https://learn.microsoft.com/en-us/javascript/api/excel/excel.application#excel-excel-application-calculationmode-member
  'Application.calculationMode': { set: 'ExcelApi', version: '1.8' },
  // "ExcelApi 1.1 for reading visibility; 1.2 for setting it":
  // https://learn.microsoft.com/en-us/javascript/api/excel/excel.worksheet#excel-excel-worksheet-visibility-member
  'Worksheet.visibility': { set: 'ExcelApi', version: '1.2' },
};

/** UTF-8 size of a string, without Node's Buffer (this module also runs in the browser). */
export function utf8Length(text: string): number {
  let n = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      n += 2; // a surrogate pair: 4 bytes for 2 code units
      i++;
    } else if (c >= 0x800) n += 2;
    else if (c >= 0x80) n += 1;
  }
  return n;
}

/**
 * Serves the requests of Microsoft's Excel library, already loaded into this realm's globals
 * (Excel, Office, OfficeExtension), from `workbook`. One host at a time per realm: dispose() it
 * before creating the next (e.g. to "reopen" the same workbook).
 */
export function createExcelHost(workbook: FakeWorkbook, options: ExcelHostOptions = {}): ExcelHost {
  const build = options.build ?? 'debug';
  const loaded = loadedBuild();
  if (loaded === null) throw new Error("Microsoft's Excel library is not loaded: load it first (test/officejs/harness in node, loadLibraryInPage() in a page).");
  if (loaded !== build) throw new Error(`The ${loaded} Excel library is already loaded here; cannot switch to ${build}.`);
  const stats: ExcelHostStats = { syncs: 0, requests: [], events: {}, settingsSaves: 0 };
  const notEmulated: string[] = [];
  let nextRef = 1;

  const ctx: ServerContext = {
    root: undefined as unknown as ServerObject,
    refs: new Map(),
    newReferenceId: () => `ref-${sessions}-${nextRef++}`,
    count: (event) => (stats.events[event] = (stats.events[event] ?? 0) + 1),
  };
  const ExcelNs = g.Excel as Loose;
  const model = createExcelModel(workbook, (name) => {
    const e = ExcelNs[name];
    if (!e) throw new Error(`Excel.${name} is not an enumeration of the loaded library`);
    return Object.values(e) as string[];
  });
  (ctx as { root: ServerObject }).root = model.root;
  const metadata = (type: string): ClassMetadata | undefined => {
    const cls = ExcelNs[type];
    if (typeof cls !== 'function') return undefined;
    const proto = cls.prototype;
    return {
      scalarNames: proto._scalarPropertyNames ?? [],
      scalarOriginalNames: proto._scalarPropertyOriginalNames ?? [],
      has: (member) => member in proto,
    };
  };
  const requirements = apiRequirements();
  const checkApi = (type: string, member: string, access?: 'set') => {
    const need = (access === 'set' ? SETTER_REQUIREMENTS[`${type}.${member}`] : undefined) ?? requirements.get(`${type}.${member}`);
    if (need && !isSetSupported(need.set, need.version)) {
      throw new ExcelApiError(
        'ApiNotFound',
        `The method or property ${type}.${member} is part of the ${need.set} ${need.version} requirement set, which is not available in your version of Excel.`,
        404,
        `${type}.${member}`,
      );
    }
  };
  const server = new RichApiServer(model.defs, metadata, ctx, checkApi);
  const codes = osfErrorCodes();
  const dispIds = methodDispIds();

  const executeRichApi = (params: Record<string, unknown>): HostReply => {
    try {
      return serveRichApi(params);
    } finally {
      options.onRequest?.();
    }
  };

  const serveRichApi = (params: Record<string, unknown>): HostReply => {
    // [customData, method, path, headers, body, appPermission, flags, solutionId, …]
    const message = params.ArrayData as unknown[];
    const text = String(message[4] ?? '');
    const body = JSON.parse(text) as RequestBody;
    const stat: RequestStat = {
      bytes: utf8Length(text),
      actions: body.Actions?.length ?? 0,
      kind: isCleanup(body) ? 'cleanup' : 'sync',
      write: (Number(message[6]) & 1) === 1,
      responseBytes: 0,
    };
    if (options.recordBodies) stat.body = body;
    stats.requests.push(stat);
    if (stat.kind === 'sync') stats.syncs++;
    if (options.maxRequestBytes !== undefined && stat.bytes > options.maxRequestBytes) {
      stat.error = 'RequestPayloadSizeLimitExceeded';
      return { error: codes.ooeRequestPayloadSizeLimitExceeded };
    }
    const response: ResponseBody = server.execute(body);
    const responseText = JSON.stringify(response);
    stat.responseBytes = utf8Length(responseText);
    if (options.recordBodies) stat.response = response;
    if (response.Error) {
      stat.error = response.Error.Code;
      if ((response.Error.Code === 'NotImplemented' || response.Error.Location === HARNESS_FAILURE) && response.Error.Location) {
        notEmulated.push(`${response.Error.Location}: ${response.Error.Message}`);
      }
    }
    if (options.maxResponseBytes !== undefined && stat.responseBytes > options.maxResponseBytes) {
      stat.error = 'ResponsePayloadSizeLimitExceeded';
      return { error: codes.ooeResponsePayloadSizeLimitExceeded };
    }
    return { error: 0, payload: { Data: [200, [], responseText] } };
  };

  const session: HostSession = {
    controlId: `fake-excel-${++sessions}`,
    settings: { ...workbook.settings },
    requirementSets: { ExcelApi: options.apiVersion ?? '1.17', ...options.requirementSets },
    page: {
      executeMethod(dispatchId, params) {
        if (dispatchId === dispIds.dispidExecuteRichApiRequestMethod) return executeRichApi(params);
        if (dispatchId === dispIds.dispidSaveSettingsMethod) {
          const request = params.DdaSettingsMethod as { Properties?: [string, string][] } | undefined;
          workbook.settings = Object.fromEntries(request?.Properties ?? []);
          stats.settingsSaves++;
          return { error: 0 };
        }
        if (dispatchId === dispIds.dispidLoadSettingsMethod) {
          return { error: 0, payload: { Properties: { Settings: Object.entries(workbook.settings).map(([Name, Value]) => ({ Name, Value })) } } };
        }
        const name = Object.keys(dispIds).find((k) => dispIds[k] === dispatchId) ?? `dispatch id ${dispatchId}`;
        this.notEmulated(`the host method ${name}`);
        return { error: codes.ooeOperationNotSupported };
      },
      notEmulated(what) {
        notEmulated.push(what);
      },
    },
  };
  openSession(session);

  let disposed = false;
  return {
    Excel: g.Excel,
    Office: g.Office,
    OfficeExtension: g.OfficeExtension,
    workbook,
    stats,
    notEmulated,
    useRuntime(name: string) {
      useRuntime(session, name, workbook.settings);
    },
    resetStats() {
      stats.syncs = 0;
      stats.requests.length = 0;
      stats.settingsSaves = 0;
      for (const k of Object.keys(stats.events)) delete stats.events[k];
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      closeSession(session);
      if (notEmulated.length && !options.allowNotEmulated) {
        throw new Error(`The code under test used what FakeExcel does not emulate:\n  ${notEmulated.join('\n  ')}`);
      }
    },
  };
}

/** Excel.run's closing request: only the root and _RemoveReference calls for the objects it tracked. */
function isCleanup(body: RequestBody): boolean {
  const actions = body.Actions ?? [];
  return (
    actions.some((a) => a.ActionType === 3 && a.Name === '_RemoveReference') &&
    actions.every((a) => (a.ActionType === 3 && a.Name === '_RemoveReference') || (a.ActionType === 1 && body.ObjectPaths?.[String(a.ObjectPathId)]?.ObjectPathType === 1))
  );
}
