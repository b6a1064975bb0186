// What every reviewer page is built from, loaded once when the reviewer's pages open: the forms
// (published, of open campaigns in the area), the campaigns, and the area as a division tree.
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { useSession } from '../../app/SessionContext';
import type { Division, FormSummary, Campaign } from '../../api/types';
import { ErrorMessage, Layout, Loading } from '../../components/Layout';
import { useLoad } from '../../components/useLoad';
import { t } from '../../i18n/tReviewer';
import { buildDivisionTree, type DivisionNode } from './buildDivisionTree';
import { reviewerApi } from './reviewerApi';

export interface Catalog {
  forms: FormSummary[];
  campaigns: Campaign[];
  divisions: Division[];
  tree: DivisionNode[];
  divisionName(code: string): string;
  /** The campaigns using a form, newest first. */
  campaignsOf(formId: string): Campaign[];
}

const CatalogContext = createContext<Catalog | null>(null);

export function useCatalog(): Catalog {
  const value = useContext(CatalogContext);
  if (!value) throw new Error('useCatalog needs a CatalogProvider');
  return value;
}

export function CatalogProvider({ children }: { children: ReactNode }) {
  const { user } = useSession();
  const loaded = useLoad(() => Promise.all([reviewerApi.forms(), reviewerApi.campaigns(), reviewerApi.divisions()]), []);
  const catalog = useMemo<Catalog | null>(() => {
    if (!loaded.value || !user) return null;
    const [forms, campaigns, divisions] = loaded.value;
    const names = new Map(divisions.items.map((d) => [d.code, d.name]));
    return {
      forms: forms.items,
      campaigns: campaigns.items,
      divisions: divisions.items,
      tree: buildDivisionTree(divisions.items, user.scope, user.role),
      divisionName: (code) => names.get(code) ?? code,
      campaignsOf: (formId) => campaigns.items.filter((c) => c.forms.includes(formId)).sort((a, b) => b.year - a.year),
    };
  }, [loaded.value, user]);
  if (loaded.error) return <Layout title={t('rv_title')} wide><ErrorMessage message={loaded.error} retry={loaded.reload} /></Layout>;
  if (!catalog) return <Layout title={t('rv_title')} wide><Loading /></Layout>;
  return <CatalogContext.Provider value={catalog}>{children}</CatalogContext.Provider>;
}

/** A provider with a catalog made by the caller (component tests). */
export function StaticCatalog({ catalog, children }: { catalog: Catalog; children: ReactNode }) {
  return <CatalogContext.Provider value={catalog}>{children}</CatalogContext.Provider>;
}
