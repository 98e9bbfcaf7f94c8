// The public pages (the deadline calculator) on a phone over a slow network: only the styles of the
// Mantine components they use (not Mantine's whole stylesheet), no router, no sign-in.
import '@mantine/core/styles/baseline.css';
import '@mantine/core/styles/default-css-variables.css';
import '@mantine/core/styles/global.css';
// Mantine's order: the components others are built on first (a Button is an UnstyledButton whose
// reset would otherwise undo the button's padding, border and background), then the rest.
import '@mantine/core/styles/UnstyledButton.css';
import '@mantine/core/styles/Paper.css';
import '@mantine/core/styles/Group.css';
import '@mantine/core/styles/Loader.css';
import '@mantine/core/styles/Input.css';
import '@mantine/core/styles/FloatingIndicator.css';
import '@mantine/core/styles/Alert.css';
import '@mantine/core/styles/Button.css';
import '@mantine/core/styles/Grid.css';
import '@mantine/core/styles/SegmentedControl.css';
import '@mantine/core/styles/Stack.css';
import '@mantine/core/styles/Text.css';
import '@mantine/core/styles/Title.css';
import './app.css';
import { PublicApp } from './PublicApp';
import { show } from './root';

export function start() {
  show(<PublicApp />);
}
