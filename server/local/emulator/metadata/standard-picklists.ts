/**
 * Zoho's default values of the standard picklists the emulator's modules carry (a fresh org's values;
 * orgs may rename them).
 */
export const NONE = '-None-';
export const LEAD_SOURCES = [
  NONE,
  'Advertisement',
  'Cold Call',
  'Employee Referral',
  'External Referral',
  'Online Store',
  'Partner',
  'Public Relations',
  'Sales Email Alias',
  'Seminar Partner',
  'Internal Seminar',
  'Trade Show',
  'Web Download',
  'Web Research',
  'Chat',
];
export const INDUSTRIES = [
  NONE,
  'ASP (Application Service Provider)',
  'Data/Telecom OEM',
  'ERP (Enterprise Resource Planning)',
  'Government/Military',
  'Large Enterprise',
  'ManagementISV',
  'MSP (Management Service Provider)',
  'Network Equipment Enterprise',
  'Non-management ISV',
  'Optical Networking',
  'Service Provider',
  'Small/Medium Enterprise',
  'Storage Equipment',
  'Storage Service Provider',
  'Systems Integrator',
  'Wireless Industry',
  'Communications',
  'Consulting',
  'Education',
  'Financial Services',
  'Food & Beverage',
  'Healthcare',
  'Manufacturing',
  'Retail',
  'Technology',
  'Transportation',
  'Real Estate',
  'Energy',
];
export const TASK_STATUSES = ['Not Started', 'Deferred', 'In Progress', 'Completed', 'Waiting for input'];
export const CALL_TYPES = ['Outbound', 'Inbound', 'Missed'];
