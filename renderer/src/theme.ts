import {
  ActionIcon,
  Badge,
  Button,
  createTheme,
  Drawer,
  Paper,
  SegmentedControl,
  Select,
  Table,
  TextInput,
  Tooltip,
  type MantineColorsTuple,
} from '@mantine/core';

/**
 * The one brand colour: a calm, slightly grey teal. Every other colour on screen carries a
 * meaning (grade, status, warning), never decoration.
 */
const brand: MantineColorsTuple = [
  '#e8f6f4',
  '#d5ebe7',
  '#aad5cd',
  '#7cbfb2',
  '#56ac9c',
  '#3e9f8e',
  '#2f9887',
  '#1f8474',
  '#117566',
  '#006556',
];

export const theme = createTheme({
  primaryColor: 'brand',
  primaryShade: { light: 7, dark: 6 },
  colors: { brand },
  defaultRadius: 'sm',
  cursorType: 'pointer',
  respectReducedMotion: true,
  // A dense desk tool: slightly smaller type than a website, system fonts only (the CSP forbids
  // remote fonts, and the operating system's own face reads best at small sizes).
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "Noto Sans", "Liberation Sans", Arial, sans-serif',
  fontFamilyMonospace: 'ui-monospace, "SF Mono", "Cascadia Mono", "Roboto Mono", Menlo, Consolas, monospace',
  fontSizes: { xs: '0.6875rem', sm: '0.8125rem', md: '0.875rem', lg: '1rem', xl: '1.125rem' },
  lineHeights: { xs: '1.35', sm: '1.4', md: '1.45', lg: '1.5', xl: '1.55' },
  headings: {
    fontWeight: '600',
    sizes: {
      h1: { fontSize: '1.375rem', lineHeight: '1.3' },
      h2: { fontSize: '1.125rem', lineHeight: '1.35' },
      h3: { fontSize: '0.9375rem', lineHeight: '1.4' },
      h4: { fontSize: '0.875rem', lineHeight: '1.4' },
    },
  },
  components: {
    Button: Button.extend({ defaultProps: { size: 'sm' } }),
    ActionIcon: ActionIcon.extend({ defaultProps: { variant: 'subtle', color: 'gray' } }),
    TextInput: TextInput.extend({ defaultProps: { size: 'sm' } }),
    Select: Select.extend({ defaultProps: { size: 'sm', allowDeselect: false } }),
    SegmentedControl: SegmentedControl.extend({ defaultProps: { size: 'xs' } }),
    // Sentence-case badges: a screen full of capitals shouts, and translations read better.
    Badge: Badge.extend({
      defaultProps: { variant: 'light', radius: 'sm' },
      styles: { root: { textTransform: 'none', letterSpacing: 0, fontWeight: 600 } },
    }),
    Tooltip: Tooltip.extend({ defaultProps: { openDelay: 350, withArrow: true } }),
    Table: Table.extend({ defaultProps: { verticalSpacing: 6, horizontalSpacing: 'sm', fz: 'sm' } }),
    Paper: Paper.extend({ defaultProps: { withBorder: true, radius: 'md' } }),
    Drawer: Drawer.extend({ defaultProps: { position: 'right', size: 640 } }),
  },
});
