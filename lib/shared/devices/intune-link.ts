// Where the Intune admin center shows a device, for escalation: its overview blade, in the console's tenant (the
// tenant segment keeps an agent signed in to several tenants in the right one).
export const INTUNE_ADMIN_CENTER = 'https://intune.microsoft.com';

export function intuneDeviceUrl(tenant: string, deviceId: string): string {
  return `${INTUNE_ADMIN_CENTER}/${encodeURIComponent(tenant)}/#view/Microsoft_Intune_Devices/DeviceSettingsMenuBlade/~/overview/mdmDeviceId/${encodeURIComponent(deviceId)}`;
}
