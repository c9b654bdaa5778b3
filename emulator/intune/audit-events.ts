// Intune's own audit log (GET /deviceManagement/auditEvents): one event for every remote action it accepted,
// whose correlationId is the caller's client-request-id, so a console can tie the event back to its record.
import { randomUUID } from 'node:crypto';
import type { DirectoryUser, StoredDevice } from '../tenant/types';
import { graphTime } from './actions';

export interface AuditEvent {
  '@odata.type': '#microsoft.graph.auditEvent';
  id: string;
  displayName: string;
  componentName: string;
  actor: {
    '@odata.type': 'microsoft.graph.auditActor';
    type: string;
    auditActorType: string;
    userPermissions: string[];
    applicationId: string;
    applicationDisplayName: string;
    userPrincipalName: string;
    servicePrincipalName: string | null;
    ipAddress: string;
    userId: string;
  };
  activity: string;
  activityDateTime: string;
  activityType: string;
  activityOperationType: string;
  activityResult: string;
  correlationId: string;
  resources: {
    '@odata.type': 'microsoft.graph.auditResource';
    displayName: string;
    modifiedProperties: never[];
    type: string;
    auditResourceType: string;
    resourceId: string;
  }[];
  category: string;
}

export class AuditEventLog {
  private events: AuditEvent[] = [];

  record(e: {
    action: string;
    device: StoredDevice;
    user: DirectoryUser;
    appId: string;
    appName: string;
    correlationId: string;
    at: number;
  }): void {
    const activity = `${e.action} ManagedDevice`;
    this.events.push({
      '@odata.type': '#microsoft.graph.auditEvent',
      id: randomUUID(),
      displayName: activity,
      componentName: 'DeviceActions',
      actor: {
        '@odata.type': 'microsoft.graph.auditActor',
        type: 'ItPro',
        auditActorType: 'ItPro',
        userPermissions: ['*'],
        applicationId: e.appId,
        applicationDisplayName: e.appName,
        userPrincipalName: e.user.userPrincipalName,
        servicePrincipalName: null,
        ipAddress: '127.0.0.1',
        userId: e.user.id,
      },
      activity,
      activityDateTime: graphTime(e.at),
      activityType: activity,
      activityOperationType: 'Action',
      activityResult: 'Success',
      correlationId: e.correlationId,
      resources: [
        {
          '@odata.type': 'microsoft.graph.auditResource',
          displayName: e.device.graph.deviceName,
          modifiedProperties: [],
          type: 'ManagedDevice',
          auditResourceType: 'ManagedDevice',
          resourceId: e.device.graph.id,
        },
      ],
      category: 'Device',
    });
  }

  /** Newest first, as the admin center lists them. */
  list(filter: { correlationId?: string; resourceId?: string } = {}): AuditEvent[] {
    return this.events
      .filter(
        (e) =>
          (!filter.correlationId ||
            e.correlationId.toLowerCase() === filter.correlationId.toLowerCase()) &&
          (!filter.resourceId || e.resources.some((r) => r.resourceId === filter.resourceId)),
      )
      .slice()
      .reverse();
  }

  clear(): void {
    this.events = [];
  }
}
