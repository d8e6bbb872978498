import type { ReactNode } from 'react';

interface Props {
  id: string;
  name: string;
  label: string;
  /** The current value; '' selects the empty option. */
  value: string;
  /** The text of the empty option (no filter). */
  emptyLabel: string;
  options: readonly { value: string; label: string }[];
  /** A hint shown below the select, which it describes. */
  hint?: ReactNode;
}

/** One labelled select of a GET filter form: an empty "any" option, then `options`. */
export function FilterSelect({ id, name, label, value, emptyLabel, options, hint }: Props) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={value} aria-describedby={hint ? `${id}-hint` : undefined}>
        <option value="">{emptyLabel}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {hint && (
        <span id={`${id}-hint`} className="hint">
          {hint}
        </span>
      )}
    </div>
  );
}
