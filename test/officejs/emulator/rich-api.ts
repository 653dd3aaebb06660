/**
 * The server half of the Rich API protocol: executes one request body, as Excel does when the
 * client library's context.sync() posts it, against server objects defined in excel/ (one module per Excel type).
 *
 * A request body is { Actions, ObjectPaths, AutoKeepReference }. Object paths name objects
 * (1 = the root workbook, 3 = a method returning an object, 4 = a navigation property, 5 = an
 * indexer, 6 = a kept reference, 7 = a null object); actions act on them (1 = instantiate,
 * 2 = query, 3 = method, 4 = set property, 5 = trace). The response body is
 * { Results: [{ ActionId, Value }], TraceIds?, Error?: { Code, Message, HttpStatusCode, ActionIndex, Location } }:
 * execution stops at the first failing action, like Excel, keeping the effects of those before.
 */

/** An error Excel reports in the response body; the client library turns it into OfficeExtension.Error. */
export class ExcelApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly httpStatusCode = 400,
    public location?: string,
  ) {
    super(message);
  }
}

const STANDARD_MESSAGES: Record<string, [string, number]> = {
  ItemNotFound: ["The requested resource doesn't exist.", 404],
  InvalidArgument: ['The argument is invalid or missing or has an incorrect format.', 400],
  InvalidOperation: ['The requested operation is invalid.', 400],
  ItemAlreadyExists: ['The resource being created already exists.', 409],
  GeneralException: ['There was an internal error while processing the request.', 500],
  InvalidReference: ["This reference isn't valid for the current operation.", 400],
  NotImplemented: ["The requested feature isn't implemented.", 501],
};

/** An Excel error with Excel's standard message for the code, and what the fake knows about the cause. */
export function excelError(code: keyof typeof STANDARD_MESSAGES | string, detail?: string): ExcelApiError {
  const [message, status] = STANDARD_MESSAGES[code] ?? [code, 400];
  return new ExcelApiError(code, detail ? `${message} (${detail})` : message, status);
}

/** Something the real Excel does that this fake does not emulate: always loud, never ignored. */
export class NotEmulatedError extends ExcelApiError {
  constructor(readonly what: string, detail?: string) {
    super('NotImplemented', `FakeExcel does not emulate ${what}${detail ? `: ${detail}` : ''}. Extend test/officejs/emulator (the Office.js harness) or avoid this call.`, 501, what);
  }
}

export interface ServerObject {
  /** The Excel class the client library calls it, e.g. 'Range'. */
  readonly type: string;
}

export interface Scalar<T> {
  get?: (o: T, ctx: ServerContext) => unknown;
  set?: (o: T, value: unknown, ctx: ServerContext) => void;
}

export interface TypeDef<T extends ServerObject = ServerObject> {
  scalars?: Record<string, Scalar<T>>;
  /** Navigation properties by their JavaScript name ('format'). */
  nav?: Record<string, (o: T, ctx: ServerContext) => ServerObject | null>;
  /** Methods by their JavaScript name ('getRange'); may return a server object (object-returning methods) or a JSON value. */
  methods?: Record<string, (o: T, args: unknown[], ctx: ServerContext) => unknown>;
  /** collection.getItem(key), sent as an indexer path. */
  indexer?: (o: T, key: unknown, ctx: ServerContext) => ServerObject;
  /** For collections: the items a load of the collection returns. */
  items?: (o: T, ctx: ServerContext) => ServerObject[];
  /** Objects with an id report it when instantiated, so the library can address them again by id. */
  id?: (o: T) => string;
  /** Throws if the object no longer exists (e.g. its sheet was deleted). */
  check?: (o: T, ctx: ServerContext) => void;
}

export interface ServerContext {
  readonly root: ServerObject;
  /** References kept across requests (Range objects used again after a sync). */
  readonly refs: Map<string, ServerObject>;
  newReferenceId(): string;
  /** Counters the host reports in its stats (screen updating suspended, calculations asked for). */
  count(event: string): void;
}

