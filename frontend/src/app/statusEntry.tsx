// The applicant's own page (/suivi/<association>/<token>): no Mantine, no router, no sign-in, no
// staff texts; its own small stylesheet and one language file, for a phone over a slow network.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { StatusApp } from '@/features/status/StatusApp';
import '@/features/status/status.css';

export function start() {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <StatusApp />
    </StrictMode>,
  );
}
