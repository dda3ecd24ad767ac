import { Alert, Stack, Tabs, Title } from '@mantine/core';
import { useCurrentSite } from '../shared/current-site';
import { may } from '../shared/permissions';
import { useMe } from '../shared/session';
import { useUrlParams } from '../shared/use-url-params';
import { BillingProviderTab } from './billing-provider-form';
import { ChargeQueueTab } from './charge-queue-tab';
import { PayersTab } from './payers-tab';
import { ReportsTab } from './reports-tab';

// Each tab shows with the server's read permission for what it reads (me.permissions); the server decides.
const TABS = [
  { value: 'queue', label: 'Charge queue', permission: 'charge.read' },
  { value: 'provider', label: 'Billing provider', permission: 'billing.setup.read' },
  { value: 'payers', label: 'Payers', permission: 'payer.read' },
  { value: 'reports', label: 'Reports', permission: 'billing.report' },
] as const;
type TabValue = (typeof TABS)[number]['value'];

/** Billing at the current site: the charge queue, the site's billing provider and the payer directory. */
export function BillingPage() {
  const { site } = useCurrentSite();
  const me = useMe();
  const [params, editParams] = useUrlParams();
  if (!site) return <Alert color="yellow">You are not a member of any site yet.</Alert>;
  const tabs = TABS.filter((item) => may(me.data, item.permission));
  const requested = params.get('tab');
  const tab: TabValue = tabs.find((item) => item.value === requested)?.value ?? 'queue';
  const open = (value: string | null) =>
    editParams(
      (next) => {
        for (const key of [...next.keys()]) next.delete(key);
        if (value && value !== 'queue') next.set('tab', value);
      },
      { replace: true },
    );

  return (
    <Stack>
      <Title order={1} size="h2">
        Billing at {site.name}
      </Title>
      <Tabs value={tab} onChange={open} keepMounted={false}>
        <Tabs.List aria-label="Billing">
          {tabs.map((item) => (
            <Tabs.Tab key={item.value} value={item.value}>
              {item.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="queue" pt="md">
          <ChargeQueueTab siteId={site.id} />
        </Tabs.Panel>
        <Tabs.Panel value="provider" pt="md">
          <BillingProviderTab siteId={site.id} />
        </Tabs.Panel>
        <Tabs.Panel value="payers" pt="md">
          <PayersTab />
        </Tabs.Panel>
        <Tabs.Panel value="reports" pt="md">
          <ReportsTab siteId={site.id} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
