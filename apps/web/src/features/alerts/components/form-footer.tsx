import { Button } from '../../../ui/button.tsx';

/** Cancel and the form's submit button, which says when it is saving. */
export function FormFooter({
  onCancel,
  pending,
  label,
}: {
  onCancel: () => void;
  pending: boolean;
  label: string;
}) {
  return (
    <div className="flex justify-end gap-2">
      <Button variant="ghost" onClick={onCancel}>
        Cancel
      </Button>
      <Button type="submit" variant="primary" disabled={pending}>
        {pending ? 'Saving…' : label}
      </Button>
    </div>
  );
}
