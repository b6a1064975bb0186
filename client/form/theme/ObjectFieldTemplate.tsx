// Objects: at the root, the form's sections in the seed's order (一、基本信息 …), each hidden
// when its condition says so; elsewhere (a table row, a nested group) the fields in a grid. A
// long form on the officer's fill page shows its first screen first: the first sections in the
// first frame, the others rendered just after, when the browser is idle, in a transition that
// gives way to a tap or a keystroke.
import type { ObjectFieldTemplateProps } from '@rjsf/utils';
import { startTransition, useEffect, useState, type ReactElement } from 'react';
import { fillText, type Section as SectionDefinition } from '@engine';
import { HIDDEN_SECTIONS_KEYS } from '../FormStore';
import { useFormStore } from '../useFormStore';
import { rendererContext } from './formContext';

function Section({ section, children, fill }: { section: SectionDefinition; children: ReactElement[]; fill: (text: string) => string }) {
  const hidden = useFormStore((s) => s.hiddenSections.has(section.id), HIDDEN_SECTIONS_KEYS);
  if (hidden) return null;
  return (
    <section className="form-section" id={`section-${section.id}`} aria-labelledby={`section-title-${section.id}`}>
      <h2 id={`section-title-${section.id}`}>{section.title}</h2>
      {section.description ? <p className="section-description">{fill(section.description)}</p> : null}
      {children}
    </section>
  );
}

/** About the fields a phone's first screen shows, and a few more: the sections that hold them come first. */
const FIRST_SCREEN_FIELDS = 12;

/** How many of the sections the first frame renders: those up to the first screen's fields. */
export function firstScreenSections(sections: readonly SectionDefinition[]): number {
  let fields = 0;
  for (let i = 0; i < sections.length; i++) {
    fields += sections[i]!.fields.length;
    if (fields >= FIRST_SCREEN_FIELDS) return i + 1;
  }
  return sections.length;
}

/** The number of sections to render: `first` at first, all of them once the browser is idle. */
function useShownSections(first: number): number {
  const [all, setAll] = useState(first === Infinity);
  useEffect(() => {
    if (all) return;
    const show = () => startTransition(() => setAll(true));
    if (typeof window.requestIdleCallback === 'function') {
      const idle = window.requestIdleCallback(show, { timeout: 200 });
      return () => window.cancelIdleCallback(idle);
    }
    const timer = setTimeout(show, 0);
    return () => clearTimeout(timer);
  }, [all]);
  return all ? Infinity : first;
}

export function ObjectFieldTemplate(props: ObjectFieldTemplateProps) {
  if (props.fieldPathId.path.length > 0) return <div className="object-fields">{props.properties.map((p) => p.content)}</div>;
  return <RootSections {...props} />;
}

function RootSections({ properties, registry }: ObjectFieldTemplateProps) {
  const { definition, session, firstScreenFirst } = rendererContext(registry);
  const allSections = definition.sections ?? [];
  const sections = allSections.slice(0, useShownSections(firstScreenFirst ? firstScreenSections(allSections) : Infinity));
  const fill = (text: string) => fillText(session.form, text, session.context);
  const byName = new Map(properties.map((p) => [p.name, p.content]));
  const placed = new Set(sections.flatMap((s) => s.fields));
  const rest = properties.filter((p) => !placed.has(p.name)).map((p) => p.content);
  return (
    <div className="form-sections">
      {sections.map((section) => (
        <Section key={section.id} section={section} fill={fill}>
          {section.fields.map((name) => byName.get(name)).filter((c): c is ReactElement => !!c)}
        </Section>
      ))}
      {rest.length && sections.length === allSections.length ? <section className="form-section">{rest}</section> : null}
    </div>
  );
}
