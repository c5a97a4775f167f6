/** One labelled multi-line plan field. */
export function TextSection(props: {
  name: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
}) {
  const id = `plan-field-${props.name}`;
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <textarea
        id={id}
        name={props.name}
        rows={3}
        maxLength={32000}
        value={props.value}
        onInput={(e) => props.onInput(e.currentTarget.value)}
      />
    </div>
  );
}
