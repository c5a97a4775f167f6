/**
 * Pages read as Zoho's JSON (server/zoho/sdk-raw.ts, issue 14) are the records the SDK's own objects
 * give, field for field — against the local CRM over HTTP, through the same SDK. And the wrap is
 * pinned to the SDK release it was written for: its decoding step must still be the one it wraps.
 */
import * as ZOHOCRMSDK from '@zohocrm/typescript-sdk-6.0';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { JSONConverter } from '@zohocrm/typescript-sdk-6.0/dist/utils/util/json_converter';
import type { SyncService } from '../../server/sync/sync-service';
import { keysetQuery, syncStreams } from '../../server/sync/streams';
import { Initializer } from '@zohocrm/typescript-sdk-6.0/dist/routes/initializer';
import { RAW_READ_SDK_VERSION, installRawReader, withSdkObjects } from '../../server/zoho/sdk-raw';
import { toPlainRecord } from '../support/sdk-objects';
import { USER_FIELDS } from '../../server/sync/users';
import { openService, shippedConfig, startCrmAfterData, tempDir, type Crm } from '../support/crm-harness';

const config = shippedConfig();
let crm: Crm;
let service: SyncService;

beforeAll(async () => {
  crm = await startCrmAfterData({ accounts: 8, seed: 'sdk-raw' });
  service = await openService(crm);
});

afterAll(async () => {
  service.close();
  await crm.stop();
});

