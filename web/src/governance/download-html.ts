/**
 * Saves an HTML document the API produced (a processing record, an assurance report) as a file: the API wants the
 * staff token, which a plain link cannot send, and a saved page opens on its own, with its own styles.
 */
export async function downloadHtml(load: () => Promise<string>, fileName: string): Promise<void> {
  const url = URL.createObjectURL(new Blob([await load()], { type: 'text/html' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // The click has started the download; the address can go once the browser has read it.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
