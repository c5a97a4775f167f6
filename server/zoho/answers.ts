/**
 * Zoho's JSON answers, decoded with zod at the gateway (STYLE §8: parse at the edges) instead of
 * cast: what the service reads from a page of records, a write's per-record results, an error body
 * and the token endpoint. Extra keys are kept (Zoho adds fields); a missing or mistyped key the
 * service needs is a clear error for that call or that record, never a crash further in.
 */
import { z } from 'zod';

const text = z.string();

/**
 * A row's id (a number is kept as a string). Rows are checked for an object with this id, not copied
 * through a schema: a full sync reads 400k of them and keeps every other key as Zoho sent it.
 */
export const recordIdSchema = z.union([text.min(1), z.number().transform(String)], {
  error: 'no id (a non-empty string or a number)',
});

/**
 * A page of records: `{ data: [...], info: { more_records, next_page_token } }`. The rows are checked
 * one by one where they are read (a 2,000-row page is not copied element by element here).
 */
export const recordPageSchema = z.looseObject({
  data: z.custom<unknown[]>((v) => Array.isArray(v), { error: 'expected array' }),
  info: z
    .looseObject({
      more_records: z.boolean().optional().catch(undefined),
      next_page_token: text.nullable().optional().catch(undefined),
    })
    .optional()
    .catch(undefined),
});

/**
 * GET /settings/fields: `{ fields: [...] }`, each with its API name and data type; a subform field
 * names the module its rows are described in (`associated_module.module`).
 */
export const fieldsAnswerSchema = z.looseObject({
  fields: z.array(
    z.looseObject({
      api_name: text.min(1),
      data_type: text.min(1),
      associated_module: z
        .looseObject({ module: text.min(1) })
        .nullable()
        .optional()
        .catch(undefined),
    }),
  ),
});

/** GET /users: `{ users: [...], info: { more_records } }`, each user with an id (kept as a string). */
export const usersAnswerSchema = z.looseObject({
  users: z.array(z.looseObject({ id: recordIdSchema })),
  info: z
    .looseObject({ more_records: z.boolean().optional().catch(undefined) })
    .optional()
    .catch(undefined),
});

/** An error body `{ code, message }` (both optional: whatever Zoho sent, typed). */
export const errorBodySchema = z
  .looseObject({
    code: text.optional().catch(undefined),
    message: text.optional().catch(undefined),
  })
  .catch({});

/** One element of a write's `data[]`. */
export const recordResultSchema = z.looseObject({
  status: text.optional().catch(undefined),
  code: text.optional().catch(undefined),
  message: text.optional().catch(undefined),
  details: z.record(z.string(), z.unknown()).optional().catch(undefined),
});

/** The token endpoint's answer: a token, or `{ error, error_description }`. */
export const tokenAnswerSchema = z
  .looseObject({
    access_token: text.optional().catch(undefined),
    expires_in: z.number().optional().catch(undefined),
    expires_in_sec: z.number().optional().catch(undefined),
    api_domain: text.optional().catch(undefined),
    error: text.optional().catch(undefined),
    error_description: text.optional().catch(undefined),
  })
  .catch({});

/** The first problem of a failed decode, as one line ("data.3.id: …"). */
export function firstIssue(e: z.ZodError): string {
  const i = e.issues[0];
  if (!i) return 'malformed';
  return `${i.path.length > 0 ? i.path.join('.') : 'the answer'}: ${i.message}`;
}
