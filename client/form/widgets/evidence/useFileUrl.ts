// Where a photo or signature is shown from: the copy on the phone while there is one (a draft's
// photo not uploaded yet, offline), else the server's (GET /api/attachments/<reference>, which
// checks the reader may see it and lets the browser cache it for good: a reference never changes).
import { useEffect, useState } from 'react';
import { getFile } from '../../../offline/files';

export function serverFileUrl(reference: string): string {
  return `/api/attachments/${encodeURIComponent(reference)}`;
}

export function useFileUrl(reference: string | null | undefined): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    setUrl(null);
    if (!reference) return;
    let active = true;
    let local: string | null = null;
    getFile(reference)
      .then((file) => {
        if (!active) return;
        if (file) {
          local = URL.createObjectURL(new Blob([file.bytes], { type: file.contentType }));
          setUrl(local);
        } else setUrl(serverFileUrl(reference));
      })
      .catch(() => active && setUrl(serverFileUrl(reference)));
    return () => {
      active = false;
      if (local) URL.revokeObjectURL(local);
    };
  }, [reference]);
  return url;
}