test('the installed SDK is the release the raw reader wraps, and its decoding step is unchanged', () => {
  const pkg = JSON.parse(
    readFileSync(
      path.join(require.resolve('@zohocrm/typescript-sdk-6.0'), '..', '..', 'package.json'),
      'utf8',
    ),
  ) as { version: string };
  expect(pkg.version).toBe(RAW_READ_SDK_VERSION);
  // The file the wrap replaces for raw reads: body → JSON.parse → the SDK's objects.
  const source = readFileSync(
    require.resolve('@zohocrm/typescript-sdk-6.0/dist/utils/util/json_converter'),
    'utf8',
  );
  expect(source).toContain('async getWrappedResponse(response, pack) {');
  expect(source).toContain('var responseJson = JSON.parse(response.body);');
  expect(typeof JSONConverter.prototype.getWrappedResponse).toBe('function');
  // The field-details reader the cache wraps: the whole file read and parsed on every call.
  const init = readFileSync(require.resolve('@zohocrm/typescript-sdk-6.0/dist/routes/initializer'), 'utf8');
  expect(init).toMatch(
    /static getJSON\(filePath\) \{\s+let fs = require\('fs'\);\s+let fileData = fs\.readFileSync\(filePath\);\s+return JSON\.parse\(fileData\);/,
  );
  // The request getRecordsRaw makes as getRecords does, less its field-metadata step.
  const records = readFileSync(
    require.resolve('@zohocrm/typescript-sdk-6.0/dist/core/com/zoho/crm/api/record/record_operations'),
    'utf8',
  );
  expect(records).toMatch(
    new RegExp(
      [
        'async getRecords\\(paramInstance, headerInstance\\) \\{',
        'let handlerInstance = new common_api_handler_1\\.CommonAPIHandler\\(\\);',
        "let apiPath = '';",
        'apiPath = apiPath\\.concat\\("/crm/v6/"\\);',
        'apiPath = apiPath\\.concat\\(this\\.moduleAPIName\\.toString\\(\\)\\);',
        'handlerInstance\\.setAPIPath\\(apiPath\\);',
        'handlerInstance\\.setHttpMethod\\(constants_1\\.Constants\\.REQUEST_METHOD_GET\\);',
        'handlerInstance\\.setCategoryMethod\\(constants_1\\.Constants\\.REQUEST_CATEGORY_READ\\);',
        'handlerInstance\\.setParam\\(paramInstance\\);',
        'handlerInstance\\.setHeader\\(headerInstance\\);',
        'handlerInstance\\.setModuleAPIName\\(this\\.moduleAPIName\\);',
        'await utility_1\\.Utility\\.getFields\\(this\\.moduleAPIName, handlerInstance\\)\\.catch\\(err => \\{ throw err; \\}\\);',
        'let ResponseHandler = require\\.resolve\\("\\./response_handler"\\);',
        'return handlerInstance\\.apiCall\\(ResponseHandler, "application/json"\\);',
      ].join('\\s+'),
    ),
  );
  // A record write's answer is read raw by its headers (`readRaw` on the HeaderMap the gateway passes):
  // the SDK keeps the map as the handler's `headers`, which the wrap looks at.
  for (const method of ['createRecords', 'updateRecords'])
    expect(records).toMatch(
      new RegExp(
        `async ${method}\\(request, headerInstance\\) \\{[\\s\\S]{0,600}?handlerInstance\\.setHeader\\(headerInstance\\);[\\s\\S]{0,400}?action_handler`,
      ),
    );
  const handler = readFileSync(
    require.resolve('@zohocrm/typescript-sdk-6.0/dist/routes/middlewares/common_api_handler'),
    'utf8',
  );
  // A handler's headers start empty (constructor), so the map given is kept as the handler's own.
  expect(handler).toContain('this.headers = new header_map_1.HeaderMap();');
  expect(handler).toMatch(/setHeader\(header\) \{[\s\S]{0,400}else \{\s+this\.headers = header;/);
  // The requires cacheRequires answers: a model class required by a path relative to the SDK's files,
  // per object converted (the answer's records; each value of a record written).
  expect(source).toContain('Promise.resolve().then(() => __importStar(require(_a))))).MasterModel;');
  expect(
    readFileSync(require.resolve('@zohocrm/typescript-sdk-6.0/dist/utils/util/converter'), 'utf8'),
  ).toContain(
    'let className = (await (_c = "../../" + expectedStructure, Promise.resolve().then(() => __importStar(require(_c))))).MasterModel;',
  );
  // The class-table lookup whose answers are kept: a pure function of the class name and the table.
  expect(source).toMatch(
    /async keyINJSONDetails\(className\) \{\s+let jsondetails = initializer_1\.Initializer\.jsonDetails;\s+for \(var key in jsondetails\) \{/,
  );
});

test("the class-table lookup, kept per class name, answers as the SDK's own does", async () => {
  installRawReader();
  const converter = Object.create(JSONConverter.prototype) as {
    keyINJSONDetails(name: string): Promise<string | null>;
  };
  const table = Initializer.jsonDetails as Record<string, unknown>;
  // the SDK's answer, computed here the way json_converter.js does
  const expected = (name: string) =>
    Object.keys(table).find(
      (k) => (k.split('/').at(-1) ?? '').split('_').join('').toLowerCase() === name.toLowerCase(),
    ) ?? null;
  for (const name of ['Record', 'Choice', 'MinifiedUser', 'BodyWrapper', 'NoSuchClass'])
    expect(await converter.keyINJSONDetails(name)).toBe(expected(name));
  expect(expected('Record')).not.toBeNull();
});

test('the field-details file is parsed once while it is unchanged, with the same content; a rewritten file is read again', () => {
  installRawReader();
  const dir = tempDir('field-details-');
  const file = path.join(dir, 'fields.json');
  try {
    const first = { deals: { Stage: { name: 'Stage', type: 'Choice' } } };
    writeFileSync(file, JSON.stringify(first));
    const a = Initializer.getJSON(file) as unknown;
    expect(a).toEqual(first);
    expect(Initializer.getJSON(file)).toBe(a);
    const second = { ...first, accounts: { Industry: { name: 'Industry', type: 'Choice' } } };
    writeFileSync(file, JSON.stringify(second)); // as the SDK does when it learns a module's fields
    const b = Initializer.getJSON(file) as unknown;
    expect(b).toEqual(second);
    expect(Initializer.getJSON(file)).toBe(b);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** The same page through the SDK's objects (outside a raw read), as the gateway used to return it. */
async function sdkPage(module: string, stream: ReturnType<typeof syncStreams>[number]) {
  const types = await service.gateway.fieldTypes(module);
  if (stream.method === 'coql') {
    const body = new ZOHOCRMSDK.Coql.BodyWrapper();
    body.setSelectQuery(
      keysetQuery(module, stream.fields, { time: '1970-01-01T00:00:00+00:00', id: null }, 200),
    );
    const res = await withSdkObjects(() => new ZOHOCRMSDK.Coql.CoqlOperations().getRecords(body));
    const obj = res.getObject();
    expect(obj).toBeInstanceOf(ZOHOCRMSDK.Coql.ResponseWrapper);
    return ((obj as ZOHOCRMSDK.Coql.ResponseWrapper).getData() ?? []).map((r) => toPlainRecord(r, types));
  }
  const params = new ZOHOCRMSDK.ParameterMap();
  const P = ZOHOCRMSDK.Record.GetRecordsParam;
  await params.add(P.FIELDS, stream.fields.join(','));
  await params.add(P.PER_PAGE, 200);
  await params.add(P.PAGE, 1);
  await params.add(P.SORT_BY, 'Modified_Time');
  await params.add(P.SORT_ORDER, 'asc');
  const res = await withSdkObjects(() => new ZOHOCRMSDK.Record.RecordOperations(module).getRecords(params));
  const obj = res.getObject();
  expect(obj).toBeInstanceOf(ZOHOCRMSDK.Record.ResponseWrapper);
  return ((obj as ZOHOCRMSDK.Record.ResponseWrapper).getData() ?? []).map((r) => toPlainRecord(r, types));
}

test.each(['accounts', 'contacts', 'deals', 'events', 'accountPlans'] as const)(
  '%s: a raw page is the records the SDK objects give (lookups, owners, subforms, datetimes in UTC)',
  async (key) => {
    const stream = syncStreams(config).find((s) => s.module === key);
    if (!stream) throw new Error(key);
    const module = config.fields.modules[key];
    const raw =
      stream.method === 'coql'
        ? (
            await service.gateway.coql(
              module,
              keysetQuery(module, stream.fields, { time: '1970-01-01T00:00:00+00:00', id: null }, 200),
              200,
            )
          ).data
        : (
            await service.gateway.listRecords(module, {
              fields: stream.fields,
              perPage: 200,
              page: 1,
              sortBy: 'Modified_Time',
              sortOrder: 'asc',
            })
          ).data;
    expect(raw.length).toBeGreaterThan(0);
    expect(raw).toEqual(await sdkPage(module, stream));
    expect(String(raw[0]?.Modified_Time)).toMatch(/\+00:00$/);
  },
);

test('activity datetimes the SDK leaves as text come back in UTC: the same instant', async () => {
  const stream = syncStreams(config).find((s) => s.module === 'calls');
  if (!stream) throw new Error('calls');
  const module = config.fields.modules.calls;
  const start = config.fields.call.start;
  const raw = (
    await service.gateway.coql(
      module,
      keysetQuery(module, stream.fields, { time: '1970-01-01T00:00:00+00:00', id: null }, 200),
      200,
    )
  ).data;
  const sdk = await sdkPage(module, stream);
  expect(raw.length).toBe(sdk.length);
  raw.forEach((r, i) => {
    const s = sdk[i] as Record<string, unknown>;
    expect(String(r[start])).toMatch(/\+00:00$/);
    expect(Date.parse(String(r[start]))).toBe(Date.parse(String(s[start])));
    expect({ ...r, [start]: null }).toEqual({ ...s, [start]: null });
  });
});

describe('field metadata and users, read raw (our calls only)', () => {
  /** A module's fields through the SDK's own objects, as the gateway used to read them. */
  async function sdkFields(module: string) {
    const params = new ZOHOCRMSDK.ParameterMap();
    await params.add(ZOHOCRMSDK.Fields.GetFieldsParam.MODULE, module);
    const obj = (await new ZOHOCRMSDK.Fields.FieldsOperations().getFields(params)).getObject();
    // Unmarked parameters: the SDK decodes the answer, as its own metadata reads before a write need.
    expect(obj).toBeInstanceOf(ZOHOCRMSDK.Fields.ResponseWrapper);
    return ((obj as ZOHOCRMSDK.Fields.ResponseWrapper).getFields() ?? []).map((f) => ({
      api_name: f.getAPIName(),
      data_type: f.getDataType(),
      subform_module: f.getAssociatedModule()?.getModule() ?? null,
    }));
  }

  test.each(['Accounts', 'Events', 'Account_Plans'])(
    '%s: the fields read raw are the ones the SDK objects give, subform modules included',
    async (module) => {
      const raw = await service.gateway.getFields(module);
      expect(raw.length).toBeGreaterThan(5);
      expect(raw).toEqual(await sdkFields(module));
    },
  );

  test('a subform field names its rows module (Account_Plans → its updates), and its fields are typed', async () => {
    const fields = await service.gateway.getFields(config.fields.modules.accountPlans);
    const subform = fields.find((f) => f.data_type === 'subform');
    expect(subform?.subform_module).toEqual(expect.any(String));
    const types = await service.gateway.fieldTypes(config.fields.modules.accountPlans);
    for (const f of await service.gateway.getFields(subform?.subform_module as string))
      expect(types.get(f.api_name)).toBeDefined();
  });

  test("the users read raw are the SDK objects' users, field for field", async () => {
    const raw = await service.gateway.listUsers('ActiveUsers', 1);
    const params = new ZOHOCRMSDK.ParameterMap();
    await params.add(ZOHOCRMSDK.Users.GetUsersParam.TYPE, new ZOHOCRMSDK.Choice('ActiveUsers'));
    await params.add(ZOHOCRMSDK.Users.GetUsersParam.PAGE, 1);
    await params.add(ZOHOCRMSDK.Users.GetUsersParam.PER_PAGE, 200);
    const obj = (await new ZOHOCRMSDK.Users.UsersOperations().getUsers(params)).getObject();
    expect(obj).toBeInstanceOf(ZOHOCRMSDK.Users.ResponseWrapper);
    const sdk = ((obj as ZOHOCRMSDK.Users.ResponseWrapper).getUsers() ?? []).map((u) =>
      toPlainRecord(u, new Map()),
    );
    expect(raw.data.length).toBeGreaterThan(1);
    expect(raw.more).toBe(false);
    // What the mirror keeps of a user (server/sync/users.ts); datetimes aside (the SDK made them UTC).
    const kept = (u: Record<string, unknown>) =>
      Object.fromEntries(USER_FIELDS.map((k) => [k, u[k] ?? null]));
    expect(raw.data.map(kept)).toEqual(sdk.map(kept));
    expect(raw.data[0]?.role).toEqual({ name: expect.any(String), id: expect.any(String) });
  });
});
