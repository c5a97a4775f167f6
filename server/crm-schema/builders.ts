/** Field constructors for the product's schema: Zoho's own (server/zoho-model/builders.ts). */
export * from '../zoho-model/builders';
