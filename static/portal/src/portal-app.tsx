/**
 * The portal bundle's root: the request detail panel ("Your agreement") on a portal request, the
 * profile panel ("My contract") on the customer's profile page. Which one comes from the module type
 * in the Forge context; anything but the request panel shows "My contract", which needs no request.
 */
import { MyContractPanel } from './my-contract-panel';
import { RequestPanel } from './request-panel';
import { appRootStyle } from '../../shared/ui/app-root-style';

/** `context.extension.type` of the request detail panel (manifest.yml). */
export const REQUEST_PANEL_MODULE_TYPE = 'jiraServiceManagement:portalRequestDetailPanel';

const rootStyle = { ...appRootStyle, minWidth: 0, overflowWrap: 'anywhere' } as const;

export function PortalApp({ moduleType }: { moduleType: string | null }) {
  return <main style={rootStyle}>{moduleType === REQUEST_PANEL_MODULE_TYPE ? <RequestPanel /> : <MyContractPanel />}</main>;
}
