/** The CRM's field and module model lives with the product's schema (server/crm-schema/). */
export * from '../../../crm-schema/types';
