/**
 * The standard modules of a fresh Zoho CRM org with the fields DESIGN §2 reads plus the others a real
 * org has that matter to API clients (zoho-platform.md §4, TSSDK record/field.ts). Picklist values are
 * Zoho's defaults.
 */
import {
  boolean,
  currency,
  date,
  datetime,
  field,
  integer,
  lookup,
  picklist,
  systemFields,
  text,
  textarea,
  type FieldSpec,
} from './builders';
import { dealStageOptions } from './deal-stages';
import { CALLS, EVENTS, TASKS } from './standard-activities';
import { INDUSTRIES, LEAD_SOURCES, NONE } from './standard-picklists';
import type { ModuleSpec } from './builders';

export type { ModuleSpec };

const address = (prefix: string, label: string, parts: [string, string][]): FieldSpec[] =>
  parts.map(([suffix, partLabel]) => text(`${prefix}_${suffix}`, `${label} ${partLabel}`, { length: 250 }));

const ACCOUNTS: ModuleSpec = {
  apiName: 'Accounts',
  singular: 'Account',
  plural: 'Accounts',
  generatedType: 'default',
  displayField: 'Account_Name',
  fields: [
    ...systemFields(),
    text('Account_Name', 'Account Name', { length: 200, mandatory: true }),
    text('Account_Site', 'Account Site', { length: 80 }),
    lookup('Parent_Account', 'Parent Account', 'Accounts'),
    text('Account_Number', 'Account Number', { length: 40 }),
    picklist('Account_Type', 'Account Type', [
      NONE,
      'Analyst',
      'Competitor',
      'Customer',
      'Distributor',
      'Integrator',
      'Investor',
      'Other',
      'Partner',
      'Press',
      'Prospect',
      'Reseller',
      'Supplier',
      'Vendor',
    ]),
    picklist('Industry', 'Industry', INDUSTRIES),
    currency('Annual_Revenue', 'Annual Revenue'),
    picklist('Rating', 'Rating', [
      NONE,
      'Acquired',
      'Active',
      'Market Failed',
      'Project Cancelled',
      'Shut Down',
    ]),
    field('Phone', 'Phone', 'phone'),
    field('Fax', 'Fax', 'phone'),
    field('Website', 'Website', 'website'),
    text('Ticker_Symbol', 'Ticker Symbol', { length: 30 }),
    picklist('Ownership', 'Ownership', [
      NONE,
      'Other',
      'Private',
      'Public',
      'Subsidiary',
      'Partnership',
      'Government',
      'Privately Held',
      'Public Company',
    ]),
    integer('Employees', 'Employees'),
    integer('SIC_Code', 'SIC Code'),
    ...address('Billing', 'Billing', [
      ['Street', 'Street'],
      ['City', 'City'],
      ['State', 'State'],
      ['Code', 'Code'],
      ['Country', 'Country'],
    ]),
    ...address('Shipping', 'Shipping', [
      ['Street', 'Street'],
      ['City', 'City'],
      ['State', 'State'],
      ['Code', 'Code'],
      ['Country', 'Country'],
    ]),
    textarea('Description', 'Description'),
    datetime('Last_Activity_Time', 'Last Activity Time', { readOnly: true }),
  ],
};

