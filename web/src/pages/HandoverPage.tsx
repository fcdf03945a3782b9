/** @module The handover page. */
import { ComingSoonPage } from './ComingSoonPage.tsx';

export default function HandoverPage() {
  return <ComingSoonPage id="handover" />;
}
