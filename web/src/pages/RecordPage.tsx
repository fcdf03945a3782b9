/** @module The record page. */
import { ComingSoonPage } from './ComingSoonPage.tsx';

export default function RecordPage() {
  return <ComingSoonPage id="record" />;
}
