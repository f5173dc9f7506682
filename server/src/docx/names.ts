// File names around Word documents, shared by the CLI's export and the editor's import/export
// commands: what a report file is called without its extensions.

/** `总结.report.md` → `总结`, `总结.docx` → `总结`, `总结.txt` → `总结`; never empty. */
export function reportStem(fileName: string): string {
  return fileName.replace(/(?:\.report)?(?:\.txt|\.md|\.markdown)?$|\.report$/i, '').replace(/\.docx$/i, '') || 'report';
}
