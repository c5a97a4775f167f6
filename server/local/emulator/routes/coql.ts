/**
 * `POST /crm/v6/coql` `{ "select_query": "…" }`. Credits by the query's LIMIT (1/2/3); 204 when no
 * row matches.
 */
import type { Router } from 'express';
import type { EmulatorContext } from '../context';
import { charge, jsonBody, noContent, route } from '../http/api';
import { errors } from '../http/zoho-error';
import { coqlCredits, prepareCoql, runCoql } from '../query/coql';

export function mountCoql(router: Router, ctx: EmulatorContext): void {
  router
    .route('/crm/v6/coql')
    .post(
      route('POST /crm/v6/coql', 'read', (req, res) => {
        const body = jsonBody(req);
        const query = prepareCoql(body.select_query);
        charge(ctx, res, coqlCredits(query.limit));
        const result = runCoql(ctx.org, query);
        if (result.data.length === 0) return noContent(res);
        res.json(result);
      }),
    )
    .all(() => {
      throw errors.invalidMethod();
    });
}
