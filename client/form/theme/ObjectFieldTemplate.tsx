// Objects: at the root, the form's sections in the seed's order (一、基本信息 …), each hidden
// when its condition says so; elsewhere (a table row, a nested group) the fields in a grid.
import type { ObjectFieldTemplateProps } from '@rjsf/utils';
import type { ReactElement } from 'react';
import { fillText, type Section as SectionDefinition } from '../../../engine/index';
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

export function ObjectFieldTemplate({ properties, fieldPathId, registry }: ObjectFieldTemplateProps) {
  if (fieldPathId.path.length > 0) return <div className="object-fields">{properties.map((p) => p.content)}</div>;
  const { definition, session } = rendererContext(registry);
  const sections = definition.sections ?? [];
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
      {rest.length ? <section className="form-section">{rest}</section> : null}
    </div>
  );
}
