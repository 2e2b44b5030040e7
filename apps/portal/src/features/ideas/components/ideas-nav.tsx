import { useSession } from '@tally/ui';
import { NavLink } from 'react-router';

/** The board's own pages; "My impact" needs a member, the rest a visitor may read. */
export function IdeasNav() {
  const signedIn = Boolean(useSession().data);
  const links = [
    { to: '/ideas', label: 'All ideas', end: true },
    { to: '/ideas/new', label: 'Submit an idea' },
    { to: '/ideas/roadmap', label: 'Roadmap' },
    { to: '/ideas/shipped', label: 'Shipped thanks to you' },
    ...(signedIn ? [{ to: '/ideas/impact', label: 'My impact' }] : []),
  ];
  return (
    <nav aria-label="Ideas board" className="ideas-nav">
      <ul>
        {links.map((link) => (
          <li key={link.to}>
            <NavLink to={link.to} end={link.end}>
              {link.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
