/** Vite turns `?inline` CSS imports into the stylesheet's text. */
declare module '*.css?inline' {
  const css: string;
  export default css;
}

/** The chat app's entry file name (content-hashed), written in by the build. */
declare const __PARLEY_APP__: string;
