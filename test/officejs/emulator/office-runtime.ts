/**
 * Stands in for the page that hosts an add-in in Excel on the web, around Microsoft's Excel client
 * library (excel-web-16.00[.debug].js from @microsoft/office-js) loaded into this realm's globals:
 * by the Office.js test harness in node (an indirect eval of the file, test/officejs/harness) and
 * by the task pane outside Excel (a <script> tag, ./browser-library.ts). Both go through
 * loadLibraryWith(), so the set-up before and after the library is the same code.
 *
 * In Excel on the web, office.js reads the host from the URL, loads excel-web-16.00.js, asks the host
 * frame for the app context over XDM (postMessage) and then builds Office.context. Here we do the
 * last step ourselves with the library's own classes (OSF.OfficeAppContext, OSF.DDA.Context,
 * OSF.DDA.RefreshableSettings, OSF.DDA.ExcelDocument, OSF.DDA.DispIdHost.Facade with the WAC
 * delegates), and replace only the XDM client end point: the object whose
 * invoke('executeMethod', callback, { DdaMethod: { DispatchId }, … }) would post to the Excel page.
 * Everything above that boundary — Excel.run, context.sync, load/PropertyNotLoaded, the request
 * JSON, OSF.DDA.RichApi.executeRichApiRequestAsync, settings.saveAsync, isSetSupported — is
 * Microsoft's code.
 *
 * No Node or DOM API is used here: this module runs in jest and in the browser alike.
 */
export type LibraryBuild = 'debug' | 'release';

/** What the page answers for one executeMethod call: an OSF error code (0 = none) and the payload. */
export interface HostReply {
  error: number;
  payload?: Record<string, unknown>;
}

/** The host page's side of the XDM channel, as the harness implements it. */
export interface HostPage {
  executeMethod(dispatchId: number, params: Record<string, unknown>): HostReply;
  /** Something the library asked of the page that the harness does not emulate. */
  notEmulated(what: string): void;
}

export interface HostSession {
  controlId: string;
  /** Serialized settings (key → JSON text) as stored in the document. */
  settings: Record<string, string>;
  /** Requirement sets and their highest version, e.g. { ExcelApi: '1.17' }. */
  requirementSets: Record<string, string>;
  page: HostPage;
}

/* The library's globals, untyped: this module is the only place that reaches into OSF. */
type Loose = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const STATE = Symbol.for('tricolor-ledger.officejs-harness');

interface RealmState {
  build: LibraryBuild;
  session: HostSession | null;
  context: unknown;
  facade: unknown;
  endpoint: unknown;
  requirements?: ApiRequirements;
  /** Office.context of each runtime started in the session, by name. */
  runtimes: Map<string, unknown>;
  /** The library's text, for apiRequirements(); null where it was loaded without it. */
  source: string | null;
}

const g = globalThis as unknown as Loose;

export const HOST_INFO = {
  isO15: false,
  isRichClient: false,
  hostType: 'excel',
  hostPlatform: 'web',
  hostSpecificFileVersion: '16.00',
  hostLocale: 'en-us',
  osfControlAppCorrelationId: '',
  isDialog: false,
  disableLogging: true,
  flags: 0,
};

/** The files of one build, relative to the folder of @microsoft/office-js's dist/ (where office.js is). */
export function libraryFiles(build: LibraryBuild): { strings: string; library: string } {
  return build === 'debug'
    ? { strings: 'en-us/office_strings.debug.js', library: 'excel-web-16.00.debug.js' }
    : { strings: 'en-us/office_strings.js', library: 'excel-web-16.00.js' };
}

function state(): RealmState | undefined {
  return g[STATE as unknown as string] as RealmState | undefined;
}

/** The build loaded into this realm, or null before loadLibraryWith(). */
export function loadedBuild(): LibraryBuild | null {
  return state()?.build ?? null;
}

/**
 * Runs one of the library's files as a <script> tag would (its top-level `var`s become globals of
 * this realm) and gives back its text, or null where the text is not at hand. `file` is one of
 * libraryFiles(build).
 */
export type RunScript<R> = (file: string) => R;

