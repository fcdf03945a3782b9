/** Vite's `?url` imports: the built file's URL (here, MapLibre's worker bundle). */
declare module '*?url' {
  const url: string;
  export default url;
}
