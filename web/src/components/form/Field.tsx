/**
 * @module One labelled form control. The label names the control by id (screen readers, clicking
 * the label focuses it); the control itself is the caller's, so every input keeps its own props.
 */
import type { ReactNode } from 'react';

export function Field({ id, label, children }: { id: string; label: ReactNode; children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children}
    </div>
  );
}
