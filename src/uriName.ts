// The last segment of a URI's path. URIs always use '/', whatever the platform: no node:path needed,
// so this works in the web extension host too.
export function baseName(uri: { readonly path: string }): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}
