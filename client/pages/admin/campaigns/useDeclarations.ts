// The campaign parameters a set of forms declares (their latest published versions), with the
// forms declaring each: what a campaign must supply, typed, for the parameter inputs.
import { useEffect, useState } from 'react';
import type { ParameterDeclarationInfo } from '../../../api/types';
import { adminApi } from '../adminApi';

export function useDeclarations(formIds: string[]): Record<string, ParameterDeclarationInfo> {
  const [declarations, setDeclarations] = useState<Record<string, ParameterDeclarationInfo>>({});
  const key = [...formIds].sort().join(',');
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed by the forms' ids as a set (`key`), not the array's identity, which is new at each render.
  useEffect(() => {
    let active = true;
    void Promise.all(formIds.map((id) => adminApi.latest(id).catch(() => null))).then((forms) => {
      if (!active) return;
      const out: Record<string, ParameterDeclarationInfo> = {};
      for (const form of forms) {
        for (const [name, d] of Object.entries(form?.definition.parameters ?? {})) {
          out[name] ??= { ...d, forms: [] };
          out[name].forms.push(form!.title);
        }
      }
      setDeclarations(out);
    });
    return () => {
      active = false;
    };
  }, [key]);
  return declarations;
}
