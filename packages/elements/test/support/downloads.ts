/**
 * Captures what an element downloads through `<a download>` + `URL.createObjectURL`: the Blob
 * and the file name. The click is prevented so the browser saves nothing.
 */
export function captureDownloads() {
  const files: { name: string; blob: Blob }[] = [];
  const blobs: Blob[] = [];
  const revoked: string[] = [];
  const create = URL.createObjectURL;
  const revoke = URL.revokeObjectURL;
  URL.createObjectURL = (obj: Blob | MediaSource) => {
    if (obj instanceof Blob) blobs.push(obj);
    return create.call(URL, obj);
  };
  URL.revokeObjectURL = (url: string) => {
    revoked.push(url);
    revoke.call(URL, url);
  };
  const onClick = (e: Event) => {
    const a = e.composedPath()[0];
    if (a instanceof HTMLAnchorElement && a.hasAttribute('download')) {
      e.preventDefault();
      const blob = blobs[blobs.length - 1];
      if (blob) files.push({ name: a.download, blob });
    }
  };
  document.addEventListener('click', onClick, true);
  return {
    files,
    revoked,
    restore() {
      URL.createObjectURL = create;
      URL.revokeObjectURL = revoke;
      document.removeEventListener('click', onClick, true);
    },
  };
}
