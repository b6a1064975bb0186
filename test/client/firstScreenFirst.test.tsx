// A long form on the officer's fill page shows its first screen first: the first sections in the
// first render, the others a moment later (when the browser is idle), with every field there then.
import { render, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FormRenderer } from '../../client/form/FormRenderer';
import { FormSession } from '../../client/form/FormSession';
import { firstScreenSections } from '../../client/form/theme/ObjectFieldTemplate';
import { monitoringHousehold } from '../../bench/fixtures/monitoringHousehold';
import { loadCampaign, loadForm } from '../helpers/forms';
import { preparedForm } from '../helpers/preparedForm';

const definition = loadForm('monitoring-object');

function renderForm(firstScreenFirst: boolean) {
  const prepared = preparedForm(definition);
  const session = new FormSession({ form: prepared.form, context: { params: loadCampaign('2021').parameters, household: null }, data: monitoringHousehold(10) });
  return render(<FormRenderer definition={definition} session={session} validator={prepared.validator} firstScreenFirst={firstScreenFirst} />);
}

const titles = (container: HTMLElement) => [...container.querySelectorAll('.form-section h2')].map((h) => h.textContent);

describe('the first screen first', () => {
  it('renders the monitoring form\'s screening and basic sections first, then the rest with every field', async () => {
    // 10 screening questions and 7 basic ones fill more than a phone's first screen.
    expect(firstScreenSections(definition.sections!)).toBe(2);
    const view = renderForm(true);
    expect(titles(view.container)).toEqual([definition.sections![0]!.title, '一、基本信息']);
    expect(view.container.querySelector('[data-pointer="/E1"]')).not.toBeNull();
    expect(view.container.querySelector('[data-pointer="/A28"]')).toBeNull();
    await waitFor(() => expect(titles(view.container)).toEqual(definition.sections!.map((s) => s.title)));
    expect(view.container.querySelector('[data-pointer="/A28"] input')).not.toBeNull();
    expect(view.container.querySelectorAll('.row-card')).toHaveLength(10);
  });

  it('renders every section at once where the page does not ask for it (a reviewer, the builder\'s preview)', () => {
    const view = renderForm(false);
    expect(titles(view.container)).toEqual(definition.sections!.map((s) => s.title));
  });
});
