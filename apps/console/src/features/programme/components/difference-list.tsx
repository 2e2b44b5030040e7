import { type ProgrammeDifference } from '@tally/domain';

/** A change's differences in plain words; the ones worse for members are marked in words, not colour alone. */
export function DifferenceList({
  differences,
  label,
}: {
  differences: ProgrammeDifference[];
  label: string;
}) {
  return (
    <ul aria-label={label} className="programme-differences">
      {differences.map((d) => (
        <li
          key={`${d.setting}:${d.summary}`}
          className={d.worse ? 'programme-differences__worse' : undefined}
        >
          {d.worse ? <strong>Worse for members: </strong> : null}
          {d.summary}
        </li>
      ))}
    </ul>
  );
}
