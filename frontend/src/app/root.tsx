import { MantineProvider } from '@mantine/core';
import { StrictMode, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { theme } from './theme';

let root: Root | null = null;

/** Shows a whole screen of the app: the public pages, the sign-in's progress, or the signed-in app. */
export function show(node: ReactNode) {
  root ??= createRoot(document.getElementById('root')!);
  root.render(
    <StrictMode>
      <MantineProvider theme={theme}>{node}</MantineProvider>
    </StrictMode>,
  );
}
