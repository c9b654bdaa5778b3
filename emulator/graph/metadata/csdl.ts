// GET /v1.0/$metadata and /beta/$metadata: Graph's CSDL, generated from Microsoft's v1.0 metadata extract
// (graph-v1-managed-device.json, from msgraph-metadata clean_v10_metadata). It covers managedDevice, its enums,
// complex types and action results, and the bound actions on it, only: Graph's own document describes the whole
// service. Beta's differs where the emulator serves beta: its enum members (from @microsoft/microsoft-graph-types-
// beta, kept exhaustive by the type check) and remoteActionAudit.
import type * as Beta from '@microsoft/microsoft-graph-types-beta';
import type { GraphVersion } from '../versions';
import metadata from './graph-v1-managed-device.json';

interface PropertySpec {
  name: string;
  type: string;
  nullable: boolean;
}

const list = <T extends string>(members: Record<T, true>): T[] => Object.keys(members) as T[];

/** Beta's members where they differ from v1.0's (an extra or a missing member fails the type check). */
const BETA_ENUMS: Record<string, string[]> = {
  deviceEnrollmentType: list({
    unknown: true,
    userEnrollment: true,
    deviceEnrollmentManager: true,
    appleBulkWithUser: true,
    appleBulkWithoutUser: true,
    windowsAzureADJoin: true,
    windowsBulkUserless: true,
    windowsAutoEnrollment: true,
    windowsBulkAzureDomainJoin: true,
    windowsCoManagement: true,
    windowsAzureADJoinUsingDeviceAuth: true,
    appleUserEnrollment: true,
    appleUserEnrollmentWithServiceAccount: true,
    azureAdJoinUsingAzureVmExtension: true,
    androidEnterpriseDedicatedDevice: true,
    androidEnterpriseFullyManaged: true,
    androidEnterpriseCorporateWorkProfile: true,
    androidAOSPUserOwnedDeviceEnrollment: true,
    androidAOSPUserlessDeviceEnrollment: true,
    appleAccountDrivenUserEnrollment: true,
    unknownFutureValue: true,
  } satisfies Record<Beta.DeviceEnrollmentType, true>),
  managementAgentType: list({
    eas: true,
    mdm: true,
    easMdm: true,
    intuneClient: true,
    easIntuneClient: true,
    configurationManagerClient: true,
    configurationManagerClientMdm: true,
    configurationManagerClientMdmEas: true,
    unknown: true,
    jamf: true,
    googleCloudDevicePolicyController: true,
    microsoft365ManagedMdm: true,
    msSense: true,
    intuneAosp: true,
    google: true,
    unknownFutureValue: true,
  } satisfies Record<Beta.ManagementAgentType, true>),
  managementState: list({
    managed: true,
    retirePending: true,
    retireFailed: true,
    wipePending: true,
    wipeFailed: true,
    unhealthy: true,
    deletePending: true,
    retireIssued: true,
    wipeIssued: true,
    wipeCanceled: true,
    retireCanceled: true,
    discovered: true,
  } satisfies Record<Beta.ManagementState, true>),
  deviceActionCategory: list({ single: true, bulk: true } satisfies Record<
    Beta.DeviceActionCategory,
    true
  >),
  remoteAction: list({
    unknown: true,
    factoryReset: true,
    removeCompanyData: true,
    resetPasscode: true,
    remoteLock: true,
    enableLostMode: true,
    disableLostMode: true,
    locateDevice: true,
    rebootNow: true,
    recoverPasscode: true,
    cleanWindowsDevice: true,
    logoutSharedAppleDeviceActiveUser: true,
    quickScan: true,
    fullScan: true,
    windowsDefenderUpdateSignatures: true,
    factoryResetKeepEnrollmentData: true,
    updateDeviceAccount: true,
    automaticRedeployment: true,
    shutDown: true,
    rotateBitLockerKeys: true,
    rotateFileVaultKey: true,
    getFileVaultKey: true,
    setDeviceName: true,
    activateDeviceEsim: true,
    deprovision: true,
    disable: true,
    reenable: true,
    moveDeviceToOrganizationalUnit: true,
    initiateMobileDeviceManagementKeyRecovery: true,
    initiateOnDemandProactiveRemediation: true,
    rotateLocalAdminPassword: true,
    unknownFutureValue: true,
    launchRemoteHelp: true,
    revokeAppleVppLicenses: true,
    removeDeviceFirmwareConfigurationInterfaceManagement: true,
    pauseConfigurationRefresh: true,
    initiateDeviceAttestation: true,
    changeAssignments: true,
    delete: true,
  } satisfies Record<Beta.RemoteAction, true>),
};

