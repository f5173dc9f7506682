// The virtual module of esbuild.mjs: docx/io.ts, required from dist/docx-io.js on first use in
// the Node server and the CLI, bundled in elsewhere.
declare module 'workreport-docx-io' {
  const load: () => import('./io').DocxIo;
  export default load;
}
