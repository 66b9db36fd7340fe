export const filterFieldClass = "mt-1 block rounded border border-stone-300 px-2 py-1 font-normal";

export type FilterOption = { value: string; label: string };

/** A list filter's drop-down in a GET form; `anyLabel` names the empty choice, which filters nothing. */
export function FilterSelect({
  label,
  name,
  value,
  anyLabel,
  options,
}: {
  label: string;
  name: string;
  value: string | undefined;
  anyLabel?: string;
  options: FilterOption[];
}) {
  return (
    <label className="font-medium">
      {label}
      <select name={name} defaultValue={value ?? ""} className={filterFieldClass}>
        {anyLabel !== undefined && <option value="">{anyLabel}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}