export interface ClassMetadata {
  scalarNames: string[];
  scalarOriginalNames: string[];
  has(member: string): boolean;
}

/** What the real client library knows about an Excel class: used to tell "no such API" from "not emulated". */
export type MetadataLookup = (type: string) => ClassMetadata | undefined;

interface ObjectPathInfo {
  Id: number;
  ObjectPathType: number;
  Name: string;
  ParentObjectPathId?: number;
  ArgumentInfo?: ArgumentInfo;
}

interface ArgumentInfo {
  Arguments?: unknown[];
  ReferencedObjectPathIds?: unknown[];
}

interface ActionInfo {
  Id: number;
  ActionType: number;
  Name: string;
  ObjectPathId: number;
  ArgumentInfo?: ArgumentInfo;
  QueryInfo?: { Select?: string[]; Expand?: string[]; Top?: number; Skip?: number };
}

export interface RequestBody {
  Actions: ActionInfo[];
  ObjectPaths: Record<string, ObjectPathInfo>;
  AutoKeepReference?: boolean;
}

export interface ResponseBody {
  Results: { ActionId: number; Value?: unknown }[];
  TraceIds?: number[];
  Error?: { Code: string; Message: string; HttpStatusCode: number; ActionIndex: number; Location: string };
}

/** The Location of errors that are bugs of the harness rather than Excel behaviour. */
export const HARNESS_FAILURE = 'FakeExcel (harness failure)';

const camel = (pascal: string) => (pascal.startsWith('_') ? pascal : pascal.charAt(0).toLowerCase() + pascal.slice(1));
const pascal = (name: string) => (name.startsWith('_') ? name : name.charAt(0).toUpperCase() + name.slice(1));

/** Throws ApiNotFound when the host's requirement sets do not include the member. */
export type ApiCheck = (type: string, member: string, access?: 'set') => void;

export class RichApiServer {
  constructor(
    private readonly defs: Record<string, TypeDef>,
    private readonly meta: MetadataLookup,
    private readonly ctx: ServerContext,
    private readonly checkApi: ApiCheck = () => undefined,
  ) {}

  /** @internal */
  requireApi(type: string, member: string, access?: 'set'): void {
    this.checkApi(type, member, access);
  }

  execute(body: RequestBody): ResponseBody {
    return new RequestRun(this, body).run();
  }

  /** @internal */
  def(o: ServerObject): TypeDef {
    const d = this.defs[o.type];
    if (!d) throw new NotEmulatedError(o.type);
    return d;
  }

  /** @internal */
  get context(): ServerContext {
    return this.ctx;
  }

  /** @internal "Unknown" when the library has no such member, "not emulated" when it has and we don't. */
  missing(type: string, member: string): ExcelApiError {
    const m = this.meta(type);
    if (m && m.has(member)) return new NotEmulatedError(`${type}.${member}`);
    return new ExcelApiError('InvalidArgument', `${type} has no member '${member}' the client library knows of.`, 400, `${type}.${member}`);
  }

  /** @internal */
  metadata(type: string): ClassMetadata | undefined {
    return this.meta(type);
  }

  /** @internal */
  scalarName(type: string, originalName: string): string {
    const m = this.meta(type);
    const i = m ? m.scalarOriginalNames.indexOf(originalName) : -1;
    return i >= 0 ? m!.scalarNames[i] : camel(originalName);
  }

  /** @internal */
  originalScalarName(type: string, name: string): string {
    const m = this.meta(type);
    const i = m ? m.scalarNames.indexOf(name) : -1;
    return i >= 0 ? m!.scalarOriginalNames[i] : pascal(name);
  }
}

interface Resolved {
  obj: ServerObject | null;
  referenceId?: string;
}

class RequestRun {
  private readonly memo = new Map<number, Resolved>();
  private readonly results: ResponseBody['Results'] = [];
  private readonly traceIds: number[] = [];

  constructor(
    private readonly server: RichApiServer,
    private readonly body: RequestBody,
  ) {}