/**
 * Loads the library once per realm (each jest test file has its own global scope; a page has one):
 * the stand-ins the library reads while loading, the strings file, the library, and what office.js's
 * loader would add after it. `run` is synchronous in node (eval) and asynchronous in a page (script
 * tags); the library's text, when given, tells which requirement set each Excel member needs.
 */
export function loadLibraryWith(build: LibraryBuild, run: RunScript<string | null>): void;
export function loadLibraryWith(build: LibraryBuild, run: RunScript<Promise<string | null>>): Promise<void>;
export function loadLibraryWith(build: LibraryBuild, run: RunScript<string | null | Promise<string | null>>): void | Promise<void> {
  const existing = state();
  if (existing) {
    if (existing.build !== build) throw new Error(`The ${existing.build} Excel library is already loaded here; cannot switch to ${build}.`);
    return;
  }
  const files = libraryFiles(build);
  const s = beforeLibrary(build);
  // office.js's loader gives the strings file a Type.registerNamespace (the minified strings file
  // needs it); it is removed again before the host script, which brings its own.
  const hadType = 'Type' in g;
  if (!hadType) g.Type = { registerNamespace: (ns: string) => (g[ns] ??= {}) };
  const betweenFiles = () => {
    if (!hadType) delete g.Type;
  };
  const strings = run(files.strings);
  if (strings instanceof Promise) {
    return strings
      .then(() => {
        betweenFiles();
        return run(files.library);
      })
      .then((text) => afterLibrary(s, text))
      .catch((e) => {
        delete g[STATE as unknown as string];
        throw e;
      });
  }
  betweenFiles();
  afterLibrary(s, run(files.library) as string | null);
}

/** The globals the library touches while loading, and office.js's OSF._OfficeAppFactory. */
function beforeLibrary(build: LibraryBuild): RealmState {
  const s: RealmState = { build, session: null, context: {}, facade: {}, endpoint: null, source: null, runtimes: new Map() };
  g[STATE as unknown as string] = s;

  // The browser globals the library touches while loading (a page has them; node gets these).
  g.window ??= g;
  g.navigator ??= { userAgent: 'Node.js (tricolor-ledger Office.js harness)' };
  g.document ??= {
    readyState: 'complete',
    URL: 'https://localhost/taskpane.html',
    getElementById: () => null,
    getElementsByTagName: () => [],
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
  };

  // office.js defines OSF._OfficeAppFactory before it loads the host script; the host script reads
  // it at load time (it turns on Excel on the web's preview execution), so it must exist first.
  const webAppState = {
    id: 'fake-excel',
    webAppUrl: 'https://fake-excel.localhost',
    conversationID: null,
    focused: false,
    get clientEndPoint() {
      return s.endpoint;
    },
  };
  g.OSF = {
    _OfficeAppFactory: {
      getId: () => s.session?.controlId ?? 'fake-excel',
      getClientEndPoint: () => s.endpoint,
      getContext: () => s.context,
      setContext: (c: unknown) => (s.context = c),
      getHostInfo: () => HOST_INFO,
      getLoggingAllowed: () => false,
      getHostFacade: () => s.facade,
      setHostFacade: (f: unknown) => (s.facade = f),
      getInitializationHelper: () => ({ _webAppState: webAppState, _hostInfo: HOST_INFO }),
      getCachedSessionSettingsKey: () => `${s.session?.controlId ?? 'fake-excel'}CachedSessionSettings`,
      getWebAppState: () => webAppState,
      getWindowLocationHash: () => '',
      getWindowLocationSearch: () => '',
      getWindowName: () => '',
    },
  };
  return s;
}