/** Beta's remoteActionAudit (nullability as the beta types package declares it). */
const REMOTE_ACTION_AUDIT: PropertySpec[] = [
  { name: 'action', type: 'microsoft.graph.remoteAction', nullable: false },
  { name: 'actionState', type: 'microsoft.graph.actionState', nullable: false },
  { name: 'bulkDeviceActionId', type: 'Edm.String', nullable: true },
  { name: 'deviceActionCategory', type: 'microsoft.graph.deviceActionCategory', nullable: false },
  { name: 'deviceDisplayName', type: 'Edm.String', nullable: true },
  { name: 'deviceIMEI', type: 'Edm.String', nullable: true },
  { name: 'deviceOwnerUserPrincipalName', type: 'Edm.String', nullable: true },
  { name: 'initiatedByUserPrincipalName', type: 'Edm.String', nullable: true },
  { name: 'managedDeviceId', type: 'Edm.String', nullable: true },
  { name: 'requestDateTime', type: 'Edm.DateTimeOffset', nullable: false },
  { name: 'userName', type: 'Edm.String', nullable: true },
];

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const property = (p: PropertySpec) =>
  `<Property Name="${esc(p.name)}" Type="${esc(p.type)}"${p.nullable ? '' : ' Nullable="false"'} />`;

const enumType = (name: string, members: readonly string[]) =>
  // No Value attributes: the extract does not carry Graph's numbers, and JSON clients see only the names.
  `<EnumType Name="${esc(name)}">${members.map((m) => `<Member Name="${esc(m)}" />`).join('')}</EnumType>`;

/** The CSDL document `version` answers at $metadata. */
export function csdl(version: GraphVersion): string {
  const md = metadata.managedDevice;
  const ownProperties = md.properties.filter((p) => !('declaredOn' in p));
  const enums = Object.entries(metadata.enumTypes).map(([name, e]) =>
    enumType(name, version === 'beta' ? (BETA_ENUMS[name] ?? e.members) : e.members),
  );
  if (version === 'beta')
    enums.push(
      enumType('remoteAction', BETA_ENUMS.remoteAction ?? []),
      enumType('deviceActionCategory', BETA_ENUMS.deviceActionCategory ?? []),
    );
  const complexTypes = Object.entries(metadata.complexTypes).map(
    ([name, t]) =>
      `<ComplexType Name="${esc(name)}"${'baseType' in t ? ` BaseType="${esc(t.baseType)}"` : ''}>${t.properties.map(property).join('')}</ComplexType>`,
  );
  const navigation = md.navigationProperties.map(
    (n) =>
      `<NavigationProperty Name="${esc(n.name)}" Type="${esc(n.type)}"${n.containsTarget ? ' ContainsTarget="true"' : ''} />`,
  );
  const actions = metadata.boundActionsOnManagedDevice.map(
    (a) =>
      `<Action Name="${esc(a.name)}" IsBound="true"><Parameter Name="bindingParameter" Type="${esc(a.bindingParameter)}" />${a.parameters.map((p) => `<Parameter Name="${esc(p.name)}" Type="${esc(p.type)}"${p.nullable ? '' : ' Nullable="false"'} />`).join('')}</Action>`,
  );
  const deviceManagementNavigation = [
    '<NavigationProperty Name="managedDevices" Type="Collection(microsoft.graph.managedDevice)" ContainsTarget="true" />',
    ...(version === 'beta'
      ? [
          '<NavigationProperty Name="remoteActionAudits" Type="Collection(microsoft.graph.remoteActionAudit)" ContainsTarget="true" />',
        ]
      : []),
  ];
  const entityTypes = [
    `<EntityType Name="entity" Abstract="true"><Key><PropertyRef Name="id" /></Key>${property({ name: 'id', type: 'Edm.String', nullable: false })}</EntityType>`,
    `<EntityType Name="managedDevice" BaseType="${esc(md.baseType)}">${ownProperties.map(property).join('')}${navigation.join('')}</EntityType>`,
    `<EntityType Name="deviceManagement" BaseType="microsoft.graph.entity">${deviceManagementNavigation.join('')}</EntityType>`,
    '<EntityType Name="user" BaseType="microsoft.graph.entity"><NavigationProperty Name="managedDevices" Type="Collection(microsoft.graph.managedDevice)" ContainsTarget="true" /></EntityType>',
    ...(version === 'beta'
      ? [
          `<EntityType Name="remoteActionAudit" BaseType="microsoft.graph.entity">${REMOTE_ACTION_AUDIT.map(property).join('')}</EntityType>`,
        ]
      : []),
  ];
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">',
    '<edmx:DataServices>',
    `<!-- The emulator's ${version} metadata: managedDevice and its types only (Microsoft Graph's describes the whole service). -->`,
    '<Schema Namespace="microsoft.graph" xmlns="http://docs.oasis-open.org/odata/ns/edm">',
    ...enums,
    ...entityTypes,
    ...complexTypes,
    ...actions,
    '<EntityContainer Name="GraphService">',
    '<Singleton Name="deviceManagement" Type="microsoft.graph.deviceManagement" />',
    '<EntitySet Name="users" EntityType="microsoft.graph.user" />',
    '</EntityContainer>',
    '</Schema>',
    '</edmx:DataServices>',
    '</edmx:Edmx>',
  ].join('\n');
}
