/**
 * `GET /crm/v6/users?type=…`, `GET /crm/v6/users/{id}` and `GET /crm/v6/org`. The emulator's tokens belong
 * to the org's first administrator (`type=CurrentUser`).
 */
import type { Router } from 'express';
import type { EmulatorContext } from '../context';
import { charge, intParam, pathParam, queryString, route } from '../http/api';
import { errors, ZohoError } from '../http/zoho-error';
import type { RecordData } from '../store/record-store';

const TYPES = [
  'AllUsers',
  'ActiveUsers',
  'DeactiveUsers',
  'ConfirmedUsers',
  'NotConfirmedUsers',
  'DeletedUsers',
  'ActiveConfirmedUsers',
  'AdminUsers',
  'ActiveConfirmedAdmins',
  'CurrentUser',
];

function usersOfType(ctx: EmulatorContext, type: string): RecordData[] {
  const all = ctx.org.users.all();
  const active = (u: RecordData) => (u.status ?? 'active') === 'active';
  const admin = (u: RecordData) => (u.profile as { name?: string } | undefined)?.name === 'Administrator';
  switch (type) {
    case 'CurrentUser':
      return [ctx.org.users.current()];
    case 'ActiveUsers':
    case 'ActiveConfirmedUsers':
    case 'ConfirmedUsers':
      return all.filter(active);
    case 'DeactiveUsers':
      return all.filter((u) => !active(u));
    case 'AdminUsers':
      return all.filter(admin);
    case 'ActiveConfirmedAdmins':
      return all.filter((u) => admin(u) && active(u));
    case 'NotConfirmedUsers':
    case 'DeletedUsers':
      return [];
    default:
      return all;
  }
}

export function mountUsers(router: Router, ctx: EmulatorContext): void {
  router
    .route('/crm/v6/users')
    .get(
      route('GET /crm/v6/users', 'read', (req, res) => {
        const type = queryString(req, 'type') ?? 'AllUsers';
        if (!TYPES.includes(type)) throw errors.invalidParam('type', { supported_values: TYPES });
        const perPage = intParam(req, 'per_page', 200, 1, 200);
        const page = intParam(req, 'page', 1, 1, Number.MAX_SAFE_INTEGER);
        charge(ctx, res, 1);
        const list = usersOfType(ctx, type);
        const slice = list.slice((page - 1) * perPage, page * perPage);
        if (slice.length === 0) return void res.status(204).end();
        res.json({
          users: slice,
          info: { per_page: perPage, count: slice.length, page, more_records: list.length > page * perPage },
        });
      }),
    )
    .all(() => {
      throw errors.invalidMethod();
    });
  router
    .route('/crm/v6/users/:id')
    .get(
      route('GET /crm/v6/users/{id}', 'read', (req, res) => {
        const u = ctx.org.users.all().find((x) => String(x.id) === pathParam(req, 'id'));
        if (!u)
          throw new ZohoError(400, 'INVALID_DATA', 'the id given seems to be invalid', {
            resource_path_index: 1,
          });
        charge(ctx, res, 1);
        res.json({ users: [u] });
      }),
    )
    .all(() => {
      throw errors.invalidMethod();
    });
  router
    .route('/crm/v6/org')
    .get(
      route('GET /crm/v6/org', 'read', (_req, res) => {
        charge(ctx, res, 1);
        const admin = ctx.org.users.current();
        res.json({
          org: [
            {
              id: '3652397000000026001',
              company_name: 'エミュレータ株式会社',
              primary_email: admin.email ?? null,
              time_zone: 'Asia/Tokyo',
              iso_code: ctx.org.settings.currency,
              currency: ctx.org.settings.currency,
              currency_symbol: '¥',
              country_code: 'JP',
              zgid: '60012345600',
              domain_name: 'org60012345600',
              type: 'production',
              license_details: { paid: true, paid_type: 'enterprise', users_license_purchased: 100 },
            },
          ],
        });
      }),
    )
    .all(() => {
      throw errors.invalidMethod();
    });
}
