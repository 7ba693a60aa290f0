// Worker bundles inlined as text by scripts/build.mjs (see its workerSourcePlugin).
declare module 'worker-source:*' {
  const source: string;
  export default source;
}
