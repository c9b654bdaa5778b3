// Intune's own audit log (GET /deviceManagement/auditEvents): one event for every remote action it accepted,
// whose correlationId is the caller's client-request-id, so a console can tie the event back to its record.
// Actions started in the admin center are logged too, under the admin center's app.
import { randomUUID } from 'node:crypto';
import type { StoredDevice } from '../tenant/types';
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
  private events: { at: number; seq: number; event: AuditEvent }[] = [];

  record(e: {
    action: string;
    device: StoredDevice;
    user: { userPrincipalName: string; id: string };
    appId: string;
    appName: string;
    correlationId: string;
    at: number;
  }): void {
    const activity = `${e.action} ManagedDevice`;
    const event: AuditEvent = {
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
    };
    this.events.push({ at: e.at, seq: this.events.length, event });
  }

  /** Newest first, as the admin center lists them (an admin-center action may be logged as of an earlier time). */
  list(filter: { correlationId?: string; resourceId?: string } = {}): AuditEvent[] {
    return [...this.events]
      .sort((a, b) => b.at - a.at || b.seq - a.seq)
      .map((x) => x.event)
      .filter(
        (e) =>
          (!filter.correlationId ||
            e.correlationId.toLowerCase() === filter.correlationId.toLowerCase()) &&
          (!filter.resourceId || e.resources.some((r) => r.resourceId === filter.resourceId)),
      );
  }

  clear(): void {
    this.events = [];
  }
}