  run(): ResponseBody {
    const actions = this.body.Actions ?? [];
    for (let i = 0; i < actions.length; i++) {
      const action = actions[i];
      try {
        this.perform(action);
      } catch (e) {
        // A bug in the fake itself is reported like Excel's internal errors, and flagged (see index.ts).
        const err = e instanceof ExcelApiError ? e : new ExcelApiError('GeneralException', `FakeExcel failed: ${(e as Error)?.stack ?? e}`, 500, HARNESS_FAILURE);
        return {
          Results: this.results,
          ...(this.traceIds.length ? { TraceIds: this.traceIds } : {}),
          Error: { Code: err.code, Message: err.message, HttpStatusCode: err.httpStatusCode, ActionIndex: i, Location: err.location ?? '' },
        };
      }
    }
    return { Results: this.results, ...(this.traceIds.length ? { TraceIds: this.traceIds } : {}) };
  }

  private perform(action: ActionInfo): void {
    const ctx = this.server.context;
    switch (action.ActionType) {
      case 1: {
        // Instantiate: the object exists (or is a null object); report its id and kept reference.
        const r = this.resolve(action.ObjectPathId);
        this.results.push({ ActionId: action.Id, Value: r.obj ? this.idResult(r) : null });
        return;
      }
      case 2: {
        const r = this.resolve(action.ObjectPathId);
        const q = action.QueryInfo ?? {};
        this.results.push({ ActionId: action.Id, Value: r.obj ? this.query(r.obj, q.Select, q.Expand, q.Top, q.Skip) : null });
        return;
      }
      case 3: {
        const r = this.resolve(action.ObjectPathId);
        if (action.Name === '_KeepReference') {
          if (r.obj && !r.referenceId) {
            r.referenceId = ctx.newReferenceId();
            ctx.refs.set(r.referenceId, r.obj);
          }
          this.results.push({ ActionId: action.Id, Value: null });
          return;
        }
        const o = this.live(r, action.Name);
        const name = camel(action.Name);
        this.server.requireApi(o.type, name);
        const fn = this.server.def(o).methods?.[name];
        if (!fn) throw this.server.missing(o.type, name);
        const value = this.withLocation(`${o.type}.${name}`, () => fn(o, this.args(action.ArgumentInfo), ctx));
        if (isServerObject(value)) throw new NotEmulatedError(`${o.type}.${name} returning an object from a method action`);
        this.results.push({ ActionId: action.Id, Value: value ?? null });
        return;
      }
      case 4: {
        const r = this.resolve(action.ObjectPathId);
        const o = this.live(r, action.Name);
        const name = this.server.scalarName(o.type, action.Name);
        this.server.requireApi(o.type, name, 'set');
        const prop = this.server.def(o).scalars?.[name];
        if (!prop) throw this.server.missing(o.type, name);
        if (!prop.set) throw new ExcelApiError('InvalidArgument', `${o.type}.${name} is read-only.`, 400, `${o.type}.${name}`);
        const [value] = this.args(action.ArgumentInfo);
        this.withLocation(`${o.type}.${name}`, () => prop.set!(o, value, ctx));
        return;
      }
      case 5:
        this.traceIds.push(action.Id);
        return;
      default:
        throw new NotEmulatedError(`action type ${action.ActionType} (${action.Name || 'unnamed'})`);
    }
  }

  private live(r: Resolved, what: string): ServerObject {
    if (!r.obj) throw excelError('ItemNotFound', `${what} on a null object`);
    return r.obj;
  }

  private withLocation<T>(location: string, fn: () => T): T {
    try {
      return fn();
    } catch (e) {
      if (e instanceof ExcelApiError && !e.location) e.location = location;
      throw e;
    }
  }

  private idResult(r: Resolved): Record<string, unknown> {
    const o = r.obj!;
    const value: Record<string, unknown> = {};
    const id = this.server.def(o).id?.(o);
    if (id !== undefined) value.Id = id;
    if (r.referenceId) value._ReferenceId = r.referenceId;
    return value;
  }

