/**
 * "My contract" — the portal's profile panel: per organization of the customer the contract in
 * force, its services with level and targets per priority, business hours and holidays, monthly
 * prices where the contract shows them, and last quarter's on-time figures.
 */
import Heading from '@atlaskit/heading';
import { token } from '@atlaskit/tokens';
import type { MyContractView } from '../../../src/contract/portal-api';
import { Notice } from '../../shared/ui/notice';
import { ContractCardView } from './components/contract-card';
import { LoadState } from './components/load-state';
import { useI18n } from './messages';
import { portalClient } from './portal-client';
import { useLoad } from './use-load';

export function MyContractPanel() {
  const { t } = useI18n();
  const { load, reload } = useLoad(portalClient.myContract);
  return (
    <div data-testid="portal-my-contract" data-status={load.status} style={{ display: 'flex', flexDirection: 'column', gap: token('space.200') }}>
      <Heading size="medium" as="h2">
        {t('contract.heading')}
      </Heading>
      <LoadState load={load} onRetry={reload} testId="portal-my-contract">
        {(view) => <MyContractBody view={view} />}
      </LoadState>
    </div>
  );
}

function MyContractBody({ view }: { view: MyContractView }) {
  const { t } = useI18n();
  if (view.organizations.length === 0) {
    return (
      <Notice appearance="information" testId="portal-no-organizations">
        {t('contract.noOrganizations')}
      </Notice>
    );
  }
  const without = view.organizations.filter((o) => o.contractIds.length === 0);
  return (
    <>
      {view.contracts.length === 0 ? null : <p style={{ margin: 0, color: token('color.text.subtle') }}>{t('contract.intro')}</p>}
      {without.map((organization) => (
        <Notice key={organization.id} appearance="information" testId="portal-no-contract">
          {t('contract.noContract', { organization: organization.name })}
        </Notice>
      ))}
      {view.contracts.map((contract) => (
        <ContractCardView key={contract.id} contract={contract} />
      ))}
    </>
  );
}
