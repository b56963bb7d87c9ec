/**
 * Dev-only fixtures of the admin harness: the sandbox demo's contract database (exported from
 * `npm start`, parsed with the real schema so a stale fixture fails loudly) and Jira names shaped
 * like the `admin/jira-options` answer.
 */
import { jiraOptionsDataSchema, type JiraOptionsData } from '../../../src/contract/admin-api';
import { contractDatabaseSchema, type ContractDatabase } from '../../../src/contract/contract-database';
import demoDatabaseJson from './demo-database.json';

export function buildDemoDatabase(): ContractDatabase {
  return contractDatabaseSchema.parse(demoDatabaseJson);
}

export function buildEmptyDatabase(): ContractDatabase {
  return contractDatabaseSchema.parse({ schemaVersion: 2 });
}

export const demoJiraOptions: JiraOptionsData = jiraOptionsDataSchema.parse({
  priorities: ['Highest', 'High', 'Medium', 'Low', 'Lowest', 'Blocker'],
  statuses: [
    { name: 'Open', category: 'new' },
    { name: 'In Progress', category: 'indeterminate' },
    { name: 'Waiting for customer', category: 'indeterminate' },
    { name: 'Waiting for supplier', category: 'indeterminate' },
    { name: 'Resolved', category: 'done' },
    { name: 'Closed', category: 'done' },
  ],
  serviceDesks: [
    {
      id: '1',
      name: 'IT Support',
      projectId: '10000',
      requestTypes: [
        { id: '1', name: 'E-mail problem' },
        { id: '2', name: 'Printer problem' },
        { id: '3', name: 'Network problem' },
        { id: '4', name: 'New workplace' },
        { id: '5', name: 'Other' },
      ],
    },
    { id: '2', name: 'Facilities', projectId: '10001', requestTypes: [] },
  ],
  components: [
    { name: 'E-mail', projects: ['IT Support'] },
    { name: 'Network', projects: ['IT Support'] },
    { name: 'Printing', projects: ['IT Support'] },
    { name: 'Workplace', projects: ['IT Support'] },
  ],
  labels: ['email', 'network', 'portal', 'vip', 'vpn'],
  labelsComplete: true,
  organizations: [
    { id: '1', name: 'Acme Logistics' },
    { id: '2', name: 'Globex Retail' },
    { id: '3', name: 'Initech Finance' },
  ],
});
