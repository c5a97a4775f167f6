/** Field constructors live with the product's schema (server/crm-schema/). */
export * from '../../../crm-schema/builders';
