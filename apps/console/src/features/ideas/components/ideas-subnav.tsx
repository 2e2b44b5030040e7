import { NavLink } from 'react-router';

/** The two ways into the board for staff: every idea, and what waits for a moderator. */
export function IdeasSubnav() {
  return (
    <nav aria-label="Ideas pages" className="ideas-subnav">
      <ul>
        <li>
          <NavLink to="/ideas" end>
            All ideas
          </NavLink>
        </li>
        <li>
          <NavLink to="/ideas/review">Review queue</NavLink>
        </li>
      </ul>
    </nav>
  );
}
