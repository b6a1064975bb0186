// rjsf's Markdown, loaded only when a page shows some: rjsf renders markdown only for
// descriptions or help a definition marks as markdown (no form of ours does) and for its own
// configuration errors, yet importing it put markdown-to-jsx (about 35 KB gzipped, a sixth of the
// officer's first load) on every page. The build points @rjsf/core's import here (vite.config.ts).
import { lazy, Suspense, type ComponentProps } from 'react';

const Real = lazy(async () => ({ default: (await import('markdown-to-jsx/react')).Markdown }));

export function Markdown(props: ComponentProps<typeof Real>) {
  return <Suspense fallback={<span>{typeof props.children === 'string' ? props.children : null}</span>}><Real {...props} /></Suspense>;
}
