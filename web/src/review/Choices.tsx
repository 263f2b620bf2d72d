/** One choice among labelled options, as radio buttons (arrow keys move between them), inside a fieldset's legend. */
export function Choices<V extends string>({
  name,
  options,
  label,
  value,
  onChange,
}: {
  name: string;
  options: readonly V[];
  label(option: V): string;
  value: V | undefined;
  onChange(option: V): void;
}) {
  return (
    <div className="review-choices">
      {options.map((option) => (
        <label key={option}>
          <input
            type="radio"
            name={name}
            value={option}
            checked={value === option}
            onChange={() => onChange(option)}
          />{' '}
          {label(option)}
        </label>
      ))}
    </div>
  );
}
