import { useContactRows } from '../../features/crm/components/use-contact-rows';
import { RecordsPage } from '../../features/records/components/records-page';

/** The data browser, with what the CRM adds to its contacts (pending links, "link to a student"). */
export function RecordsRoute() {
  return <RecordsPage useTableRows={useContactRows} />;
}
