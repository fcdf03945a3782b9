/** @module The monitoring page. */
import { ComingSoonPage } from './ComingSoonPage.tsx';

export default function MonitoringPage() {
  return <ComingSoonPage id="monitoring" />;
}