  private resolve(pathId: number): Resolved {
    const cached = this.memo.get(pathId);
    if (cached) return cached;
    const info = this.body.ObjectPaths?.[String(pathId)];
    if (!info) throw new ExcelApiError('InvalidObjectPath', `Object path ${pathId} is not in the request.`, 400);
    const ctx = this.server.context;
    let resolved: Resolved;
    switch (info.ObjectPathType) {
      case 1:
        resolved = { obj: ctx.root };
        break;
      // Below a parent: 3 a method that returns an object, 4 a navigation property, 5 getItem.
      case 3:
      case 4:
      case 5: {
        const parent = this.resolve(info.ParentObjectPathId!).obj;
        // Below a null object (an *OrNullObject that was null) everything is null too.
        resolved = { obj: parent ? this.child(info, parent) : null };
        break;
      }
      case 6: {
        const obj = ctx.refs.get(info.Name);
        if (!obj) throw new ExcelApiError('InvalidObjectPath', `Reference ${info.Name} was released or never kept.`, 400);
        this.server.def(obj).check?.(obj, ctx);
        resolved = { obj, referenceId: info.Name };
        break;
      }
      case 7:
        resolved = { obj: null };
        break;
      default:
        throw new NotEmulatedError(`object path type ${info.ObjectPathType} (${info.Name})`);
    }
    if (resolved.obj) this.server.def(resolved.obj).check?.(resolved.obj, ctx);
    this.memo.set(pathId, resolved);
    return resolved;
  }

  /** The object a method (3), navigation property (4) or indexer (5) path gives below `parent`. */
  private child(info: ObjectPathInfo, parent: ServerObject): ServerObject | null {
    const ctx = this.server.context;
    const def = this.server.def(parent);
    if (info.ObjectPathType === 5) {
      this.server.requireApi(parent.type, 'getItem');
      const indexer = def.indexer;
      if (!indexer) throw this.server.missing(parent.type, 'getItem');
      const [key] = this.args(info.ArgumentInfo);
      return this.withLocation(`${parent.type}.getItem`, () => indexer(parent, key, ctx));
    }
    const name = camel(info.Name);
    this.server.requireApi(parent.type, name);
    if (info.ObjectPathType === 4) {
      const nav = def.nav?.[name];
      if (!nav) throw this.server.missing(parent.type, name);
      return this.withLocation(`${parent.type}.${name}`, () => nav(parent, ctx));
    }
    const fn = def.methods?.[name];
    if (!fn) throw this.server.missing(parent.type, name);
    const value = this.withLocation(`${parent.type}.${name}`, () => fn(parent, this.args(info.ArgumentInfo), ctx));
    if (value !== null && !isServerObject(value)) throw new NotEmulatedError(`${parent.type}.${name} as an object`);
    return value;
  }

  /** Arguments with client objects (sent as object path ids) replaced by the server objects. */
  private args(info: ArgumentInfo | undefined): unknown[] {
    const args = [...(info?.Arguments ?? [])];
    const refs = info?.ReferencedObjectPathIds;
    if (refs) {
      refs.forEach((ref, i) => {
        if (typeof ref === 'number' && ref !== 0) args[i] = this.resolve(ref).obj;
        else if (Array.isArray(ref)) throw new NotEmulatedError('arrays of objects as arguments');
      });
    }
    return args.map((a) => this.replaceNestedPaths(a));
  }

