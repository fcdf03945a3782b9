/** @module The force page. */
import { ComingSoonPage } from './ComingSoonPage.tsx';

export default function ForcePage() {
  return <ComingSoonPage id="force" />;
}
