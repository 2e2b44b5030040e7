/**
 * @jest-environment @tally/ui/jest-environment
 */
import { render, screen } from '@testing-library/react';
import { LinkifiedText } from '../linkified-text';

describe(LinkifiedText.name, () => {
  it('makes http(s) addresses links, leaves the full stop after one outside it, and renders markup as text', () => {
    const { container } = render(
      <pre>
        <LinkifiedText
          text={
            'Open https://tally.test/console/accept-invitation?token=abc. Or javascript:alert(1) <b>x</b>'
          }
        />
      </pre>,
    );

    const links = screen.getAllByRole('link');
    expect(links.map((link) => link.getAttribute('href'))).toEqual([
      'https://tally.test/console/accept-invitation?token=abc',
    ]);
    expect(container.textContent).toBe(
      'Open https://tally.test/console/accept-invitation?token=abc. Or javascript:alert(1) <b>x</b>',
    );
    expect(container.querySelector('b')).toBeNull();
  });
});