  private replaceNestedPaths(value: unknown): unknown {
    if (Array.isArray(value) || value === null || typeof value !== 'object' || isServerObject(value)) return value;
    const rec = value as Record<string, unknown>;
    if (typeof rec._ObjectPathId === 'number' && Object.keys(rec).length === 1) return this.resolve(rec._ObjectPathId).obj;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(rec)) out[k] = this.replaceNestedPaths(v);
    return out;
  }

  /** The value of a query: the selected scalars by their original (Pascal) names, navigation properties nested. */
  private query(o: ServerObject, select?: string[], expand?: string[], top?: number, skip?: number): unknown {
    const tree = selectionTree(select, expand);
    const def = this.server.def(o);
    if (def.items) {
      let items = def.items(o, this.server.context);
      if (skip) items = items.slice(skip);
      if (typeof top === 'number') items = items.slice(0, top);
      return { _Items: items.map((item) => this.queryItem(item, tree)) };
    }
    return this.queryObject(o, tree);
  }

  private queryItem(item: ServerObject, tree: Selection): unknown {
    const value = this.queryObject(item, tree) as Record<string, unknown>;
    const id = this.server.def(item).id?.(item);
    if (id !== undefined && value.Id === undefined) value._Id = id;
    return value;
  }

  private queryObject(o: ServerObject, tree: Selection): unknown {
    const def = this.server.def(o);
    const ctx = this.server.context;
    if (def.items) return { _Items: def.items(o, ctx).map((item) => this.queryItem(item, tree)) };
    const out: Record<string, unknown> = {};
    const meta = this.server.metadata(o.type);
    if (tree.all) {
      // load() without names, or '*': every scalar the host's version has and the fake can produce.
      // The rest stay unloaded, so reading one gives the library's PropertyNotLoaded; named, they fail loudly.
      const named = new Set(tree.children.map(([n]) => n));
      for (const name of meta?.scalarNames ?? Object.keys(def.scalars ?? {})) {
        const get = def.scalars?.[name]?.get;
        if (name.startsWith('_') || named.has(name) || !get) continue;
        try {
          this.server.requireApi(o.type, name);
          out[this.server.originalScalarName(o.type, name)] = get(o, ctx);
        } catch (e) {
          if (e instanceof NotEmulatedError || (e instanceof ExcelApiError && e.code === 'ApiNotFound')) continue;
          throw e;
        }
      }
    }
    for (const [name, sub] of tree.children) {
      this.server.requireApi(o.type, name);
      const scalar = def.scalars?.[name];
      if (sub === true && (scalar || meta?.scalarNames.includes(name))) {
        if (!scalar?.get) throw this.server.missing(o.type, name);
        out[this.server.originalScalarName(o.type, name)] = this.withLocation(`${o.type}.${name}`, () => scalar.get!(o, ctx));
        continue;
      }
      const nav = def.nav?.[name];
      if (!nav) throw this.server.missing(o.type, name);
      const child = this.withLocation(`${o.type}.${name}`, () => nav(o, ctx));
      out[pascal(name)] = child ? this.queryObject(child, sub === true ? { all: true, children: [] } : sub) : null;
    }
    return out;
  }
}

interface Selection {
  all: boolean;
  children: [string, Selection | true][];
}

/** 'format/fill/color' and 'format.fill.color' both select the colour under format.fill. */
function selectionTree(select?: string[], expand?: string[]): Selection {
  const root: Selection = { all: !select || select.length === 0, children: [] };
  const add = (path: string, leafAll: boolean) => {
    const parts = path.split(/[/.]/).filter(Boolean);
    let node = root;
    parts.forEach((part, i) => {
      if (part === '*') {
        node.all = true;
        return;
      }
      const last = i === parts.length - 1;
      let entry = node.children.find(([n]) => n === part);
      if (!entry) {
        entry = [part, last && !leafAll ? true : { all: leafAll && last, children: [] }];
        node.children.push(entry);
      } else if (last && leafAll && entry[1] !== true) entry[1].all = true;
      if (!last) {
        if (entry[1] === true) entry[1] = { all: true, children: [] };
        node = entry[1];
      }
    });
  };
  for (const s of select ?? []) add(s, false);
  for (const e of expand ?? []) add(e, true);
  return root;
}

export function isServerObject(v: unknown): v is ServerObject {
  return typeof v === 'object' && v !== null && typeof (v as ServerObject).type === 'string' && !Array.isArray(v) && Object.getPrototypeOf(v) !== Object.prototype;
}
