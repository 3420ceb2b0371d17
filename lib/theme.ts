/*
 * The page colours outside CSS: the browser's toolbar (viewport themeColor) and
 * the installed app's splash screen (manifest). They match --bg in
 * app/styles/base.css, light and dark.
 */
export const themeColours = {
  light: { background: '#fbfaf7', theme: '#fbfaf7' },
  dark: { background: '#141414', theme: '#141414' },
} as const;
