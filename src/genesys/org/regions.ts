// Genesys Cloud regions by the keys of the SDK's PureCloudRegionHosts. Copied here so settings,
// pickers and messages can name regions without loading the SDK; a unit test keeps this list
// equal to the installed SDK's, and the SDK-backed client still takes the host from the SDK.

export const GENESYS_REGION_HOSTS = Object.freeze({
  us_east_1: 'mypurecloud.com',
  eu_west_1: 'mypurecloud.ie',
  ap_southeast_2: 'mypurecloud.com.au',
  ap_northeast_1: 'mypurecloud.jp',
  eu_central_1: 'mypurecloud.de',
  us_west_2: 'usw2.pure.cloud',
  ca_central_1: 'cac1.pure.cloud',
  ap_northeast_2: 'apne2.pure.cloud',
  eu_west_2: 'euw2.pure.cloud',
  ap_south_1: 'aps1.pure.cloud',
  us_east_2: 'use2.us-gov-pure.cloud',
  sa_east_1: 'sae1.pure.cloud',
  me_central_1: 'mec1.pure.cloud',
  ap_northeast_3: 'apne3.pure.cloud',
  eu_central_2: 'euc2.pure.cloud',
  mx_central_1: 'mxc1.pure.cloud',
  ap_southeast_1: 'apse1.pure.cloud',
  eusc_de_east_1: 'edee1.eusc-pure.cloud',
});

export type GenesysRegion = keyof typeof GENESYS_REGION_HOSTS;

export const GENESYS_REGIONS = Object.freeze(
  Object.keys(GENESYS_REGION_HOSTS),
) as readonly GenesysRegion[];

export function isGenesysRegion(value: unknown): value is GenesysRegion {
  return typeof value === 'string' && Object.hasOwn(GENESYS_REGION_HOSTS, value);
}