/** What office.js's loader (not loaded) contributes once the library is there. */
function afterLibrary(s: RealmState, source: string | null): void {
  s.source = source;
  const OSF = g.OSF as Loose;
  const Office = g.Office as Loose;
  OSF.DDA.ErrorCodeManager.initializeErrorMessages(g.Strings.OfficeOM);
  // The host name, the enums and Office.onReady.
  Office.HostType ??= { Word: 'Word', Excel: 'Excel', PowerPoint: 'PowerPoint', Outlook: 'Outlook', OneNote: 'OneNote', Project: 'Project', Access: 'Access', Visio: 'Visio' };
  Office.PlatformType ??= { PC: 'PC', OfficeOnline: 'OfficeOnline', Mac: 'Mac', iOS: 'iOS', Android: 'Android', Universal: 'Universal' };
  const host = {
    getHost: () => Office.HostType.Excel,
    getPlatform: () => Office.PlatformType.OfficeOnline,
    getDiagnostics: (version?: string) => ({ host: Office.HostType.Excel, version: version || '16.0.0000.0000', platform: Office.PlatformType.OfficeOnline }),
  };
  g.OfficeExt.HostName = { Host: { getInstance: () => host } };
  const info = () => ({ host: Office.HostType.Excel, platform: Office.PlatformType.OfficeOnline, addin: null });
  Office.onReady = (callback?: (i: unknown) => unknown) =>
    Promise.resolve().then(async () => {
      if (!s.session) throw new Error('Office.onReady: no Excel host; call createExcelHost() first.');
      if (callback) await callback(info());
      return info();
    });
  // As Excel's own initialization does (OSF.InitializationHelper.loadAppSpecificScriptAndCreateOM).
  OSF.DDA.DispIdHost.addAsyncMethods(OSF.DDA.RichApi, [OSF.DDA.AsyncMethodNames.ExecuteRichApiRequestAsync]);
}

/** Connects the library to one host page: a fresh Office.context, settings and request channel. */
export function openSession(session: HostSession): void {
  const s = state();
  if (!s) throw new Error('loadLibraryWith() first');
  if (s.session) throw new Error('Another Excel host is active in this test file: dispose() it first.');
  const OSF = g.OSF as Loose;
  s.session = session;
  s.runtimes = new Map([[DEFAULT_RUNTIME, makeContext(session, session.settings)]]);
  s.context = s.runtimes.get(DEFAULT_RUNTIME);
  s.facade = new OSF.DDA.DispIdHost.Facade(OSF.DDA.WAC.getDelegateMethods, OSF.DDA.WAC.Delegate.ParameterMap);
  s.endpoint = makeEndpoint(s, session);
}

/** The runtime a session starts in (the task pane's). */
export const DEFAULT_RUNTIME = 'taskpane';

/**
 * Makes `name` the runtime the library's globals (Office.context) belong to, starting it on first
 * use with the document's settings as they are now. Each runtime then works with its own in-memory
 * copy of the settings until it saves or refreshes them, as the task pane and the ribbon's function
 * file do when they do not share a runtime ("work with the in-memory copy", "saveAsync … persist the
 * in-memory copy": https://learn.microsoft.com/en-us/javascript/api/office/office.settings).
 */
export function useRuntime(session: HostSession, name: string, currentSettings: Record<string, string>): void {
  const s = state();
  if (!s || s.session !== session) throw new Error('The Excel host was disposed.');
  let context = s.runtimes.get(name);
  if (!context) {
    context = makeContext(session, currentSettings);
    s.runtimes.set(name, context);
  }
  s.context = context;
}

function makeContext(session: HostSession, settingsNow: Record<string, string>): unknown {
  const OSF = g.OSF as Loose;
  const Office = g.Office as Loose;
  const appContext = new OSF.OfficeAppContext(
    session.controlId,
    OSF.AppName.ExcelWebApp,
    '16.00',
    'en-US',
    'en-US',
    'https://fake-excel.localhost/ledger.xlsx',
    OSF.ClientMode.ReadWrite,
    { ...settingsNow },
    Office.InitializationReason?.DocumentOpened ?? 'documentOpened',
    OSF.OsfControlType.DocumentLevel,
    '',
    session.controlId,
    session.controlId,
    false,
    true,
    1,
    JSON.stringify(session.requirementSets),
    undefined,
    '16.0.0.0',
  );
  const settings = new OSF.DDA.RefreshableSettings(OSF.DDA.SettingsManager.deserializeSettings({ ...settingsNow }));
  const doc = new OSF.DDA.ExcelDocument(appContext, settings);
  return new OSF.DDA.Context(appContext, doc, new OSF.DDA.License(''));
}

export function closeSession(session: HostSession): void {
  const s = state();
  if (!s || s.session !== session) return;
  s.session = null;
  s.context = {};
  s.runtimes = new Map();
  const closed = () => {
    throw new Error('The Excel host was disposed: create another with createExcelHost().');
  };
  s.facade = { invokeMethod: closed, addEventHandler: closed, removeEventHandler: closed };
  s.endpoint = closedEndpoint();
}

