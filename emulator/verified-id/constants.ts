// Fixed identifiers of the emulated Verified ID set-up, without heavy imports, so that launchers and test configuration
// can name them: the Request Service's resource, the console's Verified ID app registration and the verifier's DID.

/** The Verified ID Request Service's application id: its client-credentials scope is `<this>/.default`. */
export const REQUEST_SERVICE_RESOURCE = '3db474b9-6a0c-4840-96ac-1fceb342124f';
/** The application permission (app role) createPresentationRequest needs. */
export const VERIFIED_ID_PERMISSION = 'VerifiableCredential.Create.All';
/** Where the emulator serves what stands for https://verifiedid.did.msidentity.com. */
export const VERIFIED_ID_BASE_PATH = '/verifiedid';

/** The console's own app registration for Verified ID (granted VerifiableCredential.Create.All, admin consented). */
export const DEMO_VERIFIED_ID_CLIENT_ID = '7d3e9f1a-5c2b-4e8d-a1f0-6b4c8e2d9a37';
/** Its client secret: a fixed demo value, only ever valid against this emulator. */
export const DEMO_VERIFIED_ID_CLIENT_SECRET = 'emulator-only.verified-id-demo-secret';
/** A second registration whose admin never granted the permission: its tokens carry no role. */
export const UNGRANTED_VERIFIED_ID_CLIENT_ID = '8e4fa02b-6d3c-4f9e-b2a1-7c5d9f3e0b48';
export const UNGRANTED_VERIFIED_ID_CLIENT_SECRET = 'emulator-only.ungranted-demo-secret';

/** The tenant's verifier (and issuer) DID, as the Verified ID set-up of the emulated tenant publishes it. */
export const DEMO_VERIFIER_DID = 'did:web:verifiedid.contoso.com';
