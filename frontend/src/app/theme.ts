import { createTheme } from '@mantine/core';

// Shade 8 keeps white text on filled buttons above the AA contrast ratio.
export const theme = createTheme({
  primaryColor: 'indigo',
  primaryShade: 8,
  defaultRadius: 'sm',
});
