/**
 * Zoho's activity modules — Tasks, Events (shown as Meetings) and Calls — with the fields of a fresh org
 * (zoho-platform.md §4). What_Id plus `$se_module` links an activity to an account or deal.
 */
import {
  activityFields,
  boolean,
  date,
  datetime,
  field,
  integer,
  picklist,
  systemFields,
  text,
} from './builders';
import { CALL_TYPES, NONE, TASK_STATUSES } from './standard-picklists';
import type { ModuleSpec } from './standard-modules';

export const TASKS: ModuleSpec = {
  apiName: 'Tasks',
  singular: 'Task',
  plural: 'Tasks',
  generatedType: 'default',
  displayField: 'Subject',
  fields: [
    ...systemFields(),
    text('Subject', 'Subject', { mandatory: true }),
    date('Due_Date', 'Due Date'),
    picklist('Status', 'Status', TASK_STATUSES),
    picklist('Priority', 'Priority', ['High', 'Highest', 'Low', 'Lowest', 'Normal']),
    datetime('Closed_Time', 'Closed Time', { readOnly: true }),
    boolean('Send_Notification_Email', 'Send Notification Email'),
    ...activityFields(),
  ],
};

export const EVENTS: ModuleSpec = {
  apiName: 'Events',
  singular: 'Meeting',
  plural: 'Meetings',
  generatedType: 'default',
  displayField: 'Event_Title',
  fields: [
    ...systemFields(),
    text('Event_Title', 'Title', { mandatory: true }),
    text('Venue', 'Location'),
    boolean('All_day', 'All day'),
    datetime('Start_DateTime', 'From', { mandatory: true }),
    datetime('End_DateTime', 'To', { mandatory: true }),
    field('Participants', 'Participants', 'participants'),
    ...activityFields(),
  ],
};

export const CALLS: ModuleSpec = {
  apiName: 'Calls',
  singular: 'Call',
  plural: 'Calls',
  generatedType: 'default',
  displayField: 'Subject',
  fields: [
    ...systemFields(),
    text('Subject', 'Subject', { mandatory: true }),
    picklist('Call_Type', 'Call Type', CALL_TYPES, { mandatory: true }),
    picklist('Call_Purpose', 'Call Purpose', [
      NONE,
      'Prospecting',
      'Administrative',
      'Negotiation',
      'Demo',
      'Project',
      'Desk',
    ]),
    datetime('Call_Start_Time', 'Call Start Time', { mandatory: true }),
    // Zoho marks it system-mandatory but asks for it only for completed calls (the SDK special-cases it).
    text('Call_Duration', 'Call Duration', { length: 10, mandatory: true }),
    integer('Call_Duration_in_seconds', 'Call Duration (in seconds)', { readOnly: true }),
    picklist('Call_Result', 'Call Result', [
      NONE,
      'Interested',
      'Not interested',
      'No response',
      'Busy',
      'Requested more info',
      'Requested call back',
      'Invalid number',
    ]),
    text('Call_Agenda', 'Call Agenda', { length: 2000 }),
    ...activityFields(),
  ],
};
