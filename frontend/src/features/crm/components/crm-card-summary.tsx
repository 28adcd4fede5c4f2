import type { Source } from '@hamgam/shared';
import { CrmCounts } from './crm-counts';
import '../crm.css';
import { WatermarkNotice } from './watermark-notice';

export type CrmCardSummaryProps = { source: Source };

/** What the CRM adds to its card: our counts beside the CRM's, and the watermark. */
export function CrmCardSummary({ source }: CrmCardSummaryProps) {
  return (
    <>
      <CrmCounts source={source} />
      <WatermarkNotice source={source} />
    </>
  );
}