const NO_ERROR = 0;

/** Microsoft.Office.Common.ClientEndPoint, as far as the WAC delegates use it. */
function makeEndpoint(s: RealmState, session: HostSession): unknown {
  const respond = (callback: unknown, status: number, payload: unknown) => {
    // The real channel is postMessage: always asynchronous. A resolved promise (not a timer) so tests
    // using jest's fake timers still get answers.
    if (typeof callback === 'function') void Promise.resolve().then(() => callback(status, payload));
  };
  return {
    invoke(method: string, callback: unknown, params: Record<string, unknown>) {
      if (s.session !== session) return respond(callback, -2, null);
      if (method !== 'executeMethod') {
        session.page.notEmulated(`the host call ${method}`);
        return respond(callback, -2, null);
      }
      const dispatchId = (params?.DdaMethod as { DispatchId?: number } | undefined)?.DispatchId ?? -1;
      const reply = session.page.executeMethod(dispatchId, params);
      respond(callback, NO_ERROR, { Version: 1, Error: reply.error, ...reply.payload });
    },
    registerForEvent(eventName: string) {
      session.page.notEmulated(`events (${eventName})`);
      throw new Error(`FakeExcel does not emulate Office events (${eventName}).`);
    },
    unregisterForEvent(eventName: string) {
      session.page.notEmulated(`events (${eventName})`);
      throw new Error(`FakeExcel does not emulate Office events (${eventName}).`);
    },
  };
}

function closedEndpoint(): unknown {
  return {
    invoke(_method: string, callback: unknown) {
      if (typeof callback === 'function') void Promise.resolve().then(() => callback(-2, null));
    },
    registerForEvent() {
      throw new Error('The Excel host was disposed.');
    },
    unregisterForEvent() {
      throw new Error('The Excel host was disposed.');
    },
  };
}

/** The requirement set and version Microsoft's library declares for each Excel member ('Range.getMergedAreasOrNullObject' → ExcelApi 1.13). */
export type ApiRequirements = Map<string, { set: string; version: string }>;

const REQUIREMENT = /\(\s*"([A-Za-z0-9]+\.[A-Za-z0-9_]+)"\s*,\s*(?:"([A-Za-z0-9]+)"|[\w$]+)\s*,\s*"(\d+(?:\.\d+)?)"/g;

/**
 * Read from the library itself: every generated member starts with
 * _throwIfApiNotSupported("Class.member", apiSetName, "version", hostName). (The library's own check
 * is switched off in the web build — CommonUtility._doApiNotSupportedCheck stays false — so, as in
 * Excel, it is the host that refuses what its version does not have.)
 */
export function apiRequirements(): ApiRequirements {
  const s = state();
  if (!s) throw new Error('loadLibraryWith() first');
  if (s.requirements) return s.requirements;
  const map: ApiRequirements = new Map();
  // Only the Excel namespace (between the library's _BeginExcel and _EndExcel markers): elsewhere the
  // default set is another one (OfficeSharedApi, …). Without the text, the host refuses nothing.
  const text = s.source ?? '';
  const begin = text.indexOf('_BeginExcel');
  const end = text.indexOf('_EndExcel', begin);
  const excel = begin >= 0 && end > begin ? text.slice(begin, end) : text;
  for (const m of excel.matchAll(REQUIREMENT)) {
    if (!map.has(m[1])) map.set(m[1], { set: m[2] ?? 'ExcelApi', version: m[3] });
  }
  s.requirements = map;
  return map;
}

export function isSetSupported(set: string, version: string): boolean {
  const requirements = (g.Office as Loose)?.context?.requirements;
  return requirements ? requirements.isSetSupported(set, version) : false;
}

/** The library's OSF error codes (OSF.DDA.ErrorCodeManager.errorCodes). */
export function osfErrorCodes(): Record<string, number> {
  return (g.OSF as Loose).DDA.ErrorCodeManager.errorCodes;
}

export function methodDispIds(): Record<string, number> {
  return (g.OSF as Loose).DDA.MethodDispId;
}
