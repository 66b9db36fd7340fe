/** ↑ and ↓ for one item of a list admins order; each sends the item's id and the direction to `action`. */
export function MoveButtons(props: {
  action: (formData: FormData) => void;
  idField: string;
  id: string;
  name: string;
  first: boolean;
  last: boolean;
  className: string;
}) {
  return (["up", "down"] as const).map((direction) => (
    <form key={direction} action={props.action}>
      <input type="hidden" name={props.idField} value={props.id} />
      <input type="hidden" name="direction" value={direction} />
      <button
        type="submit"
        disabled={direction === "up" ? props.first : props.last}
        aria-label={`Move ${props.name} ${direction}`}
        className={props.className}
      >
        {direction === "up" ? "↑" : "↓"}
      </button>
    </form>
  ));
}
