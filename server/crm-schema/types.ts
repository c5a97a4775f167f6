/** The field model of the product's schema: Zoho's own (server/zoho-model/fields.ts). */
export * from '../zoho-model/fields';
