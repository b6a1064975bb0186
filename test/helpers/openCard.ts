// Opens a collapsed table-row card as a tap on its title does in a browser: jsdom does not toggle
// <details> on a click on its <summary>, but does fire `toggle` when `open` is set.
import { act } from '@testing-library/react';

export async function openCard(card: HTMLDetailsElement): Promise<void> {
  await act(async () => {
    card.open = true;
    await new Promise<void>((resolve) => card.addEventListener('toggle', () => resolve(), { once: true }));
  });
}
