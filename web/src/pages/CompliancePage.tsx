/** @module The compliance page. */
import { ComingSoonPage } from './ComingSoonPage.tsx';

export default function CompliancePage() {
  return <ComingSoonPage id="compliance" />;
}
