// A definition as a file: downloaded as pretty-printed JSON (for those who prefer to write it),
// or read from a chosen file (a Chinese message when it is not JSON).
export function downloadJson(fileName: string, data: unknown): void {
  const blob = new Blob([`${JSON.stringify(data, null, 2)}\n`], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export async function readJsonFile(file: Blob): Promise<{ ok: true; value: unknown } | { ok: false; message: string }> {
  const text = await file.text();
  try {
    return { ok: true, value: JSON.parse(text.replace(/^\uFEFF/, '')) };
  } catch (e) {
    return { ok: false, message: `文件不是有效的 JSON：${(e as Error).message}` };
  }
}
