/**
 * Saves a Blob under a file name through a temporary `<a download>` with an object URL
 * (revoked once the click has been handled). `root` is where the link lives meanwhile.
 */
export function downloadBlob(blob: Blob, fileName: string, root: Node & ParentNode): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.hidden = true;
  root.appendChild(a);
  try {
    a.click();
  } finally {
    a.remove();
    // Chromium reads the blob after the click returns: revoking at once could cut the download short.
    setTimeout(() => URL.revokeObjectURL(url), 5_000);
  }
}