const CONTACTS: ModuleSpec = {
  apiName: 'Contacts',
  singular: 'Contact',
  plural: 'Contacts',
  generatedType: 'default',
  displayField: 'Full_Name',
  fields: [
    ...systemFields(),
    picklist('Lead_Source', 'Lead Source', LEAD_SOURCES),
    picklist('Salutation', 'Salutation', [NONE, 'Mr.', 'Mrs.', 'Ms.', 'Dr.', 'Prof.']),
    text('First_Name', 'First Name', { length: 40 }),
    text('Last_Name', 'Last Name', { length: 80, mandatory: true }),
    text('Full_Name', 'Contact Name', { length: 120, readOnly: true }),
    lookup('Account_Name', 'Account Name', 'Accounts'),
    field('Email', 'Email', 'email'),
    field('Secondary_Email', 'Secondary Email', 'email'),
    text('Title', 'Title', { length: 100 }),
    text('Department', 'Department', { length: 100 }),
    field('Phone', 'Phone', 'phone'),
    field('Home_Phone', 'Home Phone', 'phone'),
    field('Other_Phone', 'Other Phone', 'phone'),
    field('Fax', 'Fax', 'phone'),
    field('Mobile', 'Mobile', 'phone'),
    text('Assistant', 'Assistant', { length: 40 }),
    field('Asst_Phone', 'Asst Phone', 'phone'),
    lookup('Reporting_To', 'Reporting To', 'Contacts'),
    date('Date_of_Birth', 'Date of Birth'),
    boolean('Email_Opt_Out', 'Email Opt Out'),
    ...address('Mailing', 'Mailing', [
      ['Street', 'Street'],
      ['City', 'City'],
      ['State', 'State'],
      ['Zip', 'Zip'],
      ['Country', 'Country'],
    ]),
    textarea('Description', 'Description'),
    datetime('Last_Activity_Time', 'Last Activity Time', { readOnly: true }),
  ],
};

const DEALS: ModuleSpec = {
  apiName: 'Deals',
  singular: 'Deal',
  plural: 'Deals',
  generatedType: 'default',
  displayField: 'Deal_Name',
  fields: [
    ...systemFields(),
    currency('Amount', 'Amount'),
    text('Deal_Name', 'Deal Name', { length: 120, mandatory: true }),
    date('Closing_Date', 'Closing Date', { mandatory: true }),
    lookup('Account_Name', 'Account Name', 'Accounts'),
    field('Stage', 'Stage', 'picklist', { picklist: dealStageOptions(), mandatory: true }),
    picklist('Type', 'Type', [NONE, 'Existing Business', 'New Business']),
    integer('Probability', 'Probability (%)', { length: 3 }),
    currency('Expected_Revenue', 'Expected Revenue', { readOnly: true }),
    text('Next_Step', 'Next Step', { length: 100 }),
    picklist('Lead_Source', 'Lead Source', LEAD_SOURCES),
    lookup('Contact_Name', 'Contact Name', 'Contacts'),
    textarea('Description', 'Description'),
    datetime('Last_Activity_Time', 'Last Activity Time', { readOnly: true }),
  ],
};

const LEADS: ModuleSpec = {
  apiName: 'Leads',
  singular: 'Lead',
  plural: 'Leads',
  generatedType: 'default',
  displayField: 'Full_Name',
  fields: [
    ...systemFields(),
    text('Company', 'Company', { length: 200 }),
    text('First_Name', 'First Name', { length: 40 }),
    text('Last_Name', 'Last Name', { length: 80, mandatory: true }),
    text('Full_Name', 'Lead Name', { length: 120, readOnly: true }),
    text('Designation', 'Title', { length: 100 }),
    field('Email', 'Email', 'email'),
    field('Phone', 'Phone', 'phone'),
    picklist('Lead_Source', 'Lead Source', LEAD_SOURCES),
    picklist('Lead_Status', 'Lead Status', [
      NONE,
      'Attempted to Contact',
      'Contact in Future',
      'Contacted',
      'Junk Lead',
      'Lost Lead',
      'Not Contacted',
      'Pre-Qualified',
      'Not Qualified',
    ]),
    picklist('Industry', 'Industry', INDUSTRIES),
    textarea('Description', 'Description'),
  ],
};

export const STANDARD_MODULES: readonly ModuleSpec[] = [
  LEADS,
  ACCOUNTS,
  CONTACTS,
  DEALS,
  TASKS,
  EVENTS,
  CALLS,
];

/** Modules Zoho lists in `settings/modules` that the API cannot read. */
export const NON_API_MODULES: readonly ModuleSpec[] = [
  {
    apiName: 'Home',
    singular: 'Home',
    plural: 'Home',
    generatedType: 'default',
    displayField: '',
    apiSupported: false,
    fields: [],
  },
  {
    apiName: 'Feeds',
    singular: 'Feeds',
    plural: 'Feeds',
    generatedType: 'default',
    displayField: '',
    apiSupported: false,
    fields: [],
  },
];
