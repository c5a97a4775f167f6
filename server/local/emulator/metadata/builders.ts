/** Field constructors for the standard module tables: Zoho's own (server/zoho-model/builders.ts). */
export * from '../../../zoho-model/builders';
